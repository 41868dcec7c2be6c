from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from test_ui_wizard import dialogs, wizard, fill_info, fill_team, fill_forms  # noqa

def fw():
    return QApplication.focusWidget()

def desc(w):
    return f"{type(w).__name__}<{type(w.parent()).__name__}>" if w else None

def nxt(qtbot, wizard):
    cur = wizard.currentId()
    qtbot.keyClick(fw(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentId() != cur)
    print("page", wizard.currentId(), desc(fw()))

def test_explore(qtbot, wizard):
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    fill_info(wizard)
    nxt(qtbot, wizard)
    seq = []
    for i in range(14):
        qtbot.keyClick(fw(), Qt.Key.Key_Tab); seq.append(desc(fw()))
    print(seq)
    nxt(qtbot, wizard)
    fill_team(wizard)
    seq = []
    for i in range(10):
        qtbot.keyClick(fw(), Qt.Key.Key_Tab); seq.append(desc(fw()) + str(wizard.team_page.table.currentIndex().row())+str(wizard.team_page.table.currentIndex().column()))
    print(seq)
    nxt(qtbot, wizard)
    fill_forms(wizard)
    nxt(qtbot, wizard)
    for t in "40":
        qtbot.keyClick(fw(), t)
    qtbot.keyClick(fw(), Qt.Key.Key_Tab)
    for t in "38":
        qtbot.keyClick(fw(), t)
    print([s.value() for _, spins in wizard.counts_page.rows for s in spins])
