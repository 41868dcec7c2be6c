"""The window's 'Kết quả năm trước' dialog: read last year's folder, link by key, confirm a suggestion,
type a figure in by hand, remove one; read-only once sealed."""

from __future__ import annotations

import pytest

from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.ui.history_dialog import HistoryDialog

from conftest import FakeDialogs
from unit_rounds import make_round, person, tamper_mark, unit_spec

UNIT = "SỞ GIAO THÔNG VẬN TẢI"


@pytest.fixture
def rounds(tmp_path):
    folder = tmp_path / "2025"
    folder.mkdir()
    make_round(folder / "gtvt-2025.tinnhiem", UNIT, 2025, "huong-dan-2013", [
        person("Nguyễn Văn An", "Giám đốc Sở", 15, 1970),
        person("Hoàng Thị Thu Hà", "Phó Giám đốc Sở", 14, 1975, "ha-1975"),
    ])
    make_round(folder / "sua.tinnhiem", "SỞ Y TẾ", 2025, "qd-96-2023", [person("X Y", "Z", 1)])
    tamper_mark(folder / "sua.tinnhiem")
    people = [person("Nguyễn Văn An", "Giám đốc Sở", 0, 1970), person("Hoàng Thu Hà", "Phó Giám đốc Sở", 0, 1975,
                                                                         "ha-1975"),
              person("Đỗ Minh Tuấn", "Chánh Văn phòng", 0, 1968)]
    setup = setup_from_dict(unit_spec(UNIT, 2026, "huong-dan-2013", people), "test")
    service = RoundService.create(tmp_path / "gtvt-2026.tinnhiem", setup, "Lê Thị Hồng")
    yield folder, service
    service.close()


def cell(dialog, row, column):
    return dialog.table.item(row, column).text()


def test_link_by_key_suggestion_by_hand_and_remove(qtbot, rounds):
    folder, service = rounds
    dialogs = FakeDialogs(texts=[str(folder)])
    dialog = HistoryDialog(service, dialogs, folder)
    qtbot.addWidget(dialog)
    changes = []
    service.subscribe(lambda change: changes.append(1) if change.priors else None)  # what the window hears

    dialog.folder_button.click()
    assert cell(dialog, 1, 4) == "70,00%" and cell(dialog, 1, 5) == "gtvt-2025.tinnhiem"  # by key, renamed
    assert cell(dialog, 0, 4) == "—" and cell(dialog, 0, 6) == "Nguyễn Văn An (gtvt-2025.tinnhiem)"
    assert "liên kết theo mã người: 1 người; gợi ý: 1 người" in dialog.status.text()
    assert "Không dùng tệp sua.tinnhiem: Không nguyên vẹn" in dialog.status.text()
    assert changes == [1]

    dialog.select("1", 1)
    assert dialog.accept_button.isEnabled()
    dialog.accept_button.click()
    assert cell(dialog, 0, 4) == "75,00%" and cell(dialog, 0, 6) == ""
    assert "thap_70_percent_two_years" not in service.results().forms[0].candidates[0].flags  # nothing keyed yet

    def fill(prior_dialog):
        prior_dialog.thap.setValue(12)
        prior_dialog.base.setValue(16)
        prior_dialog.source.setText("Biên bản kiểm phiếu ngày 25/11/2025")

    dialogs.on_run = fill
    dialog.select("1", 3)
    dialog.by_hand_button.click()
    assert cell(dialog, 2, 4) == "75,00%" and cell(dialog, 2, 5) == "nhập tay: Biên bản kiểm phiếu ngày 25/11/2025"
    assert service.last_year()["~đỗ minh tuấn|1968"].by_hand

    dialog.remove_button.click()
    assert cell(dialog, 2, 4) == "—" and dialogs.asked[-1].startswith("Bỏ kết quả năm 2025 của Đỗ Minh Tuấn?")
    assert len(changes) == 4


def test_a_figure_by_hand_without_its_source_is_refused(qtbot, rounds):
    folder, service = rounds
    dialogs = FakeDialogs(on_run=lambda d: (d.thap.setValue(3), d.base.setValue(10)))
    dialog = HistoryDialog(service, dialogs, folder)
    qtbot.addWidget(dialog)
    dialog.select("1", 3)
    dialog.by_hand_button.click()
    assert dialogs.errors == ["Cần ghi nguồn của số liệu nhập tay (ví dụ: Biên bản kiểm phiếu ngày 25/11/2025)."]
    assert service.prior_results() == []


def test_a_sealed_round_is_only_shown(qtbot, rounds):
    folder, service = rounds
    service.set_prior_result("1", 3, 2025, thap=1, base=10, source="Biên bản 2025")
    service.seal("Lê Thị Hồng", reason="Thử")
    dialog = HistoryDialog(service, FakeDialogs(), folder)
    qtbot.addWidget(dialog)
    dialog.select("1", 3)
    assert cell(dialog, 2, 4) == "10,00%"
    assert not any(b.isEnabled() for b in (dialog.folder_button, dialog.by_hand_button, dialog.remove_button))
    assert "chỉ xem" in dialog.status.text()
