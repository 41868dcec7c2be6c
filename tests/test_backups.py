"""Automatic backups while keying, rotation, and restoring a copy as a new round file."""

from __future__ import annotations

from datetime import datetime

import pytest

from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.backups import Backups, restore_copy
from tinnhiem_desktop.services.rounds import RoundService

from conftest import spec_dict


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def service(round_path):
    with RoundService.create(round_path, setup_from_dict(spec_dict(), "test"), "Lê Thị Hồng") as opened:
        yield opened


def test_a_copy_every_few_minutes_only_when_the_round_changed(service, tmp_path):
    clock = Clock()
    backups = Backups(service, tmp_path / "sao-luu", every=180, keep=3, clock=clock)
    assert backups.backup_if_due() is not None  # the first one at once
    service.add_ballot("1", marks={1: Mark.CAO})
    clock.now += 60
    assert backups.backup_if_due() is None  # too soon
    clock.now += 130
    first_change = backups.backup_if_due()
    assert first_change is not None
    clock.now += 600
    assert backups.backup_if_due() is None  # nothing changed since
    with RoundService.open(first_change, "x", read_only=True) as copy:
        assert copy.ballots() == service.ballots() and copy.verify().intact


def test_only_the_newest_copies_are_kept(service, tmp_path):
    times = iter(datetime(2026, 11, 27, 10, minute) for minute in range(10))
    backups = Backups(service, tmp_path / "sao-luu", keep=3, wall_clock=lambda: next(times))
    for _ in range(5):
        service.add_ballot("1", marks={1: Mark.THAP})
        backups.backup_now()
    kept = backups.copies()
    assert [c.taken.minute for c in kept] == [4, 3, 2]
    assert len(list((tmp_path / "sao-luu").rglob("*.tinnhiem"))) == 3
    assert kept[0].label == "10:04:00 ngày 27/11/2026"


def test_restoring_makes_a_new_file_and_never_overwrites(service, tmp_path):
    backups = Backups(service, tmp_path / "sao-luu")
    service.add_ballot("1", marks={1: Mark.CAO})
    copy = backups.backup_now()
    service.add_ballot("1", marks={1: Mark.THAP})
    restored = restore_copy(copy, tmp_path / "khoi-phuc.tinnhiem")
    with RoundService.open(restored, "x") as reopened:
        assert len(reopened.ballots()) == 1 and reopened.verify().intact
    with pytest.raises(TinNhiemError) as caught:
        restore_copy(copy, service.path)
    assert caught.value.code == "file_exists"
    (tmp_path / "hong.tinnhiem").write_bytes(b"not a round")
    with pytest.raises(TinNhiemError) as caught:
        restore_copy(tmp_path / "hong.tinnhiem", tmp_path / "x.tinnhiem")
    assert caught.value.code == "not_a_round_file"
