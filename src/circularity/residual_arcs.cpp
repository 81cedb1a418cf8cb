#include "circularity/residual_arcs.hpp"

namespace crashchain::detail {

ResidualArcs build_residual_arcs(std::uint32_t nodes, const std::vector<CapacityArc>& arcs) {
    ResidualArcs out;
    // Row sizes by endpoint (an arc has a residual arc at each end), then their prefix sums.
    out.first.assign(nodes + 1, 0);
    for (const auto& a : arcs) {
        ++out.first[a.from + 1];
        ++out.first[a.to + 1];
    }
    for (std::uint32_t v = 0; v < nodes; ++v) out.first[v + 1] += out.first[v];
    const std::size_t size = out.first[nodes];
    out.head.resize(size);
    out.reverse.resize(size);
    out.back.resize(size);
    out.room.resize(size);
    out.forward_of.resize(arcs.size());
    std::vector<std::uint32_t> at(out.first.begin(), out.first.end() - 1);  // next free slot
    for (std::size_t i = 0; i < arcs.size(); ++i) {
        const std::uint32_t f = at[arcs[i].from]++, b = at[arcs[i].to]++;
        out.head[f] = arcs[i].to;
        out.reverse[f] = b;
        out.back[f] = 0;
        out.room[f] = arcs[i].capacity;
        out.head[b] = arcs[i].from;
        out.reverse[b] = f;
        out.back[b] = 1;
        out.room[b] = 0;
        out.forward_of[i] = f;
    }
    return out;
}

}  // namespace crashchain::detail
