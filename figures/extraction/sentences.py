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
    | (?<=[^\s])\s*\n(?=\s*(?:[-*•]|\d+[.)])\s)    # a list item starts on the next line
    """,
    re.VERBOSE,
)
_LAST_WORD = re.compile(r"(?<![\w])([A-Za-z][A-Za-z.]*)\.[\"'”’)\]]*$")   # not "415p." nor "$5m."


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    return _tables.abbreviations()


def split(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, covering it left to right without gaps in words."""
    spans: list[tuple[int, int]] = []
    start = 0
    abbreviations = _abbreviations()
    for m in _BOUNDARY.finditer(text):
        before = text[start:m.start()]
        last = _LAST_WORD.search(before)
        if last and (last.group(1).lower() in abbreviations or len(last.group(1)) == 1):
            continue  # "Mr. Smith", "U.S. officials", "J. Smith"
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


class SentenceIndex:
    """Finds the sentence that holds a character offset."""

    def __init__(self, text: str) -> None:
        self.spans = split(text)
        self._starts = [s for s, _ in self.spans]

    def index_of(self, offset: int) -> int:
        return max(bisect_right(self._starts, offset) - 1, 0)

    def span(self, index: int) -> tuple[int, int]:
        return self.spans[index]
