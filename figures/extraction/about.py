"""What a figure is about, decided in one place: what it counts or measures, and what it is said about.

The phrase readers are elsewhere, one kind of phrase each: `nouns` (the counted noun after a figure,
the subject left of it, what a measure is "of"), `clauses` (the phrase a clause opens with) and
`concepts` (the framing phrases of a concept). This module decides, for one figure, which of them
say what it counts (`noun`, `subject`), what it is said about (`concept`), and whether the counted
noun turns it into a measure ("517 rushing yards") or a rate ("120 km per hour"). Afterwards,
`continued` and `shared` let a figure take what the figures it goes on from, restates or is a part
of are about.
"""

from __future__ import annotations

import re

from figures import _tables
from figures.extraction import clauses, concepts, nouns, units
from figures.extraction.figure import About, Figure, Found
from figures.extraction.number_core import within
from figures.extraction.tokens import Sentence, singular


#: A figure stated as a yearly rate by the words right before it (a month's or a quarter's pace, scaled to a year).
_ANNUAL_RATE_BEFORE = re.compile(r"\b(?:annuali[sz]ed|annual (?:rate|pace) of)[ \u00a0]+$", re.IGNORECASE)
_ANNUAL_RATE_REACH = 24       # characters: "annual rate of " and a space or two


#: A sum whose noun phrase says what it is per, before it: "earnings per share rose to $2.94", "revenue
#: per user of £4.10" (the per noun, then up to four lower-case words and no figure or clause break).
_PER_NOUN_BEFORE = re.compile(r"\bper[ \u00a0](?P<noun>share|user|subscriber|head|capita|person|passenger|household)"
                              r"(?:[ \u00a0][a-z]+){0,4}[ \u00a0]$", re.IGNORECASE)
_PER_NOUN_REACH = 60          # characters: "per subscriber" and four words


def read(text: str, found: Found, sentence: Sentence) -> tuple[Found, About]:
    """What the figure `found` in `sentence` is about, and the figure with the unit its counted noun
    gives it (unchanged when the noun is no unit and no rate follows)."""
    start, end, unit, dimension = found.start, found.end, found.unit, found.dimension
    noun = nouns.noun_after(sentence, end, found.value)
    per_word = None
    per = units.per_after(text, noun.end if dimension == "count" and noun.surface else end)
    per_of = None
    if per is None and dimension not in ("count", "fraction", "age"):
        per = per_of = units.per_after_of(text, end)     # "150 gigatonnes of ice a year"
    if per is not None and per[0] == "unit" and dimension != "currency":
        per = per_of = None                        # "posts 3 m each": each measures it; only a price is per unit
    read_from = end                                # where the words after the figure begin
    if per is not None:
        # "5 km of road a year" is road built in a year, no speed
        speed = units.as_rate(unit, dimension, per[0], per[2]) if per_of is None else None
        if speed is None:
            per_word = per[0]
            if per_of is None:
                read_from = per[1]                 # "a $1,200 a month rent": the rent, past the rate
        else:                                      # the speed is written up to its time unit
            (unit, dimension), end = speed, per[1]
            read_from = end
    if per_word is None and found.per is not None:
        per_word = found.per                       # "a kilo of coffee costs $9": per the measure before it
    if per_word is None and _ANNUAL_RATE_BEFORE.search(text, max(0, start - _ANNUAL_RATE_REACH), start):
        per_word = "year"                          # "at an annual rate of 1.4 million", "an annualised 240,000"
    elif per_word is None and dimension == "currency":
        named_per = _PER_NOUN_BEFORE.search(text, max(0, start - _PER_NOUN_REACH), start)
        if named_per is not None:                  # "earnings per share came in at $2.94"
            per_word = named_per.group("noun").lower()
    left = nouns.left_phrase(sentence, start)
    opener = clauses.clause_subject(sentence, start)
    head = nouns.unit_head(noun.surface) if dimension == "count" else None
    counted = None
    if head is not None:                           # "517 rushing yards": a measure after all
        unit, dimension = head.unit, head.dimension
        subject = left.subject
        phrases = [noun.surface, opener, concepts.left_words(sentence, start, left.words)]
    elif dimension in ("count", "fraction"):       # "a third of the population": a share of a noun
        counted = noun.surface
        subject = noun.subject or left.subject
        phrases = [opener, concepts.left_words(sentence, start, left.words)]
    elif dimension == "age":                       # "a man aged 45": the age of someone, no subject
        subject = None
        phrases = [opener, concepts.left_words(sentence, start, left.words)]
    else:
        of = nouns.of_phrase(sentence, end) or nouns.measured_noun(noun.surface)
        subject = nouns.measure_of(sentence, start) or (singular(of.split()[-1]) if of else left.subject
                                                         or (singular(left.words[-1]) if left.words else None))
        phrases = [of, opener, concepts.left_words(sentence, start, left.words)]
    concept = concepts.concept(sentence, start, read_from, measure=dimension != "count", loose=phrases)
    if (unit, dimension, end) != (found.unit, found.dimension, found.end):
        found = found._replace(unit=unit, dimension=dimension, end=end)
    return found, About(
        noun=counted, subject=subject, concept=concept, per=per_word, partitive=noun.partitive,
        anaphor=noun.anaphor, noun_end=noun.end,
        noun_words=tuple(noun.surface.split()) if noun.surface else (),
        noun_stop=sentence.index_at(noun.end if noun.surface else end),
        left_subject=left.subject, left_group=left.group,
    )


def continued(text: str, read_so_far: list[tuple[Found, About]]) -> list[tuple[Found, About]]:
    """A figure that goes on from the one just before it ("gained 2.2% to 415p", "ended 0.8% lower
    at 6,210") is about what that one is about; the two levels of a change share the rate written
    after only one of them ("from 3 to 4 euros a kilo", "from $80 a barrel to $75"), and the first
    level takes the speed or flow of the second ("from 900 to 300 cubic metres a second"); counts
    of what a player is credited with share the rate after the last of their list ("27 points and
    8 rebounds a game")."""
    out: list[tuple[Found, About]] = []
    for found, about in read_so_far:
        if out:
            before, before_about = out[-1]
            if before.sentence_index == found.sentence_index and concepts.continues_previous(
                    text, before.end, found.start):
                about = about._replace(concept=before_about.concept or about.concept)
            if (before_about.per is None) != (about.per is None) and before.unit == found.unit \
                    and _levels_of_change(text, before, found) and within(before.value, found.value, _LEVELS_RATIO) \
                    and not _OWN_TOTAL.match(text, found.end):          # "to £500 for the whole team": no rate
                if about.per is None:
                    about = about._replace(per=before_about.per)
                else:
                    out[-1] = (before, before_about._replace(per=about.per))
            elif about.per is None and before_about.per is not None and before.unit == found.unit \
                    and _set_beside(text, before, found):
                about = about._replace(per=before_about.per)     # "£52.50 per sq ft, against £120 in Mayfair"
            elif before_about.per is None and about.per is not None and _listed(text, out[-1], (found, about)):
                _share_back(text, out, about.per)          # "27 points and 8 rebounds a game"
            elif (before.dimension, found.dimension) in _RATE_OF and found.unit.startswith(
                    f"{before.unit} / ") and _levels_of_change(text, before, found):
                out[-1] = (before._replace(unit=found.unit, dimension=found.dimension), before_about)
        out.append((found, about))
    return out


#: two counts of a list, each with its noun, that may share the rate written after the last: "averaged
#: 27.4 points and 8.1 rebounds a game" (the first's noun, then "and", "or" or a comma)
_LISTED_COUNTS = re.compile(r"[ \u00a0]+[A-Za-z][a-z-]*(?:,[ \u00a0]*|[ \u00a0]+(?:and|or)[ \u00a0]+|,[ \u00a0]+(?:and|or)[ \u00a0]+)")

def _listed(text: str, first: tuple[Found, About], second: tuple[Found, About]) -> bool:
    """Whether two counts of what a player is credited with stand in one list ("27 points and 8 rebounds")."""
    (a, a_about), (b, b_about) = first, second
    return a.dimension == b.dimension == "count" and a.sentence_index == b.sentence_index \
        and _stat(a_about.noun) and _stat(b_about.noun) and _LISTED_COUNTS.fullmatch(text, a.end, b.start) is not None


def _stat(noun: str | None) -> bool:
    """A noun for what a player is credited with ("points", "assists"): a list of them shares a rate
    per game; a list of other things need not ("400 beds, 200 doctors and 50 admissions a day")."""
    return noun is not None and singular(noun.split()[-1]) in _STAT_NOUNS


def _share_back(text: str, out: list[tuple[Found, About]], per: str) -> None:
    """The rate written after a list's last count given to the counts before it, in place ("200 shells,
    50 rockets and 30 drones a day"): back along the list while each has no rate of its own."""
    k = len(out) - 1
    follower = None
    while k >= 0 and out[k][1].per is None and (follower is None or _listed(text, out[k], follower)):
        follower = out[k]
        out[k] = (out[k][0], out[k][1]._replace(per=per))
        k -= 1


#: a measure and the rate of it per a time, which the first level of a change takes from the second:
#: "from 40 to 60 km an hour", "cut from 900 to 300 cubic metres a second"
_RATE_OF = frozenset({("length", "speed"), ("volume", "flow")})

#: Words that set a figure beside the one before it as the same kind of value: a rate compared
#: with a rate ("£52.50 per sq ft, against £120", "$3.50 a gallon, up from $3.20"). Not "while" or
#: "but": the clause they open has a subject of its own ("£800 a month, while the deposit is £1,000").
_BESIDE = re.compile(r"\b(?:against|versus|vs|compared (?:with|to)|from|above|below|than)\b",
                     re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \u00a0]+([A-Za-z]+)")
_STOPWORDS = _tables.stopwords()
_STAT_NOUNS = _tables.word_class("stat_noun")
_BESIDE_REACH = 80            # characters between two figures set beside each other, at most
_BESIDE_RATIO = 3             # how many times the other a rate set beside a rate may be, at most
_LEVELS_RATIO = 5            # how many times the other the two levels of a rate's change may be
#: what a sum's own scope says after it: it is a total, no rate ("£500 for the whole team", "in total",
#: "£30 over the month")
_OWN_TOTAL = re.compile(r"[ \u00a0]+(?:for\b|over\b|in[ \u00a0]+(?:total|all)\b|overall\b|altogether\b)", re.IGNORECASE)


def _set_beside(text: str, first: Found, second: Found) -> bool:
    """Whether `second` is set beside `first` in one clause of comparison ("..., against £120")."""
    if first.sentence_index != second.sentence_index or second.start - first.end > _BESIDE_REACH:
        return False
    gap = text[first.end:second.start]
    if ";" in gap or _BESIDE.search(gap) is None or not within(first.value, second.value, _BESIDE_RATIO) \
            or _OWN_TOTAL.match(text, second.end):
        return False                               # "£9 an hour, while the chief executive took home £2m"
    noun = _WORD_AFTER.match(text, second.end)         # "against a $50 deposit": a deposit, no rate
    return noun is None or noun.group(1).lower() in _STOPWORDS


_FROM_BEFORE = re.compile(r"\bfrom[ \u00a0]+(?:[A-Za-z]+[ \u00a0]+)?$", re.IGNORECASE)   # "from about 3"
_TO_GAP = re.compile(r"(?:[ \u00a0]+(?:an?|per)[ \u00a0]+[A-Za-z]+)?[ \u00a0]+to[ \u00a0]+")    # "$80 a barrel to $75"
_FROM_REACH = 16              # characters before a first level where its "from" may begin


def _levels_of_change(text: str, first: Found, second: Found) -> bool:
    """"from X to Y": the two levels a quantity went between, so that a rate written after one of them
    holds for both ("from 80 to 50 km per hour": 80 km per hour)."""
    return (first.sentence_index == second.sentence_index and first.dimension not in ("count", "fraction", "age")
            and _TO_GAP.fullmatch(text, first.end, second.start) is not None
            and _FROM_BEFORE.search(text, max(0, first.start - _FROM_REACH), first.start) is not None)


#: What a restatement takes from its original when its own words leave it open (with the concept,
#: always); the original's source, verb and quantity parts are taken in `inherit.settle`.
_RESTATED_ABOUT = ("subject", "noun", "per")


def shared(figures: list[Figure]) -> list[Figure]:
    """What the links make a figure about: a restatement ("120km (75 miles)") is about what its
    original is about; a part without a subject counts what its whole counts, and a whole without one
    what its part counts."""
    if not any(fig.links.converts is not None or fig.links.whole is not None for fig in figures):
        return figures
    out = list(figures)
    for i, fig in enumerate(out):
        if fig.links.converts is not None:
            original = out[fig.links.converts].about
            taken = {name: getattr(original, name) for name in _RESTATED_ABOUT if getattr(fig.about, name) is None}
            out[i] = fig.revised(about={**taken, "concept": original.concept})
    for i, fig in enumerate(out):
        if fig.links.whole is None:
            continue
        whole = out[fig.links.whole]
        if fig.about.subject is None:
            out[i] = fig.revised(about={"subject": whole.about.subject, "noun": fig.about.noun or whole.about.noun})
        elif whole.about.subject is None:
            out[fig.links.whole] = whole.revised(about={"subject": fig.about.subject})
    for i, fig in enumerate(out):
        if fig.links.whole is not None and fig.about.subject is None:
            out[i] = fig.revised(about={"subject": out[fig.links.whole].about.subject})
    return out
