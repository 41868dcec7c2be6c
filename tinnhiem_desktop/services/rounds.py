"""One open round: its store, its state, and every use case on it (one call per user action).

A live action validates against the state, builds its events, appends them to the store in one
transaction (the store chains them from the head it holds), applies them to the state with the
same `core.events.apply` that replays and verifies a log, and tells the observers once what
changed. The use cases live in one module each, mixed into `RoundService`: keying, setup and rule,
stations, double entry, sealing and verification, earlier years.
"""

from __future__ import annotations

import getpass
import json
import time
import uuid
from pathlib import Path
from typing import Callable, Mapping, Sequence

from ..core.events import KINDS, Draft, Event, apply
from ..core.issues import Issue, TinNhiemError
from ..core.model import Ballot, EntryMode, EntryPass, RoundInfo, RoundSetup, Station
from ..core.procedure import ProcedureRecord
from ..core.results import RoundResults, Rule
from ..core.rules import PriorShare
from ..core.spec import parse_round_spec, setup_from_dict, setup_to_dict
from ..core.state import NO_CHANGES, Changes, RoundState, Seal, stored_state
from ..core.store import RoundStore, StoredRound
from ..storage.pg_store import ServerRoundStore, create_server_round, is_server_url, split_url
from ..storage.repository import RoundRepository
from .double_entry import DoubleEntry
from .earlier_years import EarlierYears
from .files import read_text
from .keying import ImportReport, Keying
from .sealing import Sealing, VerifyReport
from .setup_rule import SetupAndRule
from .stations import StationConflict, StationImport, Stations

__all__ = [
    "ImportReport", "RoundService", "Station", "StationConflict", "StationImport", "VerifyReport",
    "command_line_keyer", "is_server_url", "load_round_spec", "split_url", "station_user",
]

Observer = Callable[[Changes], None]
POLL_SECONDS = 0.25  # how stale a shared round's state may be when read (other PCs' keying shows within it)


def station_user() -> str:
    """The operating-system user of this machine, recorded beside changes made without a keyer."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment: still record the change
        return "?"


def command_line_keyer() -> str:
    """Who a command-line change is recorded as."""
    return f"{station_user()} (dòng lệnh)"


def load_round_spec(path: Path) -> RoundSetup:
    return parse_round_spec(read_text(path), str(path))


class RoundService(Keying, SetupAndRule, Stations, DoubleEntry, Sealing, EarlierYears):
    """One open round. Keying acts on `entry_pass` (always A in single entry); the results count
    pass A in single entry and the agreed set of passes A and B in double entry."""

    def __init__(self, store: RoundStore, keyer: str, *, with_log: bool = False) -> None:
        self._repo = store
        self.keyer = keyer
        self.observers: list[Observer] = []
        self._stale = False  # a shared round's state may be ahead of its server (a commit that failed)
        self._polled = 0.0
        self._take(store.load(with_events=with_log))
        station = self._info.station
        self.entry_pass = station.entry_pass if station else EntryPass.A

    def _take(self, stored: StoredRound) -> None:
        """Make `stored` (one read of the store) the round this service holds."""
        info = stored.info
        seal = None
        if info.sealed:
            seal = Seal(info.sealed_by or "", info.sealed_at, info.seal_reason or "", (), stored.head[0])
        self._state: RoundState = stored_state(stored.setup, stored.ballots, stored.resolutions, stored.priors,
                                               stored.records, info.station, seal, stored.head)
        for event in stored.unprojected:  # their facts live only in the log: the reducer's own handlers
            KINDS[event.action].apply(self._state, event)
        self._state.created_at = info.created_at
        self._info = info
        self._stored = stored  # kept for `verify` while nothing has changed since
        self._events = None if stored.events is None else list(stored.events)

    @classmethod
    def create(cls, path: Path, setup: RoundSetup, keyer: str) -> RoundService:
        setup_from_dict(setup_to_dict(setup), str(path))  # refused now what replaying the log would refuse
        return cls(RoundRepository.create(Path(path), setup, keyer, uuid.uuid4().hex), keyer)

    @classmethod
    def create_on_server(cls, url: str, setup: RoundSetup, keyer: str) -> RoundService:
        """A new round on a PostgreSQL server (`storage/pg_store.py`), open for keying."""
        from ..core.events import chain_event
        from ..storage.repository import now

        setup_from_dict(setup_to_dict(setup), url)
        store_keyer = f"{keyer} [{_server_pc()}]"
        first = chain_event(None, now(), store_keyer, "round_created",
                            {"setup": setup_to_dict(setup), "uid": uuid.uuid4().hex})
        create_server_round(url, [first])
        return cls.open(url, keyer)

    @staticmethod
    def push_to_server(path: Path, url: str) -> int:
        """An existing round file's whole log put on a server as a new shared round (the file is
        left as it is); returns how many events went. A sealed round is not pushed."""
        with RoundRepository.open(Path(path), read_only=True, with_events=True) as store:
            stored = store.load(with_events=True)
        if stored.info.sealed:
            raise TinNhiemError("round_sealed", file=str(path), sealed_at=stored.info.sealed_at)
        create_server_round(url, stored.events)
        return len(stored.events)

    @classmethod
    def open(cls, path: Path, keyer: str, *, read_only: bool = False, with_log: bool = False) -> RoundService:
        """Open a round file, or a round on a server (a `postgresql://` URL); `with_log` reads its
        log too, in the same read (verify, the entry log)."""
        if is_server_url(path):
            store = ServerRoundStore(path, read_only=read_only)
        else:
            store = RoundRepository.open(Path(path), read_only=read_only, with_events=with_log)
        try:
            return cls(store, keyer, with_log=with_log)
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        self._repo.close()

    def __enter__(self) -> RoundService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the state, and changing it ----------------------------------------------------------

    def subscribe(self, observer: Observer) -> None:
        """Call `observer` with what changed, once after each action."""
        self.observers.append(observer)

    def _commit(self, drafts: Sequence[Draft], *, fingerprint=None, applied: Callable[[], None] | None = None) -> Changes:
        """Append the events to the store (one transaction), apply them, and tell the observers
        (after `applied`, which brings up to date what the events do not carry, e.g. a seal's info)."""
        if not drafts:
            return NO_CHANGES
        if getattr(self._repo, "shared", False):
            return self._commit_shared(drafts, fingerprint=fingerprint, applied=applied)
        events = self._repo.append(drafts, self.keyer, fingerprint=fingerprint)
        changes = NO_CHANGES
        for event in events:
            changes |= apply(self._state, event)[1]
        if self._events is not None:
            self._events.extend(events)
        self._stored = None
        if applied is not None:
            applied()
        self._notify(changes)
        return changes

    def _commit_shared(self, drafts: Sequence[Draft], *, fingerprint=None, applied=None) -> Changes:
        """A write to a round other PCs write to: under the server's lock, what they appended
        since is folded in first, then the new events are checked against the round as it now
        stands (an event made from an older view is refused, nothing written), then committed.
        Whatever fails, the state is read again so that it is the server's."""
        if self._stale:
            self._take(self._repo.load(with_events=self._events is not None))
            self._stale = False
        changes = [NO_CHANGES]
        known = len(self._state.issues)

        def admit(newer: list[Event], events: list[Event]) -> None:
            for event in newer:
                changes[0] |= apply(self._state, event)[1]
            if newer and self._events is not None:
                self._events.extend(newer)
            checked = len(self._state.issues)  # what the others' events brought is the server's
            try:
                for event in events:
                    changes[0] |= apply(self._state, event)[1]
            except TinNhiemError as error:
                raise TinNhiemError("server_changed_meanwhile", url=str(self.path), detail=error.code) from None
            if len(self._state.issues) > checked:
                # Made from an older view: e.g. a cell's "old" another PC changed meanwhile. Committed,
                # it would be a log that does not replay (verify: log_inconsistent).
                detail = self._state.issues[checked].code
                raise TinNhiemError("server_changed_meanwhile", url=str(self.path), detail=detail)
            changes.append(events)

        try:
            self._repo.append(drafts, self.keyer, fingerprint=fingerprint, since=self._state.seq, admit=admit)
        except BaseException:
            if len(changes) > 1 or changes[0] or len(self._state.issues) > known:
                # the state took events (or found problems in them) the server did not commit
                try:
                    self._take(self._repo.load(with_events=self._events is not None))
                except TinNhiemError:
                    self._stale = True  # read again before the next write or look
                self._notify(Changes(setup=True, forms=frozenset(self._state.form_codes())))
            raise
        if self._events is not None:
            self._events.extend(changes[1])
        self._stored = None
        if applied is not None:
            applied()
        self._notify(changes[0])
        return changes[0]

    def _notify(self, changes: Changes) -> None:
        if changes:
            for observer in list(self.observers):
                observer(changes)

    def refresh(self) -> Changes:
        """For a reader, or a PC keying a shared round: catch up with what writers elsewhere
        appended since (nothing for the only writer of a file)."""
        self._polled = time.monotonic()
        if self._stale:
            self._take(self._repo.load(with_events=self._events is not None))
            self._stale = False
            changes = Changes(setup=True, seal=self._info.sealed, forms=frozenset(self._state.form_codes()))
            self._notify(changes)
            return changes
        seq, head = self._repo.head()
        if (seq, head) == (self._state.seq, self._state.head):
            return NO_CHANGES
        newer = self._repo.events(after=self._state.seq)
        if not newer or newer[0].seq != self._state.seq + 1 or any(e.action == "round_sealed" for e in newer):
            self._take(self._repo.load(with_events=self._events is not None))
            changes = Changes(setup=True, seal=self._info.sealed, forms=frozenset(self._state.form_codes()))
        else:
            changes = NO_CHANGES
            for event in newer:
                changes |= apply(self._state, event)[1]
            if self._events is not None:
                self._events.extend(newer)
            self._stored = None
        self._notify(changes)
        return changes

    # -- a round on a server ---------------------------------------------------------------

    @property
    def on_server(self) -> bool:
        return bool(getattr(self._repo, "shared", False))

    def seal_to_file(self, target: Path, by: str, reason: str = "") -> RoundInfo:
        """Chốt a round kept on a server: its whole log is written to the round file `target`
        and sealed there (that file is the round's record, verified and consolidated like any
        other); the same seal event is then appended on the server, which is read-only from then.
        The server's lock is held throughout, so no keystroke falls between the file and the seal."""
        from ..storage.pg_store import write_round_file

        if not self.on_server:
            raise TinNhiemError("server_only", file=str(self.path))
        target = Path(target)
        repo = self._repo
        repo.hold()
        written = False
        try:
            self.refresh()
            self.check_writable()
            events = repo.events()
            write_round_file(target, events)
            written = True
            with RoundService.open(target, repo.keyer_name(self.keyer)) as local:
                info = local.seal(by, reason)
                sealing = local.events()[len(events):]
            repo.append_verbatim(sealing, sealed_file=str(target), fingerprint=info.fingerprint)
            written = False
        finally:
            repo.release()
            if written:
                for leftover in (target, Path(f"{target}.lock")):
                    leftover.unlink(missing_ok=True)
        self._take(repo.load(with_events=self._events is not None))
        self._notify(Changes(setup=True, seal=True, forms=frozenset(self._state.form_codes())))
        return self._info

    # -- reading ---------------------------------------------------------------------------

    @property
    def state(self) -> RoundState:
        """The round now: a reader, or a PC keying a shared round, first catches up with writers elsewhere."""
        if getattr(self._repo, "shared", False):
            if self._stale or time.monotonic() - self._polled > POLL_SECONDS:
                self.refresh()
        elif self._repo.read_only:
            self.refresh()
        return self._state

    @property
    def path(self) -> Path:
        return self._repo.path

    @property
    def setup(self) -> RoundSetup:
        return self._state.setup

    @property
    def info(self) -> RoundInfo:
        return self._info

    @property
    def read_only(self) -> bool:
        return self._repo.read_only or self._info.sealed

    @property
    def warnings(self) -> tuple[Issue, ...]:
        """What opening the file did that the user should hear of (e.g. a stray -wal set aside)."""
        return tuple(getattr(self._repo, "warnings", ()))

    @property
    def opened_read_only(self) -> bool:
        """Opened only to read (unlike `read_only`, not merely sealed)."""
        return self._repo.read_only

    def check_writable(self) -> None:
        self._repo.check_writable()

    def events(self) -> list[Event]:
        """The audit trail, oldest first (read once, then kept current)."""
        if self._events is None:
            self._events = self._repo.events()
        return list(self._events)

    def file_log_head(self) -> str:
        """The hash of the newest event in the file now, and of the newest record made after the
        seal if any: it changes with every change, the hand-over after the seal included."""
        head = self._repo.head()[1]
        after = self._repo.after_seal_chain() if self._info.sealed else []
        return f"{head}/{after[-1]}" if after else head

    def after_seal_chain(self) -> list[str]:
        """The hashes of the records made after the seal, oldest first."""
        return self._repo.after_seal_chain()

    @property
    def double_entry(self) -> bool:
        return self.setup.entry_mode is EntryMode.DOUBLE

    @property
    def station(self) -> Station | None:
        return self._info.station

    @property
    def rule(self) -> Rule:
        return self._state.rule

    def results(self, previous: Mapping[str, PriorShare] | None = None) -> RoundResults:
        """The results counted now. `previous` maps a person key (`candidate_ref`) to last year's
        share; by default the last-year results the round holds (`last_year()`)."""
        return self.state.results(previous)

    def ballots(self, form: str | None = None, entry_pass: EntryPass | None = None) -> list[Ballot]:
        """The ballots of one pass (by default the one being keyed), in form order, then by number."""
        source = EntryPass(entry_pass or self.entry_pass)
        state = self.state
        codes = [self._form(form).code] if form is not None else state.form_codes()
        return [b for code in codes for _, b in sorted(state.ballots_of(code, source).items())]

    def counted_ballots(self, form: str | None = None) -> list[Ballot]:
        """The ballots the results count: pass A, or the agreed set of a double-entry round."""
        state = self.state
        codes = [self._form(form).code] if form is not None else state.form_codes()
        return [b for code in codes for _, b in sorted(state.counted(code).items())]

    def all_ballots(self) -> list[Ballot]:
        """Every ballot of every pass (what a correction copies)."""
        return self.state.all_ballots()

    # -- the procedure around the count (services/procedure.py) ----------------------------

    def procedure_records(self) -> dict[str, ProcedureRecord]:
        return dict(self.state.records)

    def record_procedure(self, key: str, data: Mapping[str, object] | None) -> None:
        """A step before the seal, logged with its old and new data (None clears it)."""
        self.check_writable()
        old = self._state.records.get(key)
        new = None if data is None else _plain(data)
        self._commit([Draft("procedure_recorded", {"key": key, "old": None if old is None else dict(old.data),
                                                   "new": new})])

    def record_after_seal(self, key: str, data: Mapping[str, object]) -> None:
        """A step that follows the seal, stored beside the sealed round without changing it."""
        if self._repo.read_only:
            raise TinNhiemError("round_read_only", file=str(self.path))
        if not self._info.sealed:
            raise TinNhiemError("procedure_needs_seal", file=str(self.path))
        self._repo.record_after_seal(key, data, self.keyer, self._info.fingerprint, self._state.head)
        self._take(self._repo.load(with_events=self._events is not None))
        self._notify(Changes(procedure=True))

    # -- helpers ---------------------------------------------------------------------------

    def _form(self, code: str):
        try:
            return self.setup.form(code)
        except KeyError:
            raise TinNhiemError("unknown_form", form=code, known=[f.code for f in self.setup.forms]) from None

    def _check_orders(self, form: str, marks: Mapping[int, object]) -> None:
        size = len(self._form(form).candidates)
        for order in marks:
            if not 1 <= order <= size:
                raise TinNhiemError("candidate_out_of_range", form=form, candidate=order, size=size)


def _server_pc() -> str:
    import socket

    try:
        return f"{getpass.getuser()}@{socket.gethostname()}"
    except Exception:
        return "?"


def _plain(data: Mapping[str, object]) -> dict:
    """The data as JSON gives it back (tuples as lists), so that the log and the state agree."""
    return json.loads(json.dumps(data, ensure_ascii=False))
