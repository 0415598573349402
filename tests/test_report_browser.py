"""The HTML report in a real headless browser: it loads without console errors and shows the figures."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HIGHLIGHT = (255, 213, 79)       # the report's <mark class="fig"> background, #ffd54f

if CHROMIUM is None:
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed: .ci/run installs Debian's chromium for this test",
                    pytrace=False)
    pytestmark = pytest.mark.skip(reason="chromium not installed (apt-get install chromium)")


def _chromium(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    done = subprocess.run([sys.executable, "-m", "figures.cli", "check", str(ROOT / "examples" / "corpus" / "articles.jsonl"),
                           "--format", "html", "-o", str(out)], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr            # the corpus holds contradictions
    return out


def test_the_report_is_self_contained(report: Path) -> None:
    """No scripts and no external resources: it opens offline and can be attached to a message."""
    page = report.read_text(encoding="utf-8")
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert page.count('<mark class="fig">') >= 10


def test_the_report_loads_without_console_errors(report: Path, tmp_path: Path) -> None:
    """Chromium renders the page's DOM with the findings and logs no console message or error."""
    done = _chromium("--dump-dom", report.as_uri(), profile=tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    assert 'class="finding"' in done.stdout and '<mark class="fig">39</mark>' in done.stdout
    console = [line for line in done.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []


def test_the_screenshot_shows_highlighted_figures(report: Path, tmp_path: Path) -> None:
    """A screenshot of the page has the highlight colour where the figures are marked."""
    shot = tmp_path / "report.png"
    done = _chromium("--window-size=1100,1400", f"--screenshot={shot}", report.as_uri(), profile=tmp_path / "p")
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    from matplotlib import image

    pixels = (image.imread(shot)[:, :, :3] * 255).round()
    near = ((abs(pixels - HIGHLIGHT) <= 8).all(axis=2)).sum()
    assert near > 2000, f"only {near} highlighted pixels"
