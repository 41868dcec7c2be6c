"""Keystroke latency through the real grid, keying new ballots at the end of a big round.

One keystroke = the key event, the durable commit, the grid repaint and the results update.
Two rounds: single entry, 1 form x 1,000 ballots x 60 candidates; double entry, 3 forms x 1,000
ballots x 60 candidates, pass A complete, pass B keyed to ballot 990 with 5 % of its cells
different from A, the keying going on in pass B. Also: opening the single-entry round and showing
the grid, and how often the grid's model is asked for a cell's data() per keystroke (the grid paints
its cells from pictures chosen by the model's look(), so this counts tooltips and the like).
Prints figures; it is a benchmark, not a test.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from common import bench_folder, big_double_round, big_round, percentile  # noqa: E402

from tinnhiem_desktop.ui.dialogs import Dialogs  # noqa: E402
from tinnhiem_desktop.ui.main_window import MainWindow  # noqa: E402
from tinnhiem_desktop.ui.tally import BallotTableModel  # noqa: E402

KEYS = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_0]
COUNTED_KEYS = 60  # one ballot, started and finished in the grid


class Answers(Dialogs):
    """The first keyer of the team, and the pass `entry_pass` when asked which one."""

    def __init__(self, entry_pass: str) -> None:
        super().__init__()
        self.entry_pass = entry_pass

    def choose(self, title, label, items, current=0):
        return next((item for item in items if item.startswith(f"Lượt {self.entry_pass}")), items[0])


def key_new_ballots(
    app: QApplication, source: Path, entry_pass: str, ballots: int
) -> tuple[float, list[float], list[int]]:
    """Open a copy of `source`, key `ballots` new ballots of 60 candidates in its first form (so
    a ballot's first and last cells are 1 in 30 of the keystrokes): the seconds to open, then the
    milliseconds (wall clock, and the window thread's CPU time, which other work on a shared
    machine inflates much less), and the grid model's data() calls of each keystroke."""
    work = source.with_name(f"keyed-{source.name}")
    shutil.copyfile(source, work)
    with counting_data_calls() as counted:
        window = MainWindow(Answers(entry_pass))
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        start = time.perf_counter()
        window.open_round(work)
        window.repaint()
        app.processEvents()
        open_seconds = time.perf_counter() - start

        tab = window.current_tab()
        tab.go_to(tab.model.rowCount() - 1, 1)
        app.processEvents()
        timings, cpu, calls = [], [], []
        for i in range(60 * ballots):
            counted[0] = 0
            began, began_cpu = time.perf_counter(), time.thread_time()
            QTest.keyClick(tab.view, KEYS[i % len(KEYS)])
            app.processEvents()  # Qt paints what the keystroke changed, as it does for a user
            timings.append((time.perf_counter() - began) * 1000)
            cpu.append((time.thread_time() - began_cpu) * 1000)
            calls.append(counted[0])
        window.close()
    work.unlink()
    return open_seconds, timings, cpu, calls


@contextmanager
def counting_data_calls():
    """Count the grid model's data() calls. Set before the window is made: PySide keeps the
    override a model was made with."""
    counted = [0]
    original = BallotTableModel.data

    def data(model, index, role=Qt.ItemDataRole.DisplayRole):
        counted[0] += 1
        return original(model, index, role)

    BallotTableModel.data = data
    try:
        yield counted
    finally:
        BallotTableModel.data = original


def main() -> dict[str, float]:
    folder = bench_folder()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    app = QApplication.instance() or QApplication(sys.argv)
    single = big_round(folder, forms=1, candidates=60, ballots=1000)
    double = big_double_round(folder, forms=3, candidates=60, ballots=1000, keyed_b=990, differ=0.05)

    open_seconds, timings, cpu, calls = key_new_ballots(app, single, "A", ballots=10)
    _, double_timings, double_cpu, double_calls = key_new_ballots(app, double, "B", ballots=10)
    figures = {
        "open_seconds": open_seconds,
        "keystroke_p50_ms": percentile(timings, 50),
        "keystroke_p99_ms": percentile(timings, 99),
        "keystroke_max_ms": max(timings),
        "keystroke_cpu_p50_ms": percentile(cpu, 50),
        "keystroke_cpu_p99_ms": percentile(cpu, 99),
        "keystroke_data_calls_mean": sum(calls) / len(calls),
        "keystroke_data_calls_max": max(calls),
        "double_keystroke_p50_ms": percentile(double_timings, 50),
        "double_keystroke_p99_ms": percentile(double_timings, 99),
        "double_keystroke_max_ms": max(double_timings),
        "double_keystroke_cpu_p50_ms": percentile(double_cpu, 50),
        "double_keystroke_cpu_p99_ms": percentile(double_cpu, 99),
        "double_keystroke_data_calls_mean": sum(double_calls) / len(double_calls),
        "double_keystroke_data_calls_max": max(double_calls),
    }
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")
    return figures


if __name__ == "__main__":
    main()
