"""Vietnamese by default, English complete: every window text is marked for translation, every
translation is written with the same placeholders, and the built .qm says what the .ts says."""

from __future__ import annotations

import ast
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from tinnhiem_desktop.core.issues import TinNhiemError
from tinnhiem_desktop.ui import dialogs, i18n, round_opening, wizard
from tinnhiem_desktop.ui.i18n import WORDING, install_translation, wording_sources
from tinnhiem_desktop.ui.main_window import MainWindow

from conftest import ROOT, FakeDialogs

UI = ROOT / "tinnhiem_desktop" / "ui"
TS = UI / "translations" / "tinnhiem_en.ts"
QM = TS.with_suffix(".qm")

# Calls whose text argument lupdate extracts, and which argument that is.
MARKERS = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}
# Literals that are not window text, each for a stated reason.
NOT_WINDOW_TEXT = {
    ("dialogs.py", dialogs.APP_TITLE),  # the program's name
    ("i18n.py", i18n.LANGUAGES["vi"]),  # each language named in itself...
    ("i18n.py", i18n.LANGUAGE_MENU),  # ...and the menu and note about them in both languages
    ("i18n.py", i18n.RESTART_NOTE),
    ("info_page.py", wizard.DEFAULT_TITLE),  # defaults that become the round's data, printed on the
    ("team_page.py", wizard.HEAD_ROLE),  # Vietnamese documents
    ("team_page.py", wizard.MEMBER_ROLE),
    ("round_opening.py", round_opening.PREPARING),  # who made a change, as the round's log records it
    ("round_opening.py", round_opening.CORRECTING),
}
# The non-Qt layers' functions and tables that the window must reach through ui/i18n.py.
WORDING_FUNCTIONS = {"sentence", "describe_error", "describe_issue", "where", "rule_label", "vi_datetime",
                     "flag_words", "flags_words", "band_words", "override_words", "overrides_sentence", "quorum_words"}
WORDING_TABLES = {"FLAG_NAMES", "BASE_NAMES", "COUNT_NAMES", "MARK_NAMES", "STATUS_NAMES", "DOCUMENT_NAMES"}


def has_letters(text: str) -> bool:
    """Vietnamese (or any non-ASCII) letters: a dash or an arrow alone is not text to translate."""
    return any(ch.isalpha() and ord(ch) > 127 for ch in text)


def call_name(node: ast.Call) -> str | None:
    return getattr(node.func, "attr", getattr(node.func, "id", None))


def unmarked_texts(path: Path) -> list[str]:
    """Literals and f-strings with Vietnamese letters that lupdate would not extract."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    marked: set[int] = set()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                marked.add(id(first.value))  # a docstring
        if isinstance(node, ast.Call) and call_name(node) in MARKERS and len(node.args) > MARKERS[call_name(node)]:
            marked.add(id(node.args[MARKERS[call_name(node)]]))
        if isinstance(node, ast.JoinedStr):
            marked.update(id(part) for part in ast.walk(node) if part is not node)
            if any(isinstance(part, ast.Constant) and has_letters(part.value) for part in node.values):
                found.append(f"{path.name}:{node.lineno}: f-string {ast.unparse(node)[:80]}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and has_letters(node.value)
            and id(node) not in marked
            and (path.name, node.value) not in NOT_WINDOW_TEXT
        ):
            found.append(f"{path.name}:{node.lineno}: {node.value[:80]!r}")
    return found


def unwrapped_wording(path: Path) -> list[str]:
    """Uses of the non-Qt layers' words that bypass the window's translator."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    wrapped = {
        id(arg) for node in ast.walk(tree) if isinstance(node, ast.Call) and call_name(node) == "wording"
        for arg in node.args
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level and (node.module or "").startswith(("export", "services")):
            found += [f"{path.name}:{node.lineno}: imports {a.name}" for a in node.names if a.name in WORDING_FUNCTIONS]
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id in WORDING_TABLES
            and id(node) not in wrapped
        ):
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)} without wording()")
    return found


def ui_modules() -> list[Path]:
    return sorted(UI.rglob("*.py"))


def module_id(path: Path) -> str:
    return path.relative_to(UI).as_posix()


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    ]


def placeholders(text: str) -> Counter:
    return Counter(
        (field, spec, conversion)
        for _, field, spec, conversion in string.Formatter().parse(text)
        if field is not None
    )


# -- (a) every window text is marked ---------------------------------------------------------


def test_the_scan_finds_unmarked_texts(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP\n'
        'TABLE = {1: QT_TRANSLATE_NOOP("ctx", "Tín nhiệm cao")}\n'
        'def f(n):\n'
        '    """Đây là chú thích."""\n'
        '    ok = QCoreApplication.translate("ctx", "Phiếu số {n}").format(n=n)\n'
        '    return ok, "Đóng", f"Phiếu số {n}", "—"\n',
        encoding="utf-8",
    )
    found = unmarked_texts(sample)
    assert len(found) == 2
    assert "'Đóng'" in found[1] and "f-string" in found[0]


@pytest.mark.parametrize("path", ui_modules(), ids=module_id)
def test_every_window_text_is_marked_for_translation(path):
    assert unmarked_texts(path) == []


@pytest.mark.parametrize("path", [p for p in ui_modules() if p.name != "i18n.py"], ids=module_id)
def test_the_non_qt_words_go_through_the_translator(path):
    assert unwrapped_wording(path) == []


# -- (b), (c) every translation is written, with the same placeholders -------------------------


def test_every_translation_is_finished_with_the_same_placeholders():
    found = messages(TS)
    assert len(found) > 400
    for context, source, translation in found:
        assert translation.get("type") is None and translation.text, f"{context}: {source!r} is unfinished"
        assert placeholders(translation.text) == placeholders(source), f"{context}: {source!r}"
        if "&" in source:
            assert "&" in translation.text, f"{context}: {source!r} lost its keyboard accelerator"


def test_every_sentence_and_name_of_the_non_qt_layers_has_english():
    translated = {source for context, source, _ in messages(TS) if context == WORDING}
    missing = [text for text in wording_sources() if text not in translated]
    assert missing == []


def test_the_translation_file_holds_every_text_of_the_sources(tmp_path):
    """lupdate over today's sources finds nothing the .ts lacks (run scripts/translations.py)."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *map(str, ui_modules()), "-ts", str(fresh), "-silent"], check=True)
    known = {(context, source) for context, source, _ in messages(TS)}
    new = [f"{context}: {source!r}" for context, source, _ in messages(fresh) if (context, source) not in known]
    assert new == []


# -- (d) the .qm says what the .ts says ------------------------------------------------------


def test_the_built_translation_is_not_stale(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [
        f"{context}: {source!r}"
        for context, source, translation in messages(TS)
        if translator.translate(context, source) != translation.text
    ]
    assert stale == []


# -- (e) the window in either language -------------------------------------------------------


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text().replace("&", "") for action in window.menuBar().actions()]


def test_the_window_speaks_english_once_chosen_and_vietnamese_by_default(qtbot, qapp, settings_dir, tmp_path):
    missing = tmp_path / "khong-co.tinnhiem"
    try:
        assert install_translation(qapp, "en") == "en"
        dialogs = FakeDialogs()
        window = MainWindow(dialogs)
        qtbot.addWidget(window)
        assert menu_titles(window) == ["File", "Edit", "Ballot", "Results", "Procedure", "Help"]
        assert not window.open_round(missing)
        assert dialogs.errors == [f"The file '{missing}' was not found."]
        assert i18n.describe_error(TinNhiemError("round_sealed", file="a.tinnhiem", sealed_at="x")).startswith(
            "The results of the voting round in 'a.tinnhiem' were sealed")
    finally:
        assert install_translation(qapp) == "vi"  # nothing stored: the default
    dialogs = FakeDialogs()
    window = MainWindow(dialogs)
    qtbot.addWidget(window)
    assert menu_titles(window) == ["Tệp", "Sửa", "Phiếu", "Kết quả", "Quy trình", "Trợ giúp"]
    assert not window.open_round(missing)
    assert dialogs.errors == [f"Không tìm thấy tệp '{missing}'."]


def test_the_language_is_chosen_in_the_help_menu_and_applies_at_the_next_start(qtbot, qapp, settings_dir):
    dialogs = FakeDialogs()
    window = MainWindow(dialogs)
    qtbot.addWidget(window)
    help_menu = window.menuBar().actions()[-1].menu()
    languages = next(a.menu() for a in help_menu.actions() if a.text() == i18n.LANGUAGE_MENU)
    vietnamese, english = languages.actions()
    assert (vietnamese.text(), english.text()) == ("Tiếng Việt", "English")
    assert vietnamese.isChecked() and not english.isChecked()
    english.trigger()
    assert english.isChecked() and not vietnamese.isChecked()
    assert i18n.stored_language() == "en"
    assert dialogs.infos == [i18n.RESTART_NOTE]
    try:
        assert install_translation(qapp) == "en"
        reopened = MainWindow(FakeDialogs())
        qtbot.addWidget(reopened)
        assert menu_titles(reopened)[0] == "File"
    finally:
        install_translation(qapp, "vi")
    vietnamese.trigger()
    assert i18n.stored_language() == "vi"


# -- (f) Qt's own texts in Vietnamese ----------------------------------------------------------

QT_VI = UI / "translations" / "qtbase_vi.ts"


def test_our_vietnamese_for_qts_own_texts_is_built_and_keeps_qts_placeholders(qapp):
    translator = QTranslator()
    assert translator.load(str(QT_VI.with_suffix(".qm")))
    wrong = []
    for context in ET.parse(QT_VI).getroot().iter("context"):
        for message in context.iter("message"):
            source, comment = message.findtext("source"), message.findtext("comment") or None
            translation = message.findtext("translation")
            if translator.translate(context.findtext("name"), source, comment) != translation:
                wrong.append(f"stale: {source!r}")
            if Counter(source.split("%1")).total() != Counter(translation.split("%1")).total():
                wrong.append(f"placeholders: {source!r}")
    assert wrong == []


def test_qts_file_dialog_buttons_and_context_menu_speak_vietnamese_in_the_vietnamese_window(qtbot, qapp):
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit

    assert install_translation(qapp, "vi") == "vi"
    dialog = QFileDialog(None, "Lưu", str(ROOT), "Tệp đợt (*.tinnhiem)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Xem trong:", "&Tên tệp:", "&Kiểu tệp:"} <= labels
    assert dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).text() == "&Lưu"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert [b.text() for b in box.buttons()] == ["Đồng ý", "Hủy"]
    edit = QLineEdit("abc")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert [a.text().split("\t")[0] for a in menu.actions() if a.text()][:5] == [
        "&Hoàn tác", "&Làm lại", "Cắ&t", "&Chép", "&Dán"]


def test_the_scroll_bar_menu_and_the_results_dock_buttons_speak_vietnamese(qtbot, qapp, settings_dir):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QAbstractButton

    from tinnhiem_desktop.ui.main_window import MainWindow

    from conftest import FakeDialogs

    assert install_translation(qapp, "vi") == "vi"
    assert [QCoreApplication.translate("QScrollBar", text) for text in ("Scroll here", "Top", "Page down")] == [
        "Cuộn tới đây", "Trên cùng", "Xuống một trang"]
    window = MainWindow(FakeDialogs())
    qtbot.addWidget(window)
    names = {button.accessibleName() for button in window.results_dock.findChildren(QAbstractButton)}
    assert names == {"Tách ra", "Đóng"}  # what a screen reader says of the dock's two buttons
