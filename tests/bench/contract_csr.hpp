#pragma once
// The contracts of a network as a plain CSR (from -> to, one entry per contract): the input
// scipy's connected_components gets, for benchmarks of the search alone.

#include <cstdint>
#include <vector>

#include "model/network.hpp"

namespace crashchain {

struct ContractCsr {
    std::vector<std::uint32_t> offsets;  ///< size entities + 1
    std::vector<std::uint32_t> targets;
};

inline ContractCsr contract_csr(const Network& net) {
    ContractCsr csr;
    csr.offsets.assign(net.entity_count() + 1, 0);
    for (const Contract& c : net.contracts()) ++csr.offsets[c.from + 1];
    for (std::size_t v = 0; v < net.entity_count(); ++v) csr.offsets[v + 1] += csr.offsets[v];
    csr.targets.resize(net.contract_count());
    std::vector<std::uint32_t> fill(csr.offsets.begin(), csr.offsets.end() - 1);
    for (const Contract& c : net.contracts()) csr.targets[fill[c.from]++] = c.to;
    return csr;
}

}  // namespace crashchain
