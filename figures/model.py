"""The figure model: one frozen record per figure mention, and the frame's column schema.

Data moves one way: article text -> `Mention` records (with spans) -> the figures frame ->
findings that cite frame rows by label. Row labels are `"{article}:{n}"`, unique across a corpus
as long as article ids are, so frames built per partition (Dask, Spark) concatenate without clashes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

import pandas as pd


class Qualifier(str, Enum):
    """How the words bound a figure."""

    EXACT = "exact"    # "39 drones": low = high = value
    APPROX = "approx"  # "about 120km": low = high = value; the checker widens it
    LOWER = "lower"    # "more than 3,000": value is a floor, high = inf
    UPPER = "upper"    # "as many as 6,000": value is a ceiling
    RANGE = "range"    # "5-6 metres": low and high are the ends, value the midpoint


@dataclass(frozen=True, slots=True)
class Article:
    """One input article, validated."""

    id: object
    text: str
    date: dt.date | None = None
    outlet: str | None = None
    note: str | None = None      # a problem that did not stop the reading ("date ... not understood")


@dataclass(frozen=True, slots=True)
class Mention:
    """One figure as the text states it, before normalisation."""

    start: int
    end: int
    surface: str
    sentence_index: int
    value: float
    low: float
    high: float
    qualifier: Qualifier
    strict: bool                 # the bound itself is excluded ("more than 50")
    resolution: float            # size of the last significant digit written: "3,000" 1000, "4.2bn" 1e8
    unit: str                    # ISO code, pint unit name, "percent" or "count"
    dimension: str
    change: str | None = None    # "up" / "down" when the figure is a rise or fall
    per: str | None = None       # denominator of a rate: "barrel" in "$58 per barrel"
    noun: str | None = None      # the counted noun phrase as written ("Russian drones")
    subject: str | None = None   # normalised head of what is counted or measured ("drone")
    predicate: str | None = None # lemma of what happened to it ("down", "kill")
    concept: str | None = None   # the thing the figure is said about ("driving range")
    source: str | None = None    # who states it ("the air force")
    place: str | None = None     # where ("Kyiv")
    event_date: dt.date | None = None  # a date the sentence gives ("on March 5")
    whole: int | None = None     # index (within the article) of the whole this is a part of
    converts: int | None = None  # index of the figure this one restates in other units
    against: int | None = None   # index of the figure of its sentence it is set against ("though police counted")
    kind: str | None = None      # what is counted, as a class with its restricting words ("north korean soldier")
    happening: str | None = None # what happened to it, as a class ("death", "attend", "downed")
    scope: str = ""              # the place or named event the text ties it to; "" for none or national
    status: str = "report"       # report, forecast, earlier (marked as superseded) or update
    period: str = "day"          # what `event_date` names: a day, weekend, week, month or year
    weekday: int | None = None   # the weekday of the day it is about (0 = Monday), kept when no date is known

    @property
    def quantity(self) -> str | None:
        """The key of the quantity the figure measures, or None when a part of it is unknown."""
        return quantity_key(self.dimension, self.unit, self.kind, self.happening, self.per, self.scope)


def quantity_key(dimension: str, unit: str, kind: str | None, happening: str | None, per: str | None,
                 scope: str) -> str | None:
    """"person death @ kyiv", "drone downed", "percent containment contain @ palisades fire": the
    quantity two figures must share to be compared. None when what is counted or what happened to it
    is unknown. Counts are keyed by kind; measures by dimension too (an area and a length never meet)."""
    if not kind or not happening:
        return None
    measure = "" if dimension == "count" else ("money " if dimension == "currency" else f"{dimension} ")
    rate = f" per {per}" if per else ""
    where = f" @ {scope}" if scope else ""
    return f"{measure}{kind} {happening}{rate}{where}"


#: Columns of the frame `figures.extract` returns, in order, with their pandas dtypes.
FIGURE_COLUMNS: dict[str, str] = {
    "article": "object",
    "outlet": "object",
    "date": "datetime64[ns]",
    "start": "int64",
    "end": "int64",
    "surface": "object",
    "sentence": "object",
    "sentence_index": "int64",
    "value": "float64",
    "low": "float64",
    "high": "float64",
    "qualifier": "object",
    "strict": "bool",
    "resolution": "float64",
    "change": "object",
    "unit": "object",
    "dimension": "object",
    "per": "object",
    "noun": "object",
    "subject": "object",
    "predicate": "object",
    "concept": "object",
    "source": "object",
    "place": "object",
    "event_date": "datetime64[ns]",
    "whole": "object",
    "converts": "object",
    "against": "object",
    "kind": "object",
    "happening": "object",
    "scope": "object",
    "status": "object",
    "period": "object",
    "weekday": "object",
    "quantity": "object",
    "base_value": "float64",
    "base_unit": "object",
    "base_note": "object",
}

#: Columns of the per-article status table kept in `frame.attrs["articles"]`.
ARTICLE_COLUMNS: dict[str, str] = {
    "article": "object",
    "status": "object",     # "ok" or "error"
    "figures": "int64",
    "reason": "object",
}


class FiguresFrame(pd.DataFrame):
    """The frame `figures.extract` returns: a DataFrame that shows its figures highlighted in notebooks."""

    @property
    def _constructor(self) -> type[FiguresFrame]:
        return FiguresFrame

    def _repr_html_(self) -> str | None:
        if not {"sentence", "surface"} <= set(self.columns):
            return super()._repr_html_()
        from figures.display import figures_html

        return figures_html(self)


class FindingsFrame(pd.DataFrame):
    """The frame `figures.check` returns: a DataFrame that shows each finding as a card in notebooks."""

    @property
    def _constructor(self) -> type[FindingsFrame]:
        return FindingsFrame

    def _repr_html_(self) -> str | None:
        if not {"severity", "kind", "message", "quotes"} <= set(self.columns):
            return super()._repr_html_()
        from figures.display import findings_html

        return findings_html(self)
