"""The Dask path gives the same figures and findings as the in-memory one."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import figures

dd = pytest.importorskip("dask.dataframe")
dask = pytest.importorskip("dask")


def _findings_key(found: pd.DataFrame) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(row["severity"], row["kind"], tuple(sorted(row["figures"]))) for _, row in found.iterrows()}


def test_dask_extract_and_check_match_pandas(example_articles: pd.DataFrame) -> None:
    """Three partitions of the example corpus give the same figure rows and the same findings."""
    from figures import distributed

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = figures.extract(example_articles)
        ddf = dd.from_pandas(example_articles, npartitions=3)
        with dask.config.set(scheduler="synchronous"):
            got = distributed.extract(ddf).compute()
            found = distributed.check(distributed.extract(ddf))
            status = distributed.article_status(ddf).compute()
    pd.testing.assert_frame_equal(got.sort_index().astype(object), expected.sort_index().astype(object),
                                  check_dtype=False, check_index_type=False, check_frame_type=False)
    assert _findings_key(found) == _findings_key(figures.check(expected))
    assert set(status["article"]) == set(example_articles["id"])
    assert list(status.loc[status["status"] == "error", "article"]) == ["broken-feed-item"]
