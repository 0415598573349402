"""The clause around a figure: what happened to what it counts, and what the clause is about.

"downed 39 out of 71 drones" -> down; "12 people were killed" -> kill; "The March copper
contract was up 12 cents" -> the clause is about "March copper contract".
"""

from __future__ import annotations

from figures import _tables
from figures.extraction.tokens import (
    AUX, CLAUSE_BREAK, Sentence,
    Token, is_content, looks_verb, verb_at, verb_ending_at,
)


def predicate(sentence: Sentence, start: int, end: int) -> str | None:
    """Lemma of the verb that says what happened to the counted things."""
    tokens = sentence.tokens
    i = sentence.index_at(end)
    k = i
    while k < len(tokens) and tokens[k].low in AUX:
        k += 1
    if k > i and k < len(tokens):
        found = verb_at(tokens, k)
        if found:
            return found[0]                                      # "12 people were killed"
    first = sentence.index_at(start) - 1
    j = first
    while j >= 0 and first - j < 4 and tokens[j].is_word and not is_content(tokens[j]):
        found = verb_ending_at(tokens, j)
        if found:
            return found[0]                                      # "downed 39", "killed at least 12"
        j -= 1
    if i < len(tokens):
        found = verb_at(tokens, i)
        if found:
            return found[0]                                      # "three turned back"
    j = first
    while j >= 0 and first - j < 9 and tokens[j].text not in CLAUSE_BREAK:
        found = verb_ending_at(tokens, j)
        if found:
            return found[0]
        j -= 1
    return None


_CLAUSE_OPENERS = frozenset({"while", "whereas", "but", "and", "although", "though", "because", "as",
                             "when", "after", "before", "since", "if", "unless", "which", "who", "that"})


_ADVERBIALS = frozenset({"meanwhile", "however", "nevertheless", "also", "still", "yet", "now", "so",
                         "far", "then", "indeed", "instead", "overall", "separately", "earlier", "later"})


SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "you", "i", "this", "that", "there",
                               "these", "those", "its", "their"})


_LEADING_PREPOSITIONS = frozenset({"in", "on", "at", "for", "after", "since", "during", "over", "following", "to",
                                   "last", "with", "among", "between", "from", "by", "under", "across",
                                   "despite", "before", "until", "within", "throughout", "earlier"})


def _after_leading_phrase(tokens: list[Token], i: int, end: int) -> int:
    """Skip an opening adverbial ("In the past two weeks", "On Monday,") to where the subject starts."""
    for k in range(i + 1, min(end, i + 10)):
        if tokens[k].text == ",":
            return k + 1
    seen_content = False
    for k in range(i + 1, min(end, i + 10)):
        if tokens[k].low in {"the", "a", "an"} and seen_content:
            return k
        if tokens[k].is_word and tokens[k].low not in _tables.stopwords():
            seen_content = True
    return i


def introduction_end(tokens: list[Token], i: int, end: int) -> int:
    """Skip an introductory phrase closed by a comma ("Alternatively,", "Two years later,",
    "To win the bid,", "In the past two weeks the board ...") if it holds no verb and
    does not hold the figure itself."""
    for k in range(i, min(end, i + 8)):
        if tokens[k].text in {",", ":"}:
            if not any(looks_verb(t) for t in tokens[i:k] if t.is_word and t.low != "to"):
                return k + 1
            break
    if tokens[i].low in _LEADING_PREPOSITIONS:
        return _after_leading_phrase(tokens, i, end)
    return i


def _verb_by_position(tokens: list[Token], k: int, end: int) -> bool:
    """A lower-case "-s" word followed by a function word or number is a verb: "the law threatens to"."""
    tok = tokens[k]
    if not tok.low.endswith("s") or tok.low.endswith("ss") or tok.text[0].isupper():
        return False
    if k + 1 >= end:
        return False
    nxt = tokens[k + 1]
    return (not nxt.is_word) or nxt.low in _tables.stopwords() or nxt.low in _tables.number_words()


def clause_subject(sentence: Sentence, pos: int) -> str | None:
    """The noun phrase that opens the clause holding `pos`: what the clause is about.

    "The March copper contract was up 12 cents" -> "March copper contract";
    "Meanwhile, sales to Brazil slipped 6%" -> "sales to Brazil". A pronoun subject gives None.
    """
    tokens = sentence.tokens
    end = sentence.index_at(pos)
    start = 0
    for k in range(end - 1, -1, -1):
        tok = tokens[k]
        if tok.text in {";", ":", "—", "–", "-"}:
            start = k + 1
            break
        if tok.low in _CLAUSE_OPENERS and k > 0 and (
            tokens[k - 1].text == "," or tok.low in {"while", "whereas", "but"}
            or (tok.low in {"and", "as"} and k + 1 < end and (tokens[k + 1].text[0].isupper() or tokens[k + 1].low == "the"))
        ):
            start = k + 1
            break
    i = introduction_end(tokens, start, end) if start < end else start
    while i < end and (not tokens[i].is_word or tokens[i].low in _ADVERBIALS
                       or tokens[i].low in _tables.qualifiers() or tokens[i].low in _tables.number_words()
                       or tokens[i].low in {"the", "a", "an", "so", "last", "this", "that"}):
        i += 1
    words: list[Token] = []
    while i < end and len(words) < 6:
        tok = tokens[i]
        if not tok.is_word and tok.text not in {"(", ")", "/", "&"}:
            break
        if tok.is_word and (looks_verb(tok) or (tok.low in _tables.stopwords() and tok.low not in {"of", "to"})):
            break
        if words and tok.is_word and _verb_by_position(tokens, i, end):
            break
        words.append(tok)
        i += 1
    while words and (not words[-1].is_word or words[-1].low in {"of", "to"}):
        words.pop()
    if not words or words[0].low in SUBJECT_PRONOUNS:
        return None
    return sentence.text[words[0].start - sentence.start: words[-1].end - sentence.start]
