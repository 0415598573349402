"""Generated consistent figures are never flagged; generated contradictions always are."""

from __future__ import annotations

from hypothesis import given, settings

import figures
from figures.strategies import PlantedArticles, conversion_articles, part_whole_articles, source_pair_articles


def _contradictions(planted: PlantedArticles) -> list[str]:
    findings = figures.check(figures.extract(list(planted.articles)))
    return list(findings.loc[findings["severity"] == "contradiction", "kind"])


@settings(max_examples=60, deadline=None)
@given(part_whole_articles(contradiction=False))
def test_parts_within_their_whole_are_never_flagged(planted: PlantedArticles) -> None:
    """Parts that fit in their whole give no contradiction."""
    assert _contradictions(planted) == []


@settings(max_examples=60, deadline=None)
@given(part_whole_articles(contradiction=True))
def test_a_part_larger_than_its_whole_is_always_flagged(planted: PlantedArticles) -> None:
    """A part larger than its whole is flagged, once."""
    assert _contradictions(planted) == ["part_exceeds_whole"]


@settings(max_examples=60, deadline=None)
@given(conversion_articles(contradiction=False))
def test_correct_conversions_are_never_flagged(planted: PlantedArticles) -> None:
    """Kilometres restated in correctly rounded miles give no contradiction."""
    assert _contradictions(planted) == []


@settings(max_examples=60, deadline=None)
@given(conversion_articles(contradiction=True))
def test_wrong_conversions_are_always_flagged(planted: PlantedArticles) -> None:
    """Kilometres restated at a wrong factor are flagged as a wrong conversion."""
    assert _contradictions(planted) == ["conversion"]


@settings(max_examples=60, deadline=None)
@given(source_pair_articles(contradiction=False))
def test_agreeing_sources_are_never_flagged(planted: PlantedArticles) -> None:
    """Two outlets giving the same count, or a bound the other count meets, are consistent."""
    assert _contradictions(planted) == []


@settings(max_examples=60, deadline=None)
@given(source_pair_articles(contradiction=True))
def test_disagreeing_sources_are_always_flagged(planted: PlantedArticles) -> None:
    """Two outlets' counts of the same evacuation that cannot both hold are flagged once."""
    assert _contradictions(planted) == ["sources_disagree"]


def test_strategies_check_their_arguments_when_called() -> None:
    """A wrong argument fails at once, not deep inside a test run."""
    import pytest

    from figures.strategies import written_numbers

    for build in (part_whole_articles, conversion_articles, source_pair_articles):
        with pytest.raises(TypeError, match="must be a bool"):
            build(contradiction="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_value"):
        written_numbers(max_value=0)
