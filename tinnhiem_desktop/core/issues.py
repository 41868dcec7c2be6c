"""Problems as codes with parameters. Only the interface and documents turn them into sentences."""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Mapping


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Issue:
    code: str
    severity: Severity
    form: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Location:
    """Where in an input file a problem is: any of the parts may be unknown."""

    source: str
    line: int | None = None
    column: int | None = None
    path: str | None = None


class TinNhiemError(Exception):
    """An error the user must be told about, as a code with parameters.

    Raised by every layer for bad input or an unusable file; the interface words it.
    """

    def __init__(self, code: str, location: Location | None = None, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.location = location
        self.params = params

    def __str__(self) -> str:
        where = f" at {self.location}" if self.location else ""
        return f"{self.code}{where} {self.params}"


# SQLite's primary result codes a user can act on, as the system reason they amount to (or their own)
_SQLITE_REASONS = {"SQLITE_FULL": "ENOSPC", "SQLITE_READONLY": "EROFS", "SQLITE_PERM": "EACCES",
                   "SQLITE_IOERR": "EIO", "SQLITE_BUSY": "EBUSY", "SQLITE_LOCKED": "EBUSY",
                   "SQLITE_CANTOPEN": "SQLITE_CANTOPEN", "SQLITE_CORRUPT": "SQLITE_CORRUPT",
                   "SQLITE_NOTADB": "SQLITE_NOTADB"}


def os_reason(error: BaseException) -> str:
    """Why the system refused a file operation, as a code the wording puts in the user's language
    (ENOSPC: the disk is full, EACCES: no permission…), for an OSError by its errno and for a
    database error by SQLite's result code (a full disk while keying is SQLITE_FULL); the system's
    own words (in English) only for a reason with no such code."""
    number = getattr(error, "errno", None)
    if isinstance(number, int) and number in errno.errorcode:
        return errno.errorcode[number]
    name = getattr(error, "sqlite_errorname", None)  # e.g. SQLITE_IOERR_WRITE: its primary code first
    if isinstance(name, str) and "_".join(name.split("_")[:2]) in _SQLITE_REASONS:
        return _SQLITE_REASONS["_".join(name.split("_")[:2])]
    return getattr(error, "strerror", None) or str(error)
