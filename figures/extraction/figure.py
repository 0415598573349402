"""The records a figure is read into, one per stage, none edited once built.

A figure is read in stages, each a function that returns its own record:
- `Found` (`reader`): the number as written, its unit or currency, its bounds and its change;
- `About` (`about`): what it counts or measures, and what it is said about;
- `Setting` (`reader`, from `quantity` and `scope`): who says it, where, when, and what happened;
- `Links` (`relations`, `inherit`): how it stands to the other figures of its article.

A later stage that revises an earlier record (a restatement takes its original's bound, a whole
gives its part what it counts) returns a new `Figure` with the new record in place (`revised`); the
records are named tuples, so nothing is changed where it was built. `mention` joins them into the
`Mention` that leaves the reader.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from figures.extraction.bounds import Bound
from figures.model import Mention, Qualifier


class Found(NamedTuple):
    """The number as the scan read it."""

    start: int
    end: int
    sentence_index: int
    value: float
    low: float
    high: float
    qualifier: Qualifier
    strict: bool
    resolution: float
    unit: str
    dimension: str
    form: str                      # how the number is written: digits, words, fraction, vague ...
    bound: Bound | None = None     # the bounding phrase read before it ("more than")
    change: str | None = None      # "up" / "down" when it is a rise or a fall
    per: str | None = None         # what a price is for, read from the measure before it ("a kilo of coffee costs $9")


class About(NamedTuple):
    """What the figure counts or measures, and what it is said about (see `about`)."""

    noun: str | None = None        # the counted noun phrase as written ("Russian drones")
    subject: str | None = None     # its normalised head ("drone")
    concept: str | None = None     # the thing the figure is said about
    per: str | None = None         # the denominator of a rate ("barrel")
    partitive: bool = False        # "10 of the drones": refers back to a whole
    anaphor: bool = False          # "12 of them"
    noun_end: int = -1             # where the counted noun ends in the article (-1: none)
    noun_words: tuple[str, ...] = ()
    noun_stop: int = -1            # token index (in its sentence) after the counted noun
    left_subject: str | None = None    # the subject the words before it name ("casualties exceed")
    left_group: str | None = None      # whose the counted toll is: "casualties among the troops" -> troop


class Setting(NamedTuple):
    """Who states the figure, where and when it is tied to, and what happened to what it counts."""

    source: str | None = None
    place: str | None = None
    scope: str = ""                # the place or event it is tied to ("" = none or national)
    event_date: dt.date | None = None
    period: str = "day"            # whether its date is a day, weekend, week, month or year
    weekday: int | None = None     # the weekday its text names, kept when no date can be resolved
    kind: str | None = None        # what is counted, as a class
    predicate: str | None = None   # the verb that governs it
    happening: str | None = None   # what happened to it, as a class
    fixed: bool = False            # its happening is a fact of the event ("on board"), not a running count
    inherit: bool = False          # its kind comes from the figure before it ("18 others")
    coordinated: bool = False      # its happening comes from the verb before an "and"
    meta: bool = False             # "a figure of 100,000": it counts what the text has been counting
    status: str = "report"         # report, forecast, earlier, update or live
    clause_contrast: bool = False  # its clause is set against the one before ("though police counted")


class Links(NamedTuple):
    """How the figure stands to the other figures of its article (indices within the article)."""

    whole: int | None = None       # the whole it is a part of
    converts: int | None = None    # the figure it restates in other units
    against: int | None = None     # the figure of its sentence it is set against (a rival estimate)
    is_whole: bool = False         # some figure is a part of it
    breakdown: bool = False        # a part listed after a dash ("245 drones – 128 shot down and 117 jammed")


_NO_LINKS = Links()


class Figure(NamedTuple):
    found: Found
    about: About
    setting: Setting
    links: Links = _NO_LINKS

    def revised(self, *, found: dict[str, Any] | None = None, about: dict[str, Any] | None = None,
                setting: dict[str, Any] | None = None, links: dict[str, Any] | None = None) -> "Figure":
        """This figure with the named fields of its records replaced (a new figure; this one stays)."""
        return Figure(
            self.found._replace(**found) if found else self.found,
            self.about._replace(**about) if about else self.about,
            self.setting._replace(**setting) if setting else self.setting,
            self.links._replace(**links) if links else self.links,
        )

    def mention(self, text: str) -> Mention:
        """The figure as the reader hands it over. Built positionally (in `Mention`'s field order, which
        tests/test_figure_records.py checks field by field): by keyword it cost 2% of reading."""
        f, a, s, k = self
        return Mention(
            f.start, f.end, text[f.start:f.end], f.sentence_index, f.value, f.low, f.high, f.qualifier, f.strict,
            f.resolution, f.unit, f.dimension, f.change, a.per, a.noun, a.subject, s.predicate, a.concept,
            s.source, s.place, s.event_date, k.whole, k.converts, k.against, s.kind, s.happening, s.scope,
            s.status, s.period,
            s.weekday if s.weekday is not None else (s.event_date.weekday() if s.event_date else None),
        )
