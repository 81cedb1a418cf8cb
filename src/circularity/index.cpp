#include "circularity/index.hpp"

#include "circularity/pearce_scc.hpp"

namespace crashchain {

CircularityIndex index_circularity(const Network& network) {
    CircularityIndex index;
    index.hops = build_hop_graph(network);
    // The hops connect exactly the entities the contracts do, in fewer edges.
    index.components = pearce_components(index.hops.first_hop, index.hops.to);
    index.id_rank = id_ranks(network);
    return index;
}

}  // namespace crashchain
