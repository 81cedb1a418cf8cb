#pragma once
// Tiny networks for the contagion tests, built in code (no reader involved).

#include <optional>
#include <string>

#include "contagion/stress_result.hpp"
#include "model/network.hpp"

namespace crashchain::test {

struct Figures {
    std::optional<double> capital;
    std::optional<double> assets;
    std::optional<double> liabilities;
};

class Builder {
public:
    Builder& entity(const std::string& id, Figures figures = {}) {
        const EntityIndex i = network_.find_or_add(id);
        Entity& e = network_.entity(i);
        e.capital = figures.capital;
        e.assets = figures.assets;
        e.liabilities = figures.liabilities;
        return *this;
    }
    /// A capital-only entity (cascade models).
    Builder& capital(const std::string& id, double c) { return entity(id, {c, {}, {}}); }
    /// A balance-sheet entity (clearing).
    Builder& sheet(const std::string& id, double assets, double liabilities) {
        return entity(id, {{}, assets, liabilities});
    }
    Builder& contract(const std::string& from, const std::string& to, ContractKind kind,
                      double amount, std::optional<double> lgd = std::nullopt) {
        Contract c;
        c.from = network_.find_or_add(from);
        c.to = network_.find_or_add(to);
        c.kind = kind;
        c.amount = amount;
        c.lgd = lgd;
        network_.add_contract(std::move(c));
        return *this;
    }
    /// `debtor` owes `creditor` `amount`: a loan from creditor to debtor (SPEC 1.6).
    Builder& owes(const std::string& debtor, const std::string& creditor, double amount) {
        return contract(creditor, debtor, ContractKind::loan, amount);
    }
    [[nodiscard]] const Network& network() const { return network_; }

private:
    Network network_;
};

/// A shock vector from (id, F) pairs.
inline std::vector<double> shocks(const Network& net,
                                  std::initializer_list<std::pair<const char*, double>> list) {
    std::vector<double> s(net.entity_count(), 0.0);
    for (const auto& [id, f] : list) s[*net.find(id)] = f;
    return s;
}

inline const EntityOutcome& outcome(const StressResult& r, const Network& net, const char* id) {
    return r.entities[*net.find(id)];
}

}  // namespace crashchain::test
