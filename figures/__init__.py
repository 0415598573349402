"""figures: every numeric figure in news articles, normalised, and where they contradict each other."""

from figures.checks import FINDING_COLUMNS, Tolerances, check, implied_rates
from figures.extraction import extract

__all__ = ["FINDING_COLUMNS", "Tolerances", "check", "extract", "implied_rates"]
__version__ = "0.1.0"
