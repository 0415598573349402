"""What a figure is said about: the noun phrases that frame it (the `concept` column).

A concept is a short list of noun phrases, nearest first, each as written:
- the phrase a measure is written as being "of": "a speed of 15 mph" -> speed, "a net worth of $2bn";
- the subject of the verb that governs the figure: "Bayer climbed under 3%" -> Bayer, read through
  auxiliaries ("is expected to rise to 1.9%"), relative pronouns ("mining shares, which were up 3.4%")
  and, for a pronoun subject ("they were up 5pc"), the subject the sentence opens with;
- the item a parenthetical figure stands beside: "LHP Dan Cole (1.4 WAR)" -> LHP Dan Cole;
- in a list with the verb left out ("Harbor Retail, down 41p", "Acme by 1.7%"), the name before it;
- what a measure names right after it: "a 5% pay rise";
- a figure that goes on from the one before ("gained 2.2% to 415p") is about the same thing.
`about` (where what a figure is about is decided) adds the clause's opening phrase and the words
left of the figure (from `clauses`, `nouns`) when they name something (`usable`), and this falls back
to what the sentence opens with.

No parser: these are word-order rules over the sentence's tokens, like the rest of the package.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from figures import _tables
from figures.extraction.clauses import SUBJECT_PRONOUNS, introduction_end
from figures.extraction.tokens import (
    AUX, CLAUSE_BREAK, CLAUSE_JOINERS, Sentence, Token, after_brackets, is_content, join, looks_plural,
    past_form, verb_edges, verb_ending_at, verb_like,
)

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_STOPWORDS = _tables.stopwords()
_NUMBER_WORDS = _tables.number_words()
_MONTHS = _tables.months()
_QUALIFIERS = _tables.qualifiers()
_SCALES = _tables.scales()
_VAGUE_NUMBERS = _tables.vague_numbers()
_NOT_CONCEPTS = _tables.not_concepts()

_RELATIVE = _tables.word_class("relative_pronoun")
_BETWEEN_SUBJECT_AND_VERB = _tables.word_class("subject_verb_gap")
_NOT_PLURAL = _tables.word_class("not_plural")
_INDEFINITE = _tables.word_class("indefinite_pronoun")
_NAME_JOINERS = frozenset({"-", "&", "/", "'s", "’s"})
_INNER_PREPOSITIONS = _tables.word_class("inner_preposition")
_OF = frozenset({"of"})
_DETERMINERS = _tables.word_class("concept_determiner")
_LIST_CUES = _tables.word_class("list_cue")
_MAX_WORDS = 6
# "lower"/"higher" then "to", "at" or ", up"/", down"; the spaces around the optional word belong
# to one run, so a long gap of spaces is read once (linear), not split every way (quadratic)
_SAME_THING_GAP = re.compile(r"[ \u00a0]*(?:(?:lower|higher)[ \u00a0]*)?(?:to|at|,[ \u00a0]*(?:up|down))[ \u00a0]*")
_NOT_VERBS = _tables.word_class("not_verb")
_BE = _tables.word_class("be_form")
_VERB_LAST_WORDS = verb_edges()[1]


def _verb(tokens: list[Token], k: int) -> bool:
    tok = tokens[k]
    low = tok.low
    if not tok.is_word or low in _NOT_VERBS:
        return False
    if low.endswith("ing") and k > 0 and tokens[k - 1].low in _BE:
        return True                                       # "is handing"
    # the last-word test of `verb_ending_at` made here: most words end no verb form, and this runs
    # on every token the concept rules read, so the call is saved for the few that may
    return verb_like(low) or (low in _VERB_LAST_WORDS and verb_ending_at(tokens, k) is not None)


def _numeric(tok: Token) -> bool:
    """A number or scale word ("million", "dozen"): part of a figure, not of what it is about."""
    return tok.low in _NUMBER_WORDS or tok.low in _SCALES[0]


def _phrase_ending_at(tokens: list[Token], k: int, through: frozenset[str] = _INNER_PREPOSITIONS) -> list[Token]:
    """The noun phrase whose last token is k, read leftwards: "the SMI-20", "market value of the group"."""
    words: list[Token] = []
    while k >= 0 and len(words) < _MAX_WORDS:
        tok = tokens[k]
        if tok.text in _NAME_JOINERS and words and k > 0 and tokens[k - 1].is_word:
            words.insert(0, tok)
        elif tok.low in through and words:                    # "market value of the group"
            words.insert(0, tok)
        elif tok.is_word and tok.low not in _STOPWORDS and not _verb(tokens, k) and not _numeric(tok):
            words.insert(0, tok)
        elif (tok.low in _DETERMINERS and words and k > 1 and tokens[k - 1].low in through
              and tokens[k - 2].is_word and tokens[k - 2].low not in _STOPWORDS):
            pass                                              # "in the" of "Inflation in the eurozone"
        elif (tok.text.isdigit() and not words and k > 0 and tokens[k - 1].is_word
              and tokens[k - 1].text[0].isupper()):
            words.insert(0, tok)                              # "the FTSE 100", "Galaxy Note 20"
        else:
            break
        k -= 1
    while words and (words[0].low in _INNER_PREPOSITIONS or words[0].text in _NAME_JOINERS):
        words.pop(0)
    return words


def opening_phrase(sentence: Sentence) -> str | None:
    """The noun phrase the sentence opens with, after an introductory phrase (read once a sentence)."""
    if "opening" not in sentence.memo:
        sentence.memo["opening"] = _opening_phrase(sentence)
    return sentence.memo["opening"]  # type: ignore[return-value]


def _opening_phrase(sentence: Sentence) -> str | None:
    tokens = sentence.tokens
    i = introduction_end(tokens, 0, len(tokens)) if tokens else 0
    while i < len(tokens) and (not tokens[i].is_word or tokens[i].low in {"the", "a", "an"}):
        i += 1
    words: list[Token] = []
    while i < len(tokens) and len(words) < _MAX_WORDS:
        tok = tokens[i]
        if not tok.is_word and tok.text not in _NAME_JOINERS:
            break
        if tok.is_word and ((tok.low in _STOPWORDS and tok.low != "of") or _verb(tokens, i)):
            break
        words.append(tok)
        i += 1
    while words and (words[-1].low == "of" or words[-1].text in _NAME_JOINERS):
        words.pop()
    if not words or words[0].low in SUBJECT_PRONOUNS:
        return None
    return join(sentence, words)


def measured_phrase(sentence: Sentence, pos: int) -> str | None:
    """"a speed of 15 mph", "a mortgage rate of 4.6 per cent": the phrase before "of"."""
    tokens = sentence.tokens
    j = sentence.index_at(pos) - 1
    while j >= 0 and tokens[j].low in _QUALIFIERS:
        j -= 1
    if j < 1 or tokens[j].low != "of":
        return None
    words = _phrase_ending_at(tokens, j - 1)
    if not words or all(w.low in _VAGUE_NUMBERS or w.low in {"total", "number", "one"} for w in words):
        return None
    return join(sentence, words)


_VERB_SEARCH_REACH = 12       # tokens left of a figure within which the verb governing it is looked for


def verb_subject(sentence: Sentence, pos: int) -> str | None:
    """The subject of the verb that governs the figure starting at `pos`."""
    tokens = sentence.tokens
    k = sentence.index_at(pos) - 1
    for _ in range(_VERB_SEARCH_REACH):
        if k < 0 or tokens[k].text in CLAUSE_BREAK or tokens[k].text in {"(", ")"}:
            return None
        if tokens[k].low in CLAUSE_JOINERS and k > 0 and tokens[k - 1].text == ",":
            return None                                   # ", and a 5% pay rise was agreed": a new clause
        if _verb(tokens, k):
            break
        k -= 1
    else:
        return None
    while k >= 0 and (tokens[k].low in _BETWEEN_SUBJECT_AND_VERB or tokens[k].low in AUX or _verb(tokens, k)):
        phrasal = verb_ending_at(tokens, k)
        k = (phrasal[1] if phrasal else k) - 1                # "shot down" as one verb
    if k > 0 and tokens[k].text == "," and tokens[k - 1].is_word:
        k -= 1                                            # "The deal, worth $5m": across the apposition
    words = _phrase_ending_at(tokens, k)
    if words or k < 0:
        return join(sentence, words)
    if tokens[k].low in _RELATIVE:                        # "mining shares, which were up 3.4%"
        j = k - 1 if k > 0 and tokens[k - 1].text != "," else k - 2
        return join(sentence, _phrase_ending_at(tokens, j, _OF)) if j >= 0 else None
    if tokens[k].low == "they":                           # "sent the bonds climbing and they were up 2pc"
        opening = opening_phrase(sentence)
        if opening and looks_plural(opening.split()[-1]):
            return opening
        for j in range(k - 1, -1, -1):
            if (tokens[j].is_word and looks_plural(tokens[j].text) and is_content(tokens[j])
                    and tokens[j].low not in _NOT_PLURAL):
                return join(sentence, _phrase_ending_at(tokens, j, _OF))
    if tokens[k].low in SUBJECT_PRONOUNS or tokens[k].low in _INDEFINITE:
        return opening_phrase(sentence)                  # "it was up 5pc": what the sentence is about
    return None


_NAMED_WORDS = 4              # words a measure may name right after it ("a 5% pay rise")


def named_after(sentence: Sentence, end: int) -> str | None:
    """The thing a measure names right after it: "a 5% pay rise", "a $650 cast-iron grill",
    "a 2.4 million-mile (3.9m km) orbit"."""
    tokens = sentence.tokens
    i = after_brackets(tokens, sentence.index_at(end))
    while i < len(tokens) and tokens[i].text in {"-", "–"}:
        i += 1
    words: list[Token] = []
    while i < len(tokens) and len(words) < _NAMED_WORDS:
        tok = tokens[i]
        if not tok.is_word or tok.low in _STOPWORDS or tok.low in _MONTHS:
            break
        words.append(tok)
        i += 1
    return join(sentence, words)


def beside_phrase(sentence: Sentence, pos: int) -> str | None:
    """The item a figure is listed beside: "LHP Dan Cole (1.4 WAR)", "Harbor Retail, down 41p",
    "Acme by 1.7%", "Dow +0.2%"."""
    tokens = sentence.tokens
    k = sentence.index_at(pos) - 1
    if k >= 0 and tokens[k].text == "(":
        return join(sentence, _phrase_ending_at(tokens, k - 1)) if k > 0 else None
    if k >= 0 and tokens[k].low in _LIST_CUES:
        k -= 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    if k >= 0 and tokens[k].is_word and tokens[k].text[0].isupper():
        return join(sentence, _phrase_ending_at(tokens, k))
    return None


@lru_cache(maxsize=65536)
def _says_something(word: str) -> bool:
    low = word.lower()
    table = _tables.suffixes()
    return not (low in _STOPWORDS or low in _NOT_CONCEPTS or low.endswith("ing")
                or past_form(low)
                or low in _NUMBER_WORDS or low in _SCALES[0]
                or word in table.by_exact or low in table.by_folded)


def usable(phrase: str | None) -> bool:
    """Whether a phrase read loosely (the words left of a figure) can stand as a concept: it holds a
    word that names something ("biggest", "set", "going back", "next year" and "mpg" do not)."""
    return phrase is not None and any(len(w) > 1 and _says_something(w) for w in phrase.replace("-", " ").split())


def continues_previous(text: str, previous_end: int, start: int) -> bool:
    """Whether a figure goes on about what the figure just before it measures: "gained 2.2% to 415p",
    "ended 0.8% lower at 6,210", "was $2,450, up 6.3%"."""
    return _SAME_THING_GAP.fullmatch(text, previous_end, start) is not None


def concept(sentence: Sentence, start: int, end: int, *, measure: bool, loose: Sequence[str | None]) -> str | None:
    """The concept of the figure spanning `start`-`end`: the framing phrases found here, then the
    `loose` ones (the clause opener, the words left of the figure) that name something; none that is
    the figure itself; failing all, what the sentence opens with."""
    framing = [measured_phrase(sentence, start), beside_phrase(sentence, start), verb_subject(sentence, start)]
    if measure:
        named = named_after(sentence, end)
        framing.append(named if usable(named) else None)
    own = sentence.text[start - sentence.start:end - sentence.start]
    kept = [c for c in framing + [c for c in loose if usable(c)] if c and not holds_figure(c, own)]
    if not kept:
        opening = opening_phrase(sentence)
        kept = [opening] if usable(opening) and opening is not None and not holds_figure(opening, own) else []
    return _joined(kept)


def _joined(phrases: Sequence[str]) -> str | None:
    """The phrases as one concept, nearest first, without repeats or phrases inside earlier ones."""
    kept: list[str] = []
    for phrase in phrases:
        if phrase and not any(phrase in k for k in kept):
            kept.append(phrase)
    return ", ".join(kept) or None


_VERB_CONTEXT = _tables.word_class("verb_context")


def left_words(sentence: Sentence, pos: int, words: tuple[str, ...]) -> str | None:
    """The words just left of a figure as a concept, unless what stands before them makes them a
    verb ("have to gain ten members", "it would free $300 million", "they drop")."""
    if not words:
        return None
    tokens = sentence.tokens
    k = sentence.index_at(pos) - 1
    while k >= 0 and tokens[k].text != words[-1]:
        k -= 1
    first = k - len(words) + 1
    if first > 0 and tokens[first - 1].low in _VERB_CONTEXT:
        return None
    return " ".join(words)


def holds_figure(phrase: str, surface: str) -> bool:
    """Whether a phrase is the figure itself, or part of it ("Dozens of people" for "Dozens",
    "third" for "A third"): a figure is not what it is about."""
    return _as_words(surface, phrase) or _as_words(phrase, surface)


def _as_words(inner: str, outer: str) -> bool:
    """Whether `inner` stands in `outer` as whole words (no pattern compiled per figure)."""
    i = outer.find(inner)
    while i >= 0:
        j = i + len(inner)
        if (i == 0 or not outer[i - 1].isalnum()) and (j == len(outer) or not outer[j].isalnum()):
            return True
        i = outer.find(inner, i + 1)
    return False
