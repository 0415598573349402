"""Golden cases of the same-quantity decision, one general news form each, written for this project.

Each line of `tests/corpus/checking.jsonl` holds a few short articles, the rule it guards, why, and
the findings a careful reader expects: a finding's kind and the surfaces of the figures it cites.
Look-alikes that must not be flagged expect no finding; precision matters more than recall.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import figures
from conftest import HERE

CASES = [json.loads(line) for line in (HERE / "corpus" / "checking.jsonl").read_text(encoding="utf-8").splitlines()
         if line.strip()]


def _found(case: dict) -> list[list]:
    frame = figures.extract(pd.DataFrame(case["articles"]))
    findings = figures.check(frame)
    return sorted([kind, sorted(frame.loc[label, "surface"] for label in labels)]
                  for kind, labels, severity in zip(findings["kind"], findings["figures"], findings["severity"])
                  if severity != "unverified")


@pytest.mark.parametrize("case", CASES, ids=[f"{n}-{c['rule']}" for n, c in enumerate(CASES)])
def test_checking_golden_case(case: dict) -> None:
    """The checker finds exactly what a careful reader finds in the case, and nothing else."""
    expected = sorted([kind, sorted(surfaces)] for kind, surfaces in case["expect"])
    assert _found(case) == expected, case["why"]


def test_every_rule_has_a_case_that_must_stay_silent_or_one_that_must_fire() -> None:
    """The corpus holds both kinds of case: findings to make and look-alikes to leave alone."""
    assert any(c["expect"] for c in CASES) and any(not c["expect"] for c in CASES)
    assert len({c["rule"] for c in CASES}) >= 20
