"""The review screen of scanned ballots (Phiếu › Xác nhận ô của phiếu quét…): how long one key takes
from the key event to the next cell shown (the confirmation's durable commit, the review list
recomputed from the log, the next cell's image cut from the page and painted).

A stack of generated scans (tests/scangen.py) of the 15-person ballot with many hard cells is read
and stored first (not timed); then every waiting cell is confirmed by a real key event on the
review dialog, offscreen. A benchmark measures; it never fails.

    PYTHONPATH=. .venv/bin/python bench/bench_scan_review.py [--pages 40] [--hard 0.4]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from conftest import spec_dict  # noqa: E402
from scangen import ScanGenerator, random_faults  # noqa: E402
from tinnhiem_desktop.core.model import Mark  # noqa: E402
from tinnhiem_desktop.core.spec import setup_from_dict  # noqa: E402
from tinnhiem_desktop.services.rounds import RoundService  # noqa: E402
from tinnhiem_desktop.services.scanning import scan_ballots  # noqa: E402
from tinnhiem_desktop.ui.dialogs import Dialogs  # noqa: E402
from tinnhiem_desktop.ui.main_window import MainWindow  # noqa: E402
from tinnhiem_desktop.ui.scanning import ScanReviewDialog  # noqa: E402

KEYS = {Mark.CAO: Qt.Key.Key_1, Mark.TIN_NHIEM: Qt.Key.Key_2, Mark.THAP: Qt.Key.Key_3, Mark.NO_MARK: Qt.Key.Key_0,
        Mark.MULTI: Qt.Key.Key_X}


class Keyer(Dialogs):
    def choose(self, title, label, items, current=0):
        return items[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--hard", type=float, default=0.4)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-scan-review-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    app = QApplication(sys.argv)
    people = [{"name": f"Người thứ {i}", "position": "Trưởng phòng"} for i in range(1, 16)]
    form = {"id": "1", "title": "Lãnh đạo các phòng", "summoned": args.pages, "present": args.pages,
            "issued": args.pages, "collected": args.pages, "candidates": people}
    setup = setup_from_dict(spec_dict(forms=[form]), "bench")
    path = work / "r.tinnhiem"
    RoundService.create(path, setup, "bench").close()
    with RoundService.open(path, "bench") as service:
        uid = service.info.uid
    gen = ScanGenerator(setup, uid, "1", work)
    rng = random.Random(16)
    stack = work / "scans"
    stack.mkdir()
    truths = []
    for n in range(args.pages):
        page = gen.page(rng, random_faults(rng, 200), special=args.hard)
        (stack / f"{n + 1:04d}.png").write_bytes(page.encoded())
        truths.append(page.truth)
    with RoundService.open(path, "Lê Thị Hồng") as service:
        report = scan_ballots(service, stack)
    window = MainWindow(Keyer())
    window.show()
    window.open_round(path)
    dialog = ScanReviewDialog(window.session, window.dialogs, window)
    dialog.show()
    app.processEvents()
    times = []
    while dialog.current is not None:
        cell = dialog.current
        key = KEYS[truths[cell.number - 1][cell.order]]
        start = time.perf_counter()
        QTest.keyClick(dialog, key)
        dialog.repaint()  # the next cell painted, not only scheduled
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    with open("/proc/loadavg") as load:
        print(f"{len(report.stored)} ballots stored, {len(times)} cells confirmed by key; per key: "
              f"p50 {statistics.median(times):.1f} ms, p99 {p99:.1f} ms, max {times[-1]:.1f} ms; "
              f"load {load.read().split()[0]}")
    window.close()


if __name__ == "__main__":
    main()
