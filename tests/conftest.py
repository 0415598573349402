"""Shared helpers for the test-suite: the golden cases under tests/corpus and the example corpus."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings

# CI must not fail at random: there, examples are derived from each test (still hundreds per test);
# locally they are drawn afresh each run. No per-example deadline: the first call loads tables.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

HERE = Path(__file__).parent
EXAMPLES = HERE.parent / "examples" / "corpus" / "articles.jsonl"


def read_jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / "corpus" / name).read_text(encoding="utf8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def example_articles() -> pd.DataFrame:
    return pd.read_json(EXAMPLES, lines=True, dtype={"date": str})

pytest_plugins = ["pytester"]
