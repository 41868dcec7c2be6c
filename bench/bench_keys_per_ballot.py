"""Keystrokes per ballot for a 15-candidate ballot, counted through the real grid.

Every ballot is keyed the way a keyer does it: cell by cell, and, once the cells left all carry
the same level, one Shift+level that fills the rest (the grid then moves to the next ballot). Each ballot is checked against the paper it
came from, so the count is of keystrokes that really produce the ballot. The floor without
fill-the-rest is 15 (one key per person; the next ballot starts by itself after the last cell).
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from common import bench_folder  # noqa: E402

from tinnhiem_desktop.core.model import Mark  # noqa: E402
from tinnhiem_desktop.core.spec import setup_from_dict  # noqa: E402
from tinnhiem_desktop.services.rounds import RoundService  # noqa: E402
from tinnhiem_desktop.ui.dialogs import Dialogs  # noqa: E402
from tinnhiem_desktop.ui.main_window import MainWindow  # noqa: E402

CANDIDATES, BALLOTS = 15, 200
KEY = {Mark.CAO: Qt.Key.Key_1, Mark.TIN_NHIEM: Qt.Key.Key_2, Mark.THAP: Qt.Key.Key_3, Mark.NO_MARK: Qt.Key.Key_0,
       Mark.MULTI: Qt.Key.Key_X}
FILLABLE = (Mark.CAO, Mark.TIN_NHIEM, Mark.THAP)
# How a meeting votes: mostly "tín nhiệm", some "cao", a few "thấp", rare blanks (an assumption,
# stated in BENCHMARKS.md; a real stack may be more or less uniform).
WEIGHTS = {Mark.TIN_NHIEM: 0.62, Mark.CAO: 0.28, Mark.THAP: 0.07, Mark.NO_MARK: 0.02, Mark.MULTI: 0.01}


class FirstChoice(Dialogs):
    def choose(self, title, label, items, current=0):
        return items[0]


def keys_for(marks: list[Mark]) -> list[tuple[Qt.Key, Qt.KeyboardModifier]]:
    """Cell by cell until the rest is one fillable level, then Shift+level fills it."""
    tail = len(marks)
    while tail > 0 and marks[tail - 1] == marks[-1]:
        tail -= 1
    plain = [(KEY[m], Qt.KeyboardModifier.NoModifier) for m in marks]
    if marks[-1] in FILLABLE and len(marks) - tail >= 2:
        return plain[:tail] + [(KEY[marks[-1]], Qt.KeyboardModifier.ShiftModifier)]
    return plain


def main() -> dict[str, float]:
    folder = bench_folder()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    app = QApplication.instance() or QApplication(sys.argv)
    spec = {
        "title": "Số phím mỗi phiếu", "year": 2026, "rule": "qd-96-2023",
        "header": {"unit": "SỞ GIAO THÔNG VẬN TẢI"}, "team": [{"name": "Lê Thị Hồng", "role": "Tổ trưởng"}],
        "forms": [{"id": "1", "title": "Lãnh đạo", "summoned": BALLOTS, "present": BALLOTS, "issued": BALLOTS,
                   "collected": BALLOTS, "candidates": [{"name": f"Người {i}"} for i in range(1, CANDIDATES + 1)]}],
    }
    path = folder / "keys-per-ballot.tinnhiem"
    path.unlink(missing_ok=True)
    RoundService.create(path, setup_from_dict(spec, "bench"), "bench").close()

    window = MainWindow(FirstChoice())
    window.show()
    window.open_round(path)
    view = window.current_tab().view
    rng = random.Random(3)
    papers, pressed = [], 0
    for _ in range(BALLOTS):
        marks = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()), k=CANDIDATES)
        papers.append(marks)
        for key, modifier in keys_for(marks):
            QTest.keyClick(view, key, modifier)
            pressed += 1
    keyed = window.session.service.ballots("1")
    assert [[b.marks[o] for o in range(1, CANDIDATES + 1)] for b in keyed] == papers, "a ballot came out wrong"
    window.close()
    figures = {"keys_per_ballot_mean": pressed / BALLOTS}  # the floor without fill-the-rest: CANDIDATES
    for name, value in figures.items():
        print(f"{name}: {value:.2f}")
    return figures


if __name__ == "__main__":
    main()
