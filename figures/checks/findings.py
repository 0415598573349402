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


def _quotes(figures: pd.DataFrame | None, labels: tuple[str, ...]) -> list[dict[str, object]]:
    if figures is None:
        return []
    out = []
    for label in labels:
        row = figures.loc[label]
        when = row.get("event_date")
        when = row.get("date") if when is None or pd.isna(when) else when
        values = (label, row["article"],
                  row.get("outlet") if isinstance(row.get("outlet"), str) else None,
                  row.get("source") if isinstance(row.get("source"), str) else None,
                  None if when is None or pd.isna(when) else pd.Timestamp(when).date().isoformat(),
                  str(row["surface"]), str(row["sentence"]))
        out.append(dict(zip(QUOTE_FIELDS, values)))
    return out


def to_frame(findings: list[Finding], figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Findings as a frame, most serious first; an empty list gives an empty frame with the columns.

    With the figures frame, each finding's `quotes` holds its figures in context (`QUOTE_FIELDS`).
    """
    rank = {CONTRADICTION: 0, WARNING: 1, UNVERIFIED: 2}
    rows = sorted(findings, key=lambda f: (rank.get(f.severity, 3), f.kind, f.figures))
    frame = pd.DataFrame([(*astuple(f), _quotes(figures, f.figures)) for f in rows], columns=list(FINDING_COLUMNS))
    for name in ("figures", "articles"):
        frame[name] = pd.Series([list(v) for v in frame[name]], dtype=object, index=frame.index)
    frame["quotes"] = pd.Series(list(frame["quotes"]), dtype=object, index=frame.index)
    frame = FindingsFrame(frame)
    return frame.astype({"kind": object, "severity": object, "message": object, "subject": object,
                         "unit": object, "expected": float, "observed": float, "deviation": float,
                         "tolerance": float})
