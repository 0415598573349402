"""Throughput of `figures.extract` against `quantulum3.parser.parse` on the same sentences, same run.

    python benchmarks/speed.py [--newsquant PATH/dev.jsonl] [--repeat 5]

Sentences: every sentence of the bundled example corpus, plus NewsQuant's if a path is given
(dense in figures: the hard case). Both extractors are warmed up first with a whole pass
(quantulum3's first call loads its tables; ours builds its patterns and pint's registry, and loads
the ECB history at its first sum), then timed over the same list, one core, in `--repeat` rounds:
each round times one pass of ours and then one of quantulum3's, so that a shared machine's load,
which drifts within minutes, weighs on both alike. The best pass of each counts. Prints sentences
per second for both, their ratio (and the range of the rounds' own ratios), and memory per figure
(the frame's own bytes, and the Python heap peak while extracting).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import pandas as pd

import figures
from figures.extraction.sentences import split

ROOT = Path(__file__).resolve().parent.parent


def corpus_sentences() -> list[str]:
    articles = pd.read_json(ROOT / "examples" / "corpus" / "articles.jsonl", lines=True)
    out = []
    for text in articles["text"].dropna():
        out += [text[s:e].strip() for s, e in split(text)]
    return [s for s in out if s]


def seconds(fn, sentences: list[str]) -> float:  # type: ignore[no-untyped-def]
    """The time of one pass of `fn` over the sentences."""
    started = time.perf_counter()
    fn(sentences)
    return time.perf_counter() - started


def paired_rounds(ours, theirs, sentences: list[str], rounds: int) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """(our seconds, their seconds) of each round, the two passes of a round run back to back."""
    return [(seconds(ours, sentences), seconds(theirs, sentences)) for _ in range(rounds)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--newsquant", type=Path, help="NewsQuant dev.jsonl, to add its sentences")
    ap.add_argument("--repeat", type=int, default=5)
    opt = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    sentences = corpus_sentences()
    if opt.newsquant:
        sentences += [json.loads(line)["text"] for line in opt.newsquant.read_text().splitlines() if line.strip()]

    from quantulum3 import parser

    def ours(batch: list[str]) -> None:
        figures.extract(batch)

    def theirs(batch: list[str]) -> None:
        for sentence in batch:
            parser.parse(sentence)

    ours(sentences)                    # a whole pass each: ours loads the ECB history at its first sum
    theirs(sentences)
    rounds = paired_rounds(ours, theirs, sentences, opt.repeat)
    rate_ours = len(sentences) / min(mine for mine, _ in rounds)
    rate_theirs = len(sentences) / min(other for _, other in rounds)
    round_ratios = sorted(other / mine for mine, other in rounds)

    tracemalloc.start()
    frame = figures.extract(sentences)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n = max(len(frame), 1)
    frame_bytes = int(frame.memory_usage(deep=True).sum())

    print(f"sentences: {len(sentences)} ({'example corpus + NewsQuant' if opt.newsquant else 'example corpus'}), "
          f"figures found: {len(frame)}")
    print(f"figures.extract      {rate_ours:10,.0f} sentences/s")
    print(f"quantulum3.parse     {rate_theirs:10,.0f} sentences/s")
    print(f"ratio                {rate_ours / rate_theirs:10.1f} x   (rounds: {round_ratios[0]:.1f}x to "
          f"{round_ratios[-1]:.1f}x, median {round_ratios[len(round_ratios) // 2]:.1f}x)")
    print(f"memory per figure    {frame_bytes / n:10,.0f} bytes in the frame, "
          f"{peak / n:,.0f} bytes Python heap peak while extracting")
    return 0


if __name__ == "__main__":
    sys.exit(main())
