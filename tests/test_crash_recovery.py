"""A crash, a full disk or a stray sidecar file never costs an acknowledged ballot, and never a file.

The crashed states are made for real (a writer killed, a checkpoint torn at each of its writes, a
file size limit, a migration killed at each statement) and the file must then open with every
ballot it acknowledged, and verify.
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Ballot, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.storage.roundfile import WriterLock

from conftest import ROOT, spec_dict
from test_double_entry import schema_1_round

KEYER = "Lê Thị Hồng"
MARKS = {1: Mark.THAP, 2: Mark.CAO, 3: Mark.TIN_NHIEM}

needs_posix = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

# Keys ballots with automatic checkpoints off, prints each acknowledged number, then (given
# "checkpoint") starts a checkpoint, and dies without closing: the -wal stays beside the file.
CRASHING_WRITER = """
import os, sys
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.services.rounds import RoundService

service = RoundService.open(sys.argv[1], "Lê Thị Hồng")
raw = service._repo._database.connection
raw.execute("PRAGMA wal_autocheckpoint=0")
for _ in range(int(sys.argv[2])):
    print(service.add_ballot("1", marks={1: Mark.THAP, 2: Mark.CAO, 3: Mark.TIN_NHIEM}).number, flush=True)
if sys.argv[3:] == ["checkpoint"]:
    print("checkpoint", flush=True)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
os._exit(0)
"""

# Keys under a file size limit until a keystroke is refused, then closes. Like a full disk, the
# limit lets the -wal be reused after each (frequent) checkpoint but not the file grow: the
# checkpoints fail after writing the header, and then the -wal cannot grow either.
FULL_DISK_WRITER = """
import resource, signal, sys
from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.services.rounds import RoundService

signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
service = RoundService.open(sys.argv[1], "Lê Thị Hồng")
service._repo._database.connection.execute("PRAGMA wal_autocheckpoint=8")
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), resource.RLIM_INFINITY))
refused = 0
while refused < 3:
    try:
        print(service.add_ballot("1", marks={1: Mark.THAP, 2: Mark.CAO, 3: Mark.TIN_NHIEM}).number, flush=True)
    except TinNhiemError as error:
        print("refused", error.code, flush=True)
        refused += 1
service.close()
"""

# Opens (and so migrates) fresh copies of a schema-1 file: once to count the statements of the
# open, then killed at statement k in a forked child for every k; after each kill the parent opens
# the file again and reports.
MIGRATION_KILLER = """
import os, shutil, sqlite3, sys
from pathlib import Path
from tinnhiem_desktop.services.rounds import RoundService

pristine, folder = Path(sys.argv[1]), Path(sys.argv[2])
real_connect = sqlite3.connect
count = 0

def killed_at(limit):
    def connect(*args, **kwargs):
        connection = real_connect(*args, **kwargs)
        def trace(_statement):
            global count
            count += 1
            if count == limit:
                os._exit(9)
        connection.set_trace_callback(trace)
        return connection
    return connect

def run(k):
    path = folder / str(k) / pristine.name
    path.parent.mkdir()
    shutil.copyfile(pristine, path)
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:
        sqlite3.connect = killed_at(k)
        RoundService.open(path, "x").close()
        os.write(writing, str(count).encode())
        os._exit(0)
    os.close(writing)
    statements = os.read(reading, 20).decode()
    os.close(reading)
    killed = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 9
    try:
        with RoundService.open(path, "x") as service:
            outcome = f"{len(service.ballots())} {service.verify().intact}"
    except Exception as error:
        outcome = f"refused {getattr(error, 'code', type(error).__name__)}"
    left = sorted(p.name for p in path.parent.iterdir() if "migrating" in p.name)
    print(k, killed, outcome, left, flush=True)
    return statements

total = int(run(0))
for k in range(1, total + 1):
    run(k)
"""


def new_round(path: Path, ballots: int = 0) -> RoundService:
    service = RoundService.create(path, setup_from_dict(spec_dict(), "test"), KEYER)
    for _ in range(ballots):
        service.add_ballot("1", marks=MARKS)
    return service


def crash_writer(path: Path, ballots: int) -> list[int]:
    """A writer that keys `ballots` ballots and dies; returns the numbers it acknowledged."""
    result = subprocess.run([sys.executable, "-c", CRASHING_WRITER, str(path), str(ballots)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert Path(f"{path}-wal").stat().st_size > 0
    return [int(line) for line in result.stdout.split()]


def assert_every_ballot(path: Path, numbers: list[int], *, read_only: bool = False) -> None:
    with RoundService.open(path, KEYER, read_only=read_only) as service:
        assert [b.number for b in service.ballots("1")] == numbers
        assert all(b.marks == MARKS for b in service.ballots("1"))
        assert service.verify().intact


def wal_pages(wal: Path) -> tuple[int, int, list[tuple[int, bytes]]]:
    """The committed pages of a -wal (the newest copy of each, by page number) and the page
    count of the database once they are all written: what a checkpoint writes, in its order."""
    data = wal.read_bytes()
    (page_size,) = struct.unpack(">I", data[8:12])
    newest: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    pages = 0
    offset = 32
    while offset + 24 + page_size <= len(data):
        number, commit = struct.unpack(">II", data[offset:offset + 8])
        pending[number] = data[offset + 24:offset + 24 + page_size]
        if commit:
            newest.update(pending)
            pending.clear()
            pages = commit
        offset += 24 + page_size
    return page_size, pages, sorted(newest.items())


def torn_checkpoint(source: Path, target: Path, written: int) -> None:
    """`target`: the file and -wal of `source` as a checkpoint killed after `written` page
    writes leaves them (pages go in ascending order; the file is cut to size only at the end)."""
    target.parent.mkdir()
    shutil.copyfile(source, target)
    shutil.copyfile(f"{source}-wal", f"{target}-wal")
    page_size, pages, frames = wal_pages(Path(f"{source}-wal"))
    with open(target, "r+b") as handle:
        for number, page in frames[:written]:
            handle.seek((number - 1) * page_size)
            handle.write(page)
        if written > len(frames):
            handle.truncate(pages * page_size)


def folder_listing(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


# -- an interrupted checkpoint -------------------------------------------------------------------


def test_a_checkpoint_torn_at_any_of_its_writes_loses_nothing(tmp_path):
    """The header is the first page written: it counts pages that are still only in the -wal."""
    source = tmp_path / "crashed" / "dot.tinnhiem"
    source.parent.mkdir()
    new_round(source, ballots=3).close()
    numbers = [1, 2, 3] + crash_writer(source, 60)
    frames = len(wal_pages(Path(f"{source}-wal"))[2])
    steps = sorted({0, 1, 2, frames, frames + 1, *range(3, frames, max(1, frames // 12))})
    assert len(steps) <= 20
    for written in steps:
        for read_only in (True, False):
            path = tmp_path / f"{written}-{read_only}" / "dot.tinnhiem"
            torn_checkpoint(source, path, written)
            assert_every_ballot(path, numbers, read_only=read_only)
            assert not any("set-aside" in name for name in folder_listing(path))


@needs_posix
def test_sigkill_during_the_checkpoint_loses_nothing(tmp_path):
    pristine = tmp_path / "pristine.tinnhiem"
    new_round(pristine).close()
    rng = random.Random(13)
    for attempt in range(6):
        path = tmp_path / str(attempt) / "dot.tinnhiem"
        path.parent.mkdir()
        shutil.copyfile(pristine, path)
        child = subprocess.Popen([sys.executable, "-c", CRASHING_WRITER, str(path), "40", "checkpoint"],
                                 stdout=subprocess.PIPE, text=True, cwd=ROOT)
        numbers = []
        for line in child.stdout:
            if line.strip() == "checkpoint":
                time.sleep(rng.uniform(0, 0.004))
                child.kill()
                break
            numbers.append(int(line))
        child.wait()
        assert len(numbers) == 40
        assert_every_ballot(path, numbers)


@pytest.mark.skipif(sys.platform != "linux", reason="a file size limit stands in for a full disk")
def test_a_full_disk_while_keying_refuses_the_keystroke_and_the_file_then_opens_whole(round_path):
    new_round(round_path, ballots=200).close()
    limit = round_path.stat().st_size + 2 * 4096
    result = subprocess.run([sys.executable, "-c", FULL_DISK_WRITER, str(round_path), str(limit)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    refusals = [line for line in lines if line.startswith("refused")]
    assert refusals == ["refused write_failed"] * 3
    acknowledged = [int(line) for line in lines if not line.startswith("refused")]
    assert len(acknowledged) > 0
    assert_every_ballot(round_path, list(range(1, 201)) + acknowledged)


# -- a migration killed at each statement ---------------------------------------------------------


@needs_posix
def test_a_migration_killed_at_any_statement_loses_nothing(tmp_path):
    """The open of a schema-1 file, migration included, killed at every one of its statements."""
    pristine = tmp_path / "pristine" / "nam-2025.tinnhiem"
    pristine.parent.mkdir()
    schema_1_round(pristine)
    folder = tmp_path / "kills"
    folder.mkdir()
    result = subprocess.run([sys.executable, "-c", MIGRATION_KILLER, str(pristine), str(folder)],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    runs = [line.split(maxsplit=2) for line in result.stdout.splitlines()]
    assert runs[0][:2] == ["0", "False"] and all(killed == "True" for _k, killed, _ in runs[1:])
    assert len(runs) == 1 + int(runs[-1][0])
    assert int(runs[-1][0]) > 30  # the open, migration included, runs more statements than that
    for k, _killed, rest in runs:
        assert rest == "1 True []", f"killed at statement {k}: {rest}"


# -- sidecar files ---------------------------------------------------------------------------------


def set_aside(path: Path) -> list[str]:
    return [name for name in folder_listing(path) if ".set-aside-" in name]


def test_a_wal_of_another_round_beside_a_sealed_round_is_set_aside(tmp_path):
    sealed = tmp_path / "dot.tinnhiem"
    with new_round(sealed, ballots=5) as service:
        fingerprint = service.seal(KEYER, "Thử nghiệm: chưa nhập hết phiếu").fingerprint
    other = tmp_path / "other" / "khac.tinnhiem"
    other.parent.mkdir()
    new_round(other).close()
    crash_writer(other, 40)
    shutil.copyfile(f"{other}-wal", f"{sealed}-wal")
    before = sealed.read_bytes()

    with RoundService.open(sealed, KEYER, read_only=True) as service:
        report = service.verify()
        assert report.intact and report.fingerprint == fingerprint
        assert len(service.ballots("1")) == 5
        warnings = service._repo.warnings
    assert sealed.read_bytes() == before
    [moved] = set_aside(sealed)
    assert moved.startswith("dot.tinnhiem-wal.set-aside-") and not Path(f"{sealed}-wal").exists()
    assert [w.code for w in warnings] == ["sidecar_set_aside"]
    assert warnings[0].params["set_aside"] == str(tmp_path / moved)


def test_a_crashed_writers_wal_beside_a_restored_older_copy_is_not_merged(round_path, tmp_path):
    with new_round(round_path, ballots=10) as service:
        pass
    older = tmp_path / "older.tinnhiem"
    shutil.copyfile(round_path, older)
    with RoundService.open(round_path, KEYER) as service:
        for _ in range(30):
            service.add_ballot("1", marks=MARKS)
    crash_writer(round_path, 20)
    shutil.copyfile(older, round_path)  # the older copy restored; the -wal of the crash stays

    assert_every_ballot(round_path, list(range(1, 11)))
    assert round_path.read_bytes() == older.read_bytes()
    assert len(set_aside(round_path)) == 1


def test_a_leftover_migration_scratch_is_removed_at_the_next_open(round_path):
    new_round(round_path, ballots=2).close()
    scratch = Path(f"{round_path}.migrating")
    scratch.write_bytes(b"half a migration")
    assert_every_ballot(round_path, [1, 2])
    assert not scratch.exists()


def read_only_medium(folder: Path, monkeypatch) -> None:
    """`folder` write-protected; root writes anyway, so its lock is refused as the medium would."""
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):

        def refuse(self, round_path):
            raise TinNhiemError("file_not_writable", file=str(round_path), detail="Read-only file system")

        monkeypatch.setattr(WriterLock, "acquire", refuse)


def test_a_read_only_medium_reads_the_wal_through_a_scratch_copy(round_path, monkeypatch):
    new_round(round_path, ballots=3).close()
    numbers = [1, 2, 3] + crash_writer(round_path, 80)
    Path(f"{round_path}.lock").unlink()
    listing = folder_listing(round_path)
    before = round_path.read_bytes(), Path(f"{round_path}-wal").read_bytes()
    read_only_medium(round_path.parent, monkeypatch)
    try:
        with RoundService.open(round_path, KEYER, read_only=True) as service:
            assert service.ballots("1") == [Ballot("1", n, marks=MARKS) for n in numbers]
            assert service.verify().intact
    finally:
        round_path.parent.chmod(0o755)
    assert folder_listing(round_path) == listing
    assert (round_path.read_bytes(), Path(f"{round_path}-wal").read_bytes()) == before


def test_a_foreign_wal_on_a_read_only_medium_is_ignored_with_a_warning(round_path, tmp_path, monkeypatch):
    new_round(round_path, ballots=3).close()
    other = tmp_path / "other" / "khac.tinnhiem"
    other.parent.mkdir()
    new_round(other).close()
    crash_writer(other, 40)
    shutil.copyfile(f"{other}-wal", f"{round_path}-wal")
    listing = folder_listing(round_path)
    before = round_path.read_bytes()
    read_only_medium(round_path.parent, monkeypatch)
    try:
        with RoundService.open(round_path, KEYER, read_only=True) as service:
            assert [b.number for b in service.ballots("1")] == [1, 2, 3]
            assert service.verify().intact
            assert [w.code for w in service._repo.warnings] == ["sidecar_ignored"]
    finally:
        round_path.parent.chmod(0o755)
    assert folder_listing(round_path) == listing and round_path.read_bytes() == before
