"""Shared helpers for the crashchain datasets under graphs/.

Writes one network (entities + contracts) as DOT and as JSON with identical
content.  Amounts are kept as dollars; in DOT they are written with the SPEC 1.3
suffix grammar (K/M/B/T), in JSON as plain numbers.  The DOT string is produced
first and parsed back, so that the JSON number is exactly what the DOT says.
"""

import json
import re

AMOUNT_RE = re.compile(r"^\$?([0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)([kKmMbBtT]?)$")
SUFFIX = {"": 1.0, "k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}

# attributes holding dollar amounts (entities and contracts)
MONEY_ATTRS = {"capital", "assets", "liabilities", "hardware", "valuation",
               "revenue", "amount", "aum", "book_equity"}


def parse_amount(text):
    """SPEC 1.3 grammar: optional $, number, optional K/M/B/T (any case)."""
    m = AMOUNT_RE.match(str(text).strip())
    if not m:
        raise ValueError("bad amount %r" % (text,))
    return float(m.group(1)) * SUFFIX[m.group(2).lower()]


def fmt_amount(dollars):
    """Dollars -> short DOT string ('118.9B', '1.4T', '350M', '0')."""
    x = float(dollars)
    if x < 0:
        raise ValueError("negative amount %r" % (x,))
    if x == 0:
        return "0"
    for div, suf, dec in ((1e12, "T", 7), (1e9, "B", 4), (1e6, "M", 3), (1e3, "K", 3)):
        if x >= div:
            s = ("%.*f" % (dec, x / div)).rstrip("0").rstrip(".")
            return s + suf
    return ("%.2f" % x).rstrip("0").rstrip(".")


def canon(dollars):
    """The value a reader gets back from the DOT string (int when integral)."""
    v = parse_amount(fmt_amount(dollars))
    r = round(v)
    return int(r) if abs(v - r) < 1e-6 else v


def _dot_str(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _dot_attrs(attrs, order):
    keys = [k for k in order if k in attrs] + sorted(k for k in attrs if k not in order)
    parts = []
    for k in keys:
        v = attrs[k]
        if k in MONEY_ATTRS:
            v = fmt_amount(v)
        parts.append("%s=%s" % (k, _dot_str(v)))
    return ", ".join(parts)


NODE_ORDER = ["type", "label", "capital", "assets", "liabilities", "hardware",
              "valuation", "revenue", "aum", "book_equity", "source", "note"]
EDGE_ORDER = ["kind", "amount", "status", "date", "term", "stake", "maturity",
              "label", "source", "note"]


def _dot_id(s):
    return s if re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", s) else _dot_str(s)


def write_dot(path, name, header, entities, contracts):
    """entities: list of dicts with 'id'; contracts: dicts with 'from','to'."""
    out = ["/*"]
    for line in header.strip("\n").split("\n"):
        out.append(" * " + line if line else " *")
    out.append(" */")
    out.append("digraph %s {" % _dot_id(name))
    out.append("")
    out.append("  // ---- entities ----")
    for e in entities:
        attrs = {k: v for k, v in e.items() if k != "id"}
        out.append("  %s [%s];" % (_dot_id(e["id"]), _dot_attrs(attrs, NODE_ORDER)))
    out.append("")
    out.append("  // ---- contracts (edge = direction of money, SPEC 1.4) ----")
    for c in contracts:
        attrs = {k: v for k, v in c.items() if k not in ("from", "to")}
        out.append("  %s -> %s [%s];" % (_dot_id(c["from"]), _dot_id(c["to"]),
                                         _dot_attrs(attrs, EDGE_ORDER)))
    out.append("}")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def _json_val(k, v):
    if k in MONEY_ATTRS:
        return canon(v)
    return v


def write_json(path, entities, contracts):
    ents = []
    for e in entities:
        d = {"id": e["id"]}
        for k in NODE_ORDER + sorted(e):
            if k in e and k != "id" and k not in d:
                d[k] = _json_val(k, e[k])
        ents.append(d)
    cons = []
    for c in contracts:
        d = {"from": c["from"], "to": c["to"], "kind": c["kind"], "amount": canon(c["amount"])}
        for k in EDGE_ORDER + sorted(c):
            if k in c and k not in d:
                d[k] = _json_val(k, c[k])
        cons.append(d)
    with open(path, "w") as f:
        json.dump({"entities": ents, "contracts": cons}, f, indent=1, ensure_ascii=False)
        f.write("\n")
