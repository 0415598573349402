"""The clause around a figure: what happened to what it counts, and what the clause is about.

"downed 39 out of 71 drones" -> down; "12 people were killed" -> kill; "The March copper
contract was up 12 cents" -> the clause is about "March copper contract".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from figures import _tables
from figures.extraction.tokens import CLAUSE_JOINERS, Sentence, Token, looks_verb

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_STOPWORDS = _tables.stopwords()
_NUMBER_WORDS = _tables.number_words()
_QUALIFIERS = _tables.qualifiers()


_CLAUSE_OPENERS = _tables.word_class("clause_opener")


_ADVERBIALS = _tables.word_class("subject_adverbial")


SUBJECT_PRONOUNS = _tables.word_class("subject_pronoun")


_LEADING_PREPOSITIONS = _tables.word_class("leading_preposition")


_LEADING_PHRASE_REACH = 10    # tokens after a leading preposition ("In the past two weeks,") its phrase may run


def _after_leading_phrase(tokens: list[Token], i: int, end: int) -> int:
    """Skip an opening adverbial ("In the past two weeks", "On Monday,") to where the subject starts."""
    for k in range(i + 1, min(end, i + _LEADING_PHRASE_REACH)):
        if tokens[k].text == ",":
            return k + 1
    seen_content = False
    for k in range(i + 1, min(end, i + _LEADING_PHRASE_REACH)):
        if tokens[k].low in {"the", "a", "an"} and seen_content:
            return k
        if tokens[k].is_word and tokens[k].low not in _STOPWORDS:
            seen_content = True
    return i


_INTRODUCTION_REACH = 8       # tokens from a clause's start within which its opening phrase closes ("Two years later,")


def introduction_end(tokens: list[Token], i: int, end: int) -> int:
    """Skip an introductory phrase closed by a comma ("Alternatively,", "Two years later,",
    "To win the bid,", "In the past two weeks the board ...") if it holds no verb and
    does not hold the figure itself."""
    for k in range(i, min(end, i + _INTRODUCTION_REACH)):
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
    return (not nxt.is_word) or nxt.low in _STOPWORDS or nxt.low in _NUMBER_WORDS


_SUBJECT_WORDS = 6            # words of a clause's opening noun phrase, at most
_SUBJECT_SKIP = 30        # tokens read through (numbers, adverbs, articles) before a clause's subject


def _opener_before(sentence: Sentence) -> list[int]:
    """For each token index i, the index after the last clause break before it (0 when none): a
    semicolon, colon or dash, or a clause opener ("while", ", but", "and The ..."). Read once a
    sentence, so that a sentence of thousands of figures costs linear time."""
    if "openers" in sentence.memo:
        return sentence.memo["openers"]  # type: ignore[return-value]
    tokens = sentence.tokens
    out = [0] * (len(tokens) + 1)
    last = 0
    for k, tok in enumerate(tokens):
        out[k] = last
        if tok.text in {";", ":", "—", "–", "-"} or (tok.low in _CLAUSE_OPENERS and k > 0 and (
                tokens[k - 1].text == "," or tok.low in {"while", "whereas", "but"})):
            last = k + 1
    out[len(tokens)] = last
    sentence.memo["openers"] = out
    return out


def _clause_start(sentence: Sentence, end: int) -> int:
    """Where the clause holding token `end` starts: after the nearest break before it, where "and" or
    "as" before a capital or "the" ("and The ...", "as the ...") also opens one unless it stands
    right before `end` itself."""
    tokens = sentence.tokens
    start = _opener_before(sentence)[end]
    for k in range(end - 2, start - 1, -1):          # the nearest "and The" / "as the" after that break
        tok = tokens[k]
        if tok.low in {"and", "as"} and tok.low in _CLAUSE_OPENERS and k > 0 \
                and (tokens[k + 1].text[0].isupper() or tokens[k + 1].low == "the"):
            return k + 1
        if end - k > _CLAUSE_LOOK_BACK:
            break
    return start


_CLAUSE_LOOK_BACK = 60    # tokens back within which "and The ..." opens the figure's clause
#: The pronouns that open a relative aside after a comma ("The mayor, who ..., said").
RELATIVES = frozenset({"which", "who"})
_ASIDE_TOKENS = 24        # tokens after "which"/"who" within which the aside they open must close


def aside_opened_at(tokens: list[Token], start: int) -> int | None:
    """The index of the "which"/"who" that opens a relative aside after a comma at or right before a
    clause start ("The material, which ..."), or None."""
    r = start if start < len(tokens) and tokens[start].low in RELATIVES else start - 1
    return r if r > 0 and tokens[r].low in RELATIVES and tokens[r - 1].text == "," else None


def resume_point(sentence: Sentence, r: int) -> int | None:
    """The comma that closes the relative aside opened at token r when a verb follows it, which the
    interrupted clause goes on with ("The material, which is made of carbon, reached ..."), within a
    few tokens and before any other aside or break; None otherwise (read once per aside)."""
    key = ("aside closes", r)
    memo = sentence.memo
    if key not in memo:
        tokens = sentence.tokens
        found = None
        for k in range(r + 1, min(len(tokens) - 1, r + _ASIDE_TOKENS)):
            tok = tokens[k]
            if tok.low in RELATIVES or tok.text in _BREAK_TOKENS:
                break                                # another aside or a clause break: say nothing
            if tok.text == "," and tokens[k + 1].is_word and looks_verb(tokens[k + 1]):
                found = k
                break
        memo[key] = found
    return memo[key]  # type: ignore[return-value]


def resumed(tokens: list[Token], start: int, end: int, sentence: Sentence) -> tuple[int, int]:
    """The clause start the figure at token `end` reads its subject from, and where that subject must
    end: when the figure stands after a relative aside's closing comma and the verb after it ("The
    material, which is made of carbon, reached 113 GPa"), the clause the aside interrupts, up to the
    aside's comma (the material); otherwise `start` and `end` as they are, also for a figure inside
    the aside ("The senator, who won 52% of the vote, said ...") and for an aside inside another."""
    r = aside_opened_at(tokens, start) if start < end else None
    if r is None:
        return start, end
    k = resume_point(sentence, r)
    if k is None or k + 1 >= end:
        return start, end
    outer = _clause_start(sentence, r - 1)
    if aside_opened_at(tokens, outer) is not None:
        return start, end                            # "The report, which the minister, who ..., said ..."
    return outer, r - 1


def clause_subject(sentence: Sentence, pos: int) -> str | None:
    """The noun phrase that opens the clause holding `pos`: what the clause is about.

    "The March copper contract was up 12 cents" -> "March copper contract";
    "Meanwhile, sales to Brazil slipped 6%" -> "sales to Brazil". A pronoun subject gives None.
    """
    tokens = sentence.tokens
    end = sentence.index_at(pos)
    start, subject_end = resumed(tokens, _clause_start(sentence, end), end, sentence)
    i = introduction_end(tokens, start, subject_end) if start < subject_end else start
    skip_to = min(subject_end, i + _SUBJECT_SKIP)
    while i < skip_to and (not tokens[i].is_word or tokens[i].low in _ADVERBIALS
                       or tokens[i].low in _QUALIFIERS or tokens[i].low in _NUMBER_WORDS
                       or tokens[i].low in {"the", "a", "an", "so", "last", "this", "that"}):
        i += 1
    words: list[Token] = []
    while i < subject_end and len(words) < _SUBJECT_WORDS:
        tok = tokens[i]
        if not tok.is_word and tok.text not in {"(", ")", "/", "&"}:
            break
        if tok.is_word and (looks_verb(tok) or (tok.low in _STOPWORDS and tok.low not in {"of", "to"})):
            break
        if words and tok.is_word and _verb_by_position(tokens, i, subject_end):
            break
        words.append(tok)
        i += 1
    while words and (not words[-1].is_word or words[-1].low in {"of", "to"}):
        words.pop()
    if not words or words[0].low in SUBJECT_PRONOUNS:
        return None
    return sentence.text[words[0].start - sentence.start: words[-1].end - sentence.start]


#: Words that open a clause set against the one before it: "40,000 marched, though police counted 9,000".
CONTRAST_JOINERS = _tables.word_class("contrast_joiner")
_OPENS_AFTER_COMMA = CLAUSE_JOINERS | CONTRAST_JOINERS | _tables.word_class("comma_clause_opener")
_BREAK_TOKENS = _tables.word_class("clause_cut")


@dataclass(frozen=True, slots=True)
class Clause:
    """A run of a sentence's tokens, [first, stop), that reads as one clause."""

    first: int
    stop: int
    contrast: bool      # opened by a contrast word: set against the clause before


def clause_spans(sentence: Sentence) -> tuple[Clause, ...]:
    """The sentence cut into clauses, in order, covering every token.

    Cuts fall at ";", dashes and brackets, at a comma before "and", "but", "while", "which" ...,
    and before a contrast word even without a comma ("40,000 marched though police counted 9,000").
    No parser: a clause here is what the punctuation and joiners make one, which is what a figure's
    place, date and source attach to in news prose.
    """
    tokens = sentence.tokens
    cuts: list[tuple[int, bool]] = [(0, False)]
    opening = bool(tokens) and tokens[0].low in CONTRAST_JOINERS - {"but", "however", "yet"}
    for i, tok in enumerate(tokens):
        if i == 0:
            continue
        if opening and tok.text == ",":
            cuts.append((i + 1, True))               # "While the union counted a million, police ...": the
            opening = False                          # main clause is set against the opening one
            continue
        if tok.text in _BREAK_TOKENS:
            cuts.append((i if tok.text in "([" else i + 1, False))
        elif tok.low in CONTRAST_JOINERS and tok.is_word:
            if tok.low in {"however", "though"} and tokens[i - 1].text == "," and i + 1 < len(tokens) \
                    and tokens[i + 1].text == ",":
                cuts[-1] = (cuts[-1][0], True)       # "The police, however, speak of ...": one clause
            elif cuts[-1][0] == i - 1 and tokens[i - 1].text in "([":
                cuts[-1] = (i - 1, True)             # "(although ...)": one clause, set against the last
            else:
                cuts.append((i, True))
        elif tok.text == "," and i + 1 < len(tokens) and tokens[i + 1].low in _OPENS_AFTER_COMMA \
                and not _enclosed_aside(tokens, i + 1):
            cuts.append((i + 1, False))
    clauses: list[Clause] = []
    for (first, contrast), (stop, _) in zip(cuts, cuts[1:] + [(len(tokens), False)]):
        if stop > first:
            if clauses and clauses[-1].stop < first:
                first = clauses[-1].stop
            clauses.append(Clause(first, stop, contrast))
        elif contrast and clauses:
            clauses[-1] = Clause(clauses[-1].first, clauses[-1].stop, True)
    if not clauses or clauses[-1].stop < len(tokens):
        last = clauses[-1].stop if clauses else 0
        clauses.append(Clause(last, len(tokens), False))
    return Spans(clauses)


def _enclosed_aside(tokens: list[Token], k: int) -> bool:
    """", however," between commas: an aside inside one clause, not the start of another."""
    return (tokens[k].low in {"however", "though"} and k + 1 < len(tokens) and tokens[k + 1].text == ",")


_FEW_SPANS = 16               # up to this many spans, scanning them costs less than bisecting


class Spans(tuple):
    """Token spans of a sentence (clauses, places, time phrases: anything with `first` and `stop`),
    in order of their first tokens, so that in a long sentence the ones near a figure are found by
    bisection, not by a scan of every span per figure (`firsts` is read the first time it is needed)."""

    def firsts(self) -> list[int] | None:
        """The spans' first tokens, or None when they are not in order (then nothing is bisected)."""
        cached = self.__dict__.get("_firsts", False)
        if cached is False:
            firsts = [s.first for s in self]
            cached = self.__dict__["_firsts"] = firsts if all(a <= b for a, b in zip(firsts, firsts[1:])) else None
        return cached

    def longest(self) -> int:
        """The most tokens any of the spans covers."""
        cached = self.__dict__.get("_longest")
        if cached is None:
            cached = self.__dict__["_longest"] = max((s.stop - s.first for s in self), default=0)
        return cached


def starting_within(spans: tuple, low: int, high: int) -> tuple:  # type: ignore[type-arg]
    """The spans whose first token is in [low, high], in order, for a long `Spans`; a short or plain
    tuple is returned whole (its callers test each span anyway)."""
    if len(spans) <= _FEW_SPANS or not isinstance(spans, Spans):
        return spans
    firsts = spans.firsts()
    return spans if firsts is None else spans[bisect_left(firsts, low):bisect_right(firsts, high)]


def clause_at(clauses: tuple[Clause, ...], index: int) -> int:
    """Index of the clause that holds token `index` (the last clause when none does). A bisection
    when the clauses come from `clause_spans`, so that a sentence of thousands of clauses (a long
    list cut by semicolons) costs linear time, not a scan of every clause per figure."""
    firsts = clauses.firsts() if len(clauses) > _FEW_SPANS and isinstance(clauses, Spans) else None
    if firsts is None:
        for k, clause in enumerate(clauses):
            if clause.first <= index < clause.stop:
                return k
        return len(clauses) - 1
    k = bisect_right(firsts, index) - 1
    return k if k >= 0 and index < clauses[k].stop else len(clauses) - 1
