"""Who states a sentence's figures, where and when: "according to regional police", "over Kyiv",
"on March 5". Computed once per sentence and shared by its figures.
"""

from __future__ import annotations

import datetime as dt
import re

from figures import _tables
from figures.extraction.tokens import (
    CLAUSE_JOINERS, PRONOUNS, WEEKDAYS, Sentence,
    join, phrase_back, phrase_forward,
)


_PLACE = re.compile(
    r"\b(?:[Ii]n|[Oo]ver|[Nn]ear|[Aa]cross|[Aa]round|[Oo]utside|[Aa]t|[Oo]n|[Ff]rom|[Ii]nto|[Oo]ff)\s+(?:the\s+)?"
    r"(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december")
_MONTHS = {**{name: i + 1 for i, name in enumerate(_MONTH_NAMES)},
           **{name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)}, "sept": 9}
_DATE_MD = re.compile(
    r"\b(?P<m>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(?P<d>\d{1,2})(?!\d)(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<y>\d{4}))?"
)


_DATE_DM = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>January|February|March|April|May|June|July"
    r"|August|September|October|November|December)(?:,?\s+(?P<y>\d{4}))?"
)


_WEEKDAY = re.compile(r"\b(?:on|last|this|late|early)\s+(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)\b")


_YESTERDAY = re.compile(r"\byesterday\b", re.IGNORECASE)
_DATE_WORDS = frozenset(_MONTHS) | frozenset(WEEKDAYS) | {"yesterday"}


_SPEECH = frozenset({"said", "says", "say", "told", "according"})


def source(sentence: Sentence) -> str | None:
    """Who the sentence says states its figures ("according to regional police", "the air force said").

    "according to" wins over a speech verb ("said", "told"), which wins over other reporting verbs
    ("put", "estimated"): in "Officials put the toll at 240, the governor said", the governor speaks.
    """
    tokens = sentence.tokens
    cues = _tables.source_cues()
    ranked = sorted(
        (i for i, tok in enumerate(tokens) if tok.low in cues or tok.low == "according"),
        key=lambda i: (0 if tokens[i].low == "according" or cues.get(tokens[i].low) == "before"
                       else 1 if tokens[i].low in _SPEECH else 2, i),
    )
    for i in ranked:
        low = tokens[i].low
        if low == "according":
            if i + 1 < len(tokens) and tokens[i + 1].low == "to":
                found = join(sentence, phrase_forward(tokens, i + 2))
                if found:
                    return found
        elif cues.get(low) == "before":
            found = join(sentence, phrase_forward(tokens, i + 1))
            if found:
                return found
        else:
            before = phrase_back(tokens, i - 1)
            if before and before[-1].low not in PRONOUNS:
                return join(sentence, before)
            if i > 0 and tokens[i - 1].text == ",":
                found = join(sentence, phrase_forward(tokens, i + 1))   # ", said the ministry"
                if found:
                    return found
    return None


def clause_sources(sentence: Sentence) -> list[tuple[int, str | None]]:
    """(start offset, source) of each clause that names its own source, in order: in "According to
    regional police, exports fell 2.5%, and the defence ministry put losses at 1,100" the second
    clause has its own. Clauses break at ";" and at "," before and, but, while, whereas."""
    tokens = sentence.tokens
    breaks = [0]
    for i, tok in enumerate(tokens):
        if tok.text == ";" or (tok.text == "," and i + 1 < len(tokens) and tokens[i + 1].low in CLAUSE_JOINERS):
            breaks.append(i + 1)
    if len(breaks) == 1:
        return []
    found = []
    for a, b in zip(breaks, breaks[1:] + [len(tokens)]):
        part = tokens[a:b]
        if not part:
            continue
        start, end = part[0].start, part[-1].end
        clause = Sentence(sentence.text[start - sentence.start:end - sentence.start], start, part,
                          [t.start for t in part])
        found.append((start, source(clause)))
    return found


def source_at(sentence_source: str | None, clauses: list[tuple[int, str | None]], offset: int) -> str | None:
    """The source of the clause holding `offset` when it names one, else the sentence's."""
    own = None
    for start, clause_source in clauses:
        if start > offset:
            break
        own = clause_source
    return own or sentence_source


def places(sentence: Sentence) -> list[tuple[int, str]]:
    """(offset, name) of each place the sentence names after a locative preposition ("over Kyiv")."""
    found = []
    for m in _PLACE.finditer(sentence.text):
        words = [w for w in m.group("p").split() if w.lower() not in _tables.stopwords()]
        words = [w for w in words if w.lower().rstrip(".") not in _tables.months()
                 and w.lower() not in WEEKDAYS]
        if words:
            found.append((sentence.start + m.start("p"), " ".join(words)))
    return found


def nearest_place(found: list[tuple[int, str]], offset: int) -> str | None:
    """The place named nearest to a figure at `offset`, if the sentence names any."""
    if not found:
        return None
    return min(found, key=lambda p: abs(p[0] - offset))[1]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def event_date(sentence: Sentence, article_date: dt.date | None) -> dt.date | None:
    """A date the sentence gives ("on March 5", "on Monday"), resolved against the article's date."""
    text = sentence.text
    if not any(t.low in _DATE_WORDS for t in sentence.tokens):
        return None                               # no month, weekday or "yesterday": no date to read
    m = _DATE_MD.search(text) or _DATE_DM.search(text)
    if m:
        month = _MONTHS[m.group("m").lower().rstrip(".")]
        day = int(m.group("d"))
        if m.group("y"):
            return _safe_date(int(m.group("y")), month, day)
        if article_date is None:
            return None
        found = _safe_date(article_date.year, month, day)
        if found and found > article_date + dt.timedelta(days=31):
            found = _safe_date(article_date.year - 1, month, day)
        return found
    if article_date is None:
        return None
    m = _WEEKDAY.search(text)
    if m:
        target = WEEKDAYS.index(m.group("w").lower())
        back = (article_date.weekday() - target) % 7
        return article_date - dt.timedelta(days=back)
    if _YESTERDAY.search(text):
        return article_date - dt.timedelta(days=1)
    return None
