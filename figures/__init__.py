"""figures: every numeric figure in news articles, normalised, and where they contradict each other."""

from figures.check import check
from figures.extract import extract

__all__ = ["check", "extract"]
__version__ = "0.1.0"
