"""What stands around a number core: a currency before it, a unit or currency name after it.

The surface forms are data (`data/units.tsv`, `data/currencies.tsv`); this module only finds the
longest one that touches the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from figures import _tables
from figures.extraction.numbers import local_letter_sum, long_number_at, scaled_by_word_at, scaled_number_at
from figures.extraction.tokens import WEEKDAYS, looks_plural, past_form, singular, verb_like

# Tables read in the hot loops below, bound once rather than fetched through their caches per token.
_STOPWORDS = _tables.stopwords()
_MONTHS = _tables.months()
_NUMBER_WORDS = _tables.number_words().keys() | _tables.scales()[0].keys()
_VERBS = _tables.verbs()

_SEPARATOR = re.compile(r"[ \u00a0]?-?")
_WORD_AFTER = re.compile(r"[ \u00a0]*[A-Za-z0-9]")
_PER = re.compile(
    r"[ \u00a0-]*(?:/|\bper\b|\ba\b|\ban\b|\beach\b)[ \u00a0-]*(?P<per>[A-Za-z][A-Za-z]*)"
)
# "a year earlier", "a season ago", "a year on, the town ...": the stretch of time dates the figure;
# "a year on energy" is a rate spent on something
_TIME_AGO = re.compile(r"[ \u00a0]+(?:earlier|ago|later|before|after|early|ahead|late|behind|into|"
                       r"on(?=[ \u00a0]*(?:[,.;:!?)]|$|from\b|[A-Z0-9])))\b")
# "4 million tonnes of CO2 annually": a rate written as an adverb after the figure
_PER_ADVERB = re.compile(r"[ \u00a0]+(?P<per>%s)\b(?:[ \u00a0]+(?P<next>[a-z]+))?" % _tables.alternation(sorted(_tables.per_adverbs())))
# "150 gigatonnes of ice a year": the rate after what the measure is of (a word or two)
_MEASURE_OF = re.compile(r"[ \u00a0]+of(?=[ \u00a0])")
_NEXT_OF_WORD = re.compile(r"[ \u00a0]+[A-Za-z][\w'’-]*")
_OF_WORDS = 3                 # words of what a measure is "of" that a rate may follow
_HEAD_AFTER = re.compile(r"[ \u00a0]+([a-z]+)\b")     # the word after a modifier: "per checked bag"
_PER_NOUN_STEMS = frozenset(p.rstrip("s") for p in _tables.word_class("per_noun"))
#: Per nouns that, with "on", "ago", "earlier" after them, date a figure instead: "a year on", "a season ago".
_CALENDAR_STEMS = frozenset(p.rstrip("s") for p in _tables.word_class("calendar_noun"))


@dataclass(slots=True)
class Attached:
    """A unit (or currency written after the number) and where it ends."""

    unit: str
    dimension: str
    end: int


_CURRENCY_PREFIX_REACH = 6    # characters before a number where a currency written before it ("US$", "EUR ") may begin


def currency_before(text: str, start: int, floor: int) -> tuple[str, int] | None:
    """The ISO code of a currency written right before `start` ("$", "US$", "EUR "), and where it begins."""
    pattern, codes = _tables.currency_prefixes()
    m = pattern.search(text, max(floor, start - _CURRENCY_PREFIX_REACH), start)
    if not m:
        return None
    alias = m.group().rstrip(" \u00a0")
    if alias in _tables.long_currency_prefixes() and not long_number_at(text, start):
        return None
    if alias in _tables.scaled_currency_prefixes() and (m.group() != alias or not (
            scaled_number_at(text, start) or local_letter_sum(text, alias, start))):
        return None                                # "R2.3bn", written against the digits only
    if alias in _tables.scale_word_currency_prefixes() and not scaled_by_word_at(text, start):
        return None                                # "PEN 4 billion" is soles, "TOP 10" a list
    return codes[alias], m.start()


def unit_after(text: str, end: int) -> Attached | None:
    """The longest unit or currency name touching the number that ends at `end`."""
    table = _tables.suffixes()
    sep = _SEPARATOR.match(text, end)
    pos = sep.end() if sep else end
    spaced = pos > end
    best: tuple[int, _tables.UnitEntry] | None = None
    m = table.exact.match(text, pos)
    if m:
        best = (m.end(), table.by_exact[m.group()])
    m = table.folded.match(text, pos)
    if m and (best is None or m.end() > best[0]):
        best = (m.end(), table.by_folded[m.group().lower()])
    if best is None:
        return None
    stop, entry = best
    if (entry.word and not spaced) or (entry.glued and spaced):
        return None
    if entry.lone and spaced and _WORD_AFTER.match(text, stop) and not _OF_MATERIAL.match(text, stop):
        return None                                # "5 in May"; but "3 1/2 in of ribbon", "6 bar of pressure"
    if entry.glued_of and not spaced and not _OF_AFTER.match(text, stop):
        return None
    if entry.unit == "stone" and _NAME_AFTER.match(text, stop):
        return None                                # "15st Mark's Place" is a street, "15st 4lb" a weight
    return Attached(entry.unit, entry.dimension, stop)


# Feet and inches written with primes, as a pair: "6'3\"", "6′ 1″". A foot mark only before inches,
# an inch mark only after such a foot: alone, an apostrophe or prime after digits is as often a
# possessive ("2022′s") and a double quote the end of a quotation.
_FEET_MARK = re.compile(r"['′](?=[ \u00a0]?\d{1,2}(?:\.\d+)?[ \u00a0]?[\"″])")
_PRIME_GAP = re.compile(r"[ \u00a0]?")


def prime_after(text: str, start: int, end: int, feet_end: int | None) -> Attached | None:
    """A foot or inch written as a prime right after the number at [start, end); `feet_end` is
    where the figure before ends, if it is a length in feet."""
    mark = text[end:end + 1]
    if mark in ("'", "′") and _FEET_MARK.match(text, end):
        return Attached("foot", "length", end + 1)
    if mark in ('"', "″") and feet_end is not None and text[feet_end - 1] in "'′" \
            and _PRIME_GAP.fullmatch(text, feet_end, start):
        return Attached("inch", "length", end + 1)
    return None


_PER_WORD = re.compile(r"[ \u00a0-]*(?:/|\bper\b|\ba\b|\ban\b|\beach\b)[ \u00a0-]*")


_PARENTHESIS = re.compile(r"[ \u00a0]*\([^()]{1,40}\)")


def per_after(text: str, end: int) -> tuple[str, int, str | None] | None:
    """A rate's denominator right after a figure, where it ends, and its dimension if it is a unit:
    "$74 per barrel" -> oil_barrel, "$2,800 a month" -> month, also past a restatement in brackets:
    "6 billion shekels ($1.7 billion) a year".

    Units are read from the unit table ("per square foot" -> square_foot). After "per" itself any
    lower-case noun is the denominator ("per bottle"); after "a", "an" and "each" only the short list
    of what news prices things per (share, person, head ...), since "$5 a bottle" reads like one but
    "rose 5% a year earlier" and "$40 each time" do not.
    """
    bracket = _PARENTHESIS.match(text, end)
    if bracket:
        end = bracket.end()
    adverb = _PER_ADVERB.match(text, end)
    if adverb and (adverb.group("next") is None or adverb.group("next") in _STOPWORDS):   # not "$5 daily fees"
        per = _tables.per_adverbs()[adverb.group("per").lower()]
        return per, adverb.end("per"), None if per == "unit" else "duration"
    lead = _PER_WORD.match(text, end)
    if not lead or lead.end() == end:
        return None
    unit = unit_after(text, lead.end())
    written_per = lead.group().strip(" \u00a0-") in ("/", "per")     # "per hour on the run": a rate whatever follows
    if unit is None and lead.group().strip(" \u00a0-") == "/":
        unit = _capitals_unit(text, lead.end())        # "$2,500/OZ" in a capitals headline
    if unit is not None and unit.dimension not in ("currency", "percent"):
        if not written_per and unit.dimension == "duration" and _TIME_AGO.match(text, unit.end):
            return None                                  # "$3.15bn a year earlier" is a date, not a rate
                                                         # ("$82 a barrel on Tuesday" is a price)
        return unit.unit, unit.end, unit.dimension
    m = _PER.match(text, end)
    if m is None:
        return None
    low = m.group("per").lower()
    if low.rstrip("s") in _PER_NOUN_STEMS and (written_per or low.rstrip("s") not in _CALENDAR_STEMS
                                                or not _TIME_AGO.match(text, m.end())):
        return low, m.end(), None
    if written_per and m.group("per")[0].islower() and low not in _STOPWORDS and low not in _NUMBER_WORDS:
        head = _HEAD_AFTER.match(text, m.end())          # "per checked bag": the noun, past its modifier
        if head and head.group(1) not in _STOPWORDS and head.group(1) not in _NUMBER_WORDS:
            return head.group(1), head.end(), None
        return low, m.end(), None                        # "per bottle", "per tonne of grain": "per" names any noun
    return None


_CAPITALS = re.compile(r"[A-Z]{2,4}\b")          # not one letter: "$2/M" may be per month or per million


def _capitals_unit(text: str, start: int) -> Attached | None:
    """A unit symbol written in capitals after a slash ("/OZ", "/BBL", "/KG"): the lower-case symbol
    of the unit table (a symbol only: a word in capitals is read by the case-blind table already)."""
    m = _CAPITALS.match(text, start)
    if m is None:
        return None
    entry = _tables.suffixes().by_exact.get(m.group().lower())
    if entry is None or entry.dimension in ("currency", "percent"):
        return None
    return Attached(entry.unit, entry.dimension, m.end())


def as_rate(unit: str, dimension: str, per: str, per_dimension: str | None) -> tuple[str, str] | None:
    """A length or a volume written per a time ("320 km per hour", "5 m a second", "900,000 barrels a
    day") as the speed or flow it is: the unit and dimension pint and the checker compare it under
    ("kilometer / hour", speed; "oil_barrel / day", flow); None for other rates."""
    if dimension == "length" and per_dimension == "duration":
        return f"{unit} / {per}", "speed"
    if dimension == "volume" and per_dimension == "duration":
        return f"{unit} / {per}", "flow"              # "1.9 million barrels per day", as "1.9 million bpd"
    return None


_OF_A = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?an?(?=[ \u00a0]+)(?:[ \u00a0]+(?:US|U\.S\.|imperial|metric))?")


def unit_of_fraction(text: str, end: int) -> Attached | None:
    """A fraction of one unit is a measure in that unit: "1/8 of a US gallon", "half a mile",
    "a quarter of an hour"."""
    m = _OF_A.match(text, end)
    if not m:
        return None
    unit = unit_after(text, m.end())
    return unit if unit is not None and unit.dimension not in ("currency", "percent", "count") else None


_OF = re.compile(r"[ \u00a0]+of[ \u00a0]+")


def unit_of_vague(text: str, end: int) -> Attached | None:
    """A vague number of units is a measure in them: "millions of dollars", "thousands of tonnes"."""
    m = _OF.match(text, end)
    if not m:
        return None
    unit = unit_after(text, m.end())
    return unit if unit is not None and unit.dimension not in ("percent", "count") else None


_APPOSITION_BEFORE = re.compile(r"(?P<name>[A-Z][A-Za-z'’.-]+|(?<![A-Za-z])[a-z]+),[ \u00a0]$")
_AGED_NOUNS = _tables.word_class("aged_noun")


_AGES = (1, 120)              # the whole numbers an age set off after a name may be
_AGE_NAME_REACH = 30          # characters before a bare number where the name whose age it is ("Keller, ") may begin


def age_after_name(text: str, start: int, end: int, value: float) -> bool:
    """"Keller, 71, spent the winter ...", "the suspect, 19, was": a bare whole number set off by
    commas right after a name or a noun for a person is the person's age, as news style writes it."""
    if not (_AGES[0] <= value <= _AGES[1] and value == int(value)) or text[end:end + 1] != ",":
        return False
    m = _APPOSITION_BEFORE.search(text, max(0, start - _AGE_NAME_REACH), start)
    if not m:
        return False
    name = m.group("name").lower().rstrip(".")
    if m.group("name").islower():
        return name in _AGED_NOUNS             # "the suspect, 19, was": a person written as a noun
    return name not in _MONTHS and name not in WEEKDAYS and name not in _STOPWORDS


#: A number whose compound word is written once, on the last of a list: "two- and three-bedroom
#: flats", "10- and 30-year bonds", "four-, six- and eight-cylinder engines" (suspended hyphens).
#: At most six more numbers stand between: a bounded try at each hyphen, so a long run of them costs linear time.
_HANGING_REACH = 6
_SUSPENDED = re.compile(
    r"-(?=[,\s])(?:,?[ \u00a0]+[\w.]{1,12}-(?=[,\s])){0,%d},?[ \u00a0]+(?:and|or|to)[ \u00a0]+[\w.]{1,12}-(?P<word>[A-Za-z]{3,})\b(?![-’'])"
    % _HANGING_REACH)


def suspended_word(text: str, end: int) -> str | None:
    """The compound word a number ending at `end` shares with the last number of its list, when the
    hyphen is left hanging after it ("two- and three-bedroom" -> "bedroom"); else None."""
    if text[end:end + 1] != "-":
        return None
    m = _SUSPENDED.match(text, end)
    return m.group("word") if m else None


def suspended_unit(text: str, end: int) -> Attached | None:
    """The unit a hanging hyphen shares with the last number of its list ("10- and 30-year bonds":
    10 years), ending after the hyphen; None when the shared word is no unit."""
    word = suspended_word(text, end)
    if word is None:
        return None
    table = _tables.suffixes()
    entry = table.by_exact.get(word) or table.by_folded.get(word.lower())
    if entry is None or entry.dimension == "currency":
        return None
    return Attached(entry.unit, entry.dimension, end + 1)


_RANGE_END = re.compile(r"[ \u00a0]?[-–][ \u00a0]?\d[\d,]*(?:\.\d+)?")


def unit_after_range(text: str, start: int, end: int, value: float) -> bool:
    """Whether the number text[start:end] (of `value`) opens a range whose other end, higher, a unit
    follows ("10-15 MPH"): the unit is both ends', so the first is a measure too, not a name's number;
    never a year's span ("fiscal 2023-24 GW")."""
    m = _RANGE_END.match(text, end)
    if m is None or unit_after(text, m.end()) is None:
        return False
    second = m.group().strip(" \u00a0-–")
    return value < float(second.replace(",", "")) and not (end - start == 4 and len(second) == 2)


_AGE_WORD_BEFORE = re.compile(
    r"(?<![\w-])(?:aged|ages?[ \u00a0]+of)(?:[ \u00a0]+(?:between|from|over|under|about|around|just|nearly|almost))?"
    r"[ \u00a0]+$", re.IGNORECASE)
_AGE_LIST_END = re.compile(r"[ \u00a0]*(?:[,;.)]|(?:and|or|respectively)\b|$)")
_AGE_LIST_GAP = re.compile(r"[ \u00a0]*(?:,|,?[ \u00a0]+(?:and|or|to)|[-–])[ \u00a0]*")
_AGE_WORD_REACH = 30          # characters before a number where "aged" or "the age of" (and a bound) may begin


def age_after_word(text: str, start: int, end: int, value: float, floor: int, listed_after: int | None = None) -> bool:
    """"a man aged 45", "at the age of 92", "children under the age of five": a whole number right
    after "aged" or "age(s) of" is an age, unless a plural noun follows it ("the age of 40 bridges",
    "the ages of 3 victims" count them); so are the numbers listed after one ("aged 19 and 22":
    `listed_after` is where the age before this number ends) that end a list item, not a phrase
    ("aged 19 and 22 and 15 others": the 15 are others)."""
    if not (_AGES[0] <= value <= _AGES[1] and value == int(value)):
        return False
    gap = _AGE_LIST_GAP.fullmatch(text, listed_after, start) if listed_after is not None else None
    if gap is not None:
        if gap.group().strip() == ",":             # "aged 20, 24 and 31", not "aged 18 to 24, 62 said"
            return _AGE_LIST_END.match(text, end) is not None
        return not _counts_after(text, end)        # "aged 19 and 22", "between 18 and 30", not "and 15 others"
    low = max(floor, start - _AGE_WORD_REACH)
    if text.find("ge", low, start) < 0:
        return False                               # no "aged" or "age(s) of" there: the pattern is not tried
    return _AGE_WORD_BEFORE.search(text, low, start) is not None and not _counts_after(text, end)


def _counts_after(text: str, end: int) -> bool:
    """A plural noun or "of" follows the number ending at `end`, so that it counts ("40 bridges", "15
    others", "two of her children")."""
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return False
    word = after.group(1).lower()
    if word == "of":
        return True                                # "two of her children", "3 of his sons"
    return looks_plural(word) and word not in _STOPWORDS and not verb_like(word)


_WORDS = re.compile(r"[a-z]+")


_OF_AFTER = re.compile(r"[ \u00a0]+of\b", re.IGNORECASE)
_NAME_AFTER = re.compile(r"[ \u00a0]+[A-Z]")
#: "of" and what a measure is of ("3 in of rain"), not a share's whole ("5 in of the 12")
_OF_MATERIAL = re.compile(r"[ \u00a0]+of[ \u00a0]+(?!(?:the|every|them|those|these|all|each)\b|\d)", re.IGNORECASE)


def things_counted_after(text: str, end: int) -> bool:
    """Whether a lower-case plural noun right after a number says what it counts ("60.000 bottles",
    "1.500 people"): not a unit, a verb or a function word, nor the noun of a rate per anything but
    a stretch of time ("60.000 bottles a year" counts bottles; "1.500 goals per game" is a rate)."""
    after = _NEXT_WORD.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    if not (word[0].islower() and looks_plural(word) and word not in _STOPWORDS and not verb_like(word)):
        return False
    if unit_after(text, end) is not None:
        return False
    rate = per_after(text, after.end())
    return rate is None or rate[2] == "duration"


_HEAD_AFTER_POUND = re.compile(r"-pounds?[ \u00a0]+([A-Za-z]+)", re.IGNORECASE)
_POUND_CUES_BEFORE = 60       # characters before a number of "pounds" read for a money or weight word
_POUND_CUES_AFTER = 40        # ... and after it


def sterling_pounds(text: str, start: int, end: int, sentence: tuple[int, int], scaled: bool,
                    money_nearby: bool) -> bool:
    """Whether "pounds" after a number is money (sterling) rather than a weight.

    A weight when "pounds of" follows ("pounds of flour"). Otherwise the nearest cue decides: the
    words before the number, nearest first, then those after it, name money ("paid", "fine",
    "worth") or weight ("weighs", "heavier"); with no cue, money when the sentence states another
    sum (`money_nearby`) or the number carries a scale word ("5 million pounds").
    """
    if _OF_AFTER.match(text, end):
        return False
    money, weight = _tables.word_class("money_word"), _tables.word_class("weight_word")
    if "-" in text[start:end]:                     # "a 20-pound note", "10- and 20-pound notes", "a 500-pound bomb":
        head = _HEAD_AFTER_POUND.search(text, start, min(sentence[1], end + _POUND_CUES_AFTER))
        return head is not None and head.group(1).lower() in money       # the noun the measure describes decides
    before = _WORDS.findall(text[max(sentence[0], start - _POUND_CUES_BEFORE):start].lower())[::-1]
    after = _WORDS.findall(text[end:min(sentence[1], end + _POUND_CUES_AFTER)].lower())
    for word in before + after:
        if word in money:
            return True
        if word in weight:
            return False
    return money_nearby or scaled


_WORD_BEFORE_BRACKET = re.compile(r"(?P<w>[A-Za-z]+)[ \u00a0]*\($")
_COLON_BEFORE_BRACKET = re.compile(r":[ \u00a0]*\($")
#: an amount, then no bracket up to the word before the bracket: "3.4 trillion won ($2.6bn)", "the
#: fine, €300,000, was paid ($330,000)" restate ("... ($0.32), compared with ($0.18)" has a bracket
#: between, so the second sum is no restatement but a second loss)
_AMOUNT_BEFORE = re.compile(r"\d[^\d()]*$")


_BRACKET_WORD_REACH = 24      # characters before a bracketed sum where the word before the bracket may begin


def accounting_negative(text: str, start: int, end: int) -> bool:
    """"a loss of ($45.20)": a sum alone in brackets after a function word or a verb is negative, as
    accounts write it; after a noun ("the deal ($4bn)") or a figure ("$58 (€50)") it is an aside."""
    if text[start - 1:start] != "(" or text[end:end + 1] != ")":
        return False
    if _COLON_BEFORE_BRACKET.search(text, max(0, start - 4), start):
        return True                                  # "Net loss per share: ($0.32)", as a statement lists it
    m = _WORD_BEFORE_BRACKET.search(text, max(0, start - _BRACKET_WORD_REACH), start)
    if m is None or _AMOUNT_BEFORE.search(text, max(0, start - _BRACKET_WORD_REACH), m.end("w")):
        return False                                 # "3.4 trillion won ($2.6bn)": a restatement
    word = m.group("w").lower()
    if word == "or":
        return False                                 # "1.2 trillion won, or ($950m)": a restatement
    return word in _STOPWORDS or word in _VERBS or past_form(word)


_MINOR_UNITS = _tables.minor_units()
_MINOR_AFTER = re.compile(r"(?:[ \u00a0]+|(?=¢))(%s)(?![\w'’])" % _tables.alternation(sorted(_MINOR_UNITS)))   # as written: not "Sen."


def minor_unit_after(text: str, end: int) -> tuple[_tables.MinorUnit, int] | None:
    """The word for a currency's hundredth after the number ending at `end` ("18 cents", "50 sen",
    "5 euro cents"), and where the word ends; None when no such word follows."""
    m = _MINOR_AFTER.match(text, end)
    return (_MINOR_UNITS[m.group(1)], m.end()) if m else None


_SHARED_WORDS = _tables.shared_currency_words()
_SHARED_AFTER = re.compile(r"[ \u00a0]?(%s)(?![\w'’])" % _tables.alternation(sorted(_SHARED_WORDS)))


def shared_currency_after(text: str, end: int) -> tuple[dict[str, frozenset[str]], int] | None:
    """A currency word that several currencies share, after the number ending at `end` ("12 billion
    pesos", "40 kr"): each of its currencies with the countries whose tender it is, and where the word
    ends; None when no such word follows (matched as written, in lower case)."""
    m = _SHARED_AFTER.match(text, end)
    return (_SHARED_WORDS[m.group(1)], m.end()) if m else None


@lru_cache(maxsize=None)
def currencies_sharing(code: str) -> frozenset[str]:
    """The currencies that share a word with `code` ("rupees": INR, PKR, LKR, ...), `code` among them."""
    return frozenset(c for codes in _SHARED_WORDS.values() if code in codes for c in codes)


_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Za-z]+)\b")
_IN_MILLIONS = _tables.word_class("counted_in_millions")
_PERSON_NOUNS = frozenset(noun for noun, entry in _tables.kinds().items() if entry.kind == "person")


_SCALED_SECOND_END = re.compile(r"[-–]\d[\d,.]*(?P<scale>[A-Za-z]{1,2})\b")    # the "-2m" of "1m-2m"


def keeps_money_scale(text: str, end: int) -> bool:
    """A scale letter only money takes ("k", "m") still scales a number written without a currency
    when a unit is written apart after it ("0.7k miles", "12m km"), a currency name follows, or a
    plural of people or of what is counted in millions follows ("1.5m people", "10m Britons", "300m
    users"; `counted_in_millions`). Other nouns keep metres: "a 2m wall", "10m waves", "8m boats".
    A "k" reads the same way ("120K views", "50k fans"); before other plurals it is as often a race,
    a resolution, a carat or a plan ("10k runners", "4K camcorders", "14k rings", "401k plans"), and
    alone kilometres ("a 10k race"). The first end of a range reads as its second end does ("1m-2m
    visitors")."""
    second = _SCALED_SECOND_END.match(text, end)
    if second is not None and text.endswith(second.group("scale"), 0, end):
        return keeps_money_scale(text, second.end())
    after = unit_after(text, end)
    if after is not None:
        return after.dimension == "currency" or text[end:end + 1] in " \u00a0"
    word = _NEXT_WORD.match(text, end)
    if word is None:
        return False
    written = word.group(1)
    low = written.lower()
    if low in _IN_MILLIONS or low == "people":
        return True
    return looks_plural(low) and (singular(low) in _PERSON_NOUNS or (written[0].isupper() and low.endswith("s")))


def per_after_of(text: str, end: int) -> tuple[str, int, str | None] | None:
    """A rate's denominator after what a measure or sum is of: "150 gigatonnes of ice a year",
    "400 million litres of water a day"; None when no "of" phrase, or no rate after it, follows."""
    of = _MEASURE_OF.match(text, end)
    if of is None:
        return None
    at = of.end()
    for _ in range(_OF_WORDS):
        word = _NEXT_OF_WORD.match(text, at)
        if word is None or word.group().strip(" \u00a0").lower() in _STOPWORDS:
            return None                              # "a foot of snow and an inch": no rate
        at = word.end()
        per = per_after(text, at)
        if per is not None:
            return per
    return None
