"""The only reader of `figures/data/`: loads the human-edited tables once and builds lookups.

Each table is a small TSV or word list with a comment header naming its fields. The lookups built
from them here (sets, dicts, compiled alternations) are cached for the life of the process; they are
read-only, so sharing them between calls keeps `extract` a pure function of its input.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _read_text(name: str) -> str:
    return resources.files("figures").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def read_rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file, comment lines (starting with '#') skipped."""
    lines = [line for line in _read_text(name).splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "") for k, v in row.items()} for row in reader]


def read_words(name: str) -> frozenset[str]:
    """The words of a one-word-per-line data file, comment lines skipped."""
    return frozenset(
        line.strip() for line in _read_text(name).splitlines()
        if line.strip() and not line.startswith("#")
    )


def _flags(row: dict[str, str]) -> frozenset[str]:
    return frozenset(f for f in row.get("flags", "").split(",") if f)


def alternation(words: list[str]) -> str:
    """A regex matching any of `words`, the longest that fits first.

    Written as a trie ("k(?:m(?:/h)?|g)" rather than "km/h|km|kg"): Python's `re` tries the branches
    of a flat alternation one by one, and the unit and currency tables hold over a thousand forms,
    so a flat alternation tried at every number would cost more than all the rest of the reading.
    Optional tails are greedy, so a longer form is tried before the shorter one it extends.
    """
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(trie)


@dataclass(frozen=True)
class UnitEntry:
    """One surface form that can follow a number: a physical unit or a currency name."""

    alias: str
    unit: str          # pint unit name, project unit (percent), or ISO 4217 code for money
    dimension: str     # "length", "currency", ...
    word: bool         # must stand apart from the digits ("l", "V")
    glued: bool = False  # must touch the digits ("118.5p")
    lone: bool = False   # apart from the digits, only with no word after it ("3 1/2 in.", not "5 in May")
    glued_of: bool = False  # against the digits, only before "of" ("3.5t of litter"; "a 1t yuan plan" is no mass)


@dataclass(frozen=True)
class Suffixes:
    """Everything that may follow a number, as two anchored patterns and a lookup."""

    exact: re.Pattern[str]        # case-sensitive aliases
    folded: re.Pattern[str]       # case-insensitive aliases
    by_exact: dict[str, UnitEntry]
    by_folded: dict[str, UnitEntry]


def _suffix_pattern(aliases: list[str], flags: int) -> re.Pattern[str]:
    # An alias must end at a word boundary unless it ends in a symbol ("%", "°C" ends in a letter),
    # and never runs on into digits through a hyphen ("12 C-17 parts" is no temperature), except
    # into a second number with the same unit, the range "2kg-3kg"
    # or the inches of a height written with hyphens, "5-foot-2"
    return re.compile(r"(?P<alias>%s)(?![A-Za-z0-9]|-(?![\d.,]*(?P=alias)(?![A-Za-z0-9]))(?<!foot-)\d)" % alternation(aliases),
                      flags)


#: Unit tables, hand-written first: the first table to list a surface form decides what it means.
UNIT_TABLES = ("units.tsv", "units_pint.tsv")
#: Currency tables: hand-written symbols and bare names, then CLDR's names and codes.
CURRENCY_TABLES = ("currencies.tsv", "currency_names.tsv")


def _currency_rows() -> list[dict[str, str]]:
    return [row for name in CURRENCY_TABLES for row in read_rows(name)]


@lru_cache(maxsize=None)
def suffixes() -> Suffixes:
    """Units and post-position currency names, matched right after a number."""
    exact: dict[str, UnitEntry] = {}
    folded: dict[str, UnitEntry] = {}

    def add(alias: str, entry: UnitEntry, flags: frozenset[str]) -> None:
        if "cs" in flags:
            exact.setdefault(alias, entry)
        else:
            folded.setdefault(alias.lower(), entry)

    for row in _currency_rows():
        if row["position"] in ("post", "both"):
            flags = _flags(row)
            add(row["alias"], UnitEntry(row["alias"], row["code"], "currency", "word" in flags, "glued" in flags), flags)
    for name in UNIT_TABLES:
        for row in read_rows(name):
            flags = _flags(row)
            entry = UnitEntry(row["alias"], row["unit"], row["dimension"], "word" in flags, "glued" in flags,
                              "lone" in flags, "glued_of" in flags)
            add(row["alias"], entry, flags)
            if " " in row["alias"] and row["alias"].replace(" ", "").isalpha():
                add(row["alias"].replace(" ", "-"), entry, flags)     # "a 6,500-square-foot house"
    return Suffixes(
        exact=_suffix_pattern(list(exact), 0),
        folded=_suffix_pattern(list(folded), re.IGNORECASE),
        by_exact=exact,
        by_folded=folded,
    )


@lru_cache(maxsize=None)
def currency_prefixes() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern matching a currency written before a number, anchored at the end of a slice."""
    codes: dict[str, str] = {}
    for row in _currency_rows():
        if row["position"] in ("pre", "both"):
            codes.setdefault(row["alias"], row["code"])
    words = [a for a in codes if a.replace(".", "").isalpha()]      # codes and names: "USD 5", "Rs. 5"
    symbols = [a for a in codes if a not in words]                   # "$", "US$", "$US", "HK $"
    pattern = re.compile(r"(?<![A-Za-z])(?:%s)[ \u00a0]?$" % alternation(symbols + words))
    return pattern, codes


def _flagged_aliases(flag: str, lower: bool = False) -> frozenset[str]:
    """The currency aliases whose rows carry `flag` (lower-cased when `lower`)."""
    return frozenset(row["alias"].lower() if lower else row["alias"] for row in _currency_rows() if flag in _flags(row))


@lru_cache(maxsize=None)
def long_currency_prefixes() -> frozenset[str]:
    """Currency prefixes that are one only before a long number ("PS1.9m" is money, "PS5" a console)."""
    return _flagged_aliases("long")


@lru_cache(maxsize=None)
def scaled_currency_prefixes() -> frozenset[str]:
    """Currency prefixes that are one only against a scaled or grouped number ("R2.3bn", "R15,000";
    not "the R2")."""
    return _flagged_aliases("scaled")


@lru_cache(maxsize=None)
def sum_only_currency_names() -> frozenset[str]:
    """Currency names written after a number that are money only after a sum ("5,000 won"; not "3 won")."""
    return _flagged_aliases("sum", lower=True)


@lru_cache(maxsize=None)
def default_currency_forms() -> frozenset[str]:
    """Currency forms (lower case) whose code is a default another country's currency may override
    ("Rs", "rupees": INR, unless the article names only Pakistan, Sri Lanka, Nepal, Mauritius or the
    Seychelles of the rupee countries; "Sh": KES, unless only Tanzania or Uganda)."""
    return _flagged_aliases("default", lower=True)


@lru_cache(maxsize=None)
def scale_word_currency_prefixes() -> frozenset[str]:
    """Currency codes that are also English words, one only before a number with a scale word
    ("PEN 4 billion", "PHP 1.2bn"; not "TOP 10", "ALL 5")."""
    return _flagged_aliases("scale_word")


@lru_cache(maxsize=None)
def glued_currency_prefix() -> re.Pattern[str]:
    """A currency written against the digits and ending in a letter ("USD10m", "RM23.50", "$US5m"):
    the only case where digits right after a letter start a number."""
    aliases = [row["alias"] for row in _currency_rows()
               if row["position"] in ("pre", "both") and row["alias"][-1].isalpha()
               and not (row["alias"].islower() and len(row["alias"]) == 3)]     # "crc32" is no amount
    return re.compile(r"(?<![A-Za-z])(?:%s)$" % alternation(aliases))


@lru_cache(maxsize=None)
def scales() -> tuple[dict[str, float], dict[str, float], frozenset[str]]:
    """Scale words: (case-insensitive lookup, case-sensitive lookup, words valid only for money)."""
    folded: dict[str, float] = {}
    exact: dict[str, float] = {}
    money_only: set[str] = set()
    for row in read_rows("scales.tsv"):
        flags = _flags(row)
        target = exact if "cs" in flags else folded
        key = row["word"] if "cs" in flags else row["word"].lower()
        target[key] = float(row["multiplier"])
        if "money" in flags:
            money_only.add(key)
    return folded, exact, frozenset(money_only)


@lru_cache(maxsize=None)
def number_words() -> dict[str, str]:
    """Cardinal number words and their kind (unit, teen, tens, scale)."""
    return {row["word"]: row["kind"] for row in read_rows("number_words.tsv")}


@lru_cache(maxsize=None)
def vague_numbers() -> dict[str, tuple[float, float]]:
    """Vague plurals ("thousands", "tens of thousands") and the interval each is read as."""
    return {row["phrase"]: (float(row["low"]), float(row["high"])) for row in read_rows("vague_numbers.tsv")}


@lru_cache(maxsize=None)
def fractions() -> dict[str, float]:
    """Fraction words ("a quarter", "two-thirds") and their values."""
    return {row["word"]: float(row["value"]) for row in read_rows("fractions.tsv")}


@lru_cache(maxsize=None)
def qualifiers() -> dict[str, tuple[str, bool]]:
    """Bounding phrases before a figure: phrase -> (qualifier, strict)."""
    return {row["phrase"]: (row["qualifier"], row["strict"] == "1") for row in read_rows("qualifiers.tsv")}


@lru_cache(maxsize=None)
def change_words() -> dict[str, str]:
    """Words that make a figure a change: word -> "up" or "down"."""
    return {row["word"]: row["change"] for row in read_rows("change_words.tsv")}


@lru_cache(maxsize=None)
def verbs() -> dict[str, tuple[str, str]]:
    """Verb forms: form -> (lemma, the happening class the lemma names, or "")."""
    named = happenings()
    return {row["form"]: (row["lemma"], named[row["lemma"]].happening if row["lemma"] in named else "")
            for row in read_rows("verbs.tsv")}


@lru_cache(maxsize=None)
def change_nouns() -> dict[str, str]:
    """Nouns after a figure that make it a change ("a 3% rise"): word -> "up" or "down"."""
    return {row["word"]: row["change"] for row in read_rows("change_nouns.tsv")}


@lru_cache(maxsize=None)
def compound_units() -> dict[tuple[str, str], float]:
    """(larger unit, smaller unit) -> how many smaller make one larger, for "6ft 2in"."""
    return {(row["major"], row["minor"]): float(row["per"]) for row in read_rows("compound_units.tsv")}


@lru_cache(maxsize=None)
def compound_minor_units() -> dict[str, float]:
    """Larger unit -> how many of its smaller unit make one, for the pairs whose smaller part may be
    written without its unit ("5ft 10")."""
    return {row["major"]: float(row["per"]) for row in read_rows("compound_units.tsv") if row.get("bare") == "yes"}


@dataclass(frozen=True)
class MinorUnit:
    """A word for a currency's hundredth ("cents", "sen", "euro cents"): the currencies whose
    hundredth it may be, and the one it is in an article that writes no currency (or None)."""

    codes: frozenset[str]
    alone: str | None


@lru_cache(maxsize=None)
def minor_units() -> dict[str, MinorUnit]:
    """A word for a currency's hundredth, as written -> its `MinorUnit` (data/minor_units.tsv)."""
    return {row["word"]: MinorUnit(frozenset(row["codes"].split()), row["alone"] or None)
            for row in read_rows("minor_units.tsv")}


@lru_cache(maxsize=None)
def country_currencies() -> dict[str, frozenset[str]]:
    """A country's lower-cased English name -> the ISO codes of its current tender (data/country_currencies.tsv)."""
    return {row["country"]: frozenset(row["codes"].split()) for row in read_rows("country_currencies.tsv")}


@lru_cache(maxsize=None)
def cities() -> dict[str, str]:
    """A city that names its country, lower-cased -> that country's lower-cased English name (data/cities.tsv)."""
    return {row["city"]: row["country"] for row in read_rows("cities.tsv")}


@lru_cache(maxsize=None)
def shared_currency_words() -> dict[str, dict[str, frozenset[str]]]:
    """A currency word two or more currencies share ("pesos", "kroner", "crowns") -> each of those
    currencies' ISO code -> the countries whose tender it is (data/shared_currency_words.tsv)."""
    table: dict[str, dict[str, frozenset[str]]] = {}
    for row in read_rows("shared_currency_words.tsv"):
        table.setdefault(row["word"], {})[row["code"]] = frozenset(row["countries"].split("|"))
    return table


@lru_cache(maxsize=None)
def per_adverbs() -> dict[str, str]:
    """Adverbs that make a figure a rate over a stretch of time ("annually" -> "year"), from the
    `per_adverb` rows of data/word_classes.tsv, written "adverb=unit"."""
    return dict(entry.split("=", 1) for entry in word_class("per_adverb"))


@lru_cache(maxsize=None)
def word_classes() -> dict[str, frozenset[str]]:
    """Closed word classes (data/word_classes.tsv): class -> its words."""
    classes: dict[str, set[str]] = {}
    for row in read_rows("word_classes.tsv"):
        classes.setdefault(row["class"], set()).add(row["word"])
    return {name: frozenset(words) for name, words in classes.items()}


def word_class(name: str) -> frozenset[str]:
    """The words of one class of data/word_classes.tsv; an unknown class name is an error, not empty."""
    return word_classes()[name]


@lru_cache(maxsize=None)
def weekdays() -> tuple[str, ...]:
    """Weekday names, lower case, Monday first (the order of `datetime.date.weekday`)."""
    return tuple(line.strip() for line in _read_text("weekdays.txt").splitlines()
                 if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def source_cues() -> dict[str, str]:
    """Cues that introduce who states a figure: cue -> "before" or "verb"."""
    return {row["cue"]: row["kind"] for row in read_rows("source_cues.tsv")}


def _word_list(name: str) -> Callable[[], frozenset[str]]:
    """An accessor for a one-word-per-line data file, read once."""
    @lru_cache(maxsize=None)
    def words() -> frozenset[str]:
        return read_words(name)
    words.__doc__ = f"The words of data/{name}."
    return words


stopwords = _word_list("stopwords.txt")
index_nouns = _word_list("index_nouns.txt")              # "day 500", "Article 5": items, not counts
model_words = _word_list("model_words.txt")              # "737 Max": a model name, not a figure
irregular_verbs = _word_list("irregular_verbs.txt")      # past forms the "-ed" test cannot see
not_concepts = _word_list("not_concepts.txt")            # words that never name what a figure is about
months = _word_list("months.txt")
abbreviations = _word_list("abbreviations.txt")
countries = _word_list("countries.txt")
whole_currencies = _word_list("whole_currencies.txt")    # amounts without minor digits: "Rp 25.000" is 25,000
institution_words = _word_list("institution_words.txt")  # "Interior", "Ministry": names no story                  # a place that is a country: national scope


@dataclass(frozen=True)
class Kind:
    """What a counted noun counts (data/kinds.tsv)."""

    kind: str
    happening: str | None
    flags: frozenset[str]


@lru_cache(maxsize=None)
def kinds() -> dict[str, Kind]:
    """Counted nouns (singular, one or two words) -> their class, implied happening and flags."""
    return {row["noun"]: Kind(row["kind"], row["happening"] or None, _flags(row)) for row in read_rows("kinds.tsv")}


@dataclass(frozen=True)
class Happening:
    """What happened to what a figure counts (data/happenings.tsv)."""

    happening: str
    course: str            # fixed, running, growing, revised or event: how its reports behave over time
    bare: str | None       # the kind a figure with no counted noun counts when this happened to it

    @property
    def fixed(self) -> bool:
        return self.course == "fixed"


@lru_cache(maxsize=None)
def happenings() -> dict[str, Happening]:
    """Predicate lemmas and after-noun words -> the happening they name."""
    return {row["word"]: Happening(row["happening"], row["course"], row["bare"] or None)
            for row in read_rows("happenings.tsv")}


@lru_cache(maxsize=None)
def joined_happenings() -> dict[frozenset[str], Happening]:
    """Two happening classes counted together ("killed or injured") -> the class that names both
    (data/happening_classes.tsv), with the course and bare kind the two share."""
    by_class = {h.happening: h for h in happenings().values()}
    out = {}
    for row in read_rows("happening_classes.tsv"):
        if row["parts"]:
            parts = row["parts"].split()
            if len(parts) != 2 or not set(parts) <= set(by_class):
                raise ValueError(f"happening_classes.tsv: {row['happening']} must join two classes of "
                                 f"happenings.tsv, not {row['parts']!r}")
            first, second = (by_class[part] for part in parts)
            course = first.course if first.course == second.course else "event"
            out[frozenset((first.happening, second.happening))] = Happening(
                row["happening"], course, first.bare if first.bare == second.bare else None)
    return out


@lru_cache(maxsize=None)
def subset_phrases() -> dict[tuple[str, ...], str]:
    """Phrases after a count that name a subset of what happened (data/subset_phrases.tsv): the
    phrase's lower-case words -> how the figure's kind writes it ("aboard" -> "on board")."""
    return {tuple(row["phrase"].split()): row["subset"] for row in read_rows("subset_phrases.tsv")}


@lru_cache(maxsize=None)
def happening_words() -> dict[str, str]:
    """Happening class -> how a finding says it ("downed" -> "shot down")."""
    return {row["happening"]: row["words"] for row in read_rows("happening_classes.tsv")}


@lru_cache(maxsize=None)
def happening_courses() -> dict[str, str]:
    """Happening class -> its course (fixed, running, growing, revised, event)."""
    courses = {h.happening: h.course for h in happenings().values()}
    return courses | {h.happening: h.course for h in joined_happenings().values() if h.happening not in courses}


@lru_cache(maxsize=None)
def status_markers() -> dict[str, tuple[str, str]]:
    """Words that mark a figure as a forecast, an earlier or an updated value -> (status, reach)."""
    return {row["phrase"]: (row["status"], row["reach"]) for row in read_rows("status_markers.tsv")}


@lru_cache(maxsize=None)
def source_roles() -> dict[str, tuple[str, bool]]:
    """Words of a source phrase -> (role, generic)."""
    return {row["word"]: (row["role"], row["generic"] == "1") for row in read_rows("source_roles.tsv")}


@lru_cache(maxsize=None)
def source_sides() -> dict[str, frozenset[str]]:
    """The roles on each side of a crowd or strike count (data/source_roles.tsv): side -> roles."""
    sides: dict[str, set[str]] = {}
    for row in read_rows("source_roles.tsv"):
        if row["side"]:
            sides.setdefault(row["side"], set()).add(row["role"])
    return {side: frozenset(roles) for side, roles in sides.items()}


@lru_cache(maxsize=None)
def month_numbers() -> dict[str, int]:
    """Month names and their abbreviations (data/months.txt) -> the month's number."""
    names = [line.strip() for line in _read_text("months.txt").splitlines() if line.strip() and not line.startswith("#")]
    full = names[:12]
    numbers = {name: i + 1 for i, name in enumerate(full)}
    for abbreviation in names[12:]:
        numbers[abbreviation] = next(i + 1 for i, name in enumerate(full) if name.startswith(abbreviation[:3]))
    return numbers
