"""The blank paper ballots, read back with pypdf: what a counting team sees when it prints them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from test_export_ballots_log import leaders_form, make_setup, pages
from tinnhiem_desktop.core.model import BallotForm, Candidate, Counts, Header, HeaderStyle
from tinnhiem_desktop.core.rules import PRESETS
from tinnhiem_desktop.export.blank_ballots import (
    MARKING,
    PAGE_H,
    PAGE_W,
    SIGNING_NOTE,
    STAMP_LABEL,
    ballot_layout,
    write_blank_ballots,
)

HEADINGS = "STT Họ và tên Chức vụ Tín nhiệm cao Tín nhiệm Tín nhiệm thấp"
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng")
GIVEN = ("Thị Hương", "Văn Đức", "Quốc Bảo", "Thị Thủy", "Minh Tuấn", "Ngọc Ánh")
LONG_NAME = "Âu Dương Thị Hoàng Phương Uyên"
LONG_POSITION = "Phó Giám đốc Sở kiêm Trưởng phòng Kế hoạch - Tài chính"
MM = 72 / 25.4  # pt per mm


def many_form(size: int, code: str = "2") -> BallotForm:
    """A form of `size` people, the first with a long name and a long position."""
    candidates = (Candidate(1, LONG_NAME, LONG_POSITION),) + tuple(
        Candidate(i, f"{SURNAMES[i % 10]} {GIVEN[i % 6]} {i}", "Trưởng phòng") for i in range(2, size + 1)
    )
    return BallotForm(code, "Lãnh đạo các phòng, đơn vị", Counts(80, 78, 78, 78), candidates)


def texts_at(path: Path, page: int) -> list[tuple[str, float, float]]:
    """Each piece of text on a page with where it starts, in mm from the top left corner."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((text.strip(), tm[4] / MM, PAGE_H - tm[5] / MM))

    PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return found


def test_a_five_person_ballot_prints_two_to_a_page_188_copies_on_94_pages(tmp_path):
    texts = pages(write_blank_ballots(make_setup(leaders_form()), tmp_path / "p.pdf", 188))
    assert len(texts) == 94
    assert all(text.count("PHIẾU TÍN NHIỆM") == 2 and text.count(STAMP_LABEL) == 2 for text in texts)


@pytest.mark.parametrize(("copies", "expected_pages"), [(None, 3), (4, 2), (1, 1), (0, 1)])
def test_an_odd_copy_takes_the_top_half_of_the_last_page(tmp_path, copies, expected_pages):
    texts = pages(write_blank_ballots(make_setup(leaders_form(issued=5)), tmp_path / "p.pdf", copies))
    assert len(texts) == expected_pages
    ballots = max(1, 5 if copies is None else copies)
    assert sum(text.count("PHIẾU TÍN NHIỆM") for text in texts) == ballots


def test_a_ballot_shows_the_body_titles_every_person_levels_and_instructions(tmp_path):
    text = pages(write_blank_ballots(make_setup(leaders_form()), tmp_path / "p.pdf", 1))[0]
    for expected in ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "SỞ GIAO THÔNG VẬN TẢI", "Lãnh đạo Sở",
                     "Hội nghị lấy phiếu tín nhiệm năm 2026", STAMP_LABEL, HEADINGS, MARKING, SIGNING_NOTE):
        assert expected in text
    for candidate in leaders_form().candidates:
        assert f"{candidate.order} {candidate.name} {candidate.position}" in text


def test_the_year_is_added_when_the_title_lacks_it(tmp_path):
    setup = replace(make_setup(leaders_form()), title="Hội nghị lấy phiếu tín nhiệm")
    assert "Hội nghị lấy phiếu tín nhiệm năm 2026" in pages(write_blank_ballots(setup, tmp_path / "p.pdf", 1))[0]


def test_thirty_people_fit_one_side_with_a_long_name_on_one_line(tmp_path):
    target = write_blank_ballots(make_setup(many_form(30)), tmp_path / "p.pdf", 3)
    texts = pages(target)
    assert len(texts) == 3
    assert all("(tiếp theo" not in text and MARKING in text for text in texts)
    name = [text for text, _, _ in texts_at(target, 0) if text.startswith("Âu")]
    assert name == [LONG_NAME]
    layout = ballot_layout(many_form(30), PRESETS["qd-96-2023"])
    assert layout.lines == 2  # the long position wraps once


def test_sixty_people_take_one_sheet_front_and_back(tmp_path):
    form = many_form(60)
    texts = pages(write_blank_ballots(make_setup(form), tmp_path / "p.pdf", 3))
    assert len(texts) == 6
    for front, back in (texts[0:2], texts[2:4], texts[4:6]):
        assert "(tiếp theo" not in front and "SỞ GIAO THÔNG VẬN TẢI" in front
        assert "(tiếp theo, trang 2/2)" in back
        assert all(STAMP_LABEL in page and HEADINGS in page for page in (front, back))
        assert MARKING in back and MARKING not in front
        both = f"{front} {back}"
        assert all(both.count(f" {c.order} {c.name} ") == 1 for c in form.candidates[1:])


def test_seventy_people_with_one_line_positions_take_one_sheet(tmp_path):
    form = replace(many_form(70), candidates=tuple(replace(c, position="Trưởng phòng") for c in many_form(70).candidates))
    assert len(pages(write_blank_ballots(make_setup(form), tmp_path / "p.pdf", 2))) == 4


def test_a_longer_list_runs_on_to_whole_sheets(tmp_path):
    texts = pages(write_blank_ballots(make_setup(many_form(100)), tmp_path / "p.pdf", 1))
    assert len(texts) == 4
    assert [f"trang {k}/4" in text for k, text in enumerate(texts, start=1)] == [False, True, True, True]


def test_a_form_after_a_multi_page_form_starts_afresh(tmp_path):
    setup = make_setup(many_form(60, code="2"), replace(leaders_form(), code="1"))
    texts = pages(write_blank_ballots(setup, tmp_path / "p.pdf", 3))
    assert len(texts) == 6 + 2
    assert all("(tiếp theo" not in text and text.count("Lãnh đạo Sở") == 2 for text in texts[6:7])
    assert "(tiếp theo" not in texts[7]


@pytest.mark.parametrize(("rule_id", "left"), [("qd-96-2023", False), ("qd-262-2014", False),
                                               ("huong-dan-2013", False), ("nq-35-2012", True),
                                               ("nq-85-2014", True), ("nq-96-2023", True)])
def test_the_stamp_box_is_where_the_rule_puts_it_on_every_page(tmp_path, rule_id, left):
    target = write_blank_ballots(replace(make_setup(many_form(60)), rule_id=rule_id), tmp_path / "p.pdf", 1)
    for page in (0, 1):
        (x, y), = [(x, y) for text, x, y in texts_at(target, page) if text == STAMP_LABEL]
        assert (x < PAGE_W / 2) is left and y < 30


@pytest.mark.parametrize(("rule_id", "title", "invalid"), [
    ("qd-262-2014", "PHIẾU TÍN NHIỆM", "phiếu không do Ban kiểm phiếu phát ra; phiếu gạch tên, ghi thêm tên hoặc "
                                       "thông tin khác"),
    ("qd-96-2023", "PHIẾU TÍN NHIỆM", "phiếu không do Ban kiểm phiếu phát ra; phiếu gạch tên, ghi thêm tên hoặc "
                                      "thông tin khác"),
    ("nq-85-2014", "PHIẾU LẤY PHIẾU TÍN NHIỆM", "Phiếu không do Ban kiểm phiếu phát ra, phiếu không đóng dấu"),
    ("huong-dan-2013", "PHIẾU LẤY PHIẾU TÍN NHIỆM", "Phiếu không do Tổ kiểm phiếu phát ra, phiếu không đóng dấu"),
])
def test_the_title_and_the_invalid_cases_are_the_rules_own(tmp_path, rule_id, title, invalid):
    setup = replace(make_setup(leaders_form()), rule_id=rule_id)
    text = pages(write_blank_ballots(setup, tmp_path / "p.pdf", 1))[0]
    assert title in text and invalid in text
    assert ("PHIẾU LẤY PHIẾU" in text) is (title != "PHIẾU TÍN NHIỆM")


def test_a_party_body_carries_a_star_under_its_unit(tmp_path):
    party = Header(HeaderStyle.PARTY, "ĐẢNG BỘ TỈNH AN PHÚ", "ĐẢNG ỦY SỞ GIAO THÔNG VẬN TẢI")
    state = pages(write_blank_ballots(make_setup(leaders_form()), tmp_path / "s.pdf", 1))[0]
    text = pages(write_blank_ballots(replace(make_setup(leaders_form()), header=party), tmp_path / "p.pdf", 1))[0]
    assert "ĐẢNG ỦY SỞ GIAO THÔNG VẬN TẢI *" in text and "*" not in state


def test_the_boxes_are_a_regular_grid_where_the_layout_says(tmp_path):
    form = many_form(60)
    layout = ballot_layout(form, PRESETS["qd-96-2023"])
    assert layout.box_size[0] >= 6 and layout.box_size[1] >= 6
    assert [b - a for a, b in zip(layout.box_x, layout.box_x[1:])] == [layout.box_size[0]] * 2
    assert layout.box_x[2] + layout.box_size[0] <= PAGE_W - 10
    target = write_blank_ballots(make_setup(form), tmp_path / "p.pdf", 1)
    for number, page in enumerate(layout.pages):
        below = layout.instruction_height if number == len(layout.pages) - 1 else 5
        assert page.first_row_y + len(page.orders) * layout.pitch + below <= PAGE_H - 8
        rows = {int(text): y for text, x, y in texts_at(target, number) if text.isdigit() and x < 25}
        assert sorted(rows) == list(page.orders)
        for i, order in enumerate(page.orders):  # each number's baseline inside its own row
            assert page.first_row_y + i * layout.pitch < rows[order] < page.first_row_y + (i + 1) * layout.pitch


def test_every_piece_of_text_is_on_the_page(tmp_path):
    long_title = replace(many_form(60), title="Lãnh đạo các phòng, đơn vị thuộc Sở và các đơn vị sự nghiệp trực thuộc")
    target = write_blank_ballots(make_setup(long_title), tmp_path / "p.pdf", 1)
    for page in (0, 1):
        for text, x, y in texts_at(target, page):
            assert 5 < x < PAGE_W - 15 and 5 < y < PAGE_H - 5, text


def test_copies_repeat_the_first_copys_pages_and_the_file_stays_small(tmp_path):
    target = write_blank_ballots(make_setup(many_form(60)), tmp_path / "p.pdf", 200)
    reader = PdfReader(target)
    assert len(reader.pages) == 400
    assert reader.pages[398].extract_text() == reader.pages[0].extract_text()
    assert target.stat().st_size < 1_500_000


def test_an_unknown_form_is_refused(tmp_path):
    with pytest.raises(KeyError):
        write_blank_ballots(make_setup(leaders_form()), tmp_path / "p.pdf", forms=["9"])
