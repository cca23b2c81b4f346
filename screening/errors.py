"""Exceptions raised by :mod:`screening`.

Every error the library raises on purpose derives from :class:`ScreeningError`, so a KYC
service can catch one class. Leaves also derive from the matching builtin (``ValueError``,
``OSError``) so that generic handlers keep working.
"""

from __future__ import annotations


class ScreeningError(Exception):
    """Root of every error raised by this library."""


class InvalidEntityError(ScreeningError, ValueError):
    """An :class:`~screening.model.Entity` was built from invalid data."""


class InvalidQueryError(ScreeningError, ValueError):
    """A screening query cannot be screened (empty name, malformed birth date, ...)."""


class ListFormatError(ScreeningError, ValueError):
    """A list file is not in the format claimed, or a record in it is malformed.

    ``path`` names the file and ``record`` the 1-based record (or line) number where known,
    so an operator can find the problem without re-reading the whole file.
    """

    def __init__(self, message: str, *, path: str | None = None, record: int | None = None):
        self.path = path
        self.record = record
        where = ""
        if path is not None:
            where = f"{path}"
            if record is not None:
                where += f", record {record}"
            where += ": "
        super().__init__(f"{where}{message}")


class InputFileError(ScreeningError, ValueError):
    """A counterparty (input) file cannot be read: bad encoding, missing column, ..."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        where = ""
        if path is not None:
            where = f"{path}"
            if line is not None:
                where += f", line {line}"
            where += ": "
        super().__init__(f"{where}{message}")


class ConfigError(ScreeningError, ValueError):
    """A settings file or option is invalid."""


class FetchError(ScreeningError, OSError):
    """Downloading an official list failed or produced a file that does not parse."""
