"""The SQLite round file as a round store (`core.store.RoundStore`): hands out core values, never ORM objects.

The store keeps the log and, beside it, the tables that project it (the round, forms, candidates,
ballots and marks, resolutions, earlier years' results, procedure records). Every write appends
events chained from the head the file holds, and projects each one, in one transaction that is on
disk when it returns.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from ..core.audit import after_seal_hash
from ..core.events import Draft, Event, chain_event, event_hash
from ..core.history import PriorResult
from ..core.issues import TinNhiemError
from ..core.model import (
    Ballot,
    BallotForm,
    BallotStatus,
    Candidate,
    Counts,
    EntryMode,
    EntryPass,
    Header,
    HeaderStyle,
    Mark,
    Meeting,
    RoundInfo,
    RoundSetup,
    Station,
    TeamMember,
)
from ..core.procedure import AFTER_SEAL, ProcedureRecord
from ..core.results import round_rule
from ..core.spec import rule_custom_from_dict, setup_from_dict
from ..core.state import GENESIS
from ..core.store import StoredRound
from .roundfile import (
    SCHEMA_VERSION,
    WriterLock,
    backup_copy,
    check_integrity,
    enable_wal,
    make_engine,
    migrate,
    read_header,
    vacuum_into,
)
from .schema_check import check_schema
from .tables import CandidateRow, FormRow, RoundRow, TeamMemberRow

__all__ = ["RoundInfo", "RoundRepository", "Station", "now"]


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class RoundRepository:
    """One round file, open for writing (holding its lock) or for reading."""

    loads = 0  # how many times any round file was read whole (tests count reads per command)

    def __init__(self, path: Path, engine, lock: WriterLock | None, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._engine = engine
        self._lock = lock
        self._form_ids: dict[str, int] = {}
        self._sealed_at: str | None = None
        self._scratch: Path | None = None  # the migrated copy an older file is read through
        self._opening: StoredRound | None = None  # the read made when opening, until it is taken
        self._identity = _identity(path)  # the file opened, to notice it deleted or replaced later

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, setup: RoundSetup, keyer: str, uid: str) -> RoundRepository:
        """Write a complete new round file, or nothing: it is built beside and renamed into place."""
        path = Path(path)
        if path.exists():
            raise TinNhiemError("file_exists", file=str(path))
        lock = WriterLock(path)
        lock.acquire(path)
        partial = path.with_name(path.name + ".partial")
        try:
            partial.unlink(missing_ok=True)
            engine = make_engine(partial, "create")
            try:
                migrate(engine)
                from ..core.spec import setup_to_dict

                with engine.begin() as connection:
                    created = now()
                    _insert_setup(connection, setup, uid, created)
                    first = chain_event(None, created, keyer, "round_created", {"setup": setup_to_dict(setup), "uid": uid})
                    _insert_event(connection, first)
            finally:
                engine.dispose()
            os.replace(partial, path)
        except (OSError, DBAPIError) as error:
            lock.release()
            _remove_quietly(partial)
            detail = getattr(error, "strerror", None) or str(getattr(error, "orig", error))
            raise TinNhiemError("file_not_writable", file=str(path), detail=detail) from None
        except BaseException:
            lock.release()
            _remove_quietly(partial)
            raise
        try:
            return cls._open(path, lock, "write", read_only=False)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, with_events: bool = False) -> RoundRepository:
        """Open for keying (one writer at a time) or read-only.

        A reader takes the writer lock when it is free, so that SQLite tidies its -wal and -shm
        files away on close; beside a writer it reads through WAL, and in a write-protected
        folder it reads the file as immutable.
        """
        path = Path(path)
        read_header(path)
        lock: WriterLock | None = WriterLock(path)
        mode = "reader" if read_only else "write"
        try:
            lock.acquire(path)
        except TinNhiemError as error:
            if not read_only:
                raise
            lock = None
            mode = "read" if error.code == "round_file_in_use" else "immutable"
        try:
            return cls._open(path, lock, mode, read_only, with_events)
        except BaseException:
            if lock:
                lock.release()
            raise

    @classmethod
    def _open(cls, path: Path, lock: WriterLock | None, mode: str, read_only: bool,
              with_events: bool = False) -> RoundRepository:
        header = read_header(path)
        engine = make_engine(path, mode)
        scratch = None
        try:
            check_schema(engine, path)  # before any statement that could run something not ours
            if header.user_version < SCHEMA_VERSION:
                if read_only:  # an archived file is read through a migrated copy, never touched
                    scratch = Path(tempfile.mkdtemp(prefix="tinnhiem-"))
                    engine = _migrated_copy(engine, scratch / path.name)
                else:
                    backup_copy(engine, path, header.user_version)
                    migrate(engine)
            repo = cls(path, engine, lock, read_only)
            repo._scratch = scratch
            repo._opening = repo.load(with_events=with_events)  # wholly readable, before WAL is set
            if not read_only:
                enable_wal(engine)
            return repo
        except DBAPIError as error:
            engine.dispose()
            raise TinNhiemError("round_file_corrupt", file=str(path), detail=str(error.orig)) from None
        except BaseException:
            engine.dispose()
            raise
        finally:
            if scratch is not None and sys.exc_info()[0] is not None:
                shutil.rmtree(scratch, ignore_errors=True)

    def close(self) -> None:
        self._engine.dispose()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
        if self._lock:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> RoundRepository:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ---------------------------------------------------------------------------

    def load(self, *, with_events: bool = False) -> StoredRound:
        """The whole round as the file holds it now, in one read (one consistent snapshot)."""
        opening, self._opening = self._opening, None
        if opening is not None and (opening.events is not None or not with_events) and opening.head == self.head():
            return opening
        RoundRepository.loads += 1
        try:
            with self._engine.connect() as connection:
                connection.exec_driver_sql("BEGIN")
                try:
                    stored = self._load_in(connection, with_events)
                finally:
                    connection.rollback()
        except DBAPIError as error:
            raise TinNhiemError("round_file_corrupt", file=str(self.path), detail=str(error.orig)) from None
        except (ValueError, KeyError, TypeError) as error:  # a value no version of ours writes
            raise TinNhiemError("round_file_altered", file=str(self.path), detail=str(error)) from None
        self._sealed_at = stored.info.sealed_at
        return stored

    def _load_in(self, connection, with_events: bool) -> StoredRound:
        sql = connection.exec_driver_sql
        row = _round_row(connection, self.path)
        team = tuple(TeamMember(name, role) for name, role in sql("SELECT name, role FROM team_member ORDER BY seq"))
        candidates: dict[int, list[Candidate]] = {}
        for form_id, seq, name, position, birth_year, person_key, provincial in sql(
            "SELECT form_id, seq, name, position, birth_year, person_key, provincial FROM candidate ORDER BY form_id, seq"
        ):
            candidates.setdefault(form_id, []).append(
                Candidate(seq, name, position, birth_year, person_key, bool(provincial)))
        forms, form_ids = [], {}
        for form_id, code, title, summoned, present, issued, collected in sql(
            "SELECT id, code, title, summoned, present, issued, collected FROM ballot_form ORDER BY seq"
        ):
            form_ids[code] = form_id
            forms.append(BallotForm(code, title, Counts(summoned, present, issued, collected),
                                    tuple(candidates.get(form_id, ()))))
        setup = RoundSetup(
            title=row["title"], year=row["year"], rule_id=row["rule_id"],
            header=Header(HeaderStyle(row["header_style"]), row["header_parent"], row["header_unit"]),
            meeting=Meeting(row["meeting_date"], row["meeting_place"], row["meeting_chair"]),
            team=team, forms=tuple(forms), percent_base=row["percent_base"], decimals=row["decimals"],
            entry_mode=EntryMode(row["entry_mode"]), rule_custom=self._rule_custom(row),
        )
        station = None
        if row["station_name"] is not None:
            station = Station(row["station_name"], EntryPass(row["station_pass"]), row["station_first"],
                              row["station_last"])
        info = RoundInfo(row["uid"], row["created_at"], row["sealed_at"], row["sealed_by"], row["seal_reason"],
                         row["fingerprint"], station)
        codes = {form_id: code for code, form_id in form_ids.items()}
        marks: dict[int, dict[int, Mark]] = {}
        for ballot_id, seq, value in sql("SELECT ballot_id, candidate_seq, value FROM mark"):
            marks.setdefault(ballot_id, {})[seq] = Mark(value)
        order = {code: i for i, code in enumerate(f.code for f in forms)}
        ballots = [
            Ballot(codes[form_id], number, BallotStatus(status), marks.get(ballot_id, {}), reason, EntryPass(source))
            for ballot_id, form_id, number, status, reason, source in sql(
                "SELECT id, form_id, number, status, invalid_reason, pass FROM ballot")
        ]
        ballots.sort(key=lambda b: (order[b.form], b.entry_pass.value, b.number))
        sizes = {form.code: len(form.candidates) for form in forms}
        for ballot in ballots:
            if any(not 1 <= candidate <= sizes[ballot.form] for candidate in ballot.marks):
                raise ValueError(f"ballot {ballot.number} of form {ballot.form} marks a candidate the form lacks")
        try:
            round_rule(setup)
        except TinNhiemError as error:  # a rule no version of ours writes
            raise ValueError(f"rule: {error.code}") from None
        resolutions = {(codes[form_id], number): choice
                       for form_id, number, choice in sql("SELECT form_id, number, choice FROM resolution")}
        priors = [
            PriorResult(person_key=r[0], year=r[1], name=r[2], thap=r[3], base=r[4], position=r[5], cao=r[6],
                        tin_nhiem=r[7], by_hand=bool(r[8]), source=r[9], source_fingerprint=r[10])
            for r in sql("SELECT person_key, year, name, thap, base, position, cao, tin_nhiem, by_hand, source,"
                         " source_fingerprint FROM prior_result ORDER BY year, person_key")
        ]
        records = {key: ProcedureRecord(key, json.loads(data), at, by)
                   for key, data, at, by in sql("SELECT key, data, at, by FROM procedure_record")}
        events = self._events_in(connection) if with_events else None
        opening = events[:3] if events is not None else self._events_in(connection, 0, 3)
        correction = next((dict(e.data) for e in opening if e.action == "correction_of"), None)
        head = _head(connection)
        self._form_ids = form_ids
        tables, after = (whole_rows(connection), after_seal_versions(connection)) if with_events else (None, None)
        return StoredRound(setup, info, ballots, resolutions, priors, records, head, events, correction, tables,
                           after)

    def _rule_custom(self, row: Mapping[str, Any]):
        if row["rule_custom"] is None:
            return None
        try:
            return rule_custom_from_dict(json.loads(row["rule_custom"]), row["rule_id"], str(self.path))
        except TinNhiemError as error:  # a value no version of ours writes
            raise ValueError(f"rule_custom: {error.code}") from None

    def events(self, after: int = 0, first: int | None = None) -> list[Event]:
        """The log, oldest first: the events after number `after`; only `first` of them when given."""
        with self._engine.connect() as connection:
            return self._events_in(connection, after, first)

    @staticmethod
    def _events_in(connection, after: int = 0, first: int | None = None) -> list[Event]:
        query = "SELECT seq, at, keyer, action, data, hash FROM event WHERE seq > ? ORDER BY seq"
        if first is not None:
            query += f" LIMIT {int(first)}"
        return [Event(seq, at, keyer, action, json.loads(data), digest)
                for seq, at, keyer, action, data, digest in connection.exec_driver_sql(query, (after,))]

    def head(self) -> tuple[int, str]:
        """The newest event's number and hash as the file has it now (a reader polls this)."""
        with self._engine.connect() as connection:
            return _head(connection)

    def copy_to(self, target: Path) -> Path:
        try:
            return vacuum_into(self._engine, target)
        except (OSError, DBAPIError) as error:
            detail = getattr(error, "strerror", None) or str(getattr(error, "orig", error))
            raise TinNhiemError("file_not_writable", file=str(target), detail=detail) from None

    def integrity_problems(self) -> list[str]:
        return check_integrity(self._engine)

    # -- writing ---------------------------------------------------------------------------

    def append(
        self,
        drafts: Sequence[Draft],
        keyer: str,
        *,
        fingerprint: Callable[[str, Mapping[str, list[tuple]]], str] | None = None,
    ) -> list[Event]:
        """Append events, chained from the head the file holds, each projected into the tables,
        in one transaction: all of them or none. `fingerprint`, given the new head and every stored
        row, is stored with a seal."""
        self.check_writable()
        appended: list[Event] = []
        try:
            with self._engine.begin() as connection:
                self._check_still_there()
                seq, digest = _head(connection)
                for draft in drafts:
                    at = now()
                    event = Event(seq + 1, at, keyer, draft.action, draft.data,
                                  event_hash(digest, seq + 1, at, keyer, draft.action, draft.data))
                    _insert_event(connection, event)
                    self._project(connection, event)
                    appended.append(event)
                    seq, digest = event.seq, event.hash
                if fingerprint is not None:
                    connection.exec_driver_sql("UPDATE round SET fingerprint = ? WHERE id = 1",
                                               (fingerprint(digest, whole_rows(connection)),))
        except DBAPIError as error:
            raise TinNhiemError("write_failed", file=str(self.path), detail=str(error.orig)) from None
        for event in appended:
            if event.action == "round_sealed":
                self._sealed_at = event.data["at"]
        return appended

    def _project(self, connection, event: Event) -> None:
        """Bring the tables in line with one event (the log is the truth; the tables its projection)."""
        sql = connection.exec_driver_sql
        data, action = event.data, event.action
        if action == "setup_replaced":
            uid, created_at = sql("SELECT uid, created_at FROM round WHERE id = 1").one()
            for table in ("candidate", "ballot_form", "team_member", "round"):
                sql(f"DELETE FROM {table}")
            _insert_setup(connection, setup_from_dict(data["setup"], "log"), uid, created_at)
            self._form_ids = dict(sql("SELECT code, id FROM ballot_form").all())
        elif action == "rule_changed":
            new = data["new"]
            custom = new.get("rule_custom")
            sql("UPDATE round SET rule_id = ?, percent_base = ?, decimals = ?, rule_custom = ? WHERE id = 1",
                (new["rule"], new.get("percent_base"), new.get("decimals"),
                 None if custom is None else json.dumps(custom, ensure_ascii=False, sort_keys=True)))
        elif action == "counts_set":
            new = data["new"]
            sql("UPDATE ballot_form SET summoned = ?, present = ?, issued = ?, collected = ? WHERE id = ?",
                (new["summoned"], new["present"], new["issued"], new["collected"], self._form_id(data["form"])))
        elif action == "ballot_added":
            _insert_ballot(connection, self._form_id(data["form"]), data.get("pass", "A"), data["ballot"], data["new"])
        elif action in ("ballot_removed", "ballot_status_set", "mark_set"):
            ballot_id = self._ballot_id(connection, data["form"], data.get("pass", "A"), data["ballot"])
            if action == "ballot_removed":
                sql("DELETE FROM mark WHERE ballot_id = ?", (ballot_id,))
                sql("DELETE FROM ballot WHERE id = ?", (ballot_id,))
            elif action == "ballot_status_set":
                new = data["new"]
                sql("UPDATE ballot SET status = ?, invalid_reason = ? WHERE id = ?",
                    (new["status"], new["reason"], ballot_id))
                sql("DELETE FROM mark WHERE ballot_id = ?", (ballot_id,))
                _insert_marks(connection, ballot_id, new["marks"])
            elif data["new"] is None:
                sql("DELETE FROM mark WHERE ballot_id = ? AND candidate_seq = ?", (ballot_id, data["candidate"]))
            else:
                sql("INSERT INTO mark (ballot_id, candidate_seq, value) VALUES (?, ?, ?)"
                    " ON CONFLICT (ballot_id, candidate_seq) DO UPDATE SET value = excluded.value",
                    (ballot_id, data["candidate"], data["new"]))
        elif action == "difference_resolved":
            form_id = self._form_id(data["form"])
            again = sql("SELECT id FROM ballot WHERE form_id = ? AND pass = 'R' AND number = ?",
                        (form_id, data["ballot"])).first()
            if again is not None:
                sql("DELETE FROM mark WHERE ballot_id = ?", (again[0],))
                sql("DELETE FROM ballot WHERE id = ?", (again[0],))
            if data["keyed"] is not None:
                _insert_ballot(connection, form_id, "R", data["ballot"], data["keyed"])
            sql("INSERT INTO resolution (form_id, number, choice, resolved_by, resolved_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (form_id, number) DO UPDATE SET choice = excluded.choice,"
                " resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at",
                (form_id, data["ballot"], data["choice"], event.keyer, event.at))
        elif action == "station_made":
            sql("UPDATE round SET station_name = ?, station_pass = ?, station_first = ?, station_last = ?"
                " WHERE id = 1", (data["name"], data["pass"], data["first"], data["last"]))
        elif action == "procedure_recorded":
            if data["new"] is None:
                sql("DELETE FROM procedure_record WHERE key = ?", (data["key"],))
            else:
                sql("INSERT INTO procedure_record (key, data, at, by) VALUES (?, ?, ?, ?) ON CONFLICT (key)"
                    " DO UPDATE SET data = excluded.data, at = excluded.at, by = excluded.by",
                    (data["key"], json.dumps(data["new"], ensure_ascii=False, sort_keys=True), event.at, event.keyer))
        elif action == "prior_result_set":
            prior = data["prior"]
            sql("DELETE FROM prior_result WHERE person_key = ? AND year = ?", (prior["person_key"], prior["year"]))
            sql("INSERT INTO prior_result (person_key, year, name, position, cao, tin_nhiem, thap, base, by_hand,"
                " source, source_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (prior["person_key"], prior["year"], prior["name"], prior["position"], prior["cao"],
                 prior["tin_nhiem"], prior["thap"], prior["base"], bool(prior["by_hand"]), prior["source"],
                 prior["source_fingerprint"]))
        elif action == "prior_result_removed":
            sql("DELETE FROM prior_result WHERE person_key = ? AND year = ?", (data["person_key"], data["year"]))
        elif action == "round_sealed":
            sql("UPDATE round SET sealed_at = ?, sealed_by = ?, seal_reason = ? WHERE id = 1",
                (data["at"], data["by"], data["reason"] or None))

    def record_after_seal(self, key: str, data: Mapping[str, object], keyer: str, fingerprint: str,
                          seal_head: str) -> None:
        """A record of what follows the seal (the hand-over): beside the sealed round, never in it.

        No event is appended (the log ends at the seal and the fingerprint covers its head). Each
        record names the fingerprint it belongs to, keeps the versions it replaces, and is chained
        to the one made before it (the first to the seal's head), so none changes unnoticed.
        """
        if self.read_only:
            raise TinNhiemError("round_read_only", file=str(self.path))
        try:
            with self._engine.begin() as connection:
                self._check_still_there()
                versions = [version for version, _, _ in after_seal_versions(connection).values()]
                last = max(versions, key=lambda v: v.get("seq", 0), default=None)
                seq = 1 + (last.get("seq", 0) if last else 0)
                prev = last["hash"] if last and "hash" in last else seal_head
                row = connection.exec_driver_sql(
                    "SELECT data, at, by FROM procedure_record WHERE key = ?", (key,)).first()
                earlier = []
                if row is not None:
                    old = json.loads(row[0])
                    earlier = [*old.pop("earlier", []), {**old, "recorded_at": row[1], "recorded_by": row[2]}]
                at = now()
                chained = {**data, "fingerprint": fingerprint, "seq": seq, "prev": prev}
                chained["hash"] = after_seal_hash(prev, seq, key, _plain(chained), at, keyer)
                stored = {**chained, "earlier": earlier}
                connection.exec_driver_sql(
                    "INSERT INTO procedure_record (key, data, at, by) VALUES (?, ?, ?, ?) ON CONFLICT (key)"
                    " DO UPDATE SET data = excluded.data, at = excluded.at, by = excluded.by",
                    (key, json.dumps(stored, ensure_ascii=False, sort_keys=True), at, keyer))
        except DBAPIError as error:
            raise TinNhiemError("write_failed", file=str(self.path), detail=str(error.orig)) from None

    # -- helpers ---------------------------------------------------------------------------

    def check_writable(self) -> None:
        """Refuse a change to a file opened read-only or already sealed, saying which."""
        if self.read_only:
            raise TinNhiemError("round_read_only", file=str(self.path))
        if self._sealed_at is not None:
            raise TinNhiemError("round_sealed", file=str(self.path), sealed_at=self._sealed_at)

    def _check_still_there(self) -> None:
        """Refuse to write when the path no longer names the file opened (its folder deleted, the
        file moved or replaced): SQLite would go on writing to the open file, where nobody reads."""
        if _identity(self.path) != self._identity:
            raise TinNhiemError("round_file_gone", file=str(self.path))

    def _form_id(self, form: str) -> int:
        try:
            return self._form_ids[form]
        except KeyError:
            raise TinNhiemError("unknown_form", form=form, known=sorted(self._form_ids)) from None

    def _ballot_id(self, connection, form: str, source: str, number: int) -> int:
        row = connection.exec_driver_sql(
            "SELECT id FROM ballot WHERE form_id = ? AND pass = ? AND number = ?",
            (self._form_id(form), source, number)).first()
        if row is None:
            raise TinNhiemError("ballot_not_found", form=form, ballot=number)
        return row[0]


SEALED_COLUMNS = {  # what a whole-file fingerprint covers: these columns of schema 4, in key order
    "round": ("id, uid, title, year, rule_id, percent_base, decimals, header_style, header_parent, header_unit,"
              " meeting_date, meeting_place, meeting_chair, created_at, sealed_at, sealed_by, seal_reason,"
              " entry_mode, station_name, station_pass, station_first, station_last, rule_custom", "id"),
    "team_member": ("id, seq, name, role", "id"),
    "ballot_form": ("id, code, seq, title, summoned, present, issued, collected", "id"),
    "candidate": ("id, form_id, seq, name, position, birth_year, person_key, provincial", "id"),
    "ballot": ("id, form_id, pass, number, status, invalid_reason", "id"),
    "mark": ("ballot_id, candidate_seq, value", "ballot_id, candidate_seq"),
    "resolution": ("form_id, number, choice, resolved_by, resolved_at", "form_id, number"),
    "prior_result": ("id, person_key, year, name, position, cao, tin_nhiem, thap, base, by_hand, source,"
                     " source_fingerprint", "id"),
    "procedure_record": ("key, data, at, by", "key"),
}


def whole_rows(connection) -> dict[str, list[tuple]]:
    """Every stored value a seal covers (the log is covered by its head; the round's own
    fingerprint and the records made after the seal are not part of what was sealed)."""
    rows = {}
    for table, (columns, order) in SEALED_COLUMNS.items():
        query = f"SELECT {columns} FROM {table}"
        if table == "procedure_record":
            query += f" WHERE key NOT LIKE '{AFTER_SEAL}%'"
        rows[table] = [tuple(row) for row in connection.exec_driver_sql(f"{query} ORDER BY {order}")]
    return rows


def after_seal_versions(connection) -> dict[tuple[str, int], tuple[dict, str, str]]:
    """Every version of every record made after the seal (replaced ones too), by (key, position):
    its data as chained, when and by whom."""
    found = {}
    for key, data, at, by in connection.exec_driver_sql(
            f"SELECT key, data, at, by FROM procedure_record WHERE key LIKE '{AFTER_SEAL}%'"):
        current = json.loads(data)
        earlier = current.pop("earlier", [])
        for position, version in enumerate(earlier):
            version = dict(version)
            found[(key, position)] = (version, version.pop("recorded_at", version.get("at")),
                                      version.pop("recorded_by", version.get("by")))
        found[(key, len(earlier))] = (current, at, by)
    return found


def _plain(data: Mapping[str, Any]) -> dict:
    return json.loads(json.dumps(data, ensure_ascii=False))


def _round_row(connection, path: Path) -> Mapping[str, Any]:
    row = connection.exec_driver_sql("SELECT * FROM round WHERE id = 1").mappings().first()
    if row is None:
        raise TinNhiemError("round_file_altered", file=str(path), detail="no round record")
    return row


def _head(connection) -> tuple[int, str]:
    row = connection.exec_driver_sql("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1").first()
    return (0, GENESIS) if row is None else (row[0], row[1])


def _insert_event(connection, event: Event) -> None:
    connection.exec_driver_sql(
        "INSERT INTO event (seq, at, keyer, action, data, hash) VALUES (?, ?, ?, ?, ?, ?)",
        (event.seq, event.at, event.keyer, event.action,
         json.dumps(event.data, ensure_ascii=False, sort_keys=True), event.hash))


def _insert_ballot(connection, form_id: int, source: str, number: int, content: Mapping[str, Any]) -> None:
    cursor = connection.exec_driver_sql(
        "INSERT INTO ballot (form_id, pass, number, status, invalid_reason) VALUES (?, ?, ?, ?, ?)",
        (form_id, source, number, content["status"], content["reason"]))
    _insert_marks(connection, cursor.lastrowid, content["marks"])


def _insert_marks(connection, ballot_id: int, marks: Mapping[str, str]) -> None:
    if marks:
        connection.exec_driver_sql(
            "INSERT INTO mark (ballot_id, candidate_seq, value) VALUES (?, ?, ?)",
            [(ballot_id, int(order), value) for order, value in marks.items()])


def _insert_setup(connection, setup: RoundSetup, uid: str, created_at: str) -> None:
    from ..core.spec import rule_custom_to_dict

    custom = setup.rule_custom
    with Session(bind=connection) as session:
        session.add(RoundRow(
            uid=uid, title=setup.title, year=setup.year, rule_id=setup.rule_id,
            header_style=setup.header.style.value, header_parent=setup.header.parent,
            header_unit=setup.header.unit, meeting_date=setup.meeting.date, meeting_place=setup.meeting.place,
            meeting_chair=setup.meeting.chair, created_at=created_at, entry_mode=setup.entry_mode.value,
            percent_base=setup.percent_base, decimals=setup.decimals,
            rule_custom=None if custom is None else json.dumps(rule_custom_to_dict(custom), ensure_ascii=False,
                                                                sort_keys=True),
        ))
        session.add_all(TeamMemberRow(seq=i, name=m.name, role=m.role) for i, m in enumerate(setup.team, 1))
        for seq, form in enumerate(setup.forms, 1):
            row = FormRow(code=form.code, seq=seq, title=form.title, **form.counts.as_dict())
            session.add(row)
            session.flush()
            session.add_all(
                CandidateRow(form_id=row.id, seq=c.order, name=c.name, position=c.position, birth_year=c.birth_year,
                             person_key=c.person_key, provincial=c.provincial)
                for c in form.candidates
            )
        session.flush()


def _migrated_copy(engine, target: Path):
    """A copy of an older file brought to the current schema, opened read-only; the engine of the
    original is disposed of."""
    try:
        vacuum_into(engine, target)
    finally:
        engine.dispose()
    writer = make_engine(target, "write")
    try:
        migrate(writer)
    finally:
        writer.dispose()
    return make_engine(target, "read")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _remove_quietly(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass
