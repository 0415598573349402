"""Split article text into sentences, keeping character offsets.

Written by hand because the figures need exact offsets into the original text and the splitter
runs on every article: a regex over the sentence-ending punctuation, with an abbreviation list
(`data/abbreviations.txt`), is fast and keeps offsets, which the sentence splitters on PyPI either
do not (nltk's punkt needs a model download) or do slowly (pysbd).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from figures import _tables

# A sentence ends at . ! ? (optionally followed by closing quotes or brackets) before white space
# and an upper-case letter, digit, quote or bracket; or at a line break that separates paragraphs.
_BOUNDARY = re.compile(
    r"""
      (?<=[.!?])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])   # end punctuation, space, capital next
    | \n\s*\n                                      # blank line between paragraphs
    | (?<=[^\s])\s*\n(?=[^\S\n]*(?:[-*•]|\d+[.)])\s)  # a list item starts on the next line
    """,
    # The list-item branch takes white space up to its last line break, then looks past spaces on
    # that line only: the same boundaries as looking past any white space, read once (a run of
    # blank CRLF lines cost quadratic time when the look-ahead re-read it from every line break).
    re.VERBOSE,
)
_LAST_WORD = re.compile(r"(?<![\w])([A-Za-z][A-Za-z.]*)\.[\"'”’)\]]*$")   # not "415p." nor "$5m."
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_CLOSERS = frozenset("\"'”’)]")
_INK = re.compile(r"\S")
# Where a boundary can be at all: end punctuation (and closers) before white space, or a line break.
# Led by a character set, so `re` skips to those characters; `_BOUNDARY`, led by a look-behind, is
# tried at every character, which on a one-sentence text was most of the splitting.
_MAY_END = re.compile(r"[.!?][\"'”’)\]]*\s|\n")


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    return _tables.abbreviations()


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, covering it left to right without gaps in words."""
    spans: list[tuple[int, int]] = []
    start = 0
    abbreviations = _abbreviations()
    for m in _BOUNDARY.finditer(text, _first_possible_end(text)):
        last = _last_word(text, start, m.start())
        if last and (last.group(1).lower() in abbreviations or len(last.group(1)) == 1):
            continue  # "Mr. Smith", "U.S. officials", "J. Smith"
        if _INK.search(text, start, m.start()):
            spans.append((start, m.start()))
        start = m.end()
    if _INK.search(text, start):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def _first_possible_end(text: str) -> int:
    """Where `_BOUNDARY` may first match: at the first `_MAY_END`, or at the white space before it
    (a list-item boundary begins with the white space before its line break); past the end if none."""
    found = _MAY_END.search(text)
    if found is None:
        return len(text) + 1
    at = found.start()
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _last_word(text: str, start: int, end: int) -> re.Match[str] | None:
    """`_LAST_WORD` searched in `text[start:end]`, reading only its last word.

    Searching the whole slice re-read a growing prefix at every skipped boundary ("U.S. " repeated
    cost quadratic time). A match can only begin in the run of letters and dots that ends the slice
    (before closing quotes, and before a final line break, where `$` also matches).
    """
    i = end - 1 if end > start and text[end - 1] == "\n" else end
    while i > start and text[i - 1] in _CLOSERS:
        i -= 1
    while i > start and text[i - 1] in _WORD_CHARS:
        i -= 1
    return _LAST_WORD.search(text, i, end)


class SentenceIndex:
    """Finds the sentence that holds a character offset."""

    def __init__(self, text: str) -> None:
        self.spans = split(text)
        self._starts = [s for s, _ in self.spans]

    def index_of(self, offset: int) -> int:
        return max(bisect_right(self._starts, offset) - 1, 0)

    def span(self, index: int) -> tuple[int, int]:
        return self.spans[index]
