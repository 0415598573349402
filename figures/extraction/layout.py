"""The shape of an article around its sentences: heading lines, live-page entry stamps, and the words
that mark the whole article as a running report. Read once per article.

- A short heading line that names an event ("Ridge fire", "Canyon Fire:") scopes the lines under
  it, up to the next heading, so that a page listing two fires side by side keeps them apart.
- A line opening with a weekday or a clock time ("- Friday, 4:50 p.m.: ...", "08:13") starts an
  entry of a live page; the figures in it are dated by the stamp, not by the page.
- "This is a developing story", "live updates": every figure of the article may be overtaken.
- A paragraph wrapped at a fixed width (plain-text wire copy, a Markdown draft) is read as one run of
  words: its line breaks count as spaces (`unwrapped`), so that "more than\n30" keeps its bound and
  "$4.5\nmillion" its scale.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from figures import _tables
from figures.extraction.scope import heading_event, weekday_before
from figures.extraction.tokens import WEEKDAYS

_LINE = re.compile(r"[^\n]+")
_STAMP = re.compile(
    r"""^[ \t]*(?:[-•*][ \t]*)?
        (?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b[ \t,]*   # Friday,
           (?:\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}[ \t]+)?                              # 11 March 2025
           (?:\d{1,2}[:.]\d{2}|\d{1,2}[ \t]*[ap]\.?m\.?)                              # 4:50 / 6 pm
         | (?P<clock>\d{1,2}:\d{2})\b)                                                # 08:13
    """,
    re.VERBOSE,
)
_HEADING_MAX = 40
_HEADING_WORDS = 4            # words of a plain heading line (without digits) that scopes the lines under it
_PLACE_NAME = re.compile(r"\b(?:in|throughout|across|around|near|outside|inside|over)[ \u00a0]+(?:the[ \u00a0]+)?"
                         r"([A-Z][a-z]+)(?![a-z'’])(?:[ \u00a0]+([a-z]+))?")    # "throughout Kyiv from", not "in Russian strikes"


# What opens a line that is not the rest of a paragraph: a blank line, a list item ("- ", "• ", "1. ",
# "(2) ", "a) "), a Markdown heading, quote or table row.
_STRUCTURE_AFTER = re.compile(r"[^\S\n]*(?:$|[-*•+–—·]\s|#+\s|[>|]|\(?\d+[.)]\s|\(?[A-Za-z][.)]\s)", re.MULTILINE)
_GOES_ON = re.compile(r"[^\S\n]*[a-z]")    # the next line goes on in lower case ("million, the council said")
_WRAP_WIDTH_MAX = 120         # a text with a longer line is not wrapped at a fixed width
_WRAP_SLACK = 25              # how much shorter than the text's longest line a line broken by wrapping may be


def unwrapped(text: str) -> str:
    """`text` with the line breaks inside wrapped paragraphs turned into spaces (offsets unchanged).

    A break is read as a wrap when the line before it is longer than a heading (`_HEADING_MAX`), the
    line after it is text (not a blank line, a list item, a Markdown heading, quote or table row), and
    either the next line goes on in lower case, or the text is wrapped at a fixed width (no line over
    `_WRAP_WIDTH_MAX`, and two or more lines that text goes on after within `_WRAP_SLACK` of the
    longest) and the line before is one of those. So a headline, byline or caption above a line that opens with a figure keeps its
    break unless the whole text is wrapped and it is as long as the wrapped lines."""
    if "\n" not in text:
        return text
    breaks = [m.span() for m in _BREAK.finditer(text)]
    starts = [0] + [end for _, end in breaks]
    lines = [text[a:b].strip() for a, b in zip(starts, [at for at, _ in breaks] + [len(text)])]
    # the lines a paragraph goes on after; the text is wrapped when two of them reach their width
    going_on = [len(line) > _HEADING_MAX and not _STRUCTURE_AFTER.match(text, end)
                for (_, end), line in zip(breaks, lines)]
    width = max((len(line) for line, on in zip(lines, going_on) if on), default=0)
    wrapped_at = max(width - _WRAP_SLACK, _HEADING_MAX + 1)
    wrapped = width <= _WRAP_WIDTH_MAX and sum(on and len(line) >= wrapped_at for on, line in zip(going_on, lines)) >= 2
    chars: list[str] | None = None
    for k, ((at, end), line, on) in enumerate(zip(breaks, lines, going_on)):
        if not on:
            continue
        goes_on = _GOES_ON.match(text, end) is not None
        if goes_on or (wrapped and len(line) >= wrapped_at and not _title_above(lines, k)):
            if chars is None:
                chars = list(text)
            chars[at:end] = " " * (end - at)
    return text if chars is None else "".join(chars)


_BREAK = re.compile(r"\r?\n")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
                          "to", "with"})
_TITLE_SHARE = 0.75           # of a line's words (small words aside) written with a capital: a title


def _title_above(lines: list[str], k: int) -> bool:
    """Whether line k opens its block (the text's first line, or the first after a blank one) and is
    written in title case ("Storms Force Families From Their Homes"): a headline, not a wrapped line."""
    if k > 0 and lines[k - 1]:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", lines[k]) if w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words)


@dataclass(frozen=True)
class Layout:
    """Per-sentence facts that come from the article's lines, not the sentence's words."""

    events: tuple[str | None, ...]       # event scope from the heading above each sentence
    bases: tuple[dt.date | None, ...]    # the day each sentence is written on (entry stamp, else article)
    stamped: tuple[bool, ...]            # the sentence stands in a timed entry of a live page
    running: bool                        # the article marks itself as developing / live
    place_names: frozenset[str] = frozenset()   # names the article uses as places ("throughout Kyiv")


@lru_cache(maxsize=None)
def _article_phrases() -> tuple[str, ...]:
    return tuple(phrase for phrase, (_, reach) in _tables.status_markers().items() if reach == "article")


def _article_markers(text: str) -> bool:
    low = text.lower()
    return any(phrase in low for phrase in _article_phrases())


def read(text: str, spans: list[tuple[int, int]], article_date: dt.date | None) -> Layout:
    """The layout of an article whose sentences are `spans`."""
    starts = [s for s, _ in spans]
    events: list[str | None] = [None] * len(spans)
    bases: list[dt.date | None] = [article_date] * len(spans)
    stamped = [False] * len(spans)
    headings: list[tuple[int, str | None]] = []          # (offset, event or None for a plain heading)
    stamps: list[tuple[int, dt.date | None]] = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) <= _HEADING_MAX and not stripped.endswith((".", "!", "?", '"', "”")):
            found = heading_event(stripped)
            if found is not None or (len(stripped.split()) <= _HEADING_WORDS and not any(c.isdigit() for c in stripped)):
                headings.append((m.start(), found))
        stamp = _STAMP.match(line)
        if stamp:
            day = article_date
            if stamp.group("weekday") and article_date is not None:
                day = weekday_before(article_date, WEEKDAYS.index(stamp.group("weekday").lower()))
            elif stamp.group("weekday"):
                day = None
            stamps.append((m.start(), day))
    if headings:
        for index, start in enumerate(starts):
            k = bisect_right([h for h, _ in headings], start) - 1
            if k >= 0:
                events[index] = headings[k][1]
    if stamps:
        offsets = [s for s, _ in stamps]
        for index, start in enumerate(starts):
            k = bisect_right(offsets, start) - 1
            if k >= 0:
                bases[index] = stamps[k][1]
                stamped[index] = True
    names = frozenset(m.group(1).lower() for m in _PLACE_NAME.finditer(text)
                      if not m.group(2) or m.group(2).lower() in _tables.stopwords())
    return Layout(tuple(events), tuple(bases), tuple(stamped), _article_markers(text), names)
