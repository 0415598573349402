"""Who states a figure: "according to regional police", "the air force said", "police counted".

Read per clause (see `sentence_view`): a clause that names its own source keeps it ("Organisers
said 60,000 marched, while police put the crowd at 20,000"), and a figure followed directly by
"according to X" is X's ("100,000 according to police, 350,000 according to organisers").
Places and dates are read in `scope`.
"""

from __future__ import annotations

from figures import _tables
from figures.extraction.clauses import CONTRAST_JOINERS, RELATIVES
from figures.extraction.tokens import AUX, CLAUSE_JOINERS, PRONOUNS, Sentence, Token, join, phrase_back, phrase_forward

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_NUMBER_WORDS = _tables.number_words()
_SOURCE_CUES = _tables.source_cues()

_SPEECH = _tables.word_class("speech_verb")
_NOT_SOURCE_WORDS = CLAUSE_JOINERS | CONTRAST_JOINERS | _tables.word_class("not_source_opener")


_ASIDE_REACH = 16             # tokens back from its closing comma within which a relative aside must open


def _before_aside(tokens: list[Token], j: int) -> int:
    """The index before a relative aside (", who took office in May,") whose closing comma is token j;
    j itself when no such aside closes there."""
    for k in range(j - 1, max(j - _ASIDE_REACH, 0), -1):
        if tokens[k].text in {",", ";", "(", ")"}:
            return k - 1 if tokens[k].text == "," and tokens[k + 1].low in RELATIVES else j
    return j


def _claimant(tokens: list[Token], i: int) -> list[Token]:
    """The noun phrase before a reporting verb at token i, without a leading joiner ("although X")."""
    j = i - 1
    while j >= 0 and tokens[j].low in AUX:
        j -= 1                                    # "Organisers have said": the subject is before the auxiliary
    if j >= 2 and tokens[j].text == "," and tokens[j - 1].low in {"however", "though", "meanwhile", "also"} \
            and tokens[j - 2].text == ",":
        j -= 3                                    # "Police, however, put the number at ..."
    elif j >= 0 and tokens[j].text == ",":
        j = _before_aside(tokens, j)              # "The mayor, who took office in May, said ..."
    before = phrase_back(tokens, j)
    while before:                                 # "Organisers of the march have said": read on past "of the"
        k = tokens.index(before[0]) if before[0] in tokens else -1
        if k >= 3 and tokens[k - 1].low == "the" and tokens[k - 2].low == "of":
            head = phrase_back(tokens, k - 3)
            if head:
                before = head + tokens[k - 2:k] + before
                continue
        break
    if any(t.low in _NUMBER_WORDS or t.text[:1].isdigit() for t in before):
        return []                                 # "nine deaths confirmed": the counted noun, not a source
    while before and before[0].low in _NOT_SOURCE_WORDS:
        before = before[1:]
    return before


def source(sentence: Sentence) -> str | None:
    """Who the sentence (or clause) says states its figures.

    The one who speaks wins over the medium that reports it ("Police estimated 100,000, according to
    a daily" is the police's figure); "according to X" wins over other reporting verbs ("put",
    "estimated"): in "Officials put the toll at 240, the governor said", the governor speaks.
    """
    tokens = sentence.tokens
    cues = _SOURCE_CUES

    def rank(i: int) -> tuple[int, int]:
        low = tokens[i].low
        if low in _SPEECH:
            return 0, i
        if low == "according" or cues.get(low) == "before":
            return 1, i
        return 2, i

    for i in sorted((i for i, tok in enumerate(tokens) if tok.low in cues or tok.low == "according"), key=rank):
        low = tokens[i].low
        if low == "according":
            if i + 1 < len(tokens) and tokens[i + 1].low == "to":
                found = join(sentence, phrase_forward(tokens, i + 2))
                if found:
                    return found
        elif cues.get(low) == "before":
            found = join(sentence, phrase_forward(tokens, i + 1))
            if found:
                return found
        else:
            before = _claimant(tokens, i)
            if before and before[-1].low not in PRONOUNS:
                return join(sentence, before)
            if i > 0 and tokens[i - 1].text == "," and low in _SPEECH:
                found = join(sentence, phrase_forward(tokens, i + 1))   # ", said the ministry"
                if found:
                    return found
    return None


def trailing_source(sentence: Sentence, k: int) -> str | None:
    """"100,000 people according to police": the source written right after a figure's noun (token k)."""
    tokens = sentence.tokens
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
    if k + 2 < len(tokens) and tokens[k].low == "according" and tokens[k + 1].low == "to":
        return join(sentence, phrase_forward(tokens, k + 2))
    return None
