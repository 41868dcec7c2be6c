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
import sqlite3
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ..core.audit import after_seal_hash
from ..core.bulk import no_cycle_collection
from ..core.events import UNPROJECTED, Draft, Event, chain_event, event_hash, json_value
from ..core.history import PriorResult
from ..core.issues import Issue, Severity, TinNhiemError, os_reason
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
    MARKS,
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
    check_new_file,
    Database,
    backup_copy,
    check_integrity,
    enable_wal,
    migrate_file,
    migrating_path,
    open_database,
    read_header,
    remove_leftovers,
    replace_durably,
    replayed_sidecars,
    scratch_copy,
    set_aside,
    vacuum_into,
)
from .schema_check import check_schema

__all__ = ["RoundInfo", "RoundRepository", "Station", "now"]


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class RoundRepository:
    """One round file, open for writing (holding its lock) or for reading."""

    loads = 0  # how many times any round file was read whole (tests count reads per command)

    def __init__(self, path: Path, database: Database, lock: WriterLock | None, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._database = database
        self._lock = lock
        self._form_ids: dict[str, int] = {}
        self._sealed_at: str | None = None
        self._scratch: Path | None = None  # the migrated copy an older file is read through
        self._opening: StoredRound | None = None  # the read made when opening, until it is taken
        self.warnings: tuple[Issue, ...] = ()  # what opening did that the user should hear of
        self._identity = _identity(path)  # the file opened, to notice it deleted or replaced later

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, setup: RoundSetup, keyer: str, uid: str) -> RoundRepository:
        """Write a complete new round file, or nothing: it is built beside and renamed into place."""
        path = Path(path)
        check_new_file(path)
        lock = WriterLock(path)
        lock.acquire(path)
        partial = path.with_name(path.name + ".partial")
        try:
            partial.unlink(missing_ok=True)
            migrate_file(partial, "create")  # the schema is built by the migrations
            database = open_database(partial, "create")
            try:
                from ..core.spec import setup_to_dict

                with database.transaction() as db:
                    created = now()
                    _insert_setup(db, setup, uid, created)
                    first = chain_event(None, created, keyer, "round_created", {"setup": setup_to_dict(setup), "uid": uid})
                    _insert_event(db, first)
            finally:
                database.dispose()
            replace_durably(partial, path)
            lock.hold_file(path)
        except (OSError, sqlite3.Error) as error:
            lock.release()
            _remove_quietly(partial)
            detail = os_reason(error)
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
        folder it reads a copy (with its -wal) or the file alone, as immutable. Whoever holds the
        lock, or reads a write-protected folder, first judges the sidecars (`_settle_sidecars`).
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
            if lock is not None:
                remove_leftovers(path)
            scratch, warnings = None, ()
            if mode != "read" and replayed_sidecars(path):
                scratch, warnings = _settle_sidecars(path, writable=lock is not None)
            repo = cls._open(path, lock, mode, read_only, with_events, scratch)
            repo.warnings = warnings
            return repo
        except BaseException:
            if lock:
                lock.release()
            raise

    @classmethod
    def _open(cls, path: Path, lock: WriterLock | None, mode: str, read_only: bool,
              with_events: bool = False, scratch: Path | None = None) -> RoundRepository:
        """`scratch`: a folder holding a recovered copy of the file, to be read instead of it."""
        source = path if scratch is None else scratch / path.name
        header = read_header(source)
        database = open_database(source, mode if scratch is None else "reader")
        try:
            check_schema(database, path)  # before any statement that could run something not ours
            if header.user_version < SCHEMA_VERSION:
                if read_only:  # an archived file is read through a migrated copy, never touched
                    scratch = scratch or Path(tempfile.mkdtemp(prefix="tinnhiem-"))
                    database = _migrated_copy(database, scratch / f"migrated-{path.name}", path)
                else:
                    database = _migrate_in_place(database, path, header.user_version)
                    if lock is not None:
                        lock.hold_file(path)
            repo = cls(path, database, lock, read_only)
            repo._scratch = scratch
            repo._opening = repo.load(with_events=with_events)  # wholly readable, before WAL is set
            if not read_only:
                enable_wal(database)
            return repo
        except sqlite3.Error as error:
            database.dispose()
            raise TinNhiemError("round_file_corrupt", file=str(path), detail=str(error)) from None
        except BaseException:
            database.dispose()
            raise
        finally:
            if scratch is not None and sys.exc_info()[0] is not None:
                shutil.rmtree(scratch, ignore_errors=True)

    def close(self) -> None:
        self._database.dispose()
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
            with self._database.snapshot() as db, no_cycle_collection():
                stored = self._load_in(db, with_events)
        except sqlite3.Error as error:
            raise TinNhiemError("round_file_corrupt", file=str(self.path), detail=_detail(error)) from None
        except (ValueError, KeyError, TypeError) as error:  # a value no version of ours writes
            raise TinNhiemError("round_file_altered", file=str(self.path), detail=str(error)) from None
        self._sealed_at = stored.info.sealed_at
        return stored

    def _load_in(self, db: sqlite3.Connection, with_events: bool) -> StoredRound:
        sql = db.execute
        row = _round_row(db, self.path)
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
            marks.setdefault(ballot_id, {})[seq] = MARKS[value]
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
        events = self._events_in(db) if with_events else None
        if events is not None:
            unprojected = [event for event in events if event.action in UNPROJECTED]
        else:
            placeholders = ", ".join("?" * len(UNPROJECTED))
            unprojected = [Event(seq, at, keyer, action, json_value(data), digest)
                           for seq, at, keyer, action, data, digest in sql(
                               "SELECT seq, at, keyer, action, data, hash FROM event"
                               f" WHERE action IN ({placeholders}) ORDER BY seq", UNPROJECTED)]
        head = _head(db)
        self._form_ids = form_ids
        tables, after = (whole_rows(db), after_seal_versions(db)) if with_events else (None, None)
        return StoredRound(setup, info, ballots, resolutions, priors, records, head, events, unprojected, tables,
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
        return self._events_in(self._database.connection, after, first)

    @staticmethod
    def _events_in(db: sqlite3.Connection, after: int = 0, first: int | None = None) -> list[Event]:
        query = "SELECT seq, at, keyer, action, data, hash FROM event WHERE seq > ? ORDER BY seq"
        if first is not None:
            query += f" LIMIT {int(first)}"
        return [Event(seq, at, keyer, action, json_value(data), digest)
                for seq, at, keyer, action, data, digest in db.execute(query, (after,))]

    def head(self) -> tuple[int, str]:
        """The newest event's number and hash as the file has it now (a reader polls this)."""
        return _head(self._database.connection)

    def after_seal_chain(self) -> list[str]:
        """The hashes of the records made after the seal, in the order of their chain (the
        versions a record replaced included): a backup's chain must be a beginning of this one."""
        versions = [version for version, _, _ in after_seal_versions(self._database.connection).values()]
        return [v["hash"] for v in sorted(versions, key=lambda v: v["seq"]) if "seq" in v and "hash" in v]

    def copy_to(self, target: Path) -> Path:
        try:
            return vacuum_into(self._database, target)
        except (OSError, sqlite3.Error) as error:
            detail = os_reason(error)
            raise TinNhiemError("file_not_writable", file=str(target), detail=detail) from None

    def integrity_problems(self) -> list[str]:
        return check_integrity(self._database)

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
            with self._database.transaction() as db:
                self._check_still_there()
                seq, digest = _head(db)
                for draft in drafts:
                    at = now()
                    event = Event(seq + 1, at, keyer, draft.action, draft.data,
                                  event_hash(digest, seq + 1, at, keyer, draft.action, draft.data))
                    _insert_event(db, event)
                    self._project(db, event)
                    appended.append(event)
                    seq, digest = event.seq, event.hash
                if fingerprint is not None:
                    db.execute("UPDATE round SET fingerprint = ? WHERE id = 1", (fingerprint(digest, whole_rows(db)),))
        except sqlite3.Error as error:
            raise TinNhiemError("write_failed", file=str(self.path), detail=_detail(error)) from None
        for event in appended:
            if event.action == "round_sealed":
                self._sealed_at = event.data["at"]
        return appended

    def _project(self, db: sqlite3.Connection, event: Event) -> None:
        """Bring the tables in line with one event (the log is the truth; the tables its projection)."""
        sql = db.execute
        data, action = event.data, event.action
        if action == "setup_replaced":
            uid, created_at = sql("SELECT uid, created_at FROM round WHERE id = 1").fetchone()
            for table in ("candidate", "ballot_form", "team_member", "round"):
                sql(f"DELETE FROM {table}")
            _insert_setup(db, setup_from_dict(data["setup"], "log"), uid, created_at)
            self._form_ids = dict(sql("SELECT code, id FROM ballot_form").fetchall())
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
            _insert_ballot(db, self._form_id(data["form"]), data.get("pass", "A"), data["ballot"], data["new"])
        elif action in ("ballot_removed", "ballot_status_set", "mark_set"):
            ballot_id = self._ballot_id(db, data["form"], data.get("pass", "A"), data["ballot"])
            if action == "ballot_removed":
                sql("DELETE FROM mark WHERE ballot_id = ?", (ballot_id,))
                sql("DELETE FROM ballot WHERE id = ?", (ballot_id,))
            elif action == "ballot_status_set":
                new = data["new"]
                sql("UPDATE ballot SET status = ?, invalid_reason = ? WHERE id = ?",
                    (new["status"], new["reason"], ballot_id))
                sql("DELETE FROM mark WHERE ballot_id = ?", (ballot_id,))
                _insert_marks(db, ballot_id, new["marks"])
            elif data["new"] is None:
                sql("DELETE FROM mark WHERE ballot_id = ? AND candidate_seq = ?", (ballot_id, data["candidate"]))
            else:
                sql("INSERT INTO mark (ballot_id, candidate_seq, value) VALUES (?, ?, ?)"
                    " ON CONFLICT (ballot_id, candidate_seq) DO UPDATE SET value = excluded.value",
                    (ballot_id, data["candidate"], data["new"]))
        elif action == "difference_resolved":
            form_id = self._form_id(data["form"])
            again = sql("SELECT id FROM ballot WHERE form_id = ? AND pass = 'R' AND number = ?",
                        (form_id, data["ballot"])).fetchone()
            if again is not None:
                sql("DELETE FROM mark WHERE ballot_id = ?", (again[0],))
                sql("DELETE FROM ballot WHERE id = ?", (again[0],))
            if data["keyed"] is not None:
                _insert_ballot(db, form_id, "R", data["ballot"], data["keyed"])
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
            with self._database.transaction() as db:
                self._check_still_there()
                versions = [version for version, _, _ in after_seal_versions(db).values()]
                last = max(versions, key=lambda v: v.get("seq", 0), default=None)
                seq = 1 + (last.get("seq", 0) if last else 0)
                prev = last["hash"] if last and "hash" in last else seal_head
                row = db.execute("SELECT data, at, by FROM procedure_record WHERE key = ?", (key,)).fetchone()
                earlier = []
                if row is not None:
                    old = json.loads(row[0])
                    earlier = [*old.pop("earlier", []), {**old, "recorded_at": row[1], "recorded_by": row[2]}]
                at = now()
                chained = {**data, "fingerprint": fingerprint, "seq": seq, "prev": prev}
                chained["hash"] = after_seal_hash(prev, seq, key, _plain(chained), at, keyer)
                stored = {**chained, "earlier": earlier}
                db.execute(
                    "INSERT INTO procedure_record (key, data, at, by) VALUES (?, ?, ?, ?) ON CONFLICT (key)"
                    " DO UPDATE SET data = excluded.data, at = excluded.at, by = excluded.by",
                    (key, json.dumps(stored, ensure_ascii=False, sort_keys=True), at, keyer))
        except sqlite3.Error as error:
            raise TinNhiemError("write_failed", file=str(self.path), detail=_detail(error)) from None

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

    def _ballot_id(self, db: sqlite3.Connection, form: str, source: str, number: int) -> int:
        row = db.execute("SELECT id FROM ballot WHERE form_id = ? AND pass = ? AND number = ?",
                         (self._form_id(form), source, number)).fetchone()
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


def whole_rows(db: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every stored value a seal covers (the log is covered by its head; the round's own
    fingerprint and the records made after the seal are not part of what was sealed)."""
    rows = {}
    for table, (columns, order) in SEALED_COLUMNS.items():
        query = f"SELECT {columns} FROM {table}"
        if table == "procedure_record":
            query += f" WHERE key NOT LIKE '{AFTER_SEAL}%'"
        rows[table] = db.execute(f"{query} ORDER BY {order}").fetchall()
    return rows


def after_seal_versions(db: sqlite3.Connection) -> dict[tuple[str, int], tuple[dict, str, str]]:
    """Every version of every record made after the seal (replaced ones too), by (key, position):
    its data as chained, when and by whom."""
    found = {}
    for key, data, at, by in db.execute(
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


def _detail(error: Exception) -> str:
    return os_reason(error)


def _round_row(db: sqlite3.Connection, path: Path) -> Mapping[str, Any]:
    cursor = db.execute("SELECT * FROM round WHERE id = 1")
    row = cursor.fetchone()
    if row is None:
        raise TinNhiemError("round_file_altered", file=str(path), detail="no round record")
    return dict(zip((column[0] for column in cursor.description), row))


def _head(db: sqlite3.Connection) -> tuple[int, str]:
    row = db.execute("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (row[0], row[1])


def _insert_event(db: sqlite3.Connection, event: Event) -> None:
    db.execute(
        "INSERT INTO event (seq, at, keyer, action, data, hash) VALUES (?, ?, ?, ?, ?, ?)",
        (event.seq, event.at, event.keyer, event.action,
         json.dumps(event.data, ensure_ascii=False, sort_keys=True), event.hash))


def _insert_ballot(db: sqlite3.Connection, form_id: int, source: str, number: int, content: Mapping[str, Any]) -> None:
    cursor = db.execute(
        "INSERT INTO ballot (form_id, pass, number, status, invalid_reason) VALUES (?, ?, ?, ?, ?)",
        (form_id, source, number, content["status"], content["reason"]))
    _insert_marks(db, cursor.lastrowid, content["marks"])


def _insert_marks(db: sqlite3.Connection, ballot_id: int, marks: Mapping[str, str]) -> None:
    if marks:
        db.executemany(
            "INSERT INTO mark (ballot_id, candidate_seq, value) VALUES (?, ?, ?)",
            [(ballot_id, int(order), value) for order, value in marks.items()])


def _insert_setup(db: sqlite3.Connection, setup: RoundSetup, uid: str, created_at: str) -> None:
    from ..core.spec import rule_custom_to_dict

    sql, many = db.execute, db.executemany
    custom = setup.rule_custom
    sql("INSERT INTO round (id, uid, title, year, rule_id, percent_base, decimals, header_style, header_parent,"
        " header_unit, meeting_date, meeting_place, meeting_chair, created_at, entry_mode, rule_custom)"
        " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (uid, setup.title, setup.year, setup.rule_id, setup.percent_base, setup.decimals, setup.header.style.value,
         setup.header.parent, setup.header.unit, setup.meeting.date, setup.meeting.place, setup.meeting.chair,
         created_at, setup.entry_mode.value,
         None if custom is None else json.dumps(rule_custom_to_dict(custom), ensure_ascii=False, sort_keys=True)))
    if setup.team:
        many("INSERT INTO team_member (seq, name, role) VALUES (?, ?, ?)",
            [(i, m.name, m.role) for i, m in enumerate(setup.team, 1)])
    for seq, form in enumerate(setup.forms, 1):
        counts = form.counts
        form_id = sql("INSERT INTO ballot_form (code, seq, title, summoned, present, issued, collected)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?)",
                      (form.code, seq, form.title, counts.summoned, counts.present, counts.issued,
                       counts.collected)).lastrowid
        if form.candidates:
            many("INSERT INTO candidate (form_id, seq, name, position, birth_year, person_key, provincial)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(form_id, c.order, c.name, c.position, c.birth_year, c.person_key, int(c.provincial))
                 for c in form.candidates])


def _migrated_copy(database: Database, target: Path, path: Path) -> Database:
    """A copy of an older file brought to the current schema and checked (SQLite's checks, and
    it reads as a round), opened read-only; the connection to the original is closed."""
    try:
        vacuum_into(database, target)
    finally:
        database.dispose()
    try:
        migrate_file(target, "write")
    except (sqlite3.Error, ValueError) as error:
        raise TinNhiemError("migration_failed", file=str(path), detail=str(error)) from None
    migrated = open_database(target, "read")
    if _round_in(migrated, path) is None:
        raise TinNhiemError("migration_failed", file=str(path), detail="the migrated copy does not check out")
    return migrated


def _migrate_in_place(database: Database, path: Path, version: int) -> Database:
    """Migrate a copy beside the file (`NAME.migrating`), then rename it into place, keeping a
    copy of the file as it was: a kill at any point leaves the file as it was or as it becomes.
    The writer lock is held throughout; the connection to the original is closed."""
    backup_copy(database, path, version)
    work = migrating_path(path)
    _migrated_copy(database, work, path).dispose()
    try:
        replace_durably(work, path)
    except OSError as error:
        raise TinNhiemError("file_not_writable", file=str(path), detail=os_reason(error)) from None
    return open_database(path, "write")


def _settle_sidecars(path: Path, writable: bool) -> tuple[Path | None, tuple[Issue, ...]]:
    """Judge the -wal or -journal beside a round file before SQLite may replay it into the file.

    The sidecars are replayed into a scratch copy, which is kept if SQLite finds it sound, it reads
    as a round and its log extends the file's own (same first event, and the file's head in it),
    or if it is sound and the file alone cannot be read (a checkpoint interrupted). Whether what
    was kept is intact is `verify`'s question, not this one's: a -wal is judged by whose it is. Otherwise the sidecars belong to another database or an
    older copy and are set aside (or, in a write-protected folder, ignored), the file untouched.
    Returns the folder of the recovered copy when it is to be read instead of the file (the
    folder is write-protected); a writer lets SQLite replay the judged sidecars in place.
    """
    folder = Path(tempfile.mkdtemp(prefix="tinnhiem-"))
    keep = False
    try:
        copy = scratch_copy(path, folder)
        recovered = _round_in(open_database(copy, "reader"), path)
        alone = _round_in(open_database(path, "immutable"), path)
        if recovered is not None and (alone is None or _extends(recovered, alone)):
            keep = not writable
            return (folder if keep else None), ()
        if alone is None:
            raise TinNhiemError("round_file_corrupt", file=str(path), detail="the file and its -wal do not agree")
        sidecars = replayed_sidecars(path)
        if not writable:
            return None, tuple(Issue("sidecar_ignored", Severity.WARNING, None,
                                     {"file": str(path), "sidecar": str(sidecar)}) for sidecar in sidecars)
        moved = set_aside(path)
        return None, tuple(Issue("sidecar_set_aside", Severity.WARNING, None,
                                 {"file": str(path), "sidecar": str(sidecar), "set_aside": str(moved[sidecar])})
                           for sidecar in sidecars)
    except OSError as error:
        raise TinNhiemError("file_unreadable", file=str(path), detail=os_reason(error)) from None
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def _round_in(database: Database, path: Path) -> StoredRound | None:
    """The whole round with its log if SQLite finds the file sound and it reads as a round; the
    connection is closed. A read to judge a file, not counted in `RoundRepository.loads`."""
    try:
        if check_integrity(database):
            return None
        with database.snapshot() as db:
            return RoundRepository(path, database, None, True)._load_in(db, True)
    except (sqlite3.Error, TinNhiemError, ValueError, KeyError, TypeError):
        return None
    finally:
        database.dispose()


def _extends(recovered: StoredRound, alone: StoredRound) -> bool:
    """The recovered log continues the file's own: same first event, and the file's head in it."""
    events, own = recovered.events, alone.events
    return bool(own) and bool(events) and events[0].hash == own[0].hash and any(
        (event.seq, event.hash) == alone.head for event in events)


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
