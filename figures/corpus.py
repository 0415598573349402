"""Read articles from files: one article per .txt/.md file, or tables in .jsonl, .csv, .parquet.

Tables need a `text` column and may have `id`, `date` and `source` (the outlet); other columns are
kept. Used by the command line and by the pytest plugin's corpus fixture.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

SUFFIXES = (".txt", ".md", ".jsonl", ".csv", ".parquet")


def read_articles(paths: Iterable[str | Path]) -> pd.DataFrame:
    """All articles in `paths`, as one frame. Raises ValueError naming a file it cannot read."""
    frames = []
    for path in map(Path, paths):
        suffix = path.suffix.lower()
        if suffix in (".txt", ".md"):
            frames.append(pd.DataFrame({"id": [path.stem], "text": [path.read_text(encoding="utf-8")]}))
        elif suffix == ".jsonl":
            frames.append(pd.read_json(path, lines=True, dtype={"date": str, "id": str}))
        elif suffix == ".csv":
            frames.append(pd.read_csv(path, dtype={"date": str, "id": str}))
        elif suffix == ".parquet":
            frames.append(pd.read_parquet(path))
        else:
            raise ValueError(f"{path}: unsupported file type {suffix!r} (use {', '.join(SUFFIXES)})")
    articles = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame({"text": []})
    if "text" not in articles.columns:
        raise ValueError("no 'text' column in the article table(s)")
    return articles
