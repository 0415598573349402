"""The pytest plugin: fixtures, the findings report, and a light import."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

TEST_MODULE = '''
import pytest
from figures.testing import assert_consistent

def test_consistent(figures_corpus):
    articles = figures_corpus("articles.jsonl")
    assert_consistent(articles[articles["id"] == "ok"])

def test_contradiction():
    assert_consistent("The front runs for 120km (120 miles).")

def test_rates(figures_rates):
    assert figures_rates is not None and list(figures_rates["currency"]) == ["RUB"]
'''


def test_plugin_fixtures_and_report(pytester: pytest.Pytester) -> None:
    """Fixtures load files and pinned rates; --figures-report writes each call's findings with its test."""
    pytester.makepyfile(test_drafts=TEST_MODULE)
    pytester.path.joinpath("articles.jsonl").write_text(json.dumps(
        {"id": "ok", "text": "Air defences downed 33 out of 47 drones.", "date": "2023-05-08"}) + "\n")
    pytester.path.joinpath("rates.csv").write_text("date,currency,per_eur\n2023-05-01,RUB,88.0\n")
    # in a subprocess: an in-process run leaves importlib.metadata unable to find later runs' plugins
    result = pytester.runpytest_subprocess("--figures-report=report.jsonl", "--figures-rates=rates.csv")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*Wrong conversion*120 miles*"])
    records = [json.loads(line) for line in pytester.path.joinpath("report.jsonl").read_text().splitlines()]
    assert [(r["test"].split("::")[1], r["passed"], [f["kind"] for f in r["findings"]]) for r in records] == [
        ("test_consistent", True, []), ("test_contradiction", False, ["conversion"])]
    quote = records[1]["findings"][0]["quotes"][0]
    assert quote["surface"] == "120km" and isinstance(records[1]["findings"][0]["figures"], list)


@pytest.mark.parametrize("option, content, message", [
    ("--figures-rates=missing.csv", None, "--figures-rates missing.csv: no such file"),
    ("--figures-rates=rates.csv", "day,code,rate\n2023-05-01,RUB,88\n", "lacks column(s): currency, date, per_eur"),
    ("--figures-rates=rates.csv", "date,currency,per_eur\n2023-05-01,RUB,inf\n", "not positive finite numbers"),
    ("--figures-report=.", None, "--figures-report .: is a directory"),
])
def test_plugin_options_are_checked_at_start_up(pytester: pytest.Pytester, option: str, content: str | None,
                                               message: str) -> None:
    """A bad --figures-rates or --figures-report stops pytest before any test runs, naming the option."""
    pytester.makepyfile(test_x="def test_x():\n    assert True\n")
    if content is not None:
        pytester.path.joinpath("rates.csv").write_text(content)
    result = pytester.runpytest_subprocess(option)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*{message}*"])
    result.stdout.no_fnmatch_line("*test_x*PASSED*")


def test_loading_the_plugin_imports_nothing_heavy() -> None:
    """Importing figures.plugin (as pytest does at start-up) does not import pandas or the extractor."""
    code = ("import sys, figures.plugin; heavy = [m for m in ('pandas', 'figures.extraction', 'pint') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
