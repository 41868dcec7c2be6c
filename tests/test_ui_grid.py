"""The tally grid numbers ballots as the round does, and repaints only what a keystroke changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from tinnhiem_desktop.core.model import BallotStatus, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.main_window import MainWindow
from tinnhiem_desktop.ui.pictures import PictureDelegate, PictureHeader, Pictures

from conftest import FakeDialogs, spec_dict

C, T, L = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP
KEY = {"1": Qt.Key.Key_1, "2": Qt.Key.Key_2, "3": Qt.Key.Key_3}


def station_copy(tmp_path: Path, keyed_before: tuple[int, ...] = ()) -> Path:
    """A station's copy of a round, keying pass A for ballots 151 to 300; the master keyed the
    ballots `keyed_before` before making the copy."""
    master = tmp_path / "dot-2026.tinnhiem"
    target = tmp_path / "may-2.tinnhiem"
    with RoundService.create(master, setup_from_dict(spec_dict(), "test"), "chuẩn bị") as service:
        for number in keyed_before:
            service.add_ballot("1", number, {1: C, 2: C, 3: C})
        service.make_station_copy(target, "Máy 2", "A", 151, 300)
    return target


def open_window(qtbot, path: Path, dialogs: FakeDialogs) -> MainWindow:
    window = MainWindow(dialogs)
    qtbot.addWidget(window)
    window.show()
    assert window.open_round(path)
    return window


def test_a_ranged_station_keys_its_own_numbers_in_the_window(qtbot, settings_dir, tmp_path):
    path = station_copy(tmp_path)
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"])
    window = open_window(qtbot, path, dialogs)
    tab = window.current_tab()
    assert tab.model.headerData(0, Qt.Orientation.Vertical) == "151 +"
    assert "151" in tab.candidate_line.text() and "151" in tab.panel.title.text()

    for key in "123" + "312":
        QTest.keyClick(tab.view, KEY[key])
    assert dialogs.errors == []
    assert tab.model.headerData(2, Qt.Orientation.Vertical) == "153 +"
    assert "153" in tab.candidate_line.text()
    window.close()

    with RoundService.open(path, "x", read_only=True) as service:
        stored = {b.number: b for b in service.ballots("1")}
    assert sorted(stored) == [151, 152]
    assert stored[151].status is BallotStatus.VALID and stored[151].marks == {1: C, 2: T, 3: L}
    assert stored[152].marks == {1: L, 2: C, 3: T}


def test_a_station_goes_on_to_its_next_number_past_ballots_copied_from_the_master(qtbot, settings_dir, tmp_path):
    path = station_copy(tmp_path, keyed_before=(301, 302))
    dialogs = FakeDialogs(choices=["Phạm Quốc Huy"])
    window = open_window(qtbot, path, dialogs)
    tab = window.current_tab()
    assert tab.current() == (2, 1) and tab.model.number_at(2) == 151

    for key in "123" + "312":
        QTest.keyClick(tab.view, KEY[key])
    assert dialogs.errors == []
    assert [b.number for b in tab.model.ballots] == [151, 152, 301, 302]
    assert tab.current() == (4, 1) and tab.model.number_at(4) == 153
    assert tab.model.ballot_at(2).marks == {1: C, 2: C, 3: C}  # the master's ballot 301, untouched


def new_round_window(qtbot, tmp_path):
    """A window keying a new round of the test spec: the window, form 1's grid and its results."""
    path = tmp_path / "dot-2026.tinnhiem"
    RoundService.create(path, setup_from_dict(spec_dict(), "test"), "chuẩn bị").close()
    window = open_window(qtbot, path, FakeDialogs(choices=["Phạm Quốc Huy"]))
    return window, window.current_tab(), window.panes_by_form["1"].model


def test_a_keystroke_repaints_only_the_cells_it_changed(qtbot, settings_dir, tmp_path):
    window, tab, results = new_round_window(qtbot, tmp_path)
    QTest.keyClick(tab.view, Qt.Key.Key_1)  # ballot 1 starts

    def cells(model):
        changed = []
        model.dataChanged.connect(lambda first, last, _roles=(): changed.append(
            ((first.row(), first.column()), (last.row(), last.column()))))
        return changed

    grid_cells, result_cells = cells(tab.model), cells(results)
    QTest.keyClick(tab.view, Qt.Key.Key_2)  # the second person: tín nhiệm
    assert grid_cells == [((0, 0), (0, 0)), ((0, 2), (0, 2))]  # the status and the cell keyed
    assert result_cells and all(first[0] == last[0] == 1 for first, last in result_cells)  # the second person's row


def test_the_grid_painted_from_pictures_looks_as_qt_paints_it(qtbot, settings_dir, tmp_path):
    """Each cell is painted from a picture drawn once, by the grid's own loop: the grid must look
    exactly as Qt's own table and item painting show it, cell colours, texts, the status column,
    the grid lines and the cursor included."""
    path = tmp_path / "dot-2026.tinnhiem"
    with RoundService.create(path, setup_from_dict(spec_dict(), "test"), "chuẩn bị") as service:
        service.add_ballot("1", 1, {1: C, 2: T, 3: L})
        service.add_ballot("1", 2, {1: Mark.NO_MARK, 2: Mark.MULTI})
        service.add_ballot("1", 3, invalid_reason="Phiếu không có dấu của cơ quan, tổ chức")
    window = open_window(qtbot, path, FakeDialogs(choices=["Phạm Quốc Huy"]))
    tab = window.current_tab()
    view = tab.view

    def both_ways():
        pictures = view.viewport().grab().toImage()
        view.setItemDelegate(QStyledItemDelegate(view))
        view.drawn_by_qt = True  # QTableView's own painting, cell by cell through the delegate
        styled = view.viewport().grab().toImage()
        view.drawn_by_qt = False
        view.setItemDelegate(view.cells)
        return pictures, styled

    assert tab.current() == (3, 1)  # the next ballot's first cell
    pictures, styled = both_ways()
    assert pictures == styled
    QTest.keyClick(view, Qt.Key.Key_3)  # ballot 4 starts; the cursor moves on to its second cell
    assert tab.current() == (3, 2)
    pictures, styled = both_ways()
    assert pictures == styled
    first, second = (view.visualRect(tab.model.index(3, order)).center() for order in (1, 2))
    assert pictures.pixelColor(first) != pictures.pixelColor(second)  # '3 Thấp' in red, the cursor's cell


def test_after_a_ballots_last_key_the_panel_line_and_results_show_the_next_ballot(qtbot, settings_dir, tmp_path):
    window, tab, results = new_round_window(qtbot, tmp_path)
    for key in "123":
        QTest.keyClick(tab.view, KEY[key])
    assert tab.current() == (1, 1)
    assert "Phiếu số <b>2</b>" in tab.candidate_line.text() and "1/3" in tab.candidate_line.text()
    assert "Phiếu số 2" in tab.panel.title.text()
    assert [tab.panel.table.item(row, 6).text() for row in range(3)] == ["chưa nhập"] * 3  # ballot 2: nothing keyed
    assert tab.panel.table.item(0, 1).font().bold() and not tab.panel.table.item(2, 1).font().bold()
    assert [results.index(row, column).data() for row, column in ((0, 2), (1, 4), (2, 6))] == ["1", "1", "1"]


def wide_round(tmp_path: Path, candidates: int = 30, ballots: int = 40) -> Path:
    """A round of one form with `candidates` people and `ballots` ballots keyed: its grid scrolls
    both ways in a small window."""
    people = [{"name": f"Nguyễn Văn Người{order}", "position": "Chuyên viên"} for order in range(1, candidates + 1)]
    forms = [{"id": "1", "title": "Cán bộ", "summoned": 60, "present": 60, "issued": 60, "collected": 60,
              "candidates": people}]
    path = tmp_path / "rong.tinnhiem"
    with RoundService.create(path, setup_from_dict(spec_dict(forms=forms), "test"), "chuẩn bị") as service:
        for number in range(1, ballots + 1):
            service.add_ballot("1", number, {order: (C, T, L)[(number + order) % 3] for order in range(1, candidates + 1)})
    return path


def test_what_the_window_shows_after_each_key_is_what_it_paints_afresh(qtbot, settings_dir, tmp_path):
    """Keying repaints only what changed (a ballot's first key appends the next ballot's row, its
    last key scrolls back to the first person): what is on the screen after each key must be what
    the window looks like painted anew, with the grid at its bottom row and scrolled across."""
    window = open_window(qtbot, wide_round(tmp_path), FakeDialogs(choices=["Phạm Quốc Huy"]))
    window.resize(800, 600)
    qtbot.wait(50)
    tab = window.current_tab()
    assert tab.view.horizontalScrollBar().maximum() > 0 and tab.view.verticalScrollBar().maximum() > 0

    def shown_and_fresh():
        QApplication.processEvents()
        shown = window.screen().grabWindow(window.winId()).toImage()
        fresh = window.grab().toImage()
        return shown.convertToFormat(fresh.format()), fresh

    for key in range(2 * 30 + 1):  # two ballots and the first key of a third
        QTest.keyClick(tab.view, KEY["123"[key % 3]])
        shown, fresh = shown_and_fresh()
        assert shown == fresh, f"key {key + 1}"
    assert tab.model.number_at(tab.current()[0]) == 43 and tab.model.rowCount() == 44  # ballot 43, then the next row
    bottom = tab.view.visualRect(tab.model.index(43, 1))
    assert tab.view.viewport().rect().contains(bottom)  # the next ballot's row shows at the bottom

    tab.go_to(42, 30)  # scrolled across too: the grid's and headers' own loops paint what Qt paints
    view = tab.view
    assert view.horizontalScrollBar().value() > 0
    parts = (view.viewport(), view.horizontalHeader().viewport(), view.verticalHeader().viewport())
    pictures = [part.grab().toImage() for part in parts]
    view.setItemDelegate(QStyledItemDelegate(view))
    view.drawn_by_qt = PictureHeader.drawn_each_time = True
    styled = [part.grab().toImage() for part in parts]
    view.drawn_by_qt = PictureHeader.drawn_each_time = False
    view.setItemDelegate(view.cells)
    assert pictures == styled


def test_headers_and_results_painted_from_pictures_look_as_qt_paints_them(qtbot, settings_dir, tmp_path):
    """The grid's headers and the results table are painted from pictures drawn once (the table in
    one loop, its bars drawn): they must look exactly as Qt's own painting shows them, the current
    person's bold heading included."""
    window = open_window(qtbot, wide_round(tmp_path, candidates=8, ballots=12), FakeDialogs(choices=["Phạm Quốc Huy"]))
    tab = window.current_tab()
    results = window.panes_by_form["1"].table
    views = [tab.view.horizontalHeader(), tab.view.verticalHeader(), results]

    def both_ways():
        pictures = [view.viewport().grab().toImage() for view in views]
        PictureHeader.drawn_each_time = PictureDelegate.drawn_each_time = results.drawn_by_qt = True
        try:
            styled = [view.viewport().grab().toImage() for view in views]
        finally:
            PictureHeader.drawn_each_time = PictureDelegate.drawn_each_time = results.drawn_by_qt = False
        return pictures, styled

    for keys in ("", "12", "3" * 6):
        for key in keys:
            QTest.keyClick(tab.view, KEY[key])
        pictures, styled = both_ways()
        assert pictures == styled, f"after {keys!r}"
    shown = [int(results.model().index(row, 2).data()) for row in range(8)]  # each person's "Cao"
    assert shown == [c.tally.cao for c in window.session.form_results("1").candidates]


def test_pictures_past_their_limit_forget_those_used_longest_ago(qapp):
    pictures = Pictures(limit=8)
    drawn = []

    def get(key):
        return pictures.get(key, None, QRect(0, 0, 4, 4), QColor("white"), lambda painter: drawn.append(key))

    for key in range(8):
        get(key)
    get(0)  # used again: kept
    get(8)  # past the limit: 1 and 2 (a quarter of 8) are forgotten
    drawn.clear()
    for key in (0, 3, 8, 1):
        get(key)
    assert drawn == [1]


def test_a_ballots_first_key_repaints_everyones_uncounted_figure_and_bar_only(qtbot, settings_dir, tmp_path):
    """Starting a ballot leaves everyone else not yet counted on it: their uncounted figure and bar
    change (and the first person's count), not their names, counts, shares or flags; the results
    pane shows the new figures right after the key."""
    window = open_window(qtbot, wide_round(tmp_path, candidates=30, ballots=10), FakeDialogs(choices=["Phạm Quốc Huy"]))
    tab, results = window.current_tab(), window.panes_by_form["1"].model
    spans = []
    results.dataChanged.connect(lambda first, last, _roles=(): spans.append(
        (first.row(), last.row(), first.column(), last.column())))
    QTest.keyClick(tab.view, Qt.Key.Key_1)  # ballot 11 starts: the first person, cao
    columns = {column for _, _, low, high in spans for column in range(low, high + 1)}
    assert columns <= {2, 3, results.NOT_COUNTED, results.BAR}
    assert {results.NOT_COUNTED, results.BAR} <= columns
    assert all(low not in (2, 3) or first == last == 0 for first, last, low, _high in spans)  # only the first person's
    figures = window.session.form_results("1").candidates
    assert [results.index(row, results.NOT_COUNTED).data() for row in range(30)] == \
        [str(c.tally.not_counted) for c in figures]
    assert results.index(0, 2).data() == str(figures[0].tally.cao)
    assert [c.tally.not_counted for c in figures[1:]] == [1] * 29  # ballot 11 is not keyed for them yet
