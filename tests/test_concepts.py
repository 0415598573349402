"""The concept column: the noun phrases a figure is said about, nearest first."""

from __future__ import annotations

import pytest

import figures


def concept_of(text: str, surface: str) -> list[str]:
    frame = figures.extract(text)
    rows = frame[frame["surface"] == surface]
    assert len(rows) == 1, f"{surface!r} not found once in {list(frame['surface'])}"
    concept = rows.iloc[0]["concept"]
    return concept.split(", ") if isinstance(concept, str) else []


@pytest.mark.parametrize(
    ("text", "surface", "first"),
    [
        ("Nvidia advanced 8%, Qualcomm rose under 4%, and Broadcom gained 3%.", "under 4%", "Qualcomm"),
        ("Gains were led by a rally in bank stocks, which were up 2.8%.", "2.8%", "bank stocks"),
        ("He was traveling at a speed of 15 to 22 miles per hour.", "15 to 22 miles per hour", "speed"),
        ("Top relievers: RHP John Gant (0.5 WAR), LHP Andrew Miller (0.3 WAR).", "0.3", "LHP Andrew Miller"),
        ("The biggest fallers were Unite Group, down 68p, and JD Sports, down 1.95p.", "1.95p", "JD Sports"),
        ("Pension Credit was set to rise by 10.1 percent next year.", "10.1 percent", "Pension Credit"),
        ("The benchmark index ended down 1%, while the TA-125 lost 1.1% to end the day.", "1.1%", "TA-125"),
        ("The shares surged on the news and they were up 5pc by noon.", "5pc", "shares"),
        ("The takeover sent the shares surging and they were up 5pc when it closed.", "5pc", "shares"),
        ("Britain can borrow at an interest rate of 1.38pc this week.", "1.38pc", "interest rate"),
        ("Inflation in the eurozone eased to 2.4% in November, Eurostat said.", "2.4%", "Inflation in the eurozone"),
        ("BP weighed on the FTSE 100, which closed 0.5% lower at 7,450.", "0.5%", "FTSE 100"),
        ("The deal, worth 20 million Canadian dollars, covers the forest.", "20 million Canadian dollars", "deal"),
        ("Ukraine's air force said it shot down 33 out of 47 drones.", "33", "Ukraine's air force"),
        ("Storm Ciarán brought gusts of up to 104mph to Cornwall.", "up to 104mph", "gusts"),
    ],
)
def test_concept_names_what_the_figure_is_about(text: str, surface: str, first: str) -> None:
    assert concept_of(text, surface)[0] == first


def test_a_restatement_shares_the_concept_of_what_it_restates() -> None:
    text = "The front line stretched for about 120km (75 miles) along the river."
    assert concept_of(text, "75 miles") == concept_of(text, "about 120km")


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Shares of the firm were trading at more than 180p at one point last year.", "more than 180p",
         ["Shares of the firm"]),
        ("The biggest fallers were down 68p at the close.", "68p", ["biggest fallers"]),
    ],
)
def test_words_that_name_nothing_are_not_concepts(text: str, surface: str, expected: list[str]) -> None:
    """Adverbs, superlatives, time words and -ing forms left of a figure ("trading", "last year",
    "biggest" alone) are not what it is about; the noun phrase is."""
    assert concept_of(text, surface) == expected


def test_a_measure_names_what_follows_it() -> None:
    """"a 5% pay rise": what the percentage is of is written after it."""
    assert "pay rise" in concept_of("Staff will get a £1,000 payment as well as a 5% pay rise.", "5%")


def test_a_verbless_list_item_falls_back_to_what_the_sentence_is_about() -> None:
    text = "Homes from $750,000 to $1 million stay an average of 70 days; $1 million to $1.25 million, 99 days."
    assert concept_of(text, "99 days") == ["Homes"]


@pytest.mark.parametrize(
    ("text", "earlier", "later"),
    [
        ("Shares in Rolls-Royce climbed 4.1% to 312p on Monday.", "4.1%", "312p"),
        ("BP weighed on the FTSE 100, which closed 0.5% lower at 7,450.", "0.5%", "7,450"),
        ("The median price for homes was $3.1 million, down 9.2% year over year.", "$3.1 million", "9.2%"),
    ],
)
def test_a_figure_that_goes_on_from_the_one_before_shares_its_concept(text: str, earlier: str, later: str) -> None:
    assert concept_of(text, later) == concept_of(text, earlier) != []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Dozens of people were killed Friday in shootings at two mosques.", "Dozens"),
        ("A third of the population lives in the south.", "A third"),
        ("They would need to add ten users in Asia for each one they lose.", "ten"),
    ],
)
def test_a_figure_and_a_verb_are_not_what_a_figure_is_about(text: str, surface: str) -> None:
    """The only candidates here are the figure's own words ("Dozens of people", "third") or the verb
    before it ("add"): the concept stays empty rather than name them."""
    assert concept_of(text, surface) == []


def test_a_verb_subject_is_not_read_across_a_new_clause() -> None:
    """", and a 5% pay rise was agreed": the road of the clause before is not what 5% is about."""
    text = "About 120km of road was closed, and a 5% pay rise was agreed for 1,200 workers."
    assert concept_of(text, "5%") == ["pay rise"]
    assert concept_of(text, "1,200") == []                 # not "agreed", a past form standing alone
