#include "circularity/index.hpp"

namespace crashchain {

CircularityIndex index_circularity(const Network& network) {
    return {build_hop_graph(network), strong_component_labels(network), id_ranks(network)};
}

}  // namespace crashchain
