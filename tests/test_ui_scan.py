"""Phiếu › Đọc phiếu quét… in the window: a generated stack (tests/scangen.py) read in the
background, the doubtful cells confirmed by keys on the review screen, the round then equal to the
paper; a reading stopped stores nothing; the minutes say how the ballots were read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from conftest import FakeDialogs
from test_scan import generator, make_round, stored_marks, write_stack
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.services.scanning import images_folder, pending_review, scanned_pages
from tinnhiem_desktop.ui.main_window import KEEP_SCANS, MainWindow
from tinnhiem_desktop.ui.scanning import ScanDialog, ScanReviewDialog

KEYS = {Mark.CAO: Qt.Key.Key_1, Mark.TIN_NHIEM: Qt.Key.Key_2, Mark.THAP: Qt.Key.Key_3, Mark.NO_MARK: Qt.Key.Key_0,
        Mark.MULTI: Qt.Key.Key_X}
KEYER = "Phạm Quốc Huy"


def open_window(qtbot, path: Path, dialogs: FakeDialogs) -> MainWindow:
    window = MainWindow(dialogs)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.open_round(path)
    return window


def focused_in(qtbot, dialog):
    """Where the keyboard is: inside the dialog (no mouse needed to get there)."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and dialog.isAncestorOf(QApplication.focusWidget())
                    or QApplication.focusWidget() is dialog, timeout=5_000)
    return QApplication.focusWidget()


@pytest.fixture
def stack(tmp_path):
    path = make_round(tmp_path, "r", issued=10)
    truths = write_stack(generator(path, tmp_path), tmp_path / "scans", 5, seed=4, dpi=200, special=0.3)
    return path, tmp_path / "scans", truths


def test_a_stack_read_in_the_window_and_its_doubtful_cells_confirmed_by_keys(qtbot, settings_dir, stack):
    path, scans, truths = stack
    seen: dict[str, object] = {}

    def drive(dialog):
        if isinstance(dialog, ScanDialog):
            dialog.show()
            qtbot.waitUntil(lambda: dialog.report is not None, timeout=120_000)
            seen["summary"] = dialog.summary.text()
            seen["progress"] = (dialog.progress.value(), dialog.progress.maximum())
            # nothing doubtful counts yet
            before = stored_marks(path)
            seen["unkeyed"] = {(n, o) for n, marks in before.items() for o in range(1, 16) if o not in marks}
            key_target = focused_in(qtbot, dialog)
            assert key_target is dialog.review_button
            qtbot.keyClick(key_target, Qt.Key.Key_Space)  # "Xác nhận các ô cần xem…"
            return
        assert isinstance(dialog, ScanReviewDialog)
        dialog.show()
        target = focused_in(qtbot, dialog)
        seen["first"] = (dialog.number.text(), dialog.person.text(), dialog.image._pixmap is not None)
        confirmed = []
        while dialog.current is not None:
            cell = dialog.current
            assert f"Phiếu số {cell.number}" == dialog.number.text()
            assert cell.name in dialog.person.text()
            mark = truths[cell.number - 1][cell.order]
            qtbot.keyClick(target, KEYS[mark])
            confirmed.append((cell.number, cell.order))
        seen["confirmed"] = confirmed
        assert "Không còn ô nào" in dialog.number.text()
        qtbot.keyClick(target, Qt.Key.Key_Escape)

    dialogs = FakeDialogs(choices=[KEYER, "Thư mục"], texts=[str(scans)], on_run=drive)
    window = open_window(qtbot, path, dialogs)
    window.settings.setValue(KEEP_SCANS, True)
    window.keep_scans_action.setChecked(True)
    window.read_scans()

    assert dialogs.errors == []
    assert seen["progress"] == (5, 5)
    assert "lưu <b>5</b> phiếu" in seen["summary"]
    assert seen["unkeyed"] and set(seen["confirmed"]) == seen["unkeyed"]
    assert seen["first"][2]  # the cell's image is shown
    assert stored_marks(path) == {n + 1: truth for n, truth in enumerate(truths)}
    grid = window.current_tab().model
    assert grid.rowCount() >= 5  # the grid shows the ballots read
    with RoundService.open(path, "test", read_only=True) as service:
        assert pending_review(service) == []
        confirmations = [e for e in service.events() if e.action == "mark_set" and e.data.get("scan_confirmed")]
        assert len(confirmations) == len(seen["unkeyed"]) and {e.keyer for e in confirmations} == {KEYER}
        pages = scanned_pages(service)
        assert [p["page"] for p in pages] == [1, 2, 3, 4, 5]
        folder = images_folder(service)
        assert all((folder / p["kept"]).is_file() for p in pages)  # kept beside the round file for audit


def test_the_review_shows_a_cell_from_the_kept_image_after_reopening(qtbot, settings_dir, stack):
    path, scans, truths = stack
    from tinnhiem_desktop.services.scanning import scan_ballots

    with RoundService.open(path, "Lê Thị Hồng") as service:
        report = scan_ballots(service, scans, keep_images=True)
    assert report.review
    shown = {}

    def drive(dialog):
        dialog.show()
        target = focused_in(qtbot, dialog)
        shown["image"] = dialog.image._pixmap is not None
        first = dialog.current
        qtbot.keyClick(target, Qt.Key.Key_Right)  # skip one: it still waits
        shown["moved"] = dialog.current != first
        qtbot.keyClick(target, Qt.Key.Key_Left)
        qtbot.keyClick(target, KEYS[truths[first.number - 1][first.order]])
        shown["left"] = len(dialog.cells)
        qtbot.keyClick(target, Qt.Key.Key_Escape)

    dialogs = FakeDialogs(choices=[KEYER], on_run=drive)
    window = open_window(qtbot, path, dialogs)
    window.review_scans()
    assert shown["image"] and shown["moved"]
    assert shown["left"] == len(report.review) - 1
    with RoundService.open(path, "test", read_only=True) as service:
        assert len(pending_review(service)) == len(report.review) - 1


def test_a_reading_stopped_stores_nothing(qtbot, settings_dir, stack):
    path, scans, _truths = stack
    outcome = {}

    def drive(dialog):
        dialog.show()
        qtbot.waitUntil(lambda: dialog.background.busy, timeout=10_000)
        qtbot.keyClick(focused_in(qtbot, dialog), Qt.Key.Key_Space)  # "Dừng đọc" has the keyboard
        qtbot.waitUntil(lambda: not dialog.background.busy, timeout=60_000)
        outcome["cancelled"], outcome["report"] = dialog.cancelled, dialog.report
        dialog.accept()

    dialogs = FakeDialogs(choices=[KEYER, "Thư mục"], texts=[str(scans)], on_run=drive)
    window = open_window(qtbot, path, dialogs)
    window.read_scans()
    assert outcome == {"cancelled": True, "report": None}
    assert stored_marks(path) == {}


def test_a_double_entry_scan_goes_to_the_pass_chosen(qtbot, settings_dir, tmp_path):
    path = make_round(tmp_path, "d", issued=10, entry_mode="double")
    truths = write_stack(generator(path, tmp_path), tmp_path / "scans", 2, seed=5, dpi=200, special=0)

    def drive(dialog):
        dialog.show()
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60_000)
        dialog.accept()

    dialogs = FakeDialogs(choices=[KEYER, "Lượt A", "Thư mục", "Lượt B"], texts=[str(tmp_path / "scans")],
                          on_run=drive)
    window = open_window(qtbot, path, dialogs)
    assert window.session.entry_pass.value == "A"
    window.read_scans()
    assert window.session.entry_pass.value == "B" and "lượt B" in window.keyer_label.text()
    assert stored_marks(path, "A") == {}
    stored = stored_marks(path, "B")
    assert len(stored) == 2 and all(truths[n - 1][o] == m for n, marks in stored.items() for o, m in marks.items())


def test_a_file_that_is_not_a_scan_is_refused_in_words_and_nothing_is_stored(qtbot, settings_dir, tmp_path):
    path = make_round(tmp_path, "r", issued=10)
    bad = tmp_path / "may-quet.pdf"
    bad.write_text("không phải PDF", encoding="utf-8")
    shown = {}

    def drive(dialog):
        dialog.show()
        qtbot.waitUntil(lambda: dialog.close_button.isEnabled(), timeout=10_000)
        shown["title"] = dialog.title.text()
        dialog.accept()

    dialogs = FakeDialogs(choices=[KEYER, "Tệp PDF"], texts=[str(bad)], on_run=drive)
    window = open_window(qtbot, path, dialogs)
    window.read_scans()
    assert "may-quet.pdf" in shown["title"]
    assert len(dialogs.errors) == 1 and "may-quet.pdf" in dialogs.errors[0] and "Traceback" not in dialogs.errors[0]
    assert stored_marks(path) == {}
