"""The newcomer's whole path with the keyboard alone, through the real window and its real dialogs:
Ctrl+N and every wizard page (two forms, keyed twice), keying with undo, Shift-fill and an invalid
ballot, a crash and the reopening (Ctrl+O, the file typed in Qt's file dialog), pass B keyed blind,
the comparison resolved, the seal and the minutes exported. The counts are checked against a tally
the test keeps of the keys it typed.

Every action is a key event sent to the widget that has the keyboard focus (or to the open menu):
no mouse, no call on a widget to fill it in. Modal dialogs run their own event loops, so the
script runs from timers and each key is sent from a timer of its own (`Robot`)."""

from __future__ import annotations

import os
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Iterator

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from tinnhiem_desktop.core.model import BallotStatus, Mark
from tinnhiem_desktop.storage.roundfile import _FileLock
from tinnhiem_desktop.ui.compare import CompareDialog
from tinnhiem_desktop.ui.export_dialog import ExportDialog
from tinnhiem_desktop.ui.main_window import MainWindow
from tinnhiem_desktop.ui.wizard import RoundWizard

K = Qt.Key
NONE, SHIFT, CTRL, ALT = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier,
                          Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier)
MARK_KEYS = {"1": (K.Key_1, Mark.CAO), "2": (K.Key_2, Mark.TIN_NHIEM), "3": (K.Key_3, Mark.THAP),
             "0": (K.Key_0, Mark.NO_MARK), "x": (K.Key_X, Mark.MULTI)}
FILL_KEYS = {"1": (K.Key_Exclam, Mark.CAO), "2": (K.Key_At, Mark.TIN_NHIEM), "3": (K.Key_NumberSign, Mark.THAP)}


STEP_TIMEOUT = 60.0  # seconds one wait may last before the test fails


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    return f"{type(widget).__name__} {widget.objectName()!r}" + (
        f" {widget.text()!r}" if hasattr(widget, "text") and callable(widget.text) else "")


class Wait:
    def __init__(self, condition: Callable[[], bool], what: str) -> None:
        self.condition, self.what = condition, what


class Robot:
    """Plays a generator of key presses and waits. A key that opens a modal dialog blocks the timer
    that sent it until the dialog closes; the script goes on from other timers meanwhile."""

    def __init__(self) -> None:
        self.boxes: list[str] = []  # the text of every message box seen
        self.waiting: Wait | None = None
        self.since = 0.0
        self.error: BaseException | None = None
        self.done = False

    def target(self) -> QWidget:
        return (QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeModalWidget()
                or QApplication.activeWindow())

    def _watch(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible() and widget.text() not in self.boxes[-1:]:
                self.boxes.append(widget.text())

    def _close_dialogs(self) -> None:
        """After a failure, the open dialogs are closed, so their event loops end and the test
        reports instead of hanging."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            modal.reject() if hasattr(modal, "reject") else modal.close()
            QTimer.singleShot(50, self._close_dialogs)

    def play(self, qtbot, script: Iterator, timeout: int = 120_000) -> None:
        def tick() -> None:
            try:
                self._watch()
                while True:
                    if self.waiting is not None:
                        if not self.waiting.condition():
                            if time.monotonic() - self.since > STEP_TIMEOUT:
                                raise AssertionError(f"stuck waiting for: {self.waiting.what}; "
                                                     f"focus on {describe(QApplication.focusWidget())}, "
                                                     f"modal {describe(QApplication.activeModalWidget())}, "
                                                     f"active {describe(QApplication.activeWindow())}")
                            QTimer.singleShot(10, tick)
                            return
                        self.waiting = None
                    step = next(script)
                    if isinstance(step, Wait):
                        self.waiting, self.since = step, time.monotonic()
                        continue
                    QTimer.singleShot(0, step)  # a key press, sent from a timer of its own
                    QTimer.singleShot(15, tick)
                    return
            except StopIteration:
                self.done = True
            except BaseException as error:  # noqa: BLE001  (reported by the test below)
                self.error, self.done = error, True
                self._close_dialogs()

        QTimer.singleShot(0, tick)
        try:
            qtbot.waitUntil(lambda: self.done, timeout=timeout)
        except AssertionError:
            raise AssertionError(f"stuck waiting for: {self.waiting.what if self.waiting else '?'}") from None
        if self.error is not None:
            raise self.error


def key(robot: Robot, code: K, modifier=NONE) -> Callable[[], None]:
    return lambda: QTest.keyClick(robot.target(), code, modifier)


def text(robot: Robot, typed: str) -> Callable[[], None]:
    """Typed letter by letter; a Vietnamese letter arrives as a key event carrying it (as an input
    method delivers it; QTest.keyClicks handles ASCII only)."""
    def send() -> None:
        for letter in typed:
            target = robot.target()
            if letter.isascii():
                QTest.keyClicks(target, letter)
            else:
                QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, K.Key_unknown, NONE, letter))
                QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, K.Key_unknown, NONE, letter))
    return send


def modal(kind: type, what: str) -> Wait:
    def shown() -> bool:
        widget = QApplication.activeModalWidget()
        return isinstance(widget, kind) and widget.isVisible() and widget.isActiveWindow()
    return Wait(shown, what)


def gone(widget_kind: type, what: str) -> Wait:
    return Wait(lambda: not isinstance(QApplication.activeModalWidget(), widget_kind), what)


def asked(label: str) -> Wait:
    """A question of the window's (a QInputDialog) whose label starts with `label`."""
    def shown() -> bool:
        widget = QApplication.activeModalWidget()
        return (isinstance(widget, QInputDialog) and widget.isActiveWindow()
                and widget.labelText().startswith(label))
    return Wait(shown, label)


def focus_on(condition: Callable[[QWidget], bool], what: str) -> Wait:
    return Wait(lambda: QApplication.focusWidget() is not None and condition(QApplication.focusWidget()), what)


def crash(window: MainWindow) -> None:
    """What the operating system does for a window that dies: its descriptors closed (the locks
    with them), the lock file left beside the round file, no clean close of the round."""
    repo = window.session.service._repo
    lock = repo._lock
    repo._engine.dispose()
    if lock._file is not None:
        _FileLock.held.pop(lock._file.key, None)
        os.close(lock._file.fd)
    os.close(lock._fd)
    repo._lock = None
    window.reload_timer.stop()
    window.backup_timer.stop()


class Tally:
    """The test's own count from the keys it typed: one ballot a dict of marks, or None if invalid."""

    def __init__(self, sizes: dict[str, int]) -> None:
        self.sizes = sizes
        self.ballots: dict[str, list[dict[int, Mark] | None]] = {form: [] for form in sizes}

    def counts(self, form: str) -> dict[int, Counter]:
        result = {order: Counter() for order in range(1, self.sizes[form] + 1)}
        for ballot in self.ballots[form]:
            if ballot is not None:
                for order, mark in ballot.items():
                    result[order][mark] += 1
        return result


def test_from_ctrl_n_to_the_printed_minutes_with_the_keyboard_alone(qtbot, settings_dir, tmp_path, monkeypatch):
    documents = tmp_path / "documents"
    documents.mkdir()
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    robot = Robot()
    tally = Tally({"1": 3, "2": 2})
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    windows = {"now": first}

    def tab():
        return windows["now"].current_tab()

    def on_cell(row: int, order: int) -> Wait:
        return Wait(lambda: tab() is not None and tab().current() == (row, order), f"the cursor on {row}, {order}")

    def ballot(form: str, keys: str, undo_after: int | None = None, redo_with: str = "") -> Iterator:
        """Key one ballot; `undo_after` keys in, Ctrl+Z and key `redo_with` instead."""
        marks: dict[int, Mark] = {}
        order = 1
        for index, typed in enumerate(keys):
            if typed in "!@#":  # Shift-fill of the cells left
                digit = {"!": "1", "@": "2", "#": "3"}[typed]
                code, mark = FILL_KEYS[digit]
                yield key(robot, code, SHIFT)
                for rest in range(order, tally.sizes[form] + 1):
                    marks.setdefault(rest, mark)
                order = tally.sizes[form] + 1
                continue
            code, mark = MARK_KEYS[typed]
            yield key(robot, code)
            marks[order] = mark
            order += 1
            if undo_after is not None and index + 1 == undo_after:
                yield key(robot, K.Key_Z, CTRL)
                order -= 1
                del marks[order]
                yield Wait(lambda o=order: tab().current()[1] == o, "the cursor back on the undone cell")
                for again in redo_with:
                    code, mark = MARK_KEYS[again]
                    yield key(robot, code)
                    marks[order] = mark
                    order += 1
        tally.ballots[form].append(marks)
        yield Wait(lambda: True, "")

    def invalid(form: str) -> Iterator:
        yield key(robot, K.Key_I, CTRL)
        yield asked("Lý do phiếu số")
        yield key(robot, K.Key_Return)  # the first reason offered
        yield gone(QInputDialog, "the reason taken")
        tally.ballots[form].append(None)

    def script() -> Iterator:
        # -- Ctrl+N and the wizard, page by page ------------------------------------------
        yield key(robot, K.Key_N, CTRL)
        yield modal(RoundWizard, "the wizard")
        wizard = QApplication.activeModalWidget()
        info = wizard.info_page
        for field, typed in ((info.parent_edit, "ỦY BAN NHÂN DÂN TỈNH AN PHÚ"), (info.unit_edit, "SỞ GIAO THÔNG VẬN TẢI"),
                             (info.place_edit, "Hội trường tầng 3"), (info.chair_edit, "Trần Văn Bình"),
                             (info.preparer_edit, "Nguyễn Thị Mai")):
            for _ in range(12):
                if QApplication.focusWidget() is field:
                    break
                yield key(robot, K.Key_Tab)
                yield Wait(lambda: True, "")
            yield focus_on(lambda w, f=field: w is f, f"the field for {typed}")
            yield text(robot, typed)
        yield key(robot, K.Key_T, ALT)  # Tiếp theo
        yield focus_on(lambda w: w is wizard.rules_page.preset_combo, "the rules page")
        assert "96" in wizard.rules_page.preset_combo.currentText()  # QĐ 96-QĐ/TW by default
        yield key(robot, K.Key_C, ALT)  # Cách nhập phiếu
        yield focus_on(lambda w: w is wizard.rules_page.entry_combo, "the entry mode")
        yield key(robot, K.Key_Down)  # two passes
        yield key(robot, K.Key_T, ALT)
        team = wizard.team_page.table
        yield focus_on(lambda w: w is team, "the team table")
        yield text(robot, "Lê Thị Hồng")
        yield key(robot, K.Key_Return)
        yield Wait(lambda: bool(wizard.team_page.members()), "the first member")
        yield key(robot, K.Key_N, ALT)  # Thêm người
        yield Wait(lambda: team.rowCount() == 2 and team.currentRow() == 1, "a second row")
        yield focus_on(lambda w: team.isAncestorOf(w), "the new member's name")
        yield text(robot, "Phạm Quốc Huy")
        yield key(robot, K.Key_Return)
        yield Wait(lambda: len(wizard.team_page.members()) == 2, "the second member")
        yield key(robot, K.Key_T, ALT)
        forms = wizard.forms_page
        people = {"1": [("Nguyễn Văn An", "Giám đốc Sở"), ("Hoàng Thị Thu Hà", "Phó Giám đốc Sở"),
                        ("Vũ Đức Thắng", "Phó Giám đốc Sở")],
                  "2": [("Bùi Thị Lan", "Chánh Văn phòng"), ("Đặng Văn Tùng", "Chánh Thanh tra")]}
        for number, (title, listed) in enumerate((("Lãnh đạo Sở", people["1"]), ("Lãnh đạo các phòng", people["2"]))):
            if number:
                yield key(robot, K.Key_L, ALT)  # Thêm loại phiếu
                yield Wait(lambda: len(forms.editors()) == 2, "a second form")
            editor = forms.editors()[number]
            yield focus_on(lambda w, e=editor: w is e.title_edit, "the form's title")
            yield text(robot, title)
            yield key(robot, K.Key_Tab)
            yield focus_on(lambda w, e=editor: w is e.table, "the candidate table")
            yield key(robot, K.Key_Right)
            for index, (name, position) in enumerate(listed):
                yield text(robot, name)
                yield key(robot, K.Key_Tab)
                yield text(robot, position)
                yield key(robot, K.Key_Return)  # ends the edit
                if index + 1 < len(listed):
                    yield key(robot, K.Key_Return)  # a new row, its name being edited
            yield Wait(lambda e=editor, n=len(listed): len(e.candidates()) == n, "the candidates")
        yield key(robot, K.Key_T, ALT)
        counts = {"1": ("8", "8", "7", "7"), "2": ("3", "3", "2", "2")}
        yield Wait(lambda: wizard.currentPage() is wizard.counts_page, "the counts page")
        yield focus_on(lambda w: w is wizard.counts_page.rows[0][1][0], "the first count")
        for form in ("1", "2"):
            for typed in counts[form]:
                yield text(robot, typed)
                yield key(robot, K.Key_Tab)
        yield Wait(lambda: [s.value() for s in wizard.counts_page.rows[1][1]] == [3, 3, 2, 2], "the counts")
        yield key(robot, K.Key_T, ALT)
        yield focus_on(lambda w: w is wizard.save_page.path_edit, "the save page")
        assert Path(wizard.save_page.path_edit.text()).parent == documents
        yield key(robot, K.Key_H, ALT)  # Hoàn tất
        yield asked("Ai đang nhập phiếu?")
        yield key(robot, K.Key_Return)  # the head of the team, first in the list
        yield asked("Đợt này nhập phiếu hai lượt")
        yield key(robot, K.Key_Return)  # pass A
        yield Wait(lambda: tab() is not None and QApplication.activeModalWidget() is None, "the grid")
        assert first.session.keyer == "Lê Thị Hồng" and first.session.entry_pass.value == "A"

        # -- pass A: undo, Shift-fill, an invalid ballot, two forms ------------------------
        yield focus_on(lambda w: w is tab().view, "the grid has the keyboard")
        yield from ballot("1", "123")
        yield from ballot("1", "22", undo_after=2, redo_with="31")  # 2, 2, Ctrl+Z, 3, 1
        yield on_cell(2, 1)
        yield from ballot("1", "!")  # Shift+1 on the first cell: all three "cao"
        yield from ballot("1", "3@")  # 3, then Shift+2 for the rest
        yield on_cell(4, 1)
        yield from invalid("1")
        yield on_cell(5, 1)
        yield from ballot("1", "10x")
        yield key(robot, K.Key_PageDown, CTRL)
        yield Wait(lambda: tab().form.code == "2", "form 2")
        yield from ballot("2", "11")
        yield from ballot("2", "32")
        yield key(robot, K.Key_PageUp, CTRL)
        yield Wait(lambda: tab().form.code == "1", "form 1 again")
        yield on_cell(6, 1)
        yield key(robot, K.Key_2)
        yield key(robot, K.Key_1)
        yield on_cell(6, 3)  # ballot 7 half keyed when the window dies

        # -- a crash, and the program started again on the file -----------------------------
        crash(first)
        first.hide()
        second = MainWindow()
        qtbot.addWidget(second)
        second.show()
        second.activateWindow()
        windows["now"] = second
        yield Wait(second.isActiveWindow, "the new window")
        yield key(robot, K.Key_O, CTRL)
        yield modal(QFileDialog, "the file dialog")
        round_path = first.session.service.path
        yield text(robot, str(round_path))
        yield key(robot, K.Key_Return)
        yield asked("Ai đang nhập phiếu?")
        yield key(robot, K.Key_Return)
        yield asked("Đợt này nhập phiếu hai lượt")
        yield key(robot, K.Key_Return)  # offered: the pass this keyer keyed
        yield Wait(lambda: tab() is not None and QApplication.activeModalWidget() is None, "the round reopened")
        yield on_cell(6, 3)  # the first empty cell of the unfinished ballot
        assert tab().form.code == "1"
        yield key(robot, K.Key_3)
        tally.ballots["1"].append({1: Mark.TIN_NHIEM, 2: Mark.CAO, 3: Mark.THAP})
        yield on_cell(7, 1)

        # -- pass B, blind, by the other member --------------------------------------------
        yield key(robot, K.Key_P, ALT)  # the Phiếu menu
        yield Wait(lambda: QApplication.activePopupWidget() is not None, "the Phiếu menu")
        yield key(robot, K.Key_N)  # Đổi người nhập / lượt nhập
        yield asked("Ai đang nhập phiếu?")
        yield key(robot, K.Key_Down)
        yield key(robot, K.Key_Return)
        yield asked("Đợt này nhập phiếu hai lượt")
        yield key(robot, K.Key_Down)
        yield key(robot, K.Key_Return)
        yield Wait(lambda: second.session.entry_pass.value == "B" and tab().model.rowCount() == 1, "pass B's grid")
        assert second.session.keyer == "Phạm Quốc Huy"
        pane = second.panes_by_form["1"]
        assert pane.blind and not pane.table.isVisible()  # nothing of pass A shows
        yield focus_on(lambda w: w is tab().view, "pass B's grid has the keyboard")
        pass_a = {form: list(ballots) for form, ballots in tally.ballots.items()}
        slip = "1"  # ballot 2, person 1: pass A read "tín nhiệm", pass B slips to "cao"
        for typed_keys in ("123", slip + "31", "111", "322"):
            for typed in typed_keys:
                yield key(robot, MARK_KEYS[typed][0])
        yield on_cell(4, 1)
        yield key(robot, K.Key_I, CTRL)
        yield asked("Lý do phiếu số")
        yield key(robot, K.Key_Return)
        yield gone(QInputDialog, "the reason taken")
        for typed in "10x" "213":
            yield key(robot, MARK_KEYS[typed][0])
        yield key(robot, K.Key_PageDown, CTRL)
        yield Wait(lambda: tab().form.code == "2", "form 2 in pass B")
        for typed in "11" "32":
            yield key(robot, MARK_KEYS[typed][0])
        yield Wait(lambda: tab().model.rowCount() == 3, "pass B's ballots of form 2")

        # -- the comparison, resolved from the paper ---------------------------------------
        yield key(robot, K.Key_D, CTRL)
        yield modal(QMessageBox, "may pass A show?")
        yield key(robot, K.Key_C, ALT)  # Có
        yield modal(CompareDialog, "the comparison")
        compare = QApplication.activeModalWidget()
        assert [(d.form, d.number) for d in compare.differences] == [("1", 2)]
        yield key(robot, K.Key_A, ALT)  # the paper says what pass A read
        yield Wait(lambda: all(d.resolved for d in compare.differences), "the difference resolved")
        yield key(robot, K.Key_Escape)
        yield gone(CompareDialog, "the comparison closed")

        # -- the seal ----------------------------------------------------------------------
        yield key(robot, K.Key_K, ALT)  # the Kết quả menu
        yield Wait(lambda: QApplication.activePopupWidget() is not None, "the Kết quả menu")
        yield key(robot, K.Key_C)  # Chốt kết quả
        yield modal(QMessageBox, "may pass A show?")
        yield key(robot, K.Key_C, ALT)
        yield asked("Các bước tại hội nghị chưa được ghi nhận")
        yield key(robot, K.Key_Down)  # seal without recording them
        yield key(robot, K.Key_Return)
        yield asked("Ai chốt kết quả?")
        yield key(robot, K.Key_Return)  # the head of the team, offered first
        yield modal(QMessageBox, "seal with the head?")
        yield key(robot, K.Key_C, ALT)
        yield Wait(lambda: "Đã chốt kết quả" in "".join(robot.boxes[-1:]) or second.session.service.info.sealed,
                   "sealed")
        yield modal(QMessageBox, "the fingerprint")
        yield key(robot, K.Key_Return)
        yield gone(QMessageBox, "the fingerprint read")
        assert second.session.service.info.sealed and second.session.service.info.sealed_by == "Lê Thị Hồng"

        # -- the minutes -------------------------------------------------------------------
        yield Wait(lambda: QApplication.activeModalWidget() is None and second.isActiveWindow(), "the window")
        yield key(robot, K.Key_P, CTRL)
        yield Wait(lambda: isinstance(QApplication.activeModalWidget(), (QMessageBox, ExportDialog)), "export")
        if isinstance(QApplication.activeModalWidget(), QMessageBox):  # still pass B's keyer: asked first
            yield key(robot, K.Key_C, ALT)
        yield modal(ExportDialog, "the export dialog")
        export = QApplication.activeModalWidget()
        yield key(robot, K.Key_Return)  # Xuất, the default button; the minutes and the summary are chosen
        yield Wait(lambda: bool(export.written), "the documents written")
        yield key(robot, K.Key_Escape)
        yield gone(ExportDialog, "the export dialog closed")
        robot.written = export.written
        robot.pass_a = pass_a

    robot.play(qtbot, script())

    # -- what the window holds against the test's own tally ------------------------------------
    assert not any("Lỗi không mong đợi" in box for box in robot.boxes)
    service = windows["now"].session.service
    assert [b.status for b in service.ballots("1")].count(BallotStatus.INVALID) == 1
    results = service.results()
    for form in ("1", "2"):
        expected = tally.counts(form)
        shown = next(f for f in results.forms if f.form.code == form).candidates
        for candidate in shown:
            wanted = expected[candidate.candidate.order]
            assert (candidate.tally.cao, candidate.tally.tin_nhiem, candidate.tally.thap) == (
                wanted[Mark.CAO], wanted[Mark.TIN_NHIEM], wanted[Mark.THAP]), (form, candidate.candidate.name)
        model = windows["now"].panes_by_form[form].model
        for row, candidate in enumerate(shown):
            wanted = expected[candidate.candidate.order]
            assert [model.index(row, column).data() for column in (2, 4, 6)] == [
                str(wanted[Mark.CAO]), str(wanted[Mark.TIN_NHIEM]), str(wanted[Mark.THAP])]
    assert tally.counts("1")[1] == Counter({Mark.CAO: 3, Mark.TIN_NHIEM: 2, Mark.THAP: 1})  # the script's own sums
    minutes = next(path for path in robot.written if path.name.endswith("bien-ban-kiem-phieu.pdf"))
    assert minutes.read_bytes().startswith(b"%PDF") and minutes.stat().st_size > 2000
