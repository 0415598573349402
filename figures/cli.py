"""The `figures` command: extract figures from articles, or check them for contradictions.

    figures extract PATH... [-o FILE] [--format table|csv|json|jsonl|parquet|html] [--strict]
    figures check PATH...   [-o FILE] [--format table|csv|json|jsonl|parquet|html] [--strict]

PATH is a .txt or .md file (one article, its id the file name), a table of articles (.jsonl, .csv,
.json, .parquet) with a `text` column and optional `id`, `date`, `source` columns, or (for `check`)
a table of figures written by `figures extract`. Articles are read and extracted in chunks, so memory
holds one chunk of text at a time (and, for `check`, the figures). Output goes to a temporary file
beside FILE that replaces it only once complete.

Exit status: 0 no contradiction, 1 contradictions found (`check`), 2 usage or input error,
130 interrupted. A line that cannot be read is skipped with a warning naming its file and line
(with --strict it is an error, exit status 2).
"""

from __future__ import annotations

import argparse
import itertools
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

import pandas as pd

from figures.corpus import ArticleFiles
from figures.errors import ArticleError, FiguresError, SourceError, plural, require

EXIT_OK, EXIT_CONTRADICTIONS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
#: Articles read and extracted at a time.
CHUNK_ARTICLES = 1_000
FORMATS = ("table", "csv", "json", "jsonl", "parquet", "html")
_TABLE_COLUMNS = {
    "extract": ["article", "surface", "value", "qualifier", "unit", "subject", "predicate", "source", "whole", "converts"],
    "check": ["severity", "kind", "message"],
}
_LIST_COLUMNS = ("figures", "articles", "quotes")

EXIT_STATUS = f"""exit status: {EXIT_OK} no contradiction, {EXIT_CONTRADICTIONS} contradictions found (check), \
{EXIT_USAGE} usage or input error,
{EXIT_INTERRUPTED} interrupted. A line that cannot be read is skipped with a warning naming its file and
line; with --strict it is an error (exit status {EXIT_USAGE})."""


def findings_text(findings: pd.DataFrame, width: int = 100) -> str:
    """Findings as a terminal report: one numbered block each, most serious first, wrapped."""
    import textwrap

    if findings.empty:
        return "no findings\n"
    blocks = []
    for n, (_, row) in enumerate(findings.iterrows(), start=1):
        head = f"{n}. {row['severity'].upper()}  {row['kind']}  [{', '.join(row['figures'])}]"
        body = textwrap.fill(row["message"], width=width, initial_indent="   ", subsequent_indent="   ")
        blocks.append(f"{head}\n{body}")
    return "\n\n".join(blocks) + "\n"


class Output:
    """Standard output, or a temporary file beside `path` that replaces it only when complete, so a
    failed or interrupted run never truncates what was there."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.temporary: Path | None = None
        self.stream: IO[str] = sys.stdout

    def __enter__(self) -> Output:
        if self.path is not None:
            handle, name = tempfile.mkstemp(dir=self.path.parent or ".", prefix=f".{self.path.name}.", suffix=".tmp")
            os.close(handle)
            self.temporary = Path(name)
            self.stream = self.temporary.open("w", encoding="utf-8", newline="")
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if self.temporary is None:
            self.stream.flush()
            return
        self.stream.close()
        if kind is None:
            os.chmod(self.temporary, _mode_for(self.path))  # type: ignore[arg-type]
            os.replace(self.temporary, self.path)  # type: ignore[arg-type]
        else:
            self.temporary.unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    """The permissions `path` has, or a new file would get: a temporary file is private (0600)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame ready for csv and parquet: the row labels as a `figure` column (for figures), and
    lists as JSON text."""
    import json

    if frame.index.name == "figure":
        frame = frame.reset_index()
    changed = {name: [json.dumps(v, default=str) for v in frame[name]] for name in _LIST_COLUMNS
               if name in frame.columns}
    return frame.assign(**changed) if changed else frame


def _unbounded_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Unbounded ends as "Infinity" and "-Infinity", as protobuf's JSON mapping writes them: JSON has
    no number for them, and pandas would write null, which reads back as unknown, not unbounded."""
    import numpy as np

    changed = {}
    for name in frame.columns:
        values = frame[name].to_numpy()
        if values.dtype == float and np.isinf(values).any():
            text = np.where(np.isposinf(values), "Infinity", np.where(np.isneginf(values), "-Infinity", None))
            changed[name] = pd.Series(np.where(np.isinf(values), text, values.astype(object)), index=frame.index,
                                      dtype=object)
    return frame.assign(**changed) if changed else frame


class Writer:
    """Writes a command's result in one format, chunk by chunk where the format allows it."""

    def __init__(self, fmt: str, command: str, out: Output) -> None:
        if fmt == "parquet" and out.path is None:
            raise SourceError("--format parquet", "needs -o FILE")
        self.fmt, self.command, self.out = fmt, command, out
        self.kept: list[pd.DataFrame] = []
        self.chunks = 0
        self._parquet: Any = None
        self._records = 0

    def add(self, frame: pd.DataFrame) -> None:
        """One chunk of rows (figures, or all the findings)."""
        stream, first = self.out.stream, self.chunks == 0
        self.chunks += 1
        if self.fmt in ("table", "html"):
            self.kept.append(frame)
        elif self.fmt == "csv":
            _plain(frame).to_csv(stream, header=first, index=False)
        elif self.fmt in ("json", "jsonl"):
            if not len(frame):
                return
            records = _unbounded_as_text(frame.reset_index() if frame.index.name == "figure" else frame)
            # one record a line; a line break inside a value is escaped, so each raw one ends a record
            lines = records.to_json(orient="records", lines=True, date_format="iso", default_handler=str)
            lines = lines.rstrip("\n")
            if self.fmt == "jsonl":
                stream.write(lines + "\n")
            else:
                stream.write(("[\n" if not self._records else ",\n") + lines.replace("\n", ",\n"))
            self._records += len(frame)
        else:
            self._write_parquet(frame)

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        pa = require("pyarrow", extra="parquet", feature="--format parquet")
        parquet = require("pyarrow.parquet", extra="parquet", feature="--format parquet")
        plain = _plain(frame)
        text = [c for c in plain.columns if plain[c].dtype == object or str(plain[c].dtype) in ("str", "category")]
        plain = plain.assign(**{c: [None if v is None or v != v else str(v) for v in plain[c]] for c in text})
        table = pa.Table.from_pandas(plain, preserve_index=False)
        if self._parquet is None:
            table = table.cast(pa.schema([f.with_type(pa.string()) if f.name in text else f for f in table.schema]))
            self._parquet = parquet.ParquetWriter(self.out.temporary, table.schema)
        self._parquet.write_table(table.cast(self._parquet.schema))

    def close(self, figures_frame: pd.DataFrame | None = None, unreadable: pd.DataFrame | None = None) -> None:
        stream = self.out.stream
        if self.fmt == "table":
            frame = pd.concat(self.kept) if self.kept else pd.DataFrame()
            if self.command == "check":
                stream.write(findings_text(frame))
            else:
                shown = frame[[c for c in _TABLE_COLUMNS["extract"] if c in frame.columns]]
                with pd.option_context("display.max_colwidth", 200, "display.width", 200, "display.max_rows", None):
                    stream.write((shown.to_string() if len(shown) else "no figures") + "\n")
        elif self.fmt == "html":
            from figures.checks.findings import to_frame
            from figures.display import report_html

            frame = pd.concat(self.kept) if self.kept else None
            if self.command == "check":
                stream.write(report_html(frame, figures_frame, title="figures: findings", unreadable=unreadable))
            else:
                stream.write(report_html(to_frame([]), frame, title="figures: extracted", unreadable=unreadable))
        elif self.fmt == "json":
            stream.write("\n]\n" if self._records else "[]\n")
        elif self.fmt == "parquet":
            if self._parquet is None:
                self._write_parquet(figures_frame if figures_frame is not None else pd.DataFrame())
            self._parquet.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="figures",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Extract every numeric figure from news articles and flag where they contradict each other.",
        epilog=f"""examples:
  figures check examples/corpus/articles.jsonl            findings on the terminal
  figures check drafts/*.md wire.jsonl --format html -o report.html
  figures extract articles.parquet --format csv -o figures.csv
  figures check figures.csv                               check figures extracted earlier

articles: .txt/.md files are one article each (the file name is its id); .jsonl/.csv/.json/.parquet
tables need a 'text' column and may have 'id', 'date' (ISO) and 'source' (the outlet). Ids must be
unique across all the files. 'check' also reads the figures 'extract' wrote (csv, json, jsonl, parquet).

{EXIT_STATUS}""",
    )
    parser.add_argument("--traceback", action="store_true",
                        help="on an unexpected error, show the Python traceback (to report a bug)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("extract", "one row per figure: value, bounds, unit, subject, source ..."),
                            ("check", "one row per contradiction, warning or unverifiable conversion")):
        cmd = sub.add_parser(name, help=help_text, description=help_text, epilog=EXIT_STATUS,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
        cmd.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                         help=".txt/.md article files, .jsonl/.csv/.json/.parquet article tables"
                              + (", or figure tables from 'figures extract'" if name == "check" else ""))
        cmd.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
        cmd.add_argument("--format", choices=FORMATS, default="table",
                         help="table (default, for the terminal), csv, json (one array), jsonl (one object a "
                              "line), parquet (needs -o), or html: one self-contained page with every figure "
                              "highlighted in its sentence")
        cmd.add_argument("--strict", action="store_true",
                         help="stop with exit status 2 at the first line or article that cannot be read, "
                              "instead of skipping it with a warning")
        cmd.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="progress bar on standard error (default: only when it is a terminal)")
    return parser


def _warn(message: str) -> None:
    print(f"figures: warning: {message}", file=sys.stderr)


def _quick_inflect() -> None:
    """Import inflect without typeguard's instrumentation of its methods.

    inflect decorates its engine's methods with typeguard's @typechecked, which re-parses and
    re-compiles each of them at import: about a second of every run, for argument checks the
    extractor never needs (it passes plain words). Only the command line does this; the library
    leaves inflect as it is.
    """
    if "inflect" in sys.modules:
        return
    try:
        import typeguard
    except ImportError:
        return
    real = typeguard.typechecked

    def as_is(target: Any = None, **_: Any) -> Any:
        return target if target is not None else (lambda function: function)

    typeguard.typechecked = as_is  # type: ignore[assignment]
    try:
        import inflect  # noqa: F401
    finally:
        typeguard.typechecked = real


class _Run:
    """One command over its files: reads articles in chunks, reports what it skips, writes the result."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.files = ArticleFiles(args.paths, strict=args.strict)
        self.reported = 0
        self.articles = 0
        self.unreadable: list[dict[str, Any]] = []

    def _report_skipped(self) -> None:
        for problem in self.files.problems[self.reported:]:
            _warn(f"{problem} (skipped)")
        self.reported = len(self.files.problems)

    def _extract(self, chunk: list[dict[str, Any]]) -> pd.DataFrame:
        import figures

        errors = "raise" if self.args.strict else "ignore"
        try:
            frame = figures.extract(chunk, errors=errors)
        except ArticleError as exc:
            raise SourceError(self.files.locations[exc.article], str(exc)) from exc
        status = figures.article_status(frame)
        for row in status[status["reason"].notna()].itertuples():
            where = self.files.locations[row.article]
            _warn(f"{where}: article {row.article!r}: {row.reason}" + (" (skipped)" if row.status == "error" else ""))
            if row.status == "error":
                self.unreadable.append({"article": row.article, "where": str(where), "reason": row.reason})
        self.articles += len(status)
        return frame

    def chunks(self) -> Any:
        records = iter(self.files)
        if self.args.progress or self.args.progress is None:
            from tqdm.auto import tqdm

            records = iter(tqdm(records, desc="articles", unit="article", mininterval=0.5,
                                disable=None if self.args.progress is None else False))
        while True:
            chunk = [record for record, _ in itertools.islice(records, CHUNK_ARTICLES)]
            self._report_skipped()
            if not chunk:
                return
            yield self._extract(chunk)

    def unreadable_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.unreadable, columns=["article", "where", "reason"])


def _run(args: argparse.Namespace) -> int:
    _quick_inflect()
    import figures
    from figures.checks import prepare_figures, to_frame
    from figures.checks.findings import SEVERITY_PLURALS
    from figures.extraction import concat_figures

    run = _Run(args)
    with Output(args.output) as out:
        writer = Writer(args.format, args.command, out)
        if args.command == "extract":
            for frame in run.chunks():
                writer.add(frame)
            if run.files.figures:
                raise SourceError(args.paths[0], "holds figures (the output of figures extract); "
                                  "'figures check' checks them, 'figures extract' reads articles")
            writer.close(figures_frame=figures.extract([]), unreadable=run.unreadable_frame())
            return EXIT_OK
        extracted = concat_figures(list(run.chunks()))
        everything = pd.concat([extracted, *(prepare_figures(table) for table in run.files.figures)])
        findings = figures.check(everything) if len(everything) else to_frame([])
        counts = findings["severity"].value_counts()
        writer.add(findings)
        writer.close(figures_frame=everything, unreadable=run.unreadable_frame())
    read = plural(run.articles + sum(table["article"].nunique() for table in run.files.figures), "article")
    if run.unreadable:
        read += f" ({len(run.unreadable):,} unreadable)"
    print(f"figures: {plural(len(everything), 'figure')} in {read}: "
          + ", ".join(plural(int(counts.get(s, 0)), s, SEVERITY_PLURALS[s]) for s in SEVERITY_PLURALS),
          file=sys.stderr)
    return EXIT_CONTRADICTIONS if counts.get("contradiction", 0) else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        print("figures: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())   # the reader left: say nothing more
        return EXIT_OK
    except (FiguresError, OSError) as exc:
        print(f"figures: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: still one line and never exit status 1, which means contradictions
        if args.traceback:
            import traceback

            traceback.print_exc()
        print(f"figures: internal error: {exc!r}" + ("" if args.traceback else
              " (run with --traceback to see where, and please report it)"), file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
