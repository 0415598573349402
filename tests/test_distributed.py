"""The Dask path gives the same figures and findings as the in-memory one, whatever the partitioning."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figures
from figures import checks
from figures.checks.findings import WARNING, Finding
from figures.errors import InputError, MissingExtraError

dd = pytest.importorskip("dask.dataframe")
dask = pytest.importorskip("dask")

HERE = Path(__file__).parent


def _corpus(example_articles: pd.DataFrame) -> pd.DataFrame:
    """The example and cyclone corpora, with a few more reports of the same events, shuffled together
    so that partitions mix outlets and events."""
    cyclone = pd.read_json(HERE / "corpus" / "cyclone.jsonl", lines=True, dtype={"date": str})
    more = pd.DataFrame([
        {"id": "extra-1", "date": "2023-05-08", "source": "Harbour Times",
         "text": "Air defences downed 44 out of 71 drones over Kyiv overnight, the air force said."},
        {"id": "extra-2", "date": "2023-05-09", "source": "Gulf Wire",
         "text": "In Kyiv, 14 people were killed in the attack, regional police said on Tuesday."},
        {"id": "extra-3", "date": "2023-03-02", "source": "Baltic Monitor",
         "text": "The grant of three million rubles (40,000 euros) was paid on Thursday."},
    ])
    both = pd.concat([example_articles, cyclone, more], ignore_index=True)
    return both.sample(frac=1.0, random_state=7).reset_index(drop=True)


def _quiet(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _same(found: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(pd.DataFrame(found), pd.DataFrame(expected), check_frame_type=False)


@pytest.fixture(scope="module")
def corpus(example_articles: pd.DataFrame) -> pd.DataFrame:
    return _corpus(example_articles)


@pytest.fixture(scope="module")
def in_memory(corpus: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    figs = _quiet(figures.extract, corpus)
    return figs, figures.check(figs)


def test_dask_extract_gives_the_pandas_rows_and_statuses(corpus: pd.DataFrame, example_articles: pd.DataFrame,
                                                         in_memory: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    """Three partitions give the same figure rows and every article's status, the broken one included."""
    from figures import distributed

    ddf = dd.from_pandas(corpus, npartitions=3)
    with dask.config.set(scheduler="synchronous"):
        got = _quiet(distributed.extract(ddf).compute)
        status = _quiet(distributed.article_status(ddf).compute)
    expected = in_memory[0]
    pd.testing.assert_frame_equal(got.sort_index().astype(object), expected.sort_index().astype(object),
                                  check_dtype=False, check_index_type=False, check_frame_type=False)
    assert set(status["article"]) == set(corpus["id"])
    assert list(status.loc[status["status"] == "error", "article"]) == ["broken-feed-item"]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(npartitions=st.integers(min_value=1, max_value=9))
def test_dask_findings_equal_pandas_whatever_the_partitioning(npartitions: int, corpus: pd.DataFrame,
                                                              in_memory: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    """Findings, their messages, quotes and order are exactly figures.check's for any partition count."""
    from figures import distributed

    expected = in_memory[1]
    assert {"conversion", "parts_exceed_whole", "sources_disagree", "figure_changed"} <= set(expected["kind"])
    with dask.config.set(scheduler="synchronous"):
        found = _quiet(distributed.check, distributed.extract(dd.from_pandas(corpus, npartitions=npartitions)))
    _same(found, expected)


def test_on_a_local_cluster_of_two_worker_processes(corpus: pd.DataFrame,
                                                    in_memory: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    """Two worker processes of a dask.distributed LocalCluster give figures.check's findings."""
    distributed_dask = pytest.importorskip("dask.distributed")
    from figures import distributed

    with distributed_dask.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1GiB",
                                       dashboard_address=None) as cluster, distributed_dask.Client(cluster):
        found = _quiet(distributed.check, distributed.extract(dd.from_pandas(corpus, npartitions=4)))
    _same(found, in_memory[1])


def _flag_big(frame: pd.DataFrame, tol: checks.Tolerances) -> list[Finding]:
    big = frame[frame["value"] > 100_000]
    return [Finding(kind="big_figure", severity=WARNING, figures=(label,), message="a big figure",
                    articles=(row["article"],)) for label, row in big.iterrows()]


@pytest.mark.parametrize("scope", [checks.WithinArticle(), checks.Gathered(lambda f: f[f["value"] > 100_000]),
                                   checks.Grouped("dimension", lambda f: f)])
def test_a_new_rule_in_the_registry_runs_in_memory_and_on_dask(scope: object, corpus: pd.DataFrame,
                                                               in_memory: tuple[pd.DataFrame, pd.DataFrame],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule added to RULES, with any scope, is run by check and by distributed.check alike."""
    from figures import distributed

    rule = checks.Rule("big", _flag_big, scope, ("big_figure",), lambda f: "", "figures above 100,000")  # type: ignore[arg-type]
    monkeypatch.setattr(checks, "RULES", (*checks.RULES, rule))
    expected = figures.check(in_memory[0])
    assert (expected["kind"] == "big_figure").sum() == (in_memory[0]["value"] > 100_000).sum() > 0
    with dask.config.set(scheduler="synchronous"):
        found = _quiet(distributed.check, distributed.extract(dd.from_pandas(corpus, npartitions=3)))
    _same(found, expected)


def test_every_registered_rule_has_a_scope_dask_can_run() -> None:
    """Each rule of the registry has one of the three scopes, its finding kinds, a hint and a doc line."""
    assert [rule.name for rule in checks.RULES] == list(checks.RULE_NAMES)
    for rule in checks.RULES:
        assert isinstance(rule.scope, (checks.WithinArticle, checks.Gathered, checks.Grouped))
        assert rule.kinds and rule.doc and callable(rule.function) and callable(rule.hint)
    kinds = [k for rule in checks.RULES for k in rule.kinds]
    assert len(kinds) == len(set(kinds))


def test_distributed_on_a_pandas_frame_says_what_it_wants(example_articles: pd.DataFrame) -> None:
    """A pandas frame passed to distributed.extract or check is an InputError naming the Dask call to make."""
    from figures import distributed

    with pytest.raises(InputError, match=r"needs a Dask DataFrame, not DataFrame: dd\.from_pandas"):
        distributed.extract(example_articles)
    with pytest.raises(InputError, match="use figures.check"):
        distributed.check(_quiet(figures.extract, example_articles))


def test_distributed_checks_its_options_before_building_the_graph(corpus: pd.DataFrame) -> None:
    """Bad check options fail at the call, not inside a worker later."""
    from figures import distributed

    figs = distributed.extract(dd.from_pandas(corpus, npartitions=2))
    with pytest.raises(figures.errors.SettingsTypeError, match="rules must be"):  # type: ignore[attr-defined]
        distributed.check(figs, rules="parts")
    with pytest.raises(TypeError, match="unexpected option"):
        distributed.check(figs, tolerance=0.1)


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """With dask missing, distributed says to pip install 'newsfigures[dask]'."""
    import builtins

    from figures import distributed

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("dask"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    monkeypatch.setattr("importlib.import_module", lambda name: no_dask(name))
    with pytest.raises(MissingExtraError, match=r"pip install 'newsfigures\[dask\]'"):
        distributed.extract(pd.DataFrame({"text": ["Five drones."]}))


def test_findings_serialise_as_json(in_memory: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    """Findings computed on Dask are plain data: lists and dicts that json can write."""
    json.dumps(pd.DataFrame(in_memory[1]).to_dict("records"), default=str)


def test_an_id_used_in_two_partitions_is_refused(corpus: pd.DataFrame) -> None:
    """The same articles twice (two files) give one clear InputError, not a failure inside a worker."""
    from figures import distributed

    twice = dd.concat([dd.from_pandas(corpus.iloc[:5], npartitions=1), dd.from_pandas(corpus.iloc[:5], npartitions=1)])
    with dask.config.set(scheduler="synchronous"), pytest.raises(InputError, match="an article id is used twice"):
        _quiet(distributed.check, distributed.extract(twice))


REALNEWS = HERE.parent.parent / "shared" / "benchmarks" / "realnews" / "articles.jsonl"


@pytest.mark.skipif(not REALNEWS.exists(), reason="the shared realnews set sits beside the project")
def test_real_coverage_gives_the_same_findings_on_a_cluster_as_in_memory() -> None:
    """On the shared real-news set (read in place, never copied), two worker processes of a LocalCluster,
    with the articles spread over five partitions, give exactly figures.check's findings: figures of one
    quantity are brought together by key across partitions, and so are a place's count and the total."""
    distributed_dask = pytest.importorskip("dask.distributed")
    from figures import distributed

    rows = [json.loads(line) for line in REALNEWS.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = pd.DataFrame([{"id": r["id"], "text": r["text"], "source": r["source"], "date": r["date"]}
                             for r in rows]).sample(frac=1.0, random_state=3).reset_index(drop=True)
    expected = _quiet(figures.check, _quiet(figures.extract, articles))
    assert (expected["severity"] == "contradiction").sum() >= 10       # a set with real disagreements in it
    with distributed_dask.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="2GiB",
                                       dashboard_address=None) as cluster, distributed_dask.Client(cluster):
        found = _quiet(distributed.check, distributed.extract(dd.from_pandas(articles, npartitions=5)))
    _same(found, expected)
