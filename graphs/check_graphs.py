#!/usr/bin/env python3
"""Validates the DOT datasets under graphs/ (and their JSON twins).

    python3 graphs/check_graphs.py [FILE.dot ...]     # default: every .dot under graphs/

For each file: parses it with Graphviz (`dot -Tcanon` and `dot -Tjson0`, i.e. cgraph, the reader
crashchain uses), then checks every contract (kind, amount grammar and > 0, status, stake/lgd range)
and every entity (type, capital/assets/liabilities present and >= 0, the capital identity of the
header), compares with FILE.json when present, prints totals by kind, counts, SCCs and cycles.
Exit status 1 if any check fails.
"""

import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graphio import parse_amount, MONEY_ATTRS  # noqa: E402

import networkx as nx

KINDS = {"equity", "loan", "bond", "credit", "lease", "purchase", "guarantee", "warrant"}
DEBT = {"loan", "bond", "credit"}
STATUSES = {"signed", "reported", "loi", "talks", "estimate"}
TYPES = {"lab", "chipmaker", "cloud", "hyperscaler", "neocloud", "spv", "fund", "bank", "investor",
         "sovereign", "other"}
LAYOUT = {"_gvid", "height", "width", "pos", "lp", "_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_",
          "_tldraw_", "head", "tail", "name", "xlabel", "xlp", "bb"}


def load_dot(path):
    subprocess.run(["dot", "-Tcanon", path], check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run(["dot", "-Tjson0", path], check=True, capture_output=True, text=True).stdout
    g = json.loads(out)
    nodes = []
    for o in g.get("objects", []):
        nodes.append({"id": o["name"], **{k: v for k, v in o.items() if k not in LAYOUT}})
    names = [o["name"] for o in g.get("objects", [])]
    edges = []
    for e in g.get("edges", []):
        d = {"from": names[e["tail"]], "to": names[e["head"]]}
        d.update({k: v for k, v in e.items() if k not in LAYOUT})
        edges.append(d)
    return g, nodes, edges


def check(path):
    errors = []

    def err(msg):
        errors.append(msg)

    g, nodes, edges = load_dot(path)
    if not g.get("directed"):
        err("graph is not a digraph")
    ids = [n["id"] for n in nodes]
    if len(ids) != len(set(ids)):
        err("duplicate node ids")

    # --- contracts ---
    totals, counts, by_status = {}, {}, {}
    held, owed = {i: 0.0 for i in ids}, {i: 0.0 for i in ids}
    for k, e in enumerate(edges):
        where = "contract #%d %s -> %s" % (k + 1, e["from"], e["to"])
        kind = e.get("kind")
        if kind not in KINDS:
            err("%s: kind %r not in %s" % (where, kind, sorted(KINDS)))
            continue
        try:
            amt = parse_amount(e.get("amount", ""))
        except ValueError:
            err("%s: amount %r does not parse" % (where, e.get("amount")))
            continue
        if not amt > 0:
            err("%s: amount must be > 0" % where)
        st = e.get("status", "signed")
        if st not in STATUSES:
            err("%s: status %r" % (where, st))
        by_status[st] = by_status.get(st, 0) + 1
        for a in ("stake", "lgd"):
            if a in e and not 0.0 <= float(e[a]) <= 1.0:
                err("%s: %s %s outside [0,1]" % (where, a, e[a]))
        if st == "estimate" and not e.get("note"):
            err("%s: estimate without a note giving the basis" % where)
        if "source" not in e and "examples" not in path:
            err("%s: no source" % where)
        totals[kind] = totals.get(kind, 0.0) + amt
        counts[kind] = counts.get(kind, 0) + 1
        if kind in DEBT:
            held[e["from"]] += amt
            owed[e["to"]] += amt

    # --- entities ---
    for n in nodes:
        where = "entity %s" % n["id"]
        if n.get("type") not in TYPES:
            err("%s: type %r" % (where, n.get("type")))
        vals = {}
        for a in ("capital", "assets", "liabilities"):
            if a not in n:
                err("%s: missing %s" % (where, a))
                continue
            try:
                vals[a] = parse_amount(n[a])
            except ValueError:
                err("%s: %s %r does not parse" % (where, a, n[a]))
                continue
            if vals[a] < 0:
                err("%s: %s < 0" % (where, a))
        for a in MONEY_ATTRS - {"amount"}:
            if a in n:
                try:
                    parse_amount(n[a])
                except ValueError:
                    err("%s: %s %r does not parse" % (where, a, n[a]))
        if len(vals) == 3:
            rhs = vals["assets"] - vals["liabilities"] + held[n["id"]] - owed[n["id"]]
            tol = max(1e6, 1e-6 * max(abs(vals["capital"]), abs(rhs)))
            if abs(vals["capital"] - rhs) > tol:
                err("%s: capital %.6g != assets - liabilities + debt held - debt owed = %.6g"
                    % (where, vals["capital"], rhs))
        if "examples" not in path and not n.get("source"):
            err("%s: no source" % where)

    # --- JSON twin ---
    jpath = os.path.splitext(path)[0] + ".json"
    if os.path.exists(jpath):
        with open(jpath) as f:
            j = json.load(f)
        jn = {e["id"]: e for e in j["entities"]}
        if set(jn) != set(ids):
            err("JSON entities differ from DOT: %s" % sorted(set(jn) ^ set(ids)))
        for n in nodes:
            je = jn.get(n["id"], {})
            for a, v in n.items():
                if a == "id":
                    continue
                if a not in je:
                    err("JSON entity %s lacks %s" % (n["id"], a))
                elif a in MONEY_ATTRS:
                    if abs(parse_amount(v) - float(je[a])) > 1e-6 * max(1.0, abs(float(je[a]))):
                        err("JSON entity %s %s: %s vs %s" % (n["id"], a, v, je[a]))
                elif str(je[a]) != v and not _num_eq(je[a], v):
                    err("JSON entity %s %s differs" % (n["id"], a))
        if len(j["contracts"]) != len(edges):
            err("JSON has %d contracts, DOT %d" % (len(j["contracts"]), len(edges)))
        else:
            # cgraph does not keep edge order: compare as multisets of normalized contracts
            def norm(c):
                return tuple(sorted((a, ("%.6f" % (parse_amount(v) if isinstance(v, str) else float(v)))
                                     if a in MONEY_ATTRS else _norm_scalar(v)) for a, v in c.items()))
            dn = sorted(norm(e) for e in edges)
            jn_ = sorted(norm(c) for c in j["contracts"])
            for k, (a, b) in enumerate(zip(dn, jn_)):
                if a != b:
                    err("JSON contract differs from DOT: %s vs %s" % (dict(b), dict(a)))
                    break

    # --- report ---
    G = nx.MultiDiGraph()
    G.add_nodes_from(ids)
    for e in edges:
        G.add_edge(e["from"], e["to"])
    sccs = [c for c in nx.strongly_connected_components(G) if len(c) > 1]
    ncyc = sum(1 for _ in nx.simple_cycles(nx.DiGraph(G), length_bound=8))
    print("== %s: %d entities, %d contracts, %d with JSON twin" % (
        os.path.relpath(path), len(nodes), len(edges), int(os.path.exists(jpath))))
    for kind in sorted(totals):
        print("   %-9s %3d contracts  $%14.3fB" % (kind, counts[kind], totals[kind] / 1e9))
    print("   total     %3d contracts  $%14.3fB" % (len(edges), sum(totals.values()) / 1e9))
    print("   by status: " + ", ".join("%s %d" % kv for kv in sorted(by_status.items())))
    print("   non-trivial SCCs: %d (sizes %s); elementary cycles of length <= 8: %d" % (
        len(sccs), sorted((len(c) for c in sccs), reverse=True), ncyc))
    return G, errors


def _norm_scalar(v):
    try:
        return "%.12g" % float(v)
    except (TypeError, ValueError):
        return str(v)


def _num_eq(a, b):
    try:
        return abs(float(a) - float(b)) < 1e-12
    except (TypeError, ValueError):
        return False


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    files = argv or sorted(glob.glob(os.path.join(here, "*.dot")) + glob.glob(os.path.join(here, "examples", "*.dot")))
    bad = 0
    for f in files:
        G, errors = check(f)
        if os.path.basename(f) == "ai_compute_2025.dot":
            loop = ["Nvidia", "OpenAI", "Oracle"]
            ok = all(G.has_edge(a, b) for a, b in zip(loop, loop[1:] + loop[:1]))
            print("   cycle Nvidia -> OpenAI -> Oracle -> Nvidia: %s" % ("present" if ok else "MISSING"))
            if not ok:
                errors.append("expected cycle Nvidia -> OpenAI -> Oracle -> Nvidia missing")
        for e in errors:
            print("   ERROR: " + e)
        bad += len(errors)
    print("OK" if not bad else "%d error(s)" % bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
