"""The per-article status rides beside the figures frame, by reference, and never in `frame.attrs`."""

from __future__ import annotations

import copy
import warnings

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import figures
from figures.errors import ArticleError, InputError

_REPORTS = [
    {"id": "kyiv", "text": "Air defences downed 39 out of 71 drones over Kyiv, the air force said."},
    {"id": "empty", "text": None},
    {"id": "calm", "text": "Nothing was counted today."},
]


def _extract(articles: list[dict]) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return figures.extract(articles)


def test_the_status_is_not_in_attrs_so_pandas_never_copies_it() -> None:
    """extract leaves frame.attrs empty, so row access and derived frames copy nothing per article."""
    frame = _extract(_REPORTS)
    assert frame.attrs == {}
    assert list(figures.article_status(frame)["article"]) == ["kyiv", "empty", "calm"]


def test_slices_copies_and_rows_carry_the_same_status_object() -> None:
    """Slicing, copying and filtering hand on the one immutable status object, not a copy of it."""
    frame = _extract(_REPORTS)
    status = frame._articles
    for derived in (frame.iloc[:1], frame.copy(), frame.copy(deep=True), frame[frame["value"] > 50],
                    frame.reset_index(), frame.sort_values("value"), copy.deepcopy(frame)):
        assert derived._articles is status
    assert copy.deepcopy(status) is status
    with pytest.raises(AttributeError):
        status.article = ()  # type: ignore[misc]


def test_concat_of_two_extracts_lists_the_articles_of_both() -> None:
    """pd.concat of two extract results carries the status of every article of both runs."""
    first = _extract(_REPORTS[:2])
    second = _extract([{"id": "lviv", "text": "Police said 12 people were hurt in Lviv."}])
    both = pd.concat([first, second])
    status = figures.article_status(both)
    assert list(status["article"]) == ["kyiv", "empty", "lviv"]
    assert list(status["status"]) == ["ok", "error", "ok"]
    assert figures.article_status(pd.concat([first, first.iloc[:1]]))["article"].tolist() == ["kyiv", "empty"]


def test_a_frame_rebuilt_from_values_says_it_has_no_status() -> None:
    """A plain DataFrame rebuilt from the values raises an InputError that says why, not a KeyError."""
    with pytest.raises(InputError, match="rebuilt from its values"):
        figures.article_status(pd.DataFrame({"value": [1.0]}))


@given(st.lists(st.sampled_from(["Five drones.", "", None, 42, "Police said 300 people marched, then 20 left."]),
                max_size=8))
def test_extract_never_loses_an_article(texts: list[object]) -> None:
    """Whatever mix of good, empty and unreadable articles goes in, each is listed once, in order."""
    frame = _extract([{"id": f"a{n}", "text": t} for n, t in enumerate(texts)])
    status = figures.article_status(frame)
    assert list(status["article"]) == [f"a{n}" for n in range(len(texts))]
    assert status["figures"].sum() == len(frame)
    assert set(status.loc[status["status"] == "error", "article"]) == {
        f"a{n}" for n, t in enumerate(texts) if not isinstance(t, str)}


@pytest.mark.parametrize("enabled", [True, False])
def test_extract_leaves_the_cycle_collector_as_it_found_it(enabled: bool) -> None:
    """Reading pauses Python's cycle collector (the records hold no cycles); it must come back as it
    was, also when an article fails and the error is raised."""
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        figures.extract(["Crews saved 12 homes.", "Five roads shut."])
        assert gc.isenabled() is enabled
        with pytest.raises(ArticleError):
            figures.extract(["Crews saved 12 homes.", None], errors="raise")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
