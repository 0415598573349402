"""Shared helpers for the test-suite: the golden cases under tests/corpus and the example corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

HERE = Path(__file__).parent
EXAMPLES = HERE.parent / "examples" / "corpus" / "articles.jsonl"


def read_jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / "corpus" / name).read_text(encoding="utf8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def example_articles() -> pd.DataFrame:
    return pd.read_json(EXAMPLES, lines=True, dtype={"date": str})

pytest_plugins = ["pytester"]
