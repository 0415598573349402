"""check refuses what it cannot read, up front, and finds the same whatever the frame's labels or pieces."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import json
import math
from pathlib import Path
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import figures
from figures import checks
from figures.errors import InputError, SettingsError, SettingsTypeError

_ARTICLES = [
    {"id": "a", "date": "2023-05-08", "source": "Wire",
     "text": "Air defences intercepted 45 of the 40 missiles over Kyiv, the air force said. The front runs "
             "for 120km (120 miles)."},
    {"id": "b", "date": "2023-05-08", "source": "Daily",
     "text": "Of 60 missiles, 48 were intercepted over Kyiv. Another 15 hit their targets."},
    {"id": "c", "date": "2023-05-08", "source": "Ledger", "text": "Police said 300 people marched in Tbilisi."},
    {"id": "d", "date": "2023-05-08", "source": "Monitor", "text": "Organisers said 3,000 people marched in Tbilisi."},
]


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return figures.extract(_ARTICLES)


@pytest.fixture(scope="module")
def expected(frame: pd.DataFrame) -> pd.DataFrame:
    found = figures.check(frame)
    assert set(found["kind"]) == {"part_exceeds_whole", "parts_exceed_whole", "conversion", "sources_disagree"}
    return found


def _same(found: pd.DataFrame, expected: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(pd.DataFrame(found), pd.DataFrame(expected))


def test_a_reset_index_frame_is_read_by_its_figure_column(frame: pd.DataFrame, expected: pd.DataFrame) -> None:
    """After reset_index() the 'figure' column gives the labels: no finding is lost."""
    _same(figures.check(frame.reset_index()), expected)


@pytest.mark.parametrize("relabel", [
    lambda f: f.reset_index(drop=True),
    lambda f: pd.concat([f.iloc[:3], f.iloc[3:]], ignore_index=True),
])
def test_a_frame_that_lost_its_labels_is_refused(frame: pd.DataFrame, relabel) -> None:  # type: ignore[no-untyped-def]
    """Numbered rows (reset_index(drop=True), concat(ignore_index=True)) are an InputError, not fewer findings."""
    with pytest.raises(InputError, match="numbered, not labelled by figure"):
        figures.check(relabel(frame))


def test_links_that_point_at_no_row_are_refused(frame: pd.DataFrame) -> None:
    """String labels that no whole or conversion link resolves to mean the labels were replaced."""
    renamed = frame.set_axis([f"row-{n}" for n in range(len(frame))])
    with pytest.raises(InputError, match="not labelled by figure"):
        figures.check(renamed)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(alphabet="abcxyz:-_0123456789 ", min_size=1, max_size=6), min_size=12, max_size=12,
                unique=True))
def test_findings_do_not_depend_on_the_label_names(names: list[str]) -> None:
    """Renaming every label (and the links to it) renames the findings' labels and changes nothing else."""
    frame = figures.extract(_ARTICLES)
    assert len(frame) <= len(names)
    rename = dict(zip(frame.index, names))
    renamed = frame.rename(index=rename).assign(whole=frame["whole"].map(rename).to_numpy(),
                                                converts=frame["converts"].map(rename).to_numpy())
    assert renamed["whole"].notna().sum() == frame["whole"].notna().sum() > 0
    expected = pd.DataFrame(figures.check(frame))
    expected["figures"] = [[rename[label] for label in labels] for labels in expected["figures"]]
    expected["quotes"] = [[{**q, "figure": rename[q["figure"]]} for q in quotes] for quotes in expected["quotes"]]
    found = pd.DataFrame(figures.check(renamed))
    key = lambda f: sorted(zip(f["kind"], f["message"], map(sorted, f["figures"])))  # noqa: E731
    assert key(found) == key(expected)


@contextmanager
def _chunk_rows(rows: int) -> Iterator[None]:
    """`checks.CHUNK_ROWS` set to `rows` for the block (hypothesis tests cannot take monkeypatch)."""
    original = checks.CHUNK_ROWS
    checks.CHUNK_ROWS = rows
    try:
        yield
    finally:
        checks.CHUNK_ROWS = original


@settings(max_examples=10, deadline=None)
@given(st.integers(min_value=1, max_value=12))
def test_findings_do_not_depend_on_the_article_chunks(rows: int) -> None:
    """Within-article rules read chunks of whole articles: any chunk size gives the same findings."""
    frame = figures.extract(_ARTICLES)
    whole = figures.check(frame)
    with _chunk_rows(rows):
        _same(figures.check(frame), whole)


def test_a_frame_read_back_from_csv_gives_the_same_findings(frame: pd.DataFrame, expected: pd.DataFrame,
                                                             tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Text dates, NaN for None and str columns from a csv are brought back to the schema's dtypes."""
    path = tmp_path / "figures.csv"
    frame.reset_index().to_csv(path, index=False)
    _same(figures.check(pd.read_csv(path)), expected)


@pytest.mark.parametrize("column, value, message", [
    ("value", "many", "column 'value'"), ("date", "the day after", "column 'date'"),
    ("strict", "perhaps", "column 'strict'"),
])
def test_a_column_of_the_wrong_type_is_named(frame: pd.DataFrame, column: str, value: str, message: str) -> None:
    """A column that cannot hold its schema type raises an InputError naming the column."""
    broken = frame.astype({column: object})
    broken.iloc[0, broken.columns.get_loc(column)] = value
    with pytest.raises(InputError, match=message):
        figures.check(broken)


@pytest.mark.parametrize("given", [None, "Five drones.", [1, 2], {"value": [1]}])
def test_check_of_something_that_is_not_a_frame(given: object) -> None:
    """check(None), a string, a list or a dict is an InputError saying check wants extract's frame."""
    with pytest.raises(InputError, match="check needs the frame figures.extract returns"):
        figures.check(given)  # type: ignore[arg-type]


@pytest.mark.parametrize("options, error, message", [
    ({"rel": math.nan}, SettingsError, "rel must be a finite number"),
    ({"abs": math.inf}, SettingsError, "abs must be a finite number"),
    ({"approx_rel": "10%"}, SettingsTypeError, "approx_rel must be a number"),
    ({"rate_rel": True}, SettingsTypeError, "rate_rel must be a number"),
    ({"running_days": 1.5}, SettingsTypeError, "running_days must be a whole number"),
    ({"rules": "parts"}, SettingsTypeError, r"rules=\('parts',\)"),
    ({"rules": ["parts", "spelling"]}, SettingsError, r"unknown rule\(s\) \['spelling'\]"),
    ({"text_rates": "yes"}, SettingsTypeError, "text_rates must be True or False"),
    ({"base_currency": "eur"}, SettingsError, "base_currency"),
    ({"rates": {"USD": 1.1}}, SettingsTypeError, "rates must be None, a frame"),
])
def test_bad_check_settings_are_refused_before_any_work(frame: pd.DataFrame, options: dict, error: type,
                                                        message: str) -> None:
    """Each check setting is validated up front with a SettingsError naming it."""
    with pytest.raises(error, match=message):
        figures.check(frame, **options)


def test_rules_are_chosen_by_name_or_by_registry_entry(frame: pd.DataFrame) -> None:
    """rules= takes names or Rule entries of the registry, and runs only those."""
    parts = [r for r in checks.RULES if r.name == "parts"]
    by_entry = figures.check(frame, rules=parts)
    assert set(by_entry["kind"]) == {"part_exceeds_whole", "parts_exceed_whole"}
    _same(by_entry, figures.check(frame, rules=["parts"]))


def test_the_docs_show_the_registry() -> None:
    """docs/checking.md holds the registry's table, so a new rule cannot go undocumented."""
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "checking.md").read_text(encoding="utf-8")
    assert checks.rules_markdown() in docs


def test_assertion_hints_come_from_the_registry(frame: pd.DataFrame) -> None:
    """Every contradiction's assertion message ends with its rule's hint of what would be consistent."""
    from figures.testing import assert_consistent

    with warnings.catch_warnings(), pytest.raises(AssertionError) as failed:
        warnings.simplefilter("ignore")
        assert_consistent(frame)
    message = str(failed.value)
    assert "consistent would be: a part of at most 40" in message
    assert "consistent would be: about 74.56 mile" in message


@settings(max_examples=8, deadline=None)
@given(st.integers(min_value=3, max_value=40), st.randoms(use_true_random=False))
def test_a_grouped_rule_reads_chunks_in_the_frame_s_own_order(rows: int, rng) -> None:  # type: ignore[no-untyped-def]
    """The agreement rule prepares chunks of whole articles: on rows in any order, small chunks give
    what one chunk gives (the prepared chunks are put back in the frame's order before comparing)."""
    frame = _example_frame()
    order = list(range(len(frame)))
    rng.shuffle(order)
    shuffled = frame.iloc[order]
    whole = figures.check(shuffled)
    assert (whole["kind"] == "sources_disagree").any()
    with _chunk_rows(rows):
        _same(figures.check(shuffled), whole)


_EXAMPLE_FRAME: list[pd.DataFrame] = []


def _example_frame() -> pd.DataFrame:
    if not _EXAMPLE_FRAME:            # the example corpus and the golden checking cases, ids kept apart
        here = Path(__file__).parent
        articles = pd.read_json(here.parent / "examples" / "corpus" / "articles.jsonl", lines=True, dtype={"date": str})
        cases = [json.loads(line) for line in (here / "corpus" / "checking.jsonl").read_text().splitlines() if line]
        golden = pd.DataFrame([{**a, "id": f"case{n}-{a['id']}"} for n, case in enumerate(cases) for a in case["articles"]])
        articles = pd.concat([articles, golden], ignore_index=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _EXAMPLE_FRAME.append(figures.extract(articles))
    return _EXAMPLE_FRAME[0]


@pytest.mark.parametrize("enabled", [True, False])
def test_check_leaves_the_cycle_collector_as_it_found_it(enabled: bool) -> None:
    """The agreement rule pauses Python's cycle collector while it groups records; it restores it."""
    import gc

    frame = figures.extract([{"id": "a", "date": "2024-05-08", "source": "A",
                              "text": "Police said 2,000 people marched in Lyon on Tuesday."},
                             {"id": "b", "date": "2024-05-08", "source": "B",
                              "text": "Police said 9,000 people marched in Lyon on Tuesday."}])
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert len(figures.check(frame)) == 1
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
