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
        ("Siemens gained 6%, Bayer climbed under 3%, and BASF slipped 2%.", "under 3%", "Bayer"),
        ("The advance came from mining shares, which were up 3.4% on the day.", "3.4%", "mining shares"),
        ("The storm moved north at a speed of 9 to 12 miles per hour.", "9 to 12 miles per hour", "speed"),
        ("Best arms: LHP Dan Cole (1.4 WAR), RHP Matt Ruiz (0.9 WAR).", "0.9", "RHP Matt Ruiz"),
        ("Among the losers were Acme Foods, down 41p, and Harbor Retail, down 2.35p.", "2.35p", "Harbor Retail"),
        ("Child Benefit is due to rise by 6.7 percent in April.", "6.7 percent", "Child Benefit"),
        ("The wider market finished down 2%, while the SMI-20 lost 1.6% in late trade.", "1.6%", "SMI-20"),
        ("The bonds rallied after the auction and they were up 3pc by midday.", "3pc", "bonds"),
        ("The buyout offer sent the bonds climbing and they were up 2pc at the end.", "2pc", "bonds"),
        ("Buyers can now borrow at a mortgage rate of 4.61pc this month.", "4.61pc", "mortgage rate"),
        ("Inflation in Sweden cooled to 3.3% in June, the statistics office said.", "3.3%", "Inflation in Sweden"),
        ("Miners weighed on the CAC 40, which ended 0.8% lower at 6,210.", "0.8%", "CAC 40"),
        ("The contract, worth 45 million Swiss francs, covers the tunnel.", "45 million Swiss francs", "contract"),
        ("Poland's army said it intercepted 18 out of 25 balloons.", "18", "Poland's army"),
        ("The gale brought gusts of up to 88mph to the islands.", "up to 88mph", "gusts"),
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
        ("Shares of the lender were trading at more than 240p at one stage last month.", "more than 240p",
         ["Shares of the lender"]),
        ("The biggest losers were down 41p at the bell.", "41p", ["biggest losers"]),
    ],
)
def test_words_that_name_nothing_are_not_concepts(text: str, surface: str, expected: list[str]) -> None:
    """Adverbs, superlatives, time words and -ing forms left of a figure ("trading", "last year",
    "biggest" alone) are not what it is about; the noun phrase is."""
    assert concept_of(text, surface) == expected


def test_a_measure_names_what_follows_it() -> None:
    """"a 5% pay rise": what the percentage is of is written after it."""
    assert "pay rise" in concept_of("Nurses are offered a £750 bonus on top of a 4% pay rise.", "4%")


def test_a_verbless_list_item_falls_back_to_what_the_sentence_is_about() -> None:
    text = "Flats priced $400,000 to $600,000 sell within an average of 45 days; $600,000 to $900,000, 62 days."
    assert concept_of(text, "62 days") == ["Flats"]


@pytest.mark.parametrize(
    ("text", "earlier", "later"),
    [
        ("Shares in Acme Foods gained 2.2% to 415p on Tuesday.", "2.2%", "415p"),
        ("Miners weighed on the CAC 40, which ended 0.8% lower at 6,210.", "0.8%", "6,210"),
        ("The average rent for flats was $2,450, up 6.3% on the year.", "$2,450", "6.3%"),
    ],
)
def test_a_figure_that_goes_on_from_the_one_before_shares_its_concept(text: str, earlier: str, later: str) -> None:
    assert concept_of(text, later) == concept_of(text, earlier) != []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Dozens of people were hurt Sunday in clashes at three stadiums.", "Dozens"),
        ("A third of the population lives in the south.", "A third"),
        ("They would have to gain ten members in Europe for each one they drop.", "ten"),
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


@pytest.mark.parametrize(
    ("text", "surface", "about"),
    [
        # a relative aside between the subject and its verb: the figure is still about the subject
        ("The ferry, which was built in Finland, carries 2,400 passengers.", "2,400", "ferry"),
        ("Exports, which had slowed in spring, rose 4% in July.", "4%", "Exports"),
        # a noun after a rate is what the rate is of
        ("They rent a $950 a month studio.", "$950", "studio"),
    ],
)
def test_a_concept_is_read_past_asides_and_rates(text: str, surface: str, about: str) -> None:
    assert about in concept_of(text, surface)
