"""figures: every numeric figure in news articles, normalised, and where they contradict each other.

The public names are imported on first use, so that `import figures.plugin` (which pytest does at
start-up in every project where this package is installed) stays free of pandas and pint.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FINDING_COLUMNS", "Tolerances", "article_status", "check", "extract", "fill_text_rates",
           "implied_rates", "plot", "quantities"]
__version__ = "0.1.0"

_HOMES = {"extract": "figures.extraction", "article_status": "figures.extraction", "check": "figures.checks", "implied_rates": "figures.checks",
          "Tolerances": "figures.checks", "FINDING_COLUMNS": "figures.checks",
          "fill_text_rates": "figures.checks", "plot": "figures.plot", "quantities": "figures.quantity_table"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'figures' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
