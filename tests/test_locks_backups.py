"""The writer lock never follows a link nor truncates anything and holds the file itself (all its
names); backups rotate by their own sequence; verify notices a log shorter than the newest backup."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tinnhiem_desktop.cli import main
from tinnhiem_desktop.core.issues import Severity, TinNhiemError
from tinnhiem_desktop.core.model import EntryPass, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.backups import Backups, restore_copy
from tinnhiem_desktop.services.rounds import RoundService

from conftest import ROOT, spec_dict

KEYER = "Lê Thị Hồng"
VICTIM = b"a file that only happens to be where the lock points\n"


def new_round(path: Path) -> RoundService:
    return RoundService.create(path, setup_from_dict(spec_dict(), "test"), KEYER)


@pytest.fixture
def closed_round(round_path) -> Path:
    with new_round(round_path) as service:
        service.add_ballot("1", marks={1: Mark.CAO})
    return round_path


def lock_of(path: Path) -> Path:
    return Path(f"{path}.lock")


# -- the lock file is never followed and never truncates another file -------------------------

@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read"])
@pytest.mark.parametrize("points_at", ["round", "other", "nowhere"])
def test_a_symlinked_lock_is_refused_and_truncates_nothing(closed_round, tmp_path, points_at, read_only):
    other = tmp_path / "other.txt"
    other.write_bytes(VICTIM)
    target = {"round": closed_round, "other": other, "nowhere": tmp_path / "nowhere.txt"}[points_at]
    lock_of(closed_round).symlink_to(target)
    before = closed_round.read_bytes()
    if read_only:  # verify and consolidate read the file, taking the lock only when it is safe
        with RoundService.open(closed_round, KEYER, read_only=True, with_log=True) as service:
            assert service.verify().intact and len(service.ballots()) == 1
    else:
        with pytest.raises(TinNhiemError) as caught:
            RoundService.open(closed_round, KEYER)
        assert caught.value.code == "round_lock_unsafe"
        assert caught.value.params["file"] == str(lock_of(closed_round))
    assert closed_round.read_bytes() == before
    assert other.read_bytes() == VICTIM
    assert not (tmp_path / "nowhere.txt").exists()
    assert lock_of(closed_round).is_symlink()


def test_a_lock_hard_linked_to_the_round_file_is_refused(closed_round):
    os.link(closed_round, lock_of(closed_round))
    before = closed_round.read_bytes()
    with pytest.raises(TinNhiemError) as caught:
        RoundService.open(closed_round, KEYER)
    assert caught.value.code == "round_lock_unsafe"
    assert closed_round.read_bytes() == before


@pytest.mark.parametrize("make", [os.mkdir, os.mkfifo], ids=["folder", "fifo"])
def test_a_lock_that_is_not_a_regular_file_is_refused(closed_round, make):
    make(lock_of(closed_round))
    with pytest.raises(TinNhiemError) as caught:
        RoundService.open(closed_round, KEYER)
    assert caught.value.code == "round_lock_unsafe"


def test_a_stale_lock_is_taken_over_and_names_the_new_holder(closed_round):
    lock_of(closed_round).write_bytes(b"may-cu (pid 1) and a much longer name than ours " * 3)
    with RoundService.open(closed_round, KEYER):
        assert lock_of(closed_round).read_text() == f"{socket.gethostname()} (pid {os.getpid()})"
    assert not lock_of(closed_round).exists()


# -- one writer per file, through any of its names ---------------------------------------------

def test_one_writer_through_hard_links_in_one_process(closed_round, tmp_path):
    elsewhere = tmp_path / "khac"
    elsewhere.mkdir()
    links = [tmp_path / "ban-kia.tinnhiem", elsewhere / "cung-tep.tinnhiem"]
    for link in links:
        os.link(closed_round, link)
    with RoundService.open(closed_round, KEYER) as writer:
        for link in links:
            with pytest.raises(TinNhiemError) as caught:
                RoundService.open(link, KEYER)
            assert caught.value.code == "round_file_in_use"
            assert f"pid {os.getpid()}" in caught.value.params["holder"]
            assert not lock_of(link).exists()
        writer.add_ballot("1", marks={2: Mark.THAP})  # the writer is unaffected
    with RoundService.open(links[1], KEYER) as service:  # once it closed, any name may write
        assert len(service.ballots()) == 2 and service.verify().intact


def test_one_writer_through_hard_links_across_processes(closed_round, tmp_path):
    link = tmp_path / "ban-kia.tinnhiem"
    os.link(closed_round, link)
    code = (
        "from tinnhiem_desktop.services.rounds import RoundService as S\n"
        "from tinnhiem_desktop.core.issues import TinNhiemError\n"
        "try:\n"
        f"    S.open({str(link)!r}, 'b').add_ballot('1')\n"
        "    print('wrote')\n"
        "except TinNhiemError as e:\n"
        "    print(e.code, '|', e.params['holder'])\n"
    )
    with RoundService.open(closed_round, KEYER) as writer:
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
        refused, _, holder = result.stdout.strip().partition(" | ")
        assert refused == "round_file_in_use", result.stdout + result.stderr
        assert f"pid {os.getpid()}" in holder
        writer.add_ballot("1")
    with RoundService.open(link, KEYER, with_log=True) as service:
        assert len(service.ballots()) == 2 and service.verify().intact


# -- backups rotate by their own sequence -------------------------------------------------------

@pytest.fixture
def service(round_path):
    with new_round(round_path) as opened:
        yield opened


def test_backups_rotate_by_their_sequence_when_the_clock_goes_back(service, tmp_path):
    start = datetime(2026, 11, 27, 10, 30)
    times = iter(start - timedelta(minutes=m) for m in range(5))  # each backup earlier than the last
    backups = Backups(service, tmp_path / "sao-luu", keep=3, wall_clock=lambda: next(times))
    made = []
    for _ in range(5):
        service.add_ballot("1", marks={1: Mark.THAP})
        made.append(backups.backup_now())
        assert made[-1].exists()
    assert [c.path for c in backups.copies()] == made[:1:-1]
    assert sorted((tmp_path / "sao-luu").rglob("*.tinnhiem")) == sorted(made[2:])
    with RoundService.open(backups.copies()[0].path, KEYER, read_only=True) as newest:
        assert newest.ballots() == service.ballots()


# -- verify: the file's log extends the newest backup's ----------------------------------------

def test_a_log_that_extends_the_newest_backup_is_fine(service, tmp_path):
    from tinnhiem_desktop.services.backups import newest_backup_problems

    folder = tmp_path / "sao-luu"
    assert newest_backup_problems(service, folder) == []  # no backup yet
    Backups(service, folder).backup_now()
    service.add_ballot("1", marks={1: Mark.CAO})
    assert newest_backup_problems(service, folder) == []


def _older_file_under_the_backup(service: RoundService, folder: Path, tmp_path: Path) -> tuple[Path, int]:
    """The round file put back as it was before its newest backup (its tail deleted)."""
    service.add_ballot("1", marks={1: Mark.CAO})
    older = service.copy_to(tmp_path / "older.tinnhiem")
    service.add_ballot("1", marks={2: Mark.THAP})
    backup = Backups(service, folder).backup_now()
    seq = service.state.seq
    service.close()
    os.replace(older, service.path)
    return backup, seq


def test_a_deleted_tail_is_reported_against_the_newest_backup(service, tmp_path):
    from tinnhiem_desktop.services.backups import newest_backup_problems

    folder = tmp_path / "sao-luu"
    backup, seq = _older_file_under_the_backup(service, folder, tmp_path)
    with RoundService.open(service.path, KEYER, read_only=True, with_log=True) as shorter:
        assert shorter.verify().intact  # consistent in itself: only the backup shows what is missing
        problems = newest_backup_problems(shorter, folder)
    assert [(p.code, p.severity, dict(p.params)) for p in problems] == [
        ("log_shorter_than_backup", Severity.ERROR, {"backup": backup.name, "seq": seq})]


def test_a_tail_replaced_after_the_newest_backup_is_reported(service, tmp_path):
    from tinnhiem_desktop.services.backups import newest_backup_problems

    folder = tmp_path / "sao-luu"
    _backup, seq = _older_file_under_the_backup(service, folder, tmp_path)
    with RoundService.open(service.path, KEYER) as rewritten:
        rewritten.add_ballot("2", marks={1: Mark.CAO})  # as long as the backup again, but different
        assert rewritten.state.seq == seq
        assert [p.code for p in newest_backup_problems(rewritten, folder)] == ["log_shorter_than_backup"]


def test_cli_verify_exits_1_on_a_log_shorter_than_the_newest_backup(service, tmp_path, monkeypatch, capsys):
    data = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    _older_file_under_the_backup(service, data / "tinnhiem-desktop" / "sao-luu", tmp_path)
    assert main(["verify", str(service.path)]) == 1
    assert "bản sao lưu" in capsys.readouterr().out


def test_a_deleted_record_made_after_the_seal_is_reported_against_the_newest_backup(service, tmp_path):
    """The newest record after the seal (the hand-over) deleted: the file is consistent in itself,
    but the newest backup, taken because the record changed the file, still has it."""
    from tinnhiem_desktop.services.backups import newest_backup_problems
    from tinnhiem_desktop.services.procedure import ProcedureService

    folder = tmp_path / "sao-luu"
    service.add_ballot("1", marks={1: Mark.CAO})
    service.seal(KEYER, "Thử nghiệm: chưa nhập hết phiếu")
    backups = Backups(service, folder, every=0)
    ProcedureService(service).record_results_announced()
    older = service.copy_to(tmp_path / "older.tinnhiem")
    assert backups.backup_if_due() is not None
    ProcedureService(service).record_handover(KEYER, "Trần Văn Bình", "Giám đốc")
    assert backups.backup_if_due() is not None  # a record after the seal is a change to back up
    assert backups.backup_if_due() is None
    assert newest_backup_problems(service, folder) == []
    service.close()
    os.replace(older, service.path)
    with RoundService.open(service.path, KEYER, read_only=True, with_log=True) as shorter:
        assert shorter.verify().intact
        problems = newest_backup_problems(shorter, folder)
    assert [(p.code, p.severity, p.params["count"]) for p in problems] == [
        ("after_seal_shorter_than_backup", Severity.ERROR, 2)]


def test_a_restored_backup_becomes_the_newest_one(service, tmp_path):
    from tinnhiem_desktop.services.backups import newest_backup_problems

    folder = tmp_path / "sao-luu"
    backups = Backups(service, folder)
    older = backups.backup_now()
    service.add_ballot("1", marks={1: Mark.CAO})
    backups.backup_now()
    restored = restore_copy(older, tmp_path / "khoi-phuc.tinnhiem")
    with RoundService.open(restored, KEYER, read_only=True, with_log=True) as again:
        assert newest_backup_problems(again, folder) == []


def test_a_station_keyed_on_the_same_machine_is_not_the_masters_backup(service, tmp_path):
    from tinnhiem_desktop.services.backups import newest_backup_problems

    folder = tmp_path / "sao-luu"
    Backups(service, folder).backup_now()
    station_path = service.make_station_copy(tmp_path / "may-2.tinnhiem", "Máy 2", EntryPass.A)
    with RoundService.open(station_path, "Phạm Quốc Huy") as station:
        station.add_ballot("1", marks={1: Mark.CAO})
        station.add_ballot("1", marks={1: Mark.CAO})
        Backups(station, folder).backup_now()
    assert newest_backup_problems(service, folder) == []


def test_a_new_round_and_a_migrated_one_are_locked_as_files(tmp_path):
    """The file lock follows the file: a round just made, or just replaced by its migrated copy,
    refuses a second writer through a hard link too."""
    import os

    from tinnhiem_desktop.core.issues import TinNhiemError
    from tinnhiem_desktop.core.spec import setup_from_dict
    from tinnhiem_desktop.services.rounds import RoundService

    from conftest import spec_dict

    path = tmp_path / "moi.tinnhiem"
    with RoundService.create(path, setup_from_dict(spec_dict(), "t"), "Lê Thị Hồng"):
        os.link(path, tmp_path / "lien-ket.tinnhiem")
        try:
            RoundService.open(tmp_path / "lien-ket.tinnhiem", "Phạm Quốc Huy").close()
        except TinNhiemError as error:
            assert error.code == "round_file_in_use"
        else:
            raise AssertionError("a second writer through a hard link of a new round was let in")
