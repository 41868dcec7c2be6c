"""The papers of a round read from scans: the minutes (PDF and Word) say how the ballots were read,
and the entry log lists every page image (page number, SHA-256, the copy kept beside the round)."""

from __future__ import annotations

import hashlib

from docx import Document
from pypdf import PdfReader

from test_scan import generator, make_round, write_stack
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.export.results_text import HowRead, entry_sentence
from tinnhiem_desktop.services.export import ExportRequest, export_documents
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.services.scanning import confirm_cell, how_read, images_folder, scan_ballots

from conftest import spec_dict


def text_of(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_the_minutes_say_how_the_ballots_were_read_and_the_log_lists_the_page_images(tmp_path):
    path = make_round(tmp_path, "r", issued=10)
    scans = tmp_path / "scans"
    truths = write_stack(generator(path, tmp_path), scans, 3, seed=4, dpi=200, special=0.3)
    with RoundService.open(path, "Lê Thị Hồng") as service:
        report = scan_ballots(service, scans, keep_images=True)
        assert len(report.stored) == 3 and report.review
        before = how_read(service)
        for cell in report.review:
            confirm_cell(service, cell.form, cell.number, cell.order, truths[cell.number - 1][cell.order])
        service.add_ballot("1", 4, {order: Mark.CAO for order in range(1, 16)})  # one keyed by hand
        assert before.passes == {"A": (3, 0, 0)}
        assert how_read(service).passes == {"A": (3, 1, len(report.review))}
        folder = tmp_path / "giay"
        request = ExportRequest(minutes=folder / "bb.pdf", minutes_docx=folder / "bb.docx",
                                entry_log=folder / "nk.pdf")
        export_documents(service, request)
        kept = images_folder(service)

    said = (f"Cách đọc phiếu: mỗi phiếu được đọc một lượt; 3 phiếu đọc bằng máy quét (Tổ kiểm phiếu xem phiếu giấy "
            f"và xác nhận {len(report.review)} ô máy đọc chưa chắc chắn), 1 phiếu nhập tay từ phiếu giấy.")
    assert said in text_of(folder / "bb.pdf")
    assert said in "\n".join(p.text for p in Document(folder / "bb.docx").paragraphs)

    log = text_of(folder / "nk.pdf")
    flat = "".join(log.split())
    assert "Ảnh các trang phiếu quét" in log
    assert "đọc từ ảnh quét (1 trang;" in log and "xác nhận ô phiếu quét theo phiếu giấy" in log
    for n, image in enumerate(sorted(scans.iterdir()), 1):
        digest = hashlib.sha256(image.read_bytes()).hexdigest()
        assert digest in flat  # the page's SHA-256, in full
        copy = kept / f"{digest[:16]}{image.suffix}"
        assert copy.read_bytes() == image.read_bytes() and copy.name in flat  # kept, and named in the log


def test_a_round_keyed_by_hand_keeps_its_sentence_and_a_double_round_says_each_pass():
    single = setup_from_dict(spec_dict(), "test")
    assert entry_sentence(single, 0, HowRead({"A": (0, 12, 0)})) == "Cách nhập phiếu: mỗi phiếu được nhập một lượt."
    assert entry_sentence(single, 0, HowRead({"A": (12, 0, 0)})) == (
        "Cách đọc phiếu: mỗi phiếu được đọc một lượt; đọc bằng máy quét (máy đọc rõ mọi ô, không có ô nào phải "
        "xác nhận).")
    double = setup_from_dict(spec_dict(entry_mode="double"), "test")
    assert entry_sentence(double, 2, HowRead({"A": (30, 0, 4), "B": (0, 30, 0)})) == (
        "Cách đọc phiếu: mỗi phiếu được đọc hai lượt độc lập rồi đối chiếu. Lượt A: đọc bằng máy quét (Tổ kiểm "
        "phiếu xem phiếu giấy và xác nhận 4 ô máy đọc chưa chắc chắn); lượt B: nhập tay từ phiếu giấy. 2 phiếu có "
        "chênh lệch giữa hai lượt đã được đối chiếu với phiếu giấy và xử lý.")
