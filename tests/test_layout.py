"""The layout check: every document kind of three reference rounds (a small state round, a
60-person Party round with long names, a consolidated report) is written, its pages read back with
pypdfium2 as positioned text, and checked for what makes an office retype a paper: text outside
the page, text printed over text, a heading or a signature title as the last line of a page, an
entry log of few rows a page.

`python tests/test_layout.py OUT_DIR` writes the reference documents and their pages as PNG to look at.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tinnhiem_desktop import cli  # noqa: E402
from tinnhiem_desktop.core.model import Mark  # noqa: E402
from tinnhiem_desktop.core.spec import setup_from_dict  # noqa: E402
from tinnhiem_desktop.services.rounds import RoundService  # noqa: E402

MM = 72 / 25.4
# a line that must have what it announces below it on the same page
ANNOUNCING = re.compile(r"^(?:[IVX]+\.\s|\d+\.\s+Loại phiếu|TỔ KIỂM PHIẾU$|BAN KIỂM PHIẾU$|TM\.|T/M\s|"
                        r"TỔ TRƯỞNG|TRƯỞNG BAN|THÀNH VIÊN|THƯ KÝ|Nơi nhận:|\(Ký)")
ALONE = re.compile(r"^(?:Nơi nhận:|TỔ KIỂM PHIẾU$|BAN KIỂM PHIẾU$|TM\.|T/M\s|TỔ TRƯỞNG|THƯ KÝ|THÀNH VIÊN)")
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
MIDDLE = ["Thị Thanh", "Văn Quốc", "Thị Ngọc", "Hữu Minh", "Thị Hồng", "Đức Trung"]
GIVEN = ["Phương Uyên", "Thành", "Hà", "Khánh Linh", "Bảo", "Tuyết Nhung", "Hùng", "Xuân Mai"]
POSITIONS = ["Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Đảng ủy", "Phó Bí thư Thường trực Đảng ủy",
             "Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", "Ủy viên Ban Chấp hành, Chánh Văn phòng Đảng ủy"]


def long_name(i: int) -> str:
    return f"{SURNAMES[i % 10]} {MIDDLE[i % 6]} {GIVEN[i % 8]}"


def round_spec(*, party: bool, people: int, collected: int, year: int = 2026, unit: str = "",
               parent: str = "ỦY BAN NHÂN DÂN TỈNH AN PHÚ") -> dict:
    candidates = [{"name": long_name(i) if party else ["Nguyễn Văn An", "Âu Dương Thị Hoàng Phương Uyên",
                                                         "Trần Thị Thu Hà", "Lê Quốc Huy", "Phạm Minh Đức"][i % 5],
                   "position": POSITIONS[i % 4] if party else "Phó Giám đốc Sở",
                   **({"provincial": i % 7 == 0} if party else {})} for i in range(people)]
    return {
        "title": f"Hội nghị lấy phiếu tín nhiệm năm {year}",
        "year": year,
        "rule": "qd-96-2023",
        "header": ({"style": "party", "parent": "ĐẢNG BỘ TỈNH AN PHÚ",
                    "unit": unit or "ĐẢNG ỦY CƠ QUAN CÁC CƠ QUAN ĐẢNG, ĐOÀN THỂ VÀ CHÍNH QUYỀN TỈNH"}
                   if party else {"style": "state", "parent": parent, "unit": unit or "SỞ GIAO THÔNG VẬN TẢI"}),
        "meeting": {"date": f"{year}-11-27", "place": "Hội trường A", "chair": "Trần Văn Bình"},
        "team": [{"name": "Lê Thị Hồng Nhung Phương", "role": "Tổ trưởng"},
                 {"name": "Phạm Quốc Huy", "role": "Thành viên"},
                 {"name": "Đỗ Thị Thanh Xuân", "role": "Thư ký"}],
        "forms": [{"id": "1", "title": "Ủy viên Ban Thường vụ Đảng ủy" if party else "Lãnh đạo Sở",
                   "summoned": collected + 2, "present": collected, "issued": collected, "collected": collected,
                   "candidates": candidates}],
    }


def make(path: Path, spec: dict, collected: int) -> Path:
    setup = setup_from_dict(spec, "test")
    people = len(spec["forms"][0]["candidates"])
    with RoundService.create(path, setup, "Lê Thị Hồng") as service:
        for number in range(1, collected + 1):
            marks = {order: (Mark.THAP if (number + order) % 3 == 0 else Mark.CAO) for order in range(1, people + 1)}
            service.add_ballot("1", number, marks)
        service.seal("Lê Thị Hồng")
    return path


def documents(folder: Path) -> dict[str, Path]:
    """The reference documents: every kind for the small state round and the Party round, and a
    consolidated report of three units."""
    folder.mkdir(parents=True, exist_ok=True)
    small = make(folder / "small.tinnhiem", round_spec(party=False, people=5, collected=20), 20)
    party = make(folder / "party.tinnhiem", round_spec(party=True, people=60, collected=40), 40)
    units = folder / "units"
    units.mkdir(exist_ok=True)
    for i, unit in enumerate(("SỞ TÀI CHÍNH", "SỞ XÂY DỰNG", "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN")):
        make(units / f"u{i}.tinnhiem", round_spec(party=False, people=12, collected=15, unit=unit), 15)
    written: dict[str, Path] = {}
    for name, source in (("small", small), ("party", party)):
        kinds = {"minutes": "--minutes", "notices": "--notices", "entry-log": "--entry-log",
                 "ballots": "--blank-ballots", "report": "--report-pdf"}
        args = ["export", str(source), "--copies", "2", "--number", "15" if name == "small" else ""]
        for kind, option in kinds.items():
            target = folder / f"{name}-{kind}.pdf"
            args += [option, str(target)]
            written[f"{name}-{kind}"] = target
        if name == "party":
            args += ["--provincial-pdf", str(folder / "party-provincial.pdf")]
            written["party-provincial"] = folder / "party-provincial.pdf"
        assert cli.main(args) == 0
    target = folder / "consolidated.pdf"
    assert cli.main(["consolidate", str(units), "--pdf", str(target)]) == 0
    written["consolidated"] = target
    return written


def page_lines(page) -> list[tuple[float, float, float, float, str]]:
    """The page's text runs, each (left, bottom, right, top) in points and its text."""
    text = page.get_textpage()
    runs = []
    for i in range(text.count_rects()):
        left, bottom, right, top = text.get_rect(i)
        words = text.get_text_bounded(left, bottom, right, top).strip()
        if words:
            runs.append((left, bottom, right, top, words))
    return runs


def lines_of(runs) -> list[tuple[float, str]]:
    """Runs joined into lines (same baseline), from the top of the page down: (bottom, text)."""
    lines: list[list] = []
    for left, bottom, right, top, words in sorted(runs, key=lambda r: (-r[1], r[0])):
        if lines and abs(lines[-1][0] - bottom) < 2.5:
            lines[-1][1].append(words)
        else:
            lines.append([bottom, [words]])
    return [(bottom, " ".join(parts)) for bottom, parts in lines]


def layout_problems(path: Path) -> list[str]:
    problems = []
    document = pdfium.PdfDocument(path)
    for number in range(len(document)):
        page = document[number]
        width, height = page.get_size()
        runs = page_lines(page)
        where = f"{path.name} page {number + 1}"
        for left, bottom, right, top, words in runs:
            if left < 8 * MM or right > width - 8 * MM or bottom < 8 * MM or top > height - 5 * MM:
                problems.append(f"{where}: outside the printable page: {words!r}")
        ordered = sorted(runs, key=lambda r: -r[3])
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if b[3] < a[1]:
                    break  # every later run is wholly below a
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                smaller = min(a[3] - a[1], b[3] - b[1])
                if overlap_x > 1.5 and overlap_y > 0.45 * smaller:
                    problems.append(f"{where}: {a[4]!r} printed over {b[4]!r}")
        lines = lines_of(runs)
        body = [text for _, text in lines if not re.fullmatch(r"\d+", text)]  # less the page number
        if number and number == len(document) - 1 and body and ALONE.match(body[0]):
            problems.append(f"{where}: the signature block alone on the last page")
        if len(lines) > 1:
            last = lines[-1][1]
            if ANNOUNCING.match(last) and not (number == len(document) - 1 and last.startswith("(Ký")):
                # (a signature left blank for a name written by hand may end the last page)
                problems.append(f"{where}: ends with {last!r}")
    return problems


def rows_per_page(path: Path) -> list[int]:
    """Rows of each full page of the entry log: not the first (the header and title take a third of
    it) nor the last."""
    document = pdfium.PdfDocument(path)
    counts = [sum(1 for _, text in lines_of(page_lines(document[i])) if re.match(r"^\d+\s", text))
              for i in range(len(document))]
    return counts[1:-1]


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, Path]:
    return documents(tmp_path_factory.mktemp("layout"))


@pytest.mark.parametrize("kind", ["small-minutes", "small-notices", "small-entry-log", "small-ballots",
                                  "small-report", "party-minutes", "party-notices", "party-entry-log",
                                  "party-ballots", "party-report", "party-provincial", "consolidated"])
def test_pages_have_no_text_outside_none_overprinted_and_no_heading_last(reference, kind):
    assert layout_problems(reference[kind]) == []


def test_the_entry_log_fills_its_pages(reference):
    for kind in ("small-entry-log", "party-entry-log"):
        assert all(rows >= 25 for rows in rows_per_page(reference[kind])), (kind, rows_per_page(reference[kind]))


def test_the_number_and_the_party_wording_are_printed(reference):
    def text(kind: str) -> str:
        document = pdfium.PdfDocument(reference[kind])
        return " ".join(document[i].get_textpage().get_text_range() for i in range(len(document)))

    assert "Số: 15/BB-BKP" in text("small-minutes")
    assert "Số ......-BB/BKP" in text("party-minutes")
    party_report = " ".join(text("party-report").split())
    assert "T/M ĐẢNG ỦY" in party_report and "THỦ TRƯỞNG CƠ QUAN" not in party_report
    assert "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ" in " ".join(text("small-report").split())
    assert "Số: ....../BC-......" in text("consolidated")
    # the option's two hyphens printed apart (in italic they touch and read as one dash)
    assert "--fingerprint" not in text("small-minutes") and "-\u200a-fingerprint" in text("small-minutes")


def _page_texts(path: Path) -> list[list[str]]:
    document = pdfium.PdfDocument(path)
    return [[text for _, text in lines_of(page_lines(document[i])) if not re.fullmatch(r"\d+", text)]
            for i in range(len(document))]


@pytest.mark.parametrize("people", [3, 4, 5, 6, 7, 8, 9, 11, 14])
def test_minutes_end_a_table_with_two_people_and_keep_the_signatures_together(tmp_path, people):
    """Whatever the number of people, the table's last person never stands alone under the
    repeated headings at the top of a page, and the closing line and every signature share a page."""
    spec = round_spec(party=False, people=people, collected=12)
    source = make(tmp_path / "r.tinnhiem", spec, 12)
    target = tmp_path / "bien-ban.pdf"
    assert cli.main(["export", str(source), "--minutes", str(target)]) == 0
    pages = _page_texts(target)
    for number, lines in enumerate(pages, start=1):
        rows = [line for line in lines if re.match(r"^\d+ \S", line) and "%" in line]
        if number > 1 and lines and lines[0].startswith("STT"):
            assert len(rows) != 1, f"page {number}: the table's last person alone: {rows}"
    closing = [n for n, lines in enumerate(pages) if any(line.startswith("Biên bản lập xong") for line in lines)]
    signed = [n for n, lines in enumerate(pages) for member in spec["team"]
              if any(member["name"] in line and "—" not in line for line in lines)]  # not the list in I.
    assert len(closing) == 1 and set(signed) == set(closing), (closing, signed)


def test_the_consolidated_report_indents_the_first_line_of_its_paragraphs(reference):
    page = pdfium.PdfDocument(reference["consolidated"])[0]
    runs = page_lines(page)
    lines: dict[int, float] = {}  # each line's leftmost word, by its baseline
    for left, bottom, _, _, _ in runs:
        lines[round(bottom / 3)] = min(left, lines.get(round(bottom / 3), left))
    first = min(left for left, _, _, _, words in runs if words == "Tổng")  # "Tổng hợp từ 3 tệp…" opens it
    body_left = min(lines.values())  # the second line of that paragraph, and the table, start at the margin
    assert first - body_left > 8 * MM


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for kind, path in documents(out).items():
        document = pdfium.PdfDocument(path)
        for i in range(len(document)):
            document[i].render(scale=80 / 72).to_pil().save(out / f"{kind}-{i + 1:03d}.png")
        print(kind, len(document), "pages", *layout_problems(path), sep="\n  ")
