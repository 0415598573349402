"""Every data table under figures/data/ is well formed, and the tables that share words agree."""

from __future__ import annotations

from importlib import resources

import pytest
from figures import _tables
from figures.extraction.number_words import words_value
from figures.model import Qualifier

DATA = resources.files("figures").joinpath("data")
TABLES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".tsv", ".txt")))

#: The first column of each TSV table: its key, which must be unique.
KEYS = {"change_words.tsv": "word", "change_nouns.tsv": "word", "fractions.tsv": "word", "number_words.tsv": "word",
        "qualifiers.tsv": "phrase", "scales.tsv": "word", "source_cues.tsv": "cue", "vague_numbers.tsv": "phrase",
        "verbs.tsv": "form", "pint_units.tsv": "unit", "minor_units.tsv": "word"}


@pytest.mark.parametrize("name", TABLES)
def test_every_table_says_what_it_holds(name: str) -> None:
    """Each data file opens with a comment header naming what it is for and its fields."""
    first = _tables._read_text(name).splitlines()[0]
    assert first.startswith("# ") and len(first) > 20, name


@pytest.mark.parametrize("name", [n for n in TABLES if n.endswith(".tsv")])
def test_every_tsv_row_is_complete(name: str) -> None:
    """No TSV row lacks a required field, and no key of a keyed table is listed twice."""
    rows = _tables.read_rows(name)
    assert rows, name
    optional = {"flags", "forms", "happening", "bare", "side", "parts", "alone"}
    for row in rows:
        assert None not in row, f"{name}: extra field in {row}"
        for field, value in row.items():
            assert value or field in optional, f"{name}: empty {field} in {row}"
    key = KEYS.get(name)
    if key:
        values = [row[key] for row in rows]
        assert len(values) == len(set(values)), f"{name}: repeated {key}"


@pytest.mark.parametrize("name", [n for n in TABLES if n.endswith(".txt")])
def test_every_word_list_is_lower_case_and_unique(name: str) -> None:
    """Word lists are lower case (model names excepted: they are matched as written; ISO codes are upper
    case, three letters) and list each word once."""
    lines = [ln.strip() for ln in _tables._read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) == len(set(lines)), name
    if name == "whole_currencies.txt":
        assert all(len(w) == 3 and w.isalpha() and w.isupper() for w in lines), name
    elif name != "model_words.txt":
        assert all(w == w.lower() for w in lines), name


@pytest.mark.parametrize("word, kind", sorted(_tables.number_words().items()))
def test_number_words_are_valued(word: str, kind: str) -> None:
    """Each number word has a value, alone or after "one", so a run of them is never dropped."""
    assert words_value(f"one {word}" if kind == "scale" else word) is not None, word


def test_scales_vague_numbers_and_fractions_hold_their_laws() -> None:
    """Scales multiply by more than one, vague intervals run low to high, fractions lie in (0, 1]."""
    folded, exact, _ = _tables.scales()
    assert all(m > 1 for m in {**folded, **exact}.values())
    assert all(0 < low <= high for low, high in _tables.vague_numbers().values())
    assert all(0 < v <= 1 for v in _tables.fractions().values())


def test_directions_bounds_and_cues_use_known_labels() -> None:
    """Change tables say up or down, qualifiers name a Qualifier, source cues say before or verb."""
    assert set(_tables.change_words().values()) | set(_tables.change_nouns().values()) <= {"up", "down"}
    assert {q for q, _ in _tables.qualifiers().values()} <= {q.value for q in Qualifier}
    assert set(_tables.source_cues().values()) <= {"before", "verb"}


def test_change_words_and_speech_cues_share_only_the_documented_word() -> None:
    """'added' is both a change word (right before a figure) and a speech cue (elsewhere); no other word is."""
    assert set(_tables.change_words()) & set(_tables.source_cues()) == {"added"}


def test_weekdays_and_months_are_complete() -> None:
    """Seven weekdays in datetime order, and every month's full name."""
    assert _tables.weekdays()[0] == "monday" and len(_tables.weekdays()) == 7
    full = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december"}
    assert full <= _tables.months()


def test_word_classes_are_the_ones_the_rules_read() -> None:
    """Each class of word_classes.tsv is documented in its header and holds lower-case words
    (street types are matched as written, clause breaks are punctuation)."""
    header = _tables._read_text("word_classes.tsv")
    for name, words in _tables.word_classes().items():
        assert f"#   {name}:" in header, name
        if name not in ("street_word", "clause_break"):
            assert all(w == w.lower() for w in words), name


def test_year_cue_subclasses_are_year_cues() -> None:
    """The weak and future year cues are kinds of year cue."""
    cues = _tables.word_class("year_cue")
    assert _tables.word_class("weak_year_cue") <= cues and _tables.word_class("future_year_cue") <= cues


def test_an_unknown_word_class_is_an_error() -> None:
    """Asking for a class the table lacks fails loudly instead of returning an empty set."""
    with pytest.raises(KeyError):
        _tables.word_class("no such class")


def test_every_happening_class_is_named_in_findings_and_joins_known_classes() -> None:
    """happening_classes.tsv names every happening class of happenings.tsv (a finding says "people
    rescued", not "people rescue"), and a
    joined class joins two classes happenings.tsv defines, with the course both share."""
    classes = {h.happening for h in _tables.happenings().values()}
    words = _tables.happening_words()
    assert classes <= set(words), f"happenings findings would print by their class name: {sorted(classes - set(words))}"
    assert all(words[c] for c in classes)
    for parts, joined in _tables.joined_happenings().items():
        assert len(parts) == 2 and parts <= classes, parts
        assert joined.happening in words
        assert _tables.happening_courses()[joined.happening] == joined.course
