#include "contagion/exposures.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "core/amount.hpp"
#include "core/error.hpp"

namespace crashchain {

double effective_lgd(const Contract& contract, const LgdOverrides& overrides) {
    if (contract.lgd) return *contract.lgd;
    if (const auto& o = overrides[static_cast<std::size_t>(contract.kind)]) return *o;
    return kind_info(contract.kind).default_lgd;
}

ExposurePair exposure_pair(const Contract& contract) {
    if (kind_info(contract.kind).exposed == ExposedSide::source) {
        return {contract.from, contract.to};
    }
    return {contract.to, contract.from};
}

double SparseRows::at(std::size_t row, EntityIndex col) const {
    const auto cols = columns(row);
    const auto it = std::lower_bound(cols.begin(), cols.end(), col);
    if (it == cols.end() || *it != col) return 0;
    return value[start[row] + static_cast<std::size_t>(it - cols.begin())];
}

SparseRows build_rows(std::size_t rows, const std::vector<Triplet>& triplets) {
    // Counting sort by row keeps triplet order inside a row; a stable sort by column then
    // keeps it among duplicates, so parallel contracts are summed in contract order.
    std::vector<std::uint64_t> count(rows + 1, 0);
    for (const auto& t : triplets) ++count[t.row + 1];
    for (std::size_t r = 0; r < rows; ++r) count[r + 1] += count[r];
    std::vector<std::pair<EntityIndex, double>> slots(triplets.size());
    {
        std::vector<std::uint64_t> next(count.begin(), count.end() - 1);
        for (const auto& t : triplets) slots[next[t.row]++] = {t.column, t.value};
    }
    SparseRows out;
    out.start.assign(rows + 1, 0);
    out.column.reserve(triplets.size());
    out.value.reserve(triplets.size());
    for (std::size_t r = 0; r < rows; ++r) {
        const auto first = slots.begin() + static_cast<std::ptrdiff_t>(count[r]);
        const auto last = slots.begin() + static_cast<std::ptrdiff_t>(count[r + 1]);
        std::stable_sort(first, last,
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto it = first; it != last;) {
            const EntityIndex col = it->first;
            double sum = 0;
            for (; it != last && it->first == col; ++it) sum += it->second;
            if (sum != 0) {
                out.column.push_back(col);
                out.value.push_back(sum);
            }
        }
        out.start[r + 1] = out.column.size();
    }
    out.column.shrink_to_fit();
    out.value.shrink_to_fit();
    return out;
}

SparseRows transpose(const SparseRows& matrix, std::size_t columns) {
    return transpose(matrix, matrix.value, columns);
}

namespace {

/// From this many entries a transpose takes two cache-friendly passes instead of one scatter
/// over the whole output (at 10M entries each write of the scatter missed the cache).
constexpr std::uint64_t kTwoPassTransposeFrom = std::uint64_t{1} << 20;
/// Column blocks of the first pass: few enough output streams to stay in cache, small enough
/// that a block's region of the output does too.
constexpr std::size_t kTransposeBlocks = 256;

}  // namespace

SparseRows transpose(const SparseRows& matrix, std::span<const double> values,
                     std::size_t columns) {
    SparseRows out;
    out.start.assign(columns + 1, 0);
    for (EntityIndex c : matrix.column) ++out.start[c + 1];
    for (std::size_t c = 0; c < columns; ++c) out.start[c + 1] += out.start[c];
    const std::uint64_t entries = matrix.entries();
    out.column.resize(entries);
    out.value.resize(entries);
    std::vector<std::uint64_t> next(out.start.begin(), out.start.end() - 1);
    // Rows are visited in increasing order, so every transposed row comes out sorted.
    if (entries < kTwoPassTransposeFrom) {
        for (std::size_t r = 0; r < matrix.rows(); ++r) {
            for (std::uint64_t k = matrix.start[r]; k < matrix.start[r + 1]; ++k) {
                const auto slot = next[matrix.column[k]]++;
                out.column[slot] = static_cast<EntityIndex>(r);
                out.value[slot] = values[k];
            }
        }
        return out;
    }
    // Pass 1 appends each entry to its block of 2^shift columns, in row order; pass 2 places
    // the entries of one block within the block's region, still in row order.
    const std::size_t width = std::bit_ceil((columns + kTransposeBlocks - 1) / kTransposeBlocks);
    const auto shift = static_cast<unsigned>(std::countr_zero(width));
    const std::size_t blocks = (columns + width - 1) / width;
    auto region_start = [&](std::size_t b) { return out.start[std::min(b * width, columns)]; };
    std::vector<std::uint64_t> fill(blocks);
    for (std::size_t b = 0; b < blocks; ++b) fill[b] = region_start(b);
    std::vector<EntityIndex> held(entries);  // each placed entry's column
    for (std::size_t r = 0; r < matrix.rows(); ++r) {
        for (std::uint64_t k = matrix.start[r]; k < matrix.start[r + 1]; ++k) {
            const EntityIndex c = matrix.column[k];
            const auto p = fill[c >> shift]++;
            held[p] = c;
            out.column[p] = static_cast<EntityIndex>(r);
            out.value[p] = values[k];
        }
    }
    std::vector<EntityIndex> rows;
    std::vector<double> held_values;
    for (std::size_t b = 0; b < blocks; ++b) {
        const std::uint64_t begin = region_start(b);
        const std::uint64_t end = region_start(b + 1);
        rows.assign(out.column.begin() + static_cast<std::ptrdiff_t>(begin),
                    out.column.begin() + static_cast<std::ptrdiff_t>(end));
        held_values.assign(out.value.begin() + static_cast<std::ptrdiff_t>(begin),
                           out.value.begin() + static_cast<std::ptrdiff_t>(end));
        for (std::uint64_t p = begin; p < end; ++p) {
            const auto slot = next[held[p]]++;
            out.column[slot] = rows[p - begin];
            out.value[slot] = held_values[p - begin];
        }
    }
    return out;
}

namespace {

/// One message per overflowing pair, naming both entities.
void check_finite(const Network& network, const SparseRows& rows, bool row_is_counterparty,
                  std::string_view what) {
    Diagnostics problems;
    for (std::size_t r = 0; r < rows.rows(); ++r) {
        const auto cols = rows.columns(r);
        const auto vals = rows.values(r);
        for (std::size_t k = 0; k < cols.size(); ++k) {
            if (std::isfinite(vals[k])) continue;
            const auto& a = network.id(row_is_counterparty ? cols[k] : static_cast<EntityIndex>(r));
            const auto& b = network.id(row_is_counterparty ? static_cast<EntityIndex>(r) : cols[k]);
            problems.add({{}, std::nullopt, "entity " + a,
                          std::string(what) + " " + b +
                              " overflows (the summed amounts are not a finite number of dollars)"});
        }
    }
    problems.throw_if_any();
}

}  // namespace

SparseRows build_exposures(const Network& network, const LgdOverrides& overrides) {
    std::vector<Triplet> triplets;
    triplets.reserve(network.contract_count());
    for (const auto& c : network.contracts()) {
        if (c.from == c.to) continue;  // SPEC 6: a self-loop is never an exposure
        const auto [exposed, counterparty] = exposure_pair(c);
        const double x = c.amount * effective_lgd(c, overrides);
        if (x > 0 || !std::isfinite(x)) triplets.push_back({counterparty, exposed, x});
    }
    SparseRows rows = build_rows(network.entity_count(), triplets);
    check_finite(network, rows, true, "exposure to");
    return rows;
}

Obligations build_obligations(const Network& network) {
    std::vector<Triplet> triplets;
    for (const auto& c : network.contracts()) {
        if (c.from == c.to) continue;  // SPEC 6: a self-loop is never an obligation
        switch (kind_info(c.kind).obligor) {
            case Obligor::target:
                triplets.push_back({c.to, c.from, c.amount});
                break;
            case Obligor::source:
                triplets.push_back({c.from, c.to, c.amount});
                break;
            case Obligor::none:
                break;
        }
    }
    Obligations out;
    out.by_debtor = build_rows(network.entity_count(), triplets);
    check_finite(network, out.by_debtor, false, "obligation to");
    out.by_creditor = transpose(out.by_debtor, network.entity_count());
    out.network_owed.assign(network.entity_count(), 0);
    Diagnostics problems;
    for (std::size_t i = 0; i < network.entity_count(); ++i) {
        double sum = 0;
        for (double v : out.by_debtor.values(i)) sum += v;
        out.network_owed[i] = sum;
        if (!std::isfinite(sum)) {
            problems.add({{}, std::nullopt, "entity " + network.id(static_cast<EntityIndex>(i)),
                          "total obligations overflow (not a finite number of dollars)"});
        }
    }
    problems.throw_if_any();
    return out;
}

}  // namespace crashchain
