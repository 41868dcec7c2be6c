"""The export dialog: the reports upward beside the documents, and the choice kept for next time."""

from __future__ import annotations

from test_ui_window import open_window, press, round_file  # noqa: F401  (a fixture)

from conftest import FakeDialogs


def test_the_reports_upward_are_exported_with_the_documents_and_the_choice_is_remembered(
        qtbot, settings_dir, round_file, tmp_path):  # noqa: F811
    out = tmp_path / "tai-lieu"
    seen = []

    def export(dialog):
        seen.append({name: box.isChecked() for name, box in [*dialog.boxes.items(), *dialog.report_boxes.items()]})
        seen.append(not dialog.report_boxes["provincial"].isEnabled())  # nobody of the province's list
        if len(seen) > 2:
            dialog.accept()
            return
        for name, box in dialog.boxes.items():
            box.setChecked(name == "csv")
        dialog.report_boxes["office"].setChecked(True)
        dialog.folder.setText(str(out))
        dialog.export_button.click()
        qtbot.waitUntil(lambda: bool(dialog.written), timeout=20000)
        seen.append(dialog.written)
        dialog.accept()

    window = open_window(qtbot, round_file, FakeDialogs(choices=["Phạm Quốc Huy"], on_run=export))
    press(qtbot, window.current_tab().view, "123")
    window.export_documents()
    first, provincial_off, written = seen
    assert {name for name, on in first.items() if on} == {"minutes", "summary"}  # the first time
    assert provincial_off
    assert [p.name for p in written] == ["dot-2026-du-lieu-phieu.csv", "dot-2026-bao-cao-ket-qua.xlsx",
                                         "dot-2026-bao-cao-ket-qua.pdf"]
    assert all(p.stat().st_size > 0 for p in written)
    window.export_documents()
    assert {name for name, on in seen[3].items() if on} == {"csv", "office"}
