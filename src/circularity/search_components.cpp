#include "circularity/search_components.hpp"

#include <algorithm>
#include <numeric>

namespace crashchain::detail {

ShrinkingComponents::ShrinkingComponents(const SearchGraph& graph) : graph_(graph) {
    label_.assign(graph.vertex_count(), 0);
}

void ShrinkingComponents::reset(std::uint32_t rank_limit, bool all_arcs) {
    rank_limit_ = rank_limit;
    all_arcs_ = all_arcs;
    removed_below_ = 0;
    // Label 0: every vertex alone in its component (never searched, never admitted).
    size_.assign(1, 1);
    members_.assign(1, {});
    if (all_arcs) {
        // Every search vertex has an arc inside its component, so none is alone.
        std::uint32_t top = 0;
        for (const auto c : graph_.component) top = std::max(top, c);
        std::vector<std::uint32_t> local(std::size_t{top} + 1, kAlone);
        for (std::uint32_t v = 0; v < graph_.vertex_count(); ++v) {
            std::uint32_t& l = local[graph_.component[v]];
            if (l == kAlone) l = new_label();
            label_[v] = l;
            members_[l].push_back(v);
            ++size_[l];
        }
        return;
    }
    const std::uint32_t all = new_label();
    size_[all] = graph_.vertex_count();
    members_[all].resize(graph_.vertex_count());
    std::iota(members_[all].begin(), members_[all].end(), std::uint32_t{0});
    std::fill(label_.begin(), label_.end(), all);
    split(all);
}

void ShrinkingComponents::remove(std::uint32_t v, bool split_after) {
    if (label_[v] == kAlone) return;
    --size_[label_[v]];
    removed_below_ = v + 1;
    if (split_after && size_[label_[v]] > 1) split(label_[v]);
}

std::uint32_t ShrinkingComponents::new_label() {
    size_.push_back(0);
    members_.emplace_back();
    return static_cast<std::uint32_t>(size_.size() - 1);
}

void ShrinkingComponents::split(std::uint32_t old_label) {
    // Tarjan's state is made on the first split: a search stopped by --limit within its first
    // start never splits, and these arrays would be fresh pages written for nothing.
    if (index_.empty()) {
        const std::uint32_t n = graph_.vertex_count();
        index_.assign(n, 0);
        low_.assign(n, 0);
        visit_stamp_.assign(n, 0);
        on_stack_.assign(n, 0);
    }
    if (++visit_ == 0) {
        std::fill(visit_stamp_.begin(), visit_stamp_.end(), 0);
        visit_ = 1;
    }
    std::vector<std::uint32_t> members = std::move(members_[old_label]);
    members_[old_label].clear();
    size_[old_label] = 0;
    const auto inside = [&](std::uint32_t w) {
        return w >= removed_below_ && label_[w] == old_label;
    };
    std::uint32_t counter = 0;
    for (const std::uint32_t root : members) {
        if (!inside(root) || visit_stamp_[root] == visit_) continue;
        const auto open = [&](std::uint32_t v) {
            visit_stamp_[v] = visit_;
            index_[v] = low_[v] = counter++;
            stack_.push_back(v);
            on_stack_[v] = 1;
            calls_.emplace_back(v, graph_.out_begin[v]);
        };
        open(root);
        while (!calls_.empty()) {
            auto& [v, arc] = calls_.back();
            ++work_;
            if (arc < graph_.out_begin[v + 1] &&
                (all_arcs_ || graph_.out_rank[arc] < rank_limit_)) {
                const std::uint32_t w = graph_.out_to[arc++];
                if (!inside(w)) continue;
                if (visit_stamp_[w] != visit_) {
                    open(w);
                } else if (on_stack_[w]) {
                    low_[v] = std::min(low_[v], index_[w]);
                }
                continue;
            }
            const std::uint32_t done = v;
            calls_.pop_back();
            if (!calls_.empty()) {
                const std::uint32_t parent = calls_.back().first;
                low_[parent] = std::min(low_[parent], low_[done]);
            }
            if (low_[done] != index_[done]) continue;
            // `done` roots a component: pop it. Labels of finished components differ from
            // old_label, so `inside` no longer admits them.
            if (stack_.back() == done) {
                stack_.pop_back();
                on_stack_[done] = 0;
                label_[done] = kAlone;
                continue;
            }
            const std::uint32_t fresh = new_label();
            std::uint32_t w;
            do {
                w = stack_.back();
                stack_.pop_back();
                on_stack_[w] = 0;
                label_[w] = fresh;
                members_[fresh].push_back(w);
                ++size_[fresh];
            } while (w != done);
        }
    }
}

}  // namespace crashchain::detail
