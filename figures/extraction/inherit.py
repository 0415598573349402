"""What a figure takes from the figures around it when its own words leave a quantity part open.

- A restatement ("72 kilometres (45 miles)") measures what the original measures.
- "Four people died and 11 others were hurt": "others" are people. A bare figure ("and 18 were
  injured") counts what the figure before it in the sentence counts.
- "fired 14 missiles and 250 drones": 250 shares the verb written before the "and".
- A figure set against the one before it ("Organisers said 40,000 marched, though police counted
  9,000"; "perhaps 300,000 (although X claimed a million)") is a rival estimate of the same quantity.
- "Police estimated a figure of 100,000": a meta noun counts what the text has been counting.
- A whole ("39 out of 71 drones") is a total: the verb belongs to its part, unless the whole's own
  words say what happened to it ("18 of the 25 missiles fired", "out of 45 that Russia launched").
Nothing is taken across more than a few sentences, and never from a figure of another dimension.
"""

from __future__ import annotations

import re

from figures import _tables
from figures.extraction.figure import Figure
from figures.extraction.tokens import AUX, past_form, verb_forms

_OTHERS_REACH = 1        # sentences back that "18 others" may look for what they are
_META_REACH = 3          # sentences back that "a figure of 100,000" may look


_DONOR_FIGURES = 40      # figures back a donor may stand (a list of thousands is read in linear time)


def _donor(figures: list[Figure], i: int, reach: int, need_happening: bool = False) -> Figure | None:
    found = figures[i].found
    for k in range(i - 1, max(-1, i - 1 - _DONOR_FIGURES), -1):
        cand = figures[k]
        if found.sentence_index - cand.found.sentence_index > reach:
            return None
        if cand.found.dimension != found.dimension or cand.setting.kind is None or cand.links.converts is not None:
            continue
        if need_happening and cand.setting.happening is None:
            continue
        if cand.setting.status in {"forecast"}:
            continue
        return cand
    return None


def _carried_scope(figures: list[Figure], i: int) -> str | None:
    """"Organisers said 60,000 marched in Tbilisi. Police put the crowd at 15,000.": a figure with no
    counted noun and no place of its own, whose words refer back to the count ("the crowd", "the
    toll"), is about the place the last figure of that quantity was tied to (None: it keeps its own)."""
    fig = figures[i]
    s, at = fig.setting, fig.found.sentence_index
    if fig.about.noun_words or s.scope or s.place is not None or s.kind is None or s.happening is None:
        return None
    for k in range(i - 1, -1, -1):
        other = figures[k]
        if at - other.found.sentence_index > _OTHERS_REACH + 1:
            return None
        if (other.setting.kind, other.setting.happening, other.found.dimension) == (s.kind, s.happening, fig.found.dimension):
            if other.setting.scope and other.found.sentence_index != at:
                return other.setting.scope
            return None
    return None


_WORD_AFTER = re.compile(r"[ \u00a0]*([A-Za-z]+)")


def _own_verb_follows(text: str, fig: Figure) -> bool:
    """Whether a verb other than an auxiliary or a speech verb follows the figure (and its counted
    noun): what happened to it is written, only not in the happening table."""
    m = _WORD_AFTER.match(text, max(fig.found.end, fig.about.noun_end))
    if m is None:
        return False
    low = m.group(1).lower()
    return (past_form(low) or low in verb_forms()[0]) and low not in AUX and low not in _tables.source_cues()


def _set_against(figures: list[Figure], i: int, text: str) -> None:
    """"Organisers said 40,000 marched, though police counted 9,000": the second figure's clause sets it
    against the first, or it has another source in the same sentence. Both must count one kind of
    thing; where one of them does not say what happened, it shares the other's happening. Replaces
    the two figures in `figures` when they are rivals."""
    fig = figures[i]
    s = fig.setting
    if s.kind is None or fig.links.whole is not None or fig.links.converts is not None:
        return
    for k in range(i - 1, -1, -1):
        other = figures[k]
        o = other.setting
        if other.found.sentence_index != fig.found.sentence_index:
            return
        if (o.kind, other.found.dimension) != (s.kind, fig.found.dimension) or (s.scope and s.scope != o.scope):
            continue
        if other.links.whole == i or fig.links.whole == k or other.links.converts is not None:
            return
        if other.links.is_whole:
            continue         # "downed 33 out of 47 drones, while three turned back": 47 is the total
        if s.happening is not None and o.happening is not None and s.happening != o.happening:
            continue
        rivals = s.clause_contrast or (s.source is not None and o.source is not None
                                       and s.source.lower() != o.source.lower())
        if rivals:
            happening = s.happening or o.happening
            if happening is None:
                return
            lacking = fig if s.happening is None else other
            if lacking.setting.happening is None and _own_verb_follows(text, lacking):
                return       # "five fell in fields while two hit a depot": five did something else
            figures[k] = other.revised(setting={"happening": happening})
            # "... in Porto, though police counted 9,000": there too
            figures[i] = fig.revised(setting={"happening": happening, "scope": s.scope or o.scope},
                                     links={"against": k})
        return


#: What a restatement ("72 kilometres (45 miles)") takes from its original: its quantity parts and its
#: day, always; its verb and source when it has none (what it is about: `about.shared`).
_RESTATED_SETTING = ("kind", "happening", "fixed", "scope", "status", "event_date", "period", "weekday")


def settle(figures: list[Figure], text: str) -> list[Figure]:
    """The figures of one article with their open quantity parts filled from their neighbours (new
    figures; the input stays)."""
    if len(figures) < 2:
        return figures                  # nothing to take from
    out = list(figures)
    for i in range(len(out)):
        fig = out[i]
        f, s, links = fig.found, fig.setting, fig.links
        if links.converts is not None:
            original = out[links.converts].setting
            taken = {name: getattr(original, name) for name in _RESTATED_SETTING}
            for name in ("predicate", "source"):   # a restatement is said by whoever states the original
                if getattr(s, name) is None:
                    taken[name] = getattr(original, name)
            out[i] = fig.revised(setting=taken)
            continue
        if links.whole is not None and links.whole == i + 1 and out[i + 1].found.sentence_index == f.sentence_index:
            # "downed 39 out of 71": 71 is the total; the verb and what happened belong to the part,
            # unless the whole says what happened to it ("out of 45 that Russia launched")
            if s.happening is None or out[i + 1].setting.happening in (None, s.happening):
                out[i + 1] = out[i + 1].revised(setting={"happening": None, "predicate": None})
        if f.dimension != "count":
            continue
        same = out[i - 1] if i and out[i - 1].found.sentence_index == f.sentence_index else None
        rival = same is not None and (s.clause_contrast or (s.source is not None and same.setting.source is not None
                                                            and s.source != same.setting.source))
        kind, happening, fixed = s.kind, s.happening, s.fixed
        if kind is None and (s.inherit or s.meta or rival):
            reach = _META_REACH if s.meta else (_OTHERS_REACH if fig.about.noun_words else 0)
            donor = _donor(out, i, reach, need_happening=s.meta or (rival and happening is None))
            if donor is not None:
                kind = donor.setting.kind
                if happening is None and (s.meta or rival or s.coordinated):
                    happening, fixed = donor.setting.happening, donor.setting.fixed
        if happening is None and s.meta and kind is not None:
            donor = _donor(out, i, _META_REACH, need_happening=True)
            if donor is not None and donor.setting.kind == kind:
                happening, fixed = donor.setting.happening, donor.setting.fixed   # "a total of 300 people ..."
        if happening is None and s.coordinated and same is not None and same.setting.kind is not None:
            happening, fixed = same.setting.happening, same.setting.fixed
        if (kind, happening, fixed) != (s.kind, s.happening, s.fixed):
            out[i] = fig.revised(setting={"kind": kind, "happening": happening, "fixed": fixed})
    for i in range(len(out)):
        _set_against(out, i, text)
        scope = _carried_scope(out, i)
        if scope is not None:
            out[i] = out[i].revised(setting={"scope": scope})
    for i in range(len(out)):
        fig = out[i]
        if fig.links.whole is None or fig.found.dimension != out[fig.links.whole].found.dimension:
            continue
        whole = out[fig.links.whole]
        s = fig.setting
        kind, happening, predicate = s.kind, s.happening, s.predicate
        if kind is None or (whole.setting.kind is not None and fig.about.noun_words == ()
                            and whole.found.sentence_index == fig.found.sentence_index):
            kind = whole.setting.kind                # "39 out of 71 Russian drones": the part counts drones too
        if happening is None and whole.setting.happening is not None:
            happening = whole.setting.happening      # "300 of them in the north": of the 900 dead
            predicate = predicate or whole.setting.predicate
        if (kind, happening, predicate) != (s.kind, s.happening, s.predicate):
            out[i] = fig.revised(setting={"kind": kind, "happening": happening, "predicate": predicate})
    return out
