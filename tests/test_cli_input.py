"""The command line on bad input: every problem named by file and line, the documented exit statuses,
output files replaced only when complete, and its own output read back by `figures check`."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import figures
from figures import cli
from figures.cli import EXIT_CONTRADICTIONS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, main

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus" / "articles.jsonl"

_CALM = {"id": "calm", "date": "2023-05-08", "text": "Air defences downed 33 out of 47 drones over Kyiv."}
_WRONG = {"id": "wrong", "date": "2023-05-08", "text": "The front runs for 120km (120 miles), the army said."}


def _jsonl(path: Path, *lines: object) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
                    encoding="utf-8")
    return path


def test_a_line_that_is_not_json_is_skipped_and_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken line is a warning naming the file and line; the other articles are still checked."""
    path = _jsonl(tmp_path / "articles.jsonl", _CALM, '{"id": "cut", "text": "Police said 30', _WRONG)
    assert main(["check", str(path)]) == EXIT_CONTRADICTIONS
    err = capsys.readouterr().err
    assert err == (f"figures: warning: {path} line 2: not valid JSON (Unterminated string starting at column 23) "
                   "(skipped)\nfigures: 4 figures in 2 articles: 1 contradiction, 0 warnings, 0 unverified\n")


def test_strict_makes_a_bad_line_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With --strict the first unreadable line stops the run with exit status 2 and one line."""
    path = _jsonl(tmp_path / "articles.jsonl", _CALM, "[1, 2]", _WRONG)
    assert main(["check", str(path), "--strict"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err == (f"figures: {path} line 2: a JSON array, not an article object: write one "
                   '{"text": ...} object per line\n')


def test_an_unreadable_article_is_named_with_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An article without text is skipped with its file and line; --strict stops there."""
    path = _jsonl(tmp_path / "articles.jsonl", _CALM, {"id": "empty", "text": None})
    assert main(["extract", str(path)]) == EXIT_OK
    assert f"{path} line 2: article 'empty': text is missing (skipped)" in capsys.readouterr().err
    assert main(["extract", str(path), "--strict"]) == EXIT_USAGE
    assert capsys.readouterr().err == f"figures: {path} line 2: article 'empty': text is missing\n"


def test_duplicate_ids_across_files_are_one_line_and_exit_two(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """d1/report.txt and d2/report.txt share the id 'report': exit status 2 naming both, no traceback."""
    for folder in ("d1", "d2"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text("Police said 300 people marched.", encoding="utf-8")
    first, second = tmp_path / "d1" / "report.txt", tmp_path / "d2" / "report.txt"
    assert main(["check", str(first), str(second)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err == (f"figures: {second}: article id 'report' is also the id of the article at {first}; "
                   "give every article its own id\n")


def test_a_csv_row_with_extra_fields_is_skipped_and_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A first row with more fields than the header is named, not read with its fields shifted."""
    path = tmp_path / "articles.csv"
    path.write_text("id,date,text\nx,2023-05-08,Five drones were seen,over Kyiv\ny,2023-05-08,Six drones.\n",
                    encoding="utf-8")
    assert main(["extract", str(path), "--format", "csv"]) == EXIT_OK
    out, err = capsys.readouterr()
    assert f"{path} line 2: 4 fields where the header has 3 (skipped)" in err
    assert pd.read_csv(pd.io.common.StringIO(out))["article"].tolist() == ["y"]


@pytest.mark.parametrize("content, message", [
    ("id,body\nx,Five drones.\n", "no 'text' column; the header has: id, body"),
    (b"id,text\nx,Five \xff drones.\n", "line 2: not UTF-8 text"),
])
def test_unreadable_tables_are_named(tmp_path: Path, content: str | bytes, message: str,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A table without a text column is exit status 2; a line of bad bytes is skipped, both named."""
    path = tmp_path / "articles.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    status = main(["extract", str(path)])
    assert message in capsys.readouterr().err
    assert status == (EXIT_USAGE if "header" in message else EXIT_OK)


def test_ctrl_c_exits_130_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """An interrupt is 'figures: interrupted' and exit status 130, and leaves -o's old file as it was."""
    out = tmp_path / "findings.json"
    out.write_text("old findings", encoding="utf-8")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(figures, "check", interrupted)
    assert main(["check", str(CORPUS), "--format", "json", "-o", str(out)]) == EXIT_INTERRUPTED
    assert capsys.readouterr().err.endswith("figures: interrupted\n")
    assert out.read_text(encoding="utf-8") == "old findings"
    assert [p.name for p in tmp_path.iterdir()] == ["findings.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """A write that fails half-way (disk full) is exit status 2; the old output file is untouched."""
    out = tmp_path / "figures.csv"
    out.write_text("old figures", encoding="utf-8")
    writes = []

    def full_disk(self: cli.Writer, frame: pd.DataFrame) -> None:
        writes.append(len(frame))
        if len(writes) > 1:
            raise OSError(28, "No space left on device")
        self.out.stream.write("partial\n")

    monkeypatch.setattr(cli, "CHUNK_ARTICLES", 3)
    monkeypatch.setattr(cli.Writer, "add", full_disk)
    assert main(["extract", str(CORPUS), "--format", "csv", "-o", str(out)]) == EXIT_USAGE
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "old figures"
    assert [p.name for p in tmp_path.iterdir()] == ["figures.csv"]


def test_a_bug_is_one_line_and_never_exit_one(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """An unexpected error is one line and exit status 2 (1 means contradictions); --traceback shows it."""
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(figures, "check", broken)
    assert main(["check", str(CORPUS)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.endswith("figures: internal error: RuntimeError('boom') (run with --traceback to see where, "
                        "and please report it)\n") and "Traceback" not in err
    assert main(["--traceback", "check", str(CORPUS)]) == EXIT_USAGE
    assert "Traceback (most recent call last)" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet"])
def test_check_reads_what_extract_wrote(fmt: str, tmp_path: Path) -> None:
    """figures check on extract's csv/json/jsonl/parquet gives the findings of checking the articles."""
    figures_file, direct, again = tmp_path / f"figures.{fmt}", tmp_path / "direct.json", tmp_path / "again.json"
    assert main(["extract", str(CORPUS), "--format", fmt, "-o", str(figures_file)]) == EXIT_OK
    assert main(["check", str(CORPUS), "--format", "json", "-o", str(direct)]) == EXIT_CONTRADICTIONS
    assert main(["check", str(figures_file), "--format", "json", "-o", str(again)]) == EXIT_CONTRADICTIONS
    key = lambda path: [(f["kind"], f["figures"], f["message"]) for f in json.loads(path.read_text())]  # noqa: E731
    assert key(again) == key(direct) and len(key(direct)) == 7


def test_extract_refuses_a_table_of_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """figures extract on extract's own output says to use figures check, exit status 2."""
    figures_file = tmp_path / "figures.jsonl"
    assert main(["extract", str(CORPUS), "--format", "jsonl", "-o", str(figures_file)]) == EXIT_OK
    assert main(["extract", str(figures_file)]) == EXIT_USAGE
    assert "'figures check' checks them" in capsys.readouterr().err


def test_output_is_streamed_in_chunks_into_one_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read three articles at a time, csv has one header and json one array holding every figure."""
    monkeypatch.setattr(cli, "CHUNK_ARTICLES", 3)
    csv_file, json_file = tmp_path / "figures.csv", tmp_path / "figures.json"
    assert main(["extract", str(CORPUS), "--format", "csv", "-o", str(csv_file)]) == EXIT_OK
    assert main(["extract", str(CORPUS), "--format", "json", "-o", str(json_file)]) == EXIT_OK
    rows = pd.read_csv(csv_file)
    assert len(rows) == 40 and rows.columns[0] == "figure" and not rows.columns.str.startswith("Unnamed").any()
    assert [r["figure"] for r in json.loads(json_file.read_text())] == rows["figure"].tolist()


def test_findings_csv_writes_lists_as_json(tmp_path: Path) -> None:
    """The figures, articles and quotes of a finding are JSON in the csv, so they read back as lists."""
    out = tmp_path / "findings.csv"
    assert main(["check", str(CORPUS), "--format", "csv", "-o", str(out)]) == EXIT_CONTRADICTIONS
    first = pd.read_csv(out).iloc[0]
    assert json.loads(first["figures"]) == ["monitor-1012-aid:0", "monitor-1012-aid:1"]
    assert json.loads(first["quotes"])[0]["surface"] == "20 million Canadian dollars"


def test_unbounded_figures_survive_json(tmp_path: Path) -> None:
    """"more than 3,000" keeps its unbounded top through json: written "Infinity", read back as inf."""
    path = _jsonl(tmp_path / "a.jsonl", {"id": "a", "text": "More than 3,000 people were evacuated."})
    out = tmp_path / "figures.json"
    assert main(["extract", str(path), "--format", "json", "-o", str(out)]) == EXIT_OK
    assert json.loads(out.read_text())[0]["high"] == "Infinity"
    assert pd.read_json(out)["high"].tolist() == [float("inf")]


def test_counts_are_worded_for_one_and_many(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summary says "1 article" and "1 contradiction", not "1 articles" or "(s)"."""
    path = _jsonl(tmp_path / "a.jsonl", _WRONG)
    assert main(["check", str(path)]) == EXIT_CONTRADICTIONS
    assert capsys.readouterr().err == ("figures: 2 figures in 1 article: 1 contradiction, 0 warnings, "
                                       "0 unverified\n")


def test_the_help_documents_every_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    """--help of the command and of each subcommand lists 0, 1, 2 and 130."""
    for args in (["--help"], ["check", "--help"], ["extract", "--help"]):
        with pytest.raises(SystemExit):
            main(args)
        out = " ".join(capsys.readouterr().out.split())
        assert "0 no contradiction, 1 contradictions found (check), 2 usage or input error, 130 interrupted" in out


def test_output_files_get_the_permissions_a_plain_write_gives(tmp_path: Path) -> None:
    """A new -o file is as readable as any new file; an existing one keeps its permissions."""
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    fresh, kept = tmp_path / "report.html", tmp_path / "kept.csv"
    kept.write_text("old")
    kept.chmod(0o640)
    assert main(["extract", str(CORPUS), "--format", "html", "-o", str(fresh)]) == EXIT_OK
    assert main(["extract", str(CORPUS), "--format", "csv", "-o", str(kept)]) == EXIT_OK
    assert fresh.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777
    assert kept.stat().st_mode & 0o777 == 0o640
