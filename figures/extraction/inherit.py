"""What a figure takes from the figures around it when its own words leave a quantity part open.

- A restatement ("72 kilometres (45 miles)") measures what the original measures.
- "Four people died and 11 others were hurt": "others" are people. A bare figure ("and 18 were
  injured") counts what the figure before it in the sentence counts.
- "fired 14 missiles and 250 drones": 250 shares the verb written before the "and".
- A figure set against the one before it ("Organisers said 40,000 marched, though police counted
  9,000"; "perhaps 300,000 (although X claimed a million)") is a rival estimate of the same quantity.
- "Police estimated a figure of 100,000": a meta noun counts what the text has been counting.
- A whole ("39 out of 71 drones") is a total: the verb belongs to its part.
Nothing is taken across more than a few sentences, and never from a figure of another dimension.
"""

from __future__ import annotations

import re

from figures import _tables
from figures.extraction.draft import Draft
from figures.extraction.tokens import AUX, past_form, verb_forms

_OTHERS_REACH = 1        # sentences back that "18 others" may look for what they are
_META_REACH = 3          # sentences back that "a figure of 100,000" may look


_DONOR_FIGURES = 40      # figures back a donor may stand (a list of thousands is read in linear time)


def _donor(drafts: list[Draft], i: int, reach: int, need_happening: bool = False) -> Draft | None:
    fig = drafts[i]
    for k in range(i - 1, max(-1, i - 1 - _DONOR_FIGURES), -1):
        cand = drafts[k]
        if fig.sentence_index - cand.sentence_index > reach:
            return None
        if cand.dimension != fig.dimension or cand.kind is None or cand.converts is not None:
            continue
        if need_happening and cand.happening is None:
            continue
        if cand.status in {"forecast"}:
            continue
        return cand
    return None


def _carry_scope(drafts: list[Draft], i: int) -> None:
    """"Organisers said 60,000 marched in Tbilisi. Police put the crowd at 15,000.": a figure with no
    counted noun and no place of its own, whose words refer back to the count ("the crowd", "the
    toll"), is about the place the last figure of that quantity was tied to."""
    fig = drafts[i]
    if fig.noun_words or fig.scope or fig.place is not None or fig.kind is None or fig.happening is None:
        return
    for k in range(i - 1, -1, -1):
        other = drafts[k]
        if fig.sentence_index - other.sentence_index > _OTHERS_REACH + 1:
            return
        if (other.kind, other.happening, other.dimension) == (fig.kind, fig.happening, fig.dimension):
            if other.scope and other.sentence_index != fig.sentence_index:
                fig.scope = other.scope
            return


_WORD_AFTER = re.compile(r"[ \u00a0]*([A-Za-z]+)")


def _own_verb_follows(text: str, fig: Draft) -> bool:
    """Whether a verb other than an auxiliary or a speech verb follows the figure (and its counted
    noun): what happened to it is written, only not in the happening table."""
    m = _WORD_AFTER.match(text, max(fig.end, fig.noun_end))
    if m is None:
        return False
    low = m.group(1).lower()
    return (past_form(low) or low in verb_forms()[0]) and low not in AUX and low not in _tables.source_cues()


def _set_against(drafts: list[Draft], i: int, text: str) -> None:
    """"Organisers said 40,000 marched, though police counted 9,000": the second figure's clause sets it
    against the first, or it has another source in the same sentence. Both must count one kind of
    thing; where one of them does not say what happened, it shares the other's happening."""
    fig = drafts[i]
    if fig.kind is None or fig.whole is not None or fig.converts is not None:
        return
    for k in range(i - 1, -1, -1):
        other = drafts[k]
        if other.sentence_index != fig.sentence_index:
            return
        if (other.kind, other.dimension) != (fig.kind, fig.dimension) or (fig.scope and fig.scope != other.scope):
            continue
        if other.whole == i or fig.whole == k or other.converts is not None:
            return
        if other.is_whole:
            continue         # "downed 33 out of 47 drones, while three turned back": 47 is the total
        if fig.happening is not None and other.happening is not None and fig.happening != other.happening:
            continue
        rivals = fig.clause_contrast or (fig.source is not None and other.source is not None
                                         and fig.source.lower() != other.source.lower())
        if rivals:
            happening = fig.happening or other.happening
            if happening is None:
                return
            lacking = fig if fig.happening is None else other
            if lacking.happening is None and _own_verb_follows(text, lacking):
                return       # "five fell in fields while two hit a depot": five did something else
            fig.happening = other.happening = happening
            fig.scope = fig.scope or other.scope      # "... in Porto, though police counted 9,000": there too
            fig.against = k
        return


def settle(drafts: list[Draft], text: str) -> None:
    """Fill the open quantity parts of one article's drafts from their neighbours, in place."""
    for i, fig in enumerate(drafts):
        if fig.converts is not None:
            original = drafts[fig.converts]
            fig.kind, fig.happening, fig.fixed = original.kind, original.happening, original.fixed
            fig.scope, fig.status = original.scope, original.status
            fig.event_date, fig.period, fig.weekday = original.event_date, original.period, original.weekday
            continue
        if fig.whole is not None and fig.whole == i + 1 and drafts[i + 1].sentence_index == fig.sentence_index:
            drafts[i + 1].happening = None                       # "downed 39 out of 71": 71 is the total
        if fig.dimension != "count":
            continue
        same = drafts[i - 1] if i and drafts[i - 1].sentence_index == fig.sentence_index else None
        rival = same is not None and (fig.clause_contrast or (fig.source is not None and same.source is not None
                                                              and fig.source != same.source))
        if fig.kind is None and (fig.inherit or fig.meta or rival):
            reach = _META_REACH if fig.meta else (_OTHERS_REACH if fig.noun_words else 0)
            donor = _donor(drafts, i, reach, need_happening=fig.meta or (rival and fig.happening is None))
            if donor is not None:
                fig.kind = donor.kind
                if fig.happening is None and (fig.meta or rival or fig.coordinated):
                    fig.happening, fig.fixed = donor.happening, donor.fixed
        if fig.happening is None and fig.meta and fig.kind is not None:
            donor = _donor(drafts, i, _META_REACH, need_happening=True)
            if donor is not None and donor.kind == fig.kind:
                fig.happening, fig.fixed = donor.happening, donor.fixed   # "a total of 300 people ..."
        if fig.happening is None and fig.coordinated and same is not None and same.kind is not None:
            fig.happening, fig.fixed = same.happening, same.fixed
    for i, fig in enumerate(drafts):
        _set_against(drafts, i, text)
        _carry_scope(drafts, i)
    for fig in drafts:
        if fig.whole is None or fig.dimension != drafts[fig.whole].dimension:
            continue
        whole = drafts[fig.whole]
        if fig.kind is None or (whole.kind is not None and fig.noun_words == () and whole.sentence_index == fig.sentence_index):
            fig.kind = whole.kind                    # "39 out of 71 Russian drones": the part counts drones too
        if fig.happening is None and whole.happening is not None:
            fig.happening = whole.happening          # "300 of them in the north": of the 900 dead
            fig.predicate = fig.predicate or whole.predicate
