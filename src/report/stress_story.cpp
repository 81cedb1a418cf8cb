// The crash chain as an analyst reads it: who falls in which round, and because of whom —
// down to the contracts (`purchase $300B × lgd 0.3 = $90B`) or the shortfalls that did it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "core/amount.hpp"
#include "report/stress_report.hpp"

namespace crashchain {
namespace {

constexpr std::size_t kCausesShown = 3;
constexpr std::size_t kContractsShown = 3;

std::string percent(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", 100 * share);
    return buffer;
}

std::string fixed(double value, int decimals) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

/// The contracts behind the exposures and obligations the printed lines mention, found in one
/// pass over the network.
class ContractLookup {
public:
    ContractLookup(const Network& network, const LgdOverrides& lgd,
                   const std::set<std::pair<EntityIndex, EntityIndex>>& pairs,
                   const std::set<EntityIndex>& creditors)
        : network_(network), lgd_(lgd) {
        if (pairs.empty() && creditors.empty()) return;
        for (ContractIndex c = 0; c < network.contract_count(); ++c) {
            const Contract& contract = network.contract(c);
            if (contract.from == contract.to) continue;
            const auto [exposed, counterparty] = exposure_pair(contract);
            if (pairs.count({exposed, counterparty}) != 0) {
                exposures_[{exposed, counterparty}].push_back(c);
            }
            const auto obligor = kind_info(contract.kind).obligor;
            if (obligor == Obligor::none) continue;
            const EntityIndex debtor = obligor == Obligor::target ? contract.to : contract.from;
            const EntityIndex creditor = obligor == Obligor::target ? contract.from : contract.to;
            if (pairs.count({creditor, debtor}) != 0) owed_[{creditor, debtor}] += contract.amount;
            if (creditors.count(creditor) != 0) receivable_[creditor] += contract.amount;
        }
    }

    /// `loan $10M × lgd 0.6 + purchase $5M × lgd 0.3`, and the summed exposure.
    std::pair<std::string, Dollars> exposure(EntityIndex exposed, EntityIndex counterparty) const {
        const auto it = exposures_.find({exposed, counterparty});
        if (it == exposures_.end()) return {"", 0};
        std::string text;
        Dollars total = 0;
        std::size_t shown = 0;
        for (ContractIndex c : it->second) {
            const Contract& contract = network_.contract(c);
            const double lgd = effective_lgd(contract, lgd_);
            total += contract.amount * lgd;
            if (shown == kContractsShown) continue;
            if (!text.empty()) text += " + ";
            text += std::string(to_string(contract.kind)) + " " + format_amount(contract.amount) +
                    " × lgd " + format_exact(lgd);
            ++shown;
        }
        if (it->second.size() > shown) {
            text += " + " + std::to_string(it->second.size() - shown) + " more";
        }
        return {text, total};
    }

    /// What `debtor` owes `creditor` in all.
    Dollars owed(EntityIndex creditor, EntityIndex debtor) const {
        const auto it = owed_.find({creditor, debtor});
        return it == owed_.end() ? 0 : it->second;
    }

    /// What the network owes `creditor` in all.
    Dollars receivable(EntityIndex creditor) const {
        const auto it = receivable_.find(creditor);
        return it == receivable_.end() ? 0 : it->second;
    }

private:
    const Network& network_;
    const LgdOverrides& lgd_;
    std::map<std::pair<EntityIndex, EntityIndex>, std::vector<ContractIndex>> exposures_;
    std::map<std::pair<EntityIndex, EntityIndex>, Dollars> owed_;
    std::map<EntityIndex, Dollars> receivable_;
};

std::string shock_line(const StressContext& context, Model model) {
    std::string text;
    const auto& net = context.network;
    for (EntityIndex i = 0; i < context.shock.size(); ++i) {
        const double f = context.shock[i];
        if (f <= 0) continue;
        if (!text.empty()) text += "; ";
        if (f >= 1) {
            text += net.id(i) + (model == Model::clearing ? " loses all its external assets"
                                                          : " defaults");
        } else {
            text += net.id(i) + " loses " + percent(f) +
                    (model == Model::clearing ? " of its external assets" : " of its capital");
        }
    }
    return "shock: " + (text.empty() ? std::string("none") : text);
}

/// Entities to print for one round: defaults first, then by capital lost, then index.
std::vector<const EntityOutcome*> ordered(std::vector<const EntityOutcome*> list) {
    std::sort(list.begin(), list.end(), [](const EntityOutcome* a, const EntityOutcome* b) {
        if (a->defaulted != b->defaulted) return a->defaulted;
        const double la = a->capital_lost.value_or(0), lb = b->capital_lost.value_or(0);
        if (la != lb) return la > lb;
        return a->entity < b->entity;
    });
    return list;
}

class Story {
public:
    Story(const StressContext& context, const StressResult& result, std::size_t limit)
        : context_(context), result_(result), limit_(limit) {}

    std::vector<std::string> tell() {
        const Model model = result_.model;
        // Which entities get a line, round by round.
        std::map<int, std::vector<const EntityOutcome*>> by_round;
        std::map<int, std::size_t> round_size;
        std::vector<const EntityOutcome*> hit;
        for (const auto& e : result_.entities) {
            const bool in_chain = model == Model::debtrank || model == Model::linear_debtrank
                                      ? e.round.has_value()
                                      : e.defaulted;
            if (in_chain && e.round) {
                by_round[*e.round].push_back(&e);
                ++round_size[*e.round];
            } else if (e.status == EntityStatus::distressed) {
                hit.push_back(&e);
            }
        }
        std::set<std::pair<EntityIndex, EntityIndex>> pairs;
        for (auto& [round, list] : by_round) {
            list = ordered(std::move(list));
            if (list.size() > limit_) list.resize(limit_);
            for (const auto* e : list) add_pairs(*e, pairs);
        }
        hit = ordered(std::move(hit));
        if (model == Model::clearing) {
            std::stable_sort(hit.begin(), hit.end(), [this](const auto* a, const auto* b) {
                return shortfall_received(*a) > shortfall_received(*b);
            });
        }
        const std::size_t hit_total = hit.size();
        if (hit.size() > limit_) hit.resize(limit_);
        for (const auto* e : hit) add_pairs(*e, pairs);
        std::set<EntityIndex> creditors;
        if (model == Model::clearing) {
            for (const auto& [round, list] : by_round) {
                for (const auto* e : list) creditors.insert(e->entity);
            }
        }
        lookup_.emplace(context_.network, context_.options.lgd_override, pairs, creditors);

        std::vector<std::string> lines{shock_line(context_, model)};
        for (const auto& [round, list] : by_round) {
            for (const auto* e : list) lines.push_back(entity_line(round, *e));
            const std::size_t total = round_size[round];
            if (total > list.size()) {
                lines.push_back("round " + std::to_string(round) + ": ... and " +
                                std::to_string(total - list.size()) + " more");
            }
        }
        if (!hit.empty()) {
            lines.push_back(model == Model::clearing ? "hit but still paying in full:"
                                                     : "hit but not in default:");
            for (const auto* e : hit) lines.push_back("  " + survivor_line(*e));
            if (hit_total > hit.size()) {
                lines.push_back("  ... and " + std::to_string(hit_total - hit.size()) + " more");
            }
        }
        return lines;
    }

private:
    const std::string& id(EntityIndex i) const { return context_.network.id(i); }
    double shock(EntityIndex i) const { return context_.shock.empty() ? 0 : context_.shock[i]; }

    /// The pairs whose contracts the lines may print: the first causes, and for a Furfine
    /// default the first of those from earlier rounds (the ones its line shows).
    void add_pairs(const EntityOutcome& e, std::set<std::pair<EntityIndex, EntityIndex>>& pairs) {
        auto add = [&](const std::vector<Transmission>& causes) {
            for (std::size_t k = 0; k < causes.size() && k < kCausesShown + 1; ++k) {
                pairs.insert({e.entity, causes[k].counterparty});
            }
        };
        add(e.causes);
        if (result_.model == Model::furfine && e.defaulted && e.round) {
            add(causes_before(e, *e.round));
        }
    }

    /// For Furfine: only defaults of earlier rounds count towards a default in `round`.
    std::vector<Transmission> causes_before(const EntityOutcome& e, int round) const {
        std::vector<Transmission> out;
        for (const auto& t : e.causes) {
            const auto& source = result_.entities[t.counterparty];
            if (result_.model != Model::furfine || (source.round && *source.round < round)) {
                out.push_back(t);
            }
        }
        return out;
    }

    std::string because(const EntityOutcome& e, const std::vector<Transmission>& causes,
                        std::string prefix = {}) const {
        std::vector<std::string> parts;
        if (!prefix.empty()) parts.push_back(std::move(prefix));
        for (std::size_t k = 0; k < causes.size() && k < kCausesShown; ++k) {
            parts.push_back(cause_text(e, causes[k]));
        }
        if (causes.size() > kCausesShown) {
            parts.push_back(std::to_string(causes.size() - kCausesShown) + " more");
        }
        if (parts.empty()) return "";
        std::string text = " (";
        for (std::size_t k = 0; k < parts.size(); ++k) text += (k ? "; " : "") + parts[k];
        return text + ")";
    }

    std::string cause_text(const EntityOutcome& e, const Transmission& t) const {
        const std::string& from = id(t.counterparty);
        if (result_.model == Model::clearing) {
            const Dollars due = lookup_->owed(e.entity, t.counterparty);
            return "short-paid by " + from + ": " + format_amount(t.loss) + " of " +
                   format_amount(due) + " due";
        }
        const auto [contracts, exposure] = lookup_->exposure(e.entity, t.counterparty);
        if (result_.model == Model::furfine) {
            return "from " + from + ": " + contracts + " = " + format_amount(t.loss);
        }
        // DebtRank: what j transmitted is X[i][j] times j's distress when it propagated.
        const double h = exposure > 0 ? t.loss / exposure : 0;
        return "from " + from + ": exposure " + format_amount(exposure) + " × h " + fixed(h, 2) +
               " = " + format_amount(t.loss);
    }

    Dollars shortfall_received(const EntityOutcome& e) const {
        Dollars total = 0;
        for (const auto& t : e.causes) total += t.loss;
        return total;
    }

    std::string entity_line(int round, const EntityOutcome& e) const {
        const std::string head = "round " + std::to_string(round) + ": " + id(e.entity) +
                                 (e.defaulted ? " defaults" : " distressed");
        const double f = shock(e.entity);
        switch (result_.model) {
            case Model::furfine: {
                const double capital = e.capital.value_or(0);
                if (round == 0) return head + " — initial shock, loses its capital " +
                                       format_amount(capital);
                const auto causes = causes_before(e, round);
                Dollars loss = f * capital;
                for (const auto& t : causes) loss += t.loss;
                return head + " — loss " + format_amount(loss) + " ≥ capital " +
                       format_amount(capital) +
                       because(e, causes,
                               f > 0 ? "shock " + format_amount(f * capital) : std::string{});
            }
            case Model::debtrank:
            case Model::linear_debtrank: {
                std::string text = head + " — h " + fixed(e.h.value_or(0), 2) + ", ";
                text += e.defaulted ? "loses all its capital " + format_amount(e.capital.value_or(0))
                                    : "loses " + format_amount(e.capital_lost.value_or(0)) +
                                          " of " + format_amount(e.capital.value_or(0)) +
                                          " capital";
                if (round == 0) return text + " (initial shock)";
                return text + because(e, e.causes);
            }
            case Model::clearing:
                break;
        }
        return head + " — " + clearing_position(e) +
               because(e, e.causes,
                       f > 0 ? "shock: external assets cut by " + percent(f) : std::string{});
    }

    /// `has $17M (assets $12M + received $5M) < owes $20M; pays $17M (85%)`.
    std::string clearing_position(const EntityOutcome& e) const {
        const Entity& entity = context_.network.entity(e.entity);
        const Dollars assets = entity.assets.value_or(0) * (1 - shock(e.entity));
        const Dollars received =
            std::max(0.0, lookup_->receivable(e.entity) - shortfall_received(e));
        std::string text = "has " + format_amount(assets + received) + " (assets " +
                           format_amount(assets) + " + received " + format_amount(received) +
                           ") ";
        text += e.defaulted ? "< owes " : "≥ owes ";
        text += format_amount(e.obligations.value_or(0)) + "; pays " +
                format_amount(e.payment.value_or(0)) + " (" + percent(e.recovery.value_or(1)) +
                ")";
        return text;
    }

    std::string survivor_line(const EntityOutcome& e) const {
        if (result_.model == Model::clearing) {
            return id(e.entity) + " received " + format_amount(shortfall_received(e)) +
                   " less than due; equity " + format_amount(e.equity.value_or(0)) +
                   because(e, e.causes);
        }
        const double f = shock(e.entity);
        std::string text = id(e.entity) + " loses " + format_amount(e.capital_lost.value_or(0)) +
                           " of " + format_amount(e.capital.value_or(0)) + " capital";
        return text + because(e, e.causes,
                              f > 0 ? "shock " + format_amount(f * e.capital.value_or(0))
                                    : std::string{});
    }

    const StressContext& context_;
    const StressResult& result_;
    std::size_t limit_;
    std::optional<ContractLookup> lookup_;
};

}  // namespace

std::vector<std::string> crash_chain(const StressContext& context, const StressResult& result,
                                     std::size_t limit) {
    return Story(context, result, limit).tell();
}

}  // namespace crashchain
