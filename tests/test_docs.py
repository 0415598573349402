"""The documentation site builds with strict warnings, and the README's snippets stay true."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_docs_build_strictly(tmp_path: Path) -> None:
    """mkdocs builds the site, API pages included, with warnings as errors."""
    pytest.importorskip("mkdocs")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    assert "max_rate_age_days" in api and "assert_consistent" in api


def test_getting_started_prints_what_it_says() -> None:
    """The five-line example on the docs' first page gives the message printed there."""
    import figures

    articles = [
        {"id": "wire", "date": "2023-05-08", "source": "Continental Wire",
         "text": "Air defences downed 39 out of 71 drones over Kyiv, the air force said."},
        {"id": "ledger", "date": "2023-05-08", "source": "Eastern Ledger",
         "text": "Ukraine's air force said air defences downed 40 out of 71 drones over Kyiv."},
    ]
    message = figures.check(figures.extract(articles)).loc[0, "message"]
    page = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert " ".join(message.split()) in " ".join(page.split())
