"""Cold start: from launching the program to a usable window showing a round's grid."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import bench_folder, big_round, percentile  # noqa: E402

CHILD = """
import sys, time
from PySide6.QtCore import QSettings, QTimer
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from tinnhiem_desktop.ui import app, main_window

class FirstChoice(main_window.Dialogs):
    def choose(self, title, label, items, current=0):
        return items[0]

main_window.Dialogs = FirstChoice
def ready():
    print("ready", flush=True)
    sys.exit(0)
QTimer.singleShot(0, ready)
app.main(["tinnhiem", sys.argv[1]])
"""


def main() -> dict[str, float]:
    folder = bench_folder()
    path = big_round(folder, forms=1, candidates=60, ballots=1000)
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    times = []
    for _ in range(5):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", CHILD, str(path), str(folder / "settings")],
                       env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - began)
    figures = {"cold_start_median_seconds": percentile(times, 50), "cold_start_max_seconds": max(times)}
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")
    return figures


if __name__ == "__main__":
    main()
