"""Where Dask starts to pay: extract and check in one process against a LocalCluster of 1 and 2 workers.

    python benchmarks/scale_out.py [--articles 2500 5000 10000 20000] [--per-file 1250]

Generates news-like articles (reports of strikes, evacuations and aid from several outlets, with
parts of wholes, conversions and some disagreements), writes them to parquet files of `--per-file`
articles, and times, for each corpus size:

- pandas: `figures.check(figures.extract(articles))` in this process;
- dask 1 and dask 2: `distributed.check(distributed.extract(dd.read_parquet(...)))` on a
  dask.distributed LocalCluster of 1 or 2 worker processes (one thread each), reading the files
  included. Cluster start-up is excluded, and every process (this one and each worker) has read one
  file before the clock starts, as a long-lived process would have: the cost measured is the corpus's.

Each Dask result is compared with the pandas one (the same findings frame) before its time counts.
Needs the `dask` extra (dask[distributed]) and pyarrow.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

import figures

OUTLETS = ("Continental Wire", "Dnipro Daily", "Eastern Ledger", "Baltic Monitor", "Harbour Times", "Gulf Wire")
PLACES = ("Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Tbilisi", "Port Elara", "Zaporizhzhia")
SOURCES = ("the air force", "regional police", "the governor", "the city administration", "rescuers")


def article(n: int, rng: random.Random) -> dict[str, str]:
    """One report about the events of one day in one place, worded by one outlet."""
    event = n // 6                                    # about six outlets report each event
    day = pd.Timestamp("2020-01-01") + pd.Timedelta(days=event // len(PLACES))   # one a day in each place
    place = PLACES[event % len(PLACES)]
    truth = random.Random(event)                      # what happened: the same for every outlet
    launched, killed, km = truth.randint(20, 90), truth.randint(1, 40), truth.randint(10, 400)
    downed = launched - truth.randint(0, 15)
    if rng.random() < 0.08:
        killed += rng.randint(5, 30)                  # an outlet with another count
    sentences = [
        f"Air defences downed {downed} out of {launched} drones over {place} overnight, {rng.choice(SOURCES)} said.",
        f"At least {killed} people were killed in {place}, according to {rng.choice(SOURCES)}.",
        f"The front line now runs for about {km}km ({round(km / 1.609344)} miles) north of the city.",
        f"Rescuers said {truth.randint(100, 5000):,} people were evacuated from {place} on {day:%A}.",
        f"The government pledged {truth.randint(2, 90)} million euros in aid for {place}.",
    ]
    rng.shuffle(sentences)
    return {"id": f"a{n}", "date": f"{day:%Y-%m-%d}", "source": OUTLETS[n % len(OUTLETS)],
            "text": " ".join(sentences[:rng.randint(3, 5)])}


def corpus(size: int, seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame([article(n, rng) for n in range(size)])


def _warm_up(path: str) -> None:
    """Load what a first extraction loads (tables, pint's registry, the ECB rates) in this process."""
    figures.check(figures.extract(pd.read_parquet(path)))


def _timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[2500, 5000, 10000, 20000])
    ap.add_argument("--per-file", type=int, default=1250, help="articles per parquet file (a Dask partition)")
    opt = ap.parse_args(argv)
    warnings.simplefilter("ignore")
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    from figures import distributed

    print(f"{'articles':>9} {'figures':>8} {'findings':>8} {'pandas':>8} {'dask 1':>8} {'dask 2':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in opt.articles:
            articles = corpus(size)
            files = Path(folder) / f"corpus-{size}"
            files.mkdir()
            for start in range(0, size, opt.per_file):
                articles.iloc[start:start + opt.per_file].to_parquet(files / f"part-{start:07d}.parquet")
            warm = str(files / "part-0000000.parquet")      # tables, pint and rates loaded before timing
            _warm_up(warm)
            alone, (frame, expected) = _timed(lambda: (lambda f: (f, figures.check(f)))(figures.extract(articles)))
            times = []
            for workers in (1, 2):
                with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
                    client.run(_warm_up, warm)
                    took, found = _timed(lambda: distributed.check(distributed.extract(
                        dd.read_parquet(str(files / "*.parquet")))))
                pd.testing.assert_frame_equal(pd.DataFrame(found), pd.DataFrame(expected))
                times.append(took)
            print(f"{size:>9,} {len(frame):>8,} {len(expected):>8,} {alone:>7.1f}s {times[0]:>7.1f}s "
                  f"{times[1]:>7.1f}s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
