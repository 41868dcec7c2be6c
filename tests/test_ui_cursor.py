"""Where the cursor stands: on the undone (or redone) cell after Ctrl+Z / Ctrl+Y, and on the first
empty cell of an unfinished ballot when a round is opened again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tinnhiem_desktop.core.model import Ballot, BallotStatus, Mark
from tinnhiem_desktop.services.rounds import RoundService

from conftest import FakeDialogs
from test_ui_window import open_window, press, round_file  # noqa: F401 (a fixture)

C, T, L = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP
CTRL = Qt.KeyboardModifier.ControlModifier


def undo_key(qtbot, view) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)


def redo_key(qtbot, view) -> None:
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)


def test_ctrl_z_puts_the_cursor_back_on_the_undone_cell(qtbot, settings_dir, round_file):
    window = open_window(qtbot, round_file)
    tab = window.current_tab()
    press(qtbot, tab.view, "123" "12")
    assert tab.current() == (1, 3)

    undo_key(qtbot, tab.view)  # ballot 2, candidate 2
    assert tab.current() == (1, 2)
    assert "Người thứ <b>2/3</b>" in tab.candidate_line.text()
    press(qtbot, tab.view, "3")  # the next key lands on the undone cell
    assert tab.model.ballot_at(1).marks == {1: C, 2: L}

    undo_key(qtbot, tab.view)  # the 3 just keyed
    undo_key(qtbot, tab.view)  # ballot 2's first mark: the ballot goes, its row is the next ballot's again
    assert tab.model.rowCount() == 2 and tab.current() == (1, 1)
    undo_key(qtbot, tab.view)  # ballot 1, candidate 3
    assert tab.current() == (0, 3)

    tab.go_to(1, 1)
    redo_key(qtbot, tab.view)  # ballot 1's third mark again: the cursor goes to it
    assert tab.model.ballot_at(0).marks == {1: C, 2: T, 3: L}
    assert tab.current() == (0, 3)


def test_undo_in_another_form_shows_that_form_at_the_undone_cell(qtbot, settings_dir, round_file):
    window = open_window(qtbot, round_file)
    first = window.current_tab()
    press(qtbot, first.view, "12")
    qtbot.keyClick(first.view, Qt.Key.Key_PageDown, CTRL)
    assert window.current_tab() is not first
    undo_key(qtbot, window.current_tab().view)
    assert window.current_tab() is first and first.current() == (0, 2)
    assert first.model.ballot_at(0).marks == {1: C}


def test_undoing_backspace_and_shift_fill_return_to_their_cells(qtbot, settings_dir, round_file):
    window = open_window(qtbot, round_file)
    tab = window.current_tab()
    press(qtbot, tab.view, "12")
    qtbot.keyClick(tab.view, Qt.Key.Key_Backspace)  # clears candidate 2, the cursor on it
    tab.go_to(0, 1)
    undo_key(qtbot, tab.view)
    assert tab.model.ballot_at(0).marks == {1: C, 2: T} and tab.current() == (0, 2)

    tab.go_to(0, 3)
    qtbot.keyClick(tab.view, Qt.Key.Key_NumberSign, Qt.KeyboardModifier.ShiftModifier)  # Shift+3 fills candidate 3
    assert tab.current() == (1, 1)
    undo_key(qtbot, tab.view)
    assert tab.model.ballot_at(0).marks == {1: C, 2: T} and tab.current() == (0, 3)


def test_reopening_an_unfinished_ballot_puts_the_cursor_on_its_first_empty_cell(qtbot, settings_dir, round_file):
    with RoundService.open(round_file, "Phạm Quốc Huy") as service:  # as a window that crashed mid-ballot left it
        service.add_ballot("1", 1, {1: C, 2: C, 3: C})
        service.add_ballot("1", 2, {1: T})
        service.set_marks("1", 2, {3: L})
    window = open_window(qtbot, round_file)
    tab = window.current_tab()
    assert tab.current() == (1, 2)
    assert "Phiếu số <b>2</b> · Người thứ <b>2/3</b>" in tab.candidate_line.text()
    press(qtbot, tab.view, "2")
    assert tab.model.ballots == [Ballot("1", 1, BallotStatus.VALID, {1: C, 2: C, 3: C}),
                                 Ballot("1", 2, BallotStatus.VALID, {1: T, 2: T, 3: L})]
    assert tab.current() == (1, 3)


def test_reopening_shows_the_form_whose_last_ballot_is_unfinished(qtbot, settings_dir, round_file):
    with RoundService.open(round_file, "Phạm Quốc Huy") as service:
        service.add_ballot("1", 1, {1: C, 2: C, 3: C})
        service.add_ballot("2", 1, {1: T})
    window = open_window(qtbot, round_file)
    tab = window.current_tab()
    assert tab.form.code == "2" and tab.current() == (0, 2)


def test_a_complete_last_ballot_reopens_on_a_new_ballot(qtbot, settings_dir, round_file):
    with RoundService.open(round_file, "Phạm Quốc Huy") as service:
        service.add_ballot("1", 1, {1: C, 2: C, 3: C})
        service.add_ballot("1", 2, invalid_reason="Phiếu không có dấu")
    window = open_window(qtbot, round_file, FakeDialogs(choices=["Phạm Quốc Huy"]))
    tab = window.current_tab()
    assert tab.form.code == "1" and tab.current() == (2, 1)
