"""The peers of the circularity benchmarks (issue 2), rerun on crashchain's own generated networks.

Run through tools/bench-peers, which installs Debian's python3-scipy, python3-igraph and
python3-networkx and writes the networks with `crashchain generate --seed 2025` (the networks of
tests/bench). Each figure is the best of several runs, the input already in the peer's own form
(a CSR matrix for scipy, a Graph for igraph and networkx), as the issue's peer figures are.
"""
import csv
import json
import subprocess
import sys
import time

import igraph
import networkx
import numpy as np
import scipy
from scipy.optimize import linprog
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import spsolve


def load(path):
    ids = {}
    tails, heads, amounts = [], [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            for key in (row["from"], row["to"]):
                if key not in ids:
                    ids[key] = len(ids)
            tails.append(ids[row["from"]])
            heads.append(ids[row["to"]])
            amounts.append(float(row["amount"]))
    return len(ids), np.array(tails), np.array(heads), np.array(amounts)


def best(function, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def report(what, size, seconds, detail=""):
    print(f"{what:<44} {size:<12} {seconds * 1000:>10.1f} ms  {detail}", flush=True)


def scc_peers(path, size, with_networkx):
    n, tails, heads, amounts = load(path)
    matrix = csr_matrix((np.ones(len(tails)), (tails, heads)), shape=(n, n))
    seconds, (count, _) = best(
        lambda: connected_components(matrix, directed=True, connection="strong"), 7)
    report("SCC scipy connected_components (CSR)", size, seconds, f"{count} components")
    graph = igraph.Graph(n=n, edges=list(zip(tails.tolist(), heads.tolist())), directed=True)
    seconds, clusters = best(lambda: graph.connected_components(mode="strong"), 5)
    report("SCC igraph connected_components", size, seconds, f"{len(clusters)} components")
    if with_networkx:
        nx_graph = networkx.MultiDiGraph()
        nx_graph.add_nodes_from(range(n))
        nx_graph.add_edges_from(zip(tails.tolist(), heads.tolist()))
        seconds, count = best(
            lambda: sum(1 for _ in networkx.strongly_connected_components(nx_graph)), 1)
        report("SCC networkx strongly_connected_components", size, seconds,
               f"{count} components")


def circulation_peer(path, size):
    # Maximum circulation as an LP: maximise the total flow subject to conservation at every
    # entity and 0 <= f <= amount; self-loops carry their full amount (SPEC 2). Capacities in
    # units of the median amount: HiGHS gives up ("model status unknown") on raw dollars.
    n, tails, heads, amounts = load(path)
    loops = tails == heads
    t, h, a = tails[~loops], heads[~loops], amounts[~loops]
    m = len(t)
    unit = float(np.median(a))
    columns = np.arange(m)
    incidence = csr_matrix(
        (np.concatenate([np.ones(m), -np.ones(m)]),
         (np.concatenate([t, h]), np.concatenate([columns, columns]))), shape=(n, m))
    def solve():
        return linprog(-np.ones(m), A_eq=incidence, b_eq=np.zeros(n),
                       bounds=np.column_stack([np.zeros(m), a / unit]), method="highs")
    seconds, result = best(solve, 1)
    if result.status != 0:
        report("circulation scipy HiGHS LP", size, seconds, f"failed: {result.message}")
        return
    total = -result.fun * unit + amounts[loops].sum()
    ours = json.loads(subprocess.run(
        [crashchain, "cycles", "--edges", path, "--format", "json", "--limit", "1"],
        check=True, capture_output=True, text=True).stdout)["circulation"]["value"]
    report("circulation scipy HiGHS LP", size, seconds,
           f"max circulation {total:.17g} (crashchain {ours:.17g}, "
           f"relative gap {abs(total - ours) / ours:.1e})")


def clearing_peer(path, size):
    # Eisenberg-Noe's greatest clearing vector by fictitious default with a sparse solve per
    # round (the "scipy fictitious default"), every entity's external assets cut by 30%
    # as in crashchain_bench_contagion's clearing_uniform_shock.
    index = {}
    assets, liabilities = [], []
    with open(path.replace(".csv", ".nodes.csv"), newline="") as f:
        for row in csv.DictReader(f):
            index[row["id"]] = len(index)
            assets.append(float(row["assets"]))
            liabilities.append(float(row["liabilities"]))
    n = len(index)
    debtors, creditors, owed = [], [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            source, target = index[row["from"]], index[row["to"]]
            if source == target:
                continue  # never an obligation (SPEC 6)
            if row["kind"] in ("loan", "bond", "credit"):
                debtors.append(target); creditors.append(source)
            elif row["kind"] in ("purchase", "lease"):
                debtors.append(source); creditors.append(target)
            else:
                continue
            owed.append(float(row["amount"]))
    obligations = csr_matrix((owed, (debtors, creditors)), shape=(n, n))  # sums duplicates
    obligations.sum_duplicates()
    e = np.array(assets) * (1 - 0.3)
    pbar = np.asarray(obligations.sum(axis=1)).ravel() + np.array(liabilities)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(pbar > 0, 1.0 / pbar, 0.0)
    relative = (csr_matrix(obligations.multiply(scale[:, None]))).T.tocsr()  # Pi^T

    def fictitious_default():
        p = pbar.copy()
        default = np.zeros(n, dtype=bool)
        while True:
            inflow = relative @ p
            new = (~default) & (e + inflow < pbar * (1 - 1e-12))
            if not new.any():
                return p, default
            default |= new
            d = np.flatnonzero(default)
            solvent = np.flatnonzero(~default)
            block = relative[d][:, d]
            rhs = e[d] + relative[d][:, solvent] @ pbar[solvent]
            system = scipy.sparse.identity(len(d), format="csc") - block.tocsc()
            p[d] = spsolve(system, rhs) if len(d) > 1 else rhs / (1 - block.toarray().ravel())

    seconds, (p, default) = best(fictitious_default, 1)
    report("clearing scipy fictitious default (greatest)", size, seconds,
           f"{int(default.sum())} defaults, shortfall {float((pbar - p).sum()):.6g}")


crashchain = "build/bench/src/crashchain"


def main():
    directory = sys.argv[1]
    big = "--big" in sys.argv
    print(f"scipy {scipy.__version__}, igraph {igraph.__version__}, "
          f"networkx {networkx.__version__}")
    scc_peers(f"{directory}/n100k.csv", "100k / 1M", with_networkx=True)
    circulation_peer(f"{directory}/n10k.csv", "10k / 100k")
    # SuperLU's fill-in on the defaulters' block takes seconds at 10k already; 100k is left out.
    clearing_peer(f"{directory}/n10k.csv", "10k / 100k")
    if big:
        scc_peers(f"{directory}/n1m.csv", "1M / 10M", with_networkx=False)
        circulation_peer(f"{directory}/n100k.csv", "100k / 1M")


if __name__ == "__main__":
    main()
