"""Plain-language descriptions of figures for finding messages."""

from __future__ import annotations

import math

import pandas as pd

from figures import _tables


def number(x: float) -> str:
    """A number as a reader writes it: 3000 -> "3,000", 14.49 -> "14.49"."""
    if not math.isfinite(x):
        return "unbounded" if x > 0 else "-unbounded"
    if abs(x) >= 100 or x == int(x):
        return f"{x:,.0f}"
    return f"{x:,.3g}" if abs(x) < 1 else f"{x:,.2f}"


def when(row) -> str | None:  # type: ignore[no-untyped-def]
    date = row.get("event_date")
    if date is None or pd.isna(date):
        date = row.get("date")
    if date is None or pd.isna(date):
        return None
    return pd.Timestamp(date).date().isoformat()


def figure(row) -> str:  # type: ignore[no-untyped-def]
    """'"more than 3,000" (the minister, article a3, 2023-03-06)'."""
    return f"{quoted(row)} ({attribution(row)})"


def attribution(row) -> str:  # type: ignore[no-untyped-def]
    """Who gives a figure, where and when: 'the minister, article a3 (Wire), 2023-03-06'."""
    said = row.get("source")
    where = [str(said) if isinstance(said, str) and said else "unattributed"]
    where.append(f"article {row['article']}")
    outlet = row.get("outlet")
    if isinstance(outlet, str) and outlet:
        where[-1] += f" ({outlet})"
    day = when(row)
    if day:
        where.append(day)
    return ", ".join(where)


def quoted(row) -> str:  # type: ignore[no-untyped-def]
    """A figure as the text gives it, in quotes, with its counted noun: '"3,000 people"'."""
    noun = row.get("noun")
    surface = str(row["surface"])
    if row.get("dimension") == "count" and isinstance(noun, str) and noun and noun not in surface:
        surface = f"{surface} {noun}"
    return f"\"{surface}\""


def thing(row) -> str:  # type: ignore[no-untyped-def]
    """What a figure counts, with what happened to it: "drone (down)"."""
    subject = row.get("subject") if isinstance(row.get("subject"), str) else "figure"
    predicate = row.get("predicate")
    return f"{subject} ({predicate})" if isinstance(predicate, str) and predicate else str(subject)


def conflict(high, low) -> str:  # type: ignore[no-untyped-def]
    """Why a figure that allows only high values conflicts with one that allows only low ones."""
    if high["qualifier"] == "lower":
        return (f"\"{high['surface']}\" puts a floor of {number(high['low'])} that "
                f"{number(low['high'])} falls below")
    if low["qualifier"] == "upper":
        return f"\"{low['surface']}\" caps it at {number(low['high'])}, below {number(high['low'])}"
    loose = "approx" in (high["qualifier"], low["qualifier"])
    if high["unit"] != low["unit"]:                     # "90,000 euros" against "5 million rubles"
        def normal(row) -> str:  # type: ignore[no-untyped-def]
            note = row.get("base_note")
            rate = f" ({note})" if isinstance(note, str) and note else ""
            return f"{number(row['base_value'])} {unit_name(row['base_unit'])}{rate}"

        values = f"{normal(high)} and {normal(low)}"
    else:
        values = f"{number(high['value'])} and {number(low['value'])}"
    return (f"{values} differ by more than " + ("an approximate figure allows" if loose else "rounding allows")
            + "; both cannot be right")


def unit_name(unit: str) -> str:
    """A unit as a reader writes it: "mile_per_hour" -> "mile per hour", "kilometer ** 2" -> "square kilometer"."""
    words = str(unit).replace("_", " ")
    for power, word in ((" ** 2", "square "), (" ** 3", "cubic ")):
        if words.endswith(power):
            words = word + words[: -len(power)]
    return words.replace(" * ", " ").replace(" / ", " per ")


_HAPPENING_WORDS = _tables.happening_words()
_SHARES = frozenset({"percent", "fraction", "ratio"})
_SUBSETS = sorted(set(_tables.subset_phrases().values()), key=len, reverse=True)


def quantity(row) -> str:  # type: ignore[no-untyped-def]
    """The quantity a figure measures, in words: "people killed in Kyiv", "drones shot down"."""
    kind = row.get("kind")
    happening = row.get("happening")
    if not isinstance(kind, str) or not isinstance(happening, str):
        return thing(row)
    subset = next((p for p in _SUBSETS if kind.endswith(" " + p)), None)
    if subset:                                    # "person on the ground" -> "people killed on the ground"
        kind = kind[: -len(subset) - 1]
    plural = "people" if kind == "person" else (kind if kind.endswith("s") else kind + "s")
    dimension = row.get("dimension", "count")
    if dimension == "count":
        noun = plural
    elif dimension in _SHARES and kind != "share":
        noun = f"share of {plural}"               # "half of the residents fled": residents, as a share
    else:
        noun = kind                               # a measure: "area burned", "price paid"
    scope = row.get("scope")
    where = f" in {scope.title()}" if isinstance(scope, str) and scope else ""
    return f"{noun} {_HAPPENING_WORDS.get(happening, happening)}{' ' + subset if subset else ''}{where}"


def why_changed(high, low) -> str:  # type: ignore[no-untyped-def]
    """Why two figures of one quantity that differ are a warning, not a contradiction."""
    dates = {when(high), when(low)}
    if None in dates:
        return "one of them carries no date, so it may be a running total or a correction"
    if {"update", "live"} & {high.get("status"), low.get("status")}:
        return "one is marked as an update of a running count"
    if len(dates) > 1:
        return "dated apart, it may be a running total or a correction"
    return "both come from one source, which has changed its count"
