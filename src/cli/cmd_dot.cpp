// crashchain dot [FILE] [-o OUT.dot|.gv|.svg|.png|.pdf] (SPEC 5): the network as a diagram.
#include <iostream>
#include <memory>

#include "circularity/cycles.hpp"
#include "circularity/scc.hpp"
#include "cli/common.hpp"
#include "cli/stress_options.hpp"
#include "core/error.hpp"
#include "report/analysis_overlays.hpp"
#include "report/diagram.hpp"

namespace crashchain::cli {

void add_dot_command(CLI::App& app) {
    struct Options {
        InputOptions input;
        std::string output;
        std::string rankdir = "LR";
        std::string figure = "capital";
        std::string names = "label";
        std::string title;
        bool no_legend = false;
        bool no_edge_labels = false;
        bool show_isolated = false;
        bool force = false;
        std::string highlight;
        StressCliOptions stress;
        std::size_t max_length = 8;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "dot", "draw the network: DOT text, or SVG/PNG/PDF rendered with Graphviz");
    add_input_options(*command, options->input, true);
    command->add_option("-o,--output", options->output,
                        "OUT.dot, OUT.gv, OUT.svg, OUT.png or OUT.pdf (default: DOT on stdout)");
    command->add_option("--rankdir", options->rankdir, "money flows LR (default) or TB")
        ->check(CLI::IsMember({"LR", "TB"}));
    command->add_option("--figure", options->figure,
                        "second label line: capital (default), valuation, revenue or none")
        ->check(CLI::IsMember({"capital", "valuation", "revenue", "none"}));
    command->add_option("--names", options->names,
                        "entity boxes show the display name shortened to fit (label, default) "
                        "or the exact id (id)")
        ->check(CLI::IsMember({"label", "id"}));
    command->add_option("--title", options->title, "diagram title (default: the network name)");
    command->add_flag("--no-legend", options->no_legend, "leave out the legend");
    command->add_flag("--no-edge-labels", options->no_edge_labels,
                      "leave out the `kind $amount` labels on contracts");
    command->add_flag("--show-isolated", options->show_isolated,
                      "draw entities left without contracts by --kinds/--status/--min-amount");
    command->add_flag("--force", options->force,
                      "lay out SVG/PNG/PDF even above 500 entities or 400 contracts");
    command->add_option("--highlight", options->highlight,
                        "cycles: draw circular deals in red and tint circular groups")
        ->check(CLI::IsMember({"cycles"}));
    auto* max_length = command->add_option("--max-length", options->max_length,
                                           "with --highlight cycles: longest cycle drawn (default 8)");
    // With --model, the diagram shows the crash chain of the given shocks.
    add_model_options(*command, options->stress, false);
    add_shock_options(*command, options->stress);
    command->final_callback([options, max_length] {
        const Network network = load_selected(options->input);
        DiagramOptions diagram;
        diagram.rankdir = options->rankdir == "TB" ? RankDir::top_bottom : RankDir::left_right;
        diagram.figure = options->figure == "valuation" ? KeyFigure::valuation
                         : options->figure == "revenue" ? KeyFigure::revenue
                         : options->figure == "none"    ? KeyFigure::none
                                                        : KeyFigure::capital;
        diagram.names = options->names == "id" ? NodeNames::id : NodeNames::label;
        diagram.title = !options->title.empty() ? options->title
                        : !network.name.empty() ? network.name
                                                : source_name(options->input.source);
        diagram.legend = !options->no_legend;
        diagram.edge_labels = !options->no_edge_labels;
        // After a contract filter, entities with nothing left to draw are clutter.
        const bool filtered = !options->input.kinds.empty() || !options->input.statuses.empty() ||
                              !options->input.min_amount.empty();
        diagram.hide_isolated = filtered && !options->show_isolated;
        DiagramOverlay overlay;
        const bool stress = !options->stress.model.empty();
        if (stress && !options->highlight.empty()) {
            throw InputError("dot: --highlight cycles and --model draw different overlays; "
                             "give one of them");
        }
        if (!stress && (!options->stress.defaults.empty() || !options->stress.shocks.empty() ||
                        any_model_option_given(options->stress))) {
            throw InputError("dot: --default/--shock/--lgd/--alpha/--beta/--external need --model "
                             "(furfine, debtrank, linear-debtrank or clearing)");
        }
        if (max_length->count() != 0 && options->highlight != "cycles") {
            throw InputError("dot: --max-length applies to --highlight cycles only");
        }
        if (options->highlight == "cycles") {
            if (options->max_length == 0) throw InputError("--max-length must be at least 1");
            CycleOptions cycle_options;
            cycle_options.max_length = options->max_length;
            overlay = cycle_overlay(network, find_cycles(network, cycle_options),
                                    strongly_connected(network));
        } else if (stress) {
            const StressOptions stress_opts = stress_options(options->stress);
            const ShockVector shock =
                make_shocks(network, options->stress.defaults, options->stress.shocks);
            overlay = stress_overlay(network, run_stress(network, shock, stress_opts), stress_opts);
        }
        const std::string dot = diagram_dot(network, overlay, diagram);
        if (options->output.empty()) {
            std::cout << dot << std::flush;
        } else {
            RenderOptions render;
            render.force = options->force;
            render_diagram(dot, options->output, render);
        }
    });
}

}  // namespace crashchain::cli
