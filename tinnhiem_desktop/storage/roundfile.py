"""Opening, creating and locking a round file.

A round file is SQLite with our `application_id`, its schema version in `user_version`, WAL and
`synchronous=FULL`: a change is on disk when its commit returns. A file is judged from its header
bytes before SQLite opens it, so a foreign, truncated or too-new file is refused untouched.
A `-wal` or `-journal` beside it is replayed by SQLite into whatever file it lies beside, so it is
never trusted blindly: it is replayed into a scratch copy first (`scratch_copy`) and the copy is
judged; one that does not belong is set aside (`set_aside`). A migration runs on a copy beside the
file (`NAME.migrating`) that is renamed into place once it has been checked (`replace_durably`).
Only one process writes a round file at a time; the lock is an OS lock on a file beside it, which
the OS releases if the program dies.

The store talks to the file through `Database`, one connection of Python's own `sqlite3`: no
SQLAlchemy on the way of a read or a keystroke. SQLAlchemy and Alembic are imported only when a
schema is built or migrated (`migrate`, on an engine from `make_engine`): a file is known to need
that from its header's `user_version`, read before SQLite opens it.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import sqlite3
import stat
import struct
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..core.issues import TinNhiemError, os_reason

if TYPE_CHECKING:  # only for the annotations: SQLAlchemy is imported when a schema is migrated
    from sqlalchemy import Engine

APPLICATION_ID = 0x544E4844  # "TNHD"
SCHEMA_VERSION = 4  # the number of Alembic revisions in migrations/versions
SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).with_name("migrations")
REPLAYED = ("-wal", "-journal")  # the sidecars SQLite replays into the file beside them
SIDECARS = (*REPLAYED, "-shm")


@dataclass(frozen=True)
class FileHeader:
    application_id: int
    user_version: int


def check_new_file(path: Path) -> None:
    """A new file may be written at `path`: not a folder, not a file already there (never
    overwritten), in a folder that exists; else a coded error saying which."""
    path = Path(path)
    try:
        if path.is_dir():
            raise TinNhiemError("target_is_folder", file=str(path), example=str(path / "ten-tep-moi.tinnhiem"))
        if path.exists():
            raise TinNhiemError("file_exists", file=str(path))
        if not path.parent.is_dir():
            raise TinNhiemError("folder_missing", folder=str(path.parent), file=str(path))
    except OSError as error:
        raise TinNhiemError("file_not_writable", file=str(path), detail=os_reason(error)) from None


def read_header(path: Path) -> FileHeader:
    """Judge a file from its first 100 bytes, without letting SQLite near it.

    With a sidecar beside it, the header may count pages that are still only in the -wal (a
    checkpoint interrupted): then the size is judged after recovery, not here.
    """
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(100)
    except FileNotFoundError:
        raise TinNhiemError("file_not_found", file=str(path)) from None
    except IsADirectoryError:
        raise TinNhiemError("path_is_folder", file=str(path)) from None
    except OSError as error:
        raise TinNhiemError("file_unreadable", file=str(path), detail=os_reason(error)) from None
    if not head.startswith(SQLITE_MAGIC):
        raise TinNhiemError("not_a_round_file", file=str(path))
    if len(head) < 100:
        raise TinNhiemError("round_file_truncated", file=str(path))
    (page_size,) = struct.unpack(">H", head[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", head[24:32])
    (valid_for,) = struct.unpack(">I", head[92:96])
    (user_version,) = struct.unpack(">I", head[60:64])
    (application_id,) = struct.unpack(">I", head[68:72])
    if application_id != APPLICATION_ID:
        raise TinNhiemError("not_a_round_file", file=str(path))
    if valid_for == change_counter and size < pages * page_size and not replayed_sidecars(path):
        raise TinNhiemError("round_file_truncated", file=str(path))
    if user_version > SCHEMA_VERSION:
        raise TinNhiemError(
            "round_file_too_new", file=str(path), version=user_version, supported=SCHEMA_VERSION
        )
    return FileHeader(application_id, user_version)


def replayed_sidecars(path: Path) -> list[Path]:
    """The non-empty -wal and -journal beside `path`: what SQLite would replay into it."""
    found = []
    for suffix in REPLAYED:
        sidecar = Path(f"{path}{suffix}")
        try:
            if sidecar.stat().st_size > 0:
                found.append(sidecar)
        except OSError:
            pass
    return found


def scratch_copy(path: Path, folder: Path) -> Path:
    """A copy of the file and of the sidecars SQLite replays, in `folder`, to be judged there."""
    copy = folder / path.name
    shutil.copyfile(path, copy)
    for sidecar in replayed_sidecars(path):
        shutil.copyfile(sidecar, f"{copy}{sidecar.name[len(path.name):]}")
    return copy


def set_aside(path: Path) -> dict[Path, Path]:
    """Rename the -wal and -journal beside `path` out of SQLite's way, under names that say what
    they were; the -shm, only an index of that -wal, goes."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    moved = {}
    for sidecar in replayed_sidecars(path):
        target, counter = Path(f"{sidecar}.set-aside-{stamp}"), 1
        while target.exists():
            counter += 1
            target = Path(f"{sidecar}.set-aside-{stamp}-{counter}")
        sidecar.rename(target)
        moved[sidecar] = target
    Path(f"{path}-shm").unlink(missing_ok=True)
    _sync_folder(path.parent)
    return moved


def migrating_path(path: Path) -> Path:
    return Path(f"{path}.migrating")


def remove_leftovers(path: Path) -> None:
    """What a migration killed before its rename left beside the file (the writer lock is held)."""
    work = migrating_path(path)
    for leftover in (work, work.with_name(work.name + ".partial")):
        for suffix in ("", *SIDECARS):
            Path(f"{leftover}{suffix}").unlink(missing_ok=True)


def replace_durably(source: Path, target: Path) -> None:
    """Rename a complete file onto `target`: its bytes on disk first, then the rename itself."""
    with open(source, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(source, target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows makes a rename durable itself
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class WriterLock:
    """One writer per round file, and a second one told who holds it.

    Two OS locks, both released by the OS if the program dies:
    - `ROUND.tinnhiem.lock`, beside the file, names the holder (host and pid). It is opened without
      following a symlink and must be a regular file with one link; only it is ever truncated, so a
      lock path pointing at another file (the round file itself) cannot damage that file. It is
      removed on a clean close; after a crash the stale file is simply locked again.
    - (not on Windows) `flock` on a descriptor of the round file itself: it belongs to the file,
      not to a name, so a second writer through a hard link, in any folder, is refused too.
      SQLite's own locks are POSIX record locks, which `flock` leaves alone on Linux; but closing
      any descriptor of the file drops every POSIX lock this process holds on it. So the
      descriptor is opened only once the name lock is ours and no lock of this process holds the
      file, and it is closed after the store has closed its connection (`RoundRepository.close`).
      A round being created has no file yet: only its name is locked.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(f"{path}.lock")
        self._fd: int | None = None
        self._file: _FileLock | None = None

    def acquire(self, round_path: Path) -> None:
        self._fd = self._lock_name(round_path)
        holder = f"{socket.gethostname()} (pid {os.getpid()})"
        try:
            os.ftruncate(self._fd, 0)
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, holder.encode())
            if os.name != "nt":
                self._file = _FileLock.acquire(Path(round_path), self.path, holder)
        except BaseException:
            self.release()
            raise

    def hold_file(self, round_path: Path) -> None:
        """Lock the file now at `round_path`: made, or replaced by a migrated copy, since the name
        was locked (the file lock follows the file, so it must be taken again)."""
        if os.name == "nt" or self._fd is None:
            return
        if self._file is not None:
            self._file.release()
            self._file = None
        self._file = _FileLock.acquire(Path(round_path), self.path, _holder(self._fd))

    def _lock_name(self, round_path: Path) -> int:
        while True:
            fd = _open_lock_file(self.path, round_path)
            try:
                _lock(fd)
            except OSError:
                holder = _holder(fd)
                os.close(fd)
                raise TinNhiemError("round_file_in_use", file=str(round_path), holder=holder) from None
            if _same_file(fd, self.path):
                return fd
            os.close(fd)  # the holder removed the file between our open and our lock: try again

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if self._file is not None:
            self._file.release()
            self._file = None
        if os.name != "nt" and _same_file(fd, self.path):
            try:
                self.path.unlink(missing_ok=True)
            except OSError:  # the folder became read-only: the stale lock is taken over next time
                pass
        _unlock(fd)
        os.close(fd)
        if os.name == "nt":
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # Windows has none: the symlink check before opening stands alone
_QUIET = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)  # a FIFO planted as the lock never blocks


def _open_lock_file(path: Path, round_path: Path) -> int:
    """The lock file, created if missing, never through a symlink: a regular file with one link."""
    unsafe = TinNhiemError("round_lock_unsafe", file=str(path), round=str(round_path))
    if os.path.islink(path):
        raise unsafe
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | _NO_FOLLOW | _QUIET, 0o666)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.EMLINK, errno.EISDIR, errno.ENXIO):
            raise unsafe from None
        raise TinNhiemError("file_not_writable", file=str(round_path), detail=os_reason(error)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        raise unsafe
    return fd


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("utf-8", "replace").strip()
    except OSError:
        return ""


def _same_file(fd: int, path: Path) -> bool:
    """Whether `path` (a symlink not followed) is still the file open as `fd`."""
    try:
        return os.path.samestat(os.fstat(fd), os.lstat(path))
    except OSError:
        return False


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # Windows locks are mandatory: lock a byte far past the holder's name so others can read it.
    LOCK_OFFSET = 1 << 20

    def _lock(fd: int) -> None:
        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class _FileLock:
    """`flock` on the round file itself, whichever of its names it was opened by."""

    held: dict[tuple[int, int], str] = {}  # the files (device, inode) this process holds, and as whom

    def __init__(self, fd: int, key: tuple[int, int]) -> None:
        self.fd, self.key = fd, key

    @classmethod
    def acquire(cls, round_path: Path, lock_path: Path, holder: str) -> _FileLock | None:
        while True:
            try:
                info = os.stat(round_path)
            except FileNotFoundError:
                return None
            key = (info.st_dev, info.st_ino)
            if key in cls.held:  # refused before opening a descriptor whose closing would drop SQLite's locks
                raise TinNhiemError("round_file_in_use", file=str(round_path), holder=cls.held[key])
            try:
                fd = os.open(round_path, os.O_RDONLY | os.O_CLOEXEC)
            except OSError as error:
                raise TinNhiemError("file_unreadable", file=str(round_path),
                                    detail=os_reason(error)) from None
            if os.path.samestat(os.fstat(fd), info):
                break
            os.close(fd)  # the name was given to another file meanwhile: try again
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise TinNhiemError("round_file_in_use", file=str(round_path),
                                holder=_holder_by_another_name(round_path, lock_path, info)) from None
        cls.held[key] = holder
        return cls(fd, key)

    def release(self) -> None:
        del self.held[self.key]
        _unlock(self.fd)
        os.close(self.fd)


def _holder_by_another_name(round_path: Path, own_lock: Path, info: os.stat_result) -> str:
    """Who holds the round file through another of its names (a hard link) in the same folder."""
    for lock in round_path.parent.glob("*.lock"):
        if lock == own_lock:
            continue
        try:
            if not os.path.samestat(os.stat(lock.with_suffix("")), info):
                continue
            fd = os.open(lock, os.O_RDONLY | _NO_FOLLOW | _QUIET)
        except OSError:
            continue
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode):
                return _holder(fd)
        finally:
            os.close(fd)
    return ""


PRAGMAS = {  # each connection's settings, by mode (see `open_database`)
    # A new file is built in rollback-journal mode so that, once committed, all of it is in the
    # one file that is then renamed into place; its first writer switches it to WAL.
    "create": ("PRAGMA journal_mode=DELETE", "PRAGMA synchronous=FULL"),
    "write": ("PRAGMA synchronous=FULL",),  # WAL is switched on once the file has loaded
}
URI_MODES = {"create": "mode=rwc", "write": "mode=rw", "reader": "mode=rw", "read": "mode=ro",
             "immutable": "mode=ro&immutable=1"}


def _apply_pragmas(connection, mode: str) -> None:
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA busy_timeout=5000")
    for pragma in PRAGMAS.get(mode, ()):
        connection.execute(pragma)


def _uri(path: Path, mode: str) -> str:
    return f"{path.resolve().as_uri()}?{URI_MODES[mode]}"


class Database:
    """One `sqlite3` connection to a round file, opened on first use with the mode's pragmas.

    In autocommit mode: every transaction is explicit, `snapshot()` for one consistent read,
    `transaction()` for a write (BEGIN IMMEDIATE: the head it reads is the head it extends).
    The connection may be used from another thread (consolidation verifies files in a pool),
    one at a time.
    """

    def __init__(self, path: Path, mode: str) -> None:
        self.path, self.mode = Path(path), mode
        self._uri = _uri(self.path, mode)
        self._connection: sqlite3.Connection | None = None

    @property
    def connection(self) -> sqlite3.Connection:
        if self._connection is None:
            connection = sqlite3.connect(self._uri, uri=True, check_same_thread=False, isolation_level=None)
            try:
                _apply_pragmas(connection, self.mode)
            except BaseException:
                connection.close()
                raise
            self._connection = connection
        return self._connection

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the file as it was at the first one."""
        db = self.connection
        db.execute("BEGIN")
        try:
            yield db
        finally:
            if db.in_transaction:
                db.rollback()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed (on disk, with synchronous=FULL) when the block ends,
        rolled back if it raises."""
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.in_transaction:
                db.rollback()
            raise
        db.commit()

    def dispose(self) -> None:
        if self._connection is not None:
            connection, self._connection = self._connection, None
            connection.close()


def open_database(path: Path, mode: str) -> Database:
    """A round file's connection (opened when first used).

    `mode`: "create" a new file; "write"; "reader" (read-write at SQLite's level, so that it tidies
    -wal/-shm away on close, used by a reader holding the lock that never writes); "read"
    (read-only beside a writer elsewhere); "immutable" (in a folder nobody can write to).
    """
    return Database(path, mode)


def enable_wal(database: Database) -> None:
    """WAL for the writer, set only after the file proved readable: a refused file stays as it was."""
    database.connection.execute("PRAGMA journal_mode=WAL")


def make_engine(path: Path, mode: str) -> Engine:
    """An SQLAlchemy engine on a round file, for Alembic (`migrate`) and for tests that build older
    schemas; the store itself uses `open_database`. Modes as there."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    uri = _uri(path, mode)
    engine = create_engine(
        "sqlite+pysqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
        poolclass=StaticPool,
    )
    event.listen(engine, "connect", lambda conn, _record: _apply_pragmas(conn, mode))
    return engine


def migrate_file(path: Path, mode: str = "write") -> None:
    """`migrate` the file at `path` through an engine of its own, disposed of afterwards; SQLite's
    refusals come out as `sqlite3.Error`, as from the store's own connection."""
    from sqlalchemy.exc import DBAPIError

    engine = make_engine(path, mode)
    try:
        migrate(engine)
    except DBAPIError as error:
        if isinstance(error.orig, sqlite3.Error):
            raise error.orig from None
        raise
    finally:
        engine.dispose()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision, then stamp our id and version in the header."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        # A revision may rebuild a table; with foreign keys on, dropping the old one would cascade
        # into the rows that refer to it. The pragma only takes effect outside a transaction.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise ValueError(f"migration left {len(broken)} rows pointing at nothing")
                connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
                connection.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def backup_copy(database: Database, path: Path, version: int) -> Path:
    """A consistent copy of the file beside it (VACUUM INTO), taken before a migration."""
    target = path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.v{version}-backup-{counter}{path.suffix}")
    return vacuum_into(database, target)


def vacuum_into(database: Database, target: Path) -> Path:
    """A consistent, compact copy of the open file (VACUUM INTO), complete or absent."""
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    database.connection.execute("VACUUM INTO ?", (str(partial),))
    partial.replace(target)
    return target


def check_integrity(database: Database) -> list[str]:
    """SQLite's own integrity and foreign-key checks; empty when the file is sound."""
    try:
        db = database.connection
        problems = [row[0] for row in db.execute("PRAGMA integrity_check")]
        if problems == ["ok"]:
            problems = []
        for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check"):
            problems.append(f"{table} row {rowid} refers to a missing {parent}")
    except sqlite3.Error as error:  # so damaged that SQLite cannot even check it
        return [str(error)]
    return problems
