"""Who keys and which pass: a cancelled question changes nothing silently, and while pass B is keyed
nothing of pass A shows (results, differences, comparison, documents, the seal's check)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tinnhiem_desktop.core.model import EntryPass, Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.compare import CompareDialog
from tinnhiem_desktop.ui.export_dialog import ExportDialog

from conftest import FakeDialogs, spec_dict
from test_ui_window import open_window, press

HONG, HUY = "Lê Thị Hồng", "Phạm Quốc Huy"
C, T, L = Mark.CAO, Mark.TIN_NHIEM, Mark.THAP
CTRL = Qt.KeyboardModifier.ControlModifier


class Dialogs(FakeDialogs):
    """A scripted choice of None is the question cancelled."""

    def choose(self, title, label, items, current=0):
        if self.choices and self.choices[0] is None:
            self.asked.append(label)
            self.choices.pop(0)
            return None
        return super().choose(title, label, items, current)


@pytest.fixture
def double_file(tmp_path) -> Path:
    """Pass A keyed by Hồng (ballots 1 and 2), pass B by Huy (ballot 1, read differently)."""
    path = tmp_path / "dot-2026.tinnhiem"
    RoundService.create(path, setup_from_dict(spec_dict(entry_mode="double"), "test"), "chuẩn bị").close()
    with RoundService.open(path, HONG) as service:
        service.add_ballot("1", 1, {1: C, 2: T, 3: L})
        service.add_ballot("1", 2, {1: C, 2: C, 3: C})
    with RoundService.open(path, HUY) as service:
        service.set_entry_pass("B")
        service.add_ballot("1", 1, {1: C, 2: L, 3: L})
    return path


def test_the_status_bar_names_the_keyer_once(qtbot, settings_dir, double_file):
    dialogs = Dialogs(choices=[HUY, "Lượt B"])
    window = open_window(qtbot, double_file, dialogs)
    bar = window.statusBar()
    assert HUY in window.keyer_label.text() and "lượt B" in window.keyer_label.text()
    assert (bar.currentMessage() + window.keyer_label.text()).count(HUY) == 1

    dialogs.choices = [HONG, "Lượt A"]
    window.choose_keyer()
    assert (bar.currentMessage() + window.keyer_label.text()).count(HONG) == 1 and HUY not in window.keyer_label.text()


def test_cancelling_the_pass_keeps_the_pass_the_keyer_had(qtbot, settings_dir, double_file):
    dialogs = Dialogs(choices=[HUY, "Lượt B"])
    window = open_window(qtbot, double_file, dialogs)
    assert window.session.entry_pass is EntryPass.B

    dialogs.choices = [HONG, None]  # Hồng comes back to the laptop and cancels the pass question
    window.choose_keyer()
    assert window.session.keyer == HONG and window.session.entry_pass is EntryPass.A
    assert HONG in window.keyer_label.text() and "lượt A" in window.keyer_label.text()
    assert "giữ lượt" in window.statusBar().currentMessage()
    assert window.current_tab().model.rowCount() == 3  # pass A's two ballots and the next one


def test_cancelling_the_pass_for_a_keyer_who_has_not_keyed_changes_nothing(qtbot, settings_dir, tmp_path):
    spec = spec_dict(entry_mode="double")
    spec["team"].append({"name": "Trần Minh", "role": "Thành viên"})
    path = tmp_path / "dot-2026.tinnhiem"
    RoundService.create(path, setup_from_dict(spec, "test"), "chuẩn bị").close()
    dialogs = Dialogs(choices=[HONG, "Lượt A"])
    window = open_window(qtbot, path, dialogs)

    dialogs.choices = ["Trần Minh", None]
    assert not window.choose_keyer()
    assert (window.session.keyer, window.session.entry_pass) == (HONG, EntryPass.A)
    assert HONG in window.keyer_label.text() and "lượt A" in window.keyer_label.text()
    assert "Không đổi người nhập" in window.statusBar().currentMessage()


def test_cancelling_who_keys_at_opening_keeps_the_round_open_with_the_last_keyer(qtbot, settings_dir, double_file):
    dialogs = Dialogs(choices=[None])
    window = open_window(qtbot, double_file, dialogs)
    assert window.session is not None and not window.session.read_only
    assert (window.session.keyer, window.session.entry_pass) == (HUY, EntryPass.B)
    assert HUY in window.keyer_label.text() and "lượt B" in window.keyer_label.text()
    assert "người nhập cuối cùng" in window.statusBar().currentMessage()
    assert window.current_tab().model.rowCount() == 2  # pass B's ballot, not pass A's


def test_while_pass_b_is_keyed_nothing_of_pass_a_shows(qtbot, settings_dir, double_file):
    dialogs = Dialogs(choices=[HUY, "Lượt B"], confirm=False)
    window = open_window(qtbot, double_file, dialogs)
    tab = window.current_tab()
    press(qtbot, tab.view, "111")  # ballot 2, which pass A read as 1 1 1: agreement must not show
    pane = window.panes_by_form["1"]
    for widget in (pane.table, pane.reconciliation, pane.base, pane.issues):
        assert not widget.isVisible()
    assert "2" not in pane.issues.text() and pane.reconciliation.text() == ""
    assert pane.blind_note.isVisible() and "lượt B" in pane.blind_note.text()

    qtbot.keyClick(tab.view, Qt.Key.Key_D, CTRL)  # the comparison: asked first, refused
    qtbot.keyClick(tab.view, Qt.Key.Key_P, CTRL)  # documents (the minutes count pass A): the same
    assert not any(isinstance(d, (CompareDialog, ExportDialog)) for d in dialogs.shown)
    assert any("lượt A" in question for question in dialogs.asked[-2:])
    asked = len(dialogs.asked)
    window.seal_action.trigger()  # the seal's check names the ballots that differ: asked first, refused
    assert len(dialogs.asked) == asked + 1 and "phiếu số" not in dialogs.asked[-1]
    assert not window.session.service.info.sealed

    qtbot.keyClick(tab.view, Qt.Key.Key_F5)
    projector = window.projector
    assert projector is not None
    assert all(not p.table.isVisible() and not p.issues.isVisible() for p in projector.panes)
    qtbot.keyClick(projector, Qt.Key.Key_Escape)

    dialogs.choices = [HONG, "Lượt A"]
    window.choose_keyer()
    pane = window.panes_by_form["1"]
    assert pane.table.isVisible() and not pane.blind_note.isVisible()
    assert "chênh lệch" in pane.issues.text()
