"""How `figures.extract` and `figures.check` grow with text length and with figures per article.

    python benchmarks/extract_scale.py [--steps 4] [--start-kb 25]

Each row is one article, its size multiplied by 4 from row to row; for linear cost the time grows
4x too (the `x` column: time ratio to the row before). The texts:

- prose: the example corpus's articles run together into one long article;
- figures: one article of short sentences that each state a few figures (parts, conversions,
  sources), so that figures per article grow with it;
- one sentence of numbers: a single sentence of comma-separated numbers, so that figures per
  *sentence* grow with the text (rules that read back to a clause's start once cost quadratic time);
- spaces, blank CRLF lines, "U.S. " repeated: the hostile layouts that once cost quadratic time
  (a long white-space gap between two figures, runs of blank lines, an abbreviation repeated);
- halves, a list of places, one clause of dated places: one sentence of thousands of clauses cut by
  semicolons, or one clause of thousands of figures cut by commas, each with places, days and
  sources: finding a figure's clause, place and day once scanned every clause, place and time phrase
  of the sentence (or the clause) per figure, and the "a half" inside a number read before was looked
  for among all the numbers read so far;
- fractions: thousands of "1/2 of", each number was once checked against every fraction read before;
- hanging hyphens, point groups, one aside of figures: a list of "1-," (each number once tried the
  rest of the list for the compound word it shares), one number of thousands of point groups, and
  thousands of figures inside one relative aside (each once looked for where the aside closes);
- status markers in one sentence, cents and shared currency names: thousands of "5 more" and
  "bringing the toll to" in one sentence (each marker once scanned every figure of its clause), and
  thousands of "5 cents" and "40 pesos" (each once gathered the sentence's currencies again); and
  any sentence of thousands of figures, whose text each figure's row once copied.

Pinned to one core. Prints extract's and check's wall time for each.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import figures

ROOT = Path(__file__).resolve().parent.parent


def _prose(size: int) -> str:
    lines = (ROOT / "examples" / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    base = "\n\n".join(t for t in (json.loads(line).get("text") for line in lines) if t)
    return (base * (size // len(base) + 1))[:size]


_SENTENCES = (
    "Air defences downed {a} out of {b} drones over Kyiv, the air force said. ",
    "The front ran for {a}km ({c} miles) north of the city. ",
    "Police said {a} people were hurt and {d} were killed in Odesa. ",
    "Of {b} missiles, {a} were intercepted and {d} hit their targets. ",
)


def _figures(size: int) -> str:
    out, n, length = [], 0, 0
    while length < size:
        a, d = 30 + n % 50, 1 + n % 7
        text = _SENTENCES[n % len(_SENTENCES)].format(a=a, b=a + d + 5, c=round(a / 1.609), d=d)
        out.append(text)
        length += len(text)
        n += 1
    return "".join(out)[:size]


TEXTS: dict[str, Callable[[int], str]] = {
    "prose": _prose,
    "figures": _figures,
    "one sentence of numbers": lambda size: ("Counts: " + ", ".join(str(7 * i + 3) for i in range(size // 6)))[:size] + ".",
    "spaces": lambda size: "The road is 12 km" + " " * size + "(7 miles) long.",
    "blank CRLF lines": lambda size: "Five drones were seen" + "\r\n \r\n" * (size // 5) + "and six more came.",
    '"U.S. " repeated': lambda size: "U.S. " * (size // 5) + "officials counted 5 drones.",
    "halves": lambda size: ("It took 5 and a half hours, then a half hour more; " * (size // 52 + 1))[:size] + ".",
    "a list of places": lambda size: ("5 died in Kyiv on Monday; 3 were hurt in Lviv, police said; "
                                      * (size // 61 + 1))[:size] + ".",
    "one clause of dated places": lambda size: ("on Monday 5 died in Kharkiv, " * (size // 29 + 1))[:size] + ".",
    "fractions": lambda size: ("Officials said 1/2 of the 30 homes and 3/4 of 12 farms were hit. "
                               * (size // 65 + 1))[:size],
    "hanging hyphens": lambda size: "Sizes " + "1-, " * (size // 4) + "and 2-metre.",
    "point groups": lambda size: "Total 1" + ".234" * (size // 4) + " euros.",
    "one aside of figures": lambda size: "The firm, which counted " + "5 staff plus " * (size // 13) + ", said it ended.",
    "status markers in one sentence": lambda size: ("Shelling killed 5 more, bringing the toll to 9 " * (size // 48 + 1))[:size] + ".",
    "cents and shared currency names": lambda size: ("In Mexico it rose 5 cents to $2, or 40 pesos, " * (size // 46 + 1))[:size] + ".",
}


def _time(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--steps", type=int, default=4, help="sizes per text, each 4x the one before")
    ap.add_argument("--start-kb", type=int, default=25)
    opt = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    warnings.simplefilter("ignore")
    figures.check(figures.extract("Warm-up: 120km (75 miles), and 39 out of 71 drones."))
    print(f"{'text':24} {'size':>9} {'figures':>8} {'extract':>9} {'x':>5} {'check':>8} {'x':>5}")
    for name, make in TEXTS.items():
        before: tuple[float, float] | None = None
        for step in range(opt.steps):
            size = opt.start_kb * 1000 * 4 ** step
            text = make(size)
            took, frame = _time(lambda: figures.extract(text))
            checked, _ = _time(lambda: figures.check(frame))
            grew = ("", "") if before is None else (f"{took / before[0]:.1f}", f"{checked / max(before[1], 1e-3):.1f}")
            print(f"{name:24} {len(text) / 1000:>7,.0f}KB {len(frame):>8,} {took:>8.2f}s {grew[0]:>5} "
                  f"{checked:>7.2f}s {grew[1]:>5}", flush=True)
            before = (took, checked)
    return 0


if __name__ == "__main__":
    sys.exit(main())
