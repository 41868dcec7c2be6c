"""The counting minutes as an editable Word copy (.docx), for an office that adds a document number
or a line before printing.

The sections, sentences and tables follow export/minutes.py one for one (tests compare the two);
the copy says under its title that it is a copy to compare with the PDF minutes, with the round's
fingerprint. Layout as the PDF: A4, margins 20/20/30/15 mm, Times New Roman (Word and LibreOffice
substitute a metric-compatible serif where it is missing), body 13 pt justified with 6 pt after,
table cells 11 pt, table headings repeated on every page and no row split across pages.
"""

from __future__ import annotations

from datetime import datetime, timezone
from itertools import combinations
from pathlib import Path
from typing import Sequence

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ..core.audit import grouped
from ..core.model import LEVELS, Header, HeaderStyle
from ..core.percent import vi_count, vi_percent
from ..core.procedure import TeamVote
from ..core.results import FormResult, RoundResults
from ..core.team import head_first
from .dates import vi_date
from .history_text import by_hand_notes, last_year, prior_share
from .paper import (DOTS, FINGERPRINT_HOW, LEVEL_HEADINGS, LOCALITY, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT,
                    MARGIN_TOP, apart_hyphens, base_words, composed, count_lines, place_and_date, qr_png)
from .procedure_text import team_vote_sentence
from .results_text import HowRead, entry_sentence, overrides_sentence, rule_label
from .team_words import closing_line, rule_line, team_words
from .seal import Seal, seal_lead
from .wording import flags_words, sentence

FONT = "Times New Roman"
BODY_PT, CELL_PT, NOTE_PT = 13, 11, 11
TEXT_WIDTH = 165  # mm: A4 less the 30 and 15 mm margins
HEADER_LEFT, PARTY_HEADER_LEFT = 70, 80  # mm: the issuing body's column, as the PDF (HD 36's larger type)
HEADER_LINE_CHARS, PARTY_HEADER_LINE_CHARS = 25, 23  # capitals of 12 pt (14 pt for HD 36) bold that fit it
MOTTO_RULE, PARTY_RULE = 56, 80  # mm: as long as "Độc lập - Tự do - Hạnh phúc" (13 pt bold), "ĐẢNG CỘNG SẢN VIỆT NAM" (15 pt bold)
QR_SIDE = 24  # mm
FIRST_LINE_INDENT = 10  # mm
# the PDF's columns at 11 pt rather than 10.5: count columns 1 mm narrower so that "100,00%" fits its own
WIDTHS = (9, 35, 33, 8, 16, 8, 16, 8, 16, 16)
WIDTHS_WITH_LAST_YEAR = (9, 29, 25, 8, 16, 8, 16, 8, 16, 15, 15)
COPY_MARK = "Bản sao có thể chỉnh sửa của biên bản kiểm phiếu — đối chiếu với biên bản PDF"
DRAFT_MARK = "BẢN NHÁP — chưa chốt kết quả"


def copy_marks(seal: Seal) -> list[str]:
    """The lines under the title that say what this file is: a copy, of which sealed round."""
    if seal.sealed_at and seal.fingerprint:
        return [f"{COPY_MARK}; dấu vân tay: {grouped(seal.fingerprint)}"]
    return [COPY_MARK, DRAFT_MARK]


def write_minutes_docx(results: RoundResults, target: Path, seal: Seal = Seal(),
                       team_vote: TeamVote | None = None, number: str = "", how_read: HowRead | None = None) -> Path:
    setup, rule = results.setup, results.rule
    marks = copy_marks(seal)
    doc = _MinutesDocument("; ".join(marks))
    team = team_words(rule)
    doc.official_header(setup.header, setup.meeting.date, number=number, issuer=team.symbol)
    doc.title_block("BIÊN BẢN KIỂM PHIẾU", setup.title)
    doc.paragraph(marks[0], italic=True, size=NOTE_PT, align=WD_ALIGN_PARAGRAPH.CENTER)
    if seal.sealed_at is None:
        doc.paragraph(DRAFT_MARK, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        doc.paragraph("(Kết quả chưa chốt: bản in để kiểm tra, chưa phải biên bản chính thức)",
                      italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    if seal.corrects:
        doc.paragraph(f"Biên bản này thay thế kết quả đã chốt trong tệp {seal.corrects['file']} (dấu vân tay "
                      f"{grouped(seal.corrects['fingerprint'])}). Lý do đính chính: {seal.corrects['reason']}.",
                      italic=True)

    when = vi_date(setup.meeting.date) or f"ngày {DOTS}"
    doc.paragraph(
        f"Hôm nay, {when}, tại {setup.meeting.place or DOTS}, hội nghị lấy phiếu tín nhiệm được tổ chức "
        f"do đồng chí {setup.meeting.chair or DOTS} chủ trì."
    )

    doc.heading(f"I. {team.upper}")
    doc.paragraph(f"{team.name} do hội nghị bầu gồm các đồng chí:", keep=True)
    for number, member in enumerate(setup.team, start=1):
        doc.paragraph(f"{number}. {member.name}" + (f" — {member.role}" if member.role else ""), indent=6)
    if team_vote is not None:
        doc.paragraph(team_vote_sentence(team_vote, team.name))

    doc.heading("II. KẾT QUẢ KIỂM PHIẾU")
    doc.paragraph(rule_line(rule))
    if rule.overrides:
        doc.paragraph(overrides_sentence(rule), italic=True)
    doc.paragraph(entry_sentence(setup, seal.differences, how_read))
    for number, form in enumerate(results.forms, start=1):
        _form_section(doc, number, form, results)

    doc.heading("III. ĐỐI CHIẾU SỐ LIỆU")
    problems = [(form, issue) for form in results.forms for issue in form.issues]
    if not problems:
        doc.paragraph("Số liệu khớp: với từng loại phiếu, số người có mặt không vượt số được triệu tập, "
                      "số phiếu phát ra không vượt số có mặt, số phiếu thu về không vượt số phát ra, "
                      "và số phiếu đã kiểm bằng số phiếu thu về.")
    for form, issue in problems:
        doc.paragraph(f"- Loại phiếu {form.form.code}: {sentence(issue.code, issue.params)}", indent=4)
    if seal.reason:
        doc.paragraph(f"Lý do chốt kết quả khi số liệu chưa khớp: {seal.reason}", italic=True)

    # the section and its signatures kept on one page (each paragraph kept with the next), as the PDF does
    doc.heading("IV. XÁC NHẬN")
    if seal.sealed_at and seal.fingerprint:
        doc.seal_block(seal_lead(seal), seal.fingerprint)
    else:
        doc.paragraph("Kết quả chưa chốt: chưa có dấu vân tay của tệp đợt lấy phiếu.", bold=True, keep=True)
    doc.paragraph(closing_line(team.name), keep=True)
    per_row = 3 if len(setup.team) > 4 else 2
    doc.signatures(team.upper, [(m.role or "Thành viên", m.name) for m in head_first(setup.team)], per_row)
    return doc.save(target)


def _form_section(doc: _MinutesDocument, number: int, form: FormResult, results: RoundResults) -> None:
    decimals = results.rule.decimals
    doc.heading(f"{number}. Loại phiếu {form.form.code}: {form.form.title}")
    for line in count_lines(form):
        doc.paragraph(line, indent=4, keep=True)
    doc.paragraph(base_words(form, decimals), keep=True)

    year = last_year(results)
    widths = WIDTHS if year is None else WIDTHS_WITH_LAST_YEAR
    table = doc.table(widths, len(form.candidates) + 2, borders=True, heading_rows=2)
    if year is not None:
        # LibreOffice repeats heading rows at their own height, cutting a merged cell that needs
        # more: last year's heading takes six lines of its 15 mm, the row under it one.
        table.rows[0].height, table.rows[0].height_rule = Pt(66), WD_ROW_HEIGHT_RULE.AT_LEAST
    levels = range(3, 3 + 2 * len(LEVEL_HEADINGS), 2)
    spanned = [0, 1, 2, *range(len(widths) - (2 if year else 1), len(widths))]
    for column in spanned:
        table.cell(0, column).merge(table.cell(1, column))
    for column in levels:
        table.cell(0, column).merge(table.cell(0, column + 1))
    headings = {0: "STT", 1: "Họ và tên", 2: "Chức vụ", len(widths) - 1: "Không\ntính"}
    headings |= {column: heading for column, heading in zip(levels, LEVEL_HEADINGS)}
    if year is not None:
        headings[len(widths) - 2] = f"Tín nhiệm thấp năm {year} (%)"
    for column, text in headings.items():
        doc.cell_text(table.cell(0, column), text, bold=True)
    for column in levels:
        doc.cell_text(table.cell(1, column), "SL", bold=True)
        doc.cell_text(table.cell(1, column + 1), "%", bold=True)
    for row, person in enumerate(form.candidates, start=2):
        texts = [str(person.candidate.order), person.candidate.name, person.candidate.position]
        for level in LEVELS:
            texts += [vi_count(person.tally.count(level)), vi_percent(person.percents[level], decimals)]
        if year is not None:
            texts.append(prior_share(person, decimals, mark="\n"))
        texts.append(vi_count(person.tally.not_counted))
        for column, text in enumerate(texts):
            left = column in (1, 2)
            doc.cell_text(table.cell(row, column), text,
                          align=WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER)
    doc.paragraph("Ghi chú: SL là số phiếu; \"Không tính\" là số phiếu hợp lệ không đánh dấu hoặc đánh dấu "
                  "nhiều ô đối với người đó.", italic=True, size=NOTE_PT, before=3)
    if year is not None:
        doc.paragraph(f"Tỷ lệ tín nhiệm thấp năm {year} theo tệp đợt lấy phiếu năm {year} đã chốt, hoặc nhập tay "
                      "theo nguồn ghi dưới đây.", italic=True, size=NOTE_PT)
        for note in by_hand_notes(form.candidates, year):
            doc.paragraph(note, italic=True, size=NOTE_PT)

    flagged = [p for p in form.candidates if p.flags]
    if flagged:
        doc.paragraph(f"Theo {rule_label(results.rule)}, các trường hợp đến ngưỡng tín nhiệm thấp:", keep=True)
        for person in flagged:
            words = flags_words(results.rule, person.flags)
            share = vi_percent(person.percents[LEVELS[2]], decimals)
            earlier = f" (năm {year}: {prior_share(person, decimals)})" if year and person.prior else ""
            doc.paragraph(f"- {person.candidate.name} ({person.candidate.position}): {share} phiếu tín nhiệm thấp"
                          f"{earlier} — {words}.", bold=True, indent=4)
    else:
        doc.paragraph(f"Không có người nào có số phiếu tín nhiệm thấp đến ngưỡng theo {rule_label(results.rule)}.")


def header_lines(value: str, chars: int = HEADER_LINE_CHARS) -> str:
    """A header line too long for its column (`chars` capitals), broken as the PDF breaks it: into two
    even lines, before the place name when it can ('ỦY BAN NHÂN DÂN / TỈNH AN PHÚ'), else into as few
    even lines as fit; Word would leave one word on the last line."""
    words = composed(value).split()
    if len(" ".join(words)) <= chars or len(words) < 2:
        return " ".join(words)
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    fitting = [s for s in splits if max(map(len, s)) <= chars]
    if fitting:
        before_place = [s for s in fitting if LOCALITY.match(s[1])]
        return "\n".join(min(before_place or fitting, key=lambda s: max(map(len, s))))
    for count in (3, 4):  # the most even lines that fit: no one word alone on the last
        cuts = combinations(range(1, len(words)), count - 1)
        parts = [tuple(" ".join(words[a:b]) for a, b in zip((0, *cut), (*cut, len(words)))) for cut in cuts]
        fitting = [p for p in parts if max(map(len, p)) <= chars]
        if fitting:
            return "\n".join(min(fitting, key=lambda p: max(map(len, p)) - min(map(len, p))))
    return "\n".join(min(splits, key=lambda s: max(map(len, s))))


def _set_on(parent, tag: str, **attributes: str) -> None:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    parent.append(element)


class _MinutesDocument:
    """A Word document set up as the program's PDFs are, with the blocks the minutes use."""

    def __init__(self, mark: str) -> None:
        self.document = Document()
        self.mark = mark
        self.body_pt: float = BODY_PT
        self._defaults()
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
        section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
        section.header_distance, section.footer_distance = Mm(8), Mm(8)
        section.different_first_page_header_footer = True  # page numbers from page 2
        number = section.header.paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _set_on(number._p, "w:fldSimple", instr="PAGE")

    def _defaults(self) -> None:
        """Times New Roman 13 pt, Vietnamese, justified, single spacing with 6 pt after."""
        styles = self.document.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        for name in list(fonts.attrib):
            del fonts.attrib[name]
        for name in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{name}"), FONT)
        defaults.find(f".//{qn('w:lang')}").set(qn("w:val"), "vi-VN")
        normal = styles["Normal"]
        normal.font.size = Pt(BODY_PT)
        normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.0
        properties = self.document.core_properties
        properties.title = "Biên bản kiểm phiếu (bản Word để chỉnh sửa)"
        properties.comments = self.mark
        properties.author = properties.last_modified_by = "Tín Nhiệm Desktop"
        properties.created = properties.modified = datetime.now(timezone.utc).replace(microsecond=0)
        properties.revision = 1

    # -- text --------------------------------------------------------------------------------

    def paragraph(self, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
                  align: WD_ALIGN_PARAGRAPH | None = None, indent: float = 0, keep: bool = False,
                  before: float = 0, after: float | None = None, container=None) -> Paragraph:
        """One paragraph of the body (or of `container`, a table cell); `keep` keeps it on the page
        of the next; `indent` in mm, `before` and `after` in points."""
        paragraph = (container or self.document).add_paragraph()
        run = paragraph.add_run(composed(text))
        run.bold, run.italic = bold or None, italic or None
        size = self.body_pt if size is None else size
        if size != self.body_pt:
            run.font.size = Pt(size)
        layout = paragraph.paragraph_format
        if align is not None:
            paragraph.alignment = align
        if indent:
            layout.left_indent = Mm(indent)
        elif align is None and container is None and text and not text.startswith(("-", "(", "Ghi chú")):
            layout.first_line_indent = Mm(FIRST_LINE_INDENT)  # a body paragraph's first line, as the PDF
        if before:
            layout.space_before = Pt(before)
        if after is not None:
            layout.space_after = Pt(after)
        if keep:
            layout.keep_with_next = True
        return paragraph

    def heading(self, text: str) -> None:
        self.paragraph(text, bold=True, keep=True, before=6)

    def official_header(self, header: Header, iso_date: str, number: str = "", issuer: str = "TKP") -> None:
        """Issuing body on the left, motto on the right, each with its rule; the number and symbol
        under the body ('Số: 12/BB-TKP', dotted when not given); then place and date."""
        party = self.party = header.style is HeaderStyle.PARTY
        if party:  # HD 36: the body 14–15 pt
            self.body_pt = 14
            self.document.styles["Normal"].font.size = Pt(14)
        left_width = PARTY_HEADER_LEFT if party else HEADER_LEFT
        table = self.table((left_width, TEXT_WIDTH - left_width), 1)
        left, right = table.cell(0, 0), table.cell(0, 1)
        for cell in (left, right):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        centred = WD_ALIGN_PARAGRAPH.CENTER
        # NĐ 30: 12 / 12 bold / 13; HD 36: parent 14, unit 14 bold, motto 15 bold, number 14, date 14 italic
        size, chars = (14, PARTY_HEADER_LINE_CHARS) if party else (12, HEADER_LINE_CHARS)
        if header.parent:
            self.paragraph(header_lines(header.parent.upper(), chars), size=size, align=centred, after=0,
                           container=left)
        self.paragraph(header_lines(header.unit.upper(), chars), bold=True, size=size, align=centred, after=0,
                       container=left)
        if party:
            self.paragraph("*", size=14, align=centred, after=0, container=left)
            self.paragraph("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=15, align=centred, after=0, container=right)
            self._rule(right, PARTY_RULE)
        else:
            self._rule(left, HEADER_LEFT / 3)
            self.paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12, align=centred, after=0,
                           container=right)
            self.paragraph("Độc lập - Tự do - Hạnh phúc", bold=True, align=centred, after=0, container=right)
            self._rule(right, MOTTO_RULE)
        shown = number.strip() or "......"
        self.paragraph(f"Số {shown}-BB/{issuer}" if party else f"Số: {shown}/BB-{issuer}",
                       size=14 if party else 13, align=centred, before=3, after=0, container=left)
        self.paragraph(place_and_date(header, iso_date), italic=True, size=14 if party else BODY_PT, align=centred,
                       before=6, after=0, container=right)
        for cell in (left, right):
            cell._tc.remove(cell.paragraphs[0]._p)  # the empty paragraph every new cell starts with
        self.paragraph("", after=6)

    def _rule(self, cell: _Cell, width: float) -> None:
        """A centred rule `width` mm long: an empty paragraph 2 pt high with a top border, indented."""
        self._rule_in(cell, cell.width.mm - 2 * 1.9, width)  # the cell's own margins (108 twips each side)

    def _rule_in(self, cell: _Cell | None, room: float, width: float) -> None:
        paragraph = self.paragraph("", after=0, container=cell)
        layout = paragraph.paragraph_format
        layout.line_spacing = Pt(2)  # exactly
        layout.space_before = Pt(3)
        layout.left_indent = layout.right_indent = Mm((room - width) / 2)
        borders = OxmlElement("w:pBdr")
        _set_on(borders, "w:top", val="single", sz="6", space="1", color="auto")
        paragraph._p.get_or_add_pPr().insert_element_before(borders, "w:shd", "w:tabs", "w:spacing", "w:ind",
                                                              "w:jc", "w:rPr")

    def title_block(self, title: str, subtitle: str) -> None:
        centred = WD_ALIGN_PARAGRAPH.CENTER
        self.paragraph(title, bold=True, size=16 if self.party else 14, align=centred, after=0 if subtitle else 6)
        if subtitle:
            self.paragraph(subtitle, bold=True, size=14, align=centred, after=0)
        if self.party:  # the short rule under the trích yếu: five hyphens (HD 36), a solid line (NĐ 30)
            self.paragraph("-----", align=centred, after=6)
        else:
            self._rule_in(None, TEXT_WIDTH, TEXT_WIDTH / 5)

    def seal_block(self, lead: str, fingerprint: str) -> None:
        """The seal's sentence, the fingerprint in groups of four, how to compare it, and the same
        value as a QR code at the right."""
        self.paragraph(lead, keep=True, after=3)
        table = self.table((TEXT_WIDTH - QR_SIDE - 4, QR_SIDE + 4), 1)
        text, code = table.cell(0, 0), table.cell(0, 1)
        groups = grouped(fingerprint).split()
        lines = "\n".join(" ".join(groups[i:i + 8]) for i in range(0, len(groups), 8))
        self.paragraph(lines, bold=True, size=11.5, align=WD_ALIGN_PARAGRAPH.CENTER, after=2, keep=True,
                       container=text)
        self.paragraph(apart_hyphens(FINGERPRINT_HOW), italic=True, size=11, after=0, keep=True, container=text)
        picture = self.paragraph("", align=WD_ALIGN_PARAGRAPH.RIGHT, after=0, keep=True, container=code)
        picture.runs[0].add_picture(qr_png(fingerprint), width=Mm(QR_SIDE))
        for cell in (text, code):
            cell._tc.remove(cell.paragraphs[0]._p)
        self.paragraph("", size=6, after=0, keep=True)

    def signatures(self, heading: str, signatures: Sequence[tuple[str, str]], per_row: int) -> None:
        """Signature blocks, `per_row` across (a short last row centred): title, '(Ký, ghi rõ họ
        tên)', room to sign, the name; all on the page of the heading."""
        self.paragraph(heading, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, keep=True, before=6)
        width = TEXT_WIDTH / per_row
        for start in range(0, len(signatures), per_row):
            more = start + per_row < len(signatures)
            row = signatures[start:start + per_row]
            table = self.table([width] * len(row), 1)
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for column, (title, name) in enumerate(row):
                cell = table.cell(0, column)
                centred = WD_ALIGN_PARAGRAPH.CENTER
                self.paragraph(title.upper(), bold=True, align=centred, after=0, keep=True, container=cell)
                self.paragraph("(Ký, ghi rõ họ tên)", italic=True, size=12, align=centred, after=0, keep=True,
                               container=cell)
                self.paragraph(name, bold=True, align=centred, before=62, after=6, keep=more, container=cell)
                cell._tc.remove(cell.paragraphs[0]._p)
            self.paragraph("", after=0, keep=more)  # Word would join two tables with nothing between

    # -- tables ------------------------------------------------------------------------------

    def table(self, widths: Sequence[float], rows: int, *, borders: bool = False, heading_rows: int = 0) -> Table:
        """A table of these column widths (mm), no row split across pages, the first
        `heading_rows` repeated at the top of every page; ruled or not."""
        table = self.document.add_table(rows=rows, cols=len(widths), style="Table Grid" if borders else None)
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = Mm(width)
        for index, row in enumerate(table.rows):
            properties = row._tr.get_or_add_trPr()
            _set_on(properties, "w:cantSplit")
            if index < heading_rows:
                _set_on(properties, "w:tblHeader")
            for cell, width in zip(row.cells, widths):
                cell.width = Mm(width)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if borders:
            margins = OxmlElement("w:tblCellMar")
            for side in ("top", "bottom"):
                _set_on(margins, f"w:{side}", w="17", type="dxa")  # 0.3 mm
            for side in ("left", "right"):
                _set_on(margins, f"w:{side}", w="40", type="dxa")  # 0.7 mm: "STT" fits its 9 mm
            table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription",
                                                   "w:tblPrChange")
        return table

    def cell_text(self, cell: _Cell, text: str, *, bold: bool = False,
                  align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> None:
        """The text of a ruled table's cell, 11 pt, kept with the next row when a
        heading (a table never starts with its headings alone at the foot of a page)."""
        paragraph = cell.paragraphs[0]
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.keep_with_next = bold or None
        run = paragraph.add_run(composed(text))
        run.bold = bold or None
        run.font.size = Pt(CELL_PT)

    def save(self, target: Path) -> Path:
        """Write the file beside its target and rename it into place: never half a document."""
        target = Path(target)
        partial = target.with_name(target.name + ".partial")
        self.document.save(str(partial))
        partial.replace(target)
        return target
