"""Problems as codes with parameters. Only the interface and documents turn them into sentences."""

from __future__ import annotations

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
