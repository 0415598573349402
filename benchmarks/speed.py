"""Throughput of `figures.extract` against `quantulum3.parser.parse` on the same sentences, same run.

    python benchmarks/speed.py [--newsquant PATH/dev.jsonl] [--repeat 5]

Sentences: every sentence of the bundled example corpus, plus NewsQuant's if a path is given
(dense in figures: the hard case). Both extractors are warmed up first (quantulum3's first call
loads its tables; ours builds its patterns and pint's registry), then timed over the same list,
one core, `--repeat` times; the best pass counts. Prints sentences per second for both, their
ratio, and memory per figure (the frame's own bytes, and the Python heap peak while extracting).
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


def best_rate(fn, sentences: list[str], repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn(sentences)
        best = min(best, time.perf_counter() - started)
    return len(sentences) / best


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

    ours(sentences[:20])
    theirs(sentences[:20])
    rate_ours = best_rate(ours, sentences, opt.repeat)
    rate_theirs = best_rate(theirs, sentences, opt.repeat)        # as many passes as ours: the best of each

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
    print(f"ratio                {rate_ours / rate_theirs:10.1f} x")
    print(f"memory per figure    {frame_bytes / n:10,.0f} bytes in the frame, "
          f"{peak / n:,.0f} bytes Python heap peak while extracting")
    return 0


if __name__ == "__main__":
    sys.exit(main())
