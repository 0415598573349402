"""Wall time of `figures check` on one short article, as a person at a terminal runs it.

    python benchmarks/cli_speed.py [--runs 7]

Runs the installed `figures` command (the one beside this Python) as a fresh process, `--runs` times,
on a one-article .txt file, and prints the fastest and the median run: start-up, imports, reading,
extraction, checking and the report. The target is under a second. With `--imports` it also prints
the slowest imports of one run (`python -X importtime`).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLE = ("Russia launched 71 drones overnight, and air defences downed 39 of them over Kyiv, "
           "the air force said. The front runs for about 120km (75 miles).")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--imports", action="store_true", help="also list the slowest imports of one run")
    opt = ap.parse_args(argv)
    command = Path(sys.executable).with_name("figures")
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "draft.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        times = []
        for _ in range(opt.runs):
            started = time.perf_counter()
            done = subprocess.run([str(command), "check", str(article)], capture_output=True, text=True)
            times.append(time.perf_counter() - started)
            if done.returncode not in (0, 1):
                print(done.stderr, file=sys.stderr)
                return done.returncode
        print(f"figures check, one article: fastest {min(times):.2f} s, median {statistics.median(times):.2f} s "
              f"over {opt.runs} runs (target under 1 s)")
        if opt.imports:
            done = subprocess.run([sys.executable, "-X", "importtime", "-m", "figures.cli", "check", str(article)],
                                  capture_output=True, text=True)
            rows = [line.split("|") for line in done.stderr.splitlines() if line.startswith("import time:")][1:]
            slowest = sorted(rows, key=lambda r: -int(r[1]))[:12]
            for _, cumulative, name in slowest:
                print(f"{int(cumulative) / 1e6:6.2f} s  {name.rstrip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
