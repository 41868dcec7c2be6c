"""Scanned ballots: the program's own printed ballots, marked and scanned (tests/scangen.py), read by
`tinnhiem-cli scan`, the doubtful cells confirmed by a person, the results those of the paper."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from conftest import spec_dict, write_spec
from scangen import Faults, ScanGenerator, random_faults
from tinnhiem_desktop.cli import main
from tinnhiem_desktop.core.ballots_csv import CELL_BY_MARK
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.services.rounds import RoundService
from tinnhiem_desktop.services.scanning import pending_review

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng")


def people(count: int) -> list[dict]:
    return [{"name": f"{SURNAMES[i % 10]} Văn Người {i + 1}", "position": "Trưởng phòng"} for i in range(count)]


def make_round(folder: Path, name: str, size: int = 15, issued: int = 200, **extra) -> Path:
    form = {"id": "1", "title": "Lãnh đạo các phòng", "summoned": issued, "present": issued, "issued": issued,
            "collected": issued, "candidates": people(size)}
    spec = write_spec(folder / f"{name}.json", spec_dict(forms=[form], **extra))
    path = folder / f"{name}.tinnhiem"
    assert main(["new", str(path), "--spec", str(spec)]) == 0
    return path


def generator(path: Path, folder: Path) -> ScanGenerator:
    with RoundService.open(path, "test") as service:
        setup, uid = service.setup, service.info.uid
    return ScanGenerator(setup, uid, "1", folder)


def write_stack(gen: ScanGenerator, folder: Path, count: int, seed: int, dpi: int | None = None,
                special: float = 0.06) -> list[dict[int, Mark]]:
    folder.mkdir(exist_ok=True)
    rng = random.Random(seed)
    truths = []
    for n in range(count):
        page = gen.page(rng, random_faults(rng, dpi), special=special)
        suffix = ".jpg" if page.faults.jpeg else ".png"
        (folder / f"scan-{n + 1:04d}{suffix}").write_bytes(page.encoded())
        truths.append(page.truth)
    return truths


def scan_json(capsys, *args: str) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(["scan", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def stored_marks(path: Path, entry_pass: str = "A") -> dict[int, dict[int, Mark]]:
    with RoundService.open(path, "test", read_only=True) as service:
        state = service._state
        return {n: dict(state.ballot("1", entry_pass, n).marks) for n in state.ballots_of("1", entry_pass)}


def test_200_scanned_ballots_read_confirmed_and_counted_as_the_paper_says(tmp_path, capsys):
    path = make_round(tmp_path, "r")
    truths = write_stack(generator(path, tmp_path), tmp_path / "scans", 200, seed=16, dpi=200)  # 150, 300: below

    code, report = scan_json(capsys, str(path), str(tmp_path / "scans"))
    assert report["set_aside"] == [] and report["held_back"] == [] and code == 0  # no page lost
    assert report["pages"] == 200 and len(report["stored"]) == len(truths)
    assert [b["ballot"] for b in report["stored"]] == list(range(1, len(truths) + 1))  # numbered in scan order

    before = stored_marks(path)
    wrong = [(n, order) for n, marks in before.items() for order, mark in marks.items() if truths[n - 1][order] != mark]
    assert wrong == []  # no cell taken wrongly
    waiting = report["review"]
    assert {(c["ballot"], c["candidate"]) for c in waiting} == {
        (n, order) for n, marks in before.items() for order in range(1, 16) if order not in marks}
    # a crossed-out mark and two marked boxes are never taken on the reader's word
    assert len(waiting) >= 1

    for cell in waiting:
        value = CELL_BY_MARK[truths[cell["ballot"] - 1][cell["candidate"]]]
        assert main(["scan-confirm", str(path), "--form", "1", "--ballot", str(cell["ballot"]),
                     "--cell", f"{cell['candidate']}={value}", "--by", "Lê Thị Hồng"]) == 0
    after = stored_marks(path)
    assert after == {n + 1: truth for n, truth in enumerate(truths)}

    with RoundService.open(path, "test", read_only=True) as service:
        assert pending_review(service) == []
        confirmations = [e for e in service.events() if e.action == "mark_set" and e.data.get("scan_confirmed")]
        assert len(confirmations) == len(waiting) and {e.keyer for e in confirmations} == {"Lê Thị Hồng"}
        added = [e for e in service.events() if e.action == "ballot_added"]
        assert added[0].data["scan"]["pages"][0]["page"] == 1
        assert len(added[0].data["scan"]["pages"][0]["sha256"]) == 64
        for result in service.results().forms[0].candidates:
            order = result.candidate.order
            column = [truth[order] for truth in truths]
            assert (result.tally.cao, result.tally.tin_nhiem, result.tally.thap, result.tally.multi,
                    result.tally.unkeyed) == (column.count(Mark.CAO), column.count(Mark.TIN_NHIEM),
                                              column.count(Mark.THAP), column.count(Mark.MULTI), 0)

    assert main(["scan-confirm", str(path), "--form", "1", "--ballot", "1", "--cell", "1=1", "--by", "X"]) == 2


def test_pages_not_of_this_round_a_blank_sheet_and_a_second_copy_are_set_aside(tmp_path, capsys):
    path = make_round(tmp_path, "r", issued=10)
    other = make_round(tmp_path, "other", issued=10)
    scans = tmp_path / "scans"
    (tmp_path / "g1").mkdir()
    (tmp_path / "g2").mkdir()
    write_stack(generator(path, tmp_path / "g1"), scans, 2, seed=1, dpi=200)
    rng = random.Random(2)
    (scans / "scan-0003.png").write_bytes(generator(other, tmp_path / "g2").page(rng, Faults(dpi=200)).encoded())
    Image.fromarray(np.full((2339, 1654), 255, np.uint8)).save(scans / "scan-0004.png")  # a blank sheet
    (scans / "scan-0005.png").write_bytes((scans / "scan-0001.png").read_bytes())  # the same page again

    code, report = scan_json(capsys, str(path), str(scans))
    assert code == 1
    assert len(report["stored"]) == 2
    reasons = {page["file"]: page["reason"] for page in report["set_aside"]}
    assert reasons == {"scan-0003.png": "other_round", "scan-0004.png": "not_ours", "scan-0005.png": "duplicate"}
    assert all(page["words"] for page in report["set_aside"])

    # the same stack again: every page was read already
    code, report = scan_json(capsys, str(path), str(scans))
    assert report["stored"] == [] and {p["reason"] for p in report["set_aside"]} >= {"duplicate"}
    assert len(stored_marks(path)) == 2


def test_a_ballot_missing_a_page_is_held_back_and_a_scanner_pdf_is_read(tmp_path, capsys):
    path = make_round(tmp_path, "long", size=40, issued=10)  # two pages a copy
    gen = generator(path, tmp_path)
    assert len(gen.layout.pages) == 2
    rng = random.Random(3)
    pages = [gen.page(rng, Faults(dpi=200, rotation=1.0), page=k) for k in (0, 1, 0, 1, 0)]  # the last lacks page 2
    pdf = tmp_path / "stack.pdf"
    from PIL import Image

    images = [Image.fromarray(page.image) for page in pages]
    images[0].save(pdf, save_all=True, append_images=images[1:], resolution=200)

    code, report = scan_json(capsys, str(path), str(pdf))
    assert code == 1
    assert len(report["stored"]) == 2
    assert len(report["held_back"]) == 1 and report["held_back"][0]["pages"] == [5]
    stored = stored_marks(path)
    for n in (1, 2):
        truth = {**pages[2 * n - 2].truth, **pages[2 * n - 1].truth}
        assert all(truth[order] == mark for order, mark in stored[n].items())


def test_the_scan_as_pass_a_and_keyed_pass_b_compare_and_resolve(tmp_path, capsys):
    path = make_round(tmp_path, "double", size=15, issued=6, entry_mode="double")
    truths = write_stack(generator(path, tmp_path), tmp_path / "scans", 6, seed=5, dpi=200, special=0)
    code, report = scan_json(capsys, str(path), str(tmp_path / "scans"), "--pass", "A")
    assert code == 0
    for cell in report["review"]:
        value = CELL_BY_MARK[truths[cell["ballot"] - 1][cell["candidate"]]]
        assert main(["scan-confirm", str(path), "--form", "1", "--ballot", str(cell["ballot"]), "--pass", "A",
                     "--cell", f"{cell['candidate']}={value}", "--by", "Lê Thị Hồng"]) == 0
    rows = [["1", str(n + 1), "valid", *(CELL_BY_MARK[truth[o]] for o in range(1, 16))] for n, truth in enumerate(truths)]
    slip = "2" if rows[3][3] != "2" else "1"
    rows[3][3] = slip  # the keyer of pass B slips on ballot 4, person 1
    csv_path = tmp_path / "b.csv"
    header = ["form", "ballot", "status", *map(str, range(1, 16))]
    csv_path.write_text("\n".join(",".join(row) for row in [header, *rows]) + "\n", encoding="utf-8")
    assert main(["import-ballots", str(path), str(csv_path), "--pass", "B"]) == 0

    capsys.readouterr()
    assert main(["compare", str(path)]) == 1
    assert "phiếu số 4" in capsys.readouterr().out
    assert main(["resolve", str(path), "--form", "1", "--ballot", "4", "--take", "A", "--by", "Trần Văn Bình"]) == 0
    assert main(["compare", str(path)]) == 0


def test_no_page_is_lost_at_150_dpi_the_code_read_where_the_corner_squares_put_it(tmp_path):
    """A 10 mm Micro QR code is 3.5 px a module at 150 dpi; found by the corner squares, it is read
    on every page of a turned, JPEG-compressed stack (the rounds' ids vary the code's pattern)."""
    from tinnhiem_desktop.scan.reader import PageImage, ReadPage, Reader, _image_frames

    for name in ("a", "b"):
        path = make_round(tmp_path, name, issued=10)
        (tmp_path / name).mkdir()
        gen = generator(path, tmp_path / name)
        with RoundService.open(path, "test", read_only=True) as service:
            reader = Reader(service.setup, service.info.uid)
        rng = random.Random(150)
        for n in range(12):
            page = gen.page(rng, random_faults(rng, 150), special=0.0)
            (image,) = _image_frames(page.encoded())
            (copy,) = reader.read_page(PageImage(f"{name}-{n}.jpg", n + 1, image, f"{n:064d}"))
            assert isinstance(copy, ReadPage), (name, n, copy)
            assert all(not c.accepted or c.proposal == page.truth[c.order] for c in copy.cells)


def test_a_multi_page_tiff_is_read_page_by_page(tmp_path, capsys):
    path = make_round(tmp_path, "r", issued=10)
    gen = generator(path, tmp_path)
    rng = random.Random(9)
    pages = [gen.page(rng, Faults(dpi=200, rotation=-1.5), special=0.0) for _ in range(3)]
    scans = tmp_path / "feeder.tif"
    first, *rest = [Image.fromarray(page.image) for page in pages]
    first.save(scans, save_all=True, append_images=rest, compression="tiff_deflate")
    code, report = scan_json(capsys, str(path), str(scans))
    assert code == 0 and report["pages"] == 3 and len(report["stored"]) == 3
    stored = stored_marks(path)
    for n, page in enumerate(pages, 1):
        assert all(page.truth[order] == mark for order, mark in stored[n].items())


@pytest.mark.parametrize("faults", [
    Faults(dpi=150, rotation=-3, jpeg=60),
    Faults(dpi=300, rotation=3, skew=0.01, scale=0.97),
    Faults(dpi=200, upside_down=True, photocopy=True, speckle=0.001),
])
def test_a_hard_page_is_read_or_sent_to_review_never_misread(tmp_path, faults):
    from tinnhiem_desktop.scan.reader import PageImage, ReadPage, Reader, _image_frames

    path = make_round(tmp_path, "r", issued=10)
    gen = generator(path, tmp_path)
    with RoundService.open(path, "test", read_only=True) as service:
        reader = Reader(service.setup, service.info.uid)
    rng = random.Random(7)
    for _ in range(3):
        page = gen.page(rng, faults, special=0.3)
        (image,) = _image_frames(page.encoded())  # as load_pages opens a scanned file
        (copy,) = reader.read_page(PageImage("x.png", 1, image, "0" * 64))
        assert isinstance(copy, ReadPage)
        for cell in copy.cells:
            assert not cell.accepted or cell.proposal == page.truth[cell.order], (cell, page.kinds[cell.order])
            if page.kinds[cell.order] in ("crossed", "several"):
                assert not cell.accepted


def test_half_page_copies_are_read_and_an_uncut_sheet_never_loses_a_copy_silently(tmp_path):
    from tinnhiem_desktop.scan.reader import PageImage, ReadPage, Reader, SetAside, SetAsidePage

    path = make_round(tmp_path, "short", size=4, issued=10)  # two copies to a sheet
    gen = generator(path, tmp_path)
    assert gen.layout.per_page == 2
    with RoundService.open(path, "test", read_only=True) as service:
        reader, uid = Reader(service.setup, service.info.uid), service.info.uid
    rng = random.Random(4)
    for upside_down in (False, True):
        page = gen.page(rng, Faults(dpi=200, rotation=-2, upside_down=upside_down))  # a cut half
        (copy,) = reader.read_page(PageImage("half.png", 1, page.image, "1" * 64))
        assert isinstance(copy, ReadPage)
        assert {c.order: c.proposal for c in copy.cells if c.accepted} == {
            o: m for o, m in page.truth.items() if o in {c.order for c in copy.cells if c.accepted}}
    import pypdfium2 as pdfium

    from tinnhiem_desktop.export.blank_ballots import write_blank_ballots

    document = pdfium.PdfDocument(str(write_blank_ballots(gen.setup, tmp_path / "two.pdf", copies=2, round_id=uid)))
    sheet = document[0].render(scale=200 / 72, grayscale=True).to_numpy().copy()
    copies = reader.read_page(PageImage("sheet.png", 1, sheet, "2" * 64))
    assert len(copies) == 2  # both copies read, or the one not read set aside — never one copy alone
    assert all(isinstance(c, ReadPage) or (isinstance(c, SetAsidePage) and c.reason is SetAside.UNREADABLE)
               for c in copies)


def test_a_file_that_is_not_a_pdf_is_refused_with_its_name_and_nothing_stored(tmp_path, capsys):
    from tinnhiem_desktop import cli
    from tinnhiem_desktop.core.spec import setup_from_dict
    from tinnhiem_desktop.services.rounds import RoundService

    from conftest import spec_dict

    path = tmp_path / "dot.tinnhiem"
    RoundService.create(path, setup_from_dict(spec_dict(), "test"), "chuẩn bị").close()
    fake = tmp_path / "may-quet.pdf"
    fake.write_bytes(b"%PDF-1.7 cut short")
    assert cli.main(["scan", str(path), str(fake)]) == 2
    err = capsys.readouterr().err
    assert "Không mở được tệp quét" in err and "may-quet.pdf" in err and "Lỗi không mong đợi" not in err
    with RoundService.open(path, "x", read_only=True) as service:
        assert service.ballots() == []
