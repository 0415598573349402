"""Rules 4 to 6: figures about the same quantity that cannot all be true.

Deciding that two figures measure the same quantity is the hard part, and a false alarm costs more
than a miss. Extraction gives every figure a `quantity` key (what is counted, what happened to it,
the place or named event the text ties it to; see `figures.extraction.quantity`); a figure whose key
is unknown is compared with nothing. Figures of one key are then set against each other only where
real coverage shows that a disagreement means an error, not another scope:

- across articles, on the same day (a date phrase of the figure's own clause, else the article's): a
  `contradiction`, unless either figure is marked as an update ("rose to", "now", a developing
  story) or both come from one named source (a source that changes its count has updated it, not
  contradicted itself): then a `warning`. Dated apart by up to `running_days`, or with a date
  missing, a `warning` (a running total may have grown); facts of the event that do not run on
  (people on board, a population) conflict whatever the dates;
- within one article, only figures the text sets against each other: in one sentence ("Organisers
  said 40,000 marched, though police counted 9,000", the `against` column), rival counters
  anywhere in it (police or authorities against organisers or unions), and a floor the article
  states ("at least 90 died") that a later figure of the same day falls below. Other pairs in one
  article are taken to be different scopes the words did not name (two fires, two days, a record
  and the previous record);
- a count tied to a place ("30 hurt in the Odesa region") is a part of the count that names no
  place, not its rival: it conflicts only by exceeding it;
- never: figures marked as forecasts; figures marked as earlier ("previously", "an earlier toll of",
  "as of September 10"), except rival counters; changes; restatements in other units; figures of
  different periods (a weekend total against one day's, May against June).

Each figure is an interval (see `intervals.py`), so "more than 1,000" agrees with 1,100 and with
3,000. Only keys whose highest floor lies above their lowest ceiling are looked at pair by pair;
the rest of the work is one `groupby`, so the cost grows linearly with the number of figures.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from figures import _tables
from figures.collector import collector_paused
from figures.extraction.tokens import singular
from figures.checks import describe
from figures.checks.findings import CONTRADICTION, WARNING, Finding, Joins
from figures.checks.intervals import Tolerances, apart, comparable_bounds

#: Counters on opposite sides of a crowd or strike count: a disagreement between them is the news.
_AUTHORITIES = _tables.source_sides()["authorities"]
_ORGANISERS = _tables.source_sides()["organisers"]
_COURSE = _tables.happening_courses()
_RUNNING = frozenset({"running", "growing"})   # courses whose reports on other days are the count's later state
_MAX_PAIRS = 200_000          # a key with more figures than this is compared through its extremes only
_SAME_NAME = 0.75             # how alike two source names must be to be one source ("Vorobyov", "Vorobiev")

#: The columns a finding's message and fields read of each figure it cites (also the sums rule's).
ROW_FIELDS = ["article", "outlet", "date", "event_date", "surface", "noun", "dimension", "source",
               "subject", "predicate", "place", "qualifier", "value", "low", "high", "unit", "base_value",
               "base_unit", "base_note", "quantity", "kind", "happening", "scope", "status"]


@dataclass(frozen=True, slots=True)
class _Figure:
    label: str
    article: object
    sentence: int
    low: float
    high: float
    strict_low: bool
    strict_high: bool
    lower: bool                 # a floor: "at least 90"
    day: int | None             # the day (or period start) it is about, in days since 1970; None if unknown
    weekday: int | None         # its weekday, known from the text even when the day is not
    period: str
    status: str                 # report, update (marked in its own words), live (its article is), earlier ...
    role: str | None
    name: str | None            # the source's own words, when they name someone in particular
    against: str | None
    scoped: bool
    placed: bool                # the text names a place for it, even a whole country
    country: str | None         # the country it names as its place, if one
    course: str                 # how reports of its happening behave over time (data/happenings.tsv)
    means: frozenset[str] = frozenset()   # what the attack was made with, as its words say ("drone", "missile")
    events: str = ""            # "one" attack its sentence tells of, "many" ("Russian attacks ... killed 14"), or ""


def _role(source: object) -> tuple[str | None, str | None]:
    """The role of a source ("police", "organisers") and its name when it is someone in particular."""
    if not isinstance(source, str) or not source:
        return None, None
    return _role_of(source)


@lru_cache(maxsize=65536)
def _role_of(source: str) -> tuple[str | None, str | None]:
    roles = _tables.source_roles()
    words = [w.strip(".,'’\"").lower() for w in source.replace("’s", " ").replace("'s", " ").split()]
    role = next((roles[w][0] for w in words if w in roles), None)
    generic = all(roles[w][1] for w in words if w in roles) and role is not None
    names = [w for w, raw in zip(words, source.split()) if raw[:1].isupper() and w not in roles]
    name = names[-1] if names and not generic else None
    return role, name


def _same_source(a: _Figure, b: _Figure) -> bool:
    if a.name is None or b.name is None:
        return False
    return a.name == b.name or difflib.SequenceMatcher(None, a.name, b.name).ratio() >= _SAME_NAME


def _rivals(a: _Figure, b: _Figure) -> bool:
    """Counters on opposite sides: the police (or a ministry) against organisers (or a union)."""
    sides = {a.role, b.role}
    return bool(sides & _AUTHORITIES) and bool(sides & _ORGANISERS)


def prepare_agreement(part: pd.DataFrame) -> pd.DataFrame:
    """What the rule needs of each figure's article, read while the articles are whole: the names the
    article mentions (`article_names`), whether the figure is a subset of its whole (`subset`), and
    the key figures are regrouped by (`quantity_base`: the quantity less its place). Figures the rule
    never compares are dropped. Idempotent, so `check` and `figures.distributed` give one result."""
    if "quantity_base" in part.columns:
        return part
    sentences = _sentences_by_article(part)           # one pass over the articles, not one per article
    names = {article: "|".join(sorted({n for s in sents for n in _names_in(s)})) for article, sents in sentences.items()}
    countries = {article: "|".join(sorted({w for s in sents for w in _country_words(s)}))
                 for article, sents in sentences.items()}
    article = part["article"].astype(object)
    part = part.assign(subset=_subcategory(part), article_names=article.map(names).fillna("").astype(object),
                       article_countries=article.map(countries).fillna("").astype(object),
                       scope=part["scope"].fillna("").astype(object), period=part["period"].fillna("day"),
                       status=part["status"].fillna("report"))   # as read back from csv, "" is missing
    part = part[part["quantity"].notna()]
    told = [_events_told(sentence, surface) for sentence, surface in
            zip(part["sentence"].astype(object), part["surface"].astype(object))]
    part = part.assign(events=[events for events, _ in told], sentence_means=[means for _, means in told])
    codes, keys = pd.factorize(part["quantity"].astype(object))      # each distinct key split once
    bases = np.array([key.split(" @ ")[0] for key in keys], dtype=object)
    return part.assign(quantity_base=bases[codes] if len(codes) else np.array([], dtype=object))


_ATTACKS = _tables.word_class("attack_noun")
_ONE_ATTACK = frozenset(w for w in _ATTACKS if not w.endswith("s"))
_MANY_ATTACKS = frozenset(w for w in _ATTACKS if w.endswith("s"))
_WORD = re.compile(r"[a-z]+")
#: "one of the deadliest attacks", "one of its biggest strikes": a plural that names one attack
_ONE_OF_BEFORE = re.compile(r"\bone of (?:the |its |their |this |that )?(?:(?!of\b)[a-z-]+ ){0,2}$")   # not "one of the waves of strikes"
_ONE_OF_REACH = 40            # characters before a plural attack noun where "one of" may begin
_ONE_MEANS_REACH = 16          # characters from "a" to the means it counts one of: "a drone", "a Russian drone"


@lru_cache(maxsize=65536)
def _attacks_of(sentence: str) -> tuple[str, tuple[tuple[int, str], ...], frozenset[str]]:
    """What a sentence tells of attacks, read once per sentence: "many" (a plural attack noun), "one"
    (a singular one, or "a drone"), or ""; where each means word stands in it (lower case); and the
    kinds of means it names, singular."""
    low = sentence.lower()
    words = [(m.start(), m.group()) for m in _WORD.finditer(low)
             if m.group() in _ATTACKS or m.group() in _MEANS or m.group() in ("a", "an")]
    names = {w for _, w in words}
    means = tuple((at, w) for at, w in words if w in _MEANS)
    kinds = frozenset(singular(w) for _, w in means)
    many = [at for at, w in words if w in _MANY_ATTACKS]
    single = [at for at in many if _ONE_OF_BEFORE.search(low, max(0, at - _ONE_OF_REACH), at)]
    if len(single) < len(many):
        return "many", means, kinds
    if single or names & _ONE_ATTACK or any(w in _MEANS and not w.endswith("s") and prev in ("a", "an") and at_w - at_prev <= _ONE_MEANS_REACH
                                  for (at_prev, prev), (at_w, w) in zip(words, words[1:])):
        return "one", means, kinds
    return "", means, kinds


_NEAREST_MEANS_CHARS = 2_000   # sentences longer than this, with means of more than one kind, give none


def _events_told(sentence: object, surface: object) -> tuple[str, str]:
    """How many attacks a figure's sentence tells of, and with what: ("many", "") for "Russian attacks
    on Kharkiv killed 14" (a total over the day's events), ("one", "missile") for "A missile strike
    killed 11" or "Three were killed when a drone hit ..." (the means nearest the figure), ("", "")
    when it names no attack."""
    if not isinstance(sentence, str):
        return "", ""
    told, means, kinds = _attacks_of(sentence)
    if told == "many" or not means:
        return told, ""
    if len(kinds) == 1:
        return told, next(iter(kinds))
    if len(sentence) > _NEAREST_MEANS_CHARS or not isinstance(surface, str):
        return told, ""                            # which is nearest is not worth a scan of a long sentence
    at = sentence.lower().find(surface.lower())
    return told, (singular(min((abs(start - at), w) for start, w in means)[1]) if at >= 0 else "")


def _sentences_by_article(frame: pd.DataFrame) -> dict[object, list[str]]:
    """Each article's distinct figure sentences, in order: what its names and countries are read from."""
    out: dict[object, dict[str, None]] = {}
    for article, sentence in zip(frame["article"].astype(object), frame["sentence"].astype(object)):
        seen = out.setdefault(article, {})
        if isinstance(sentence, str):
            seen[sentence] = None
    return {article: list(seen) for article, seen in out.items()}


@lru_cache(maxsize=65536)
def _country_words(sentence: str) -> frozenset[str]:
    words = [w.strip(".,;:!?\"“”()[]'").replace("’s", "").replace("'s", "").lower() for w in sentence.split()]
    return frozenset(w for w in words if w in _tables.countries())


#: Text columns no comparison reads (findings quote them from the frame itself).
_NOT_COMPARED = frozenset({"sentence", "surface", "noun", "outlet", "base_note", "predicate",
                           "article_names", "article_countries"})
_MEANS = _tables.word_class("attack_means")


@lru_cache(maxsize=65536)
def _means_of(concept: object) -> frozenset[str]:
    """The means an attack was made with, from the words that did it ("A drone strike" -> drone)."""
    if not isinstance(concept, str):
        return frozenset()
    words = {w.strip(".,;:'\"").lower() for w in concept.split(",")[0].split()}
    return frozenset(singular(w) for w in words if w in _MEANS)


def _split_into_events(frame: pd.DataFrame) -> pd.Series:
    """The figures of a quantity that their article also counts for a further event of the same kind
    ("killed two ... In a separate attack, shelling killed three more": status `another`): each is one
    event's share of the day, so another report's count of the whole day is no rival of it, and
    neither is compared. An event the article sets apart ("Separately, a landslide killed three":
    `other`) splits nothing."""
    other = frame["status"].eq("another") & frame["quantity"].notna() & frame["period"].fillna("day").eq("day")
    if not other.any():
        return pd.Series(False, index=frame.index)
    # of the same quantity less its place, where the other event is placed nowhere ("in the city
    # centre") or in the same place; "eight more were hurt in Donetsk" splits no count of Kyiv's
    base = frame["quantity_base"] if "quantity_base" in frame.columns else frame["quantity"].str.split(" @ ").str[0]
    scope = frame["scope"].fillna("").astype(object)
    placed: dict[tuple[object, object], set[object]] = {}
    for article, key, where in zip(frame.loc[other, "article"], base[other], scope[other]):
        placed.setdefault((article, key), set()).add(where)
    return pd.Series([(wheres := placed.get((article, key))) is not None and ("" in wheres or where in wheres)
                      for article, key, where in zip(frame["article"], base, scope)], index=frame.index)


def candidates(frame: pd.DataFrame, tol: Tolerances) -> pd.DataFrame:
    keep = (
        frame["quantity"].notna() & frame["change"].isna() & frame["converts"].isna()
        & np.isfinite(frame["value"].astype(float)) & ~frame["status"].isin(["forecast", "other", "another", "disputed"])
        & ~frame["subset"].astype(bool) & ~_split_into_events(frame)
    )
    cand = frame.loc[keep, [c for c in frame.columns if c not in _NOT_COMPARED]]   # less to copy
    if cand.empty:
        return cand
    low, high = comparable_bounds(cand, tol)
    day = pd.to_datetime(cand["event_date"])
    own_day = cand["period"].eq("day") | day.notna()
    day = day.where(day.notna() | ~cand["period"].eq("day"), pd.to_datetime(cand["date"]))
    return cand.assign(_low=low, _high=high, _day=day.where(own_day), _base=cand["quantity_base"])


def _subcategory(frame: pd.DataFrame) -> pd.Series:
    """Parts that say the same thing happened as their whole: "Of the 35 people killed, 20 died in
    flooding". They count a subset, not the quantity itself."""
    linked = frame["whole"].notna() & frame["whole"].isin(frame.index)
    if not linked.any():
        return pd.Series(False, index=frame.index)
    part = frame.loc[linked, "happening"]
    whole = frame.loc[frame.loc[linked, "whole"], "happening"].to_numpy()
    same = part.notna() & (part.to_numpy() == whole)
    return same.reindex(frame.index, fill_value=False)


def comparison_records(rows: pd.DataFrame) -> list[_Figure]:
    """The comparison record of each row, in row order, read column by column (no row objects)."""
    days = pd.to_datetime(rows["_day"])
    named = pd.to_numeric(rows["weekday"], errors="coerce") if "weekday" in rows.columns \
        else pd.Series(np.nan, index=rows.index)
    weekdays = named.where(named.notna(), days.dt.day_of_week)
    stamps = days.to_numpy(dtype="datetime64[D]")   # days since 1970 as ints: no Timestamp per row
    day_numbers = [None if missing else number for missing, number in
                   zip(np.isnat(stamps).tolist(), stamps.astype(np.int64).tolist())]
    columns = zip(
        rows.index, rows["article"].astype(object), rows["sentence_index"], rows["_low"], rows["_high"],
        rows["strict"], rows["qualifier"].astype(object), day_numbers, weekdays, rows["period"].astype(object),
        rows["status"].astype(object), rows["source"].astype(object), rows["against"].astype(object),
        rows["scope"].astype(object), rows["place"].astype(object), rows["happening"].astype(object),
        (rows["concept"] if "concept" in rows.columns else pd.Series(None, index=rows.index)).astype(object),
        (rows["events"] if "events" in rows.columns else pd.Series("", index=rows.index)).astype(object),
        (rows["sentence_means"] if "sentence_means" in rows.columns else pd.Series("", index=rows.index)).astype(object))
    out = []
    for (label, article, sentence, low, high, strict, qualifier, day, weekday, period, status, source, against,
         scope, place, happening, concept, events, sentence_means) in columns:
        role, name = _role(source)
        strict = bool(strict)
        out.append(_Figure(
            label=label, article=article, sentence=int(sentence), low=float(low), high=float(high),
            strict_low=strict and qualifier == "lower", strict_high=strict and qualifier == "upper",
            lower=qualifier == "lower", day=day,
            weekday=None if pd.isna(weekday) else int(weekday), period=str(period), status=str(status),
            role=role, name=name, against=against if isinstance(against, str) else None,
            scoped=bool(scope), placed=isinstance(place, str), country=_country(place),
            course=_COURSE.get(happening, "event") if happening != "population" or scope else "event",
            means=_means_of(concept) or (frozenset({sentence_means}) if isinstance(sentence_means, str) and sentence_means
                                         else frozenset()),
            events=events if isinstance(events, str) else "",
        ))
    return out


def _grouped(rows: pd.DataFrame, key: str) -> list[tuple[str, str, list[_Figure]]]:
    """(key, base, figures) for each value of `key`, in sorted order: the records built once for all
    the rows, then grouped, so that many small groups cost no frame slicing each."""
    groups: dict[str, tuple[str, list[_Figure]]] = {}
    for value, base, fig in zip(rows[key].astype(object), rows["_base"].astype(object), comparison_records(rows)):
        groups.setdefault(value, (base, []))[1].append(fig)
    return [(value, base, figs) for value, (base, figs) in sorted(groups.items())]


def _country(place: object) -> str | None:
    if not isinstance(place, str):
        return None
    low = place.lower().replace("’s", "").replace("'s", "").removeprefix("the ")
    return low if low in _tables.countries() else None


def _within_article(a: _Figure, b: _Figure) -> str | None:
    """Severity for two figures of one article, or None when the text does not set them against each other."""
    if a.against == b.label or b.against == a.label:
        return CONTRADICTION
    if "earlier" in (a.status, b.status) and not _rivals(a, b):
        return None
    if _rivals(a, b):
        return CONTRADICTION
    if a.sentence == b.sentence or a.day != b.day or a.period != b.period:
        return None
    earlier, later = (a, b) if a.sentence < b.sentence else (b, a)
    if later.status == "update" and earlier.status == "report" and a.course in {"running", "event"} \
            and earlier.low > later.high and apart(earlier.low, earlier.strict_low, later.high, later.strict_high):
        return CONTRADICTION                     # "at least 90 died" ... "updated figures: the storm killed 70"
    return None


def across_articles(a: _Figure, b: _Figure, tol: Tolerances, topics: Topics) -> str | None:
    """Severity for two figures of different articles, or None when they are not comparable."""
    rivals = _rivals(a, b)
    if "earlier" in (a.status, b.status) and not rivals:
        return None
    if a.period != b.period:
        return None
    if (not a.scoped or not b.scoped or a.day is None or b.day is None) and not topics.shared(a.article, b.article):
        return None                              # nothing but the kind ties them: maybe two stories
    if topics.other_country(a, b):
        return None                              # two countries' counts: two events
    if a.means and b.means and a.means.isdisjoint(b.means):
        return None                              # "a drone strike killed two", "a missile strike killed three"
    if {a.events, b.events} == {"one", "many"}:  # one attack's toll against the day's attacks': a part of it
        one, many = (a, b) if a.events == "one" else (b, a)
        if not apart(one.low, one.strict_low, many.high, many.strict_high):
            return None                          # only one attack's count above all attacks' contradicts
    course = a.course
    if course == "fixed":
        return None if {"update", "live"} & {a.status, b.status} else CONTRADICTION   # a count as of 2 pm
    same = _same_day(a, b)
    if same is None:                             # a date is missing and no weekday settles it
        if course in _RUNNING:
            return WARNING if a.period == "day" else None
        return CONTRADICTION if rivals or a.period != "day" else WARNING
    if same:
        if course == "growing":
            return WARNING                       # a fire's acreage at noon and at night
        if {"update", "live"} & {a.status, b.status} and course != "event":
            return WARNING
        if _same_source(a, b) and not rivals and course != "event":
            return WARNING                       # one source's count of the day, revised
        return CONTRADICTION
    if a.period != "day" or course not in _RUNNING:
        return None                              # another day's crowd or attack, another period: another event
    if a.day is None or b.day is None:
        return WARNING                           # another weekday of a running count
    return WARNING if abs(a.day - b.day) <= tol.running_days else None


def _same_day(a: _Figure, b: _Figure) -> bool | None:
    """Whether two figures are about one day: by their dates; where one has no date, by the weekday
    the text names for it ("on Saturday" in one story is that story's Saturday); None when unknown."""
    if a.day is not None and b.day is not None:
        return a.day == b.day
    if a.period == "day" and a.weekday is not None and b.weekday is not None:
        return a.weekday == b.weekday
    return None


def _severity(a: _Figure, b: _Figure, tol: Tolerances, topics: Topics) -> str | None:
    if a.article == b.article:
        return _within_article(a, b)
    return across_articles(a, b, tol, topics)


@lru_cache(maxsize=65536)
def _split_names(joined: object) -> frozenset[str]:
    return frozenset(n for n in str(joined).split("|") if n)


class Topics:
    """The names each article's figure sentences mention ("Lviv", "Petrenko", "Coastal Air"), read only
    for the articles whose figures conflict: two reports that name no place for a figure, or give no
    date, are taken to be about one story only when they share a name."""

    def __init__(self, frame: pd.DataFrame) -> None:
        first = ~frame["article"].duplicated().to_numpy()       # each article's names once, not once a figure
        articles = frame["article"].to_numpy()[first]
        self._names = {article: _split_names(joined)
                       for article, joined in zip(articles, frame["article_names"].to_numpy()[first])}
        self._countries = {article: _split_names(joined)
                           for article, joined in zip(articles, frame["article_countries"].to_numpy()[first])}

    def other_country(self, a: _Figure, b: _Figure) -> bool:
        """Whether a figure that names a country meets one of another country: "In Russia, drones hurt
        three" against a count from an article about both Russia and Ukraine, or of Ukraine's."""
        for one, other in ((a, b), (b, a)):
            if one.country:
                if other.country and other.country != one.country:
                    return True
                if not other.country and self._countries.get(other.article, frozenset()) - {one.country}:
                    return True
        return False

    def names(self, article: object) -> frozenset[str]:
        return self._names.get(article, frozenset())

    def shared(self, a: object, b: object) -> bool:
        return len(self.names(a) & self.names(b)) >= _SHARED_NAMES


@lru_cache(maxsize=65536)
def _names_in(sentence: str) -> frozenset[str]:
    """Names a sentence mentions: capitalised words inside it that are not function words, titles,
    institutions or whole countries (a war's two countries name every story of the war); nothing
    from a headline in title case, where every word is capitalised."""
    words = sentence.replace("’", "'").split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    if len(words) >= 4 and capitalised > len(words) / 2:
        return frozenset()
    out = set()
    for k, word in enumerate(words):
        word = word.strip(".,;:!?\"“”()[]'")
        if word.endswith("'s"):
            word = word[:-2]
        possessive = words[k].endswith("'s") or words[k].endswith("'s,")
        if (k == 0 and not possessive) or len(word) < 3 or not word[:1].isupper() or not word.isalpha():
            continue                                 # a sentence's first word, unless "Vaeland's ..."
        low = word.lower()
        if low in _tables.stopwords() or low in _tables.months() or low in _WEEKDAY_NAMES \
                or low in _tables.institution_words() or low in _COMMON_CAPS or low in _tables.countries():
            continue
        out.add(low)
    return frozenset(out)


_WEEKDAY_NAMES = frozenset(_tables.weekdays())
_COMMON_CAPS = _tables.word_class("not_story_name")
_SHARED_NAMES = 1         # names two reports must share to be taken as one story


def _conflicting_pairs(figs: list[_Figure], tol: Tolerances, topics: Topics, part_whole: bool = False
                       ) -> Iterable[tuple[_Figure, _Figure, str]]:
    """(higher, lower, severity) for each pair of `figs` that cannot both hold and is comparable.
    With `part_whole`, only a scoped figure (a part) above an unscoped one (the whole) counts."""
    by_low = sorted(figs, key=lambda f: -f.low)
    by_high = sorted(figs, key=lambda f: f.high)
    if len(figs) ** 2 > _MAX_PAIRS:
        by_low, by_high = by_low[:400], by_high[:400]
    for a in by_low:
        for b in by_high:
            if b.high > a.low:
                break
            if a is b or not apart(a.low, a.strict_low, b.high, b.strict_high):
                continue
            if part_whole and not (a.scoped and not b.scoped and not b.placed):
                continue
            severity = _severity(a, b, tol, topics)
            if severity is not None:
                yield a, b, severity


def _regional(cand: pd.DataFrame) -> pd.DataFrame:
    """Figures that may be a place's part of a count that names no place: the parts tied to a place
    (not a set of places such as "10 regions"), and the wholes, which name no place at all and are the
    largest figure of their quantity in their own article (an article's total is its largest count)."""
    scoped = cand["scope"].ne("") & ~cand["scope"].str.match(r"^\S+ (?:regions|provinces|cities|towns|districts|"
                                                               r"oblasts|countries|states|areas|locations)$")
    largest = cand["_low"] >= cand.groupby(["article", "_base"])["_low"].transform("max")
    whole = cand["scope"].eq("") & cand["place"].isna() & largest
    running = cand["happening"].map(lambda h: _COURSE.get(h, "event") != "fixed")
    both = cand[(scoped | whole) & running]
    placed = both["scope"].ne("").groupby(both["_base"], sort=False)
    mixed = placed.transform("any") & ~placed.transform("all")    # parts and a whole under one base
    return both[mixed]


def _clashing_groups(cand: pd.DataFrame, key: str) -> pd.DataFrame:
    grouped = cand.groupby(key, sort=False)
    clash = grouped["_low"].transform("max") >= grouped["_high"].transform("min")   # ">=": "more than 47" and 47
    return cand[clash]


def check_agreement(frame: pd.DataFrame, tol: Tolerances) -> list[Finding]:
    """Findings of rules 4 to 6 over a figures frame."""
    if "quantity" not in frame.columns:
        return []
    frame = prepare_agreement(frame)
    cand = candidates(frame, tol)
    if len(cand) < 2:
        return []
    topics = Topics(frame)
    # keyed by the quantity less its place: the unit figures are regrouped by on Dask, so that the
    # findings of one group never depend on which other groups share its partition
    # each pair with the key it was found under: a finding joins two pairs through a shared article only
    # when they share the key, so "@ eaton fire" and "@ palisades fire" in the same articles stay apart
    found: dict[tuple[str, str, str], list[tuple[_Figure, _Figure, str]]] = {}
    regional = _regional(cand)
    with collector_paused():
        for quantity, base, figs in _grouped(_clashing_groups(cand, "quantity"), "quantity"):
            for a, b, severity in _conflicting_pairs(figs, tol, topics):
                found.setdefault((base, "agree", severity), []).append((a, b, quantity))
        for base, _, figs in _grouped(_clashing_groups(regional, "_base"), "_base") if len(regional) else ():
            for a, b, severity in _conflicting_pairs(figs, tol, topics, part_whole=True):
                rule = "agree" if _rivals(a, b) else "part"        # rival counters of one event, not a part
                found.setdefault((base, rule, severity), []).append((a, b, base))
    if not found:
        return []
    needed = sorted({f.label for pairs in found.values() for a, b, _ in pairs for f in (a, b)})
    rows = frame.loc[needed, ROW_FIELDS].to_dict("index")
    findings = []
    reported: set[frozenset[str]] = set()
    for key in sorted(found, key=lambda k: (k[0], k[2] != CONTRADICTION, k[1])):
        base, rule, severity = key
        pairs = [(a, b, q) for a, b, q in found[key] if frozenset((a.label, b.label)) not in reported]
        reported |= {frozenset((a.label, b.label)) for a, b, _ in pairs}
        for component in _components(pairs):
            findings.append(_finding(rows, rule, severity, component, tol))
    return findings


def _components(pairs: list[tuple[_Figure, _Figure, str]]) -> list[list[tuple[_Figure, _Figure]]]:
    """The pairs split into groups that share a figure, or an article under the same quantity key: one
    finding per story, not one per pair (a key may hold two stories' figures, and two keys of one base,
    such as two fires' counts, are two stories even in the same articles)."""
    joins = Joins()
    for a, b, quantity in pairs:
        joins.join(a.label, b.label)
        joins.join(f"article:{a.article}:{quantity}", a.label)
        joins.join(f"article:{b.article}:{quantity}", b.label)
    groups: dict[str, list[tuple[_Figure, _Figure]]] = {}
    for a, b, _ in pairs:
        groups.setdefault(joins.root(a.label), []).append((a, b))
    return list(groups.values())


def _finding(rows: dict, rule: str, severity: str, pairs: list[tuple[_Figure, _Figure]], tol: Tolerances) -> Finding:
    above = list(dict.fromkeys(a.label for a, _ in pairs))
    below = list(dict.fromkeys(b.label for _, b in pairs))
    top = max(pairs, key=lambda p: p[0].low - p[1].high)
    hi_row, lo_row = rows[top[0].label], rows[top[1].label]
    what = describe.quantity(hi_row)
    days = sorted({d for d in (describe.when(rows[x]) for x in above + below) if d})
    dated = f" on {days[0]}" if len(days) == 1 else (f" between {days[0]} and {days[-1]}" if days else "")
    labels = list(dict.fromkeys(above + below))
    articles = tuple(dict.fromkeys(rows[x]["article"] for x in labels))
    if severity == CONTRADICTION and rule == "part":
        kind = "place_exceeds_total"
        message = (f"A count for one place is larger than the total: {'; '.join(describe.figure(rows[x]) for x in above)} "
                   f"counts {what} there, more than {'; '.join(describe.figure(rows[x]) for x in below)} "
                   f"counts in all{dated}; {describe.conflict(hi_row, lo_row)}.")
    elif severity == CONTRADICTION:
        sources = {rows[x]["source"].lower() for x in labels if isinstance(rows[x]["source"], str)}
        set_against = any(a.against == b.label or b.against == a.label for a, b in pairs)
        kind = "sources_disagree" if len(articles) > 1 or len(sources) > 1 or set_against else "figures_disagree"
        message = (f"Figures disagree about {what}{dated}: {'; '.join(describe.figure(rows[x]) for x in above)} "
                   f"against {'; '.join(describe.figure(rows[x]) for x in below)}; {describe.conflict(hi_row, lo_row)}.")
    else:
        kind = "figure_changed"
        labels = sorted(labels, key=lambda x: describe.when(rows[x]) or "")
        span = f" from {days[0]} to {days[-1]}" if len(days) > 1 else dated
        why = describe.why_changed(rows[top[0].label], rows[top[1].label])
        message = (f"A figure for {what} changed{span}: " + ", then ".join(describe.figure(rows[x]) for x in labels)
                   + f"; {why}: check which is current.")
    floor, ceiling = top[0].low, top[1].high
    return Finding(
        kind=kind, severity=severity, figures=tuple(labels), message=message,
        subject=hi_row.get("kind"), articles=articles,
        expected=float(lo_row["high"]), observed=float(hi_row["low"]), unit=hi_row["unit"],
        deviation=float(abs(floor - ceiling) / abs(ceiling)) if ceiling else float("inf"),
        tolerance=tol.approx_rel,
    )
