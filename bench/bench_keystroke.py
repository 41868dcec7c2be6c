"""Keystroke latency through the real grid at 1,000 ballots x 60 candidates.

One keystroke = the key event, the durable commit, the grid repaint and the results update.
Also: opening that round and showing the grid. Prints figures; it is a benchmark, not a test.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from common import bench_folder, big_round, percentile  # noqa: E402

from tinnhiem_desktop.ui.dialogs import Dialogs  # noqa: E402
from tinnhiem_desktop.ui.main_window import MainWindow  # noqa: E402


class FirstChoice(Dialogs):
    def choose(self, title, label, items, current=0):
        return items[0]


def main() -> dict[str, float]:
    folder = bench_folder()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    app = QApplication.instance() or QApplication(sys.argv)
    path = big_round(folder, forms=1, candidates=60, ballots=1000)

    window = MainWindow(FirstChoice())
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    window.open_round(path)
    window.repaint()
    app.processEvents()
    open_seconds = time.perf_counter() - start

    tab = window.current_tab()
    view = tab.view
    tab.go_to(0, 1)
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_2, Qt.Key.Key_0]
    timings = []
    for i in range(600):
        began = time.perf_counter()
        QTest.keyClick(view, keys[i % len(keys)])
        app.processEvents()  # Qt paints what the keystroke changed, as it does for a user
        timings.append((time.perf_counter() - began) * 1000)
    window.close()
    figures = {
        "open_seconds": open_seconds,
        "keystroke_p50_ms": percentile(timings, 50),
        "keystroke_p99_ms": percentile(timings, 99),
        "keystroke_max_ms": max(timings),
    }
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")
    return figures


if __name__ == "__main__":
    main()
