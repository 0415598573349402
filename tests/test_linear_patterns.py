"""The patterns rewritten to read long white space once accept exactly what the old ones accepted.

Each old pattern is kept here as the oracle: hypothesis writes gaps and texts from the pieces the
patterns care about (spaces, line breaks, brackets, "or", abbreviations) and both must agree. That
text length costs linear time is shown by `benchmarks/extract_scale.py`, not timed here.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figures.extraction import clauses, concepts, relations, sentences
from figures.extraction.tokens import Sentence

_OLD_CONVERSION_GAP = re.compile(r"(?:\s+[A-Za-z-]+){0,3}\s*(?:\(|,?\s+or\s+|\s*/\s*)\s*$")
_OLD_SAME_THING_GAP = re.compile(r"[ \u00a0]*(?:lower|higher)?[ \u00a0]*(?:to|at|,[ \u00a0]*(?:up|down))[ \u00a0]*")
_OLD_SENTENCE_OF = re.compile(r"\s*[\"“]?\s*(?:Of|Out\s+of)\s+(?:the\s+)?$")
_OLD_BOUNDARY = re.compile(
    r"""
      (?<=[.!?])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])
    | \n\s*\n
    | (?<=[^\s])\s*\n(?=\s*(?:[-*•]|\d+[.)])\s)
    """,
    re.VERBOSE,
)

_SPACES = [" ", "  ", "\u00a0", "\n", "\t"]
_CONVERSION_PIECES = st.sampled_from([*_SPACES, "(", ",", "/", "or", "Or", "miles", "long", "-"])
_SAME_THING_PIECES = st.sampled_from([*_SPACES, ",", "lower", "higher", "to", "at", "up", "down"])
_OPENER_PIECES = st.sampled_from([*_SPACES, "Of", "Out", "of", "the", "\"", "“"])
_TEXT_PIECES = st.sampled_from(["U.S.", "Mr.", "J.", "Smith", "said", "Five drones.", "312p.", "$5m.", " ", "  ",
                                "\n", "\r\n", "\n\n", "\r\n \r\n", "- ", "* ", "1. ", "2) ", "\"", "”", ")",
                                "It rose 5%.", "Police", "!", "?", "e.g.", "km.", "9"])


def _gaps(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(pieces, max_size=8).map("".join)


@settings(max_examples=1500)
@given(_gaps(_CONVERSION_PIECES))
def test_conversion_gap_accepts_what_it_accepted(gap: str) -> None:
    """The conversion gap ("120km (75 miles)", "5 or 6") matches the same gaps as before."""
    assert bool(relations._CONVERSION_GAP.fullmatch(gap)) == bool(_OLD_CONVERSION_GAP.fullmatch(gap))


@settings(max_examples=1500)
@given(_gaps(_SAME_THING_PIECES))
def test_same_thing_gap_accepts_what_it_accepted(gap: str) -> None:
    """The "rose 4.1% to 312p" gap matches the same gaps as before."""
    assert bool(concepts._SAME_THING_GAP.fullmatch(gap)) == bool(_OLD_SAME_THING_GAP.fullmatch(gap))


@settings(max_examples=1500)
@given(_gaps(_OPENER_PIECES))
def test_sentence_opener_accepts_what_it_accepted(gap: str) -> None:
    """The "Of 60 missiles, 48 ..." opener matches the same sentence starts as before."""
    assert bool(relations._SENTENCE_OF.fullmatch(gap)) == bool(_OLD_SENTENCE_OF.fullmatch(gap))


def _old_split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _OLD_BOUNDARY.finditer(text):
        last = sentences._LAST_WORD.search(text[start:m.start()])
        if last and (last.group(1).lower() in sentences._abbreviations() or len(last.group(1)) == 1):
            continue
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


@settings(max_examples=1000)
@given(st.lists(_TEXT_PIECES, max_size=30).map("".join))
def test_sentence_split_is_unchanged(text: str) -> None:
    """Splitting by the last word only, and the one-pass list-item boundary, give the old sentences."""
    assert sentences.split(text) == _old_split(text)


def test_an_opening_of_phrase_still_links_parts_to_the_first_figure() -> None:
    """"Of 60 missiles, 48 were intercepted and 9 hit" links both parts to the sentence's first figure."""
    import figures

    frame = figures.extract("Of 60 missiles, 48 were intercepted and 9 hit their targets.")
    assert frame["whole"].tolist() == [None, "0:0", "0:0"]


def _old_clause_start(tokens: list, end: int) -> int:
    """The backward scan clauses.clause_subject made for every figure before its starts were read once."""
    for k in range(end - 1, -1, -1):
        tok = tokens[k]
        if tok.text in {";", ":", "—", "–", "-"}:
            return k + 1
        if tok.low in clauses._CLAUSE_OPENERS and k > 0 and (
            tokens[k - 1].text == "," or tok.low in {"while", "whereas", "but"}
            or (tok.low in {"and", "as"} and k + 1 < end and (tokens[k + 1].text[0].isupper() or tokens[k + 1].low == "the"))
        ):
            return k + 1
    return 0


_CLAUSE_PIECES = st.sampled_from(["and", "as", "while", "but", "whereas", ",", ";", ":", "-", "The", "the", "police",
                                  "said", "40", "Five", "drones", "which", "."])


@settings(max_examples=300)
@given(st.lists(_CLAUSE_PIECES, min_size=1, max_size=40))
def test_a_clause_start_read_once_a_sentence_is_the_backward_scan(words: list[str]) -> None:
    """Where a figure's clause starts, now read from starts computed once a sentence (linear in the
    figures of a sentence), is where the old per-figure scan back to the sentence's start found it."""
    sentence = Sentence.of(" ".join(words), 0, len(" ".join(words)))
    for end in range(len(sentence.tokens) + 1):
        assert clauses._clause_start(sentence, end) == _old_clause_start(sentence.tokens, end), end
