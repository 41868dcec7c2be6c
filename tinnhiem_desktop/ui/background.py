"""Long work (writing documents, reading many round files) off the window's thread."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

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
    `failed(message)` and `progressed(step)` run back on the window's thread.

    The job is over (`busy` false, then `finished`) as soon as its outcome reaches the window's
    thread, not when its thread has ended, which may come later: a window that updates its buttons
    from `done` must not see the job as still running. A dialog calls `wait()` before it goes, so no
    thread outlives the objects it reports to."""

    finished = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._job: _Job | None = None
        self._done: Callable[[Any], None] | None = None
        self._failed: Callable[[str], None] | None = None

    @property
    def busy(self) -> bool:
        return self._done is not None

    def start(
        self,
        work: Callable[[Callable[[str], None]], Any],
        done: Callable[[Any], None],
        failed: Callable[[str], None],
        progressed: Callable[[str], None] | None = None,
    ) -> None:
        if self.busy:
            raise RuntimeError("Background.start: the previous job has not reported yet")
        self.wait()  # the previous job's thread, which has reported and is only ending
        self._done, self._failed = done, failed
        self._thread = QThread(self)
        self._job = _Job(work)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.done.connect(self._report_done)
        self._job.failed.connect(self._report_failed)
        if progressed is not None:
            self._job.progressed.connect(progressed)
        for signal in (self._job.done, self._job.failed):
            # quit() from the worker's own thread: queued to the window's thread it could never
            # run while wait() blocks that thread
            signal.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.start()

    @Slot(object)
    def _report_done(self, result: Any) -> None:
        done, self._done, self._failed = self._done, None, None
        done(result)
        self.finished.emit()

    @Slot(str)
    def _report_failed(self, message: str) -> None:
        failed, self._done, self._failed = self._failed, None, None
        failed(message)
        self.finished.emit()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.wait()
