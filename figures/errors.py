"""Every error and warning the library raises, under one base class."""

from __future__ import annotations


class FiguresError(Exception):
    """Base class of every error raised by figures."""


class ArticleError(FiguresError, ValueError):
    """An article cannot be read: it is not text, or its date cannot be parsed."""

    def __init__(self, article: object, reason: str) -> None:
        super().__init__(f"article {article!r}: {reason}")
        self.article = article
        self.reason = reason


class InputError(FiguresError, TypeError):
    """The articles argument as a whole has the wrong shape (for example no `text` column)."""


class RatesError(FiguresError, ValueError):
    """A user-supplied rates table is malformed."""


class FiguresWarning(UserWarning):
    """Something was skipped or could not be verified; the result says what and why."""
