"""The records a figure is read into: one per stage, never edited once built.

Each article-wide stage (relations, what links make a figure about, what it takes from its
neighbours) must return new figures and leave the list it was given as it was; a revision is a new
record. The texts are written for these tests.
"""

from __future__ import annotations

import pytest

from figures.extraction import about, inherit, reader, relations
from figures.extraction.figure import About, Figure, Found, Links, Setting
from figures.model import Qualifier

ARTICLE = (
    "Air defences downed 33 out of 47 drones overnight, while three turned back. "
    "A dam upstream holds 120km (75 miles) of shoreline. "
    "Officials said 40 people died, though medics counted 52."
)


def _found(**changes: object) -> Found:
    base = Found(start=0, end=2, sentence_index=0, value=12.0, low=12.0, high=12.0, qualifier=Qualifier.EXACT,
                 strict=False, resolution=1.0, unit="count", dimension="count", form="digits")
    return base._replace(**changes)


def test_a_revision_is_a_new_figure_and_the_old_one_stays() -> None:
    fig = Figure(_found(), About(noun="drones", subject="drone"), Setting(kind="drone"))
    revised = fig.revised(links={"whole": 3}, setting={"happening": "downed"})
    assert revised.links.whole == 3 and revised.setting.happening == "downed"
    assert fig.links == Links() and fig.setting.happening is None
    assert revised.about is fig.about and revised.found is fig.found      # untouched records are shared


@pytest.mark.parametrize("stage", ["link", "shared", "settle"])
def test_article_stages_return_new_figures_and_leave_their_input(monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    module = {"link": relations, "shared": about, "settle": inherit}[stage]
    original = getattr(module, stage)
    calls: list[tuple[list[Figure], list[Figure], list[Figure]]] = []

    def watched(figures: list[Figure], *args: object) -> list[Figure]:
        before = list(figures)
        result = original(figures, *args)
        calls.append((before, figures, result))
        return result

    monkeypatch.setattr(module, stage, watched)
    mentions, _ = reader.read_with_sentences(ARTICLE)
    assert calls, f"{stage} was not called"
    for before, given, _ in calls:
        assert given == before                    # the list it was given is as it was
    assert any(result != given for _, given, result in calls)   # and it did revise something
    assert len(mentions) == 7


def test_the_links_are_read_from_the_stages_records() -> None:
    mentions, _ = reader.read_with_sentences(ARTICLE)
    by_surface = {m.surface: (i, m) for i, m in enumerate(mentions)}
    part, whole = by_surface["33"][1], by_surface["47"]
    assert part.whole == whole[0] and whole[1].predicate is None           # the verb is the part's
    miles = by_surface["75 miles"][1]
    assert miles.converts == by_surface["120km"][0] and miles.dimension == "length"
    medics = by_surface["52"][1]
    assert medics.against == by_surface["40"][0] and medics.happening == "death"


def test_what_a_figure_is_about_is_decided_once_and_kept_by_its_restatement() -> None:
    mentions, _ = reader.read_with_sentences("The new bypass is 14 miles (22.5 km) long, the council said.")
    miles, km = mentions
    assert km.converts == 0
    assert (km.concept, km.subject, km.source) == (miles.concept, miles.subject, miles.source)
    assert miles.concept is not None and "bypass" in miles.concept


def test_the_mention_takes_each_field_from_the_record_that_decided_it() -> None:
    """`Figure.mention` builds the Mention positionally: every field must land where it belongs."""
    import datetime as dt

    found = Found(start=3, end=9, sentence_index=2, value=5.5, low=5.0, high=6.0, qualifier=Qualifier.RANGE,
                  strict=True, resolution=0.5, unit="meter", dimension="length", form="digits", change="up")
    about_ = About(noun="waves", subject="wave", concept="surf", per="hour")
    setting = Setting(source="coastguard", place="Porto", scope="porto", event_date=dt.date(2024, 5, 6),
                      period="week", weekday=None, kind="swell", predicate="grow", happening="rise", status="update")
    links = Links(whole=17, converts=18, against=19)
    m = Figure(found, about_, setting, links).mention("abcdefghijklmnop")
    expected = {**{k: getattr(found, k) for k in ("start", "end", "sentence_index", "value", "low", "high",
                                                  "qualifier", "strict", "resolution", "unit", "dimension", "change")},
                **{k: getattr(about_, k) for k in ("per", "noun", "subject", "concept")},
                **{k: getattr(setting, k) for k in ("predicate", "source", "place", "event_date", "kind", "happening",
                                                    "scope", "status", "period")},
                **{k: getattr(links, k) for k in ("whole", "converts", "against")},
                "surface": "defghi", "weekday": 0}
    assert m._asdict() == expected
