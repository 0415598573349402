"""The unit and currency tables are consistent with pint and ISO codes, and normalise correctly."""

from __future__ import annotations

import pytest

from figures import _tables
from figures.normalise import PLAIN_UNITS, physical, registry

UNITS = sorted({row["unit"] for name in _tables.UNIT_TABLES for row in _tables.read_rows(name)})


@pytest.mark.parametrize("unit", UNITS)
def test_every_unit_in_the_table_is_understood(unit: str) -> None:
    """Each unit name in the unit tables is a project unit or parses in pint."""
    if unit in PLAIN_UNITS:
        return
    registry().Quantity(1.0, unit)


def test_every_currency_code_is_three_upper_case_letters() -> None:
    """The currency tables map every alias to an ISO-4217-shaped code."""
    for row in _tables._currency_rows():
        assert len(row["code"]) == 3 and row["code"].isupper(), row


@pytest.mark.parametrize("value, unit, expected, base", [
    (120, "kilometer", 120_000, "meter"), (75, "mile", 120_700.8, "meter"),
    (1250, "kilometer ** 2", 1.25e9, "meter ** 2"), (12e6, "metric_ton", 1.2e10, "kilogram"),
    (20, "degree_Celsius", 293.15, "kelvin"), (0.25, "fraction", 25.0, "percent"),
])
def test_physical_units_normalise_to_si(value: float, unit: str, expected: float, base: str) -> None:
    """km, miles, area, tonnes and Celsius convert to SI base units, and a share to parts per million."""
    got, got_base = physical(value, unit)
    assert got == pytest.approx(expected) and got_base == base
