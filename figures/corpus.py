"""Read articles from files, one record at a time: .txt/.md files, or tables in .jsonl, .csv, .json, .parquet.

A .txt or .md file is one article, its id the file name. Tables need a `text` field and may have
`id`, `date` and `source` (the outlet); records without an id are numbered from 0 across all the
files, in order. Every record comes with where it was read ("articles.jsonl line 14"), so that a
problem with it can be named by file and line.

A line that cannot be read (not JSON, a JSON array instead of an object, a CSV row with more fields
than the header, bytes that are not UTF-8) is skipped and reported, or raises with `strict`. Two
articles with one id are always an error: their figures' labels would collide. A table of figures
(the output of `figures extract`, recognised by its `figure` and `surface` columns) is kept apart,
for `figures check` to check as it is. Used by the command line and the pytest plugin's corpus fixture.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from figures.errors import SourceError, require

SUFFIXES = (".txt", ".md", ".jsonl", ".csv", ".json", ".parquet")
_FIELDS = ("id", "text", "date", "source")
_FIGURES_TABLE = frozenset({"figure", "surface", "value", "unit"})


@dataclass(frozen=True)
class Location:
    """Where a record was read: a file, and the line (or the row, for parquet) it starts on."""

    path: Path
    line: int | None = None
    unit: str = "line"

    def __str__(self) -> str:
        return f"{self.path}" if self.line is None else f"{self.path} {self.unit} {self.line}"

    def error(self, reason: str) -> SourceError:
        return SourceError(self.path, reason, self.line, self.unit)


class ArticleFiles:
    """The article records of some files, read lazily: iterate for (record, location) pairs.

    `problems` lists the lines skipped so far (never raised unless `strict`); `figures` the tables
    of figures met among the files; `locations` maps each article id to where it was read.
    """

    def __init__(self, paths: Iterable[str | Path], *, strict: bool = False, keep_fields: bool = False) -> None:
        self.paths = [Path(p) for p in paths]
        self.strict = strict
        self.keep_fields = keep_fields
        self.problems: list[SourceError] = []
        self.figures: list[pd.DataFrame] = []
        self.locations: dict[object, Location] = {}
        self._numbered = 0
        for path in self.paths:
            if path.suffix.lower() not in SUFFIXES:
                raise SourceError(path, f"unsupported file type {path.suffix!r} (use {', '.join(SUFFIXES)})")
            if not path.is_file():
                raise SourceError(path, "no such file" if not path.exists() else "not a file")

    def __iter__(self) -> Iterator[tuple[dict[str, Any], Location]]:
        for path in self.paths:
            for raw, where in self._records(path):
                record = self._article(raw, where)
                if record is not None:
                    yield record, where

    def _skip(self, problem: SourceError) -> None:
        if self.strict:
            raise problem
        self.problems.append(problem)

    def _article(self, raw: Any, where: Location) -> dict[str, Any] | None:
        if not isinstance(raw, dict):
            kind = "a JSON array" if isinstance(raw, list) else f"a JSON {type(raw).__name__}"
            self._skip(where.error(f"{kind}, not an article object: write one {{\"text\": ...}} object per line"))
            return None
        record = dict(raw) if self.keep_fields else {k: raw.get(k) for k in _FIELDS}
        ident = raw.get("id")
        if ident is None or (isinstance(ident, float) and math.isnan(ident)) or ident == "":
            record["id"] = self._numbered
            self._numbered += 1
        else:
            record["id"] = str(ident)
        first = self.locations.get(record["id"])
        if first is not None:
            raise where.error(f"article id {record['id']!r} is also the id of the article at {first}; "
                              "give every article its own id")
        self.locations[record["id"]] = where
        return record

    def _records(self, path: Path) -> Iterator[tuple[Any, Location]]:
        suffix = path.suffix.lower()
        if suffix in (".txt", ".md"):
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError as exc:
                self._skip(SourceError(path, f"not UTF-8 text (byte {exc.start})"))
                return
            yield {"id": path.stem, "text": text}, Location(path)
        elif suffix == ".jsonl":
            yield from self._json_lines(path)
        elif suffix == ".json":
            yield from self._json_array(path)
        elif suffix == ".csv":
            yield from self._csv(path)
        else:
            yield from self._parquet(path)

    @staticmethod
    def _is_figures(columns: Iterable[str]) -> bool:
        return _FIGURES_TABLE <= set(columns)

    def _json_lines(self, path: Path) -> Iterator[tuple[Any, Location]]:
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, start=1):
                where = Location(path, number)
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    self._skip(where.error(f"not UTF-8 text (byte {exc.start} of the line)"))
                    continue
                if not line.strip():
                    continue
                try:
                    value = json.loads(line.rstrip("\r\n"))      # a column past the end is the line's end
                except json.JSONDecodeError as exc:
                    at = "" if exc.msg.endswith(" at") else " at"   # "Unterminated string starting at"
                    self._skip(where.error(f"not valid JSON ({exc.msg}{at} column {exc.colno})"))
                    continue
                if number == 1 and isinstance(value, dict) and self._is_figures(value):
                    self.figures.append(pd.read_json(path, lines=True, dtype={"article": object}))
                    return
                yield value, where

    def _json_array(self, path: Path) -> Iterator[tuple[Any, Location]]:
        try:
            values = json.loads(path.read_bytes().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SourceError(path, f"not a JSON document: {exc}") from exc
        if not isinstance(values, list):
            raise SourceError(path, "a .json file must hold one JSON array of article objects (or use .jsonl)")
        if values and isinstance(values[0], dict) and self._is_figures(values[0]):
            self.figures.append(pd.DataFrame(values))
            return
        for number, value in enumerate(values):
            yield value, Location(path, number, "item")

    def _csv(self, path: Path) -> Iterator[tuple[Any, Location]]:
        with path.open("rb") as raw:
            lines = _Lines(raw, self, path)
            reader = csv.reader(lines)
            try:
                header = next(reader)
            except StopIteration:
                return
            if self._is_figures(header):
                self.figures.append(pd.read_csv(path, dtype={"article": str, "figure": str, "whole": str,
                                                             "converts": str}, keep_default_na=True))
                return
            if "text" not in header:
                raise SourceError(path, "no 'text' column; the header has: " + ", ".join(header), 1)
            while True:
                start = lines.number + 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    self._skip(SourceError(path, f"not valid CSV ({exc})", start))
                    continue
                if not any(row):
                    continue
                if len(row) != len(header):
                    self._skip(SourceError(path, f"{len(row)} fields where the header has {len(header)}", start))
                    continue
                yield {k: (v if v != "" else None) for k, v in zip(header, row)}, Location(path, start)

    def _parquet(self, path: Path) -> Iterator[tuple[Any, Location]]:
        parquet = require("pyarrow.parquet", extra="parquet", feature="reading .parquet files")
        table = parquet.ParquetFile(path)
        names = table.schema_arrow.names
        if self._is_figures(names):
            self.figures.append(table.read().to_pandas())
            return
        if "text" not in names:
            raise SourceError(path, "no 'text' column; it has: " + ", ".join(names))
        number = 0
        for batch in table.iter_batches(batch_size=1000):
            for value in batch.to_pylist():
                yield value, Location(path, number, "row")
                number += 1


class _Lines:
    """A CSV file's lines as text, one by one, counting them; a line that is not UTF-8 is skipped."""

    def __init__(self, raw: Any, source: ArticleFiles, path: Path) -> None:
        self.raw, self.source, self.path, self.number = raw, source, path, 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        while True:
            line = next(self.raw)
            self.number += 1
            try:
                return line.decode("utf-8")
            except UnicodeDecodeError as exc:
                self.source._skip(SourceError(self.path, f"not UTF-8 text (byte {exc.start} of the line)",
                                              self.number))


def read_articles(paths: Iterable[str | Path]) -> pd.DataFrame:
    """All articles in `paths`, as one frame with every field the tables have.

    Raises `SourceError` (a ValueError) naming the file and line of the first record it cannot read.
    """
    files = ArticleFiles(paths, strict=True, keep_fields=True)
    records = [record for record, _ in files]
    if files.figures:
        raise SourceError(files.paths[0], "holds figures (the output of figures extract), not articles")
    return pd.DataFrame(records) if records else pd.DataFrame({"id": [], "text": []})
