#pragma once
// The legend of a diagram: the entity types and contract kinds present, the status markers
// used, and the overlay's entries (default rounds, extra entries, unmarked entities).

#include <string>
#include <vector>

#include "report/diagram.hpp"

namespace crashchain {

/// A `subgraph cluster_legend { ... }` block (DOT text, indented for the graph body), or empty
/// when there is nothing to explain. Types are listed for the entities with `drawn[i]`. Sample
/// node names start with `prefix`, which no entity id may start with.
[[nodiscard]] std::string diagram_legend(const Network& network, const DiagramOverlay& overlay,
                                         const std::vector<bool>& drawn,
                                         const std::string& prefix);

}  // namespace crashchain
