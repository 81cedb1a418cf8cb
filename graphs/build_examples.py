#!/usr/bin/env python3
"""Writes the textbook networks of graphs/examples/ as DOT and JSON (identical content).

Run:  python3 graphs/build_examples.py

Each header gives hand-worked expected results (SPEC sections 2 and 3, default LGDs of SPEC 1.5,
alpha = beta = 1, external creditors pari passu).  In every file
    capital = assets - liabilities + (loans the entity made) - (loans it received)
i.e. book equity with assets/liabilities external to the network (same convention as ai_compute_2025).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graphio import write_dot, write_json  # noqa: E402

M = 1e6
B = 1e9


def e(id_, type_, cap, assets, liab, label=None, **kw):
    d = dict(id=id_, type=type_, label=label or id_, capital=cap, assets=assets, liabilities=liab)
    d.update(kw)
    return d


def c(frm, to, kind, amount, **kw):
    d = {"from": frm, "to": to, "kind": kind, "amount": amount, "status": "signed"}
    d.update(kw)
    return d


EXAMPLES = {}

# ---------------------------------------------------------------------------
EXAMPLES["three_firm_circle"] = dict(
    header="""three_firm_circle -- three firms lending to each other in a circle (amounts in $M).
A lends 100 to B, B lends 100 to C, C lends 100 to A (edge = lender -> borrower).
capital: A 50, B 70, C 40 (sum 160). Each firm holds one loan and owes one, so capital = assets - liabilities.

Hand-worked expected results:
cycles:       one SCC {A,B,C}; one cycle [A,B,C], hops 100/100/100: bottleneck 100M, volume 300M.
circulation:  value 300M, total 300M, share 1.0.  round trip of A, B and C: outflow 100, returns 100, ratio 1.0.
exposures:    loan LGD 0.6 -> X[A][B] = X[B][C] = X[C][A] = 60.
furfine --default A:
  round 0: A defaults (loss 50 = capital).
  round 1: C loses X[C][A] = 60 >= 40 -> default.
  round 2: B loses X[B][C] = 60 < 70 -> survives (distressed, capital_lost 60).
  defaults 2; capital_lost = 50 + 40 + 60 = 150; capital_lost_share = 150/160 = 0.9375.
debtrank --default A:  W[C][A] = min(1,60/40) = 1, W[B][C] = 60/70 = 0.857143, W[A][B] = min(1,60/50) = 1.
  step 1: h_A = 1.  step 2: h_C = 1.  step 3: h_B = 6/7 = 0.857143.  step 4: h_A stays 1 (capped).
  rounds: A 0, C 1, B 2; default A, C.  debtrank = (50*1 + 70*6/7 + 40*1 - 50)/160 = 100/160 = 0.625.
linear-debtrank --default A: same h (each entity is hit once), debtrank 0.625.
clearing --default A (assets_A -> 0): pbar = A 130 (100 to C + 30 external), B 130, C 120.
  round 1 (everyone pays pbar): A has 0 + 130*100/130 = 100 < 130 -> default; B 100 + 100 = 200, C 60 + 100 = 160: solvent.
  round 2: p_A = 0 + (100/130)*p_B = 100; C gets 100*100/130 = 76.923 -> 136.923 >= 120 solvent; no new default.
  p = (A 100, B 130, C 120); recovery A = 100/130 = 0.769231; shortfall 30;
  A pays C 76.923 and its external creditors 23.077 of 30 -> external_loss 6.923 (network loss 23.077, borne by C);
  equity A 0, B 100 + 100 - 130 = 70, C 60 + 76.923 - 120 = 16.923; unique: true.""",
    entities=[
        e("A", "bank", 50 * M, 80 * M, 30 * M, label="Firm A"),
        e("B", "bank", 70 * M, 100 * M, 30 * M, label="Firm B"),
        e("C", "bank", 40 * M, 60 * M, 20 * M, label="Firm C"),
    ],
    contracts=[
        c("A", "B", "loan", 100 * M, label="A lends to B"),
        c("B", "C", "loan", 100 * M, label="B lends to C"),
        c("C", "A", "loan", 100 * M, label="C lends to A"),
    ])

# ---------------------------------------------------------------------------
EXAMPLES["chain"] = dict(
    header="""chain -- a 4-entity chain of loans (amounts in $M): A lends 100 to B, B lends 80 to C, C lends 60 to D.
capital: A 100, B 30, C 20, D 10 (sum 160). No cycle.

Hand-worked expected results:
cycles:       no non-trivial SCC, no cycle; circulation value 0, total 240, share 0.
exposures:    X[A][B] = 60, X[B][C] = 48, X[C][D] = 36 (loan LGD 0.6).
furfine --default D:
  round 0: D.  round 1: C loses 36 >= 20 -> default.  round 2: B loses 48 >= 30 -> default.
  round 3: A loses 60 < 100 -> survives (capital_lost 60).
  defaults 3; capital_lost = 10 + 20 + 30 + 60 = 120; capital_lost_share = 120/160 = 0.75.
debtrank --default D: W[C][D] = min(1,36/20) = 1, W[B][C] = min(1,48/30) = 1, W[A][B] = 60/100 = 0.6.
  h: D 1 (round 0), C 1 (1), B 1 (2), A 0.6 (3).  debtrank = (100*0.6 + 30 + 20 + 10 - 10)/160 = 110/160 = 0.6875.
linear-debtrank --default D: same, 0.6875.
clearing --default D (assets_D -> 0): pbar = B 100 (to A), C 80 (to B), D 60 (to C), A 400 (external).
  D defaults first (0 < 60, p_D = 0); then C (40 + 0 < 80, p_C = 40); then B (50 + 40 = 90 < 100, p_B = 90);
  A is paid 90: 400 + 90 - 400 = 90 equity, solvent.  Fictitious-default rounds find D, then C, then B (crash chain D -> C -> B).
  p = (A 400, B 90, C 40, D 0); shortfall = 10 + 40 + 60 = 110; external_loss 0.""",
    entities=[
        e("A", "bank", 100 * M, 400 * M, 400 * M, label="Bank A"),
        e("B", "fund", 30 * M, 50 * M, 0, label="Fund B"),
        e("C", "spv", 20 * M, 40 * M, 0, label="SPV C"),
        e("D", "lab", 10 * M, 70 * M, 0, label="Lab D"),
    ],
    contracts=[
        c("A", "B", "loan", 100 * M),
        c("B", "C", "loan", 80 * M),
        c("C", "D", "loan", 60 * M),
    ])

# ---------------------------------------------------------------------------
EXAMPLES["eisenberg_noe"] = dict(
    header="""eisenberg_noe -- a 3-bank Eisenberg-Noe clearing example (amounts in $M).
Obligations come from loan edges: for a loan X -> Y, Y owes X.
  loans B -> A 10 and C -> A 10 (A owes B 10 and C 10);  C -> B 20 (B owes C 20);  A -> C 5 (C owes A 5).
external: assets A 25, B 12, C 10; liabilities A 0, B 0, C 10.
pbar = A 20, B 20, C 15 (5 to A + 10 external).  Pi: A->B 0.5, A->C 0.5, B->C 1, C->A 1/3, C->external 2/3.
capital (book equity) = assets - liabilities + loans made - loans owed: A 25+5-20 = 10, B 12+10-20 = 2, C 10-10+30-5 = 25.

Hand-worked clearing (alpha = beta = 1; the greatest fixed point of p_i = min(pbar_i, e_i + sum_j Pi[j][i] p_j)):
no shock: A 25 + 5 = 30 >= 20, B 12 + 10 = 22 >= 20, C 10 + 10 + 20 = 40 >= 15 -> p = pbar = (20, 20, 15), no default,
  equity = capital: A 10, B 2, C 25.
clearing --shock A=0.8 (e_A = 25 * 0.2 = 5):
  round 1 (all pay pbar): A 5 + 15/3 = 10 < 20 -> default; B 12 + 20/2 = 22 >= 20; C 10 + 10 + 20 = 40 >= 15.
  round 2 (A pays p_A = 5 + p_C/3 with p_C = 15 -> 10): B 12 + 10/2 = 17 < 20 -> default; C 10 + 5 + 20 = 35 >= 15.
  round 3 (solve A, B):  p_A = 5 + 15/3 = 10,  p_B = 12 + p_A/2 = 17;  C 10 + 5 + 17 = 32 >= 15: no new default.
  p = (A 10, B 17, C 15); recovery (0.5, 0.85, 1); defaults A (round 1), B (round 2);
  shortfall = 10 + 3 = 13, all borne by the network (B gets 5 of 10 from A; C gets 5 of 10 from A and 17 of 20 from B);
  external_loss 0; equity A 0, B 0, C 10 + 5 + 17 - 15 = 17; unique: true.  (--external senior gives the same p.)
clearing --default A (e_A = 0):
  round 1: A 0 + 5 = 5 < 20 -> default.  round 2: p_A = 5 -> B 12 + 2.5 = 14.5 < 20 -> default.
  round 3: p_A = 0 + 15/3 = 5, p_B = 12 + 5/2 = 14.5, C 10 + 2.5 + 14.5 = 27 >= 15.
  p = (A 5, B 14.5, C 15); shortfall 20.5; external_loss 0; equity C 12.
furfine --default A (loan LGD 0.6: X[B][A] = 6, X[C][A] = 6, X[C][B] = 12, X[A][C] = 3):
  round 1: B loses 6 >= 2 -> default; C loses 6 < 25.  round 2: C loses 6 + 12 = 18 < 25 -> survives.
  capital_lost = 10 + 2 + 18 = 30; capital_lost_share = 30/37 = 0.810811.
debtrank --default A: W[B][A] = min(1,6/2) = 1, W[C][A] = 6/25 = 0.24, W[C][B] = 12/25 = 0.48, W[A][C] = 3/10 = 0.3.
  step 2: h_B = 1, h_C = 0.24 (both become D).  step 3: h_C = 0.24 + W[C][B]*h_B = 0.72; h_A stays 1 (capped).
  rounds: A 0, B 1, C 1; defaults A, B.  debtrank = (10*1 + 2*1 + 25*0.72 - 10)/37 = 20/37 = 0.540541 (linear-debtrank: same).
cycles: SCC {A,B,C}; cycles [A,C] (hops 5, 10: bottleneck 5, volume 15) and [A,C,B] (hops 5, 20, 10: bottleneck 5,
  volume 35), listed in that order.  circulation: value 15 (5 around A -> C -> B -> A), total 45, share 1/3.""",
    entities=[
        e("A", "bank", 10 * M, 25 * M, 0, label="Bank A"),
        e("B", "bank", 2 * M, 12 * M, 0, label="Bank B"),
        e("C", "bank", 25 * M, 10 * M, 10 * M, label="Bank C"),
    ],
    contracts=[
        c("B", "A", "loan", 10 * M, label="A owes B"),
        c("C", "A", "loan", 10 * M, label="A owes C"),
        c("C", "B", "loan", 20 * M, label="B owes C"),
        c("A", "C", "loan", 5 * M, label="C owes A"),
    ])

# ---------------------------------------------------------------------------
EXAMPLES["vendor_financing"] = dict(
    header="""vendor_financing -- a tiny circular deal (amounts in $B): a chipmaker invests in a lab, the lab buys
cloud compute, the cloud buys the chipmaker's chips; a fund lends to an SPV that leases (GPUs) to the lab.
  Chip -> Lab equity 100;  Lab -> Cloud purchase 300;  Cloud -> Chip purchase 40;  Fund -> SPV loan 20;  Lab -> SPV lease 25.
capital: Chip 120, Lab 20, Cloud 30, Fund 50, SPV 5 (sum 225).

Hand-worked expected results:
cycles:      SCC {Chip, Lab, Cloud}; one cycle [Chip, Lab, Cloud] with hops 100/300/40: bottleneck 40B, volume 440B.
circulation: 40 around the cycle on 3 edges -> value 120B, total 485B, share 120/485 = 0.247423.
round trip:  Chip outflow 100, returns 40, ratio 0.4;  Lab outflow 325, returns 40, ratio 0.123077;
             Cloud outflow 40, returns 40, ratio 1.0;  Fund and SPV: returns 0.
exposures (SPEC 1.5): Chip->Lab equity 100 (LGD 1); Cloud on Lab 0.3*300 = 90 (purchase: supplier exposed);
  SPV on Lab 0.5*25 = 12.5 (lease: lessor exposed); Chip on Cloud 0.3*40 = 12; Fund on SPV 0.6*20 = 12.
furfine --default Lab:
  round 1: Cloud 90 >= 30 -> default; SPV 12.5 >= 5 -> default; Chip 100 < 120 survives.
  round 2: Chip 100 + 12 = 112 < 120 survives; Fund 12 < 50 survives.
  defaults 3 (Lab, Cloud, SPV); capital_lost = 20 + 30 + 5 + 112 + 12 = 179; capital_lost_share = 179/225 = 0.795556.
debtrank --default Lab: W[Chip][Lab] = 100/120, W[Cloud][Lab] = 1, W[SPV][Lab] = 1, W[Chip][Cloud] = 0.1, W[Fund][SPV] = 0.24.
  step 2: h_Chip = 0.833333, h_Cloud = 1, h_SPV = 1.  step 3: h_Chip = 0.933333 (+0.1 from Cloud), h_Fund = 0.24.
  rounds: Lab 0; Chip, Cloud, SPV 1; Fund 2.  debtrank = (120*0.933333 + 30 + 5 + 50*0.24)/225 = 159/225 = 0.706667.
linear-debtrank --default Lab: same h, 0.706667.
clearing, no shock (purchase/lease commitments counted as due now -- the multi-year caveat of ai_compute_2025):
  pbar: Lab 300 + 25 + 30 = 355, Cloud 40 + 70 = 110, SPV 20, Chip 80, Fund 30.
  Lab has only its 50 of external assets -> p_Lab = 50 (recovery 0.140845); everyone else pays in full:
  Cloud 100 + 42.254 >= 110, SPV 25 + 3.521 >= 20.  shortfall 305; Lab's external creditors get 4.225 of 30 -> external_loss 25.775.""",
    entities=[
        e("Chip", "chipmaker", 120 * B, 200 * B, 80 * B, label="Chipmaker"),
        e("Lab", "lab", 20 * B, 50 * B, 30 * B, label="AI lab"),
        e("Cloud", "cloud", 30 * B, 100 * B, 70 * B, label="Cloud provider"),
        e("Fund", "fund", 50 * B, 60 * B, 30 * B, label="Private-credit fund"),
        e("SPV", "spv", 5 * B, 25 * B, 0, label="GPU-leasing SPV", hardware=25 * B),
    ],
    contracts=[
        c("Chip", "Lab", "equity", 100 * B, label="vendor equity investment"),
        c("Lab", "Cloud", "purchase", 300 * B, label="compute purchase commitment", term=5),
        c("Cloud", "Chip", "purchase", 40 * B, label="GPU order"),
        c("Fund", "SPV", "loan", 20 * B, label="GPU-backed loan", term=5),
        c("Lab", "SPV", "lease", 25 * B, label="GPU lease", term=5),
    ])


def main():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "examples")
    os.makedirs(here, exist_ok=True)
    for name, ex in EXAMPLES.items():
        write_dot(os.path.join(here, name + ".dot"), name, ex["header"], ex["entities"], ex["contracts"])
        write_json(os.path.join(here, name + ".json"), ex["entities"], ex["contracts"])
        print("wrote examples/%s.dot/.json (%d entities, %d contracts)" % (name, len(ex["entities"]), len(ex["contracts"])))


if __name__ == "__main__":
    main()
