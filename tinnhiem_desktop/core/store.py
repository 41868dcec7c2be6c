"""The port through which services keep a round: what any round store (the SQLite round file, a
shared server) must do. Nothing outside `storage/` knows which store it talks to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Protocol, Sequence

from .events import Draft, Event
from .history import PriorResult
from .model import Ballot, RoundInfo, RoundSetup
from .procedure import ProcedureRecord


@dataclass(frozen=True)
class StoredRound:
    """A round as a store holds it, read at one moment: the projection of its log (and the log)."""

    setup: RoundSetup
    info: RoundInfo
    ballots: list[Ballot]
    resolutions: dict[tuple[str, int], str]
    priors: list[PriorResult]
    records: Mapping[str, ProcedureRecord]
    head: tuple[int, str]  # the newest event's number and hash
    events: list[Event] | None = None  # the whole log, when asked for
    unprojected: list[Event] | None = None  # the events whose facts no table holds (core.events.UNPROJECTED)
    tables: Mapping[str, list[tuple]] | None = None  # every stored row (with the log): what a seal covers
    after_seal: Mapping[tuple[str, int], tuple[dict, str, str]] | None = None  # (key, version): data, at, by


class RoundStore(Protocol):
    path: Path
    read_only: bool

    def load(self, *, with_events: bool = False) -> StoredRound:
        """The whole round in one consistent read."""

    def events(self, after: int = 0, first: int | None = None) -> list[Event]:
        """The events after number `after`, oldest first."""

    def head(self) -> tuple[int, str]:
        """The newest event's number and hash as the store holds it now."""

    def append(self, drafts: Sequence[Draft], keyer: str, *,
               fingerprint: Callable[[str, Mapping[str, list[tuple]]], str] | None = None) -> list[Event]:
        """Number, chain (from the head the store holds) and project the events, in one transaction;
        with `fingerprint`, store what it makes of the new head and every stored row (a seal)."""

    def record_after_seal(self, key: str, data: Mapping[str, object], keyer: str, fingerprint: str,
                          seal_head: str) -> None:
        """A record beside a sealed round (the hand-over), outside its log, chained from the seal."""

    def check_writable(self) -> None:
        """Refuse (with a coded error) when the store cannot take a change."""

    def copy_to(self, target: Path) -> Path:
        """A consistent copy as a round file."""

    def integrity_problems(self) -> list[str]:
        """What the store's own checks find wrong; empty when sound."""

    def close(self) -> None:
        ...
