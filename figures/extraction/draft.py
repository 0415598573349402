"""The mutable working record of one figure while its article is read; frozen into a Mention at the end."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from figures.extraction.bounds import Bound
from figures.model import Mention, Qualifier


@dataclass(slots=True)
class Draft:
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
    kind: str
    change: str | None = None
    per: str | None = None
    noun: str | None = None
    subject: str | None = None
    predicate: str | None = None
    concept: str | None = None
    source: str | None = None
    place: str | None = None
    event_date: dt.date | None = None
    whole: int | None = None
    converts: int | None = None
    against: int | None = None     # index of the figure of its sentence it is set against (a rival estimate)
    partitive: bool = False
    anaphor: bool = False
    noun_end: int = -1
    is_whole: bool = False
    breakdown: bool = False        # a part listed after a dash ("245 drones – 128 shot down and 117 jammed")
    bound: Bound | None = None     # the bounding phrase read while the figure was found
    kind: str | None = None        # the quantity parts (see `quantity`): what is counted,
    happening: str | None = None   # what happened to it,
    scope: str = ""                # the place or event it is tied to ("" = none or national),
    status: str = "report"         # report, forecast, earlier or update,
    period: str = "day"            # and whether its date is a day, weekend, week, month or year
    weekday: int | None = None     # the weekday its text names, kept when no date can be resolved
    inherit: bool = False          # its kind comes from the figure before it ("18 others")
    coordinated: bool = False      # its happening comes from the verb before an "and"
    meta: bool = False             # "a figure of 100,000": it counts what the text has been counting
    clause_contrast: bool = False  # its clause is set against the one before ("though police counted")
    fixed: bool = False            # its happening is a fact of the event ("on board"), not a running count
    left_subject: str | None = None
    left_group: str | None = None  # whose the counted toll is: "casualties among the troops" -> troop
    noun_words: tuple[str, ...] = ()
    noun_stop: int = -1            # token index (in its sentence) after the counted noun

    def freeze(self, text: str) -> Mention:
        return Mention(
            start=self.start, end=self.end, surface=text[self.start:self.end],
            sentence_index=self.sentence_index, value=self.value, low=self.low, high=self.high,
            qualifier=self.qualifier, strict=self.strict, resolution=self.resolution,
            unit=self.unit, dimension=self.dimension, change=self.change, per=self.per,
            noun=self.noun, subject=self.subject, predicate=self.predicate, concept=self.concept,
            source=self.source, place=self.place, event_date=self.event_date,
            whole=self.whole, converts=self.converts, against=self.against, kind=self.kind, happening=self.happening,
            scope=self.scope, status=self.status, period=self.period,
            weekday=self.weekday if self.weekday is not None else (self.event_date.weekday() if self.event_date else None),
        )
