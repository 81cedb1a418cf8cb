#!/usr/bin/env python3
"""Builds graphs/ai_compute_2025.dot and .json from the sourced fact sheet
/work/shared/deals.md plus the balance-sheet look-ups listed in DATASET.md.

Run:  python3 graphs/build_ai_compute_2025.py      (writes next to this file)

Everything that is a judgement call (estimates, proxies, left-out rows) is
written in the entity/contract `note` and summarised in DATASET.md.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graphio import write_dot, write_json, canon  # noqa: E402

B = 1e9
T = 1e12
DEBT = {"loan", "bond", "credit"}

# --------------------------------------------------------------------------
# Sources that recur
# --------------------------------------------------------------------------
S_DEALS = "deals.md (AI-compute financing fact sheet, late Nov 2025)"
S_OPENCAP_CRWV = "opencapital.sh https://www.opencapital.sh/stocks/crwv/metrics/ratios"

# --------------------------------------------------------------------------
# Entities.
#   cap   = capital (loss-absorbing equity), $B
#   tl    = liabilities on the balance sheet (or funded debt only, see note), $B
#   donbs = part of tl that is in-network debt (appears as loan/bond/credit edges), $B
#   rule  = 'position' -> capital = sum of the entity's outgoing equity+debt
#           contracts (position-backed capital of unlevered funds/aggregates)
# assets/liabilities written to the file are EXTERNAL (outside the network):
#   liabilities = tl - donbs
#   assets      = capital + liabilities + D_net - C_net
# with D_net / C_net = in-network debt owed / held (contract amounts).  So
#   capital = assets - liabilities + C_net - D_net   (= book equity)
# --------------------------------------------------------------------------
E = []


def ent(id_, type_, label, cap=None, tl=0.0, donbs=0.0, rule=None, src="", note="", **extra):
    E.append(dict(id=id_, type=type_, label=label, cap=cap, tl=tl, donbs=donbs,
                  rule=rule, source=src, note=note, extra=extra))


ent("OpenAI", "lab", "OpenAI Group PBC", cap=17.5, tl=0.0,
    valuation=500 * B, revenue=20 * B,
    src=S_DEALS + ": techeconomy.ng & coincentral (The Information: ~$17.5B cash & securities Jun 30 2025); "
        "tredu ($500B Oct-2025 secondary); techbuzz.ai & inventrium (Altman: >$20B annualized run-rate by end-2025, ~$1.4T commitments)",
    note="ESTIMATE (liquid-buffer rule): no balance sheet is published; capital = cash & securities ~$17.5B (Jun 30 2025). "
         "No funded debt found, so external liabilities = 0 (operating liabilities not captured). Assets include the $4B "
         "JPMorgan revolver as if drawn (pro forma, see header identity). H1-2025 net loss $13.5B; revenue = Altman's "
         "end-2025 run-rate (2025 target ~$13B).")

ent("Nvidia", "chipmaker", "NVIDIA Corp.", cap=118.9, tl=42.3,
    valuation=5 * T, revenue=228 * B,
    src=S_DEALS + ": Nvidia PR via modeledge/enodoworks 2025-11-19; reportify.ai (balance sheet Oct 26 2025); "
        "stock-analysis-on.net (10-Q debt); ts2.tech ($5T market cap)",
    note="Balance sheet Oct 26 2025: total assets $161.1B, total liabilities $42.3B (incl. ~$8.5B debt), book equity $118.9B. "
         "Revenue = Q3 FY26 $57.0B x 4.")

ent("Oracle", "cloud", "Oracle Corp.", cap=24.666, tl=180.449 - 24.666,
    valuation=892 * B, revenue=60 * B,
    src="reportify.ai 10-Q summary https://reportify.ai/financials/1163374893329420288 (Aug 31 2025: total assets $180,449M, "
        "equity $24,666M); " + S_DEALS + ": Oracle PR via epicos 2025-09-09; SEC 10-K R20 "
        "https://www.sec.gov/Archives/edgar/data/1341439/000095017025087926/R20.htm ; creditsights 2025-12-15",
    note="Balance sheet Aug 31 2025; total liabilities = 180.449 - 24.666 = $155.8B (before the $18B Sep-2025 notes, which are "
         "an in-network bond edge). RPO $455B. Off-balance-sheet data-center leases not yet commenced ~$100B (Aug 31 2025, "
         "CreditSights) are modelled as lease edges to CrusoeAbilene, ProjectJupiter and Vantage (estimates).")

ent("AMD", "chipmaker", "Advanced Micro Devices Inc.", cap=60.38, tl=15.99,
    revenue=37 * B,
    src="stock-analysis-on.net common-size balance sheet "
        "https://www.stock-analysis-on.net/NASDAQ/Company/Advanced-Micro-Devices-Inc/Common-Size/Liabilities-and-Stockholders-Equity/Quarterly-Data "
        "(Sep 27 2025); " + S_DEALS + ": AMD PR via newsbeep/menafn 2025-11-04; core-brief (cash $7.24B, debt $3.2B)",
    note="DERIVED: total debt $3.2B = 4.19% of total assets (current 1.14% + long-term 3.05%) => total assets ~$76.4B; "
         "total liabilities = 20.94% (current 15.22% + long-term 5.72%) => ~$16.0B; book equity ~$60.4B (Sep 27 2025). "
         "Revenue = Q3 $9.25B x 4.")

ent("Broadcom", "chipmaker", "Broadcom Inc.", cap=81.30, tl=170.73 - 81.30,
    valuation=1745.5 * B, revenue=64 * B,
    src="stockanalysis.com ratios https://stockanalysis.com/stocks/avgo/financials/ratios (FY2025 ending Nov 2 2025: market cap "
        "$1,745.5B, P/B 21.47, debt/equity 0.82); stock-analysis-on.net solvency ratios "
        "https://www.stock-analysis-on.net/NASDAQ/Company/Broadcom-Inc/Ratios/Long-term-Debt-and-Solvency (financial leverage 2.10); "
        + S_DEALS + ": mikeross55.substack; marketbeat transcript",
    note="DERIVED: book equity = 1745.5/21.47 ~ $81.3B; debt ~ 0.82 x 81.3 ~ $66.7B; total assets ~ 2.10 x 81.3 ~ $170.7B; "
         "total liabilities ~ $89.4B (Nov 2 2025). Revenue = FQ3-2025 $15.95B x 4.")

ent("Microsoft", "hyperscaler", "Microsoft Corp.", cap=343.479, tl=275.524,
    valuation=3.1 * T, revenue=311 * B,
    src="stockanalysis.com balance sheet https://stockanalysis.com/stocks/msft/financials/balance-sheet (FY2025: total assets "
        "$619,003M, total liabilities $275,524M); FY2025 10-K equity statement "
        "https://samay58.github.io/edgarpack/0000789019/0000950170-25-100235/sections/10k_partii_item8_financial_statements_4.md "
        "(equity $343,479M); secinvestors.com (Sep 30 2025 total assets $636B, public float $3.1T); " + S_DEALS,
    note="Balance sheet Jun 30 2025 (FY2025 10-K), the latest complete set found. Cash & ST investments $102.0B (Sep 30 2025). "
         "$11.6B of the $13B OpenAI commitment funded by Sep 30 2025. Revenue = Q1 FY26 $77.7B x 4.")

ent("Google", "hyperscaler", "Alphabet Inc. / Google", cap=362.73, tl=43.5,
    valuation=2981.7 * B, revenue=409 * B,
    src="stockanalysis.com ratios (mirror) https://ic-staging.stockanalysis.com/stocks/googl/financials/ratios (Sep 26 2025: "
        "market cap $2,981.7B, P/B 8.22, debt/equity 0.12); " + S_DEALS + ": alpha-sense Q3 summary; blockonomi",
    note="DERIVED: book equity ~ 2981.7/8.22 ~ $362.7B (latest reported quarter, Jun 30 2025); liabilities = funded debt only "
         "~ 0.12 x 362.7 ~ $43.5B (operating liabilities not captured, assets are net of them). Cash & securities $98.5B. "
         "Revenue = Q3 $102.3B x 4.")

ent("Amazon", "hyperscaler", "Amazon.com Inc. / AWS", cap=369.6, tl=50.7,
    revenue=721 * B,
    src="r2r.club 10-Q read https://r2r.club/?p=1063 (Sep 30 2025: total stockholders' equity $369.6B, long-term debt $50.7B); "
        + S_DEALS + ": Amazon PR via ridgwayrecord 2025-10-30",
    note="Equity Sep 30 2025; liabilities = long-term debt only (operating liabilities not captured). Q3 net income included a "
         "$9.5B pre-tax gain on Anthropic. Revenue = Q3 $180.2B x 4.")

ent("Meta", "hyperscaler", "Meta Platforms Inc.", cap=303.844 - 109.779, tl=109.779,
    revenue=205 * B,
    src="Meta 10-Q Sep 30 2025 (XBRL viewer) https://d18rn0p25nwr6d.cloudfront.net/CIK-0001326801/81440fec-02c0-48d4-97d5-d74286ecd708.html "
        "(total assets $303,844M); stock-analysis-on.net common-size "
        "https://www.stock-analysis-on.net/NASDAQ/Company/Facebook-Inc/Common-Size/Liabilities-and-Stockholders-Equity/Quarterly-Data "
        "(total liabilities 36.13% of total); " + S_DEALS + ": stocktitan (Meta PR); businesstimes",
    note="DERIVED: total liabilities ~ 0.3613 x 303.8 ~ $109.8B, book equity ~ $194.1B (Sep 30 2025, before the $30B Oct-2025 "
         "bonds = in-network bond edge). Hyperion debt is off balance sheet (HyperionSPV). Revenue = Q3 $51.24B x 4.")

ent("Anthropic", "lab", "Anthropic PBC", cap=13.0, tl=0.75, donbs=0.75,
    valuation=183 * B, revenue=7 * B,
    src=S_DEALS + ": republicworld 2025-11-19 ($13B Series F at $183B); webpronews (~$350B implied Nov 2025); "
        "airevolution.cc / sherwood.news (Google $750M convertible note)",
    note="ESTIMATE (liquid-buffer rule): no balance sheet is published; capital = the $13B Series F cash raised Sep 2025. "
         "Only debt found: Google's $0.75B convertible note (in-network loan edge). Revenue run-rate ~$7B (Oct 2025, "
         "single unlinked excerpt per deals.md).")

ent("xAI", "lab", "xAI Holdings (xAI + X)", cap=10.0, tl=5.0, donbs=5.0,
    valuation=230 * B,
    src=S_DEALS + ": dataconomy 2025-11-20 (WSJ: ~$10B cash per Valor, $15B raise talks at ~$230B); koreajoongangdaily "
        "(Reuters, $5B debt Jun 2025); particle.news",
    note="ESTIMATE (liquid-buffer rule): capital = ~$10B cash (Valor pitch, Nov 2025); burn ~$1B/month. The $5B secured "
         "notes/term loans (Jun 2025) are an in-network loan edge (BondInvestors); legacy X debt is NOT captured, so "
         "liabilities are understated. Valuation = Nov-2025 talks (was $113B at the X merger).")

ent("CoreWeave", "neocloud", "CoreWeave Inc.", cap=67.75 / 17.5, tl=(4.9 * 67.75 / 17.5) / 0.6 - 67.75 / 17.5,
    donbs=11.17, hardware=14.47 * B, valuation=39 * B, revenue=5.46 * B,
    src=S_OPENCAP_CRWV + " (Q3'25: market cap $67.75B, P/B 17.5, debt/equity 4.9, debt/assets 0.6); SEC 10-Q XBRL R41 "
        "https://www.sec.gov/Archives/edgar/data/1769628/000114036125032095/R41.htm (debt $11.17B Jun 30 2025); "
        "10-Q analysis sheet https://docs.google.com/spreadsheets/d/1AqAlCHKKvD1_RLwE7GciehQdWiwniGu74yKxmrFOwng "
        "(gross AI infrastructure $14.47B Jun 30 2025); " + S_DEALS + ": stocktitan Q3 PR; coincentral",
    note="DERIVED (Sep 30 2025): book equity ~ 67.75/17.5 ~ $3.87B; debt ~ 4.9 x 3.87 ~ $19.0B (incl. leases); total assets "
         "~ 19.0/0.6 ~ $31.6B; total liabilities ~ $27.7B, of which $11.17B (DDTL 1.0/2.0, 2030 notes, drawn revolver, Magnetar "
         "loan, OEM financing at Jun 30) are in-network edges. hardware = gross AI infrastructure Jun 30 2025. Valuation = "
         "~$39B market cap Nov 2025; revenue = Q3 $1.365B x 4; backlog $55.6B; 5-yr CDS 368->643bp Oct->Dec 2025.")

ent("SoftBank", "investor", "SoftBank Group Corp.", cap=12807.197 / 143.0, tl=(45346.920 - 12807.197) / 143.0,
    src="SoftBank consolidated financial report H1 FY2024 https://jaunt.com/j/consolidated-financial-report-for-the-six-month-pe-1073 "
        "(Sep 30 2024: total assets JPY 45,346,920M, total equity JPY 12,807,197M); " + S_DEALS + ": particle.news; aibars.net; theleap.id",
    note="Balance sheet Sep 30 2024 (latest complete set found) converted at ~JPY 143/$ => total assets ~$317.1B, total equity "
         "~$89.6B (incl. minorities). The 2025 bridge loans and the enlarged Arm margin loan are in-network loan edges assumed "
         "not on that balance sheet. FY25 Q2 net income ~$19.3B (incl. $14.3B OpenAI mark-up) not reflected.")

ent("Stargate", "spv", "Stargate LLC (OpenAI/SoftBank/Oracle/MGX JV)", cap=52.0, tl=0.0,
    src=S_DEALS + ": business-standard (Bloomberg/The Information) 2025-01-23 "
        "https://www.business-standard.com/amp/technology/tech-news/softbank-openai-commit-19-bn-each-to-100-bn-us-ai-venture-stargate-125012300127_1.html ; "
        "gokawiil / evertiq (OpenAI blog, Sep 2025)",
    note="ESTIMATE: capital = reported initial equity commitments $19B+$19B+$7B+$7B = $52B (not confirmed in filings); no JV-level "
         "debt found. FT: the JV had not invested in Abilene; most 'Stargate' capacity is bilateral Oracle/SoftBank contracting.")

ent("MGX", "sovereign", "MGX (Abu Dhabi; Mubadala + G42)", rule="position", aum=100 * B,
    src=S_DEALS + ": lumidanews; universalassetowners; thenationalnews",
    note="Position-backed capital (sovereign fund, unlevered): capital = its in-network positions (Stargate $7B + AIP $6B est.). "
         "aum = stated target (>$100B), not verified. MGX tickets in OpenAI/xAI are undisclosed and left out.")

ent("Intel", "chipmaker", "Intel Corp.", cap=196.49 - 91.45, tl=91.45, valuation=191.4 * B,
    src="financedashboard.ai https://www.financedashboard.ai/stock/INTC (total assets $196.49B, total liabilities $91.45B, latest "
        "annual balance sheet); stockanalysis.com https://stockanalysis.com/stocks/intc/statistics (market cap $191.4B, Nov 2025); "
        + S_DEALS + ": qazinform; hostnoc",
    note="Book equity = total assets - total liabilities = $105.0B (FY2024 balance sheet, incl. non-controlling interests). The "
         "2025 equity injections (US government, SoftBank, Nvidia) and Apollo's Fab 34 JV stake are in-network equity edges.")

ent("Nebius", "neocloud", "Nebius Group N.V.", cap=24.687 / 5.13, tl=0.95 * 24.687 / 5.13, donbs=4.16,
    valuation=24.687 * B, revenue=0.551 * B,
    src="stockanalysis.com ratios (mirror) https://stock-analysis-sveltekit.pages.dev/stocks/nbis/financials/ratios (Dec 5 2025: "
        "market cap $24,687M, P/B 5.13, debt/equity 0.95); " + S_DEALS + ": geokhub (Reuters)",
    note="DERIVED: book equity ~ 24.687/5.13 ~ $4.81B; funded debt ~ 0.95 x 4.81 ~ $4.57B, of which the $3.16B (Sep 2025) and "
         "$1.0B (Jun 2025) convertible notes are in-network bond edges; liabilities = funded debt only. Revenue = ARR end-Sep 2025.")

ent("Crusoe", "neocloud", "Crusoe Energy Systems", cap=3.9, tl=0.0, valuation=10 * B,
    src=S_DEALS + ": zawya (FT) 2025-10-24; enterpriseam (press release)",
    note="ESTIMATE: capital = total equity raised ~$3.9B (incl. the $1.38B Series E, Oct 2025); debt not captured. Crusoe's own "
         "share of the Abilene JV equity is inside the BlueOwl -> CrusoeAbilene edge.")

ent("CrusoeAbilene", "spv", "Crusoe/Blue Owl/Primary Digital Abilene JV (1.2 GW, leased to Oracle)", cap=5.0, tl=9.4, donbs=9.4,
    src=S_DEALS + ": commercialobserver 2025-01 and 2025-05 https://commercialobserver.com/2025/05/7b-oracle-leased-texas-data-center-development ; "
        "einpresswire (GlobeNewswire) 2025-05-21; commercialsearch https://www.commercialsearch.com/news/blue-owl-jv-lands-7-1b-for-data-center-project",
    note="$15B JV: ~$5B equity from the site owners (FT) + $9.4B JPMorgan construction loans (in-network loan edges). capital = "
         "the equity; assets ~ $14.4B project cost. Whole campus leased 15 yrs to Oracle (rent undisclosed).")

ent("BlueOwl", "fund", "Blue Owl Capital (funds)", rule="position", aum=273 * B, book_equity=11.02 / 4.8 * B,
    valuation=29.5 * B,
    src=S_DEALS + ": commercialsearch (AUM $273B, Mar 2025); ng.investing.com (market cap ~$29.5B May 2025); "
        "opencapital.sh https://www.opencapital.sh/stocks/owl/metrics/ratios (Q3'25 market cap $11.02B, P/B 4.8 => manager book equity ~$2.3B); "
        "FT via archive.ph https://archive.ph/jyXvm (Blue Owl SPVs own Oracle data centres)",
    note="Position-backed capital: the exposures sit in Blue Owl funds (largely unlevered), so capital = the funds' in-network "
         "positions (Abilene $5B + Hyperion $2.45B + Jupiter $2.45B est.). book_equity = the listed manager's own equity "
         "(not loss-absorbing for fund positions); aum = all Blue Owl funds.")

ent("HyperionSPV", "spv", "Beignet Investor LLC + Hyperion JVCo (Meta 20% / Blue Owl funds 80%)", cap=2.45 + 1.3, tl=27.3,
    donbs=27.3,
    src=S_DEALS + ": stocktitan (Meta PR) 2025-10-21 "
        "https://www.stocktitan.net/news/META/meta-announces-joint-venture-with-funds-managed-by-blue-owl-capital-cb9waindzv96.html ; "
        "memedata (S&P text) http://memedata.com/post/84745 ; innovativecentre https://www.innovativecentre.org/single-post/financing-structure-of-hyperion-by-meta ; "
        "aicerts https://www.aicerts.ai/news/?p=18451 ; ifre",
    note="Issuer and JV merged into one node. $27.3B amortizing notes due 2049 (in-network bond edges: PIMCO, BlackRock, "
         "BondInvestors) + $2.45B Blue Owl deferred equity (S&P) + Meta's retained 20% (~$1.3B net out of pocket, "
         "innovativecentre, single source) => capital = $3.75B; assets ~ $31B (~$27B project cost plus Treasuries/reserves). "
         "Rent on 4-yr renewable operating leases from Meta and a capped residual value guarantee (cap not published) "
         "service the notes.")

ent("xAI_SPV", "spv", "xAI GPU-financing SPV (Colossus 2, Valor-led; planned)", cap=7.5, tl=12.5, donbs=12.5,
    hardware=20 * B,
    src=S_DEALS + ": particle.news (Bloomberg); ahn24x7 (Bloomberg); inkl.com; pythonstrat (Reuters)",
    note="Reported plan (Oct 2025): ~$20B vehicle = $7.5B equity (Valor-led; Nvidia up to $2B) + up to $12.5B debt (Apollo, "
         "Diameter), buys Nvidia GPUs and leases them to xAI for 5 yrs. capital = the equity; assets = hardware = $20B. Realized "
         "in Jan 2026 as the smaller Valor Compute Infrastructure fund ($5.4B) - outside the snapshot.")

ent("Valor", "fund", "Valor Equity Partners (funds)", rule="position", aum=17.5 * B,
    src=S_DEALS + ": inkl.com (Bloomberg: manages ~$17.5B)",
    note="Position-backed capital: capital = its funds' in-network positions (xAI_SPV $5.5B + Crusoe $1.38B). aum = assets "
         "managed (Oct 2025).")

ent("Apollo", "fund", "Apollo Global Management (funds)", rule="position",
    src=S_DEALS + ": role via contracts (xAI SPV debt; Intel Fab 34 JV: finanznachrichten / Reuters 2024-06-04)",
    note="Position-backed capital: capital = its funds' in-network positions (Intel Fab 34 JV $11B + xAI_SPV debt $12.5B). "
         "Apollo's own balance sheet (incl. Athene) not captured.")

ent("AIP", "fund", "AI Infrastructure Partnership (BlackRock/GIP, Microsoft, MGX, Nvidia, xAI)", cap=30.0, tl=10.0,
    src=S_DEALS + ": urdupoint (WAM/BlackRock PR) 2025-03-19 "
        "https://www.urdupoint.com/en/middle-east/blackrock-global-infrastructure-partners-mi-1947726.html ; marketscreener 2025-10-15",
    note="ESTIMATE: fund vehicle; capital = $30B equity target (partner tickets estimated, see edges); liabilities = $10B "
         "assumed acquisition debt bridging the $30B equity target and the ~$40B Aligned price (AIP: '$30B equity, up to "
         "$100B with debt'); assets = the Aligned stake.")

ent("BlackRock", "fund", "BlackRock Inc. incl. GIP (funds)", rule="position", aum=11.6 * T, book_equity=47.5 * B,
    src=S_DEALS + ": coteriereport (FY2024 10-K figures: book equity ~$47.5B, AUM ~$11.6T); fudzilla (ETFs >$3B of Hyperion notes)",
    note="Position-backed capital: exposures are held by BlackRock/GIP funds, so capital = the in-network positions (AIP $6B est. "
         "+ Hyperion notes $3B). book_equity = BlackRock Inc.'s own equity; aum = all funds.")

ent("PIMCO", "fund", "PIMCO (Allianz) funds", rule="position", aum=1864.96 * B,
    src="PIMCO Form ADV brochure https://9atuat.azurewebsites.net/Adviser/801-48187 (Dec 31 2023: net AUM $1,864,964,353,567; "
        "regulatory AUM $2.616T); " + S_DEALS + ": fudzilla; FT Alphaville copy (anchor ~$18B of the Hyperion notes)",
    note="Position-backed capital: capital = its funds' in-network position (Hyperion notes ~$18B). No PIMCO balance sheet is "
         "published (Allianz subsidiary); aum = net AUM Dec 2023 (latest found).")

ent("Magnetar", "fund", "Magnetar Capital (funds)", rule="position", aum=26 * B,
    src=S_DEALS + ": airealist.ai (13F-based: ~$26B total assets; 68.2M CoreWeave shares); SEC 10-Q R41 (Magnetar loan)",
    note="Position-backed capital: capital = its funds' in-network positions (CoreWeave shares ~$5.35B est. + Magnetar loan "
         "$0.26B; its DDTL participations are inside the Blackstone-led edges and its OpenAI ticket inside OtherInvestors). "
         "aum = total assets (13F-based).")

ent("Blackstone", "fund", "Blackstone Inc. (funds)", rule="position", aum=1 * T, valuation=191 * B,
    src=S_DEALS + ": koalagains (market cap ~$191B Oct 2025); livemint (AUM >$1T); omercadofinanceiro (FT) / sipoch.com (WSJ) "
        "(largest DDTL lender)",
    note="Position-backed capital: capital = its funds' in-network positions (CoreWeave DDTL 1.0 + 2.0, full syndicate amounts "
         "booked on Blackstone as lead - overstates its share).")

ent("JPMorgan", "bank", "JPMorgan Chase & Co.", cap=4424.900 - 4062.462, tl=4062.462,
    src="SEC 10-K XBRL balance sheet https://www.sec.gov/Archives/edgar/data/19617/000162828026008131/R5.htm (Dec 31 2025: total "
        "assets $4,424,900M, total liabilities $4,062,462M); SEC 10-Q R167 https://www.sec.gov/Archives/edgar/data/19617/000162828025048859/R167.htm "
        "(Sep 30 2025 total assets $4,560,205M); " + S_DEALS + ": role via contracts",
    note="Book equity $362.4B from the Dec 31 2025 balance sheet (the only complete set found; one month after the snapshot). "
         "Edges book full syndicated amounts on JPMorgan where it is lead (Vantage, OpenAI revolver) - overstates its hold.")

ent("ProjectJupiter", "spv", "Project Jupiter DC campus, NM (BorderPlex + STACK/Blue Owl)", cap=2.45, tl=18.0, donbs=18.0,
    src=S_DEALS + ": trading.hk (Bloomberg) 2025-11-07 https://trading.hk/en/markets/251107-banks-lend-18-billion-for-oracle-tied-data-center-in-new-mexico ; "
        "abqjournal (18-yr Oracle lease); FT via archive.ph https://archive.ph/jyXvm ('$18bn campus in New Mexico')",
    note="ESTIMATE: $18B bank loan (in-network loan edge, syndication pending); equity undisclosed => capital = $2.45B, assumed "
         "with the Vantage Frontier equity/debt ratio (3/22) x $18B. Oracle is the 18-yr tenant, OpenAI the end client.")

ent("CipherMining", "neocloud", "Cipher Mining Inc.", cap=6.88 / 8.13, tl=0.25 * 6.88 / 8.13 + 1.1, valuation=6.88 * B,
    src="stockanalysis.com https://stockanalysis.com/stocks/cifr/statistics (~Oct 2025: market cap $6.88B, P/B 8.13, debt/equity "
        "0.25); " + S_DEALS + ": reportify.ai ($1.1B convertible notes due 2031)",
    note="DERIVED: book equity ~ 6.88/8.13 ~ $0.85B; liabilities = funded debt ~ 0.25 x 0.85 ~ $0.21B + $1.1B convertible notes "
         "(Sep 2025, external holders) = $1.31B.")

ent("CoreScientific", "neocloud", "Core Scientific Inc.", cap=0.0, tl=1.2, valuation=5.08 * B,
    src="stocknear.com https://www.stocknear.com/stocks/CORZ/statistics (mid-2025: P/B -4.38, debt $1.2B, cash $0.84B); "
        "stockanalysis.com https://stockanalysis.com/stocks/corz/statistics (Sep 2025 market cap $5.08B); " + S_DEALS + ": sherwood.news",
    note="Book equity is NEGATIVE (P/B -4.38 at ~$3.6B market cap => ~ -$0.8B, largely fair-value warrant/contingent "
         "liabilities) => capital floored at 0 (any loss defaults it). liabilities = funded debt $1.2B only.")

ent("AppliedDigital", "neocloud", "Applied Digital Corp.", cap=6.64 / 5.91, tl=0.63 * 6.64 / 5.91, valuation=6.64 * B,
    src="stockanalysis.com https://stockanalysis.com/stocks/apld/statistics (Nov 18 2025: market cap $6.64B, P/B 5.91, debt/equity "
        "0.63); " + S_DEALS + ": finanznachrichten; stocktitan",
    note="DERIVED: book equity ~ 6.64/5.91 ~ $1.12B; liabilities = funded debt ~ 0.63 x 1.12 ~ $0.71B. Macquarie's up-to-$5B "
         "preferred equity facility is an in-network equity edge (first draw $112.5M).")

ent("Cerebras", "chipmaker", "Cerebras Systems", cap=1.1, tl=0.0, valuation=8.1 * B,
    src=S_DEALS + ": news.najib.digital (NextPlatform text); dataphoenix",
    note="ESTIMATE: capital = the $1.1B Series G (Sep/Oct 2025) as a lower bound of equity; no debt found.")

ent("Nscale", "neocloud", "Nscale Ltd. (UK)", cap=1.7, tl=0.0,
    src=S_DEALS + ": techzine.eu (>$1.7B raised: Aker, Nokia, Nvidia, others)",
    note="ESTIMATE: capital = equity raised (>$1.7B); no debt found.")

ent("Fluidstack", "neocloud", "Fluidstack Ltd.", cap=0.2, tl=0.0,
    src="davefriedman.substack https://davefriedman.substack.com/p/fluidstack-and-the-gpu-financing ($200M Series A talks Feb 2025; "
        "Macquarie facility up to $10B; later rounds 2026); thetechnewsportal https://thetechnewsportal.com/?amp=1&p=3254 "
        "(~$700M round at ~$7B in talks); " + S_DEALS + ": digitalmarketreports; coinspeaker",
    note="ESTIMATE: capital = ~$0.2B equity raised by 2025 (Series A); drawn Macquarie debt unknown (liabilities 0). Its "
         "TeraWulf/Cipher lease obligations are in-network lease edges backstopped by Google guarantees.")

ent("TeraWulf", "neocloud", "TeraWulf Inc.", cap=6.071 / 25.26, tl=4.39 * 6.071 / 25.26, valuation=6.071 * B,
    src="stockanalysis.com ratios (mirror) https://stock-analysis-sveltekit.pages.dev/stocks/wulf/financials/ratios (Dec 5 2025: "
        "market cap $6,071M, P/B 25.26, debt/equity 4.39); " + S_DEALS + ": coinalertnews",
    note="DERIVED: book equity ~ 6.071/25.26 ~ $0.24B; liabilities = funded debt ~ 4.39 x 0.24 ~ $1.06B.")

ent("Aligned", "neocloud", "Aligned Data Centers", cap=40.0, tl=0.0, valuation=40 * B,
    src=S_DEALS + ": marketscreener 2025-10-15 https://www.marketscreener.com/news/nvidia-microsoft-xai-and-blackrock-join-forces-for-a-record-40bn-buyout-ce7d5adfdb8bf420",
    note="ESTIMATE: only the ~$40B acquisition value (EV, incl. debt) is known => capital = $40B with no debt captured "
         "(overstates equity). Close expected H1 2026.")

ent("Vantage", "neocloud", "Vantage Data Centers (Oracle-linked TX Frontier + WI campuses)", cap=3.0, tl=38.0, donbs=38.0,
    src=S_DEALS + ": gmt8press (Bloomberg) https://gmt8press.com/latest/detail/516608 ; hotpaths.com (FT text); globalbizmag",
    note="Only the Oracle-linked campuses are modelled: capital = $3B Silver Lake/DigitalBridge equity (Frontier); $38B "
         "construction debt package (in-network loan edge; the $22-23B Frontier tranche is inside it).")

ent("Lambda", "neocloud", "Lambda Inc.", cap=3.0, tl=0.0, revenue=0.456 * B,
    src=S_DEALS + ": allweatherfinance (The Information); webpronews (>$3B raised after the $1.5B Series E)",
    note="ESTIMATE: capital = total raised (>$3B, treated as equity); GPU-backed debt not captured. Revenue = Q2-2025 cloud "
         "revenue ~$114M x 4.")

ent("IREN", "neocloud", "IREN Ltd.", cap=9.24 / 4.82, tl=0.53 * 9.24 / 4.82, valuation=9.24 * B,
    src="stockanalysis.com https://stockanalysis.com/stocks/iren/statistics (Sep 12 2025: market cap $9.24B, P/B 4.82, debt/equity "
        "0.53); " + S_DEALS + ": business-standard (Reuters) 2025-11-03",
    note="DERIVED: book equity ~ 9.24/4.82 ~ $1.92B; liabilities = funded debt ~ 0.53 x 1.92 ~ $1.02B. Microsoft contract worth "
         "~$1.94B/yr from 2026.")

# ---- counterparties named in deals.md contracts but not in its entity table ----
ent("Dell", "other", "Dell Technologies Inc.", cap=48241 * 108000 / 1e9, tl=18.29 * 72.282 / 52.11,
    valuation=93.1 * B,
    src="stockanalysis.com https://stockanalysis.com/stocks/dell/statistics (Dec 5 2025: market cap $93.10B; profits per "
        "employee $48,241 x 108,000 employees); stockanalysis.com ratios (mirror) "
        "https://stock-analysis-sveltekit.pages.dev/stocks/dell/financials/ratios (FY2025 ending Jan 31 2025: market cap $72,282M, "
        "P/B -52.11, debt/equity -18.29)",
    note="Book equity is NEGATIVE (buybacks; P/B -52.11 => ~ -$1.4B at FY2025) so book equity cannot be the buffer: ESTIMATE "
         "capital = trailing-12-month net income ~$5.2B (one year of earnings absorbs losses without impairing solvency). "
         "liabilities = funded debt ~ 18.29 x 1.39 ~ $25.4B (FY2025 ratios; order of magnitude only).")

ent("Ampere", "chipmaker", "Ampere Computing (SoftBank subsidiary)", cap=6.5, tl=0.0,
    src=S_DEALS + ": technewsday; btccusa ($6.5B acquisition)",
    note="ESTIMATE: capital = the $6.5B price SoftBank paid for 100% of the equity; debt not captured.")

ent("USGovernment", "sovereign", "US government (Commerce; CHIPS grants converted)", rule="position",
    src=S_DEALS + ": thecorner.eu 2025-08-26; dqindia; ts2.tech (Intel 10-Q)",
    note="Position-backed placeholder: capital = its in-network position (Intel stake). Included because deals.md names it "
         "as a counterparty; it never defaults in practice.")

ent("BondInvestors", "investor", "Bond & note holders (aggregate, dispersed)", rule="position",
    src=S_DEALS + " (bond/notes rows with unnamed holders)",
    note="AGGREGATE of unnamed public/144A holders (Oracle, Meta, CoreWeave, Nebius notes; Hyperion remainder; xAI notes & term "
         "loans). Position-backed capital = sum of its claims, so it absorbs losses (default only if everything is lost) "
         "without dominating the capital weights.")

ent("OtherLenders", "bank", "Other lenders (aggregate: unnamed banks, syndicates, OEM vendor financing)", rule="position",
    src=S_DEALS + " (loan/credit rows with unnamed or non-network lenders)",
    note="AGGREGATE: SoftBank bridge & Arm margin loans (unnamed banks), CoreWeave revolver (bank group) and OEM financing, "
         "Project Jupiter syndicate (SMBC, BNP Paribas, Goldman Sachs, MUFG...). Position-backed capital = sum of its claims.")

ent("OtherInvestors", "investor", "Other equity investors (aggregate: VCs, strategic & unnamed investors)", rule="position",
    src=S_DEALS + " (equity rows whose investors are unnamed or not in the network)",
    note="AGGREGATE of equity investors outside the network (e.g. Thrive, Coatue, Altimeter, ICONIQ, Fidelity, a16z, Sequoia, "
         "TWG, Macquarie, Silver Lake, DigitalBridge). Position-backed capital = sum of its stakes.")

# --------------------------------------------------------------------------
# Contracts.  amount in $B.  status: signed|reported|loi|talks|estimate.
# --------------------------------------------------------------------------
C = []


def con(frm, to, kind, amt, status, date, src, note="", label="", **extra):
    d = dict(frm=frm, to=to, kind=kind, amt=amt, status=status, date=date, source=src, note=note, label=label)
    d.update(extra)
    C.append(d)


# -- OpenAI / Oracle / Nvidia / AMD / Broadcom (the circular core) --------------
con("OpenAI", "Oracle", "purchase", 300, "reported", "2025-09-10",
    "WSJ via thenews.com.pk 2025-09-11 https://www.thenews.com.pk/latest/1342862-300-billion-deal-between-openai-oracle-largest-cloud-contract-in-history ; "
    "tekedia https://www.tekedia.com/oracle-stock-jumps-on-report-of-300-billion-openai-cloud-deal ; evertiq 2025-09-26 (Stargate sites)",
    label="OCI compute ~4.5 GW (Stargate sites)", term=5,
    note="~$300B over ~5 yrs from 2027 (~$60B/yr); not confirmed by either company (deals.md note 1). The Sep-23 Stargate-sites "
         "row (Shackelford TX, Dona Ana NM, Midwest, +600 MW Abilene) is part of this contract, not a second one.")
con("Nvidia", "OpenAI", "equity", 100, "loi", "2025-09-22",
    "Bloomberg via ndtvprofit https://www.ndtvprofit.com/technology/nvidia-to-invest-usd-100-billion-in-openai-for-data-centers ; "
    "particle.news; techbuzz.ai (Nvidia 10-Q quote); digitimes 2025-12-03",
    label="up to $100B progressive investment",
    note="Non-binding LOI tied to >=10 GW of Nvidia systems; Nvidia 10-Q (Nov 19 2025): 'no assurance' of definitive agreements; "
         "CFO Kress (Dec 2 2025): still an LOI. Media: $10B at the first GW, rest milestone-based (deals.md note 2).")
con("OpenAI", "Nvidia", "purchase", 350, "estimate", "2025-09-22",
    "nasniconsultants (Fortune copy) 2025-09-22; fool.com 2025-10-07 https://www.fool.com/investing/2025/10/07/amd-pays-a-high-price-for-blockbuster-openai-deal/ ($35B/GW)",
    label="10 GW of Nvidia systems (LOI)",
    note="ESTIMATE: value not stated; 10 GW x ~$35B of Nvidia content per GW (Huang). Part of the same non-binding LOI; "
         "multi-year from H2 2026.")
con("OpenAI", "AMD", "purchase", 90, "estimate", "2025-10-06",
    "nasdaq/RTTNews 2025-10-06 https://www.nasdaq.com/articles/openai-deploy-6-gigawatts-amd-gpus ; morethanmoore.substack (~$90B estimate)",
    label="6 GW AMD Instinct GPUs",
    note="ESTIMATE: AMD CFO said 'tens of billions' of revenue; amount = one analyst's ~$90B estimate. Multi-year, 1st GW "
         "MI450 in H2 2026.")
con("AMD", "OpenAI", "warrant", 34, "signed", "2025-10-06",
    "nasdaq/RTTNews 2025-10-06; fool.com 2025-10-07 https://www.fool.com/investing/2025/10/07/amd-pays-a-high-price-for-blockbuster-openai-deal/",
    label="warrant for up to 160M AMD shares at $0.01",
    note="Value ~$34B at the Oct-6 price ($96B at the $600 top threshold); vests 1 GW -> 6 GW with AMD share-price and OpenAI "
         "milestones; ~10% of AMD if fully exercised (fool.com: ~9%, deals.md note 3).")
con("OpenAI", "Broadcom", "purchase", 350, "estimate", "2025-10-13",
    "nextbigfuture 2025-10-13 https://www.nextbigfuture.com/2025/10/broadcom-and-openai-have-a-10-gigawatt-deal-for-custom-ai-chips-and-networking.html ; "
    "news.az (Reuters); sherwood.news https://sherwood.news/markets/broadcom-soars-after-announcing-deal-with-openai-to-deploy-10-gigawatts-of "
    "(WSJ: 'multiple billions'); ainews247 https://ainews247.org/story/36390 ('a single GW of AI chips runs on the order of $35 billion')",
    label="10 GW custom accelerators + Ethernet racks",
    note="ESTIMATE: financial terms undisclosed; 10 GW x ~$35B of AI chips per GW (same basis as the Nvidia LOI). H2 2026 - "
         "end 2029. Cross-check: OpenAI's purchase commitments in this file then total ~$1.4T, Altman's own figure.")

# -- OpenAI <-> CoreWeave ------------------------------------------------------
S_CRWV_OAI = "Reuters via crypto-observer / nigeriadna 2025-03-11; Reuters via news.anyfans.com 2025-09-25 https://news.anyfans.com/?p=71359"
con("OpenAI", "CoreWeave", "purchase", 11.9, "signed", "2025-03", S_CRWV_OAI + "; SEC S-1/A R49", term=5,
    label="MSA, up to $11.9B through Oct 2030",
    note="Microsoft had declined this ~$12B option (semafor). OpenAI-CoreWeave contracts total $22.4B (11.9 + 4 + 6.5).")
con("OpenAI", "CoreWeave", "equity", 0.35, "signed", "2025-03", "Reuters via crypto-observer 2025-03",
    label="$350M CoreWeave stock (private placement)")
con("OpenAI", "CoreWeave", "purchase", 4, "signed", "2025-05", "globaldatacenterhub; Reuters via news.anyfans.com 2025-09-25",
    label="add-on to the March contract")
con("OpenAI", "CoreWeave", "purchase", 6.5, "signed", "2025-09-25",
    "Reuters exclusive via news.anyfans.com 2025-09-25 https://news.anyfans.com/?p=71359", label="third expansion (up to $6.5B)",
    note="OpenAI may terminate part/all if CoreWeave repeatedly misses delivery.")

# -- CoreWeave debt --------------------------------------------------------------
S_R41 = "SEC 10-Q XBRL R41 (CoreWeave, Jun 30 2025) https://www.sec.gov/Archives/edgar/data/1769628/000114036125032095/R41.htm"
con("Blackstone", "CoreWeave", "loan", 1.78, "signed", "2023", S_R41 + "; FT (Blackstone largest lender)",
    label="DDTL 1.0 (outstanding)", maturity="2028-03",
    note="GPU-collateralized delayed-draw term loan, ~15%; $1.78B outstanding Jun 30 2025. Syndicate (Blackstone, Magnetar, "
         "others): full amount booked on the lead as proxy.")
con("Blackstone", "CoreWeave", "loan", 4.95, "signed", "2024-05",
    S_R41 + "; omercadofinanceiro (FT translation, $7.6B facility); sipoch.com (WSJ, $7.5B, same facility)",
    label="DDTL 2.0 (outstanding)", maturity="2029-05",
    note="$4.95B outstanding of a ~$7.5-7.6B facility (the WSJ '$7.5B' row is the same facility, not added). ~11%. Syndicate "
         "booked on Blackstone as lead. 2024 technical defaults waived.")
con("BondInvestors", "CoreWeave", "bond", 2.0, "signed", "2025-05", S_R41, label="2030 senior notes", maturity="2030-06",
    note="~10% coupon.")
con("OtherLenders", "CoreWeave", "credit", 2.5, "signed", "2025", S_R41 + "; fintool Q3-2025 summary",
    label="revolving credit facility", maturity="2027-06",
    note="Bank group; facility upsized to $2.5B in Q3 2025 ($450M drawn Jun 30 2025). Amount = commitment.")
con("Magnetar", "CoreWeave", "loan", 0.2566, "signed", "2025", S_R41, label="Magnetar loan", maturity="2029-01",
    note="$256.6M at Jun 30 2025, ~12%.")
con("OtherLenders", "CoreWeave", "loan", 1.73, "signed", "2024-2025", S_R41, label="OEM vendor financing",
    note="OEM financing arrangements (vendors unnamed), Mar 2026 - May 2028, 9-10%.")
con("BondInvestors", "CoreWeave", "bond", 2.0, "signed", "2025-12", "coincentral", label="convertible senior notes due 2031",
    maturity="2031-12", note="Announced Dec 2025 (edge of the snapshot); the +$0.3B option is not counted.")

# -- CoreWeave equity / Nvidia backstops ----------------------------------------
con("Magnetar", "CoreWeave", "equity", 5.35, "estimate", "2021-2025",
    "airealist.ai (13F-based: 68.2M Class A shares, largest holder); " + S_OPENCAP_CRWV + " (Q3'25 book $3.87B, BVPS $7.79); "
    "reportify (CoreWeave ~$39B market cap Nov 2025)",
    label="largest CoreWeave shareholder",
    note="ESTIMATE: cost not disclosed (began as a $50M convertible loan in 2021); amount = market value ~68.2M shares x ~$78.5 "
         "(~$39B market cap / ~497M shares implied by book $3.87B / BVPS $7.79). Magnetar hedged with collars in 2025.")
con("Nvidia", "CoreWeave", "equity", 0.35, "signed", "2023-04/2025-03",
    "businesstech.news; reportify.ai; milanofinanza (Reuters)", label="pre-IPO + IPO anchor", stake=0.07,
    note="$100M (Apr 2023) + $250M IPO anchor at $40 => ~24.2M shares, ~7% (6.3% per Reuters Jan 2026; deals.md note 6). "
         "The $2B Jan-2026 purchase is outside the snapshot.")
con("Nvidia", "CoreWeave", "guarantee", 6.3, "signed", "2025-09",
    "allmind.ai (Motley Fool text); trendinginfo (CNBC); CoreWeave 8-K", label="capacity backstop", maturity="2032-04",
    note="Nvidia must buy residual capacity CoreWeave does not sell, minimum $6.3B, through April 2032.")
con("Nvidia", "CoreWeave", "lease", 1.3, "reported", "2023", "4nownews (The Information)", term=4,
    label="Project Osprey GPU rent-back", note="Nvidia rents back GPUs for 4 yrs to Aug 2027; Nvidia = 15% of CoreWeave 2024 revenue.")

# -- Microsoft / OpenAI / Amazon / SoftBank ------------------------------------
con("Microsoft", "OpenAI", "equity", 13, "signed", "2019-2023; recap 2025-10-28",
    "Microsoft 8-K Ex.99.2 quoted at anteroom.so; telegraphindia (Reuters) 2025-10-28 "
    "https://www.telegraphindia.com/business/microsoft-openai-reach-new-deal-to-allow-openai-to-restructure/cid/2130048 ; newsghana",
    label="~27% as-converted stake", stake=0.27,
    note="$13B committed ($11.6B funded by Sep 30 2025; newsghana $13.8B, deals.md note 4); stake valued ~$135B post-recap; "
         "IP rights to 2032.")
con("OpenAI", "Microsoft", "purchase", 250, "signed", "2025-10-28", "telegraphindia (Reuters) 2025-10-28; Microsoft 8-K via anteroom.so",
    label="incremental Azure services", note="Term not disclosed; Microsoft gives up its right of first refusal on OpenAI compute.")
con("OpenAI", "Amazon", "purchase", 38, "signed", "2025-11-03",
    "infrastructurebrief.com https://infrastructurebrief.com/openai-secures-aws-capacity-in-38-billion-deal/ ; newsbytesapp; particle.news",
    label="AWS EC2 UltraServers (GB200/GB300)", term=7, note="All capacity online by end-2026, expansion option 2027+.")
con("SoftBank", "OpenAI", "equity", 30, "signed", "2025-03-31",
    "itweb 2025-04-01 https://www.itweb.co.za/article/softbank-leads-40bn-investment-in-openai/Olx4z7kakNkq56km ; mobileworldlive; "
    "globalventuring; blacknewsdaily (CNBC, $22.5B second closing); ts2.tech",
    label="SoftBank share of the $40B round", stake=0.11,
    note="$40B round at $300B post; SoftBank effective up to $30B ($10B syndicated, separate edge). $22.5B second closing "
         "(Dec 2025) is a tranche of this, not added (deals.md note 14). Stake ~4% -> ~11% after closing.")
con("OtherInvestors", "OpenAI", "equity", 10, "signed", "2025-03-31", "itweb 2025-04-01; mobileworldlive; techminis (Magnetar)",
    label="syndicated part of the $40B round",
    note="Co-investors Microsoft, Coatue, Altimeter, Thrive, Magnetar, Founders Fund; split undisclosed, so Magnetar's "
         "(undisclosed) ticket is inside this edge.")
con("SoftBank", "OpenAI", "equity", 2.2, "signed", "2024-09/2025-03", "mobileworldlive; globalventuring",
    label="Vision Fund 2 holdings since Sep 2024",
    note="Incl. the Oct-2024 round; the $1.5B Nov-2024 employee tender is assumed to be inside this total (not added).")
con("OtherInvestors", "OpenAI", "equity", 6.6, "signed", "2025-10-02",
    "tredu https://www.tredu.com/news/openai-s-share-sale-crowns-a-usd500-billion-valuation-as-softbank-thrive-lead-the-bid ; "
    "inbvnews (CNBC); digitalmarketreports",
    label="secondary at $500B (Thrive, SoftBank, Dragoneer, MGX, T. Rowe)",
    note="Secondary sale: cash went to employee holders, not OpenAI; the edge records the buyers' exposure to OpenAI. Buyer "
         "split undisclosed (SoftBank and MGX shares inside).")
con("SoftBank", "OpenAI", "purchase", 3, "signed", "2025-02-03", "news.az (Bloomberg) 2025-02-03; bnnbloomberg; digitimes",
    label="'Cristal intelligence' enterprise services", term=1,
    note="~$3B per year via SB OpenAI Japan (50/50 JV); multi-year term not disclosed, one year counted.")

# -- Amazon / Google / Microsoft / Nvidia <-> Anthropic --------------------------
con("Amazon", "Anthropic", "equity", 8, "signed", "2023-09/2024-11",
    "wallstreetpit 2024-11-22 https://wallstreetpit.com/120585-amazon-doubles-down-on-anthropic-4-billion-investment-fuels-ai-arms-race/ ; qz.com",
    label="$4B + $4B", note="AWS primary cloud & training partner.")
con("Nvidia", "Anthropic", "equity", 10, "signed", "2025-11-18",
    "ndtvprofit (Bloomberg) https://www.ndtvprofit.com/business/microsoft-nvidia-to-invest-up-to-15-billion-in-anthropic ; republicworld",
    label="up to $10B in the next round", note="Part of the Microsoft/Nvidia/Anthropic tri-party deal; 'up to'.")
con("Microsoft", "Anthropic", "equity", 5, "signed", "2025-11-18", "ndtvprofit (Bloomberg); webpronews",
    label="up to $5B in the next round", note="Implied valuation ~$350B (press).")
con("Anthropic", "Microsoft", "purchase", 30, "signed", "2025-11-18", "ndtvprofit (Bloomberg); wyomingstarnews; webpronews",
    label="$30B Azure compute", note="Over several years; plus up to 1 GW more (Grace Blackwell / Vera Rubin), unpriced.")
con("Anthropic", "Google", "purchase", 20, "estimate", "2025-10-23",
    "businessleadersreview; windowsnews.ai; kvbplus (Bloomberg)", label="up to 1M TPUs (>1 GW in 2026)",
    note="ESTIMATE: reported as 'tens of billions'; amount = the floor of that range ($20B).")
con("Google", "Anthropic", "equity", 2.25, "signed", "2022-2025",
    "nextplatform; airevolution.cc (NYT court filings); sherwood.news", label="~14% stake (capped 15%, non-voting)", stake=0.14,
    note=">$3B total incl. the $0.75B convertible (separate loan edge) => equity part = $2.25B. NextPlatform says ~10%.")
con("Google", "Anthropic", "loan", 0.75, "signed", "2025-09", "airevolution.cc (NYT); sherwood.news",
    label="convertible note", note="Agreed 2023, funded Sep 2025; part of Google's >$3B.")
con("JPMorgan", "OpenAI", "credit", 4, "signed", "2024-10", "webpronews; reportify.ai (Bloomberg: untapped); aicounsel.substack",
    label="$4B revolving credit facility",
    note="Undrawn as of Nov 2025; JPMorgan lead with Citi, Goldman Sachs, Morgan Stanley and others: full facility booked on "
         "JPMorgan as proxy.")
con("OtherInvestors", "Anthropic", "equity", 13, "signed", "2025-09", "republicworld 2025-11-19",
    label="Series F at $183B post", note="Lead (ICONIQ) not verified.")

# -- AIP / Aligned ---------------------------------------------------------------
S_AIP = ("urdupoint (WAM/BlackRock PR) 2025-03-19 https://www.urdupoint.com/en/middle-east/blackrock-global-infrastructure-partners-mi-1947726.html ; "
         "netzeronews")
for p in ("BlackRock", "Microsoft", "MGX", "Nvidia", "xAI"):
    con(p, "AIP", "equity", 6, "estimate", "2024-09/2025-03", S_AIP, label="AIP partner equity",
        note="ESTIMATE: AIP targets $30B of equity (up to $100B with debt); partner tickets undisclosed => equal split of the "
             "target among the 5 partner groups (BlackRock incl. GIP, Microsoft, MGX; Nvidia and xAI joined Mar 2025).")
con("AIP", "Aligned", "equity", 40, "signed", "2025-10-15",
    "marketscreener 2025-10-15 https://www.marketscreener.com/news/nvidia-microsoft-xai-and-blackrock-join-forces-for-a-record-40bn-buyout-ce7d5adfdb8bf420 ; "
    "techstartups (FT); newspointapp (AFP)",
    label="~$40B acquisition of Aligned (EV)", stake=1.0,
    note="Seller Macquarie Asset Management: cash goes to the seller, the edge records AIP's exposure to Aligned. With MGX, GIP "
         "(+Temasek, KIA per FT); close expected H1 2026.")

# -- Stargate JV -----------------------------------------------------------------
S_SG = ("business-standard 2025-01-23 https://www.business-standard.com/amp/technology/tech-news/softbank-openai-commit-19-bn-each-to-100-bn-us-ai-venture-stargate-125012300127_1.html ; "
        "brecorder (Reuters)")
con("SoftBank", "Stargate", "equity", 19, "reported", "2025-01-23", S_SG, stake=0.40, label="initial equity commitment",
    note="Altman remarks via The Information; not confirmed in filings (deals.md note 15). SoftBank = financial responsibility.")
con("OpenAI", "Stargate", "equity", 19, "reported", "2025-01-23", S_SG, stake=0.40, label="initial equity commitment",
    note="OpenAI = operational responsibility.")
con("Oracle", "Stargate", "equity", 7, "reported", "2025-01-23", S_SG, label="initial equity commitment",
    note="~$7B; Oracle/MGX share the remaining ~20% (implied).")
con("MGX", "Stargate", "equity", 7, "reported", "2025-01-23", S_SG, label="initial equity commitment", note="~$7B.")

# -- Oracle: bonds, chips, leases -------------------------------------------------
con("BondInvestors", "Oracle", "bond", 18, "signed", "2025-09-26",
    "Oracle 8-K summarized at perivis.com https://www.perivis.com/note/c1aca7ac-abbd-49e5-a9f3-d612fe8fed07 ; benzinga 2025-09-24",
    label="$18B senior notes (6 tranches, 2030-2065)", note="Underwriters BofA, Citi, Deutsche, Goldman, HSBC, JPMorgan.")
con("Oracle", "Nvidia", "purchase", 40, "reported", "2025-05-23",
    "tomshardware 2025-05-24 https://www.tomshardware.com/pc-components/gpus/oracle-has-reportedly-placed-an-order-for-usd40-billion-in-nvidia-ai-gpus-for-a-new-openai-data-center ; pymnts",
    label="~400,000 GB200 for Abilene", note="FT report; compute leased on to OpenAI.")
con("Oracle", "CrusoeAbilene", "lease", 15, "estimate", "2024-10/2025-05", "tomshardware 2025-05-24; commercialsearch (DCD)", term=15,
    label="whole 1.2 GW Abilene campus",
    note="ESTIMATE: rent undisclosed; amount = the $15B JV development cost (a 15-yr lease of the whole campus must at least "
         "recover it). Together with the Jupiter and Vantage leases (~$76B) this stays below Oracle's ~$100B not-yet-commenced "
         "leases at Aug 31 2025 (CreditSights, deals.md note 21).")
con("Oracle", "ProjectJupiter", "lease", 20.45, "estimate", "2025-09/10", "abqjournal; trading.hk (Bloomberg)", term=18,
    label="18-yr lease, Dona Ana County NM",
    note="ESTIMATE: rent undisclosed; amount = project financing ($18B loan + $2.45B est. equity) that the rent must recover.")
con("Oracle", "Vantage", "lease", 41, "estimate", "2025-08/10",
    "gmt8press (Bloomberg) https://gmt8press.com/latest/detail/516608 ; evertiq (Stargate sites 'Oracle-leased (Vantage "
    "Frontier...)'); hotpaths.com (FT)",
    label="TX Frontier + WI campuses",
    note="DERIVED EDGE (no own row in deals.md): the Vantage loan row and the Stargate-sites row say these Vantage campuses "
         "provide capacity to Oracle. ESTIMATE: rent undisclosed; amount = financing raised ($38B debt + $3B equity).")

# -- Abilene / Vantage / Jupiter financing ---------------------------------------
con("BlueOwl", "CrusoeAbilene", "equity", 5, "reported", "2024-10/2025-05-21",
    "einpresswire (GlobeNewswire) 2025-05-21 https://www.einpresswire.com/article/814716407/crusoe-blue-owl-capital-and-primary-digital-infrastructure-enter-second-phase-of-15-billion-joint-venture-to-fund-ai-data-center-in-abilene-texas ; "
    "commercialobserver 2024-10; photonews (FT)",
    label="JV equity (~$5B cash from site owners)",
    note="FT: ~$5B cash from the site owners (Crusoe, Blue Owl Real Assets funds, Primary Digital); split undisclosed => booked "
         "on Blue Owl funds as main equity sponsor. The $3.4B phase-1 JV (Oct 2024) is part of this.")
con("JPMorgan", "CrusoeAbilene", "loan", 2.3, "signed", "2025-01",
    "commercialobserver 2025-01 https://commercialobserver.com/2025/01/j-p-morgan-chase-loan-texas-data-center-oracle",
    label="phase 1 construction loan", note="206 MW, 100% leased to Oracle.")
con("JPMorgan", "CrusoeAbilene", "loan", 7.1, "signed", "2025-05-21",
    "commercialobserver 2025-05-22 https://commercialobserver.com/2025/05/7b-oracle-leased-texas-data-center-development",
    label="phase 2 construction loan", note="JPMorgan-led consortium, full amount booked on JPMorgan; total $9.4B (FT: $9.6B).")
con("JPMorgan", "Vantage", "loan", 38, "reported", "2025-09/10", "gmt8press (Bloomberg-sourced) https://gmt8press.com/latest/detail/516608",
    label="~$38B construction debt (TX + WI)",
    note="JPMorgan and MUFG lead a syndicate: full amount booked on JPMorgan as proxy. The FT $22B / $23B Frontier figure is "
         "the Texas tranche inside this total (not added, deals.md note 8).")
con("OtherInvestors", "Vantage", "equity", 3, "signed", "2025-08", "hotpaths.com (FT); globalbizmag",
    label="Silver Lake + DigitalBridge equity (Frontier)")
con("OtherLenders", "ProjectJupiter", "loan", 18, "reported", "2025-11-07",
    "trading.hk (Bloomberg) https://trading.hk/en/markets/251107-banks-lend-18-billion-for-oracle-tied-data-center-in-new-mexico ; capitalaidaily",
    label="~$18B project-finance loan", term=4,
    note="SMBC, BNP Paribas, Goldman Sachs, MUFG (~20 banks); commitments due late Nov 2025; 4 yrs + two 1-yr extensions.")
con("BlueOwl", "ProjectJupiter", "equity", 2.45, "estimate", "2025-11",
    "trading.hk (Bloomberg: STACK, Blue Owl-owned, builds it); FT via archive.ph https://archive.ph/jyXvm",
    label="STACK / Blue Owl equity",
    note="ESTIMATE: undisclosed; the Vantage Frontier equity/debt ratio (3/22) applied to the $18B loan.")

# -- Meta / Hyperion ---------------------------------------------------------------
S_HYP = ("stocktitan (Meta PR) 2025-10-21 https://www.stocktitan.net/news/META/meta-announces-joint-venture-with-funds-managed-by-blue-owl-capital-cb9waindzv96.html ; "
         "memedata (S&P text) http://memedata.com/post/84745")
con("BlueOwl", "HyperionSPV", "equity", 2.45, "signed", "2025-10-21", S_HYP, stake=0.80,
    label="deferred equity into Beignet (80% of the JV)",
    note="S&P: $2.45B deferred equity; the Meta PR's ~$7B 'cash contribution' and press $2.5-3B figures are other layers "
         "(deals.md note 7).")
con("Meta", "HyperionSPV", "equity", 1.3, "estimate", "2025-10-21",
    S_HYP + "; innovativecentre https://www.innovativecentre.org/single-post/financing-structure-of-hyperion-by-meta",
    stake=0.20, label="retained 20% of the Hyperion JV",
    note="ESTIMATE: not disclosed by Meta; $1.3B net out of pocket per innovativecentre (single source); Meta also received a "
         "one-time ~$3B distribution.")
con("PIMCO", "HyperionSPV", "bond", 18, "reported", "2025-10",
    "FT Alphaville copy; fudzilla; memedata (S&P text); ifre https://www.ifre.com/people-and-markets/2363199/opinion-the-metablue-owl-deal-broken-down-off-balance-sheet-gymnastics-24-years-after-enron",
    label="anchor of the $27.3B Beignet notes", maturity="2049-05",
    note="144A senior secured amortizing notes, 6.58%, A+ (S&P); PIMCO ~ $18B.")
con("BlackRock", "HyperionSPV", "bond", 3, "reported", "2025-10", "fudzilla", label="ETF holdings of the Beignet notes",
    maturity="2049-05", note="'>$3B' per fudzilla; floor used.")
con("BondInvestors", "HyperionSPV", "bond", 6.3, "estimate", "2025-10", "memedata (S&P text); fudzilla",
    label="rest of the $27.3B Beignet notes", maturity="2049-05",
    note="ESTIMATE: remainder = 27.3 - 18 (PIMCO) - 3 (BlackRock) = $6.3B held by other bond funds.")
con("Meta", "HyperionSPV", "lease", 27.3, "estimate", "2025-10-21", S_HYP, label="operating leases (triple-net, 4-yr renewable)",
    note="ESTIMATE: rent undisclosed; the leases are sized to service the $27.3B amortizing notes to 2049 (S&P), so amount = "
         "notes principal. Only a 4-yr initial term is committed (renewable).")
con("Meta", "HyperionSPV", "guarantee", 27.3, "estimate", "2025-10-21",
    S_HYP + "; aicerts https://www.aicerts.ai/news/?p=18451 ; hb.int2inf (S&P summary); vinodkothari",
    label="capped residual value guarantee (16 yrs)",
    note="ESTIMATE: the cap is not published; upper bound = notes principal ($27.3B). Meta pays if it leaves and sale proceeds "
         "do not cover the bonds; also guarantees cost overruns and lease payments (S&P-based summaries).")
con("Meta", "CoreWeave", "purchase", 14.2, "signed", "2025-09-30",
    "bisnow https://www.bisnow.com/national/news/data-center/meta-signs-142b-deal-with-with-ai-cloud-firm-coreweave-131206 ; azzet",
    label="GB300 capacity through Dec 2031",
    note="Option to 2032; the $21B Apr-2026 expansion is outside the snapshot (and partly overlaps, deals.md note 12).")
con("BondInvestors", "Meta", "bond", 30, "signed", "2025-10-30",
    "businesstimes.com.sg (Bloomberg) https://www.businesstimes.com.sg/companies-markets/telcos-media-tech/meta-sells-us30-billion-bonds-ai-frenzy-fuels-record-orders",
    label="$30B bonds (6 tranches 2030-2065)", note="~$125B orders; Citi & Morgan Stanley lead.")
con("Meta", "Google", "purchase", 10, "reported", "2025-08-21", "thecliffnews (Reuters); bizwatchnigeria; techeconomy.ng",
    label="Google Cloud servers/storage/networking", term=6, note="'>$10B' (floor); companies declined comment.")
con("Meta", "Nebius", "purchase", 2.9, "signed", "2025-11-11",
    "up2info (Nebius 6-K) https://up2info.com/corporate-news/nebius-plans-to-deploy-first-phase-of-meta-deal-in-december ; geokhub",
    label="GPU capacity, 2 tranches", term=5, note="The $27B Mar-2026 contract is outside the snapshot.")
con("Meta", "Oracle", "purchase", 20, "talks", "2025-09-19", "mexc/cryptopolitan 2025-09-20; cosmico (Bloomberg); newsbulletin",
    label="OCI compute (advanced talks)", note="Talks only; final signing not confirmed in published pages.")

# -- Microsoft's neocloud contracts -------------------------------------------------
con("Microsoft", "Nebius", "purchase", 17.4, "signed", "2025-09-08",
    "aimmediahouse (Nebius 6-K) https://aimmediahouse.com/market-industry/microsoft-turns-to-nebius-to-meet-ais-relentless-gpu-demands ; webpronews",
    label="dedicated GPU capacity, Vineland NJ", term=5, note="Base $17.4B; up to $19.4B with options (not counted).")
con("Microsoft", "CoreWeave", "purchase", 10, "reported", "2024-11",
    "ic-integratedcircuits (The Information); semafor 2025-03-20 https://semafor.com/article/03/20/2025/microsoft-chose-not-to-exercise-12-billion-coreweave-option",
    label="server rental 2023-2030", note="Microsoft = 62% of CoreWeave 2024 revenue.")
con("Microsoft", "Nscale", "purchase", 24, "reported", "2025-10-15",
    "techzine.eu (CNBC/FT: ~$24B, four sites); benzinga 2025-10-15; longbridge ($14B Texas + Portugal); lumidanews",
    label="~200k GB300 across TX, Portugal, UK, Norway",
    note="$14B (Texas + Portugal) and $24B (all four sites incl. the Aker-Nscale Norway JV ~$6.2B) overlap: the $24B total is "
         "kept (deals.md note 10).")
con("Microsoft", "IREN", "purchase", 9.7, "signed", "2025-11-03",
    "business-standard (Reuters) 2025-11-03 https://www.business-standard.com/amp/world-news/microsoft-signs-nearly-9-7-billion-contract-with-iren-for-nvidia-chips-125110301015_1.html ; dcpulse",
    label="GB300 cloud services, Childress TX", term=5, note="Includes a 20% (~$1.9B) prepayment.")
con("IREN", "Dell", "purchase", 5.8, "signed", "2025-11-03", "business-standard (Reuters) 2025-11-03; dcpulse",
    label="GB300 systems + equipment", note="Partly funded by the Microsoft prepayment.")
con("Microsoft", "Lambda", "purchase", 2, "estimate", "2025-11-03", "thorstenmeyerai (Reuters/CNBC); webpronews",
    label="tens of thousands of Nvidia GPUs", note="ESTIMATE: 'multibillion-dollar' => floor $2B.")
con("Nvidia", "Lambda", "lease", 1.3, "reported", "2025", "web-origin.lbkrs (The Information); allweatherfinance; servernews.ru",
    label="Project Comet: 10,000 GPU servers rent-back", term=4, note="Nvidia is also Lambda's investor, supplier and largest customer.")
con("Nvidia", "Lambda", "lease", 0.2, "reported", "2025", "web-origin.lbkrs (The Information)",
    label="8,000 servers rent-back", note="Second, smaller lease (term unspecified).")
con("OtherInvestors", "Lambda", "equity", 1.5, "signed", "2025-11-18",
    "webpronews https://www.webpronews.com/lambdas-1-5b-surge-inside-the-ai-infrastructure-gold-rush-with-microsoft",
    label="Series E (TWG Global lead, USIT)")

# -- Google backstops of Fluidstack leases ------------------------------------------
con("Google", "TeraWulf", "guarantee", 3.2, "signed", "2025-08-14/18",
    "swisscryptodaily (Cointelegraph) 2025-08-19; particle.news; coinalertnews",
    label="backstop of Fluidstack's lease payments (Lake Mariner NY)",
    note="Guarantor Google -> beneficiary TeraWulf; obligor Fluidstack. $1.8B raised to $3.2B; not a guarantee of TeraWulf's "
         "corporate debt.")
con("TeraWulf", "Google", "warrant", 0.655, "estimate", "2025-08", "swisscryptodaily (Cointelegraph); crypto-economy; "
    "stockanalysis (mirror) https://ic-staging.stockanalysis.com/stocks/wulf/statistics ($8.97 close Aug 15 2025)",
    label="warrants for ~73M TeraWulf shares (~14% pro forma)",
    note="ESTIMATE: value = 73M shares x $8.97 (Aug 15 2025 close), strike ignored (nominal). Consideration for the backstop.")
con("Fluidstack", "TeraWulf", "lease", 3.7, "signed", "2025-08-14", "particle.news; cryptopulsedaily", term=10,
    label="10-yr colocation (>200 MW)", note="Up to ~$8.7B with two 5-yr extensions (not counted).")
con("Google", "CipherMining", "guarantee", 1.4, "signed", "2025-09-25", "coinspeaker 2025-09-25; coinalertnews; reportify.ai",
    label="backstop of Fluidstack's lease (Barber Lake TX)", note="Supports project debt financing; obligor Fluidstack.")
con("CipherMining", "Google", "warrant", 0.293, "estimate", "2025-09-25",
    "coinspeaker; coinmela; reportify.ai https://reportify.ai/news/1169122966420852736 (~$12.20/share)",
    label="warrants for ~24M Cipher shares (~5.4% pro forma)",
    note="ESTIMATE: value = 24M shares x ~$12.20 (price around Sep 25 2025), strike ignored.")
con("Fluidstack", "CipherMining", "lease", 3, "signed", "2025-09-25", "coinspeaker; reportify.ai", term=10,
    label="10-yr HPC colocation (168 MW)", note="~$7B with extensions (not counted).")

# -- Neocloud leases / equity -----------------------------------------------------
con("CoreWeave", "AppliedDigital", "lease", 7, "signed", "2025-06",
    "finanznachrichten (GlobeNewswire) 2025-08-29; capacitymedia; idcnova", term=15, label="Polaris Forge 1 (250 MW)")
con("CoreWeave", "AppliedDigital", "lease", 4, "signed", "2025-08-29", "finanznachrichten (GlobeNewswire) 2025-08-29", term=15,
    label="Polaris Forge 1 expansion (150 MW)", note="Together ~$11B over ~15 yrs.")
con("OtherInvestors", "AppliedDigital", "equity", 5, "signed", "2025", "stocktitan; beyondspx",
    label="Macquarie perpetual preferred equity facility (up to $5B)", note="First draw $112.5M (Oct 2025); amount = facility.")
con("CoreWeave", "CoreScientific", "lease", 10, "signed", "2024-2025", "sherwood.news; particle.news; ng.investing.com (8-K vote)",
    term=12, label="colocation leases (~12 yrs)",
    note="CoreWeave's ~$9B all-stock takeover was rejected by Core Scientific holders on 2025-10-30, so the leases remain.")
con("BondInvestors", "Nebius", "bond", 3.16, "signed", "2025-09-10/15", "particle.news; snipesearch; ng.investing.com",
    label="convertible notes 2030/2032", note="$2.75B at pricing, $3.16B after options.")
con("OtherInvestors", "Nebius", "equity", 1.0, "signed", "2025-09-10/15", "particle.news; snipesearch",
    label="Class A equity offering at $92.50")
con("BondInvestors", "Nebius", "bond", 1.0, "signed", "2025-06-02", "bigspringherald (BusinessWire)", label="convertible notes 2029/2031")
con("OtherInvestors", "Nebius", "equity", 0.7, "signed", "2024-12-02", "quantisnow (Nebius 6-K); bigspringherald",
    label="private placement (33.3M shares at $21)", note="Named investors (Nvidia, Accel, Orbis) unverified.")
con("Anthropic", "Fluidstack", "purchase", 50, "signed", "2025-11-12",
    "newser (AP/CNBC) https://www.newser.com/story/378552/anthropic-makes-a-big-bet-on-data-centers.html ; digitalmarketreports",
    label="US data-center buildout (TX, NY) with Fluidstack",
    note="Structure (capex vs lease vs service) not disclosed; 'purchase' is approximate. Sites online through 2026.")
con("Valor", "Crusoe", "equity", 1.38, "signed", "2025-10-23",
    "zawya (FT) 2025-10-24; enterpriseam (press release); kuwaitweekly", label="Series E at >$10B",
    note="Co-leads Mubadala Capital and Valor (+Nvidia, Fidelity, Founders Fund, T. Rowe): full round booked on Valor as proxy.")
con("OtherInvestors", "Cerebras", "equity", 1.1, "signed", "2025-09/10", "news.najib.digital (NextPlatform text); dataphoenix",
    label="Series G at $8.1B (Fidelity, Atreides leads)", note="Valor among participants.")

# -- Intel -------------------------------------------------------------------------
con("Nvidia", "Intel", "equity", 5, "signed", "2025-09-18",
    "particle.news; vasudev-gm.github.io (press-release summary); stockfame (CNBC); ts2.tech (Intel 10-Q: pending)",
    label="215M shares at $23.28", stake=0.04, note="Subject to HSR; co-development of x86 CPUs with NVLink.")
con("SoftBank", "Intel", "equity", 2, "signed", "2025-08-18", "techspot 2025-08-19; qazinform; hostnoc; ts2.tech",
    label="87M shares at $23", stake=0.02, note="Closed Sep 26 2025; no board seat.")
con("USGovernment", "Intel", "equity", 8.9, "signed", "2025-08-22", "thecorner.eu 2025-08-26; dqindia; ts2.tech",
    label="CHIPS grants converted into ~10%", stake=0.10,
    note="Conversion of already-awarded grants, no new money; $8.9B per Intel ($10.5B/$10.9B incl. earlier grants, deals.md note 18).")
con("Apollo", "Intel", "equity", 11, "signed", "2024-06-04", "finanznachrichten (dpa-AFX); yahoo (Reuters) 2024-06-04",
    label="49% of the Fab 34 JV (Ireland)",
    note="Pre-2025 but outstanding; the stake is 49% of the JV entity (not of Intel), Intel keeps 51% and control.")

# -- SoftBank financing --------------------------------------------------------------
con("OtherLenders", "SoftBank", "loan", 8.5, "signed", "FY2025 H1", "particle.news; theleap.id", label="bridge loan (OpenAI)",
    note="Disclosed 2025-11-11; unnamed banks.")
con("OtherLenders", "SoftBank", "loan", 6.5, "signed", "FY2025 H1", "particle.news; theleap.id", label="bridge loan (Ampere / ABB)",
    note="Purpose conflicting across sources (deals.md note 14).")
con("OtherLenders", "SoftBank", "loan", 20, "signed", "2025-11-11", "aibars.net 2025-11-12", label="margin loan on Arm shares",
    note="Expanded from $13.5B to $20B; single press source.")
con("SoftBank", "Ampere", "equity", 6.5, "signed", "2025", "technewsday; btccusa", label="acquisition of 100%", stake=1.0)

# -- xAI and its SPV -----------------------------------------------------------------
con("BondInvestors", "xAI", "loan", 5, "signed", "2025-06-30",
    "koreajoongangdaily (Reuters) 2025-07-01 https://koreajoongangdaily.joins.com/news/2025-07-01/business/tech/Musks-xai-raises-5-billion-each-in-fresh-debt-and-equity-Morgan-Stanley-says/2342634 ; up2info",
    label="secured notes + term loans", note="Morgan Stanley arranger (best efforts); TLB at 97, SOFR+700; fixed up to ~12%.")
con("OtherInvestors", "xAI", "equity", 5, "signed", "2025-06-30", "koreajoongangdaily (Reuters)", label="strategic equity")
con("OtherInvestors", "xAI", "equity", 6, "signed", "2024-12", "techscoop360; globaltrenddigest",
    label="Series C (a16z, BlackRock, Fidelity, Sequoia, Nvidia, AMD)", note="Split undisclosed (BlackRock, Nvidia, AMD inside).")
con("OtherInvestors", "xAI", "equity", 15, "talks", "2025-11-19",
    "dataconomy 2025-11-20 https://dataconomy.com/2025/11/20/xai-talks-to-investors-about-raising-15-billion-at-a-230-billion-valuation ; globaltrenddigest",
    label="$15B raise at ~$230B (talks)", note="Advanced talks via Valor / Birchall pitch; not signed.")
S_XSPV = "particle.news (Bloomberg); ahn24x7 (Bloomberg); inkl.com"
con("Valor", "xAI_SPV", "equity", 5.5, "reported", "2025-10", S_XSPV, label="SPV equity (Valor-led, with Apollo and others)",
    note="~$7.5B equity tranche minus Nvidia's up-to-$2B (separate edge); co-investors booked on Valor as lead.")
con("Nvidia", "xAI_SPV", "equity", 2, "reported", "2025-10", "ahn24x7 (Bloomberg); particle.news", label="up to $2B of the equity tranche")
con("Apollo", "xAI_SPV", "loan", 12.5, "reported", "2025-10", S_XSPV, term=5, label="up to $12.5B GPU-secured debt",
    note="Apollo and Diameter Capital: full amount booked on Apollo as lead; secured by the GPUs, not by xAI.")
con("xAI_SPV", "Nvidia", "purchase", 20, "estimate", "2025-10", "inkl.com; pythonstrat (Reuters)", label="Nvidia GPUs for Colossus 2",
    note="ESTIMATE: purchase value = the reported ~$20B SPV size (deals.md: 'amount = SPV size only').")
con("xAI", "xAI_SPV", "lease", 20, "estimate", "2025-10", "ahn24x7; inkl.com", term=5, label="5-yr GPU lease (option to buy)",
    note="ESTIMATE: rent undisclosed; a 5-yr lease of the SPV's only asset is assumed to amortize the ~$20B vehicle "
         "($12.5B debt + $7.5B equity).")

# --------------------------------------------------------------------------
# Derive assets / liabilities and write
# --------------------------------------------------------------------------


def build():
    ids = [e["id"] for e in E]
    assert len(ids) == len(set(ids)), "duplicate entity id"
    idset = set(ids)
    for c in C:
        assert c["frm"] in idset and c["to"] in idset, (c["frm"], c["to"])
    d_net = {i: 0.0 for i in ids}   # in-network debt owed
    c_net = {i: 0.0 for i in ids}   # in-network debt held
    pos = {i: 0.0 for i in ids}     # all outgoing equity + debt positions
    for c in C:
        if c["kind"] in DEBT:
            d_net[c["to"]] += c["amt"]
            c_net[c["frm"]] += c["amt"]
        if c["kind"] in DEBT or c["kind"] == "equity":
            pos[c["frm"]] += c["amt"]
    ents = []
    for e in E:
        cap = pos[e["id"]] if e["rule"] == "position" else e["cap"]
        liab = e["tl"] - e["donbs"]
        assets = cap + liab + d_net[e["id"]] - c_net[e["id"]]
        assert cap >= 0 and liab >= -1e-9 and assets >= -1e-9, (e["id"], cap, liab, assets)
        d = dict(id=e["id"], type=e["type"], label=e["label"], capital=cap * B,
                 assets=max(assets, 0.0) * B, liabilities=max(liab, 0.0) * B)
        for k, v in e["extra"].items():
            d[k] = v
        d["source"] = e["source"]
        d["note"] = e["note"]
        ents.append(d)
    cons = []
    for c in C:
        d = {"from": c["frm"], "to": c["to"], "kind": c["kind"], "amount": c["amt"] * B,
             "status": c["status"], "date": c["date"]}
        for k in ("term", "stake", "maturity"):
            if k in c:
                d[k] = c[k]
        if c["label"]:
            d["label"] = c["label"]
        d["source"] = c["source"]
        if c["note"]:
            d["note"] = c["note"]
        cons.append(d)
    return ents, cons


HEADER = """ai_compute_2025 -- the AI-compute financing network, late-2025 snapshot (data through early Dec 2025).
Built by graphs/build_ai_compute_2025.py from /work/shared/deals.md (sourced fact sheet) plus the
balance-sheet look-ups listed in graphs/DATASET.md. Amounts in US dollars (SPEC 1.3 suffixes: 118.9B = $118.9bn).

SCOPE: equity stakes, loans/bonds/credit lines, leases, compute/chip purchase commitments, warrants and
guarantees among AI labs, chipmakers, clouds, neoclouds, SPVs, funds and banks. Rows of deals.md dated 2026
are left out; overlapping totals are kept once; disposals (SoftBank's Nvidia exit) and rows without any
amount or basis are left out. Every left-out row is listed in DATASET.md.

EDGES follow the money (SPEC 1.4): investor -> investee (equity), lender -> borrower (loan/bond/credit),
customer -> supplier (purchase), lessee -> lessor (lease), guarantor -> beneficiary (guarantee),
issuer -> holder (warrant). Amounts are nominal multi-year contract totals as reported ('up to' = ceiling).
status: signed | reported (press, unconfirmed) | loi | talks | estimate (amount not disclosed; basis in note).
Syndicated loans/rounds with no disclosed split are booked in full on the first-named lead that is in the
network (Blackstone, JPMorgan, Apollo, Valor) - this overstates the lead's own exposure (said in each note).
Unnamed or non-network counterparties are three aggregates: BondInvestors, OtherLenders, OtherInvestors.

ENTITY FIGURES: capital = loss-absorbing equity. assets / liabilities are EXTERNAL to the network (for
clearing): liabilities = balance-sheet liabilities minus the debt that appears here as loan/bond/credit
edges; assets = capital + liabilities + (network debt owed) - (network debt held). Hence, for every entity,
    capital = assets - liabilities + (debt contracts it holds) - (debt contracts it owes)
(= book equity; it equals assets - liabilities only for entities without network debt). Network debt not yet
on the balance sheet (e.g. Oracle's Sep-2025 notes) is treated as drawn, with the cash among the assets.
Capital rules (each entity's note says which): book equity from filings; DERIVED from market cap / P/B and
leverage ratios (pages in source); ESTIMATE for private firms (cash or equity raised); POSITION-BACKED for
funds, sovereigns and the aggregates (capital = their in-network equity + debt positions: the exposures sit
in largely unlevered funds, whose investor equity backs each position; aum / book_equity are kept as extra
attributes). Negative book equity is floored at 0 (CoreScientific) or replaced by a stated proxy (Dell).

CIRCULAR DEALS (one SCC of 12 entities; 14 elementary cycles of length <= 8): OpenAI -> Oracle -> Nvidia -> OpenAI
(compute purchase, chip order, equity LOI); OpenAI <-> Nvidia (10-GW purchase vs equity LOI); OpenAI <-> AMD
(GPU purchase vs warrant); OpenAI <-> Microsoft (Azure vs equity); Microsoft <-> Anthropic; Google <-> Anthropic;
Google <-> TeraWulf and Google <-> CipherMining (lease backstops vs warrants); Nvidia <-> xAI_SPV (equity vs GPU
purchase); longer loops through Amazon, Anthropic and Fluidstack. Vendor-financing structures that deals.md does
not close into a loop: Nvidia -> CoreWeave (equity, Osprey rent-back, capacity backstop; no CoreWeave -> Nvidia
purchase row), Meta -> HyperionSPV (lease, RVG, equity) funded by Blue Owl/PIMCO, xAI -> xAI_SPV (lease) funded
by Valor/Apollo/Nvidia, Oracle -> its lessors (Abilene, Jupiter, Vantage) funded by JPMorgan and bank syndicates.
CAVEAT for clearing: purchase/lease commitments are multi-year, so treating the full nominal as due now makes
the labs look deeply insolvent; use --kinds loan,bond,credit for a debt-only clearing.
"""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ents, cons = build()
    kinds = {}
    for c in cons:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + canon(c["amount"])
    summary = "%d entities, %d contracts; totals by kind: %s" % (
        len(ents), len(cons), ", ".join("%s $%.1fB" % (k, v / 1e9) for k, v in sorted(kinds.items())))
    write_dot(os.path.join(here, "ai_compute_2025.dot"), "ai_compute_2025", HEADER + "\n" + summary + "\n", ents, cons)
    write_json(os.path.join(here, "ai_compute_2025.json"), ents, cons)
    print(summary)


if __name__ == "__main__":
    main()
