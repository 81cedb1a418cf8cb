#pragma once
// Strongly connected components of what is left of the search graph while the cycle search
// removes its start vertices one by one (detail of the cycle search). Johnson's algorithm
// searches each start in the component of the remaining graph that contains it; recomputing it
// after every start costs a pass per start, so here a component is split again only when a
// search has just covered a good part of it (and so already paid for a pass over it).

#include <cstdint>
#include <vector>

#include "circularity/search_graph.hpp"

namespace crashchain::detail {

class ShrinkingComponents {
public:
    explicit ShrinkingComponents(const SearchGraph& graph);

    /// Components of the whole graph restricted to arcs of rank below `rank_limit`; with
    /// `all_arcs` (no arc is left out) they are those of the graph, already known, and the graph
    /// need not be ranked.
    void reset(std::uint32_t rank_limit, bool all_arcs);
    [[nodiscard]] std::uint32_t label(std::uint32_t v) const { return label_[v]; }
    /// Remaining vertices in v's component (v included while not removed).
    [[nodiscard]] std::uint32_t size_of(std::uint32_t v) const { return size_[label_[v]]; }
    /// Removes v (the vertices are removed in increasing order); with `split`, recomputes the
    /// components of what remains of v's component.
    void remove(std::uint32_t v, bool split);
    /// Arcs scanned so far.
    [[nodiscard]] std::uint64_t work() const { return work_; }

private:
    static constexpr std::uint32_t kAlone = 0;  ///< label of every one-vertex component

    /// Tarjan's algorithm (iterative) over the remaining members of component `old_label`.
    void split(std::uint32_t old_label);
    std::uint32_t new_label();

    const SearchGraph& graph_;
    std::uint32_t rank_limit_ = 0;
    bool all_arcs_ = true;  ///< no arc is left out: the ranks (maybe not built) are not read
    std::uint32_t removed_below_ = 0;  ///< every vertex below this index is removed
    std::vector<std::uint32_t> label_;
    std::vector<std::uint32_t> size_;                  ///< per label
    std::vector<std::vector<std::uint32_t>> members_;  ///< per label, may hold removed vertices
    // Tarjan state
    std::vector<std::uint32_t> index_, low_, visit_stamp_;
    std::uint32_t visit_ = 0;
    std::uint64_t work_ = 0;
    std::vector<std::uint8_t> on_stack_;
    std::vector<std::uint32_t> stack_;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> calls_;  ///< (vertex, next arc)
};

}  // namespace crashchain::detail
