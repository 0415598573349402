"""The `figures` command: extract figures from articles, or check them for contradictions.

    figures extract PATH... [-o FILE] [--format table|csv|json|parquet]
    figures check PATH...   [-o FILE] [--format table|csv|json|parquet]

PATH is a .txt or .md file (one article, its id the file name) or a table of articles (.jsonl,
.csv, .parquet) with a `text` column and optional `id`, `date`, `source` columns. Exit status:
0 no contradiction, 1 contradictions found (`check`), 2 usage or input error.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import pandas as pd

from figures.corpus import read_articles

EXIT_OK, EXIT_CONTRADICTIONS, EXIT_USAGE = 0, 1, 2
_TABLE_COLUMNS = {
    "extract": ["article", "surface", "value", "qualifier", "unit", "subject", "predicate", "source", "whole", "converts"],
    "check": ["severity", "kind", "message"],
}


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


def _no_findings() -> pd.DataFrame:
    from figures.checks.findings import to_frame

    return to_frame([])


def write(frame: pd.DataFrame, fmt: str, out: Path | None, command: str,
          figures_frame: pd.DataFrame | None = None) -> None:
    if fmt == "table" and command == "check":
        _emit(findings_text(frame), out)
    elif fmt == "table":
        shown = frame[[c for c in _TABLE_COLUMNS[command] if c in frame.columns]]
        with pd.option_context("display.max_colwidth", 200, "display.width", 200, "display.max_rows", None):
            text = shown.to_string() if len(shown) else f"no {'findings' if command == 'check' else 'figures'}"
        _emit(text + "\n", out)
    elif fmt == "csv":
        _emit(frame.to_csv(), out)
    elif fmt == "json":
        _emit(frame.reset_index().to_json(orient="records", lines=True, date_format="iso", default_handler=str), out)
    elif fmt == "html":
        from figures.display import report_html

        if command == "check":
            _emit(report_html(frame, figures_frame, title="figures: findings"), out)
        else:
            _emit(report_html(_no_findings(), frame, title="figures: extracted"), out)
    elif fmt == "parquet":
        if out is None:
            raise ValueError("--format parquet needs -o FILE")
        frame.astype({c: str for c in ("figures", "articles", "quotes") if c in frame.columns}).to_parquet(out)


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="figures",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Extract every numeric figure from news articles and flag where they contradict each other.",
        epilog="""examples:
  figures check examples/corpus/articles.jsonl            findings on the terminal
  figures check drafts/*.md wire.jsonl --format html -o report.html
  figures extract articles.parquet --format csv -o figures.csv

articles: .txt/.md files are one article each (the file name is its id); .jsonl/.csv/.parquet
tables need a 'text' column and may have 'id', 'date' (ISO) and 'source' (the outlet).

exit status: 0 no contradiction, 1 contradictions found (check), 2 usage or input error.""",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("extract", "one row per figure: value, bounds, unit, subject, source ..."),
                            ("check", "one row per contradiction, warning or unverifiable conversion")):
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        cmd.add_argument("paths", nargs="+", type=Path, metavar="PATH",
                         help=".txt/.md article files or .jsonl/.csv/.parquet article tables")
        cmd.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
        cmd.add_argument("--format", choices=["table", "csv", "json", "parquet", "html"], default="table",
                         help="table (default, for the terminal), csv, json (lines), parquet (needs -o), or html: "
                              "one self-contained page with every figure highlighted in its sentence")
        cmd.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="progress bar on standard error (default: only when it is a terminal)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    import figures

    try:
        articles = read_articles(args.paths)
    except (OSError, ValueError) as exc:
        print(f"figures: {exc}", file=sys.stderr)
        return EXIT_USAGE
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = figures.extract(articles, progress=args.progress)
    for warning in caught:
        print(f"figures: warning: {warning.message}", file=sys.stderr)
    result = frame if args.command == "extract" else figures.check(frame)
    try:
        write(result, args.format, args.output, args.command, frame)
    except (OSError, ValueError) as exc:
        print(f"figures: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "check":
        counts = result["severity"].value_counts()
        print(f"figures: {len(frame)} figures in {len(articles)} articles: "
              + ", ".join(f"{counts.get(s, 0)} {s}" for s in ("contradiction", "warning", "unverified")),
              file=sys.stderr)
        return EXIT_CONTRADICTIONS if counts.get("contradiction", 0) else EXIT_OK
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
