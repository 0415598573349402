"""Script example: extract and check the bundled corpus, then print a per-subject summary.

    python examples/check_corpus.py [examples/corpus/articles.jsonl]
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import figures
from figures.corpus import read_articles

path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "corpus" / "articles.jsonl"
articles = read_articles([path])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    frame = figures.extract(articles)
for warning in caught:
    print("warning:", warning.message)

print(f"{len(frame)} figures in {len(articles)} articles\n")
summary = (frame.dropna(subset=["subject"]).groupby(["subject", "predicate"], dropna=False)
           .agg(figures=("value", "size"), lowest=("low", "min"), highest=("high", "max")))
print(summary.sort_values("figures", ascending=False).head(10).to_string(), "\n")

findings = figures.check(frame)
for _, finding in findings.iterrows():
    print(f"{finding['severity'].upper():13} {finding['kind']}: {finding['message']}\n")
