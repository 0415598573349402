"""Every error and warning the library raises, under one base class, and the wording they share.

Each error says what to do about it: an article's error names the article, a file's error names
the file and the line, a missing optional dependency names the extra that installs it.
"""

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
    """The articles or the figures frame as a whole has the wrong shape (no `text` column, no
    figure labels, a column of the wrong type)."""


class SettingsError(FiguresError, ValueError):
    """A keyword argument has a value that cannot work (`rel=nan`, `errors="loud"`)."""


class SettingsTypeError(SettingsError, TypeError):
    """A keyword argument has the wrong type (`rates="ecb"`, `rules="parts"`)."""


class RatesError(SettingsError):
    """A user-supplied rates table is malformed."""


class SourceError(FiguresError, ValueError):
    """A file of articles or figures cannot be read; the message names the file and, where there is
    one, the line: "articles.jsonl line 14: ..."."""

    def __init__(self, path: object, reason: str, line: int | None = None, unit: str = "line") -> None:
        where = f"{path} {unit} {line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class MissingExtraError(FiguresError, ImportError):
    """An optional dependency is not installed; the message names the extra that installs it."""

    def __init__(self, feature: str, extra: str, module: str) -> None:
        super().__init__(f"{feature} needs {module}, which is not installed: "
                         f"pip install 'newsfigures[{extra}]'")
        self.extra = extra
        self.name = module


class FiguresWarning(UserWarning):
    """Something was skipped or could not be verified; the result says what and why."""


def require(module: str, *, extra: str, feature: str):  # type: ignore[no-untyped-def]
    """Import an optional dependency, or raise `MissingExtraError` naming the extra to install."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(feature, extra, module.split(".")[0]) from exc


def plural(n: int, word: str, many: str | None = None) -> str:
    """ "1 article", "5 articles", "2 contradictions": a count with its noun, in plain words."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"
