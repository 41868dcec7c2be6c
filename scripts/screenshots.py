"""Screenshots of the real window for the README: run under Xvfb at 1366x768.

    Xvfb :97 -screen 0 1366x768x24 &
    DISPLAY=:97 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots.py docs/screenshots [scan]

Drives the program in-process (the demo round, keyed half-way) and captures the X screen with
ImageMagick's `import`, so what is saved is what a user sees.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tinnhiem_desktop.core.spec import parse_round_spec  # noqa: E402
from tinnhiem_desktop.services.rounds import RoundService  # noqa: E402
from tinnhiem_desktop.ui.dialogs import Dialogs  # noqa: E402
from tinnhiem_desktop.ui.fonts import load_packaged_fonts  # noqa: E402
from tinnhiem_desktop.ui.i18n import install_translation  # noqa: E402
from tinnhiem_desktop.ui.main_window import MainWindow  # noqa: E402
from tinnhiem_desktop.ui.wizard import RoundWizard  # noqa: E402

DEMO = ROOT / "resources" / "demo"


class FirstChoice(Dialogs):
    def choose(self, title, label, items, current=0):
        return items[0]


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()
        QTest.qWait(25)


def shoot(app: QApplication, target: Path, crop: tuple[int, int, int, int] | None = None) -> None:
    settle(app)
    command = ["import", "-window", "root"]
    if crop:
        x, y, w, h = crop
        command += ["-crop", f"{w}x{h}+{x}+{y}"]
    subprocess.run([*command, str(target)], check=True)
    print("wrote", target)


def main(out: Path, only: str | None = None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tinnhiem-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    app = QApplication(sys.argv)
    load_packaged_fonts()
    install_translation(app, "vi")  # Qt's own texts too, as the Vietnamese window has them
    setup = parse_round_spec((DEMO / "round.json").read_text(encoding="utf-8"), "demo")
    if only == "scan":
        shoot_scans(app, out, work, setup)
        return

    wizard = RoundWizard(FirstChoice(), work)
    wizard.setGeometry(0, 0, 1366, 768)
    info = wizard.info_page
    info.parent_edit.setText(setup.header.parent)
    info.unit_edit.setText(setup.header.unit)
    info.place_edit.setText(setup.meeting.place)
    info.chair_edit.setText(setup.meeting.chair)
    wizard.show()
    shoot(app, out / "wizard-1-info.png")
    wizard.close()
    edit = RoundWizard(FirstChoice(), work, initial=setup)
    edit.setGeometry(0, 0, 1366, 768)
    edit.show()
    for name in ("rules", "team", "forms", "counts"):
        edit.next()
        shoot(app, out / f"wizard-{['rules', 'team', 'forms', 'counts'].index(name) + 2}-{name}.png")
    edit.close()

    path = work / "demo.tinnhiem"
    with RoundService.create(path, setup, "demo") as service:
        lines = (DEMO / "ballots.csv").read_text(encoding="utf-8").splitlines()
        half = work / "half.csv"
        half.write_text("\n".join(lines[:42]) + "\n", encoding="utf-8")  # 41 of form 1's 58 ballots
        service.import_ballots_file(half)
    window = MainWindow(FirstChoice())
    window.setGeometry(0, 0, 1366, 768)
    window.show()
    window.open_round(path)
    tab = window.current_tab()
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):
        QTest.keyClick(tab.view, key)
    shoot(app, out / "grid-mid-count.png")
    dock = window.results_dock.geometry()
    top_left = window.mapToGlobal(dock.topLeft())
    shoot(app, out / "results-pane.png", (top_left.x(), top_left.y(), dock.width(), dock.height()))
    window.show_projector()
    shoot(app, out / "projector.png")
    window.projector.close()
    window.close()
    shoot_double_entry(app, out, work, setup, lines)
    shoot_fifteen(app, out, work, setup)
    shoot_file_dialog(app, out, work)
    shoot_scans(app, out, work, setup)


def shoot_scans(app: QApplication, out: Path, work: Path, setup) -> None:
    """A stack of 12 scanned ballots of the 15-person form (made by tests/scangen.py from the
    program's own printed ballots), one page of another round among them: the summary after
    reading, then the review screen on a cell the reader left for a person."""
    import random
    from dataclasses import replace

    sys.path.insert(0, str(ROOT / "tests"))
    from scangen import Faults, ScanGenerator, random_faults

    from tinnhiem_desktop.core.model import BallotForm, Candidate, Counts
    from tinnhiem_desktop.ui.scanning import ScanDialog, ScanReviewDialog

    people = tuple(Candidate(i, name, position) for i, (name, position) in enumerate(FIFTEEN, 1))
    form = BallotForm("1", "Lãnh đạo Sở và các phòng", Counts(summoned=48, present=46, issued=46, collected=46), people)
    scanned = replace(setup, forms=(form,))
    path, other = work / "quet.tinnhiem", work / "khac.tinnhiem"
    RoundService.create(path, scanned, "demo").close()
    RoundService.create(other, scanned, "demo").close()
    with RoundService.open(path, "demo") as service:
        uid = service.info.uid
    with RoundService.open(other, "demo") as service:
        other_uid = service.info.uid
    stack = work / "may-quet"
    stack.mkdir()
    rng = random.Random(12)
    generator = ScanGenerator(scanned, uid, "1", work)
    (stack / "trang-01.png").write_bytes(faint_stroke_page(generator, rng))
    for n in range(2, 13):
        page = generator.page(rng, random_faults(rng, 200), special=0.12)
        (stack / f"trang-{n:02d}{'.jpg' if page.faults.jpeg else '.png'}").write_bytes(page.encoded())
    stranger = ScanGenerator(scanned, other_uid, "1", work / "may-quet")
    (stack / "trang-07b.png").write_bytes(stranger.page(rng, Faults(dpi=200, rotation=1.2)).encoded())
    (stack / "blank-1.pdf").unlink()

    window = MainWindow(FirstChoice())
    window.setGeometry(0, 0, 1366, 768)
    window.show()
    window.open_round(path)
    window.session.set_keyer("Phạm Quốc Huy")
    window._update_state()
    dialog = ScanDialog(window.session, stack, True, window.dialogs, window)
    dialog.setGeometry(283, 80, 800, 600)
    dialog.show()
    while dialog.report is None:
        settle(app, 4)
    dialog.setGeometry(283, 80, 800, 600)
    shoot(app, out / "scan-summary.png")
    dialog.accept()
    review = ScanReviewDialog(window.session, window.dialogs, window)
    review.setGeometry(83, 40, 1200, 690)
    review.show()
    shoot(app, out / "scan-review.png")
    review.close()
    window.close()


def faint_stroke_page(generator, rng) -> bytes:
    """A ballot on which the third person got only a short, light pencil stroke: the reader cannot
    say whether it is a mark, so the review screen shows it."""
    import cv2
    from scangen import Faults, apply_faults, draw_mark

    from tinnhiem_desktop.export.blank_ballots import LEVEL_W

    image, px = generator.blank(0, 200), 200 / 25.4
    page = generator.layout.pages[0]
    for i, _order in enumerate(page.orders):
        y = page.first_row_y + i * generator.layout.pitch
        boxes = [(x, y, LEVEL_W, generator.layout.pitch) for x in generator.layout.box_x]
        if i == 2:
            x0, y0, w, h = (v * px for v in boxes[1])
            cv2.line(image, (int(x0 + w * 0.35), int(y0 + h * 0.4)), (int(x0 + w * 0.6), int(y0 + h * 0.62)), 150, 2,
                     cv2.LINE_AA)
        else:
            draw_mark(image, boxes[rng.randrange(3)], rng.choice(("x", "tick", "x", "circled")), px, rng)
    ok, data = cv2.imencode(".png", apply_faults(image, Faults(dpi=200, rotation=0.7), rng))
    return data.tobytes()


def shoot_file_dialog(app: QApplication, out: Path, work: Path) -> None:
    """Qt's own file dialog (the one outside Windows) over the window, in Vietnamese."""
    from PySide6.QtWidgets import QFileDialog

    window = MainWindow(FirstChoice())
    window.setGeometry(0, 0, 1366, 768)
    window.show()
    dialog = QFileDialog(window, window.tr("Mở tệp đợt lấy phiếu"), str(work), "Tệp đợt lấy phiếu (*.tinnhiem)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setGeometry(180, 120, 1000, 520)
    dialog.show()
    shoot(app, out / "file-dialog.png")
    dialog.close()
    window.close()


FIFTEEN = [
    ("Nguyễn Văn An", "Giám đốc Sở"), ("Hoàng Thị Thu Hà", "Phó Giám đốc Sở"), ("Vũ Đức Thắng", "Phó Giám đốc Sở"),
    ("Ngô Minh Khôi", "Phó Giám đốc Sở"), ("Bùi Thị Lan", "Chánh Văn phòng"), ("Đặng Văn Tùng", "Chánh Thanh tra"),
    ("Trịnh Thị Mai", "Trưởng phòng Kế hoạch - Tài chính"), ("Lý Quang Dũng", "Trưởng phòng Quản lý vận tải"),
    ("Phan Thị Yến", "Phó Chánh Văn phòng"), ("Tạ Văn Lực", "Phó Chánh Thanh tra"),
    ("Cao Thị Hương", "Giám đốc Trung tâm Đăng kiểm"), ("Mai Xuân Trường", "Trưởng Ban Quản lý dự án"),
    ("Đỗ Hữu Nghĩa", "Phó Trưởng phòng Quản lý vận tải"), ("Lương Thị Ngọc Ánh", "Phó Giám đốc Trung tâm"),
    ("Huỳnh Quốc Bảo", "Phó Trưởng Ban Quản lý dự án"),
]


def shoot_fifteen(app: QApplication, out: Path, work: Path, setup) -> None:
    """A form of 15 people, 20 ballots keyed and one being keyed: the grid and the projector."""
    import random
    from dataclasses import replace

    from tinnhiem_desktop.core.model import BallotForm, Candidate, Counts

    people = tuple(Candidate(i, name, position) for i, (name, position) in enumerate(FIFTEEN, 1))
    form = BallotForm("1", "Lãnh đạo Sở và các phòng", Counts(summoned=48, present=46, issued=46, collected=46), people)
    path = work / "fifteen.tinnhiem"
    rows = ["form,ballot,status," + ",".join(str(i) for i in range(1, 16))]
    draw = random.Random(15)
    for number in range(1, 21):
        rows.append(f"1,{number},valid," + ",".join(draw.choice("1112223") for _ in people))
    ballots = work / "fifteen.csv"
    ballots.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with RoundService.create(path, replace(setup, forms=(form,)), "demo") as service:
        service.import_ballots_file(ballots)
    window = MainWindow(FirstChoice())
    window.setGeometry(0, 0, 1366, 768)
    window.show()
    window.open_round(path)
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_2):
        QTest.keyClick(window.current_tab().view, key)
    shoot(app, out / "grid-15-people.png")
    window.show_projector()
    shoot(app, out / "projector-15-people.png")
    window.projector.close()
    window.close()


def shoot_double_entry(app: QApplication, out: Path, work: Path, setup, lines: list[str]) -> None:
    """The comparison view of a round keyed twice, with two slips in pass B."""
    from dataclasses import replace

    from tinnhiem_desktop.core.model import EntryMode
    from tinnhiem_desktop.ui.compare import CompareDialog

    path = work / "double.tinnhiem"
    first = work / "a.csv"
    first.write_text("\n".join(lines[:42]) + "\n", encoding="utf-8")
    slipped = [row.split(",") for row in lines[:41]]
    slipped[5][4] = "3" if slipped[5][4] != "3" else "1"
    slipped[12][3] = "x"
    second = work / "b.csv"
    second.write_text("\n".join(",".join(row) for row in slipped) + "\n", encoding="utf-8")
    with RoundService.create(path, replace(setup, entry_mode=EntryMode.DOUBLE), "Lê Thị Hồng") as service:
        service.import_ballots_file(first)
        service.keyer = "Phạm Quốc Huy"
        service.set_entry_pass("B")
        service.import_ballots_file(second)
    window = MainWindow(FirstChoice())
    window.setGeometry(0, 0, 1366, 768)
    window.show()
    window.open_round(path)
    dialog = CompareDialog(window.session, window.dialogs, window)
    dialog.setGeometry(80, 60, 1200, 640)
    dialog.show()
    shoot(app, out / "double-entry-compare.png")
    dialog.close()
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots",
         sys.argv[2] if len(sys.argv) > 2 else None)
