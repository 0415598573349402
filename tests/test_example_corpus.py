"""The bundled example corpus: several outlets on the same events, checked end to end."""

from __future__ import annotations

import pandas as pd

import figures


def test_every_article_is_accounted_for(example_articles: pd.DataFrame) -> None:
    """Each article is in the status table; the broken feed item is an error naming itself."""
    import warnings

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        frame = figures.extract(example_articles)
    status = figures.article_status(frame).set_index("article")
    assert set(status.index) == set(example_articles["id"])
    assert status.loc["broken-feed-item", "status"] == "error"
    assert (status.drop("broken-feed-item")["status"] == "ok").all()


def test_the_corpus_findings_are_the_real_disagreements(example_articles: pd.DataFrame) -> None:
    """Exactly the planted disagreements are contradictions; agreements and separate events are not."""
    import warnings

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        frame = figures.extract(example_articles)
    found = figures.check(frame)
    contradictions = found[found["severity"] == "contradiction"]
    about = {(row["kind"], tuple(sorted(set(frame.loc[row["figures"], "article"])))) for _, row in contradictions.iterrows()}
    assert about == {
        ("conversion", ("monitor-1012-aid",)),                                   # CAD 20m is not USD 20m
        ("parts_exceed_whole", ("register-0516-strike",)),                      # 48 + 15 of 60
        ("sources_disagree", ("daily-0506-tbilisi", "wire-0506-tbilisi")),      # 20,000 against 60,000
        ("sources_disagree", ("daily-0508-drones", "ledger-0508-drones", "wire-0508-drones")),  # 39 against 40
        ("sources_disagree", ("monitor-0502-bakhmut", "register-0502-bakhmut")),  # >3,000 against 1,100
    }
    unverified = found[found["severity"] == "unverified"]
    assert list(unverified["kind"]) == ["conversion"] and "RUB" in unverified.iloc[0]["message"]
    warnings_ = found[found["severity"] == "warning"]
    assert "2023-05-12" in " ".join(warnings_["message"])                        # the running total
