"""What a figure counts or measures: the noun phrase after it, or the subject before it.

"39 out of 71 Russian drones" -> drone; "casualties exceed 3,000" -> casualty; "the number of
wounded at 240" -> wounded; "the death toll rose to 45" -> death; "2.5% of GDP" -> GDP.
Each function reads one kind of phrase; `about` decides which of them says what a figure counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from figures import _tables
from figures.extraction import units
from figures.extraction.numbers import TIMES_SIGNS
from figures.extraction.tokens import (
    AUX, DETERMINERS, IRREGULAR_PLURALS, LINKING, META_NOUNS, WEEKDAYS, Sentence, Token, after_brackets, is_content,
    join, looks_plural, looks_verb, phrase_forward, singular, verb_forms,
)

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_STOPWORDS = _tables.stopwords()
_MONTHS = _tables.months()
_CHANGE_WORDS = _tables.change_words()
#: Prepositions before a place that ends a noun phrase: "casualties near Darsa exceed 3,000".
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "over", "around", "from"})
#: Prepositions after which a noun phrase only says whose the thing before them is: "a ticket for the
#: concert", "flights to the coast", "the aid to the region" are a ticket, flights and aid (the noun
#: must be plural, open the sentence or follow a determiner, so that "how to", "due to" stay out). A
#: name after them ("flights to Lisbon") tells one such thing from another, so no head is read there.
_HEAD_BEFORE = frozenset({"for", "to"})
#: Nouns that name what happened to the people they count ("casualties", "deaths", "the wounded"):
#: in "casualties among the troops" the figure counts the troops' casualties.
_TOLL_NOUNS = frozenset(noun for noun, entry in _tables.kinds().items()
                        if entry.kind == "person" and entry.happening not in (None, "attend") and "whole" not in entry.flags)


#: "sold 500 last year", "2,000 this month": a relative-time word before a calendar noun opens a time
#: phrase, which the figure does not count.
_RELATIVE_TIME = _tables.word_class("relative_time_word")
_CALENDAR_NOUNS = _tables.word_class("calendar_noun")


def _time_phrase_at(tokens: list[Token], j: int) -> bool:
    return (tokens[j].low in _RELATIVE_TIME and j + 1 < len(tokens)
            and (tokens[j + 1].low in _CALENDAR_NOUNS or tokens[j + 1].low in _MONTHS or tokens[j + 1].low in WEEKDAYS))


_JOINERS = frozenset({"and", "or"})
_COORDINATED_REACH = 2        # words after "and" within which the head the joined modifiers share must stand


def _coordinated(tokens: list[Token], j: int, room: int) -> bool:
    """Whether "and"/"or" at index j joins two modifiers of one plural head right after it ("new and
    used cars", "digital and physical sales"), rather than two phrases ("homes and 3 shops"), with
    the joiner, the modifier and the head within `room` words. The head is in lower case: "43%
    Containment and Significant Advances" is a title."""
    for k in range(j + 1, min(len(tokens), j + 1 + _COORDINATED_REACH, j + room)):
        tok = tokens[k]
        if not tok.is_word or not is_content(tok) or looks_verb(tok) and not looks_plural(tok.text):
            return False
        if looks_plural(tok.text):
            return k > j + 1 and tok.text[0].islower()      # a modifier, then the head
    return False


_META_NOUN_REACH = 4               # tokens before a figure within which "the number of X" may end
_NOUN_WORDS = 4               # words of a counted noun phrase, at most ("Russian attack drones")
_LEFT_SKIP = 6                # verbs and function words read through leftwards before a figure's subject
_LEFT_WORDS = 4               # words of that subject, at most


def _meta_of(tokens: list[Token], j: int) -> str | None:
    """"the number of wounded at 240": the word counted by a meta noun just before index j."""
    for k in range(j, max(j - _META_NOUN_REACH, 1), -1):
        if tokens[k - 1].low == "of" and k - 2 >= 0 and tokens[k - 2].low in META_NOUNS and tokens[k].is_word:
            return singular(tokens[k].text)
    return None


_MODIFIER_ENDINGS = ("ical", "ional", "ive", "ous", "ful", "ic", "able", "ible", "ary", "est", "ian", "ese", "ish",
                     "-time", "-year", "-old", "-term")


def _modifier_like(word: str) -> bool:
    """Whether a word before a noun is likely a modifier ("new", "national", "Russian")."""
    return word in {"new", "more", "other", "big", "small", "major", "single", "key", "last", "final",
                    "top", "main", "former", "senior", "young", "old", "first", "extra"} or word.endswith(_MODIFIER_ENDINGS)


@dataclass(slots=True)
class NounPhrase:
    surface: str | None      # as written ("Russian drones")
    subject: str | None      # normalised head ("drone")
    partitive: bool          # "10 of the drones": refers back to a whole
    anaphor: bool            # "12 of them", "39 of which"
    end: int                 # where the phrase ends in the article


_CLOSING_QUOTES = frozenset({"”", "’", '"', "'", "»"})
_COMPOUND = re.compile(r"-(?P<w>[A-Za-z]{3,})\b(?![-’'])")


def noun_after(sentence: Sentence, pos: int, value: float) -> NounPhrase:
    """The counted noun phrase after a figure that ends at `pos`."""
    compound = _COMPOUND.match(sentence.text, pos - sentence.start)
    if compound and compound.group("w").lower() not in _STOPWORDS:
        word = compound.group("w")               # "a six-cylinder engine", "a 12-member team"
        return NounPhrase(word, singular(word), False, False, sentence.start + compound.end())
    shared = units.suspended_word(sentence.text, pos - sentence.start)
    if shared is not None and shared.lower() not in _STOPWORDS:
        return NounPhrase(shared, singular(shared), False, False, pos + 1)   # "two- and three-bedroom flats"
    tokens = sentence.tokens
    i = sentence.index_at(pos)
    if i + 1 < len(tokens) and tokens[i].text in _CLOSING_QUOTES and tokens[i + 1].is_word:
        i += 1                                   # '"more than 800,000" people': the noun is outside the quote
    if i < len(tokens) and tokens[i].low in TIMES_SIGNS:
        return NounPhrase(None, None, False, False, pos)       # "4 x 100m": repetitions of a measure
    partitive = False
    if i < len(tokens) and tokens[i].low == "of":
        if i + 1 < len(tokens) and tokens[i + 1].low in {"them", "which", "whom", "these", "those", "it"}:
            return NounPhrase(None, None, True, True, tokens[i + 1].end)
        j = i + 1
        while j < len(tokens) and (tokens[j].low in DETERMINERS or (partitive and tokens[j].low == "most")):
            partitive = True                    # "one of the most famous bridges"
            j += 1
        if j < len(tokens) and tokens[j].text[0].isdigit():
            return NounPhrase(None, None, False, False, pos)   # "39 of 71": a whole follows
        i = j
    words: list[Token] = []
    j = i
    while j < len(tokens) and len(words) < _NOUN_WORDS:
        tok = tokens[j]
        if (tok.low in _JOINERS and words and not looks_plural(words[-1].text)
                and _coordinated(tokens, j, _NOUN_WORDS - len(words))):
            words.append(tok)                   # "2,000 new and used cars": modifiers joined before the head
            j += 1
            continue
        participle = (not words and tok.low.endswith("ed") and j + 1 < len(tokens)
                      and is_content(tokens[j + 1]) and looks_plural(tokens[j + 1].text))
        if not participle and (not tok.is_word or not is_content(tok) or tok.low in _MONTHS
                               or _time_phrase_at(tokens, j)):
            break                               # ("300 recorded songs": "recorded" describes the songs)
        if tok.low.endswith(("ed", "ing")) and not words:
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if (nxt is None or not is_content(nxt) or nxt.low in {"back", "off", "away", "out"}) and not (
                    nxt is not None and nxt.low in _JOINERS and _coordinated(tokens, j + 1, _NOUN_WORDS - 1)):
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


@dataclass(slots=True)
class LeftPhrase:
    words: tuple[str, ...]   # content words before the figure, as written, in order
    subject: str | None      # normalised subject when the figure counts it ("wounded", "death")
    group: str | None = None  # whose they are, after "among": "casualties among the troops" -> troop


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
    while j >= 0 and skipped < _LEFT_SKIP and (not is_content(tokens[j]) or looks_verb(tokens[j])):
        if not tokens[j].is_word or tokens[j].low in {"and", "or", "but", "while", "whereas"}:
            return LeftPhrase((), None)
        low = tokens[j].low
        acts = low in verb_forms()[0] or (looks_verb(tokens[j]) and low not in _CHANGE_WORDS and low not in AUX)
        if acts and low not in LINKING:
            linked = False                       # "air defences downed 39": not "rose to", "was", "stood at"
        j -= 1
        skipped += 1
    chunk: list[Token] = []
    while j >= 0 and len(chunk) < _LEFT_WORDS and is_content(tokens[j]) and tokens[j].low not in _PLACE_PREPOSITIONS:
        chunk.insert(0, tokens[j])
        j -= 1
    if (chunk and chunk[0].text[0].isupper() and j >= 1 and tokens[j].low in _PLACE_PREPOSITIONS
            and is_content(tokens[j - 1])):
        chunk = []                             # "Casualties in Bakhmut exceed 3,000": skip the place
        j -= 1
        while j >= 0 and len(chunk) < _LEFT_WORDS and is_content(tokens[j]):
            chunk.insert(0, tokens[j])
            j -= 1
    k = j
    while k >= 0 and tokens[k].low in DETERMINERS:
        k -= 1
    group = None
    if chunk and k >= 1 and tokens[k].low == "among" and singular(tokens[k - 1].text) in _TOLL_NOUNS:
        group = singular(chunk[-1].text)         # "casualties among the troops exceed 3,000": the troops'
        chunk, j = [tokens[k - 1]], k - 2       # casualties
    elif chunk and k >= 1 and tokens[k].low in _HEAD_BEFORE and is_content(tokens[k - 1]) \
            and not looks_verb(tokens[k - 1]) and (looks_plural(tokens[k - 1].text) or k == 1
                                                 or tokens[k - 2].low in DETERMINERS or tokens[k - 2].low in {"a", "an"}):
        if any(t.text[:1].isupper() for t in chunk):
            return LeftPhrase((), None)          # "flights to Lisbon", "a ticket for the Halden festival"
        chunk, j = [tokens[k - 1]], k - 2       # "a ticket for the concert costs €80": the ticket
    if not chunk:
        return LeftPhrase((), None)
    if any(tokens[k].text[0].isdigit() for k in (j, j - 1) if k >= 0):
        return LeftPhrase((), None)     # "6.1 per cent to $57": those words belong to the earlier figure
    words = tuple(t.text for t in chunk)
    if not linked:
        return LeftPhrase(words, None)
    head = chunk[-1].low
    if j >= 1 and tokens[j].low == "of" and tokens[j - 1].low in META_NOUNS:
        return LeftPhrase(words, singular(head))                 # the number of wounded
    if head in META_NOUNS and len(chunk) > 1:
        return LeftPhrase(words, singular(chunk[-2].text))       # the death toll
    return LeftPhrase(words, singular(chunk[-1].text) if looks_plural(chunk[-1].text) or head in IRREGULAR_PLURALS else None,
                      group)


_PREDICATE_ADJECTIVES = _tables.word_class("predicate_adjective")


def of_phrase(sentence: Sentence, pos: int) -> str | None:
    """The noun phrase after "of"/"in" following a measure ("2.5% of GDP", "$4bn in aid")."""
    tokens = sentence.tokens
    i = after_brackets(tokens, sentence.index_at(pos))          # "20 million Canadian dollars (...) in aid"
    if i < len(tokens) and tokens[i].low in {"of", "in", "for", "on"}:
        if i + 1 < len(tokens) and tokens[i + 1].low.endswith("ing"):
            return None                                  # "fined ... for criticising": a reason, not a thing
        if tokens[i].low != "of" and i + 1 < len(tokens) and tokens[i + 1].text[0].isupper():
            return None                                  # "$5m for Port Elara": a place or name, not a thing
        return join(sentence, [t for t in phrase_forward(tokens, i + 1, 4)
                                if t.low not in _STOPWORDS])
    return None


def measured_noun(surface: str | None) -> str | None:
    """A noun phrase after a measure that names what is measured ("120km front line"), not "wide"."""
    if surface is None or surface.split()[0].lower() in _PREDICATE_ADJECTIVES:
        return None
    return surface


def measure_of(sentence: Sentence, pos: int) -> str | None:
    """"Winds of 125 mph", "rainfall of 300mm": the noun a measure is written as being of."""
    tokens = sentence.tokens
    j = sentence.index_at(pos) - 1
    if j >= 1 and tokens[j].low == "of" and is_content(tokens[j - 1]) and not looks_verb(tokens[j - 1]):
        return singular(tokens[j - 1].text)
    return None


def unit_head(surface: str | None) -> _tables.UnitEntry | None:
    """The unit a counted phrase ends in ("517 rushing yards", "two more years"), if it is one."""
    if not surface:
        return None
    head = surface.split()[-1]
    table = _tables.suffixes()
    entry = table.by_exact.get(head) or table.by_folded.get(head.lower())
    return entry if entry is not None and entry.dimension != "currency" and len(head) > 2 else None
