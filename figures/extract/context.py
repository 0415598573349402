"""Who and what a figure is about, read from the words of its sentence.

No parser: news sentences that state figures are regular enough that a few word-order rules,
backed by word lists in `figures/data/`, recover the counted noun ("39 out of 71 Russian
drones" -> drone), the happening ("downed" -> down), the speaker ("according to regional police"),
the place and the date. Each rule looks at a handful of tokens beside the figure, so the cost per
figure is constant.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

import inflect

from figures import _tables

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d|[^\s\w]")
_IRREGULAR_PLURALS = frozenset({
    "people", "children", "men", "women", "police", "personnel", "staff", "troops", "feet", "teeth",
    "cattle", "livestock", "wounded", "dead", "injured", "sheep", "fish", "aircraft", "crew",
    "militia", "youth", "elderly", "missing", "displaced", "homeless", "data", "media", "infantry",
})
_KEEP_AS_IS = frozenset({"people", "police", "personnel", "staff", "data", "media", "news",
                         "wounded", "dead", "injured", "missing", "displaced", "aircraft",
                         "series", "species", "cattle", "livestock", "sheep", "fish", "crew"})
_META_NOUNS = frozenset({"number", "total", "toll", "tally", "count", "figure", "estimate", "tolls"})
_AUX = frozenset({"were", "was", "are", "is", "been", "being", "be", "have", "has", "had", "got",
                  "get", "will", "would", "reportedly", "also", "later", "then", "all"})
_LINKING = frozenset({"stood", "stands", "reached", "totalled", "totaled", "numbered", "hit", "was",
                      "were", "is", "are", "put", "estimated", "reported", "recorded", "registered"})
_DETERMINERS = frozenset({"the", "its", "their", "these", "those", "all", "his", "her", "our", "them"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "this", "that"})
_CLAUSE_BREAK = frozenset({";", ":", ".", "!", "?", "—", "–", '"', "“", "”"})
_PLACE = re.compile(
    r"\b(?i:in|over|near|across|around|outside|at|on|from|into|off)\s+(?:the\s+)?"
    r"(?P<p>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {name: i + 1 for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
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


@lru_cache(maxsize=1)
def _inflector() -> inflect.engine:
    return inflect.engine()


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """Lower-case singular form of a noun ("casualties" -> "casualty", "people" stays)."""
    low = word.lower()
    if low in _KEEP_AS_IS or not low.endswith("s") and low not in {"children", "men", "women"}:
        return low
    if low.endswith(("ss", "us", "is")):
        return low
    single = _inflector().singular_noun(low)
    return single if isinstance(single, str) and single else low


def looks_plural(word: str) -> bool:
    low = word.lower()
    return low in _IRREGULAR_PLURALS or (
        len(low) > 2 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "’s"))
    )


@dataclass(frozen=True, slots=True)
class Token:
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

    @classmethod
    def of(cls, article_text: str, start: int, end: int) -> "Sentence":
        tokens = []
        for m in _TOKEN.finditer(article_text, start, end):
            text = m.group()
            tokens.append(Token(m.start(), m.end(), text, text.lower(), text[0].isalpha()))
        return cls(article_text[start:end], start, tokens, [t.start for t in tokens])

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_left(self._starts, offset)


@lru_cache(maxsize=None)
def _verb_forms() -> tuple[dict[str, tuple[str, str]], int]:
    forms = _tables.verbs()
    return forms, max(len(f.split()) for f in forms)


@lru_cache(maxsize=None)
def _verb_edges() -> tuple[frozenset[str], frozenset[str]]:
    """First and last words of the verb forms: a cheap test before joining tokens into phrases."""
    forms = _tables.verbs()
    return frozenset(f.split()[0] for f in forms), frozenset(f.split()[-1] for f in forms)


def _verb_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """A verb form starting at token i: (lemma, number of tokens), longest first."""
    if tokens[i].low not in _verb_edges()[0]:
        return None
    forms, longest = _verb_forms()
    for n in range(min(longest, len(tokens) - i), 0, -1):
        phrase = " ".join(t.low for t in tokens[i:i + n])
        if phrase in forms:
            return forms[phrase][0], n
    return None


def _verb_ending_at(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """A verb form ending at token j (inclusive): (lemma, first token index)."""
    if tokens[j].low not in _verb_edges()[1]:
        return None
    forms, longest = _verb_forms()
    for n in range(min(longest, j + 1), 0, -1):
        phrase = " ".join(t.low for t in tokens[j - n + 1:j + 1])
        if phrase in forms:
            return forms[phrase][0], j - n + 1
    return None


def _is_content(token: Token) -> bool:
    low = token.low
    return (token.is_word and low not in _tables.stopwords() and low not in _verb_forms()[0]
            and low not in _tables.change_words() and low not in _tables.source_cues())


def _meta_of(tokens: list[Token], j: int) -> str | None:
    """"the number of wounded at 240": the word counted by a meta noun just before index j."""
    for k in range(j, max(j - 4, 1), -1):
        if tokens[k - 1].low == "of" and k - 2 >= 0 and tokens[k - 2].low in _META_NOUNS and tokens[k].is_word:
            return singular(tokens[k].text)
    return None


_MODIFIER_ENDINGS = ("ical", "ional", "ive", "ous", "ful", "ic", "able", "ible", "ary", "est", "ian", "ese", "ish",
                     "-time", "-year", "-old", "-term")


def _modifier_like(word: str) -> bool:
    """Whether a word before a noun is likely a modifier ("new", "national", "Russian")."""
    return word in {"new", "more", "other", "big", "small", "major", "single", "key", "last", "final",
                    "top", "main", "former", "senior", "young", "old", "first", "extra"} or word.endswith(_MODIFIER_ENDINGS)


@dataclass(frozen=True, slots=True)
class NounPhrase:
    surface: str | None      # as written ("Russian drones")
    subject: str | None      # normalised head ("drone")
    partitive: bool          # "10 of the drones": refers back to a whole
    anaphor: bool            # "12 of them", "39 of which"
    end: int                 # where the phrase ends in the article


def noun_after(sentence: Sentence, pos: int, value: float) -> NounPhrase:
    """The counted noun phrase after a figure that ends at `pos`."""
    tokens = sentence.tokens
    i = sentence.index_at(pos)
    partitive = anaphor = False
    if i < len(tokens) and tokens[i].low == "of":
        if i + 1 < len(tokens) and tokens[i + 1].low in {"them", "which", "whom", "these", "those", "it"}:
            return NounPhrase(None, None, True, True, tokens[i + 1].end)
        j = i + 1
        while j < len(tokens) and tokens[j].low in _DETERMINERS:
            partitive = True
            j += 1
        if j < len(tokens) and tokens[j].text[0].isdigit():
            return NounPhrase(None, None, False, False, pos)   # "39 of 71": a whole follows
        i = j
    words: list[Token] = []
    j = i
    while j < len(tokens) and len(words) < 4:
        tok = tokens[j]
        if not tok.is_word or not _is_content(tok) or tok.low in _tables.months():
            break
        if tok.low.endswith(("ed", "ing")) and not words:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is None or not _is_content(nxt) or nxt.low in {"back", "off", "away", "out"}:
                break                                            # "three turned back", "73 raising the"
        words.append(tok)
        if value == 1 and not partitive and not _modifier_like(tok.low):
            break                                                # "one proposal asks ..."
        if looks_plural(tok.text) and (value != 1 or partitive):
            break
        j += 1
    if not words:
        return NounPhrase(None, None, partitive, False, pos)
    head_index = len(words) - 1
    if value != 1 or partitive:
        for k, tok in enumerate(words):
            if looks_plural(tok.text):
                head_index = k
                break
    words = words[: head_index + 1]
    head = words[-1]
    surface = sentence.text[words[0].start - sentence.start: head.end - sentence.start]
    return NounPhrase(surface, singular(head.text), partitive, False, head.end)


@dataclass(frozen=True, slots=True)
class LeftPhrase:
    words: tuple[str, ...]   # content words before the figure, as written, in order
    subject: str | None      # normalised subject when the figure counts it ("wounded", "death")


def left_phrase(sentence: Sentence, pos: int) -> LeftPhrase:
    """The noun phrase the clause says the figure is about, read leftwards from `pos`.

    "casualties exceed 3,000" -> casualty; "the number of wounded at 240" -> wounded;
    "the death toll rose to 45" -> death. `subject` is set only when the words between the
    phrase and the figure link them ("exceed", "stood at", "rose to"), not when an action verb
    does ("air defences downed 39": the 39 are not air defences).
    """
    tokens = sentence.tokens
    j = sentence.index_at(pos) - 1
    counted = _meta_of(tokens, j) if j >= 2 else None
    if counted is not None:
        return LeftPhrase((counted,), counted)
    skipped = 0
    linked = True
    while j >= 0 and skipped < 6 and not _is_content(tokens[j]):
        if not tokens[j].is_word or tokens[j].low in {"and", "or", "but", "while", "whereas"}:
            return LeftPhrase((), None)
        if tokens[j].low in _verb_forms()[0] and tokens[j].low not in _LINKING:
            linked = False
        j -= 1
        skipped += 1
    chunk: list[Token] = []
    while j >= 0 and len(chunk) < 4 and _is_content(tokens[j]):
        chunk.insert(0, tokens[j])
        j -= 1
    if (chunk and chunk[0].text[0].isupper() and j >= 1 and tokens[j].low in {"in", "at", "near", "over", "around"}
            and _is_content(tokens[j - 1])):
        place_words = chunk                    # "Casualties in Bakhmut exceed 3,000": skip the place
        chunk = []
        j -= 1
        while j >= 0 and len(chunk) < 4 and _is_content(tokens[j]):
            chunk.insert(0, tokens[j])
            j -= 1
        del place_words
    if not chunk:
        return LeftPhrase((), None)
    if any(tokens[k].text[0].isdigit() for k in (j, j - 1) if k >= 0):
        return LeftPhrase((), None)     # "9.4 per cent to $84": those words belong to the earlier figure
    words = tuple(t.text for t in chunk)
    if not linked:
        return LeftPhrase(words, None)
    head = chunk[-1].low
    if j >= 1 and tokens[j].low == "of" and tokens[j - 1].low in _META_NOUNS:
        return LeftPhrase(words, singular(head))                 # the number of wounded
    if head in _META_NOUNS and len(chunk) > 1:
        return LeftPhrase(words, singular(chunk[-2].text))       # the death toll
    return LeftPhrase(words, singular(chunk[-1].text) if looks_plural(chunk[-1].text) or head in _IRREGULAR_PLURALS else None)


def predicate(sentence: Sentence, start: int, end: int) -> str | None:
    """Lemma of the verb that says what happened to the counted things."""
    tokens = sentence.tokens
    i = sentence.index_at(end)
    k = i
    while k < len(tokens) and tokens[k].low in _AUX:
        k += 1
    if k > i and k < len(tokens):
        found = _verb_at(tokens, k)
        if found:
            return found[0]                                      # "12 people were killed"
    first = sentence.index_at(start) - 1
    j = first
    while j >= 0 and first - j < 4 and tokens[j].is_word and not _is_content(tokens[j]):
        found = _verb_ending_at(tokens, j)
        if found:
            return found[0]                                      # "downed 39", "killed at least 12"
        j -= 1
    if i < len(tokens):
        found = _verb_at(tokens, i)
        if found:
            return found[0]                                      # "three turned back"
    j = first
    while j >= 0 and first - j < 9 and tokens[j].text not in _CLAUSE_BREAK:
        found = _verb_ending_at(tokens, j)
        if found:
            return found[0]
        j -= 1
    return None


def _phrase_back(tokens: list[Token], j: int, limit: int = 5) -> list[Token]:
    """The noun phrase ending at token j: "Police in Tbilisi", "Ukraine's air force"."""
    out: list[Token] = []
    while j >= 0 and len(out) < limit:
        tok = tokens[j]
        if not tok.is_word:
            break
        inner = tok.low in {"of", "in"} and out and out[0].text[0].isupper()
        if tok.low in _tables.stopwords() and not inner:
            break
        out.insert(0, tok)
        j -= 1
    while out and out[0].low in {"of", "in"}:
        out.pop(0)
    return out


def _phrase_forward(tokens: list[Token], i: int, limit: int = 6) -> list[Token]:
    out: list[Token] = []
    while i < len(tokens) and tokens[i].low in {"the", "a", "an"}:
        i += 1
    while i < len(tokens) and len(out) < limit:
        tok = tokens[i]
        if not tok.is_word or (tok.low in _tables.stopwords() and tok.low not in {"of", "and"}):
            break
        if tok.low in _WEEKDAYS or tok.low in {"that", "on", "in"} or (out and _looks_verb(tok)):
            break
        out.append(tok)
        i += 1
    while out and out[-1].low in {"of", "and"}:
        out.pop()
    return out


def _join(sentence: Sentence, words: list[Token]) -> str | None:
    if not words:
        return None
    text = sentence.text[words[0].start - sentence.start: words[-1].end - sentence.start]
    return None if text.lower() in _PRONOUNS else text


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
                found = _join(sentence, _phrase_forward(tokens, i + 2))
                if found:
                    return found
        elif cues.get(low) == "before":
            found = _join(sentence, _phrase_forward(tokens, i + 1))
            if found:
                return found
        else:
            before = _phrase_back(tokens, i - 1)
            if before and before[-1].low not in _PRONOUNS:
                return _join(sentence, before)
            if i > 0 and tokens[i - 1].text == ",":
                found = _join(sentence, _phrase_forward(tokens, i + 1))   # ", said the ministry"
                if found:
                    return found
    return None


def places(sentence: Sentence) -> list[tuple[int, str]]:
    """(offset, name) of each place the sentence names after a locative preposition ("over Kyiv")."""
    found = []
    for m in _PLACE.finditer(sentence.text):
        words = [w for w in m.group("p").split() if w.lower() not in _tables.stopwords()]
        words = [w for w in words if w.lower().rstrip(".") not in _tables.months()
                 and w.lower() not in _WEEKDAYS]
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
        target = _WEEKDAYS.index(m.group("w").lower())
        back = (article_date.weekday() - target) % 7
        return article_date - dt.timedelta(days=back)
    if _YESTERDAY.search(text):
        return article_date - dt.timedelta(days=1)
    return None


_PREDICATE_ADJECTIVES = frozenset({"wide", "long", "deep", "high", "tall", "old", "thick", "away", "ago",
                                   "later", "earlier", "apart", "off", "each", "apiece", "overall"})


def of_phrase(sentence: Sentence, pos: int) -> str | None:
    """The noun phrase after "of"/"in" following a measure ("2.5% of GDP", "$4bn in aid")."""
    tokens = sentence.tokens
    i = sentence.index_at(pos)
    if i < len(tokens) and tokens[i].text == "(":      # "20 million Canadian dollars (...) in aid"
        close = next((k for k in range(i, min(len(tokens), i + 12)) if tokens[k].text == ")"), None)
        i = close + 1 if close is not None else i
    if i < len(tokens) and tokens[i].low in {"of", "in", "for", "on"}:
        return _join(sentence, [t for t in _phrase_forward(tokens, i + 1, 4)
                                if t.low not in _tables.stopwords()])
    return None


_CLAUSE_OPENERS = frozenset({"while", "whereas", "but", "and", "although", "though", "because", "as",
                             "when", "after", "before", "since", "if", "unless", "which", "who", "that"})
_ADVERBIALS = frozenset({"meanwhile", "however", "nevertheless", "also", "still", "yet", "now", "so",
                         "far", "then", "indeed", "instead", "overall", "separately", "earlier", "later"})
_SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "you", "i", "this", "that", "there",
                               "these", "those", "its", "their"})


_LEADING_PREPOSITIONS = frozenset({"in", "on", "at", "for", "after", "since", "during", "over", "following", "to",
                                   "last", "with", "among", "between", "from", "by", "under", "across",
                                   "despite", "before", "until", "within", "throughout", "earlier"})


def _after_leading_phrase(tokens: list[Token], i: int, end: int) -> int:
    """Skip an opening adverbial ("In the last three months", "On Monday,") to where the subject starts."""
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


def _looks_verb(token: Token) -> bool:
    low = token.low
    return (low in _verb_forms()[0] or low in _tables.change_words() or low in _tables.source_cues()
            or low in _AUX or (len(low) > 4 and low.endswith("ed")))


def _introduction_end(tokens: list[Token], i: int, end: int) -> int:
    """Skip an introductory phrase closed by a comma ("Alternatively,", "Two years later,",
    "To land the catch,", "In the last three months the OCS ...") if it holds no verb and
    does not hold the figure itself."""
    for k in range(i, min(end, i + 8)):
        if tokens[k].text in {",", ":"}:
            if not any(_looks_verb(t) for t in tokens[i:k] if t.is_word and t.low != "to"):
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

    "The September crude contract was up 19 cents" -> "September crude contract";
    "Meanwhile, exports to China dropped 7%" -> "exports to China". A pronoun subject gives None.
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
    i = _introduction_end(tokens, start, end) if start < end else start
    while i < end and (not tokens[i].is_word or tokens[i].low in _ADVERBIALS
                       or tokens[i].low in _tables.qualifiers() or tokens[i].low in _tables.number_words()
                       or tokens[i].low in {"the", "a", "an", "so", "last", "this", "that"}):
        i += 1
    words: list[Token] = []
    while i < end and len(words) < 6:
        tok = tokens[i]
        if not tok.is_word and tok.text not in {"(", ")", "/", "&"}:
            break
        if tok.is_word and (_looks_verb(tok) or (tok.low in _tables.stopwords() and tok.low not in {"of", "to"})):
            break
        if words and tok.is_word and _verb_by_position(tokens, i, end):
            break
        words.append(tok)
        i += 1
    while words and (not words[-1].is_word or words[-1].low in {"of", "to"}):
        words.pop()
    if not words or words[0].low in _SUBJECT_PRONOUNS:
        return None
    return sentence.text[words[0].start - sentence.start: words[-1].end - sentence.start]


_PREDICATE_ADJECTIVES = frozenset({"wide", "long", "deep", "high", "tall", "old", "thick", "away", "ago",
                                   "later", "earlier", "apart", "off", "each", "apiece", "overall"})


def of_phrase(sentence: Sentence, pos: int) -> str | None:
    """The noun phrase after "of"/"in" following a measure ("2.5% of GDP", "$4bn in aid")."""
    tokens = sentence.tokens
    i = sentence.index_at(pos)
    if i < len(tokens) and tokens[i].text == "(":      # "20 million Canadian dollars (...) in aid"
        close = next((k for k in range(i, min(len(tokens), i + 12)) if tokens[k].text == ")"), None)
        i = close + 1 if close is not None else i
    if i < len(tokens) and tokens[i].low in {"of", "in", "for", "on"}:
        return _join(sentence, [t for t in _phrase_forward(tokens, i + 1, 4)
                                if t.low not in _tables.stopwords()])
    return None


_CLAUSE_OPENERS = frozenset({"while", "whereas", "but", "and", "although", "though", "because", "as",
                             "when", "after", "before", "since", "if", "unless", "which", "who", "that"})
_ADVERBIALS = frozenset({"meanwhile", "however", "nevertheless", "also", "still", "yet", "now", "so",
                         "far", "then", "indeed", "instead", "overall", "separately", "earlier", "later"})
_SUBJECT_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "you", "i", "this", "that", "there",
                               "these", "those", "its", "their"})


_LEADING_PREPOSITIONS = frozenset({"in", "on", "at", "for", "after", "since", "during", "over", "following", "to",
                                   "last", "with", "among", "between", "from", "by", "under", "across",
                                   "despite", "before", "until", "within", "throughout", "earlier"})


def _after_leading_phrase(tokens: list[Token], i: int, end: int) -> int:
    """Skip an opening adverbial ("In the last three months", "On Monday,") to where the subject starts."""
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


def _looks_verb(token: Token) -> bool:
    low = token.low
    return (low in _verb_forms()[0] or low in _tables.change_words() or low in _tables.source_cues()
            or low in _AUX or (len(low) > 4 and low.endswith("ed")))


def clause_subject(sentence: Sentence, pos: int) -> str | None:
    """The noun phrase that opens the clause holding `pos`: what the clause is about.

    "The September crude contract was up 19 cents" -> "September crude contract";
    "Meanwhile, exports to China dropped 7%" -> "exports to China". A pronoun subject gives None.
    """
    tokens = sentence.tokens
    end = sentence.index_at(pos)
    start = 0
    for k in range(end - 1, -1, -1):
        tok = tokens[k]
        if tok.text in {";", ":", "—", "–", "-"} or (
            tok.low in _CLAUSE_OPENERS and k > 0 and (tokens[k - 1].text == "," or tok.low in {"while", "whereas", "but"})
        ):
            start = k + 1
            break
    i = start
    if i < end and tokens[i].low in _LEADING_PREPOSITIONS:
        i = _after_leading_phrase(tokens, i, end)
        start = i
    while i < end and (not tokens[i].is_word or tokens[i].low in _ADVERBIALS
                       or tokens[i].low in {"the", "a", "an", "so", "in", "on", "at", "for", "last", "this"}):
        if tokens[i].text == "," and i > start:
            start = i + 1                      # "So far this year, Tesla shares ..."
        i += 1
    words: list[Token] = []
    while i < end and len(words) < 6:
        tok = tokens[i]
        if not tok.is_word and tok.text not in {"(", ")", "/", "&"}:
            break
        if tok.is_word and (_looks_verb(tok) or (tok.low in _tables.stopwords() and tok.low not in {"of", "to"})):
            break
        words.append(tok)
        i += 1
    while words and (not words[-1].is_word or words[-1].low in {"of", "to"}):
        words.pop()
    if not words or words[0].low in _SUBJECT_PRONOUNS:
        return None
    return sentence.text[words[0].start - sentence.start: words[-1].end - sentence.start]


def measured_noun(surface: str | None) -> str | None:
    """A noun phrase after a measure that names what is measured ("120km front line"), not "wide"."""
    if surface is None or surface.split()[0].lower() in _PREDICATE_ADJECTIVES:
        return None
    return surface
