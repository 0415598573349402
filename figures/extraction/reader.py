"""Read one article: its text in, its figures (as `Mention` records) out.

The pipeline, each step returning new records (`figure`), none editing what an earlier one built:
numbers (cores) -> units (currency, unit) -> non_figures (drop years, dates, names ...) -> ranges,
compounds and shares -> bounds (qualifier, change): a `Found` per figure; `about` (what it counts or
measures, what it is said about): an `About`; per sentence, attribution, scope and quantity (who
says it, where, when, what happened): a `Setting`; then, over the article, relations (whole,
converts), what the links make a figure about (`about.shared`) and what it takes from its neighbours
(`inherit`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from bisect import bisect_left, bisect_right

from figures import _tables
from figures.extraction import (
    about, bounds, countries, inherit, layout, non_figures, numbers, quantity, relations, scope, units,
)
from figures.extraction.clauses import clause_at
from figures.extraction.sentence_view import SentenceView
from figures.extraction.figure import About, Figure, Found, Setting
from figures.extraction.number_core import resolution_of_digits, within
from figures.extraction.tokens import Sentence
from figures.extraction.sentences import SentenceIndex
from figures.model import Mention, Qualifier

_RANGE_GAP = re.compile(r"[ \u00a0]*(?P<joiner>-|–|—|to|and|or)[ \u00a0]*(?:[$€£¥₽₴]|US\$)?")
_BETWEEN = re.compile(r"(?:between|from)[ \u00a0]+$", re.IGNORECASE)
_RANGE_WORD = re.compile(r"\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying))[ \u00a0]+from[ \u00a0]+$", re.IGNORECASE)
_BY = re.compile(r"\bby[ \u00a0]+$", re.IGNORECASE)
#: a change verb, "by" and the words that may stand before the change's amount ("fell by a record 80,000
#: to 1.2 million"; not the passive "attended by an estimated 1,000 to 3,000")
_BY_OPENED = re.compile(r"\b(?P<verb>[A-Za-z]+)[ \u00a0]+by(?:[ \u00a0]+(?:%s)){1,2}[ \u00a0]+$"
                        % "|".join(sorted(_tables.word_class("amount_opener"))), re.IGNORECASE)
_LAST_WORD = re.compile(r"(?P<w>[A-Za-z]+)[ \u00a0]+(?:[$€£¥]|US\$)?$")
_SIGNED = frozenset({"temperature", "percent_change", "angle"})
_TO = re.compile(r"[ \u00a0]*to[ \u00a0]*", re.IGNORECASE)
_TO_NUMBER = re.compile(r"[ \u00a0]+to[ \u00a0]+(?:[$€£¥]|US\$)?\d", re.IGNORECASE)
_SHARE_GAP = re.compile(r"[ \u00a0]+(?:out[ \u00a0]+of|in)[ \u00a0]+", re.IGNORECASE)
_COMPOUND_GAP = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*|and[ \u00a0]+)?|-")     # "6ft 2in", "5-foot-2"


_BETWEEN_REACH = 10           # characters before a range's first figure where "between" or "from" may begin
_BY_REACH = 5                 # characters before a figure where "by" ("rose by $4bn") may begin
_BY_OPENED_REACH = 40         # ... where a change verb's "by a record" ("shrank by a record 4,000") may begin
_CHANGE_WORD_REACH = 16       # characters before a figure where a change verb ("fell 12p") may begin
_RANGE_WORD_REACH = 20        # characters before a range's first figure where "ranging from" may begin


def _by_amount(text: str, floor: int, start: int) -> bool:
    """"by" stands right before `start`, or a change verb's "by a record", "by an estimated" does: what
    follows is the amount of a change ("rose by $4bn to $42bn")."""
    if _BY.search(text, max(floor, start - _BY_REACH), start):
        return True
    m = _BY_OPENED.search(text, max(floor, start - _BY_OPENED_REACH), start)
    return m is not None and m.group("verb").lower() in _tables.change_words()


def _is_range(text: str, a: Found, b: Found, sentence_start: int) -> bool:
    if a.sentence_index != b.sentence_index or a.form == "vague" or b.form == "vague":
        return False
    gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
    if not gap:
        return False
    joiner = gap.group("joiner")
    a_start = a.bound.start if a.bound is not None else a.start      # "from about 14 mpg to 24"
    opened = _BETWEEN.search(text, max(sentence_start, a_start - _BETWEEN_REACH), a_start)
    if joiner == "and" and not (opened and opened.group().lower().startswith("between")):
        return False
    if joiner == "or" and not (a.dimension == "count" and a.value < b.value <= 2 * a.value + 1):
        return False                              # "three or four years", not "one or 100"
    if abs(b.value) > 2 * abs(a.value) and (
            _by_amount(text, sentence_start, a.start)
            or _changed(text, max(sentence_start, a.start - _CHANGE_WORD_REACH), a.start)):
        return False                              # "rose by $4bn to $42bn", "fell 12p to 340p": amount, then level
    if a.dimension != "count" and b.dimension != "count" and a.unit != b.unit:
        return False
    if a.dimension != "count" and b.dimension == "count":
        return False                              # "4.28 percent to 5": a unit is written last, not first
    if opened and opened.group().lower().startswith("from") and joiner == "to":
        # "from $5m to $7m" states two levels (what changed, and to what), never one range; only
        # "ranging from 2 to 9" says that a range is meant, or a second "to" ("from 5 to 7% to 4%")
        ranged = (_RANGE_WORD.search(text, max(sentence_start, a_start - _RANGE_WORD_REACH), a_start)
                  or _TO_NUMBER.match(text, b.end))
        return ranged is not None and a.value != b.value
    if opened and opened.group().lower().startswith("from"):
        return a.value != b.value                 # "from 5-7%": both ends of the level it started at
    if a.form == "fraction" and b.form == "fraction":
        return a.value != b.value                 # "a quarter to a fifth": fractions run either way
    if b.value < 0 and a.value <= 0 and b.dimension == "temperature":
        return a.value != b.value                 # "minus 4 to minus 7 degrees": below zero, written warmest first
    return a.value < b.value


def _changed(text: str, floor: int, start: int) -> bool:
    """A change verb stands right before `start` ("fell 12p"): what follows is an amount of change."""
    m = _LAST_WORD.search(text, floor, start)
    return m is not None and m.group("w").lower() in _tables.change_words()


def _merge_range(text: str, a: Found, b: Found) -> Found:
    low, high = sorted((a.value, b.value))
    if b.resolution >= 1e3 and a.value * 1e3 <= b.value and a.resolution < b.resolution and a.value < 1000:
        # "3-5 million", "$5-6bn": the scale word written once applies to both ends; it is the
        # scale of the second end ("$200 to $4 million" is not 200 million, nor 200 thousand)
        mult = next(m for m in (1e12, 1e9, 1e6, 1e3) if b.value >= m)
        if a.value * mult <= b.value:
            low, high = a.value * mult, b.value
    unit, dimension = (b.unit, b.dimension) if b.dimension != "count" else (a.unit, a.dimension)
    return Found(
        start=a.start, end=b.end, sentence_index=a.sentence_index, value=(low + high) / 2,
        low=low, high=high, qualifier=Qualifier.RANGE, strict=False,
        resolution=min(a.resolution, b.resolution) if low == a.value else b.resolution,
        unit=unit, dimension=dimension, form=b.form, bound=a.bound,
    )


def _range_currency(text: str, found: list[Found], start: int, money_scale: bool) -> tuple[str, int] | None:
    """The currency of a range's first end, for a second end written without one: "$5-6bn", "$5-6",
    "$2-3m" (and "$2 to 3m": a money-only scale word needs a currency); not "$5 to 7 people"."""
    first = found[-1] if found else None
    if first is None or first.dimension != "currency" or text[first.start].isdigit():
        return None                               # only a currency written before the first end
    gap = _RANGE_GAP.fullmatch(text, first.end, start)
    joiners = {"-", "–", "—", "to"} if money_scale else {"-", "–"}
    return (first.unit, start) if gap and gap.group("joiner") in joiners else None


#: the words that set a sum beside an earlier one, right before it: "$4.2bn, up from 3.9bn",
#: "a loss of 22.7 billion shillings, compared with 15.9 billion", "£300m against 280m"
_COMPARED_BEFORE = re.compile(r"(?:\b(?:up|down)[ \u00a0]+)?\b(?:from|compared[ \u00a0]+(?:with|to)|against|versus|vs\.?|than)"
                              r"[ \u00a0]+(?:(?:an?|some|about|around|nearly|almost)[ \u00a0]+)?$", re.IGNORECASE)
_COMPARED_REACH = 80          # characters from an earlier sum to a scaled number set beside it, at most
_COMPARED_RATIO = 10          # how many times the earlier sum the elided one may be, at most


def _compared_currency(text: str, found: list[Found], core: numbers.NumberCore, si: int) -> tuple[str, int] | None:
    """The currency of the sum a scaled number is set beside, which it leaves out ("revenue of $4.2bn,
    up from 3.9bn", "a loss of 22.7 billion shillings, compared with 15.9 billion"): within the
    sentence, nearby, in the same order of size, and with no noun of its own after it ("sold $3m of
    stock, compared with 2 million shares")."""
    first = found[-1] if found else None
    if first is None or first.dimension != "currency" or not _set_beside_sum(text, first, core, si):
        return None
    return first.unit, core.start


def _set_beside_sum(text: str, first: Found, core: numbers.NumberCore, si: int) -> bool:
    """Whether the scaled number `core` is set beside the figure `first` as a sum of the same thing
    (`_compared_currency`; also for a sum whose currency is known only once the article is read)."""
    if first.sentence_index != si or core.multiplier <= 1 or core.start - first.end > _COMPARED_REACH \
            or not within(first.value, core.value, _COMPARED_RATIO):
        return False
    opener = _COMPARED_BEFORE.search(text, first.end, core.start)
    if opener is None or ";" in text[first.end:core.start]:
        return False
    between = text[first.end:opener.start()].rstrip(" \u00a0")
    if between and not between.endswith(","):
        return False                               # "the $20m campaign reached more than 30 million": no comparison
    return not (units.things_counted_after(text, core.end) or (core.money_scale is False and units.unit_after(text, core.end)))


_WHOLE_CURRENCIES = _tables.whole_currencies()
_SUM_FORM_ONLY = _tables.word_class("sum_form_only")
#: currencies whose amounts are written to three decimals (CLDR: three minor digits), where "KD 1.500" is one and a half
_THREE_DECIMAL_CURRENCIES = frozenset({"BHD", "JOD", "KWD", "LYD", "OMR", "TND"})


def _no_rate_per_thing(text: str, end: int) -> bool:
    """No rate per a thing follows (a rate per a stretch of time may): "1.500 euros a litre" may be a
    fuel price to a tenth of a cent, "2.500 kroner a month" is a monthly sum."""
    rate = units.per_after(text, end)
    return rate is None or rate[2] == "duration"


_WEIGHT_SYMBOL = re.compile(r"[ \u00a0]?lbs?\b", re.IGNORECASE)     # "10lb" is always a weight, never sterling
_TWO_DECIMALS = re.compile(r"\d[.,]\d\d$")
_SUM_ONLY_NAMES = _tables.sum_only_currency_names()
_DEFAULT_FORMS = _tables.default_currency_forms()


def _written_as_sum(text: str, core: numbers.NumberCore) -> bool:
    """A number written the way sums are: with a scale word or with two decimals ("a dentist fitted 1,200
    crowns" may be in Sweden too)."""
    return core.multiplier > 1 or _TWO_DECIMALS.search(text, core.start, core.scale_start) is not None


def _scan_figures(text: str, sentences: SentenceIndex) -> list[Found]:
    masks = non_figures.masked_spans(text)
    mask_starts = [s for s, _ in masks]
    found: list[Found] = []
    hundredths: list[tuple[int, tuple[_tables.MinorUnit, int]]] = []     # counts of cents, sen, ... (`_as_money`)
    skipped: tuple[str, int] | None = None        # why the last number passed over is no figure, and its end
    sharing: list[tuple[int, tuple[dict[str, frozenset[str]], int]]] = []   # counts of "pesos", "kroner" ...
    ones: set[int] = set()                        # "a foot of snow", "a kilo of onions" (`_unpriced`)
    beside_shared: list[tuple[int, int]] = []     # a scaled number set beside such a count (`_set_beside_sum`)
    defaulted: list[int] = []                     # sums in "Rs", "rupees": India's unless ... (`_local_currency`)
    for core in numbers.scan(text):
        if masks and numbers.in_spans(masks, mask_starts, core.start):
            continue
        si = sentences.index_of(core.start)
        s_start, s_end = sentences.span(si)
        prefix = units.currency_before(text, core.start, s_start) or _range_currency(
            text, found, core.start, core.money_scale) or _compared_currency(text, found, core, si)
        if prefix and core.value >= 0:
            signed = numbers.sign_before(text, prefix[1])       # "-$5.2 million", "−€3bn"
            if signed is not None and signed[0] >= s_start:
                prefix = (prefix[0], signed[0])
                core = core.negated() if signed[1] < 0 else core
        if core.money_scale and prefix is None and not units.keeps_money_scale(text, core.end):
            core = core.without_scale()
        attached = units.unit_after(text, core.end)
        if attached is not None and attached.dimension == "currency" and not _written_as_sum(text, core) \
                and core.value < 1000 and text[core.end:attached.end].strip().lower() in _SUM_ONLY_NAMES:
            attached = None                        # "the No. 3 won 6-2": a win, not three won
        minor = units.minor_unit_after(text, core.end) if prefix is None and core.kind in ("digits", "words") else None
        if minor is not None and (attached is None or minor[1] > attached.end):
            attached = None                        # "5 euro cents": a hundredth, not five euros
        else:
            minor = None
        shared = units.shared_currency_after(text, core.end) if attached is None and prefix is None and minor is None \
            else None                              # "12 billion pesos": whose pesos, the article may say
        if shared is not None and text[core.scale_start:shared[1]].split()[-1].lower() in _SUM_FORM_ONLY \
                and not _written_as_sum(text, core):
            shared = None                          # "won three crowns": a champion's, not money
        if attached is None and prefix is None and minor is None and shared is None:
            attached = units.suspended_unit(text, core.end)        # "10- and 30-year bonds"
        if attached is None and prefix is None and minor is None and shared is None:
            last = found[-1] if found else None
            attached = units.prime_after(text, core.start, core.end, last.end if last is not None and last.unit == "foot" else None)
        if attached is None and numbers.is_lone_article(text, core):
            continue                               # "a dozen and a half": no unit, no figure
        if numbers.decimal_comma(text, core) and (attached is None and prefix is None or attached is not None
                                                  and attached.dimension == "percent" and text[core.scale_start - 3] == ","):
            continue                               # "3,4 and 5"; "aged 18 to 24,30% said": a comma missing its space
        if attached is None and core.kind == "fraction":
            attached = units.unit_of_fraction(text, core.end)     # "1/8 of a gallon", "half a mile"
        elif attached is None and core.kind == "vague" and prefix is None:
            attached = units.unit_of_vague(text, core.end)        # "millions of dollars"
        if prefix and attached and attached.dimension != "currency":
            attached = None                        # "$5 m" is five million dollars, not a length
        start = prefix[1] if prefix else core.start
        end = attached.end if attached else core.end
        part = numbers.part_after_unit(text, end) if attached and attached.dimension != "currency" else None
        if part is not None:                       # "an hour and a half", "two miles and a half"
            core = dataclasses.replace(core, value=core.value + part[0], low=core.low + part[0],
                                       high=core.high + part[0], resolution=min(core.resolution, part[0]))
            end = part[1]
        if prefix:
            unit, dimension = prefix[0], "currency"
            if core.value > 0 and units.accounting_negative(text, start, end):
                core = core.negated()
        elif attached:
            unit, dimension = attached.unit, attached.dimension
            if unit == "pound" and not _WEIGHT_SYMBOL.match(text, core.end) and units.sterling_pounds(
                    text, core.start, end, (s_start, s_end), core.multiplier > 1 or core.kind == "words" and core.value >= 1e6,
                    any(d.dimension == "currency" and d.sentence_index == si for d in found[-3:])):
                unit, dimension = "GBP", "currency"     # "paid 500 pounds", "5 million pounds"
        elif core.kind == "digits" and units.age_after_name(text, core.start, core.end, core.value):
            unit, dimension = "year", "age"        # "Keller, 71, spent ..."
        elif core.kind in ("digits", "words") and units.age_after_word(
                text, core.start, core.end, core.value, s_start,
                found[-1].end if found and found[-1].dimension == "age" and found[-1].sentence_index == si else None):
            unit, dimension = "year", "age"        # "a man aged 45", "under the age of five", "aged 19 and 22"
        elif core.kind == "fraction":
            unit, dimension = "fraction", "fraction"   # "a third of voters", "2/3 of homes": a share
        else:
            unit, dimension = "count", "count"
        if dimension == "currency" and unit in _WHOLE_CURRENCIES:
            core = numbers.point_grouped(text, core) or core        # "Rp 25.000": a point groups thousands
        elif dimension == "currency" and core.value >= 1 and text[core.scale_start - 2:core.scale_start] == "00" \
                and numbers.one_point_group(text, core.start, core.scale_start) \
                and unit not in _THREE_DECIMAL_CURRENCIES and _no_rate_per_thing(text, end):
            core = numbers.point_grouped(text, core) or core        # "€649.000": no price is written to round tenths of a cent
        elif dimension == "count" and text[core.scale_start - 1:core.scale_start] == "0" and core.value >= 1 \
                and numbers.one_point_group(text, core.start, core.scale_start) and units.things_counted_after(text, core.end):
            core = numbers.point_grouped(text, core) or core        # "60.000 bottles": no count has three round decimals
        bound = bounds.bound_before(text, start, s_start)
        reason = non_figures.reason_not_figure(
            text, core, sentence_start=s_start, has_currency=dimension == "currency",
            has_unit=attached is not None or shared is not None or prefix is None and units.unit_after_range(text, core.start, core.end, core.value),
            bounded=bound is not None,
        ) or non_figures.goes_on_from(text, skipped, core, has_unit=attached is not None or prefix is not None)
        if reason:
            skipped = (reason, core.end)
            continue
        qualifier = Qualifier.APPROX if core.kind == "vague" else Qualifier.EXACT
        if minor is not None and dimension == "count":
            hundredths.append((len(found), minor))
        if dimension == "currency":
            written = (text[start:core.start] if prefix else text[core.end:end]).strip().lower()
            borrowed = prefix is not None and prefix[1] == core.start      # from the sum before ("Rs 250-300")
            if written in _DEFAULT_FORMS or borrowed and defaulted and defaulted[-1] == len(found) - 1:
                defaulted.append(len(found))       # "Rs", "rupees": India's unless the article says (`_local_currency`)
        if shared is not None and dimension == "count":
            sharing.append((len(found), shared))
        elif dimension == "count" and sharing and sharing[-1][0] == len(found) - 1 \
                and _set_beside_sum(text, found[-1], core, si):
            beside_shared.append((len(found), len(found) - 1))     # "22.7 billion shillings, compared with 15.9 billion"
        if attached is not None and part is None and numbers.is_lone_article(text, core):
            ones.add(len(found))                   # "a foot of snow": one foot, unless it is a price's
        found.append(Found(
            start=start, end=end, sentence_index=si, value=core.value, low=core.low, high=core.high,
            qualifier=qualifier, strict=False, resolution=core.resolution, unit=unit,
            dimension=dimension, form=core.kind, bound=bound,
        ))
    if sharing:
        _by_country(text, found, sharing)
        for i, j in beside_shared:
            if found[j].dimension == "currency":
                found[i] = found[i]._replace(unit=found[j].unit, dimension="currency")
    if defaulted:
        _local_currency(text, found, defaulted)
    if hundredths:
        _as_money(text, found, hundredths)
    if any(f.unit == "degree" for f in found):
        _degrees_of_temperature(text, found)
    if ones:
        found = _unpriced(text, sentences, found, ones)             # last: it drops figures, so indices change
    return _joined(text, found, sentences)


_CLAUSE_BREAK = re.compile(r"[,;:()]")
#: words between a measure and a price that make the price another thing's, or a basket's: "a litre of
#: milk and a loaf of bread together cost £2.50", "needs a litre of stock and costs £5 to make"
_BASKET = re.compile(r"\b(?:and|plus|together|with)\b", re.IGNORECASE)
_PRICE_VERBS = _tables.word_class("price_verb")
_WORDS = re.compile(r"[A-Za-z]+")
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|each|every|its|his|her|their)[ \u00a0]+$", re.IGNORECASE)


def _prices_the_measure(text: str, measure_end: int, price_start: int) -> bool:
    """Whether the words between "a kilo of coffee" and a sum say the sum is its price: a price verb
    stands between ("sells for", "now costs", "went up ... to"), no "and" makes it a basket's, and
    the sum is no other thing's ("hidden in a $40,000 car", "before the $1,200 operation")."""
    if _BASKET.search(text, measure_end, price_start) or _DETERMINER_BEFORE.search(text, measure_end, price_start):
        return False
    return any(w.lower() in _PRICE_VERBS for w in _WORDS.findall(text, measure_end, price_start))


_PRICE_REACH = 3              # figures after "a kilo of" where the price it is for may stand


def _unpriced(text: str, sentences: SentenceIndex, found: list[Found], ones: set[int]) -> list[Found]:
    """The figures without the one of a measure that a price in its clause is for: "A kilo of coffee
    sells for BRL 58" prices a kilo (it is no amount of coffee), where "a foot of snow fell, causing
    $2m of damage" measures the snow. Indices into the list are kept valid: `ones` is read before any
    is dropped."""
    priced = set()
    for i in ones:
        one = found[i]
        k = next((k for k in range(i + 1, min(len(found), i + 1 + _PRICE_REACH)) if found[k].sentence_index == one.sentence_index
                  and found[k].dimension == "currency"), None)
        if k is not None and not _CLAUSE_BREAK.search(text, one.end, found[k].start):
            priced.add(i)                          # "A kilo of coffee sells for BRL 58"; not "..., causing $2m"
            if found[k].per is None and _prices_the_measure(text, one.end, found[k].start):
                found[k] = found[k]._replace(per=one.unit)      # the price is per kilo (not a basket's)
    return [f for i, f in enumerate(found) if i not in priced]


_COMPASS_AFTER = re.compile(r"[ \u00a0]*(?:north|south|east|west|latitude|longitude|angle|turn|tilt)", re.IGNORECASE)
_TURN_BEFORE = re.compile(r"\b(?:turn|rotat|tilt|swung|swing|bank|inclin|angle of|slope of|arc of)[a-z]*[ \u00a0]+"
                          r"(?:[a-z]+[ \u00a0]+){0,2}$", re.IGNORECASE)
_TURN_REACH = 24              # characters before the degrees: "was tilted by about "


def _degrees_of_temperature(text: str, found: list[Found]) -> None:
    """Bare degrees in a sentence whose other figures are temperatures on one scale are on that scale,
    in place: "hit 45.6C, nearly 5 degrees above normal" is 5 degrees Celsius, not an angle (unless a
    compass word follows or a turn goes before: "40 degrees north", "the plane banked 30 degrees")."""
    scales: dict[int, set[str]] = {}
    for fig in found:
        if fig.dimension == "temperature":
            scales.setdefault(fig.sentence_index, set()).add(fig.unit)
    for i, fig in enumerate(found):
        scale = scales.get(fig.sentence_index, ())
        if fig.unit == "degree" and len(scale) == 1 and not _COMPASS_AFTER.match(text, fig.end) \
                and not _TURN_BEFORE.search(text, max(0, fig.start - _TURN_REACH), fig.start):
            found[i] = fig._replace(unit=next(iter(scale)), dimension="temperature")


def _currencies_by_sentence(found: list[Found]) -> dict[int, set[str]]:
    """The currencies each sentence writes a sum in, by sentence index."""
    written: dict[int, set[str]] = {}
    for fig in found:
        if fig.dimension == "currency":
            written.setdefault(fig.sentence_index, set()).add(fig.unit)
    return written


def _by_country(text: str, found: list[Found], sharing: list[tuple[int, tuple[dict[str, frozenset[str]], int]]]) -> None:
    """The counts of a currency word several currencies share ("12 billion pesos", "40 kr") made
    money, in place, where exactly one of its currencies is known: it is the currency of another sum
    in the sentence, else of a country the article names ("Mexico's finance ministry"). Otherwise
    the count stays a count: "pesos" alone names no one currency."""
    named: set[str] | None = None                 # read once, only if a sentence does not decide
    in_sentence = _currencies_by_sentence(found)
    for i, (currencies, end) in sharing:
        fig = found[i]
        codes = set(currencies)
        known = codes & in_sentence.get(fig.sentence_index, set())
        if len(known) != 1:
            if named is None:
                named = countries.currencies_of(countries.placed(text))
            known = codes & named
        if len(known) == 1:
            found[i] = fig._replace(end=end, unit=known.pop(), dimension="currency")


def _local_currency(text: str, found: list[Found], defaulted: list[int]) -> None:
    """Sums in a currency word whose code is a default ("Rs 282", "500 rupees": INR) made the currency
    of the country the article names, in place, when it names the country of exactly one other
    currency written so and not the default's own ("fuel in Pakistan rose to Rs 282": PKR)."""
    named = countries.currencies_of(countries.placed(text))
    for i in defaulted:
        fig = found[i]
        others = (named & units.currencies_sharing(fig.unit)) - {fig.unit}
        if len(others) == 1 and fig.unit not in named:
            found[i] = fig._replace(unit=next(iter(others)))


def _as_money(text: str, found: list[Found], hundredths: list[tuple[int, tuple[_tables.MinorUnit, int]]]) -> None:
    """The counts of a currency's hundredth ("18 cents", "50 sen") made money, in place, where its
    currency is known: the word names one ("euro cents"); else exactly one of the currencies it may
    name stands as a figure in the same sentence ("rose 18 cents to $23.50": 0.18 USD), else in the
    article; else, when the article writes no currency at all and names no country but the US, the
    word's own (a bare "cents" is US cents, as a bare "dollars" is USD). Otherwise the count stays a
    count."""
    in_sentence = _currencies_by_sentence(found)
    in_article = set().union(*in_sentence.values())
    abroad: bool | None = None                    # whether the article names a country other than the US
    for i, (minor, end) in hundredths:
        fig = found[i]
        known = minor.codes
        for written in (in_sentence.get(fig.sentence_index, set()), in_article):
            if len(known) > 1 and written:
                known = known & written
        if len(known) > 1 and not in_article and minor.alone is not None:
            if abroad is None:
                abroad = countries.names_another_country(countries.named(text))
            if not abroad:
                known = {minor.alone}                # not "In Ireland, the levy rose to 22 cents"
        if len(known) != 1:
            continue
        (code,) = known
        found[i] = _in_hundredths(fig, code)._replace(end=end)
        first = found[i - 1] if i > 0 else None
        if (first is not None and first.dimension == "count" and first.sentence_index == fig.sentence_index
                and _RANGE_GAP.fullmatch(text, first.end, fig.start)):     # "10 to 15 cents", "2 or 3 cents"
            found[i - 1] = _in_hundredths(first, code)


def _in_hundredths(fig: Found, code: str) -> Found:
    """A count of a currency's hundredths as the sum it is in the currency: 18 cents is 0.18 USD."""
    return fig._replace(value=_hundredth(fig.value), low=_hundredth(fig.low), high=_hundredth(fig.high),
                        resolution=_hundredth(fig.resolution), unit=code, dimension="currency")


def _hundredth(value: float) -> float:
    """A hundredth of `value`, without the binary noise of the division (10.4 cents is 0.104, not
    0.10400000000000001)."""
    return round(value / 100, 12) if math.isfinite(value) else value


_ADJECTIVE_MEASURE = re.compile(r"\d-[A-Za-z]")      # "5/8-inch": a measure hyphened to the noun it describes
_BY_GAP = re.compile(r"[ \u00a0]*[x×][ \u00a0]*")     # "40 x 30 x 15 cm"
#: the units an object's sides are measured in; "6 x 2 km" and "4 x 400 m" are repetitions of a distance
_OBJECT_LENGTHS = frozenset({"millimeter", "centimeter", "meter", "inch", "foot"})
_SMALL_LENGTHS = frozenset({"millimeter", "centimeter", "inch"})     # two sides alone: an object's, not a distance
_SIDES_RATIO = 10             # how many times another side one side of an object may be, at most


def _dimensions(text: str, found: list[Found]) -> list[Found]:
    """The bare numbers of a dimension list take the unit written after its last one: "measures 40 x 30
    x 15 cm" is three lengths in centimetres, and "a 15 x 20 cm print" two (read right to left, so a
    unit passes down the list). Not where the list counts repetitions or pieces: two numbers before
    metres or feet ("4 x 100m", "8 x 50 m" are legs and lengths swum), sides far apart in size, or a
    plural after the unit ("6 x 2 m planks", "10 x 10 m sprints")."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        fig, nxt = out[i], out[i + 1]
        if not (fig.dimension == "count" and nxt.unit in _OBJECT_LENGTHS and fig.sentence_index == nxt.sentence_index
                and fig.form == "digits" and within(fig.value, nxt.value, _SIDES_RATIO)
                and _BY_GAP.fullmatch(text, fig.end, nxt.start)):
            continue
        last = nxt
        k = i + 1
        while k + 1 < len(out) and out[k + 1].unit == nxt.unit and _BY_GAP.fullmatch(text, out[k].end, out[k + 1].start):
            k += 1
            last = out[k]
        sides, j = k - i + 1, i - 1
        while j >= 0 and _BY_GAP.fullmatch(text, out[j].end, out[j + 1].start):
            sides, j = sides + 1, j - 1
        if units.things_counted_after(text, last.end) or (sides < 3 and nxt.unit not in _SMALL_LENGTHS):
            continue
        out[i] = fig._replace(unit=nxt.unit, dimension=nxt.dimension)
    return out


def _joined(text: str, found: list[Found], sentences: SentenceIndex) -> list[Found]:
    """Figures written in two parts made one, and a level's unit carried to the level it goes to:
    "6ft 2in" (one length), "three out of four" (a share), "from 180 pounds to 172" (172 pounds)."""
    out: list[Found] = []
    for i, fig in enumerate(found):
        prev = out[-1] if out else None
        if prev is None or prev.sentence_index != fig.sentence_index:
            out.append(fig)
            continue
        per = _tables.compound_units().get((prev.unit, fig.unit))
        if per is None and fig.dimension == "count" and fig.form == "digits" and float(fig.value).is_integer():
            per = _bare_minor(text, prev, fig)     # "he stands 5ft 10 and weighs 80kg"
        if per is not None and 0 <= fig.value < per and _COMPOUND_GAP.fullmatch(text, prev.end, fig.start) \
                and not (fig.form == "fraction" and _ADJECTIVE_MEASURE.search(text, fig.start, fig.end)):
            # "50ft, 5/8-inch diameter" is two measures; "a 6-foot-4-inch forward", "6ft 2-inch" one
            value = prev.value + fig.value / per
            out[-1] = prev._replace(end=fig.end, value=value, low=value, high=value, resolution=fig.resolution / per)
            continue
        if _is_share(text, prev, fig):
            value = prev.value / fig.value
            out[-1] = prev._replace(end=fig.end, value=value, low=value, high=value, resolution=0.01,
                                    unit="fraction", dimension="fraction", form="fraction")
            continue
        s_start = sentences.span(fig.sentence_index)[0]
        if (fig.dimension == "count" and prev.dimension not in ("count", "age", "fraction") and _TO.fullmatch(text, prev.end, fig.start)
                and _by_amount(text, s_start, prev.start) and not units.things_counted_after(text, fig.end)):
            fig = fig._replace(unit=prev.unit, dimension=prev.dimension)   # "rose by 3.6 million barrels to 448.5 million"
        opened_at = _level_start(text, out, prev)
        if _TO.fullmatch(text, prev.end, fig.start) and _BETWEEN.search(
                text, max(s_start, opened_at - _BETWEEN_REACH), opened_at):
            nxt = found[i + 1] if i + 1 < len(found) else None
            if (fig.dimension == "count" and nxt is not None and nxt.dimension != "count"
                    and _RANGE_GAP.fullmatch(text, fig.end, nxt.start)):
                out[-1], _ = _levels(text, prev, nxt)       # "from 12.5 to 13-14 billion": it went to a range
            else:
                out[-1], fig = _levels(text, prev, fig)
        out.append(fig)
    return _dimensions(text, out) if " x" in text or "×" in text else out


_LEVEL_RANGE_GAP = re.compile(r"[ \u00a0]*(?:-|–|to)[ \u00a0]*")


def _level_start(text: str, read: list[Found], level: Found) -> int:
    """Where the level `level` (the last of `read`) begins as written, for the "from" before it: at its
    bound ("from about 14 mpg to 24"), or at the first end of the range it closes ("from 14-18 mpg
    to 24", whose ends are merged later)."""
    start = level.bound.start if level.bound is not None else level.start
    if len(read) >= 2:
        first = read[-2]
        if (first.sentence_index == level.sentence_index and first.dimension in ("count", level.dimension)
                and _LEVEL_RANGE_GAP.fullmatch(text, first.end, level.start)):
            start = first.bound.start if first.bound is not None else first.start
    return start


_BARE_MINOR_GAP = re.compile(r"[ \u00a0-]")          # "5ft 10", "5-foot-2"
_BARE_MINOR_END = re.compile(r"[ \u00a0]*(?:[,.;:)!?]|$|(?:%s)\b)" % _tables.alternation(
    sorted(_tables.word_class("measure_end_word"))), re.IGNORECASE)


def _bare_minor(text: str, major: Found, minor: Found) -> float | None:
    """How many of the smaller unit make the larger, when a measure's second part is written without
    its unit ("5ft 10", "7lb 4") and nothing follows that could be what it counts; else None."""
    per = _tables.compound_minor_units().get(major.unit)
    if per is None or not _BARE_MINOR_GAP.fullmatch(text, major.end, minor.start):
        return None
    if text[major.end] == "-":
        return per                                 # "a 6-foot-2 guard": the hyphens say it is one height
    return per if _BARE_MINOR_END.match(text, minor.end) else None


def _levels(text: str, first: Found, second: Found) -> tuple[Found, Found]:
    """"from 180 pounds to 172", "from 3.9 to 3.6 percent", "from 12.5 to 14 billion euros": the two
    levels of a change share the unit (and the scale word) written on only one of them; a second
    level taking a currency without minor digits takes its point grouping too ("from Rp 25.000 to
    30.000")."""
    if second.dimension == "count" and first.dimension not in ("count", "age"):
        second = second._replace(unit=first.unit, dimension=first.dimension)
        if (first.dimension == "currency" and first.unit in _WHOLE_CURRENCIES
                and numbers.one_point_group(text, second.start, second.end)):
            second = second._replace(value=second.value * 1000, low=second.low * 1000, high=second.high * 1000,
                                     resolution=resolution_of_digits(text[second.start:second.end].replace(".", ""), 1.0))
        return first, second
    if first.dimension == "count" and second.dimension not in ("count", "age"):
        scale = 1.0
        if second.resolution >= 1e3 and first.value < 1000 and first.resolution < second.resolution:
            scale = next((m for m in (1e12, 1e9, 1e6, 1e3) if abs(second.low) >= m and first.value * m <= 10 * second.low), 1.0)
        first = first._replace(unit=second.unit, dimension=second.dimension, value=first.value * scale,
                               low=first.low * scale, high=first.high * scale, resolution=first.resolution * scale)
    return first, second


def _is_share(text: str, part: Found, whole: Found) -> bool:
    """"three out of four", "one in five", "9 out of 10", "1 in 5": a share of any group, not a count
    of one. A whole written in digits other than 10, 100 or 1,000 counts things ("39 out of 71
    drones"), unless the part is one "in" it: "1 in 20" is only ever a rate."""
    if part.dimension != "count" or whole.dimension != "count" or not 0 < part.value < whole.value:
        return False
    gap = _SHARE_GAP.fullmatch(text, part.end, whole.start)
    if gap is None:
        return False
    return (whole.form == "words" or whole.value in (10, 100, 1000)
            or part.value == 1 and gap.group().strip().lower() == "in" and not _ranked(text, part.start))


_RANK_CUES = _tables.word_class("rank_cue")


def _ranked(text: str, start: int) -> bool:
    """A rank stands before the number at `start` ("No 1 in 20 countries", "ranked 1 in 50 states")."""
    word = non_figures.word_before(text, start, 0)
    return word is not None and word.lower().rstrip(".") in _RANK_CUES


def _bounded(text: str, fig: Found, sentence_start: int) -> Found:
    """The figure with the bound written before or after it ("more than 50", "50 or more") and the
    change it states ("fell 2.5%"): its qualifier, its interval, and a start that takes in the bound."""
    start, qualifier, strict, low, high = fig.start, fig.qualifier, fig.strict, fig.low, fig.high
    if qualifier is not Qualifier.RANGE:
        bound = fig.bound
        if bound is None:
            after = bounds.bound_after(text, fig.end)
            if after is not None:
                qualifier = after[0]
        else:
            qualifier, strict, start = bound.qualifier, bound.strict, bound.start
        floor = -math.inf if fig.dimension in _SIGNED or fig.value < 0 else 0.0   # "up to -3%" may be any fall
        if qualifier is Qualifier.LOWER:
            low, high = fig.value, math.inf
        elif qualifier is Qualifier.UPPER:
            low, high = floor, fig.value
    change = bounds.change_of(text, start, fig.end, sentence_start)
    if change is None and start == fig.start and qualifier is fig.qualifier and strict == fig.strict \
            and low == fig.low and high == fig.high:
        return fig                                  # neither bounded nor a change: as found
    return fig._replace(start=start, qualifier=qualifier, strict=strict, low=low, high=high, change=change)


def read_with_sentences(text: str, article_date: dt.date | None = None) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Every figure in one article's text, in order, and the (start, end) of each sentence."""
    if not numbers.may_hold_numbers(text):
        return [], []
    if "\r\n" in text:
        return _read_crlf(text, article_date)
    return _read(text, article_date)


def _read(text: str, article_date: dt.date | None) -> tuple[list[Mention], list[tuple[int, int]]]:
    """`read_with_sentences` of a text without Windows line ends."""
    written, text = text, layout.unwrapped(text)      # the rules read wrapped paragraphs as one line
    sentences = SentenceIndex(text)
    found = _scan_figures(text, sentences)
    if not found:
        return [], sentences.spans
    merged: list[Found] = []
    for fig in found:
        if merged and _is_range(text, merged[-1], fig, sentences.span(fig.sentence_index)[0]):
            merged[-1] = _merge_range(text, merged[-1], fig)
        else:
            merged.append(fig)
    shape = layout.read(written, sentences.spans, article_date)
    views: dict[int, SentenceView] = {}
    read: list[tuple[Found, About]] = []
    for fig in merged:
        s_start, s_end = sentences.span(fig.sentence_index)
        view = views.get(fig.sentence_index)
        if view is None:
            view = views[fig.sentence_index] = SentenceView.of(
                text, s_start, s_end, shape.events[fig.sentence_index], shape.bases[fig.sentence_index],
                shape.stamped[fig.sentence_index])
        read.append(about.read(text, _bounded(text, fig, s_start), view.sentence))
    read = about.continued(text, read)
    by_sentence: dict[int, list[tuple[Found, About]]] = {}
    for pair in read:
        by_sentence.setdefault(pair[0].sentence_index, []).append(pair)
    settings = _Settings(text, shape, article_date, sentences.spans)
    figures: list[Figure] = []
    statuses: dict[int, list[str]] = {}
    for index, members in sorted(by_sentence.items()):
        view = views[index]
        previous = views.get(index - 1)
        if previous is not None and view.opens_with_pronoun() and not view.times:
            view = dataclasses.replace(view, carried=previous.period_phrase())
        placed = settings.of_sentence(view, members)
        before = next((statuses[k] for k in (index - 1, index - 2) if k in statuses), ())
        if view.continues() and "update" in before:              # "Another 40 ..." goes on with the update
            placed = [s._replace(status="update") if s.status in {"report", "live"} else s for s in placed]
        statuses[index] = [s.status for s in placed]
        figures += [Figure(f, a, s) for (f, a), s in zip(members, placed)]
    figures = relations.link(figures, text, [s for s, _ in sentences.spans])
    figures = about.shared(figures)
    figures = inherit.settle(figures, text)
    return [fig.mention(written) for fig in figures], sentences.spans


def _read_crlf(text: str, article_date: dt.date | None) -> tuple[list[Mention], list[tuple[int, int]]]:
    """A text with Windows line ends, read with plain line breaks (so that every rule's one space or
    one line break means the same there) and its offsets mapped back onto the text as written."""
    returns = [m.start() for m in re.finditer("\r\n", text)]
    at_lf = [r - k for k, r in enumerate(returns)]        # where each removed "\r" was, in the read text

    def start(offset: int) -> int:
        return offset + bisect_right(at_lf, offset)

    def end(offset: int) -> int:
        return offset + bisect_left(at_lf, offset)

    mentions, spans = _read(text.replace("\r\n", "\n"), article_date)
    mentions = [m._replace(start=start(m.start), end=end(m.end), surface=text[start(m.start):end(m.end)])
                for m in mentions]
    return mentions, [(start(a), end(b)) for a, b in spans]


_STORY_DAY_REACH = 7      # days before the article's date that its lead may set its story in


def _story_day(text: str, spans: list[tuple[int, int]], article_date: dt.date | None) -> dt.date | None:
    """The day the lead sentence sets the story on ("... marched through the capital on Sunday"),
    which the article's undated figures are about; None when the lead names no such day."""
    if article_date is None or not spans:
        return None
    start, end = spans[0]
    lead = Sentence.of(text, start, end)
    for when in scope.times(lead, article_date):
        if when.period == "day" and when.day is not None and not when.as_of and not when.timed \
                and 0 < (article_date - when.day).days <= _STORY_DAY_REACH:
            return when.day
    return None


class _Settings:
    """The `Setting` of each figure of an article, sentence by sentence: who says it, where and when
    it is tied to, and the quantity parts (`quantity`) of what it counts."""

    def __init__(self, text: str, shape: layout.Layout, article_date: dt.date | None,
                 spans: list[tuple[int, int]]) -> None:
        self.running = shape.running
        self.article_date = article_date
        self.story_day = _story_day(text, spans, article_date)
        self.place_names = shape.place_names
        self.mentions = scope.PlaceMentions(text, shape.place_names)       # read only if a population asks

    def of_sentence(self, view: SentenceView, members: list[tuple[Found, About]]) -> list[Setting]:
        """The settings of the figures of one sentence, in order."""
        article_date, tokens = self.article_date, view.sentence.tokens
        spans = [view.token_span(f.start, f.end) for f, _ in members]
        timed = [view.timed(first) for first, _ in spans]
        statuses = quantity.statuses(view.markers, view.clauses, spans, timed)
        nearby = _NearFigures([(a, max(b, what.noun_stop)) for (a, b), (_, what) in zip(spans, members)])
        ends = len(tokens)
        out: list[Setting] = []
        for k, ((fig, what), (first, stop)) in enumerate(zip(members, spans)):
            nxt = spans[k + 1][0] if k + 1 < len(spans) else ends
            block = ends if nxt == ends or _of_whole(view, stop, nxt) else nxt
            place = scope.pick(view.places, view.clauses, first, stop, block, tokens)
            if place is None and block == nxt and nxt < ends and _coordinated(view, stop, nxt):
                after = spans[k + 1][1]                      # "Two died and nine were hurt in the Lviv region"
                following = len(spans) > k + 2 and spans[k + 2][0] or ends
                place = scope.pick(view.places, view.clauses, nxt, after, following, tokens)
            if place is None:
                place = scope.subject_place(tokens, view.clauses, first, self.place_names)   # "Kyiv endured a barrage in which ..."
            event = scope.pick(view.events, view.clauses, first, stop, block, tokens)
            place_name = place.name if place is not None else None
            event_key = event.key if event is not None else view.heading_event
            scope_key = event_key or (place.key if place is not None else "")
            event_date, period, weekday = None, "day", None
            when = view.when(first, stop, block)
            if when is not None:
                event_date, period, weekday = when.day, when.period, when.weekday
            elif view.base != article_date:
                event_date = view.base                       # a live page's entry stamp dates its figures
            elif view.carried is not None:
                event_date, period = view.carried.day, view.carried.period
            elif self.story_day is not None:
                event_date = self.story_day                  # the day the lead sets the story on
            reading = quantity.read(view.sentence, view.clauses, first, stop, what, fig.dimension, lambda: view.happenings,
                                    lambda token, k=k: nearby.other_than(k, token))
            kind = f"{reading.mods} {reading.kind}" if reading.mods and reading.kind else reading.kind
            happening = reading.happening
            if event_key and fig.dimension == "area" and (happening == "burn" or (
                    happening is None and (kind is None or set(kind.split()) <= set(event_key.split())))):
                kind, happening = "land", "burn"              # "the Ridge fire has grown to 4,000 acres": its extent
            status = "live" if (self.running or view.stamped) and statuses[k] in {"report", "update"} else statuses[k]
            if happening == "population":                    # where the people live, not where else things happened
                home = scope.population_place(tokens, first) or (self.mentions and scope.named_before(
                    tokens, first, fig.start, self.mentions))                # "the port city, home to"
                place_name, scope_key = (home.name, home.key) if home is not None else (None, "")
            if when is not None and when.as_of and when.day and article_date and when.day < article_date \
                    and status in {"report", "update", "live"}:
                status = "earlier"                           # "the toll as of 3 May stood at 140"
            out.append(Setting(
                source=view.source_of(first, what.noun_stop), place=place_name, scope=scope_key,
                event_date=event_date, period=period, weekday=weekday, kind=kind, predicate=reading.verb,
                happening=happening, fixed=reading.fixed, inherit=reading.inherit, coordinated=reading.coordinated,
                meta=reading.meta, status=status, clause_contrast=view.contrast(first),
            ))
        return out


class _NearFigures:
    """Which figures of a sentence stand within `quantity.NEAR` tokens of a token: the spans are in
    order, so only the few that start just before the token are looked at (a sentence of thousands of
    figures costs linear time, not a scan of every span per figure)."""

    _LOOK_BACK = 24          # figures' extended spans (figure and counted noun) are shorter than this

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = spans
        self._starts = [a for a, _ in spans]

    def other_than(self, own: int, token: int) -> bool:
        """Whether a figure other than the `own`-th stands within reach of `token`."""
        j = bisect_right(self._starts, token + quantity.NEAR) - 1
        while j >= 0 and self._starts[j] > token - quantity.NEAR - self._LOOK_BACK:
            a, b = self._spans[j]
            if j != own and a - quantity.NEAR <= token < b + quantity.NEAR:
                return True
            j -= 1
        return False


def _coordinated(view: SentenceView, stop: int, next_first: int) -> bool:
    """Whether the next figure is joined to this one by "and" in the same clause, so that a place
    written after the pair is where both happened."""
    between = view.sentence.tokens[stop:next_first]
    return any(t.low == "and" for t in between) and not any(t.text in {",", ";"} for t in between) \
        and clause_at(view.clauses, stop) == clause_at(view.clauses, next_first)


def _of_whole(view: SentenceView, stop: int, next_first: int) -> bool:
    """"39 out of 71 drones over Kyiv": the place after the whole is the part's too."""
    between = [t.low for t in view.sentence.tokens[stop:next_first]]
    return between in (["of"], ["out", "of"], ["of", "the"], ["out", "of", "the"])
