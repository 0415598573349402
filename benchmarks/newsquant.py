"""Score `figures.extract` on NewsQuant with the benchmark's own scorer.

    python benchmarks/newsquant.py ../shared/benchmarks/newsquant/dev.jsonl [--out predictions.jsonl]

The gold file's folder must hold `score.py` (the CQE evaluation's scoring rules). Each sentence is
read as its own article; every figure becomes one predicted quantity:
value (or range), unit (for counts, the counted noun as written, which is what NewsQuant annotates),
change (up/down, else the bound: = ~ > <) and concept.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import figures
from figures import _tables
from figures.checks.describe import unit_name

# pint's names where NewsQuant's annotation uses another common name
_NAMES = {"foot_pound": "pound-foot", "oil_barrel": "barrel", "metric_horsepower": "horsepower",
          "megabritish_thermal_unit": "mega british thermal unit"}


def english(unit: str) -> str:
    """A pint unit expression in words, in NewsQuant's vocabulary: "mile ** 2" -> "square mile",
    "oil_barrel / day" -> "barrel per day"."""
    if " / " in unit:
        return " per ".join(english(part) for part in unit.split(" / ", 1))
    return _NAMES.get(unit) or unit_name(unit)


_BOUND = {"exact": "=", "approx": "~", "lower": ">", "upper": "<", "range": "="}
# NewsQuant annotates a sum written in a currency's hundredths in those hundredths ("19 cents": 19,
# "cent"), where the reader gives the sum in the currency (0.19 USD)
_HUNDREDTHS = re.compile(r"\b(%s)$" % "|".join(re.escape(w) for w in sorted(_tables.minor_units(), key=len, reverse=True)),
                         re.IGNORECASE)


def quantity(row) -> dict:  # type: ignore[no-untyped-def]
    """One predicted NewsQuant quantity from one frame row."""
    q: dict = {"value": row.value}
    if row.qualifier == "range" or (row.qualifier == "approx" and row.low < row.high):
        q["range"] = [row.low, row.high]
    hundredths = _HUNDREDTHS.search(row.surface) if row.dimension == "currency" else None
    if hundredths is not None:
        q["value"] = round(row.value * 100, 9)
        if "range" in q:
            q["range"] = [round(end * 100, 9) for end in q["range"]]
        q["unit"] = hundredths.group(1).lower().removesuffix("s")
    elif row.dimension == "count":
        q["unit"] = row.noun
    elif row.dimension == "fraction" and row.unit == "fraction":
        q["unit"] = "%"                              # NewsQuant writes a share ("a third of") as "%"
    elif row.dimension == "age":
        q["unit"] = f"{row.unit}-old"
    else:
        q["unit"] = english(str(row.unit))
    if row.per and q["unit"]:
        q["unit"] = f"{q['unit']} per {english(str(row.per))}"
    vague = row.qualifier == "approx" and row.low < row.high     # "millions of": NewsQuant's "=" range
    if row.change and row.qualifier != "approx":
        q["change"] = row.change
    else:                       # one label for both: "up about 7 per cent" is annotated "~"
        q["change"] = "=" if vague else _BOUND[row.qualifier]
    q["concept"] = row.concept
    return q


_FROM = re.compile(r"\bfrom\s+(?:about\s+|some\s+)?$", re.IGNORECASE)
# what may stand between the two levels: "from $60 a barrel in May to $52", "from 18 mpg overall to 20"
_TO = re.compile(r"(?:[^\d.;:!?()]{0,40}\s)?to\s*", re.IGNORECASE)


def quantities(text: str, rows: list) -> list[dict]:  # type: ignore[type-arg]
    """The predicted quantities of one sentence. The reader gives "from 180 pounds to 172" as two
    levels (where a change started and where it ended); NewsQuant annotates the pair as one range
    with "=" (also with a few words between the levels), so each such pair becomes one range here."""
    out: list[dict] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if (nxt is not None and row.qualifier != "range" and nxt.qualifier != "range"
                and _FROM.search(text[max(0, row.start - 8):row.start]) and _TO.fullmatch(text[row.end:nxt.start])):
            first, second = quantity(row), quantity(nxt)
            out.append({"value": (row.value + nxt.value) / 2, "range": [row.value, nxt.value],
                        "unit": first["unit"] or second["unit"], "change": "=", "concept": first["concept"]})
            i += 2
            continue
        out.append(quantity(row))
        i += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--out", type=Path, help="keep the predictions here")
    ap.add_argument("--matching", default="cqe", choices=["cqe", "strict"])
    opt = ap.parse_args(argv)
    rows = [json.loads(line) for line in opt.gold.read_text(encoding="utf8").splitlines() if line.strip()]
    started = time.perf_counter()
    frame = figures.extract([{"id": r["id"], "text": r["text"]} for r in rows])
    elapsed = time.perf_counter() - started
    texts = {r["id"]: r["text"] for r in rows}
    found: dict[str, list] = {r["id"]: [] for r in rows}  # type: ignore[type-arg]
    for row in frame.itertuples():
        if math.isfinite(row.value):
            found[row.article].append(row)
    by_article = {key: quantities(texts[key], found_rows) for key, found_rows in found.items()}
    out = opt.out or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with out.open("w", encoding="utf8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "text": r["text"], "quantities": by_article[r["id"]]}) + "\n")
    print(f"{len(rows)} sentences, {len(frame)} figures, {len(rows) / elapsed:,.0f} sentences/s")
    scorer = opt.gold.parent / "score.py"
    return subprocess.call([sys.executable, str(scorer), str(opt.gold), str(out), "--matching", opt.matching])


if __name__ == "__main__":
    sys.exit(main())
