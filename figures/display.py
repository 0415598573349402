"""HTML for notebooks and reports: findings with their sentences and figures highlighted.

Imported only when something is displayed (the frames' `_repr_html_`, `figures check --format html`),
never by the pipeline. Every piece of text is escaped; the report page is self-contained (inline CSS,
no scripts, no external resources), so it can be opened offline or attached to a message.
"""

from __future__ import annotations

import html
import math
from typing import Any

import pandas as pd

_SEVERITY_COLOURS = {"contradiction": "#c62828", "warning": "#ef6c00", "unverified": "#546e7a"}

CSS = """
.figures-report { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.45; color: #1b1b1b; }
.figures-report .finding { border-left: 6px solid var(--sev); margin: 0 0 1em 0; padding: .5em .9em; background: #fafafa; }
.figures-report .head { font-weight: 600; }
.figures-report .badge { display: inline-block; color: #fff; background: var(--sev); border-radius: 3px;
  padding: 0 .45em; margin-right: .5em; font-size: .8em; text-transform: uppercase; letter-spacing: .03em; }
.figures-report .kind { color: #555; font-size: .9em; }
.figures-report .message { margin: .3em 0; }
.figures-report ul { margin: .2em 0 .2em 1.1em; padding: 0; }
.figures-report li { margin: .2em 0; }
.figures-report mark.fig { background: #ffd54f; padding: 0 .15em; border-radius: 2px; font-weight: 600; }
.figures-report .meta { color: #555; font-size: .85em; }
.figures-report table { border-collapse: collapse; font-size: .9em; }
.figures-report td, .figures-report th { border-bottom: 1px solid #ddd; padding: .25em .5em; text-align: left; vertical-align: top; }
.figures-report .summary span { margin-right: 1.2em; }
.figures-report .quantity { margin: 0 0 1.2em 0; }
.figures-report tr.outlier td { background: #fdecea; }
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and value != value) else str(value))


def highlight(sentence: str, surface: str) -> str:
    """The sentence, escaped, with the figure's first occurrence wrapped in <mark class="fig">."""
    at = sentence.find(surface)
    if at < 0:
        return _e(sentence)
    return (f"{_e(sentence[:at])}<mark class=\"fig\">{_e(surface)}</mark>"
            f"{_e(sentence[at + len(surface):])}")


def _quote_html(q: dict[str, Any]) -> str:
    meta = " · ".join(_e(v) for v in (q.get("source"), q.get("outlet"), f"article {q.get('article')}",
                                       q.get("date"), q.get("figure")) if v)
    return f"<li>{highlight(str(q['sentence']), str(q['surface']))} <span class=\"meta\">({meta})</span></li>"


def findings_html(findings: pd.DataFrame) -> str:
    """Each finding as a card: severity, kind, message, and its figures highlighted in their sentences."""
    if len(findings) == 0:
        return '<div class="figures-report"><p>No findings.</p></div>'
    cards = []
    for _, f in findings.iterrows():
        colour = _SEVERITY_COLOURS.get(str(f["severity"]), "#333")
        quotes = "".join(_quote_html(q) for q in (f.get("quotes") or []))
        cards.append(
            f'<div class="finding" style="--sev:{colour}"><div class="head"><span class="badge">{_e(f["severity"])}'
            f'</span><span class="kind">{_e(f["kind"])}</span></div><div class="message">{_e(f["message"])}</div>'
            f"<ul>{quotes}</ul></div>")
    return f'<div class="figures-report"><style>{CSS}</style>{"".join(cards)}</div>'


_FIGURE_COLUMNS = ("value", "qualifier", "unit", "subject", "predicate", "source", "place")


def _cell(column: str, value: Any) -> str:
    """A figure's field as a reader writes it: 20000000.0 as "20,000,000", 14.49 as "14.49"."""
    if column == "value" and isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
        from figures.checks.describe import number

        return _e(number(float(value)))
    return _e(value)


def figures_html(frame: pd.DataFrame, max_rows: int = 60) -> str:
    """The figures as a table, each with its sentence and the figure highlighted."""
    rows = []
    for label, row in frame.head(max_rows).iterrows():
        cells = "".join(f"<td>{_cell(c, row.get(c))}</td>" for c in _FIGURE_COLUMNS)
        rows.append(f"<tr><td>{_e(label)}</td><td>{highlight(str(row['sentence']), str(row['surface']))}</td>{cells}</tr>")
    more = f"<p class=\"meta\">{len(frame) - max_rows} more figures not shown.</p>" if len(frame) > max_rows else ""
    head = "".join(f"<th>{c}</th>" for c in ("figure", "sentence", *_FIGURE_COLUMNS))
    return (f'<div class="figures-report"><style>{CSS}</style><table><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>{more}</div>")


def _counted(n: int, word: str, many: str | None = None) -> str:
    """ "<b>1</b> article", "<b>5</b> contradictions"."""
    from figures.errors import plural

    count, noun = plural(n, word, many).split(" ", 1)
    return f"<b>{count}</b> {_e(noun)}"


def unreadable_html(unreadable: pd.DataFrame) -> str:
    """The articles that could not be read, with where they were and why."""
    items = "".join(f"<li><b>article {_e(row.get('article'))}</b> <span class=\"meta\">({_e(row.get('where'))})"
                    f"</span>: {_e(row.get('reason'))}</li>" for _, row in unreadable.iterrows())
    return f"<ul>{items}</ul>"


def report_html(findings: pd.DataFrame, figures: pd.DataFrame | None = None, *, title: str = "figures report",
                unreadable: pd.DataFrame | None = None) -> str:
    """A self-contained HTML page: a summary, every finding, the articles that could not be read (a
    frame with `article`, `where`, `reason`) and, if given, the figures table."""
    counts = findings["severity"].value_counts() if len(findings) else {}
    from figures.checks.findings import SEVERITY_PLURALS

    summary = "".join(f"<span>{_counted(int(counts.get(s, 0)), s, many)}</span>" for s, many in SEVERITY_PLURALS.items())
    extra = ""
    if figures is not None:
        n_articles = figures["article"].nunique() if len(figures) else 0
        summary += f"<span>{_counted(len(figures), 'figure')} in {_counted(n_articles, 'article')}</span>"
        from figures.quantity_table import quantities

        table = quantities(figures, findings, min_figures=2) if "quantity" in figures.columns else None
        if table is not None and len(table):
            extra += (f"<h2>Quantities</h2><p class=\"meta\">Figures of one quantity and day side by side: who "
                      f"said what, the interval each allows, and the consensus.</p>{quantities_html(table)}")
        extra += f"<h2>Figures</h2>{figures_html(figures, max_rows=500)}"
    if unreadable is not None and len(unreadable):
        summary += f"<span><b>{len(unreadable):,}</b> unreadable</span>"
        extra = f"<h2>Unreadable articles</h2>{unreadable_html(unreadable)}" + extra
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{_e(title)}</title>"
            f"<style>body{{max-width:1100px;margin:2em auto;padding:0 1em}}{CSS}</style></head>"
            f"<body class=\"figures-report\"><h1>{_e(title)}</h1><p class=\"summary\">{summary}</p>"
            f"<h2>Findings</h2>{findings_html(findings)}{extra}</body></html>")


def _interval(low: float, high: float) -> str:
    from figures.checks.describe import number

    if low == high:
        return number(low)
    if math.isinf(high):
        return f"at least {number(low)}"
    return f"{number(low)} to {number(high)}"


def quantities_html(table: pd.DataFrame, max_groups: int = 200) -> str:
    """One table per quantity and day: each figure in its sentence, who gave it, when, the interval
    it allows, and whether it agrees with the consensus (the stretch most figures allow)."""
    if len(table) == 0:
        return '<div class="figures-report"><p>No figures with a quantity key.</p></div>'
    cards = []
    grouped = table.groupby(["quantity", "period", table["day"].fillna(pd.Timestamp(0))], sort=True, dropna=False)
    for n, ((quantity, period, day), group) in enumerate(grouped):
        if n >= max_groups:
            cards.append(f'<p class="meta">{grouped.ngroups - max_groups} more groups not shown.</p>')
            break
        when = "no date" if day == pd.Timestamp(0) else f"{period} of {pd.Timestamp(day).date().isoformat()}"
        first = group.iloc[0]
        if math.isnan(first["consensus_low"]):
            consensus = f"no majority agrees ({int(first['figures_in_group'])} figures compared)"
        else:
            consensus = (f"consensus {_e(_interval(first['consensus_low'], first['consensus_high']))} "
                         f"({int(first['figures_agreeing'])} of {int(first['figures_in_group'])} figures)")
        rows = []
        for label, row in group.iterrows():
            flag = "outlier" if row["outlier"] else ("agrees" if row["status"] in {"report", "update", "live"}
                                                     and not math.isnan(row["consensus_low"]) else "")
            rows.append(
                f"<tr class=\"{flag}\"><td>{_e(row['outlet'])}</td><td>{_e(row['source'])}</td>"
                f"<td>{highlight(str(row['sentence']), str(row['surface']))}</td>"
                f"<td>{_e(_interval(row['allowed_low'], row['allowed_high']))}</td><td>{_e(row['status'])}</td>"
                f"<td>{flag}</td><td>{_e(row['findings'])}</td><td class=\"meta\">{_e(label)}</td></tr>")
        head = "".join(f"<th>{c}</th>" for c in ("outlet", "source", "figure in its sentence", "allows",
                                                  "status", "", "findings", "figure"))
        cards.append(f'<div class="quantity"><div class="head">{_e(quantity)} <span class="meta">· {_e(when)} · '
                     f"{consensus}</span></div><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}"
                     "</tbody></table></div>")
    return f'<div class="figures-report"><style>{CSS}</style>{"".join(cards)}</div>'
