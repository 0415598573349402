"""Tokens of a sentence and the word classes the context rules share.

No parser: news sentences that state figures are regular enough that word-order rules over a few
tokens beside each figure, backed by the word lists in `figures/data/`, recover what a figure
counts, what happened to it, who says so and where. This module holds what those rules share: the
tokenised sentence, singular forms, and the verb and function-word tests.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

import inflect

from figures import _tables

TOKEN = re.compile(r"[A-Z][^\W\d_]*-\d+\b(?![.,]\d)|[^\W\d_]+(?:['’\-]+[^\W\d_]+)*|\d[\d,.]*\d|\d|[^\s\w]")


# Word classes from data/word_classes.tsv, read once at import; the names are this module's API.
IRREGULAR_PLURALS = _tables.word_class("irregular_plural")
KEEP_AS_IS = _tables.word_class("keep_as_is")
PLURAL_WITHOUT_S = _tables.word_class("plural_without_s")
META_NOUNS = _tables.word_class("meta_noun")
AUX = _tables.word_class("aux")
LINKING = _tables.word_class("linking")
DETERMINERS = _tables.word_class("determiner")
PRONOUNS = _tables.word_class("pronoun")
CLAUSE_BREAK = _tables.word_class("clause_break")
CLAUSE_JOINERS = _tables.word_class("clause_joiner")      # ", and ..." opens a new clause
WEEKDAYS = _tables.weekdays()                              # a tuple in week order: "monday" is 0


@lru_cache(maxsize=1)
def _inflector() -> inflect.engine:
    return inflect.engine()


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """Lower-case singular form of a noun ("casualties" -> "casualty", "people" stays)."""
    low = word.lower()
    if low in KEEP_AS_IS or not low.endswith("s") and low not in PLURAL_WITHOUT_S:
        return low
    if low.endswith(("ss", "us", "is")):
        return low
    single = _inflector().singular_noun(low)
    return single if isinstance(single, str) and single else low


def looks_plural(word: str) -> bool:
    low = word.lower()
    return low in IRREGULAR_PLURALS or (
        len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))
    )


@dataclass(slots=True)
class Token:
    """One token of a sentence (internal and never changed; not frozen because frozen dataclasses
    cost four times as much to build, and a sentence builds dozens)."""

    start: int
    end: int
    text: str
    low: str          # lower-cased text, computed once: every rule compares it
    is_word: bool


@dataclass
class Sentence:
    """A sentence's tokens, and the facts that hold for every figure in it (computed once)."""

    text: str
    start: int
    tokens: list[Token]
    _starts: list[int] = field(default_factory=list)
    #: what rules derive from the whole sentence once, for all its figures ("opening", "openers")
    memo: dict[object, object] = field(default_factory=dict)

    _lows: list[str] | None = field(default=None, repr=False, compare=False)     # see `lows`, `words`
    _words: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @property
    def lows(self) -> list[str]:
        """Every token's lower-cased text, in order: the rules that look for a few words scan this
        list (in C) for where those words stand, rather than every token in Python."""
        if self._lows is None:
            self._lows = [t.low for t in self.tokens]
        return self._lows

    @property
    def words(self) -> frozenset[str]:
        """The lower-cased tokens of the sentence: a rule whose words are all absent skips it at once."""
        if self._words is None:
            self._words = frozenset(self.lows)
        return self._words

    def where(self, words: frozenset[str] | set[str]) -> list[int]:
        """The indices of the tokens whose lower-cased text is one of `words`, in order."""
        return [i for i, low in enumerate(self.lows) if low in words]

    @classmethod
    def of(cls, article_text: str, start: int, end: int) -> "Sentence":
        tokens = [Token(m.start(), m.end(), text, text.lower(), text[0].isalpha())
                  for m in TOKEN.finditer(article_text, start, end) for text in (m.group(),)]
        return cls(article_text[start:end], start, tokens, [t.start for t in tokens])

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_left(self._starts, offset)


@lru_cache(maxsize=None)
def verb_forms() -> tuple[dict[str, tuple[str, str]], int]:
    forms = _tables.verbs()
    return forms, max(len(f.split()) for f in forms)


@lru_cache(maxsize=None)
def verb_edges() -> tuple[frozenset[str], frozenset[str]]:
    """First and last words of the verb forms: a cheap test before joining tokens into phrases."""
    forms = _tables.verbs()
    return frozenset(f.split()[0] for f in forms), frozenset(f.split()[-1] for f in forms)


# The tables the token tests below read for nearly every token, bound once: a call through each
# table's cache per token cost more than the test itself.
_VERB_FORMS, _LONGEST_VERB = verb_forms()
_VERB_FIRST_WORDS, _VERB_LAST_WORDS = verb_edges()
_STOPWORDS = _tables.stopwords()
_IRREGULAR_VERBS = _tables.irregular_verbs()
#: Words that are never content (`is_content`): stopwords, verb forms, change and speech words, months.
_NOT_CONTENT = frozenset(_STOPWORDS | _VERB_FORMS.keys() | _tables.change_words().keys()
                         | _tables.source_cues().keys() | _tables.months())


def verb_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """A verb form starting at token i: (lemma, number of tokens), longest first."""
    if tokens[i].low not in _VERB_FIRST_WORDS:
        return None
    lows = [t.low for t in tokens[i:i + _LONGEST_VERB]]
    for n in range(len(lows), 0, -1):
        found = _VERB_FORMS.get(" ".join(lows[:n]))
        if found is not None:
            return found[0], n
    return None


def verb_ending_at(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """A verb form ending at token j (inclusive): (lemma, first token index)."""
    if tokens[j].low not in _VERB_LAST_WORDS:
        return None
    lows = [t.low for t in tokens[max(0, j + 1 - _LONGEST_VERB):j + 1]]
    for n in range(len(lows), 0, -1):
        found = _VERB_FORMS.get(" ".join(lows[-n:]))
        if found is not None:
            return found[0], j - n + 1
    return None


def is_content(token: Token) -> bool:
    return token.is_word and token.low not in _NOT_CONTENT


def looks_verb(token: Token) -> bool:
    return verb_like(token.low)


@lru_cache(maxsize=65536)
def verb_like(low: str) -> bool:
    """A verb form of the tables, a change or speech word, an auxiliary, or a past form."""
    return (low in verb_forms()[0] or low in _tables.change_words() or low in _tables.source_cues()
            or low in AUX or past_form(low))


def past_form(low: str) -> bool:
    """A past form: "-ed" ("agreed", "closed"; not "speed", "greed") or irregular ("brought")."""
    return (len(low) > 4 and low.endswith("ed") and (len(low) > 5 or not low.endswith("eed"))) \
        or low in _IRREGULAR_VERBS


_BRACKET_REACH = 12           # tokens from an opening bracket within which its aside must close


def after_brackets(tokens: list[Token], i: int) -> int:
    """The index after a bracketed aside opening at token i ("20 million Canadian dollars (...) in aid"),
    or i when none opens there (or it does not close within a dozen tokens)."""
    if i < len(tokens) and tokens[i].text == "(":
        close = next((k for k in range(i, min(len(tokens), i + _BRACKET_REACH)) if tokens[k].text == ")"), None)
        return close + 1 if close is not None else i
    return i


def join(sentence: Sentence, words: list[Token]) -> str | None:
    if not words:
        return None
    text = sentence.text[words[0].start - sentence.start: words[-1].end - sentence.start]
    return None if text.lower() in PRONOUNS else text


def phrase_back(tokens: list[Token], j: int, limit: int = 5) -> list[Token]:
    """The noun phrase ending at token j: "Police in Tbilisi", "Ukraine's air force"."""
    out: list[Token] = []
    while j >= 0 and len(out) < limit:
        tok = tokens[j]
        if not tok.is_word:
            break
        inner = tok.low in {"of", "in"} and out and out[0].text[0].isupper()
        if tok.low in _STOPWORDS and not inner:
            break
        out.insert(0, tok)
        j -= 1
    while out and out[0].low in {"of", "in"}:
        out.pop(0)
    return out


def phrase_forward(tokens: list[Token], i: int, limit: int = 6) -> list[Token]:
    out: list[Token] = []
    while i < len(tokens) and tokens[i].low in {"the", "a", "an"}:
        i += 1
    while i < len(tokens) and len(out) < limit:
        tok = tokens[i]
        if not tok.is_word or (tok.low in _STOPWORDS and tok.low not in {"of", "and"}):
            break
        if tok.low in WEEKDAYS or tok.low in {"that", "on", "in"} or (out and looks_verb(tok)):
            break
        out.append(tok)
        i += 1
    while out and out[-1].low in {"of", "and"}:
        out.pop()
    return out
