"""Fuzz extract and check with generated hostile articles: nothing may crash, no article may be lost.

    python benchmarks/fuzz.py [--inputs 100000] [--seed 0] [--batch 250] [--save failures.jsonl]

Each input is one article built from pieces news text and broken feeds contain: numbers in every
form (signs, separators, scale words, 300-digit runs, number words across line breaks, fractions,
other scripts' digits), units and currency symbols, the words the rules read ("out of",
"including", "more than", "(", "or"), white space of every kind (runs of spaces, tabs, CRLF blank
lines, no-break and zero-width spaces), quotes, brackets, abbreviations, dates from 1666 to 2999,
control characters, lone surrogates and emoji; with ids, dates and outlets of every type (numbers,
None, NaN, garbage strings, dates no frame can hold). Articles go through `figures.extract` in
batches of `--batch`, and each batch's figures through `figures.check`.

Failures, any of which makes the exit status 1:
- a crash: extract or check raising (extract must report a bad article, not raise);
- a lost article: `article_status` not listing every input, in order, or its figure counts not
  adding up to the frame's rows;
- a figure whose span is not its surface (`text[start:end] != surface`).
Also counted, but not failures: inverted intervals (low above high). Run it outside CI with the
default 100,000 inputs; CI runs a smaller profile (`--inputs 3000`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
import time
import traceback
import warnings
from pathlib import Path
from typing import Any

import figures

NUMBERS = ["39", "71", "3,000", "1 000", "1\u00a0000", "1'000", "4.2bn", "$5.2 million", "-$5.2 million",
           "\u2212\u20ac3bn", "up to -3%", "12million", "£1.2m", "¥300bn", "USD10m", "RM23.50", "1.99×10^30",
           "2/3", "½", "a quarter", "five", "twenty-two", "one hundred and twenty", "five\n\nmillion",
           "half a million", "tens of thousands", "9" * 320, "1e308", "0.000001", "٣٠", "１２３", "3rd", "737",
           "Su-34", "2020-21", "10:30", "5-6", "between 5 and 7", "three or four", "66"]
UNITS = ["drones", "km", " miles", "%", " per cent", " tonnes", "sq kilometres", " people", " euros", " rubles",
         " mph", "km/h", " hp", " barrels", "C", "°F", ""]
WORDS = ["of", "out of", "including", "more than", "about", "at least", "as many as", "up to", "nearly", "(", ")",
         "or", "/", ",", ";", "and", "while", "another", "the", "Of the", "said", "police", "air force", "in Kyiv",
         "on Monday", "rose", "fell", "to", "at", "lower", "U.S.", "Mr.", "J.", "e.g.", "Inc.", "\"", "“", "”",
         "'", "[", "]", "September 2, 1666", "March 5", "2999", "killed", "downed", "launched", "."]
SPACE = [" ", "  ", " " * 200, "\t", "\n", "\n\n", "\r\n", "\r\n \r\n" * 20, "\u00a0", "\u200b", "\u2028", "\f"]
ODD = ["\x00", "\x1b[31m", "\ud800", "🙂", "\u202e", "\ufeff", "<script>", "&amp;", "\\", "{}", "\u0301",
       "Ω", "ß", "ǅ", "\U0001f1fa\U0001f1e6"]
IDS: list[Any] = [None, math.nan, 7, -1, 3.5, "", "a:b", "id with spaces", "é", True, "0", ("t", 1)]
DATES: list[Any] = [None, "2023-05-08", "20230501", 20230501, "next Tuesday", "2999-01-01", "1666-09-02",
                    dt.date(1492, 10, 12), dt.datetime(2023, 5, 8, 9, 30), math.nan, 1.5, "", "2023-02-30", True]


def piece(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(NUMBERS) + rng.choice(UNITS)
    if roll < 0.7:
        return rng.choice(WORDS)
    if roll < 0.92:
        return rng.choice(SPACE)
    return rng.choice(ODD)


def article(n: int, rng: random.Random) -> dict[str, Any]:
    glue = rng.choice([" ", "", " ", "\n"])
    text: Any = glue.join(piece(rng) for _ in range(rng.randint(0, 40)))
    if rng.random() < 0.02:
        text = rng.choice([None, b"5 drones", 42, math.nan, ["Five drones."]])
    record = {"id": f"f{n}", "text": text}
    if rng.random() < 0.3:
        record["date"] = rng.choice(DATES)
    if rng.random() < 0.2:
        record["source"] = rng.choice(["Wire", None, 5, "Ω Times", ""])
    if rng.random() < 0.05:
        record["id"] = rng.choice(IDS)
        if record["id"] is not None and not (isinstance(record["id"], float) and math.isnan(record["id"])):
            record["id"] = (record["id"], n) if not isinstance(record["id"], tuple) else record["id"] + (n,)
    return record


def problems(batch: list[dict[str, Any]]) -> tuple[list[str], int]:
    """What went wrong with one batch (empty if nothing), and the inverted intervals seen."""
    try:
        frame = figures.extract(batch, errors="ignore")
    except Exception:
        return [f"extract raised: {traceback.format_exc(limit=3)}"], 0
    found = []
    status = figures.article_status(frame)
    expected = [r["id"] if "id" in r else n for n, r in enumerate(batch)]
    if len(status) != len(batch) or int(status["figures"].sum()) != len(frame):
        found.append(f"lost articles: {len(batch)} in, {len(status)} listed, {int(status['figures'].sum())} "
                     f"figures counted, {len(frame)} rows")
    texts = {r["id"] if "id" in r else n: r["text"] for n, r in enumerate(batch)}
    for label, row in zip(frame.index, frame.itertuples()):
        text = texts.get(row.article)
        if isinstance(text, str) and text[row.start:row.end] != row.surface:
            found.append(f"span of {label} is {text[row.start:row.end]!r}, surface {row.surface!r}")
    del expected
    try:
        figures.check(frame)
    except Exception:
        found.append(f"check raised: {traceback.format_exc(limit=3)}")
    inverted = int((frame["low"] > frame["high"]).sum())
    return found, inverted


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch", type=int, default=250)
    ap.add_argument("--save", type=Path, help="write the batches that failed here, one JSON line each")
    opt = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    rng = random.Random(opt.seed)
    started, failures, inverted, done = time.perf_counter(), 0, 0, 0
    while done < opt.inputs:
        batch = [article(done + n, rng) for n in range(min(opt.batch, opt.inputs - done))]
        found, flipped = problems(batch)
        inverted += flipped
        done += len(batch)
        if found:
            failures += 1
            print(f"batch ending at input {done:,}: " + "; ".join(found[:3]), file=sys.stderr)
            if opt.save:
                with opt.save.open("a", encoding="utf-8") as out:
                    out.write(json.dumps([{k: repr(v) for k, v in r.items()} for r in batch]) + "\n")
    took = time.perf_counter() - started
    print(f"{done:,} generated articles in {took:.0f} s: {failures} failing batches; "
          f"{inverted:,} inverted intervals (counted, not failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
