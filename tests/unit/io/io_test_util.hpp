#pragma once
// Helpers for the reader/writer tests: read from string literals, capture error text, and
// compare two networks field by field (amounts bit for bit).

#include <gtest/gtest.h>

#include <cstring>
#include <sstream>
#include <string>

#include "core/error.hpp"
#include "io/load.hpp"

namespace crashchain::testing_io {

inline Network csv(const std::string& edges, const std::string* nodes = nullptr) {
    std::istringstream e(edges);
    if (nodes == nullptr) return read_csv(e, nullptr, "edges.csv", {});
    std::istringstream n(*nodes);
    return read_csv(e, &n, "edges.csv", "nodes.csv");
}

inline Network json(const std::string& text) {
    std::istringstream in(text);
    return read_json(in, "net.json");
}

inline Network dot(const std::string& text) { return read_dot(text, "net.dot"); }

/// The InputError text of `read()`, or "no error".
template <typename Read>
std::string error_of(Read read) {
    try {
        read();
    } catch (const InputError& error) {
        return error.what();
    }
    return "no error";
}

inline bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

inline void expect_same_optional(const std::optional<double>& a, const std::optional<double>& b,
                                 const std::string& what) {
    ASSERT_EQ(a.has_value(), b.has_value()) << what;
    if (a) {
        EXPECT_TRUE(same_bits(*a, *b)) << what << ": " << *a << " vs " << *b;
    }
}

/// Same entities and contracts, in the same order, with the same attributes.
inline void expect_same_network(const Network& a, const Network& b) {
    ASSERT_EQ(a.entity_count(), b.entity_count());
    ASSERT_EQ(a.contract_count(), b.contract_count());
    for (EntityIndex i = 0; i < a.entity_count(); ++i) {
        const Entity& x = a.entity(i);
        const Entity& y = b.entity(i);
        const std::string what = "entity " + x.id;
        EXPECT_EQ(x.id, y.id);
        EXPECT_EQ(x.type, y.type) << what;
        EXPECT_EQ(x.label, y.label) << what;
        expect_same_optional(x.capital, y.capital, what + " capital");
        expect_same_optional(x.assets, y.assets, what + " assets");
        expect_same_optional(x.liabilities, y.liabilities, what + " liabilities");
        expect_same_optional(x.hardware, y.hardware, what + " hardware");
        expect_same_optional(x.valuation, y.valuation, what + " valuation");
        expect_same_optional(x.revenue, y.revenue, what + " revenue");
        EXPECT_EQ(x.attributes, y.attributes) << what;
    }
    for (ContractIndex c = 0; c < a.contract_count(); ++c) {
        const Contract& x = a.contract(c);
        const Contract& y = b.contract(c);
        const std::string what = "contract " + std::to_string(c);
        EXPECT_EQ(a.id(x.from), b.id(y.from)) << what;
        EXPECT_EQ(a.id(x.to), b.id(y.to)) << what;
        EXPECT_EQ(x.kind, y.kind) << what;
        EXPECT_EQ(x.status, y.status) << what;
        EXPECT_TRUE(same_bits(x.amount, y.amount)) << what << ": " << x.amount << " vs " << y.amount;
        expect_same_optional(x.stake, y.stake, what + " stake");
        expect_same_optional(x.lgd, y.lgd, what + " lgd");
        expect_same_optional(x.term, y.term, what + " term");
        EXPECT_EQ(x.attributes, y.attributes) << what;
    }
}

}  // namespace crashchain::testing_io
