"""The `figures` command: inputs, formats, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from figures.cli import EXIT_CONTRADICTIONS, EXIT_OK, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus" / "articles.jsonl"


def test_check_on_the_corpus_exits_one_and_reports(capsys: pytest.CaptureFixture[str]) -> None:
    """Contradictions give exit status 1, numbered findings on stdout and a summary on stderr."""
    assert main(["check", str(CORPUS)]) == EXIT_CONTRADICTIONS
    out, err = capsys.readouterr()
    assert out.startswith("1. CONTRADICTION  conversion")
    assert "40 figures in 12 articles (1 unreadable): 5 contradictions, 1 warning, 1 unverified" in err
    assert "articles.jsonl line 12: article 'broken-feed-item': text is missing (skipped)" in err


def test_check_exits_zero_when_the_figures_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A consistent .txt article gives exit status 0."""
    article = tmp_path / "draft.txt"
    article.write_text("Air defences downed 33 out of 47 drones. 10 of the drones were lost to jamming.")
    assert main(["check", str(article)]) == EXIT_OK
    assert capsys.readouterr().out == "no findings\n"


def test_extract_reads_markdown_and_csv_and_writes_csv(tmp_path: Path) -> None:
    """A .md file and a .csv table are read; --format csv -o writes one row per figure with ids."""
    (tmp_path / "note.md").write_text("# Note\n\nRussia launched 71 drones.")
    pd.DataFrame({"id": ["t1"], "text": ["It cost $4.2bn."], "date": ["2023-05-02"], "extra": [1]}).to_csv(
        tmp_path / "table.csv", index=False)
    out = tmp_path / "figures.csv"
    assert main(["extract", str(tmp_path / "note.md"), str(tmp_path / "table.csv"), "--format", "csv", "-o", str(out)]) == EXIT_OK
    rows = pd.read_csv(out)
    assert rows[["article", "surface"]].values.tolist() == [["note", "71"], ["t1", "$4.2bn"]]


def test_json_jsonl_and_parquet_formats(tmp_path: Path) -> None:
    """json writes one array, jsonl one object a line; parquet needs -o and round-trips."""
    out = tmp_path / "findings.json"
    assert main(["check", str(CORPUS), "--format", "json", "-o", str(out)]) == EXIT_CONTRADICTIONS
    findings = json.loads(out.read_text())
    assert findings[0]["severity"] == "contradiction" and findings[0]["figures"] and len(findings) == 7
    lines = tmp_path / "figures.jsonl"
    assert main(["extract", str(CORPUS), "--format", "jsonl", "-o", str(lines)]) == EXIT_OK
    rows = [json.loads(line) for line in lines.read_text().splitlines()]
    assert len(rows) == 40 and rows[0]["figure"] == "wire-0508-drones:0"
    pq = tmp_path / "figures.parquet"
    assert main(["extract", str(CORPUS), "--format", "parquet", "-o", str(pq)]) == EXIT_OK
    assert len(pd.read_parquet(pq)) == 40
    assert main(["extract", str(CORPUS), "--format", "parquet"]) == EXIT_USAGE


@pytest.mark.parametrize("args", [["check", "missing.jsonl"], ["check", "notes.docx"]])
def test_usage_errors_exit_two(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file or an unsupported type is a usage error with a message, exit status 2."""
    (tmp_path / "notes.docx").write_text("x")
    args = [args[0], str(tmp_path / args[1])]
    assert main(args) == EXIT_USAGE
    assert capsys.readouterr().err.startswith("figures: ")


def test_bad_arguments_exit_two() -> None:
    """argparse's own usage errors also exit with status 2."""
    with pytest.raises(SystemExit) as stop:
        main(["check"])
    assert stop.value.code == EXIT_USAGE


def test_help_teaches_by_example(capsys: pytest.CaptureFixture[str]) -> None:
    """--help shows examples, what articles look like and the exit statuses."""
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "figures check examples/corpus/articles.jsonl" in out and "exit status: 0" in out
