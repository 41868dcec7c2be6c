"""Automatic backups of the open round: a compact copy every few minutes while it changes, the
newest few kept in the user's data folder (not beside the file, so a lost USB stick loses none),
and restoring one as a new round file.

A copy is named `ROUND.0000012-20261127-103000.tinnhiem` in a folder named after the round's uid:
its sequence in that folder orders and rotates the copies, so a clock set back never makes a new
copy look old; the date and time are for people.
"""

from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from ..core.issues import Issue, Severity, TinNhiemError, os_reason
from ..storage.roundfile import check_new_file, read_header
from .rounds import RoundService

EVERY_SECONDS = 180
KEEP = 5
STAMP = "%Y%m%d-%H%M%S"
# ROUND.SEQUENCE-DATE-TIME; copies made before sequences (ROUND-DATE-TIME) count as sequence 0.
COPY_NAME = re.compile(r"(?:\.(?P<seq>\d{7,}))?-(?P<taken>\d{8}-\d{6})")


def default_folder() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("tinnhiem-desktop", appauthor=False)) / "sao-luu"


@dataclass(frozen=True)
class BackupCopy:
    path: Path
    seq: int
    taken: datetime

    @property
    def label(self) -> str:
        return f"{self.taken:%H:%M:%S ngày %d/%m/%Y}"


class Backups:
    """The backups of one open round; `backup_if_due` is called from a timer."""

    def __init__(self, service: RoundService, folder: Path | None = None, every: float = EVERY_SECONDS,
                 keep: int = KEEP, clock: Callable[[], float] = time.monotonic,
                 wall_clock: Callable[[], datetime] = datetime.now) -> None:
        self.service = service
        self.folder = (folder or default_folder()) / service.info.uid
        self.every, self.keep, self.clock, self.wall_clock = every, keep, clock, wall_clock
        self._last_time: float | None = None
        self._last_head = service.file_log_head()

    def backup_if_due(self) -> Path | None:
        """A copy when the round changed since the last one and enough time has passed."""
        now = self.clock()
        if self._last_time is not None and now - self._last_time < self.every:
            return None
        head = self.service.file_log_head()
        if head == self._last_head and self._last_time is not None:
            return None
        return self.backup_now(now, head)

    def backup_if_changed(self) -> Path | None:
        """A copy when the round changed since the last one, however recent that was: on closing,
        so that what was done since (a hand-over recorded after the seal, say) has a backup."""
        head = self.service.file_log_head()
        return None if head == self._last_head else self.backup_now(head=head)

    def backup_now(self, now: float | None = None, head: str | None = None) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        copy = self.service.copy_to(_next_copy(self.folder, self.service.path.stem, self.wall_clock()))
        self._last_time = self.clock() if now is None else now
        self._last_head = head or self.service.file_log_head()
        for old in self.copies()[self.keep:]:
            old.path.unlink(missing_ok=True)
        return copy

    def copies(self) -> list[BackupCopy]:
        """This round's copies, newest first."""
        return _copies_in(self.folder)


def all_copies(folder: Path | None = None) -> list[BackupCopy]:
    """Every round's backups, the round backed up last first, each round's newest first: the round
    to restore may be one that no longer opens."""
    root = folder or default_folder()
    rounds = [found for found in map(_copies_in, root.glob("*/")) if found]
    rounds.sort(key=lambda copies: copies[0].taken, reverse=True)
    return [copy for copies in rounds for copy in copies]


def _copies_in(folder: Path) -> list[BackupCopy]:
    """The copies in one round's folder, newest (highest sequence) first."""
    found = []
    for path in folder.glob("*.tinnhiem"):
        match = COPY_NAME.search(path.stem)
        if match is None or match.end() != len(path.stem):
            continue  # not a copy of ours
        try:
            taken = datetime.strptime(match["taken"], STAMP)
        except ValueError:
            continue
        found.append(BackupCopy(path, int(match["seq"] or 0), taken))
    return sorted(found, key=lambda c: (c.seq, c.taken), reverse=True)


def _next_copy(folder: Path, round_name: str, taken: datetime) -> Path:
    copies = _copies_in(folder)
    seq = copies[0].seq + 1 if copies else 1
    return folder / f"{round_name}.{seq:07d}-{taken.strftime(STAMP)}.tinnhiem"


def newest_backup_problems(service: RoundService, folder: Path | None = None) -> list[Issue]:
    """The round file's log must extend the log of the round's newest backup: the backup's newest
    event must be in the file, with the same hash, and so must every record the backup has of what
    followed the seal (the hand-over, the report sent up). If not, the end of the file's log was
    deleted (or replaced) after that backup. A station's backups, in the same folder when it keys on the
    same machine, are not the master's."""
    own = (folder or default_folder()).resolve() / service.info.uid
    if own in service.path.resolve().parents:  # a backup itself is being verified
        return []
    for copy in _copies_in(own):
        try:
            with RoundService.open(copy.path, service.keyer, read_only=True) as backup:
                if backup.info.station != service.info.station:
                    continue
                seq, head = backup.state.seq, backup.state.head
                after = backup.after_seal_chain()
        except TinNhiemError:
            continue  # an unreadable copy proves nothing: the one before it is the newest
        if not any(event.seq == seq and event.hash == head for event in service.events()):
            return [Issue("log_shorter_than_backup", Severity.ERROR, None, {"backup": copy.path.name, "seq": seq})]
        if service.after_seal_chain()[:len(after)] != after:
            return [Issue("after_seal_shorter_than_backup", Severity.ERROR, None,
                          {"backup": copy.path.name, "count": len(after)})]
        return []
    return []


def restore_copy(backup: Path, target: Path) -> Path:
    """The backup as a new round file; the file being replaced is never overwritten. The restored
    state becomes its round's newest backup, so that verifying the new file does not take the
    copies made after it for a lost tail."""
    backup, target = Path(backup), Path(target)
    read_header(backup)
    check_new_file(target)
    try:
        shutil.copyfile(backup, target)
        if backup in (copy.path for copy in _copies_in(backup.parent)):
            newest = _next_copy(backup.parent, target.stem, datetime.now())
            partial = newest.with_name(newest.name + ".partial")
            shutil.copyfile(backup, partial)
            partial.replace(newest)
    except OSError as error:
        raise TinNhiemError("file_not_writable", file=str(target), detail=os_reason(error)) from None
    return target
