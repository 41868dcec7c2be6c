"""The background-job helper: a job is over for the window as soon as its outcome arrives there,
however long its worker thread takes to end."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, Qt

from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.ui.background import Background


def succeed(_progress):
    return 42


def fail(_progress):
    raise TinNhiemError("file_not_found", file="a.tinnhiem")


@pytest.mark.parametrize("work", [succeed, fail], ids=["done", "failed"])
def test_a_job_is_over_when_its_outcome_arrives_although_its_thread_is_still_ending(qtbot, work):
    owner = QObject()
    background = Background(owner)
    busy_in_callback: list[bool] = []
    reported = threading.Event()
    connected = threading.Event()

    def outcome(_value) -> None:
        busy_in_callback.append(background.busy)
        reported.set()

    def slow_start(progress):
        connected.wait(5)
        return work(progress)

    background.start(slow_start, outcome, outcome)
    # Hold the worker thread inside its report until the window has taken the outcome, as a
    # thread slow to end would: the window must not see the job as still running.
    for signal in (background._job.done, background._job.failed):
        signal.connect(lambda _value: reported.wait(5), Qt.ConnectionType.DirectConnection)
    connected.set()
    with qtbot.waitSignal(background.finished, timeout=5_000):
        qtbot.waitUntil(lambda: bool(busy_in_callback), timeout=5_000)
    assert busy_in_callback == [False]
    assert not background.busy
    background.wait()


def test_the_next_job_can_start_from_the_outcome_of_the_last(qtbot):
    owner = QObject()
    background = Background(owner)
    results: list[int] = []

    def first_done(result: int) -> None:
        results.append(result)
        background.start(lambda _progress: result + 1, results.append, pytest.fail)

    background.start(lambda _progress: 1, first_done, pytest.fail)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5_000)
    background.wait()
    assert results == [1, 2] and not background.busy
