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
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import figures
from figures.checks.describe import unit_name

# pint's names where NewsQuant's annotation uses another common name
_NAMES = {"foot_pound": "pound-foot", "oil_barrel": "barrel", "metric_horsepower": "horsepower",
          "megabritish_thermal_unit": "mega british thermal unit"}


def english(unit: str) -> str:
    """A pint unit expression in words, in NewsQuant's vocabulary: "mile ** 2" -> "square mile"."""
    return _NAMES.get(unit) or unit_name(unit)


_BOUND = {"exact": "=", "approx": "~", "lower": ">", "upper": "<", "range": "="}


def quantity(row) -> dict:  # type: ignore[no-untyped-def]
    q: dict = {"value": row.value}
    if row.qualifier == "range" or (row.qualifier == "approx" and row.low < row.high):
        q["range"] = [row.low, row.high]
    if row.dimension == "count":
        q["unit"] = row.noun
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
    by_article: dict[str, list[dict]] = {r["id"]: [] for r in rows}
    for row in frame.itertuples():
        if math.isfinite(row.value):
            by_article[row.article].append(quantity(row))
    out = opt.out or Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with out.open("w", encoding="utf8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "text": r["text"], "quantities": by_article[r["id"]]}) + "\n")
    print(f"{len(rows)} sentences, {len(frame)} figures, {len(rows) / elapsed:,.0f} sentences/s")
    scorer = opt.gold.parent / "score.py"
    return subprocess.call([sys.executable, str(scorer), str(opt.gold), str(out), "--matching", opt.matching])


if __name__ == "__main__":
    sys.exit(main())
