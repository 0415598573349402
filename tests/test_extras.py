"""A missing optional dependency is an error that names the extra to install."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

import figures
from figures.cli import EXIT_USAGE, main
from figures.errors import MissingExtraError


@pytest.fixture
def without(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make importing the given top-level packages fail, as if they were not installed."""
    real = importlib.import_module

    def block(*names: str) -> None:
        def import_module(name: str, package: str | None = None):  # type: ignore[no-untyped-def]
            if name.split(".")[0] in names:
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return real(name, package)

        monkeypatch.setattr(importlib, "import_module", import_module)
        monkeypatch.delitem(sys.modules, "figures.strategies", raising=False)   # imported afresh, and put back

    return block


def test_plot_without_matplotlib_names_the_plot_extra(without) -> None:  # type: ignore[no-untyped-def]
    """figures.plot without matplotlib says pip install 'newsfigures[plot]'."""
    without("matplotlib")
    frame = figures.extract("Police said 300 people marched in Tbilisi.")
    with pytest.raises(MissingExtraError, match=r"figures.plot needs matplotlib, which is not installed: "
                                                 r"pip install 'newsfigures\[plot\]'"):
        figures.plot(frame)


def test_strategies_without_hypothesis_name_the_test_extra(without) -> None:  # type: ignore[no-untyped-def]
    """Importing figures.strategies without hypothesis says pip install 'newsfigures[test]'."""
    without("hypothesis")
    with pytest.raises(MissingExtraError, match=r"pip install 'newsfigures\[test\]'"):
        importlib.import_module("figures.strategies")


def test_parquet_without_pyarrow_names_the_parquet_extra(without, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Reading or writing parquet without pyarrow is exit status 2 naming 'newsfigures[parquet]'."""
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "a", "text": "Five drones."}) + "\n")
    (tmp_path / "b.parquet").write_bytes(b"PAR1")
    without("pyarrow")
    assert main(["extract", str(articles), "--format", "parquet", "-o", str(tmp_path / "f.parquet")]) == EXIT_USAGE
    assert "--format parquet needs pyarrow" in capsys.readouterr().err
    assert main(["extract", str(tmp_path / "b.parquet")]) == EXIT_USAGE
    assert "reading .parquet files needs pyarrow, which is not installed: pip install 'newsfigures[parquet]'" in \
        capsys.readouterr().err


def test_strategies_check_their_flags() -> None:
    """written_numbers refuses flags that are not bools, when called."""
    from figures.strategies import written_numbers

    with pytest.raises(TypeError, match="words must be a bool"):
        written_numbers(words="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_value"):
        written_numbers(max_value=True)
