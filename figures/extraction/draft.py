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
    partitive: bool = False
    anaphor: bool = False
    noun_end: int = -1
    is_whole: bool = False
    bound: Bound | None = None     # the bounding phrase read while the figure was found

    def freeze(self, text: str) -> Mention:
        return Mention(
            start=self.start, end=self.end, surface=text[self.start:self.end],
            sentence_index=self.sentence_index, value=self.value, low=self.low, high=self.high,
            qualifier=self.qualifier, strict=self.strict, resolution=self.resolution,
            unit=self.unit, dimension=self.dimension, change=self.change, per=self.per,
            noun=self.noun, subject=self.subject, predicate=self.predicate, concept=self.concept,
            source=self.source, place=self.place, event_date=self.event_date,
            whole=self.whole, converts=self.converts,
        )
