"""Long work (writing documents, reading many round files) off the window's thread."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal

from ..core.issues import TinNhiemError
from .i18n import describe_error


class _Job(QObject):
    progressed = Signal(str)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Callable[[Callable[[str], None]], Any]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        try:
            self.done.emit(self._work(self.progressed.emit))
        except TinNhiemError as error:
            self.failed.emit(describe_error(error))


class Background(QObject):
    """One job at a time in a worker thread: `work(progress)` runs there; `done(result)`,
    `failed(message)` and `progressed(step)` run back on the window's thread. A dialog calls
    `wait()` before it goes, so no job outlives the objects it reports to."""

    finished = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._job: _Job | None = None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(
        self,
        work: Callable[[Callable[[str], None]], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
        progressed: Callable[[str], None] | None = None,
    ) -> None:
        self._thread = QThread(self)
        self._job = _Job(work)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.done.connect(done)
        self._job.failed.connect(failed)
        if progressed is not None:
            self._job.progressed.connect(progressed)
        for signal in (self._job.done, self._job.failed):
            # quit() from the worker's own thread: queued to the window's thread it could never
            # run while wait() blocks that thread
            signal.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self.finished)
        self._thread.start()

    def wait(self) -> None:
        if self.busy:
            self._thread.wait()
