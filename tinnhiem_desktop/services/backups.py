"""Automatic backups of the open round: a compact copy every few minutes while it changes, the
newest few kept in the user's data folder (not beside the file, so a lost USB stick loses none),
and restoring one as a new round file."""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable

from ..core.issues import TinNhiemError
from ..storage.roundfile import read_header
from .rounds import RoundService

EVERY_SECONDS = 180
KEEP = 5
STAMP = "%Y%m%d-%H%M%S"


def default_folder() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("tinnhiem-desktop", appauthor=False)) / "sao-luu"


@dataclass(frozen=True)
class BackupCopy:
    path: Path
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

    def backup_now(self, now: float | None = None, head: str | None = None) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = self.wall_clock().strftime(STAMP)
        target = self.folder / f"{self.service.path.stem}-{stamp}.tinnhiem"
        copy = self.service.copy_to(target)
        self._last_time = self.clock() if now is None else now
        self._last_head = head or self.service.file_log_head()
        for old in self.copies()[self.keep:]:
            old.path.unlink(missing_ok=True)
        return copy

    def copies(self) -> list[BackupCopy]:
        """This round's copies, newest first."""
        return [c for c in all_copies(self.folder.parent) if c.path.parent == self.folder]


def all_copies(folder: Path | None = None) -> list[BackupCopy]:
    """Every round's backups, newest first: the round to restore may be one that no longer opens."""
    root = folder or default_folder()
    found = []
    for path in root.glob("*/*.tinnhiem"):
        try:
            found.append(BackupCopy(path, datetime.strptime("-".join(path.stem.rsplit("-", 2)[-2:]), STAMP)))
        except ValueError:
            continue  # not a copy of ours
    return sorted(found, key=lambda c: c.taken, reverse=True)


def restore_copy(backup: Path, target: Path) -> Path:
    """The backup as a new round file; the file being replaced is never overwritten."""
    read_header(Path(backup))
    target = Path(target)
    if target.exists():
        raise TinNhiemError("file_exists", file=str(target))
    try:
        shutil.copyfile(backup, target)
    except OSError as error:
        raise TinNhiemError("file_not_writable", file=str(target), detail=error.strerror or str(error)) from None
    return target
