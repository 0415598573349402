"""The figures frame stays under a kilobyte a figure, and its categorical columns survive being joined."""

from __future__ import annotations

import warnings

import pandas as pd

import figures
from figures.extraction import concat_figures
from figures.model import FIGURE_COLUMNS


def _corpus(example_articles: pd.DataFrame, copies: int) -> pd.DataFrame:
    return pd.concat([example_articles.assign(id=example_articles["id"] + f"-{n}") for n in range(copies)],
                     ignore_index=True)


def _extract(articles: object) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return figures.extract(articles)


def test_a_figure_costs_under_a_kilobyte(example_articles: pd.DataFrame) -> None:
    """Fifty copies of the example corpus take under 1,000 bytes a figure (deep memory, index included)."""
    frame = _extract(_corpus(example_articles, 50))
    assert len(frame) == 50 * len(_extract(example_articles))
    assert frame.memory_usage(deep=True).sum() / len(frame) < 1000


def test_the_schema_gives_each_column_its_dtype(example_articles: pd.DataFrame) -> None:
    """extract returns exactly FIGURE_COLUMNS' dtypes, categorical ones included, even when empty."""
    for frame in (_extract(example_articles), _extract([])):
        assert {c: str(t) for c, t in frame.dtypes.items()} == FIGURE_COLUMNS


def test_missing_values_stay_none_where_code_tests_truth(example_articles: pd.DataFrame) -> None:
    """A figure's optional fields (change, whole, per, source) hold None, so `if row.change:` still works."""
    frame = _extract(example_articles)
    for column in ("change", "whole", "converts", "per", "source"):
        assert all(v is None or isinstance(v, str) for v in frame[column]), column
    assert frame["whole"].isna().any() and frame["whole"].notna().any()


def test_a_missing_outlet_is_missing_in_the_categorical_column() -> None:
    """An article without an outlet has a missing outlet (not the text 'None') beside one that has one."""
    frame = _extract([{"id": "a", "text": "Five drones."}, {"id": "b", "text": "Six drones.", "source": "Wire"}])
    assert frame["outlet"].isna().tolist() == [True, False] and frame["outlet"].iloc[1] == "Wire"


def test_concat_figures_keeps_the_categories_and_every_article(example_articles: pd.DataFrame) -> None:
    """Chunks joined by concat_figures stay categorical, equal pd.concat's values and list every article."""
    first, second = _extract(example_articles.iloc[:6]), _extract(example_articles.iloc[6:])
    joined = concat_figures([first, second])
    assert {c for c, t in joined.dtypes.items() if str(t) == "category"} == {
        c for c, t in FIGURE_COLUMNS.items() if t == "category"}
    pd.testing.assert_frame_equal(joined.astype(object), pd.concat([first, second]).astype(object))
    assert list(figures.article_status(joined)["article"]) == list(example_articles["id"])
    assert concat_figures([]).empty
