"""Bounds and changes the words put on a figure: "more than", "about", "up to", "fell 2.5%"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from figures import _tables
from figures.model import Qualifier

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_QUALIFIERS = _tables.qualifiers()
_CHANGE_WORDS = _tables.change_words()
_VERBS = _tables.verbs()
_CHANGE_NOUNS = _tables.change_nouns()


@dataclass(frozen=True, slots=True)
class Bound:
    qualifier: Qualifier
    strict: bool
    start: int          # where the bounding phrase begins (the figure's span may grow to it)


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern[str], ...]:
    quals = _QUALIFIERS
    changes = _CHANGE_WORDS
    words = [q for q in quals if q[-1].isalnum() or q.endswith(".")]
    symbols = [q for q in quals if q not in words]                    # "~", ">", "<"
    before = re.compile(
        r"(?:(?:^|(?<=[\s(\"'“]))(?P<q>%s)[ \u00a0]+(?:(?:just|only|a\s+total\s+of)[ \u00a0]+)?"
        r"|(?P<s>%s)[ \u00a0]?)$"
        % (_tables.alternation(words), _tables.alternation(symbols)),
        re.IGNORECASE,
    )
    after = re.compile(r"[ \u00a0]*(?:(?P<lower>or\s+more|or\s+above|-?plus\b|\+)|(?P<approx>or\s+so\b))",
                       re.IGNORECASE)
    change_before = re.compile(
        r"(?:^|(?<=[\s(]))(?P<c>%s)[ \u00a0]+(?:by[ \u00a0]+)?(?:(?:%s)[ \u00a0]+)?(?:just[ \u00a0]+)?$"
        % (_tables.alternation(list(changes)), _tables.alternation(list(quals))),
        re.IGNORECASE,
    )
    change_after = re.compile(r"[ \u00a0]+(?P<c>%s)\b" % _tables.alternation(list(_CHANGE_NOUNS)),
                              re.IGNORECASE)
    verbs = [w for w in changes if " " not in w and w not in {"up", "down"}]   # "cut costs by 10%"
    change_object = re.compile(
        r"(?:^|(?<=\s))(?P<c>%s)[ \u00a0]+(?:[a-z][\w'’-]*[ \u00a0]+){1,3}by[ \u00a0]+(?:(?:%s)[ \u00a0]+)?$"
        % (_tables.alternation(verbs), _tables.alternation(list(quals))),
        re.IGNORECASE,
    )
    return before, after, change_before, change_after, change_object


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=None)
def _first_words() -> frozenset[str]:
    return frozenset(w.split()[0] for w in _CHANGE_WORDS)


@lru_cache(maxsize=None)
def _bound_endings() -> frozenset[str]:
    """The last words a bounding phrase can end in before its figure: a qualifier's ("than" of "more
    than"), or the filler's the pattern allows after one ("just", "only", "of" of "a total of")."""
    return frozenset(phrase.lower().split()[-1] for phrase in _QUALIFIERS) | {"just", "only", "of"}


@lru_cache(maxsize=None)
def _change_endings() -> frozenset[str]:
    """The last words the change patterns can end in before a figure: a change word's ("fell",
    "down" of "shot down"), "by", "just", or a qualifier's ("fell by more than 5%")."""
    return frozenset(w.lower().split()[-1] for w in _CHANGE_WORDS) | {"by", "just"} | _bound_endings()


_OPENERS = frozenset("(\"'“")  # what may stand right before a bounding phrase, as the pattern's look-behind allows


def _last_chunk(tail: str) -> str:
    """The last word of `tail`: after its last white space, and after any bracket or quote glued to it."""
    chunk = tail.rsplit(None, 1)[-1]
    if not _OPENERS.isdisjoint(chunk):
        chunk = chunk[max(chunk.rfind(c) for c in _OPENERS) + 1:]
    return chunk.lower()


_MOVED_UP_REACH = 16          # characters before "up to" where a verb of movement ("gone", "climbed") may begin
_MOVED_UP = re.compile(r"\b(?:gone|went|goes|going|moved|shot|risen|rose|climbed|jumped|crept|edged)[ \u00a0]+$",
                       re.IGNORECASE)


_BOUND_REACH = 32             # characters before a figure where a bounding phrase ("no fewer than") may begin


def bound_before(text: str, start: int, floor: int) -> Bound | None:
    """The bounding phrase that ends right before `start`, if any."""
    before = _patterns()[0]
    tail = text[max(floor, start - _BOUND_REACH):start].rstrip()
    if tail[-1:].isalnum() and _last_chunk(tail) not in _bound_endings():
        return None                               # the last word ends no bounding phrase: skip the pattern
    m = before.search(text, max(floor, start - _BOUND_REACH), start)
    if not m:
        return None
    phrase = m.group("q") or m.group("s")
    key = re.sub(r"\s+", " ", phrase.lower())
    if key == "up to" and _MOVED_UP.search(text, max(floor, m.start() - _MOVED_UP_REACH), m.start()):
        return None                               # "the toll has gone up to 418": a level, not a ceiling
    qualifier, strict = _QUALIFIERS[key]
    return Bound(Qualifier(qualifier), strict, m.start())


def bound_after(text: str, end: int) -> tuple[Qualifier, int] | None:
    """A bounding phrase right after a figure ("50 or more", "20-plus")."""
    after = _patterns()[1]
    m = after.match(text, end)
    if not m:
        return None
    return (Qualifier.LOWER if m.group("lower") else Qualifier.APPROX), m.end()


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \u00a0]+$")


_PARTICLE_VERB_REACH = 20     # characters before "up" or "down" where its verb ("shot down") may begin


def _phrasal_particle(text: str, at: int, word: str, floor: int) -> bool:
    """"shot down 40 drones": "down" is part of a verb of the verb table, not a fall."""
    if word.lower() not in {"up", "down"}:
        return False
    before = _WORD_BEFORE.search(text, max(floor, at - _PARTICLE_VERB_REACH), at)
    return before is not None and f"{before.group(1).lower()} {word.lower()}" in _VERBS


_CHANGE_REACH = 40            # characters before a figure where a change word ("fell by about") may begin
_CHANGE_OBJECT_REACH = 50     # ... a change verb with its object ("cut costs by"): the widest change window


def change_of(text: str, start: int, end: int, floor: int) -> str | None:
    """"up" or "down" when the figure is a rise or a fall ("fell 2.5%", "a 3% rise"), else None."""
    _, _, change_before, change_after, change_object = _patterns()
    window = text[max(floor, start - _CHANGE_OBJECT_REACH):start].lower()
    tail = window.rstrip()
    if (not tail[-1:].isalnum() or _last_chunk(tail) in _change_endings()) \
            and not _first_words().isdisjoint(_WORD.findall(window)):     # a change word is there at all
        m = change_before.search(text, max(floor, start - _CHANGE_REACH), start) or change_object.search(
            text, max(floor, start - _CHANGE_OBJECT_REACH), start)
        if m and not _phrasal_particle(text, m.start("c"), m.group("c"), floor):
            return _CHANGE_WORDS[m.group("c").lower()]
    if text[start:start + 1] == "+":
        return "up"                                               # "Dow +0.2%"
    m = change_after.match(text, end)
    if m:
        return _CHANGE_NOUNS[m.group("c").lower()]
    return None
