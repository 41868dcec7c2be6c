"""The editable Word copy of the minutes, read back with python-docx (and, where LibreOffice is
installed, opened by it): the same tables and sentences as the PDF, marked as a copy."""

from __future__ import annotations

import io
import shutil
import subprocess
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pypdf import PdfReader

from tinnhiem_desktop.cli import main
from tinnhiem_desktop.core.audit import grouped
from tinnhiem_desktop.core.model import LEVELS
from tinnhiem_desktop.core.percent import vi_count, vi_percent
from tinnhiem_desktop.export.minutes_docx import COPY_MARK, DRAFT_MARK, write_minutes_docx
from tinnhiem_desktop.services.rounds import RoundService

from conftest import spec_dict, write_csv, write_spec


def cli(*args: object) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        code = main([str(a) for a in args])
    return code, out.getvalue()


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A sealed two-form round (form 1: 20 and 19 of 30 ballots thấp) exported by the command line
    as the PDF minutes and the Word copy; with its results and fingerprint."""
    folder = tmp_path_factory.mktemp("docx")
    path = folder / "dot.tinnhiem"
    assert cli("new", path, "--spec", write_spec(folder / "spec.json", spec_dict()))[0] == 0
    rows = [["1", str(n), "valid", "3" if n <= 20 else "1", "3" if n <= 19 else "2", "1"] for n in range(1, 31)]
    rows += [["2", str(n), "valid", "2", "1" if n <= 7 else "3"] for n in range(1, 11)]
    assert cli("import-ballots", path, write_csv(folder / "b.csv", rows, width=3))[0] == 0
    assert cli("seal", path, "--by", "Lê Thị Hồng")[0] == 0
    code, out = cli("export", path, "--minutes", folder / "bb.pdf", "--minutes-docx", folder / "bb.docx")
    with RoundService.open(path, "x", read_only=True) as service:
        results, fingerprint = service.results(), service.info.fingerprint
    return code, out, folder, results, fingerprint


def person_tables(document) -> list:
    return [table for table in document.tables if table.cell(0, 0).text == "STT"]


def expected_rows(form, decimals: int) -> list[list[str]]:
    rows = []
    for person in form.candidates:
        row = [str(person.candidate.order), person.candidate.name, person.candidate.position]
        for level in LEVELS:
            row += [vi_count(person.tally.count(level)), vi_percent(person.percents[level], decimals)]
        rows.append(row + [vi_count(person.tally.not_counted)])
    return rows


def test_the_command_line_writes_the_word_copy(exported):
    code, out, folder, _, _ = exported
    assert code == 0 and f"Đã ghi {folder / 'bb.docx'}" in out


def test_each_forms_table_holds_the_figures_core_computed(exported):
    _, _, folder, results, _ = exported
    tables = person_tables(Document(folder / "bb.docx"))
    assert len(tables) == len(results.forms) == 2
    for table, form in zip(tables, results.forms):
        assert [cell.text for cell in table.rows[0].cells] == [
            "STT", "Họ và tên", "Chức vụ", "Tín nhiệm cao", "Tín nhiệm cao", "Tín nhiệm", "Tín nhiệm",
            "Tín nhiệm thấp", "Tín nhiệm thấp", "Không\ntính"]
        assert [cell.text for cell in table.rows[1].cells][3:9] == ["SL", "%"] * 3
        assert [[cell.text for cell in row.cells] for row in table.rows[2:]] == expected_rows(form, 2)
    first = [[cell.text for cell in row.cells] for row in tables[0].rows[2:]]
    assert first[0][7:9] == ["20", "66,67%"] and first[1][7:9] == ["19", "63,33%"]


def test_the_heading_rows_repeat_on_each_page_and_no_row_splits(exported):
    _, _, folder, _, _ = exported
    for table in person_tables(Document(folder / "bb.docx")):
        rows = [row._tr.trPr for row in table.rows]
        assert all(properties.find(qn("w:cantSplit")) is not None for properties in rows)
        assert [properties.find(qn("w:tblHeader")) is not None for properties in rows] == [True, True] + [False] * (
            len(rows) - 2)


def test_the_copy_says_it_is_one_with_the_rounds_fingerprint(exported):
    _, _, folder, _, fingerprint = exported
    document = Document(folder / "bb.docx")
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert f"{COPY_MARK}; dấu vân tay: {grouped(fingerprint)}" in texts[:5]  # after the header, the title, the trích yếu and its rule
    assert not any(DRAFT_MARK in text for text in texts)
    firsts = [cell.paragraphs[0].text for table in document.tables for row in table.rows for cell in row.cells]
    assert grouped(fingerprint) in [" ".join(text.split()) for text in firsts]  # the seal block, 8 groups a line
    assert document.core_properties.comments.endswith(grouped(fingerprint))


def test_an_unsealed_round_is_a_draft(exported, tmp_path):
    _, _, _, results, _ = exported
    texts = [p.text for p in Document(write_minutes_docx(results, tmp_path / "nhap.docx")).paragraphs]
    assert COPY_MARK in texts and DRAFT_MARK in texts and not any("dấu vân tay:" in text for text in texts)


def test_the_page_and_the_type_are_the_pdfs(exported):
    _, _, folder, _, _ = exported
    document = Document(folder / "bb.docx")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]
    fonts = document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:rFonts')}")
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == "Times New Roman"
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 13 and normal.paragraph_format.space_after.pt == 6
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    sizes = {run.font.size.pt for table in person_tables(document) for row in table.rows for cell in row.cells
             for paragraph in cell.paragraphs for run in paragraph.runs}
    assert sizes == {11}


def test_every_sentence_is_the_pdfs(exported):
    """The copy follows export/minutes.py sentence for sentence: each of its paragraphs is in the
    PDF's text (spacing aside), except the lines that mark it as a copy."""
    _, _, folder, _, _ = exported
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(folder / "bb.pdf").pages]
    pdf = " ".join(text.removeprefix(f"{number} ") for number, text in enumerate(pages, start=1))  # page numbers out
    paragraphs = [" ".join(p.text.split()) for p in Document(folder / "bb.docx").paragraphs]
    sentences = [text for text in paragraphs if text and not text.startswith(COPY_MARK)]
    assert len(sentences) > 25
    assert [text for text in sentences if text not in pdf] == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_copy_with_the_same_tables(exported, tmp_path):
    _, _, folder, results, _ = exported
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(folder / "bb.docx")],
                   check=True, capture_output=True, timeout=180)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "bb.pdf").pages)
    for form in results.forms:
        for row in expected_rows(form, 2):
            assert " ".join(row) in text


def test_a_party_bodys_copy_has_hd_36_sizes_and_breaks_a_long_unit_name_evenly(exported, tmp_path):
    """HD 36: parent 14, unit 14 bold, ĐẢNG CỘNG SẢN VIỆT NAM 15 bold, number 14, date 14 italic, type
    name 16 bold, body 14; a long unit name in even lines, none a word alone; the team as QĐ 96 says."""
    from dataclasses import replace

    from tinnhiem_desktop.core.model import Header, HeaderStyle

    _, _, _, results, _ = exported
    unit = "ĐẢNG ỦY CƠ QUAN CÁC CƠ QUAN ĐẢNG, ĐOÀN THỂ VÀ CHÍNH QUYỀN TỈNH"
    party = replace(results, setup=replace(results.setup, header=Header(HeaderStyle.PARTY, "ĐẢNG BỘ TỈNH AN PHÚ", unit)))
    document = Document(write_minutes_docx(party, tmp_path / "dang.docx", number="07"))
    left, right = document.tables[0].cell(0, 0), document.tables[0].cell(0, 1)

    def sized(cell) -> list[tuple[str, float, bool, bool]]:
        return [(p.text, (p.runs[0].font.size or document.styles["Normal"].font.size).pt, bool(p.runs[0].bold),
                 bool(p.runs[0].italic)) for p in cell.paragraphs if p.runs and p.text]

    lines = sized(left)
    assert lines[0] == ("ĐẢNG BỘ TỈNH AN PHÚ", 14, False, False)
    unit_lines = lines[1][0].split("\n")
    assert lines[1][1:] == (14, True, False) and " ".join(unit_lines) == unit and len(unit_lines) == 3
    assert all(len(line.split()) > 1 for line in unit_lines)
    assert ("Số 07-BB/BKP", 14, False, False) in lines and ("*", 14, False, False) in lines
    motto, date = sized(right)
    assert motto == ("ĐẢNG CỘNG SẢN VIỆT NAM", 15, True, False) and date[1:] == (14, False, True)
    assert document.styles["Normal"].font.size.pt == 14
    title = next(p for p in document.paragraphs if p.text == "BIÊN BẢN KIỂM PHIẾU")
    assert title.runs[0].font.size.pt == 16 and title.runs[0].bold
    assert any(p.text == "I. BAN KIỂM PHIẾU" for p in document.paragraphs)
