"""The round file's repository: hands out core values, never ORM objects.

Every write is one transaction that also appends its audit event, and is on disk when it returns.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from sqlalchemy import delete
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from ..core.audit import GENESIS, RULE_CHANGED, Event, ballot_state, chain_event, fingerprint, pass_data
from ..core.audit import PRIOR_ACTIONS
from ..core.history import PriorResult
from ..core.issues import TinNhiemError
from ..core.procedure import RECORD_ACTION, ProcedureRecord
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
    RoundSetup,
    TeamMember,
)
from ..core.rules import RuleCustom
from ..core.spec import rule_custom_from_dict, rule_custom_to_dict, rule_to_dict, setup_to_dict
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
from .tables import (
    BallotRow, CandidateRow, EventRow, FormRow, MarkRow, ProcedureRow, ResolutionRow, RoundRow, TeamMemberRow,
)
from .tables import PriorResultRow


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Station:
    """A station's copy of a master round: it keys one pass, within a range of ballot numbers."""

    name: str
    entry_pass: EntryPass
    first: int | None = None
    last: int | None = None

    def allows(self, number: int) -> bool:
        return (self.first is None or number >= self.first) and (self.last is None or number <= self.last)


@dataclass(frozen=True)
class RoundInfo:
    uid: str
    created_at: str
    sealed_at: str | None
    sealed_by: str | None
    seal_reason: str | None
    fingerprint: str | None
    station: Station | None = None

    @property
    def sealed(self) -> bool:
        return self.sealed_at is not None


class RoundRepository:
    def __init__(self, path: Path, engine, lock: WriterLock | None, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._engine = engine
        self._lock = lock
        self._form_ids: dict[str, int] = {}
        self._setup: RoundSetup | None = None
        self._info: RoundInfo | None = None
        self._last_event: Event | None = None
        self._scratch: Path | None = None  # the migrated copy an older file is read through

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
                with Session(engine) as session:
                    cls._insert_setup(session, setup, uid, now())
                    first = chain_event(None, now(), keyer, "round_created", {"setup": setup_to_dict(setup)})
                    session.add(_event_row(first))
                    session.commit()
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
    def open(cls, path: Path, *, read_only: bool = False) -> RoundRepository:
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
            return cls._open(path, lock, mode, read_only)
        except BaseException:
            if lock:
                lock.release()
            raise

    @classmethod
    def _open(cls, path: Path, lock: WriterLock | None, mode: str, read_only: bool) -> RoundRepository:
        header = read_header(path)
        engine = make_engine(path, mode)
        scratch = None
        try:
            if header.user_version < SCHEMA_VERSION:
                if read_only:  # an archived file is read through a migrated copy, never touched
                    scratch = Path(tempfile.mkdtemp(prefix="tinnhiem-"))
                    engine = _migrated_copy(engine, scratch / path.name)
                else:
                    backup_copy(engine, path, header.user_version)
                    migrate(engine)
            repo = cls(path, engine, lock, read_only)
            repo._scratch = scratch
            repo._load()
            if not read_only:
                enable_wal(engine)
            return repo
        except DBAPIError as error:
            engine.dispose()
            raise TinNhiemError("round_file_corrupt", file=str(path), detail=str(error.orig)) from None
        except (ValueError, KeyError, TypeError) as error:  # a value no version of ours writes
            engine.dispose()
            raise TinNhiemError("round_file_corrupt", file=str(path), detail=str(error)) from None
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

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """A session whose reads all see one state of the file, even beside a writer."""
        with Session(self._engine) as session:
            session.connection().exec_driver_sql("BEGIN")
            try:
                yield session
            finally:
                session.rollback()

    def _load(self) -> None:
        with self._reading() as session:
            self._load_in(session)

    def _load_in(self, session: Session) -> None:
        row = session.get(RoundRow, 1)
        if row is None:
            raise TinNhiemError("round_file_corrupt", file=str(self.path), detail="no round record")
        team = tuple(
            TeamMember(m.name, m.role)
            for m in session.exec(select(TeamMemberRow).order_by(TeamMemberRow.seq))
        )
        forms = []
        form_ids = {}
        for form in session.exec(select(FormRow).order_by(FormRow.seq)).all():
            form_ids[form.code] = form.id
            candidates = tuple(
                Candidate(c.seq, c.name, c.position, c.birth_year, c.person_key, bool(c.provincial))
                for c in session.exec(
                    select(CandidateRow).where(CandidateRow.form_id == form.id).order_by(CandidateRow.seq)
                )
            )
            counts = Counts(form.summoned, form.present, form.issued, form.collected)
            forms.append(BallotForm(form.code, form.title, counts, candidates))
        self._setup = RoundSetup(
            title=row.title,
            year=row.year,
            rule_id=row.rule_id,
            header=Header(HeaderStyle(row.header_style), row.header_parent, row.header_unit),
            meeting=Meeting(row.meeting_date, row.meeting_place, row.meeting_chair),
            team=team,
            forms=tuple(forms),
            percent_base=row.percent_base,
            decimals=row.decimals,
            entry_mode=EntryMode(row.entry_mode),
            rule_custom=self._rule_custom(row),
        )
        station = None
        if row.station_name is not None:
            station = Station(row.station_name, EntryPass(row.station_pass), row.station_first, row.station_last)
        self._info = RoundInfo(
            row.uid, row.created_at, row.sealed_at, row.sealed_by, row.seal_reason, row.fingerprint, station
        )
        last = session.exec(select(EventRow).order_by(EventRow.seq.desc()).limit(1)).first()
        self._last_event = _event(last) if last else None
        self._form_ids = form_ids

    def _rule_custom(self, row: RoundRow) -> RuleCustom | None:
        if row.rule_custom is None:
            return None
        try:
            return rule_custom_from_dict(json.loads(row.rule_custom), row.rule_id, str(self.path))
        except TinNhiemError as error:  # a value no version of ours writes
            raise ValueError(f"rule_custom: {error.code}") from None

    def setup(self) -> RoundSetup:
        return self._setup

    def info(self) -> RoundInfo:
        return self._info

    def log_head(self) -> str:
        return self._last_event.hash if self._last_event else GENESIS

    def snapshot(self, with_events: bool = False) -> Snapshot:
        """Ballots of every pass, resolutions (and the log) as of one moment, the setup reloaded
        with them: what a reader beside a writer elsewhere needs."""
        with self._reading() as session:
            self._load_in(session)
            events = self._events_in(session) if with_events else []
            return Snapshot(self._ballots_in(session, None), self._resolutions_in(session), events)

    def ballots(self, form: str | None = None) -> list[Ballot]:
        """Ballots of every pass in form order, then by pass and number."""
        with self._reading() as session:
            return self._ballots_in(session, form)

    def resolutions(self) -> dict[tuple[str, int], str]:
        """How each resolved difference of a double-entry round was settled: A, B or R."""
        with self._reading() as session:
            return self._resolutions_in(session)

    def _resolutions_in(self, session: Session) -> dict[tuple[str, int], str]:
        codes = {form_id: code for code, form_id in self._form_ids.items()}
        rows = session.exec(select(ResolutionRow.form_id, ResolutionRow.number, ResolutionRow.choice))
        return {(codes[form_id], number): choice for form_id, number, choice in rows}

    def _ballots_in(self, session: Session, form: str | None) -> list[Ballot]:
        codes = {form_id: code for code, form_id in self._form_ids.items()}
        query = select(BallotRow.id, BallotRow.form_id, BallotRow.number, BallotRow.status, BallotRow.invalid_reason,
                       BallotRow.entry_pass)
        marks_query = select(MarkRow.ballot_id, MarkRow.candidate_seq, MarkRow.value)
        if form is not None:
            form_id = self._form_id(form)
            query = query.where(BallotRow.form_id == form_id)
            marks_query = marks_query.join(BallotRow, BallotRow.id == MarkRow.ballot_id).where(
                BallotRow.form_id == form_id
            )
        rows = session.exec(query).all()
        marks: dict[int, dict[int, Mark]] = {}
        for ballot_id, seq, value in session.exec(marks_query):
            marks.setdefault(ballot_id, {})[seq] = Mark(value)
        order = {code: i for i, code in enumerate(f.code for f in self._setup.forms)}
        ballots = [
            Ballot(codes[form_id], number, BallotStatus(status), marks.get(ballot_id, {}), reason, entry_pass)
            for ballot_id, form_id, number, status, reason, entry_pass in rows
        ]
        ballots.sort(key=lambda b: (order[b.form], b.entry_pass.value, b.number))
        return ballots

    def events(self, first: int | None = None) -> list[Event]:
        """The log, oldest first; only its `first` events when given."""
        with self._reading() as session:
            if first is None:
                return self._events_in(session)
            query = select(EventRow).order_by(EventRow.seq).limit(first)
            return [_event(row) for row in session.exec(query)]

    def _events_in(self, session: Session) -> list[Event]:
        return [_event(row) for row in session.exec(select(EventRow).order_by(EventRow.seq))]

    def current_log_head(self) -> str:
        """The newest event's hash as the file has it now (a reader polls this for changes)."""
        with self._reading() as session:
            last = session.exec(select(EventRow.hash).order_by(EventRow.seq.desc()).limit(1)).first()
        return last or GENESIS

    def marks_before_invalidation(self, form: str, number: int, entry_pass: EntryPass = EntryPass.A) -> dict[int, Mark]:
        """The marks a ballot had when it was last made invalid, from the audit log."""
        with self._reading() as session:
            row = session.connection().exec_driver_sql(
                "SELECT data FROM event WHERE action = 'ballot_status_set'"
                " AND json_extract(data, '$.form') = ? AND json_extract(data, '$.ballot') = ?"
                " AND coalesce(json_extract(data, '$.pass'), 'A') = ?"
                " AND json_extract(data, '$.new.status') = 'invalid' ORDER BY seq DESC LIMIT 1",
                (form, number, EntryPass(entry_pass).value),
            ).first()
        if row is None:
            return {}
        return {int(order): Mark(mark) for order, mark in json.loads(row[0])["old"]["marks"].items()}

    def copy_to(self, target: Path) -> Path:
        return vacuum_into(self._engine, target)

    def integrity_problems(self) -> list[str]:
        return check_integrity(self._engine)

    # -- writing ---------------------------------------------------------------------------

    def add_ballots(
        self,
        ballots: Iterable[Ballot],
        keyer: str,
        *,
        origin: Mapping[str, object] | None = None,
        keyed_by: Mapping[tuple[str, str, int], str] | None = None,
    ) -> None:
        """Add ballots in one transaction: all of them or none.

        `origin` is recorded in each event (a station import names the station), and `keyed_by`
        the keyer who keyed a ballot elsewhere, so that per-keyer figures stay true.
        """
        with self._transaction(keyer) as (session, log):
            self._add_in(session, log, ballots, keyer, origin, keyed_by)

    def import_station(
        self,
        ballots: Iterable[Ballot],
        keyer: str,
        summary: Mapping[str, object],
        keyed_by: Mapping[tuple[str, str, int], str],
    ) -> None:
        """A station's new ballots and the import's summary event, in one transaction."""
        with self._transaction(keyer) as (session, log):
            self._add_in(session, log, ballots, keyer, {"station": summary["station"]}, keyed_by)
            log("station_imported", dict(summary))

    def _add_in(self, session: Session, log, ballots: Iterable[Ballot], keyer: str,
                origin: Mapping[str, object] | None, keyed_by: Mapping[tuple[str, str, int], str] | None) -> None:
        for ballot in ballots:
            self._insert_ballot(session, ballot)
            data = {"form": ballot.form, "ballot": ballot.number, **pass_data(ballot.entry_pass),
                    "new": ballot_state(ballot), **(origin or {})}
            author = (keyed_by or {}).get((ballot.form, ballot.entry_pass.value, ballot.number))
            if author is not None and author != keyer:
                data["keyed_by"] = author
            log("ballot_added", data)

    def _insert_ballot(self, session: Session, ballot: Ballot) -> None:
        row = BallotRow(
            form_id=self._form_id(ballot.form),
            entry_pass=ballot.entry_pass.value,
            number=ballot.number,
            status=ballot.status.value,
            invalid_reason=ballot.invalid_reason,
        )
        session.add(row)
        session.flush()
        session.add_all(
            MarkRow(ballot_id=row.id, candidate_seq=order, value=mark.value) for order, mark in ballot.marks.items()
        )

    def set_marks(
        self, form: str, number: int, marks: dict[int, Mark | None], keyer: str, entry_pass: EntryPass = EntryPass.A
    ) -> None:
        """Set (or with None, clear) candidates' marks on one ballot, one event per cell."""
        with self._transaction(keyer) as (session, log):
            row = self._existing_ballot_row(session, form, number, entry_pass)
            for order, mark in marks.items():
                current = session.get(MarkRow, (row.id, order))
                old = current.value if current else None
                if mark is None:
                    if current is not None:
                        session.delete(current)
                elif current is None:
                    session.add(MarkRow(ballot_id=row.id, candidate_seq=order, value=mark.value))
                else:
                    current.value = mark.value
                new = None if mark is None else mark.value
                log("mark_set", {"form": form, "ballot": number, **pass_data(entry_pass), "candidate": order,
                                 "old": old, "new": new})

    def set_ballot_status(self, ballot: Ballot, keyer: str) -> Ballot:
        """Make a ballot valid or invalid, replacing its marks with the given ballot's."""
        with self._transaction(keyer) as (session, log):
            row = self._existing_ballot_row(session, ballot.form, ballot.number, ballot.entry_pass)
            old = self._ballot(session, ballot.form, row)
            row.status, row.invalid_reason = ballot.status.value, ballot.invalid_reason
            session.add(row)
            session.exec(delete(MarkRow).where(MarkRow.ballot_id == row.id))
            session.add_all(
                MarkRow(ballot_id=row.id, candidate_seq=order, value=mark.value)
                for order, mark in ballot.marks.items()
            )
            log("ballot_status_set", {"form": ballot.form, "ballot": ballot.number, **pass_data(ballot.entry_pass),
                                      "old": ballot_state(old), "new": ballot_state(ballot)})
            return ballot

    def remove_ballot(self, form: str, number: int, keyer: str, entry_pass: EntryPass = EntryPass.A) -> Ballot:
        """Remove a ballot and its marks; returns what was removed."""
        with self._transaction(keyer) as (session, log):
            row = self._existing_ballot_row(session, form, number, entry_pass)
            removed = self._ballot(session, form, row)
            session.exec(delete(MarkRow).where(MarkRow.ballot_id == row.id))
            session.delete(row)
            log("ballot_removed", {"form": form, "ballot": number, **pass_data(entry_pass),
                                   "old": ballot_state(removed)})
            return removed

    def resolve(self, form: str, number: int, choice: str, keyed: Ballot | None, keyer: str) -> None:
        """Settle a difference between passes A and B: take A, take B, or the ballot keyed again
        (`keyed`, stored as pass R). A later resolution of the same number replaces the earlier."""
        with self._transaction(keyer) as (session, log):
            form_id = self._form_id(form)
            current = session.get(ResolutionRow, (form_id, number))
            old_choice = current.choice if current else None
            old_keyed = self._ballot_row(session, form, number, EntryPass.R)
            if old_keyed is not None:
                session.exec(delete(MarkRow).where(MarkRow.ballot_id == old_keyed.id))
                session.delete(old_keyed)
                session.flush()
            if keyed is not None:
                self._insert_ballot(session, replace(keyed, entry_pass=EntryPass.R))
            if current is None:
                current = ResolutionRow(form_id=form_id, number=number, choice=choice, resolved_by=keyer,
                                        resolved_at=now())
            current.choice, current.resolved_by, current.resolved_at = choice, keyer, now()
            session.add(current)
            log("difference_resolved", {"form": form, "ballot": number, "choice": choice, "old_choice": old_choice,
                                        "keyed": None if keyed is None else ballot_state(keyed)})

    def make_station(self, station: Station, keyer: str) -> None:
        """Turn this file (a fresh copy of a master round) into a station's copy."""
        with self._transaction(keyer) as (session, log):
            row = session.get(RoundRow, 1)
            row.station_name, row.station_pass = station.name, station.entry_pass.value
            row.station_first, row.station_last = station.first, station.last
            session.add(row)
            log("station_made", {"name": station.name, "pass": station.entry_pass.value,
                                 "first": station.first, "last": station.last})
        self._load()



    def replace_setup(self, setup: RoundSetup, keyer: str) -> None:
        """Replace the whole setup; only while no ballot is keyed (the service checks)."""
        with self._transaction(keyer) as (session, log):
            for table in (CandidateRow, FormRow, TeamMemberRow):
                session.exec(delete(table))
            row = session.get(RoundRow, 1)
            session.delete(row)
            session.flush()
            self._insert_setup(session, setup, row.uid, row.created_at)
            log("setup_replaced", {"setup": setup_to_dict(setup)})
        self._load()

    def change_rule(self, setup: RoundSetup, keyer: str) -> None:
        """Put the rule of `setup` in force (the service checks it may change), logged with the old."""
        with self._transaction(keyer) as (session, log):
            row = session.get(RoundRow, 1)
            _set_rule(row, setup)
            session.add(row)
            log(RULE_CHANGED, {"old": rule_to_dict(self._setup), "new": rule_to_dict(setup)})
        self._load()

    def seal(self, by: str, reason: str, problems: list[str], keyer: str) -> RoundInfo:
        """Append the seal event, then fingerprint the round with it as the log's head."""
        at = now()
        with self._transaction(keyer) as (session, log):
            log("round_sealed", {"by": by, "reason": reason, "problems": problems, "at": at})
            session.flush()
            ballots = self._ballots_in(session, None)
            head = session.exec(select(EventRow.hash).order_by(EventRow.seq.desc()).limit(1)).first()
            row = session.get(RoundRow, 1)
            row.sealed_at, row.sealed_by, row.seal_reason = at, by, reason or None
            row.fingerprint = fingerprint(self._setup, ballots, head, self._resolutions_in(session))
            session.add(row)
        self._load()
        return self._info

    def log_correction(self, source_fingerprint: str, source_file: str, reason: str, keyer: str) -> None:
        with self._transaction(keyer) as (_session, log):
            log("correction_of", {"fingerprint": source_fingerprint, "file": source_file, "reason": reason})

    def set_counts(self, form: str, counts: Counts, keyer: str) -> Counts:
        """Change a form's counts; returns the counts they replaced."""
        with self._transaction(keyer) as (session, log):
            row = session.get(FormRow, self._form_id(form))
            old = Counts(row.summoned, row.present, row.issued, row.collected)
            row.summoned, row.present, row.issued, row.collected = (
                counts.summoned, counts.present, counts.issued, counts.collected,
            )
            session.add(row)
            log("counts_set", {"form": form, "old": old.as_dict(), "new": counts.as_dict()})
        forms = tuple(replace(f, counts=counts) if f.code == form else f for f in self._setup.forms)
        self._setup = replace(self._setup, forms=forms)
        return old

    # -- helpers ---------------------------------------------------------------------------

    def check_writable(self) -> None:
        """Refuse a change to a file opened read-only or already sealed, saying which."""
        if self.read_only:
            raise TinNhiemError("round_read_only", file=str(self.path))
        if self._info.sealed:
            raise TinNhiemError("round_sealed", file=str(self.path), sealed_at=self._info.sealed_at)

    @contextmanager
    def _transaction(self, keyer: str) -> Iterator[tuple[Session, object]]:
        """One transaction with its audit events; the in-memory log head moves only on commit."""
        self.check_writable()
        appended: list[Event] = []

        def log(action: str, data: dict) -> None:
            prev = appended[-1] if appended else self._last_event
            event = chain_event(prev, now(), keyer, action, data)
            appended.append(event)
            session.add(_event_row(event))

        try:
            with Session(self._engine) as session:
                yield session, log
                session.commit()
        except DBAPIError as error:
            raise TinNhiemError("write_failed", file=str(self.path), detail=str(error.orig)) from None
        if appended:
            self._last_event = appended[-1]

    def _form_id(self, form: str) -> int:
        try:
            return self._form_ids[form]
        except KeyError:
            raise TinNhiemError("unknown_form", form=form, known=sorted(self._form_ids)) from None

    def _ballot_row(self, session: Session, form: str, number: int, entry_pass: EntryPass) -> BallotRow | None:
        query = select(BallotRow).where(
            BallotRow.form_id == self._form_id(form),
            BallotRow.entry_pass == EntryPass(entry_pass).value,
            BallotRow.number == number,
        )
        return session.exec(query).first()

    def _existing_ballot_row(self, session: Session, form: str, number: int, entry_pass: EntryPass) -> BallotRow:
        row = self._ballot_row(session, form, number, entry_pass)
        if row is None:
            raise TinNhiemError("ballot_not_found", form=form, ballot=number)
        return row

    def _ballot(self, session: Session, form: str, row: BallotRow) -> Ballot:
        marks = {
            seq: Mark(value)
            for seq, value in session.exec(
                select(MarkRow.candidate_seq, MarkRow.value).where(MarkRow.ballot_id == row.id)
            )
        }
        return Ballot(form, row.number, BallotStatus(row.status), marks, row.invalid_reason, row.entry_pass)

    @staticmethod
    def _insert_setup(session: Session, setup: RoundSetup, uid: str, created_at: str) -> None:
        row = RoundRow(
            uid=uid,
            title=setup.title,
            year=setup.year,
            rule_id=setup.rule_id,
            header_style=setup.header.style.value,
            header_parent=setup.header.parent,
            header_unit=setup.header.unit,
            meeting_date=setup.meeting.date,
            meeting_place=setup.meeting.place,
            meeting_chair=setup.meeting.chair,
            created_at=created_at,
            entry_mode=setup.entry_mode.value,
        )
        _set_rule(row, setup)
        session.add(row)
        session.add_all(TeamMemberRow(seq=i, name=m.name, role=m.role) for i, m in enumerate(setup.team, 1))
        for seq, form in enumerate(setup.forms, 1):
            row = FormRow(code=form.code, seq=seq, title=form.title, **form.counts.as_dict())
            session.add(row)
            session.flush()
            session.add_all(
                CandidateRow(
                    form_id=row.id,
                    seq=c.order,
                    name=c.name,
                    position=c.position,
                    birth_year=c.birth_year,
                    person_key=c.person_key,
                    provincial=c.provincial,
                )
                for c in form.candidates
            )


    # -- earlier years' results ------------------------------------------------------------

    def prior_results(self) -> list[PriorResult]:
        """Every earlier-year result the round holds, by year then person key."""
        with self._reading() as session:
            rows = session.exec(select(PriorResultRow).order_by(PriorResultRow.year, PriorResultRow.person_key))
            return [_prior(row) for row in rows]

    def save_prior_results(self, priors: Iterable[PriorResult], keyer: str) -> None:
        """Store earlier-year results (one per person key and year, replacing the one stored), in
        one transaction, each logged with what it replaced."""
        with self._transaction(keyer) as (session, log):
            for prior in priors:
                row = self._prior_row(session, prior.person_key, prior.year)
                old = None if row is None else _prior(row).as_data()
                if row is None:
                    row = PriorResultRow(person_key=prior.person_key, year=prior.year, name=prior.name, thap=0, base=0)
                for name, value in prior.as_data().items():
                    setattr(row, name, value)
                session.add(row)
                log("prior_result_set", {"prior": prior.as_data(), "old": old})

    def remove_prior_result(self, person_key: str, year: int, keyer: str) -> PriorResult:
        with self._transaction(keyer) as (session, log):
            row = self._prior_row(session, person_key, year)
            if row is None:
                raise TinNhiemError("prior_not_found", person_key=person_key, year=year)
            removed = _prior(row)
            session.delete(row)
            log("prior_result_removed", {"person_key": person_key, "year": year, "old": removed.as_data()})
            return removed

    def prior_results_and_events(self) -> tuple[list[PriorResult], list[Event]]:
        """The stored earlier-year results and the log's events about them, as of one moment."""
        with self._reading() as session:
            rows = session.exec(select(PriorResultRow).order_by(PriorResultRow.year, PriorResultRow.person_key))
            priors = [_prior(row) for row in rows]
            query = select(EventRow).where(EventRow.action.in_(PRIOR_ACTIONS)).order_by(EventRow.seq)
            return priors, [_event(row) for row in session.exec(query)]

    @staticmethod
    def _prior_row(session: Session, person_key: str, year: int) -> PriorResultRow | None:
        query = select(PriorResultRow).where(PriorResultRow.person_key == person_key, PriorResultRow.year == year)
        return session.exec(query).first()

    # -- the procedure around the count ----------------------------------------------------

    def procedure_records(self) -> dict[str, ProcedureRecord]:
        with self._reading() as session:
            return {
                row.key: ProcedureRecord(row.key, json.loads(row.data), row.at, row.by)
                for row in session.exec(select(ProcedureRow))
            }

    def record_procedure(self, key: str, data: Mapping[str, object] | None, keyer: str) -> None:
        """Record (or with None, clear) a step before sealing, logged with its old and new data."""
        with self._transaction(keyer) as (session, log):
            row = session.get(ProcedureRow, key)
            old = json.loads(row.data) if row else None
            new = None if data is None else json.loads(json.dumps(data, ensure_ascii=False))
            if new is None:
                if row is not None:
                    session.delete(row)
            else:
                if row is None:
                    row = ProcedureRow(key=key, data="", at="", by="")
                row.data, row.at, row.by = json.dumps(new, ensure_ascii=False, sort_keys=True), now(), keyer
                session.add(row)
            log(RECORD_ACTION, {"key": key, "old": old, "new": new})

    def record_after_seal(self, key: str, data: Mapping[str, object], keyer: str) -> None:
        """A record of what follows the seal (the hand-over): beside the sealed round, never in it.

        No event is appended (the log ends at the seal and the fingerprint covers its head); the
        record names the fingerprint it belongs to, and keeps the data it replaces.
        """
        if self.read_only:
            raise TinNhiemError("round_read_only", file=str(self.path))
        if not self._info.sealed:
            raise TinNhiemError("procedure_needs_seal", file=str(self.path))
        try:
            with Session(self._engine) as session:
                row = session.get(ProcedureRow, key)
                earlier = []
                if row is not None:
                    old = json.loads(row.data)
                    earlier = [*old.pop("earlier", []), {**old, "at": row.at, "by": row.by}]
                else:
                    row = ProcedureRow(key=key, data="", at="", by="")
                stored = {**data, "fingerprint": self._info.fingerprint, "earlier": earlier}
                row.data, row.at, row.by = json.dumps(stored, ensure_ascii=False, sort_keys=True), now(), keyer
                session.add(row)
                session.commit()
        except DBAPIError as error:
            raise TinNhiemError("write_failed", file=str(self.path), detail=str(error.orig)) from None


@dataclass(frozen=True)
class Snapshot:
    ballots: list[Ballot]
    resolutions: dict[tuple[str, int], str]
    events: list[Event]


def _set_rule(row: RoundRow, setup: RoundSetup) -> None:
    row.rule_id, row.percent_base, row.decimals = setup.rule_id, setup.percent_base, setup.decimals
    custom = setup.rule_custom
    row.rule_custom = None if custom is None else json.dumps(rule_custom_to_dict(custom), ensure_ascii=False,
                                                              sort_keys=True)


def _event_row(event: Event) -> EventRow:
    return EventRow(
        seq=event.seq,
        at=event.at,
        keyer=event.keyer,
        action=event.action,
        data=json.dumps(event.data, ensure_ascii=False, sort_keys=True),
        hash=event.hash,
    )


def _event(row: EventRow) -> Event:
    return Event(row.seq, row.at, row.keyer, row.action, json.loads(row.data), row.hash)


def _prior(row: PriorResultRow) -> PriorResult:
    return PriorResult(
        person_key=row.person_key, year=row.year, name=row.name, thap=row.thap, base=row.base,
        position=row.position, cao=row.cao, tin_nhiem=row.tin_nhiem, by_hand=bool(row.by_hand),
        source=row.source, source_fingerprint=row.source_fingerprint,
    )


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


def _remove_quietly(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass
