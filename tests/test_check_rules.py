"""Each checker rule on realistic text: what it must flag, and what it must leave alone."""

from __future__ import annotations

import pandas as pd
import pytest

import figures
from figures.errors import InputError
from figures.testing import assert_consistent


def findings(*articles: dict, **options: object) -> pd.DataFrame:
    return figures.check(figures.extract(list(articles)), **options)


def kinds(frame: pd.DataFrame, severity: str = "contradiction") -> list[str]:
    return sorted(frame.loc[frame["severity"] == severity, "kind"])


def art(text: str, id: str = "a", date: str = "2023-05-08", source: str = "Wire") -> dict:
    return {"id": id, "text": text, "date": date, "source": source}


# Rule 1 and 2: parts and wholes

def test_a_part_larger_than_its_whole() -> None:
    """"intercepted 45 of the 40 missiles" is flagged, naming both figures."""
    found = findings(art("Air defences intercepted 45 of the 40 missiles, the air force said."))
    assert kinds(found) == ["part_exceeds_whole"]
    row = found.iloc[0]
    assert row["figures"] == ["a:0", "a:1"]
    assert "45 missiles" in row["message"] and "40 missiles" in row["message"] and "air force" in row["message"]


def test_a_share_of_a_counted_kind_is_named_as_a_share() -> None:
    """Two rival percentages of arrested marchers are worded as a share of them, not as a count."""
    found = findings(art("Police said 40% of the protesters were arrested in Lyon on Friday.", id="a", source="A"),
                     art("Organisers said 75% of the protesters were arrested in Lyon on Friday.", id="b",
                         source="B"))
    assert kinds(found) == ["sources_disagree"]
    assert "share of protesters arrested in Lyon" in found.iloc[0]["message"]


def test_parts_that_fit_across_following_sentences() -> None:
    """33 downed, 10 jammed and three turned back of 47 is consistent (46 of 47)."""
    assert_consistent([art("Air defences downed 33 out of 47 drones. 10 of the drones were lost to "
                           "jamming while three turned back.")])


def test_parts_that_add_up_past_the_whole() -> None:
    """48 intercepted and another 15 that hit make 63 of 60: flagged, with the sum."""
    found = findings(art("Of 60 missiles, 48 were intercepted. Another 15 hit their targets."))
    assert kinds(found) == ["parts_exceed_whole"]
    assert "63" in found.iloc[0]["message"] and set(found.iloc[0]["figures"]) == {"a:0", "a:1", "a:2"}


# Rule 3: stated conversions

def test_a_rounded_conversion_is_fine() -> None:
    """"about 120km (75 miles)" passes: 120 km is 74.6 miles."""
    assert_consistent([art("The front runs for about 120km (75 miles).")])


def test_a_wrong_conversion() -> None:
    """"120km (120 miles)" is flagged with the value that would have been right."""
    found = findings(art("The front runs for 120km (120 miles)."))
    assert kinds(found) == ["conversion"]
    assert found.iloc[0]["expected"] == pytest.approx(74.56, abs=0.01)
    assert "74.56 mile" in found.iloc[0]["message"]


def test_currency_conversion_at_the_rate_of_the_article_date() -> None:
    """CAD 20m is USD 14.5m on 2022-10-12 (fine) and not USD 20m (flagged, rate date named)."""
    good = art("Canada sent 20 million Canadian dollars (14.5 million US dollars) in aid.", date="2022-10-12")
    bad = art("Canada sent 20 million Canadian dollars (20 million US dollars) in aid.", id="b", date="2022-10-12")
    assert kinds(findings(good)) == []
    found = findings(bad)
    assert kinds(found) == ["conversion"]
    assert "ECB rate of 2022-10-12" in found.iloc[0]["message"]


def test_a_conversion_without_a_rate_is_unverified_never_a_contradiction() -> None:
    """Rubles in 2023 have no ECB rate: unverified, with the reason."""
    found = findings(art("A court fined him two million rubles (25,000 euros).", date="2023-05-02"))
    assert kinds(found) == [] and kinds(found, "unverified") == ["conversion"]
    assert "2022-03-01" in found.iloc[0]["message"]


def test_a_user_rate_table_makes_a_conversion_checkable() -> None:
    """With a ruble rate supplied, the same conversion is checked (and here it is wrong)."""
    rates = pd.DataFrame({"date": ["2023-05-01"], "currency": ["RUB"], "per_eur": [88.0]})
    found = findings(art("A court fined him two million rubles (25,000 euros).", date="2023-05-02"), rates=rates)
    assert kinds(found) == ["conversion"]


def test_implied_rates_that_disagree_in_one_week_are_a_warning() -> None:
    """Two articles implying 80 and 160 rubles per euro in one week: a warning, not a contradiction."""
    found = findings(art("He was fined two million rubles (25,000 euros).", date="2023-05-02"),
                     art("She was fined four million rubles (25,000 euros).", id="b", date="2023-05-03"))
    assert kinds(found) == [] and kinds(found, "warning") == ["implied_rate"]


def test_implied_rates_are_a_table() -> None:
    """implied_rates lists each stated conversion as a rate with its precision."""
    frame = figures.extract([art("He was fined two million rubles (25,000 euros).", date="2023-05-02")])
    rates = figures.implied_rates(frame)
    assert rates.iloc[0][["currency", "per"]].tolist() == ["EUR", "RUB"]
    assert rates.iloc[0]["rate"] == pytest.approx(0.0125)


# Rules 4 to 6: bounds, sources, time

def test_a_bound_broken_in_the_same_article() -> None:
    """"at least 40 missiles were fired" then "35 missiles were fired" conflict."""
    found = findings(art("At least 40 missiles were fired at Kyiv overnight. Officials later said "
                         "35 missiles were fired at Kyiv."))
    assert kinds(found) == ["figures_disagree"]
    assert "floor of 40" in found.iloc[0]["message"]


def test_more_than_agrees_with_any_larger_figure() -> None:
    """"more than 1,000" agrees with both 1,100 and 3,000."""
    found = findings(art("More than 1,000 people were evacuated from Kharkiv, officials said."),
                     art("Police said 1,100 people were evacuated from Kharkiv.", id="b"),
                     art("Volunteers said 3,000 people were evacuated from Kharkiv.", id="c"))
    assert kinds(found) == ["sources_disagree"]          # 1,100 against 3,000, not the "more than"
    assert "a:0" not in found.iloc[0]["figures"]


def test_vague_and_approximate_figures_agree() -> None:
    """"more than 50", "around 50" and "some 50" countries do not contradict each other."""
    assert_consistent([art("More than 50 countries attended the summit in Kyiv."),
                       art("Around 50 countries attended the summit in Kyiv.", id="b"),
                       art("Some 50 countries attended the summit in Kyiv.", id="c")])


def test_sources_disagree_about_the_same_casualties() -> None:
    """A minister's "exceed 3,000" against intelligence's 1,100: both sources named."""
    found = findings(art("Russian casualties in Bakhmut exceed 3,000, the defence minister said.", source="Monitor"),
                     art("British intelligence put Russian casualties in Bakhmut at 1,100.", id="b", source="Register"))
    assert kinds(found) == ["sources_disagree"]
    message = found.iloc[0]["message"]
    assert "defence minister" in message and "British intelligence" in message and "2023-05-08" in message


def test_crowd_counts_from_police_and_organisers() -> None:
    """Police's "some 20,000" against organisers' 60,000 at the same march is flagged."""
    found = findings(art("Police put the number of protesters in Tbilisi at some 20,000 on Saturday.", date="2023-05-06"),
                     art("Organisers said 60,000 protesters marched in Tbilisi on Saturday.", id="b", date="2023-05-06"))
    assert kinds(found) == ["sources_disagree"]


def test_two_strikes_are_two_events() -> None:
    """Two strikes killing two and three people are not a conflict, in one sentence or two."""
    assert_consistent([art("Two strikes killed two and three people in Kharkiv.")])
    assert_consistent([art("A strike on Kharkiv killed two people. Another strike killed three people.")])
    assert_consistent([art("A strike killed two people in Kharkiv."),
                       art("A strike killed three people in Odesa.", id="b")])


def test_different_things_counted_are_not_compared() -> None:
    """71 drones launched and 39 downed are different quantities."""
    assert kinds(findings(art("Russia launched 71 drones at Kyiv; air defences downed 39 drones over Kyiv."))) == []


def test_a_figure_that_grew_over_days_is_a_warning_with_dates() -> None:
    """3,000 on May 2 then 5,000 exceeded on May 12 is at most a warning, dates given."""
    found = findings(art("Russian casualties in Bakhmut reached 3,000, the defence minister said.", date="2023-05-02"),
                     art("Russian casualties in Bakhmut exceed 5,000, the defence minister said.", id="b", date="2023-05-12"))
    assert kinds(found) == [] and kinds(found, "warning") == ["figure_changed"]
    assert "2023-05-02" in found.iloc[0]["message"] and "2023-05-12" in found.iloc[0]["message"]


def test_figures_months_apart_are_not_compared() -> None:
    """Reports further apart than running_days are different moments, not a conflict."""
    found = findings(art("Russian casualties in Bakhmut reached 3,000.", date="2023-01-02"),
                     art("Russian casualties in Bakhmut reached 9,000.", id="b", date="2023-05-12"))
    assert len(found) == 0


def test_across_articles_a_place_is_required() -> None:
    """Without a place in either report, counts from different articles are not compared."""
    found = findings(art("A strike killed two people, officials said."),
                     art("A strike killed five people, officials said.", id="b"))
    assert len(found) == 0


# The contract

def test_an_empty_frame_gives_empty_findings_with_the_columns() -> None:
    """No figures in, no findings out, same columns."""
    found = figures.check(figures.extract([]))
    assert found.empty and list(found.columns) == list(figures.FINDING_COLUMNS)


def test_check_refuses_a_frame_that_is_not_from_extract() -> None:
    """A frame without the figure columns raises InputError naming what is missing."""
    with pytest.raises(InputError, match="whole"):
        figures.check(pd.DataFrame({"value": [1.0]}))


def test_tolerances_widen_what_agrees() -> None:
    """rel works as in pytest.approx: 39 against 40 passes with rel=0.05."""
    a = art("Air defences downed 39 drones over Kyiv, the air force said.")
    b = art("Air defences downed 40 drones over Kyiv, the air force said.", id="b")
    assert kinds(findings(a, b)) == ["sources_disagree"]
    assert kinds(findings(a, b, rel=0.05)) == []
    with pytest.raises(ValueError, match="negative"):
        findings(a, rel=-1)


def test_rules_can_be_chosen() -> None:
    """rules= runs only the named rules; an unknown name is refused."""
    a = art("Air defences intercepted 45 of the 40 missiles. The front runs for 120km (120 miles).")
    assert kinds(findings(a, rules=("parts",))) == ["part_exceeds_whole"]
    assert kinds(findings(a, rules=("conversions",))) == ["conversion"]
    with pytest.raises(ValueError, match="unknown rule"):
        findings(a, rules=("vibes",))


def test_a_whole_does_not_take_its_parts_predicate() -> None:
    """'39 out of 71' against '40 out of 71' downed: the 39/40 conflict is found, the 71s are totals."""
    found = findings(art("Air defences downed 39 out of 71 drones over Kyiv, the air force said."),
                     art("The air force said air defences downed 40 out of 71 drones over Kyiv.", id="b"))
    assert kinds(found) == ["sources_disagree"]
    assert sorted(found.iloc[0]["figures"]) == ["a:0", "b:0"]


def test_rates_stated_in_the_text_normalise_other_figures_marked_as_such() -> None:
    """A 2023 ruble fine with no ECB rate takes the week's rate the corpus states, and says so."""
    frame = figures.extract([
        art("A court fined him two million rubles (25,000 euros).", date="2023-05-02"),
        art("Another court fined her four million rubles.", id="b", date="2023-05-04"),
    ])
    filled = figures.fill_text_rates(frame)
    assert filled.at["b:0", "base_value"] == pytest.approx(50_000)
    assert "rate implied by the text: 1 EUR = 80 RUB from a:1 (article a, 2023-05-02)" == filled.at["b:0", "base_note"]
    assert pd.isna(filled.at["a:0", "base_value"])            # the stating figure stays unverifiable


def test_text_rates_make_money_figures_comparable() -> None:
    """Two reports of one sum in rubles and in euros, in a week the ECB has no ruble rate, are compared."""
    found = findings(art("He paid two million rubles (25,000 euros) for the Moscow flat, officials said.",
                         date="2023-05-02"),
                     art("In Moscow, the flat cost him 5 million rubles, officials said.", id="b", date="2023-05-03"),
                     art("In Moscow, the flat cost him 62,500 euros, his lawyer said.", id="c", date="2023-05-03"))
    assert kinds(found) == [], found["message"].tolist()
    wrong = findings(art("He paid two million rubles (25,000 euros) for the Moscow flat, officials said.",
                         date="2023-05-02"),
                     art("In Moscow, the flat cost him 5 million rubles, officials said.", id="b", date="2023-05-03"),
                     art("In Moscow, the flat cost him 90,000 euros, his lawyer said.", id="c", date="2023-05-03"))
    assert kinds(wrong) == ["sources_disagree"]
    message = wrong.loc[wrong["severity"] == "contradiction", "message"].item()
    assert "62,500 EUR (rate implied by the text: 1 EUR = 80 RUB from a:1" in message
    assert "90,000 EUR" in message


# Rule 7: parts given together against a count of both

def test_killed_and_wounded_above_a_count_of_both_is_flagged_as_a_warning() -> None:
    """14 killed and 45 wounded make 59: another report's 35 casualties that day is flagged, as a warning
    (a count of both may be another incident's); the same in any row order."""
    frame = figures.extract([art("Officials said 14 people were killed and 45 wounded in Veltava on Tuesday.",
                                 id="a", source="A"),
                             art("Shelling caused 35 casualties in Veltava on Tuesday, the governor said.", id="b",
                                 source="B")])
    found = figures.check(frame)
    assert kinds(found) == [] and kinds(found, "warning") == ["sum_disagrees"]
    reversed_rows = figures.check(frame.iloc[::-1])
    assert reversed_rows[["kind", "severity", "message"]].equals(found[["kind", "severity", "message"]])
    row = found.iloc[0]
    assert set(row["figures"]) == {"a:0", "a:1", "b:0"} and row["observed"] == 59 and row["expected"] == 35
    assert '"14 people" killed and "45" injured' in row["message"] and "make 59" in row["message"]


def test_a_count_of_both_above_the_parts_is_only_a_warning() -> None:
    """120 casualties against 14 killed and 45 wounded may count the missing too: a warning, never more."""
    found = findings(art("Officials said 14 people were killed and 45 wounded in Veltava on Tuesday.", id="a",
                         source="A"),
                     art("Shelling caused 120 casualties in Veltava on Tuesday, the governor said.", id="b", source="B"))
    assert kinds(found) == [] and kinds(found, "warning") == ["sum_disagrees"]
    assert "often take in the missing" in found.iloc[0]["message"]
