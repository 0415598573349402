"""One finding per problem, pointing back at the exact figures (row labels of the figures frame)."""

from __future__ import annotations

import math
from dataclasses import astuple, dataclass, field, fields

import pandas as pd

from figures.model import FindingsFrame

CONTRADICTION = "contradiction"
WARNING = "warning"
UNVERIFIED = "unverified"


@dataclass(frozen=True)
class Finding:
    kind: str                    # which rule: part_exceeds_whole, parts_exceed_whole, conversion, ...
    severity: str                # contradiction, warning or unverified
    figures: tuple[str, ...]     # labels of the rows of the figures frame it is about
    message: str                 # one plain sentence a person can act on
    subject: str | None = None
    articles: tuple[object, ...] = field(default=())
    expected: float = math.nan   # what would have been consistent (in `unit`)
    observed: float = math.nan   # what the text says (in `unit`)
    unit: str | None = None
    deviation: float = math.nan  # |observed - expected| / |expected|
    tolerance: float = math.nan  # the relative tolerance the rule allowed


FINDING_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Finding)) + ("quotes",)

#: What `quotes` holds for each figure of a finding, so that a finding can be shown on its own.
QUOTE_FIELDS: tuple[str, ...] = ("figure", "article", "outlet", "source", "date", "surface", "sentence")


def _quotes(figures: pd.DataFrame | None, findings: list[Finding]) -> list[list[dict[str, object]]]:
    """Each finding's figures in context: the rows are looked up once, for all findings together."""
    if figures is None:
        return [[] for _ in findings]
    wanted = list(dict.fromkeys(label for f in findings for label in f.figures))
    if not wanted:
        return [[] for _ in findings]
    rows = figures.reindex(index=wanted, columns=["article", "outlet", "source", "date", "event_date", "surface",
                                                  "sentence"])
    when = rows["event_date"].where(rows["event_date"].notna(), rows["date"])
    days = [None if pd.isna(d) else pd.Timestamp(d).date().isoformat() for d in when]
    text = lambda column: [v if isinstance(v, str) else None for v in rows[column]]  # noqa: E731
    looked_up = {label: dict(zip(QUOTE_FIELDS, values)) for label, values in zip(
        wanted, zip(wanted, rows["article"], text("outlet"), text("source"), days,
                    map(str, rows["surface"]), map(str, rows["sentence"])))}
    return [[dict(looked_up[label]) for label in f.figures] for f in findings]


class Joins:
    """Labels joined into groups (union-find, with path halving): the rules give one finding per group
    of pairs that share a figure, not one per pair."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def root(self, x: str) -> str:
        parent = self._parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        """Put `a`'s group into `b`'s."""
        self._parent[self.root(a)] = self.root(b)


SEVERITY_RANK: dict[str, int] = {CONTRADICTION: 0, WARNING: 1, UNVERIFIED: 2}
#: How a count of findings of each severity is worded, most serious first: "2 contradictions", "2 unverified".
SEVERITY_PLURALS: dict[str, str] = {CONTRADICTION: "contradictions", WARNING: "warnings", UNVERIFIED: "unverified"}


def in_order(findings: pd.DataFrame) -> pd.DataFrame:
    """A findings frame most serious first, then by kind and figures: the one order `to_frame` gives,
    whatever order the rules (or a cluster's partitions) produced the findings in."""
    keys = sorted(range(len(findings)), key=lambda i: (SEVERITY_RANK.get(findings["severity"].iat[i], 3),
                                                       findings["kind"].iat[i], tuple(findings["figures"].iat[i])))
    return _typed(findings.iloc[keys].reset_index(drop=True))


_TEXT_COLUMNS = ("kind", "severity", "message", "subject", "unit")
_NUMBER_COLUMNS = ("expected", "observed", "deviation", "tolerance")


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The findings columns in one typing, however the frame was built or shipped: text as str or
    None, numbers as float, `figures`/`articles`/`quotes` as lists."""
    columns: dict[str, pd.Series] = {}
    for name in FINDING_COLUMNS:
        values = frame[name]
        if name in _TEXT_COLUMNS:
            columns[name] = pd.Series([v if isinstance(v, str) else None for v in values], dtype=object)
        elif name in _NUMBER_COLUMNS:
            columns[name] = pd.Series(values.to_numpy(dtype=float), dtype=float)
        else:
            columns[name] = pd.Series([list(v) for v in values], dtype=object)
    return FindingsFrame(columns, index=pd.RangeIndex(len(frame)))


def to_frame(findings: list[Finding], figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Findings as a frame, most serious first; an empty list gives an empty frame with the columns.

    With the figures frame, each finding's `quotes` holds its figures in context (`QUOTE_FIELDS`).
    """
    rows = sorted(findings, key=lambda f: (SEVERITY_RANK.get(f.severity, 3), f.kind, f.figures))
    frame = pd.DataFrame([(*astuple(f), quotes) for f, quotes in zip(rows, _quotes(figures, rows))],
                         columns=list(FINDING_COLUMNS), dtype=object)
    return _typed(frame)
