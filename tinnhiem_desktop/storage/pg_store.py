"""A round kept on a PostgreSQL server, shared by the keying PCs of one meeting (`core.store.RoundStore`).

The server holds, for each round, one schema with the round file's tables (the SQLite schema
adapted: booleans as integers, serial ids). Every write runs in one transaction that first takes
the round's advisory lock, reads the log head, chains the new events from it, lets the service
check them against the round as it now stands (events other PCs appended are folded in first),
inserts and projects them, and commits: two PCs never fork the chain, and a keystroke is
acknowledged only when the server has committed it. Each event's keyer names the keyer, the
database role the PC connected as, and the PC's host name.

A round is addressed as `postgresql://ROLE[:SECRET]@HOST[:PORT]/DATABASE/ROUND` (ROUND: letters,
digits, `_`; by default `dot`). Sealing writes the whole log to a `.tinnhiem` round file (sealed
there) and appends the same seal event on the server, which is read-only from then on.
"""

from __future__ import annotations

import json
import re
import socket
import sqlite3
import zlib
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import urlsplit, urlunsplit

from ..core.events import UNPROJECTED, Draft, Event, event_hash
from ..core.issues import TinNhiemError
from ..core.state import GENESIS
from ..core.store import StoredRound

SCHEMES = ("postgresql://", "postgres://")

SCHEMA_SQL = """
CREATE TABLE round (
    id INTEGER PRIMARY KEY CHECK (id = 1), uid TEXT NOT NULL, title TEXT NOT NULL, year INTEGER NOT NULL,
    rule_id TEXT NOT NULL, percent_base TEXT, decimals INTEGER, header_style TEXT NOT NULL,
    header_parent TEXT NOT NULL, header_unit TEXT NOT NULL, meeting_date TEXT NOT NULL,
    meeting_place TEXT NOT NULL, meeting_chair TEXT NOT NULL, created_at TEXT NOT NULL, sealed_at TEXT,
    sealed_by TEXT, seal_reason TEXT, fingerprint TEXT, entry_mode TEXT NOT NULL DEFAULT 'single',
    station_name TEXT, station_pass TEXT, station_first INTEGER, station_last INTEGER, rule_custom TEXT,
    sealed_file TEXT);
CREATE TABLE team_member (id SERIAL PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL);
CREATE TABLE ballot_form (id SERIAL PRIMARY KEY, code TEXT NOT NULL UNIQUE, seq INTEGER NOT NULL,
    title TEXT NOT NULL, summoned INTEGER NOT NULL, present INTEGER NOT NULL, issued INTEGER NOT NULL,
    collected INTEGER NOT NULL);
CREATE TABLE candidate (id SERIAL PRIMARY KEY, form_id INTEGER NOT NULL REFERENCES ballot_form(id),
    seq INTEGER NOT NULL, name TEXT NOT NULL, position TEXT NOT NULL, birth_year INTEGER, person_key TEXT,
    provincial INTEGER NOT NULL DEFAULT 0, UNIQUE (form_id, seq));
CREATE TABLE ballot (id SERIAL PRIMARY KEY, form_id INTEGER NOT NULL REFERENCES ballot_form(id),
    pass TEXT NOT NULL DEFAULT 'A', number INTEGER NOT NULL CHECK (number >= 1),
    status TEXT NOT NULL CHECK (status IN ('valid', 'invalid')), invalid_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (form_id, pass, number));
CREATE TABLE mark (ballot_id INTEGER NOT NULL REFERENCES ballot(id) ON DELETE CASCADE,
    candidate_seq INTEGER NOT NULL, value TEXT NOT NULL CHECK (value IN ('cao', 'tin_nhiem', 'thap', 'none', 'multi')),
    PRIMARY KEY (ballot_id, candidate_seq));
CREATE TABLE event (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, keyer TEXT NOT NULL, action TEXT NOT NULL,
    data TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE resolution (form_id INTEGER NOT NULL REFERENCES ballot_form(id), number INTEGER NOT NULL,
    choice TEXT NOT NULL CHECK (choice IN ('A', 'B', 'R')), resolved_by TEXT NOT NULL, resolved_at TEXT NOT NULL,
    PRIMARY KEY (form_id, number));
CREATE TABLE prior_result (id SERIAL PRIMARY KEY, person_key TEXT NOT NULL, year INTEGER NOT NULL,
    name TEXT NOT NULL, position TEXT NOT NULL DEFAULT '', cao INTEGER, tin_nhiem INTEGER, thap INTEGER NOT NULL,
    base INTEGER NOT NULL, by_hand INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL DEFAULT '',
    source_fingerprint TEXT, UNIQUE (person_key, year));
CREATE TABLE procedure_record (key TEXT PRIMARY KEY, data TEXT NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL);
"""

_ROUND_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
_RETURNING = re.compile(r"^\s*INSERT INTO (ballot|ballot_form) ", re.IGNORECASE)


def is_server_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(SCHEMES)


def split_url(url: str) -> tuple[str, str, str]:
    """(connection URL, round name, URL shown to users without the secret)."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > 2 or not segments:
        raise TinNhiemError("server_url_invalid", url=_shown(url))
    name = segments[1].lower() if len(segments) == 2 else "dot"
    if not _ROUND_NAME.match(name):
        raise TinNhiemError("server_url_invalid", url=_shown(url))
    connect = urlunsplit((parts.scheme, parts.netloc, "/" + segments[0], parts.query, ""))
    return connect, name, _shown(url)


def _shown(url: str) -> str:
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, host = netloc.rsplit("@", 1)
        netloc = f"{user.split(':', 1)[0]}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class ServerAddress(str):
    """A server round's URL (without its secret) where a round file's path would be shown."""

    @property
    def name(self) -> str:
        return self.rsplit("/", 1)[-1]

    stem = name
    suffix = ""

    @property
    def parent(self) -> Path:
        """Where what is saved from a server round goes by default: the user's home folder."""
        return Path.home()

    def with_name(self, name: str) -> Path:
        return self.parent / name


def _psycopg():
    try:
        import psycopg
    except ImportError:  # the server extra not installed
        raise TinNhiemError("server_driver_missing") from None
    return psycopg


class _Db:
    """The psycopg connection seen through the sqlite3 calls the SQLite store's projection makes."""

    def __init__(self, connection) -> None:
        self.connection = connection

    def execute(self, query: str, params: Sequence[Any] = ()):
        query = query.replace("?", "%s")
        returning = bool(_RETURNING.match(query)) and "RETURNING" not in query
        if returning:
            query += " RETURNING id"
        cursor = self.connection.execute(query, [_value(p) for p in params] if params else None)
        if returning:
            return _Inserted(cursor.fetchone()[0])
        return cursor

    def executemany(self, query: str, rows):
        with self.connection.cursor() as cursor:
            cursor.executemany(query.replace("?", "%s"), [[_value(p) for p in row] for row in rows])


class _Inserted:
    """What an INSERT gives back: the new row's id, as sqlite3's cursor has it."""

    def __init__(self, lastrowid: int) -> None:
        self.lastrowid = lastrowid


def _value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _pc() -> str:
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


class ServerRoundStore:
    """One round on a PostgreSQL server, open for keying (or only reading)."""

    shared = True  # other PCs write to it too: the service catches up before and after each write
    warnings = ()

    def __init__(self, url: str, *, read_only: bool = False, connect_timeout: int = 5) -> None:
        self.url, self.round_name, self.shown = split_url(url)
        self.path = ServerAddress(self.shown)  # what messages and titles name; never opened as a file
        self.location = url
        self.read_only = read_only
        self._timeout = connect_timeout
        self._connection = None
        self._lock_key = zlib.crc32(self.round_name.encode()) & 0x7FFFFFFF
        self._sealed_at: str | None = None
        self._form_ids: dict[str, int] = {}
        self.pc = _pc()
        self.role = ""
        self._connect()
        if not self._exists():
            self.close()
            raise TinNhiemError("server_round_missing", url=self.shown, round=self.round_name)

    # -- the connection --------------------------------------------------------------------

    def _connect(self):
        psycopg = _psycopg()
        try:
            self._connection = psycopg.connect(self.url, connect_timeout=self._timeout, autocommit=True,
                                               application_name=f"tinnhiem {self.pc}"[:60])
            self._connection.execute(f"SET search_path TO {self.round_name}")
            self.role = self._connection.execute("SELECT current_user").fetchone()[0]
        except psycopg.Error as error:
            self._connection = None
            raise TinNhiemError("server_unreachable", url=self.shown, detail=_first_line(error)) from None
        return self._connection

    def _live(self):
        """The connection, made again when the server dropped it (a lost connection is reported
        by the call that found it lost; the next call tries again)."""
        connection = self._connection
        if connection is None or connection.closed or connection.broken:
            connection = self._connect()
        return connection

    def _exists(self) -> bool:
        row = self._connection.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = %s AND table_name = 'event'",
            [self.round_name]).fetchone()
        return row is not None

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:
                pass
            self._connection = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _run(self, work: Callable[[_Db], Any], *, write: bool = False, code: str = "server_unreachable"):
        """`work` in one transaction (the round's lock first when it writes); a failure of the
        server or of the connection is a coded error and nothing of `work` stays."""
        psycopg = _psycopg()
        connection = self._live()
        try:
            with connection.transaction():
                if write:
                    connection.execute("SELECT pg_advisory_xact_lock(%s)", [self._lock_key])
                return work(_Db(connection))
        except psycopg.OperationalError as error:
            self.close()
            raise TinNhiemError("server_connection_lost", url=self.shown, detail=_first_line(error)) from None
        except psycopg.Error as error:
            raise TinNhiemError(code if code != "server_unreachable" else "server_write_failed",
                                url=self.shown, detail=_first_line(error)) from None

    # -- reading ---------------------------------------------------------------------------

    def load(self, *, with_events: bool = False) -> StoredRound:
        from .repository import RoundRepository

        def read(db: _Db) -> StoredRound:
            db.connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            reader = RoundRepository.__new__(RoundRepository)
            reader.path = self.path
            stored = reader._load_in(db, with_events)
            self._form_ids = reader._form_ids
            return stored

        try:
            stored = self._run(read)
        except (ValueError, KeyError, TypeError) as error:
            raise TinNhiemError("round_file_altered", file=self.shown, detail=str(error)) from None
        self._sealed_at = stored.info.sealed_at
        return stored

    def events(self, after: int = 0, first: int | None = None) -> list[Event]:
        from .repository import RoundRepository

        return self._run(lambda db: RoundRepository._events_in(db, after, first))

    def head(self) -> tuple[int, str]:
        return self._run(_head)

    def after_seal_chain(self) -> list[str]:
        from .repository import after_seal_versions

        versions = [v for v, _, _ in self._run(after_seal_versions).values()]
        return [v["hash"] for v in sorted(versions, key=lambda v: v["seq"]) if "seq" in v and "hash" in v]

    def integrity_problems(self) -> list[str]:
        return []

    def sealed_file(self) -> str | None:
        return self._run(lambda db: db.execute("SELECT sealed_file FROM round WHERE id = 1").fetchone()[0])

    # -- writing ---------------------------------------------------------------------------

    def keyer_name(self, keyer: str) -> str:
        """How the log names who keyed: the keyer, the database role and the PC."""
        return f"{keyer} [{self.role}@{self.pc}]"

    def check_writable(self) -> None:
        if self.read_only:
            raise TinNhiemError("round_read_only", file=self.shown)
        if self._sealed_at is not None:
            raise TinNhiemError("round_sealed", file=self.shown, sealed_at=self._sealed_at)

    def append(self, drafts: Sequence[Draft], keyer: str, *, fingerprint=None, since: int | None = None,
               admit: Callable[[list[Event], list[Event]], None] | None = None) -> list[Event]:
        """Under the round's lock: the events after `since` (other PCs'), then the drafts chained
        from the head, handed to `admit` (which may refuse them), inserted and projected; all
        committed, or nothing. Returns the events appended."""
        if fingerprint is not None:
            raise TinNhiemError("server_seal_to_file", url=self.shown)
        self.check_writable()
        from .repository import RoundRepository, now

        keyer = self.keyer_name(keyer)

        def write(db: _Db) -> list[Event]:
            sealed = db.execute("SELECT sealed_at FROM round WHERE id = 1").fetchone()[0]
            if sealed is not None:
                self._sealed_at = sealed
                raise TinNhiemError("round_sealed", file=self.shown, sealed_at=sealed)
            seq, digest = _head(db)
            newer = RoundRepository._events_in(db, since) if since is not None and since < seq else []
            appended = []
            for draft in drafts:
                at = now()
                event = Event(seq + 1, at, keyer, draft.action, draft.data,
                              event_hash(digest, seq + 1, at, keyer, draft.action, draft.data))
                appended.append(event)
                seq, digest = event.seq, event.hash
            if admit is not None:
                admit(newer, appended)
            self._insert(db, appended)
            return appended

        return self._run(write, write=True)

    def _insert(self, db: _Db, events: Sequence[Event]) -> None:
        from .repository import RoundRepository, _insert_event

        projector = RoundRepository.__new__(RoundRepository)
        projector.path = self.path
        projector._form_ids = dict(db.execute("SELECT code, id FROM ballot_form").fetchall())
        for event in events:
            _insert_event(db, event)
            projector._project(db, event)
        self._form_ids = projector._form_ids

    def append_verbatim(self, events: Sequence[Event], *, sealed_file: str | None = None,
                        fingerprint: str | None = None) -> None:
        """Events made elsewhere (a seal written to the file) appended as they are, if they follow the head."""
        def write(db: _Db) -> None:
            head = _head(db)
            if events and (events[0].seq != head[0] + 1 or _prev_ok(events, head) is False):
                raise TinNhiemError("server_round_moved", url=self.shown)
            self._insert(db, events)
            if fingerprint is not None:
                db.execute("UPDATE round SET fingerprint = ?, sealed_file = ? WHERE id = 1", (fingerprint, sealed_file))

        self._run(write, write=True)
        for event in events:
            if event.action == "round_sealed":
                self._sealed_at = event.data["at"]

    def hold(self):
        """The round's lock held for this session until `release` (nobody appends meanwhile)."""
        self._run(lambda db: db.execute("SELECT pg_advisory_lock(?)", (self._lock_key,)))

    def release(self) -> None:
        try:
            self._run(lambda db: db.execute("SELECT pg_advisory_unlock(?)", (self._lock_key,)))
        except TinNhiemError:
            pass  # the connection is gone, and the lock with it

    def record_after_seal(self, key, data, keyer, fingerprint, seal_head) -> None:
        raise TinNhiemError("server_round_sealed_to_file", url=self.shown, file=self.sealed_file() or "")

    def copy_to(self, target: Path) -> Path:
        """The whole log written to a new round file (the tables projected there from it)."""
        return write_round_file(Path(target), self.events())


def _prev_ok(events: Sequence[Event], head: tuple[int, str]) -> bool:
    first = events[0]
    return event_hash(head[1], first.seq, first.at, first.keyer, first.action, first.data) == first.hash


def _head(db) -> tuple[int, str]:
    row = db.execute("SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if row is None else (row[0], row[1])


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def create_server_round(url: str, events: Sequence[Event]) -> None:
    """A new round on the server (its schema and tables), holding `events` (a round's whole log,
    from its `round_created`): a new round's first event, or the log of a file pushed there."""
    connect, name, shown = split_url(url)
    psycopg = _psycopg()
    try:
        with psycopg.connect(connect, connect_timeout=5) as connection:
            exists = connection.execute("SELECT 1 FROM information_schema.schemata WHERE schema_name = %s",
                                        [name]).fetchone()
            if exists:
                raise TinNhiemError("server_round_exists", url=shown, round=name)
            connection.execute(f"CREATE SCHEMA {name}")
            connection.execute(f"SET LOCAL search_path TO {name}")
            connection.execute(SCHEMA_SQL)
            _replay(_Db(connection), events, Path(shown))
    except psycopg.Error as error:
        raise TinNhiemError("server_write_failed", url=shown, detail=_first_line(error)) from None


def _replay(db, events: Sequence[Event], path: Path) -> None:
    """Insert and project a whole log, as it is, into empty tables."""
    from ..core.spec import setup_from_dict
    from .repository import RoundRepository, _insert_event, _insert_setup

    if not events or events[0].action != "round_created":
        raise TinNhiemError("round_file_altered", file=str(path), detail="the log does not begin with round_created")
    first = events[0]
    _insert_setup(db, setup_from_dict(first.data["setup"], str(path)), first.data["uid"], first.at)
    _insert_event(db, first)
    projector = RoundRepository.__new__(RoundRepository)
    projector.path = path
    projector._form_ids = dict(db.execute("SELECT code, id FROM ballot_form").fetchall())
    for event in events[1:]:
        _insert_event(db, event)
        projector._project(db, event)


def write_round_file(target: Path, events: Sequence[Event]) -> Path:
    """A new round file holding the whole log (and its projection), built beside and renamed in."""
    from .roundfile import check_new_file, make_engine, migrate, replace_durably

    target = Path(target)
    check_new_file(target)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    engine = make_engine(partial, "create")
    try:
        migrate(engine)
        with engine.begin() as connection:
            _replay(connection.connection.driver_connection, events, target)
    except (OSError, sqlite3.Error) as error:
        raise TinNhiemError("file_not_writable", file=str(target), detail=str(error)) from None
    finally:
        engine.dispose()
    replace_durably(partial, target)
    return target
