"""One sentence read once: its tokens, clauses, sources, places, events, time phrases and status
markers, which every figure of the sentence then reads without scanning the sentence again."""

from __future__ import annotations

from figures import _tables

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from figures.extraction import attribution, quantity, scope
from figures.extraction.clauses import Clause, Spans, aside_opened_at, clause_at, clause_spans, resume_point, resumed
from figures.extraction.tokens import Sentence, Token


_PRONOUN_OPENERS = _tables.word_class("pronoun_opener")


@dataclass(frozen=True)
class SentenceView:
    sentence: Sentence
    clauses: tuple[Clause, ...]
    source: str | None                       # the sentence's source
    clause_sources: tuple[str | None, ...]   # each clause's own source, if it names one
    places: tuple[scope.Anchor, ...]
    events: tuple[scope.Anchor, ...]
    times: tuple[scope.When, ...]
    markers: tuple[quantity.Marker, ...]
    heading_event: str | None                # the event the heading above the sentence names
    base: dt.date | None                     # the day the sentence is written on
    stamped: bool = False                    # it stands in a timed entry of a live page
    carried: scope.When | None = None        # a year or past date a pronoun-led sentence carries on
    #: for a clause that a relative aside opens and the interrupted clause goes on after ("The mayor,
    #: who took office in May, said 40 ..."): the token where it goes on, and its source there
    resumed_sources: tuple[tuple[int, str | None] | None, ...] = ()

    @functools.cached_property
    def happenings(self) -> tuple[tuple[int, str], ...]:
        """Where the sentence's words name a happening, and which ("... out on the streets")."""
        return quantity.sentence_happenings(self.sentence)

    @classmethod
    def of(cls, text: str, start: int, end: int, heading_event: str | None, base: dt.date | None,
           stamped: bool = False) -> "SentenceView":
        sentence = Sentence.of(text, start, end)
        clauses = clause_spans(sentence)
        own, goes_on = _clause_sources(sentence, clauses) if len(clauses) > 1 else ((None,), ())
        return cls(sentence, clauses, attribution.source(sentence), own, scope.places(sentence),
                   scope.events(sentence), scope.times(sentence, base), quantity.markers(sentence),
                   heading_event, base, stamped, resumed_sources=goes_on)

    def token_span(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [first, stop) of the characters [start, end)."""
        return self.sentence.index_at(start), self.sentence.index_at(end)

    def source_of(self, first: int, noun_stop: int) -> str | None:
        """Who states the figure at token `first`: "according to X" right after it; else its clause's
        own source; else the source of another clause, one that is not set against the others."""
        trailing = attribution.trailing_source(self.sentence, noun_stop)
        if trailing:
            return trailing
        if len(self.clauses) == 1:
            return self.source
        k = clause_at(self.clauses, first)
        own = self.clause_sources[k]
        goes_on = self.resumed_sources[k] if k < len(self.resumed_sources) else None
        if goes_on is not None and first > goes_on[0]:
            own = goes_on[1]                     # after the aside: the interrupted clause's speaker
        return own or self._once("uncontested source", lambda: next(
            (s for s, c in zip(self.clause_sources, self.clauses) if s and not c.contrast), None))

    def _once(self, name: object, compute: Callable[[], Any]) -> Any:
        """A fact of the whole sentence, computed the first time a figure asks (kept in the sentence's
        memo; `functools.cached_property` takes a lock on every first read, which was 1% of reading)."""
        memo = self.sentence.memo
        if name not in memo:
            memo[name] = compute()
        return memo[name]

    def contrast(self, first: int) -> bool:
        """Whether the clause holding token `first` is set against the one before it."""
        return self.clauses[clause_at(self.clauses, first)].contrast

    def when(self, first: int, stop: int, block: int) -> scope.When | None:
        """The time phrase that dates the figure at tokens [first, stop): one a report verb governs in
        its clause, else its clause's nearest, else a "since the start of the war" before it (a total
        over the whole period, whatever day it is reported on), else one a report verb governs in the
        sentence, else the sentence's only one."""
        if not self.times:
            return None
        clause = self._clause_times(first)
        cumulative = self._once("cumulative", lambda: tuple(w for w in self.times if w.period == "cumulative"))
        total = next((w for w in cumulative if w.stop <= first), None)
        if total is not None and all(w is total for w in clause.unreported):
            return total                          # "Since the war began, 10,000 have died, the UN said on Monday"
        if clause.reported:
            return clause.reported[0]
        picked = scope.pick(clause.dated, self.clauses, first, stop, block)
        if picked is not None:
            return picked  # type: ignore[return-value]
        others, reported = self._once("untimed", self._untimed)
        if reported:
            return reported[0]
        return others[0] if len(others) == 1 and others[0].period == "day" else None

    def _untimed(self) -> tuple[list[scope.When], list[scope.When]]:
        """The sentence's time phrases without a clock time, and those of them a report verb governs."""
        others = [w for w in self.times if not w.timed]
        return others, [w for w in others if w.report]

    def opens_with_pronoun(self) -> bool:
        """"It left about 3,000 dead": the sentence goes on about the one before."""
        tokens = self.sentence.tokens
        return bool(tokens) and tokens[0].low in _PRONOUN_OPENERS

    def continues(self) -> bool:
        """"Another 40 were hurt, the ministry said.": the sentence goes on with the report before it."""
        tokens = self.sentence.tokens
        return bool(tokens) and (tokens[0].low in {"another", "also"}
                                 or (len(tokens) > 1 and (tokens[0].low, tokens[1].low) == ("a", "further")))

    def period_phrase(self) -> scope.When | None:
        """A year or an explicit date this sentence sets its story in ("struck the coast in 1953")."""
        found = [w for w in self.times if w.period == "year" or (w.period == "day" and w.day and not w.report
                                                               and self.base and w.day < self.base)]
        return found[-1] if found else None

    def timed(self, first: int) -> bool:
        """Whether the figure's clause gives a clock time ("as of 3:20 a.m.", "by 2 pm")."""
        return bool(self.times) and self._clause_times(first).timed

    def _clause_times(self, first: int) -> "_ClauseTimes":
        """The time phrases of the clause holding token `first`, sorted as `when` reads them (once a
        clause: a clause listing thousands of dated figures costs linear time)."""
        k = clause_at(self.clauses, first)
        return self._once(("clause times", k), lambda: _ClauseTimes.of(scope.in_clause(self.times, self.clauses, first)))


@dataclass(frozen=True)
class _ClauseTimes:
    dated: tuple[scope.When, ...]         # the clause's time phrases without a clock time (in order)
    reported: tuple[scope.When, ...]      # those of them a report verb governs ("said on Monday")
    unreported: tuple[scope.When, ...]    # and the others
    timed: bool                           # the clause gives a clock time ("as of 3:20 a.m.")

    @classmethod
    def of(cls, own: tuple[scope.When, ...]) -> "_ClauseTimes":
        dated = [w for w in own if not w.timed]
        return cls(Spans(dated), tuple(w for w in dated if w.report), tuple(w for w in dated if not w.report),
                   any(w.timed for w in own))


def _clause_sources(sentence: Sentence, clauses: tuple[Clause, ...]) -> tuple[
        tuple[str | None, ...], tuple[tuple[int, str | None] | None, ...]]:
    """Who each clause says states its figures, and for a clause that a relative aside opens and the
    interrupted clause goes on after ("The mayor, who took office in May, said 40 homes were
    lost"): the aside's own source ("who won 52% of the vote" names none), and the token where the
    interrupted clause goes on with the source read from its start past the aside (the mayor)."""
    own: list[str | None] = []
    goes_on: list[tuple[int, str | None] | None] = []
    for clause in clauses:
        r = aside_opened_at(sentence.tokens, clause.first)
        k = resume_point(sentence, r) if r is not None else None
        if k is None or k >= clause.stop:
            own.append(_source_of_tokens(sentence, clause.first, clause.stop))
            goes_on.append(None)
            continue
        own.append(_source_of_tokens(sentence, clause.first, k))
        first, aside = resumed(sentence.tokens, clause.first, clause.stop, sentence)
        if first == clause.first:
            goes_on.append(None)                 # an aside inside another: say nothing
            continue
        # the interrupted clause without its aside: "The mayor, who critics say ..., said" is the mayor's
        words = sentence.tokens[first:aside] + sentence.tokens[k + 1:clause.stop]
        goes_on.append((k, _source_of(sentence, words)))
    return tuple(own), tuple(goes_on)


def _source_of_tokens(sentence: Sentence, first: int, stop: int) -> str | None:
    return _source_of(sentence, sentence.tokens[first:stop])


def _source_of(sentence: Sentence, part: list[Token]) -> str | None:
    """Who the tokens `part` (in order, not always next to each other) say states their figures."""
    if not part:
        return None
    start, end = part[0].start, part[-1].end
    sub = Sentence(sentence.text[start - sentence.start:end - sentence.start], start, part, [t.start for t in part])
    return attribution.source(sub)
