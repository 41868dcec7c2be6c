"""The main window: one tally tab per ballot form, the results dock, the status bar, and the
handlers of its menus (the menus themselves are the table in ui/actions.py; opening and closing
round files is ui/round_opening.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, QTimer
from PySide6.QtGui import QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.issues import TinNhiemError
from ..core.model import Counts, EntryPass
from ..core.names import folded
from ..core.procedure import MISSING_CODES
from ..core.team import team_head
from ..export.wording import COUNT_NAMES
from ..services.procedure import ProcedureService
from .actions import build_menus
from .commands import ChangeCounts
from .dialogs import APP_TITLE, Dialogs
from .i18n import (
    LANGUAGE_MENU, LANGUAGES, RESTART_NOTE, describe_error, describe_issue, moment, sentence, store_language,
    stored_language, wording,
)
from .results import ProjectorView, ResultsPane
from .round_opening import ROUND_FILTER, RoundOpening
from .session import Cell, RoundSession
from .tally import TallyTab


def parse_range(text: str) -> tuple[int | None, int | None]:
    """'1-150' → (1, 150); '' → (None, None). Raises ValueError."""
    text = text.strip().replace("–", "-")
    if not text:
        return None, None
    first, _, last = text.partition("-")
    return int(first), (int(last) if last.strip() else None)


def slug(name: str) -> str:
    """A file-name-friendly form of a Vietnamese name: 'Máy 2 — chị Lan' → 'may-2-chi-lan'."""
    return "-".join(folded(name).split()) or "may-nhap"


KEEP_SCANS = "scan/keepImages"  # the setting: page images of scans copied beside the round file
MEETING_STEPS = ("attendance", "team_vote", "issued", "collected")  # recorded at the meeting, asked before the seal

HELP_HTML = QT_TRANSLATE_NOOP("MainWindow", """
<h2>Phím tắt khi nhập phiếu</h2>
<table cellpadding="4">
<tr><td><b>1</b></td><td>Tín nhiệm cao, rồi sang người tiếp theo</td></tr>
<tr><td><b>2</b></td><td>Tín nhiệm</td></tr>
<tr><td><b>3</b></td><td>Tín nhiệm thấp</td></tr>
<tr><td><b>0</b> hoặc <b>Dấu cách</b></td><td>Không đánh dấu (ô bỏ trống trên phiếu)</td></tr>
<tr><td><b>X</b></td><td>Đánh dấu nhiều ô (không tính cho người này)</td></tr>
<tr><td><b>Shift+1 / Shift+2 / Shift+3</b></td><td>Điền mức đó cho mọi ô chưa nhập từ ô hiện tại đến hết phiếu</td></tr>
<tr><td><b>Backspace</b></td><td>Xóa ô vừa nhập và lùi lại</td></tr>
<tr><td><b>Delete</b></td><td>Xóa ô hiện tại</td></tr>
<tr><td><b>Enter</b></td><td>Sang phiếu tiếp theo</td></tr>
<tr><td><b>Ctrl+I</b></td><td>Cả phiếu không hợp lệ (chọn lý do)</td></tr>
<tr><td><b>Ctrl+Delete</b></td><td>Xóa phiếu (có hỏi lại; số các phiếu khác không đổi)</td></tr>
<tr><td><b>Mũi tên, Home, End</b></td><td>Di chuyển; <b>Ctrl+Home</b> về phiếu đầu, <b>Ctrl+End</b> đến phiếu mới</td></tr>
<tr><td><b>Ctrl+Z / Ctrl+Y</b></td><td>Hoàn tác / Làm lại</td></tr>
<tr><td><b>Ctrl+PageUp / Ctrl+PageDown</b></td><td>Đổi loại phiếu</td></tr>
<tr><td><b>Ctrl++ / Ctrl+-</b></td><td>Phóng to / thu nhỏ chữ</td></tr>
<tr><td><b>F5</b></td><td>Trình chiếu kết quả cho hội nghị (Esc để trở lại)</td></tr>
</table>
<p>Sau khi nhập ô của người cuối cùng, chương trình tự chuyển sang phiếu mới.
Mỗi thao tác được ghi vào tệp ngay lập tức: không cần lưu.</p>
<p>Trên lưới, mỗi ô ghi cả chữ và màu: <b>1 Cao</b>, <b>2 TN</b>, <b>3 Thấp</b>, <b>0 Trống</b>,
<b>X Nhiều</b>. Bảng bên phải trình bày phiếu hiện tại giống tờ phiếu giấy để đối chiếu.</p>
<p><b>Phiếu quét</b> (Phiếu → Đọc phiếu quét…, <b>Ctrl+Shift+O</b>; Phiếu → Xác nhận ô của phiếu quét…,
<b>Ctrl+Shift+R</b>): mỗi ô máy đọc chưa chắc chắn hiện cạnh tên người; cùng các phím <b>1</b>, <b>2</b>,
<b>3</b>, <b>0</b>, <b>X</b> xác nhận ô theo phiếu giấy và sang ô tiếp theo.</p>
""")


class CountsDialog(QDialog):
    def __init__(self, parent: QWidget, title: str, counts: Counts) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Số liệu — {form}").format(form=title))
        layout = QFormLayout(self)
        self.spins: dict[str, QSpinBox] = {}
        for name, value in counts.as_dict().items():
            spin = QSpinBox()
            spin.setRange(0, 100000)
            spin.setValue(value)
            self.spins[name] = spin
            layout.addRow(wording(COUNT_NAMES[name]).capitalize() + ":", spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Đồng ý"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Hủy"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def counts(self) -> Counts:
        return Counts(**{name: spin.value() for name, spin in self.spins.items()})


class MainWindow(RoundOpening, QMainWindow):
    def __init__(self, dialogs: Dialogs | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.dialogs = dialogs or Dialogs(self)
        self.session: RoundSession | None = None
        self.undo = QUndoStack(self)
        self.tabs_by_form: dict[str, TallyTab] = {}
        self.panes_by_form: dict[str, ResultsPane] = {}
        self.projector: ProjectorView | None = None
        self.settings = QSettings()
        self._init_round_opening()

        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(self._tab_changed)
        self.welcome = self._welcome_page()
        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.tabs)
        self.setCentralWidget(self.central)

        self.results_stack = QStackedWidget()
        self.results_dock = QDockWidget(self.tr("Kết quả trực tiếp"), self)
        self.results_dock.setObjectName("resultsDock")
        self.results_dock.setWidget(self.results_stack)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.results_dock)

        self.keyer_label = QLabel()
        self.saved_label = QLabel(self.tr("Mọi thao tác được ghi vào tệp ngay khi thực hiện — không cần lưu."))
        self.statusBar().addPermanentWidget(self.keyer_label)
        self.statusBar().addPermanentWidget(self.saved_label)

        self._round_actions = build_menus(self)
        self.setAcceptDrops(True)
        self._font_size = int(self.settings.value("fontSize", self.font().pointSize() or 10))
        self._apply_font()
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        elif self.screen() is not None:
            self.setGeometry(self.screen().availableGeometry())  # a laptop's screen is all needed
        state = self.settings.value("windowState")
        if state is not None:
            self.restoreState(state)
        else:
            self.resizeDocks([self.results_dock], [250], Qt.Orientation.Vertical)
        self._update_state()

    # -- building --------------------------------------------------------------------------

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch()
        title = QLabel(self.tr("<h1>Tín Nhiệm Desktop</h1><p>Kiểm phiếu lấy phiếu tín nhiệm</p>"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        for text, slot in (
            (self.tr("Tạo đợt lấy phiếu mới… (Ctrl+N)"), self.new_round),
            (self.tr("Mở tệp đợt lấy phiếu… (Ctrl+O)"), self.open_dialog),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setMinimumHeight(40)
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()
        return page

    def add_undo_actions(self, menu: QMenu) -> None:
        undo = self.undo.createUndoAction(self, self.tr("&Hoàn tác"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo.createRedoAction(self, self.tr("&Làm lại"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        menu.addAction(undo)
        menu.addAction(redo)

    def add_results_toggle(self, menu: QMenu) -> None:
        self.results_toggle = self.results_dock.toggleViewAction()
        self.results_toggle.setText(self.tr("&Bảng kết quả trực tiếp"))
        menu.addAction(self.results_toggle)

    def add_language_menu(self, menu: QMenu) -> None:
        language_menu = menu.addMenu(LANGUAGE_MENU)
        languages = QActionGroup(self)
        for language, name in LANGUAGES.items():
            action = languages.addAction(name)
            action.setCheckable(True)
            action.setChecked(language == stored_language())
            action.triggered.connect(lambda _checked=False, chosen=language: self.set_language(chosen))
            language_menu.addAction(action)

    # -- the round's tabs ------------------------------------------------------------------

    def _build_tabs(self) -> None:
        """One tally tab and one results pane per form, made anew (on opening, or after the
        setup was replaced or a read-only file changed on disk)."""
        self.undo.clear()
        self.tabs.blockSignals(True)
        self._clear_tabs()
        for form in self.session.setup.forms:
            tab = TallyTab(self.session, form.code, self.undo, self.dialogs, self._undo_failed)
            tab.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
            self.tabs.addTab(tab, f"{form.code}. {form.title}")
            self.tabs_by_form[form.code] = tab
            pane = ResultsPane(self.session, form.code)
            self.results_stack.addWidget(pane)
            self.panes_by_form[form.code] = pane
        resume = next((i for i, tab in enumerate(self.tabs_by_form.values()) if tab.resumes_ballot), 0)
        self.tabs.setCurrentIndex(resume)
        self.tabs.blockSignals(False)
        self.central.setCurrentWidget(self.tabs)
        self._apply_font()
        self._tab_changed(resume)
        self._fit_results_dock()

    def _fit_results_dock(self) -> None:
        """The results dock as tall as its largest form needs (up to 15 people), at most half the
        window: the grid keeps the rest."""
        if not self.panes_by_form or self.results_dock.isFloating():
            return
        dock = self.results_dock
        title = max(dock.height() - dock.widget().height(), 0)  # the dock's own title bar
        wanted = max(pane.wanted_height() for pane in self.panes_by_form.values()) + title
        self.resizeDocks([self.results_dock], [min(wanted, self.height() // 2 + 40)], Qt.Orientation.Vertical)

    def _show_no_round(self) -> None:
        self._clear_tabs()
        self.central.setCurrentWidget(self.welcome)

    def _clear_tabs(self) -> None:
        if self.projector:
            self.projector.close()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        while self.results_stack.count():
            widget = self.results_stack.widget(0)
            self.results_stack.removeWidget(widget)
            widget.deleteLater()
        self.tabs_by_form, self.panes_by_form = {}, {}

    # -- actions ---------------------------------------------------------------------------

    def edit_setup(self) -> None:
        if self.session is None or self.session.read_only:
            return
        if not self.session.setup_editable:
            self.dialogs.info(sentence("setup_locked_by_ballots", {"file": self.session.service.path.name}))
            return
        from platformdirs import user_documents_dir

        from .wizard import RoundWizard

        wizard = RoundWizard(self.dialogs, Path(user_documents_dir()), initial=self.session.setup, parent=self)
        if self.dialogs.run(wizard):
            try:
                self.session.replace_setup(wizard.result_setup())
            except TinNhiemError as error:
                self.dialogs.error(describe_error(error))

    def edit_rule(self) -> None:
        """The round's rule and its settings, changeable until the seal (also after ballots are keyed)."""
        if self.session is None or not self.session.service.rule_editable:
            return
        from .rules import RuleDialog

        dialog = RuleDialog(self.session.setup, self.dialogs, self)
        if not self.dialogs.run(dialog):
            return
        editor = dialog.editor
        problem = editor.problem()
        if problem is not None:
            self.dialogs.error(problem)
            return
        try:
            self.session.change_rule(editor.rule_id(), editor.percent_base(), editor.decimals(), editor.rule_custom())
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))

    def choose_keyer(self) -> bool:
        """Who keys now and, in a double-entry round, which pass. A cancelled question changes
        nothing, except that a keyer who cancels the pass keeps the pass they keyed before; the
        status bar says who keys which pass either way. True when a keyer was chosen."""
        if self.session is None or self.session.read_only:
            return False
        name = self._ask_keyer()
        entry_pass = self._ask_pass(name) if name else None
        lead = ""
        if name and entry_pass is None:
            entry_pass = self.session.keyers_passes().get(name)
            lead = self.tr("Chưa chọn lượt: giữ lượt người này đã nhập.")
        if not name or entry_pass is None:
            self._say_keying(self.tr("Không đổi người nhập."))
            return False
        self._key_as(name, entry_pass)
        self._say_keying(lead)
        return True

    def keep_last_keyer(self) -> None:
        """No keyer chosen on opening: go on as the last keyer the file names, on their pass."""
        passes = self.session.keyers_passes()
        if not passes:
            self._say_keying(self.tr("Chưa chọn người nhập (chọn ở Phiếu → Đổi người nhập / lượt nhập)."))
            return
        name = next(reversed(passes))
        self._key_as(name, passes[name])
        self._say_keying(self.tr("Chưa chọn người nhập: tiếp tục với người nhập cuối cùng trong tệp "
                                 "(đổi ở Phiếu → Đổi người nhập / lượt nhập)."))

    def key_as_preparer(self, preparer: str) -> None:
        """No keyer chosen for a round just made: its ballots are keyed in the name of the person
        who made it (who is at this PC), on pass A, never as "(chuẩn bị đợt)", the log's name
        for the preparation itself."""
        self._key_as(preparer, EntryPass.A)
        self._say_keying(self.tr("Chưa chọn người nhập: nhập phiếu với tên người lập đợt "
                                 "(đổi ở Phiếu → Đổi người nhập / lượt nhập)."))

    def _team_roster(self) -> list[str]:
        return [f"{m.name} ({m.role})" if m.role else m.name for m in self.session.setup.team]

    def _ask_keyer(self) -> str | None:
        roster = self._team_roster()
        if not roster:
            name = self.dialogs.ask_text(self.tr("Người nhập phiếu"), self.tr("Họ và tên người nhập phiếu:"))
        else:
            choice = self.dialogs.choose(self.tr("Người nhập phiếu"), self.tr("Ai đang nhập phiếu?"), roster)
            name = None if choice is None else self.session.setup.team[roster.index(choice)].name
        return name.strip() if name and name.strip() else None

    def _ask_pass(self, name: str) -> EntryPass | None:
        """In a double-entry round, which pass `name` keys (offered: the one they keyed before);
        pass B never shows pass A. None when the question was cancelled."""
        service = self.session.service
        if not service.double_entry or service.station is not None:
            return self.session.entry_pass
        passes = [self.tr("Lượt A — nhập lần thứ nhất"), self.tr("Lượt B — nhập lần thứ hai, độc lập (không thấy lượt A)")]
        before = self.session.keyers_passes().get(name, self.session.entry_pass)
        choice = self.dialogs.choose(self.tr("Lượt nhập"), self.tr("Đợt này nhập phiếu hai lượt. Người này nhập lượt nào?"),
                                     passes, 1 if before is EntryPass.B else 0)
        if choice is None:
            return None
        return EntryPass.B if choice == passes[1] else EntryPass.A

    def _key_as(self, name: str, entry_pass: EntryPass) -> None:
        self.session.set_keyer(name)
        if entry_pass is not self.session.entry_pass:
            self.session.set_entry_pass(entry_pass)
        self._update_state()

    def _say_keying(self, lead: str) -> None:
        """What happened to the question of who keys, in the status bar for a while; who keys
        which pass is said once, by the label at the bar's right end."""
        if lead:
            self.statusBar().showMessage(lead, 10000)
        else:
            self.statusBar().clearMessage()

    def _pass_a_may_show(self, what: str) -> bool:
        """While pass B is keyed, what would show pass A (its results, the ballots that differ)
        opens only after an explicit yes."""
        if self.session is None or not self.session.blind:
            return True
        return self.dialogs.confirm(what + "\n" + self.tr(
            "Đang nhập lượt B: lượt B phải độc lập, không được thấy lượt A. Chỉ mở khi cả hai lượt đã nhập xong. "
            "Vẫn mở?"))

    def compare_passes(self) -> None:
        if self.session is None:
            return
        if not self.session.double_entry:
            self.dialogs.info(self.tr("Đợt này nhập phiếu một lượt: không có hai lượt để đối chiếu.\n"
                                      "Muốn nhập hai lượt độc lập, chọn \"Nhập hai lượt\" khi tạo đợt "
                                      "(trước khi nhập phiếu)."))
            return
        if not self._pass_a_may_show(self.tr("Bảng đối chiếu hiện nội dung của cả hai lượt nhập, cả lượt A.")):
            return
        from .compare import CompareDialog

        self.dialogs.run(CompareDialog(self.session, self.dialogs, self))

    def make_station(self) -> None:
        """A copy of this round for another machine: a station name, a pass, a range of numbers."""
        if self.session is None or self.session.read_only:
            return
        service = self.session.service
        title = self.tr("Tạo bản cho máy nhập khác")
        name = self.dialogs.ask_text(title, self.tr("Tên máy nhập (ví dụ: Máy 2 — chị Lan):"))
        if not name or not name.strip():
            return
        entry_pass = EntryPass.A
        if service.double_entry:
            passes = [self.tr("Lượt A"), self.tr("Lượt B")]
            choice = self.dialogs.choose(title, self.tr("Máy này nhập lượt nào?"), passes)
            if choice is None:
                return
            entry_pass = (EntryPass.A, EntryPass.B)[passes.index(choice)]
        numbers = self.dialogs.ask_text(
            title, self.tr("Phạm vi số phiếu máy này nhập, ví dụ 1-150 (để trống: mọi số phiếu):"))
        if numbers is None:
            return
        try:
            first, last = parse_range(numbers)
        except ValueError:
            self.dialogs.error(self.tr("Phạm vi số phiếu '{numbers}' không hợp lệ: ghi như 1-150.").format(numbers=numbers))
            return
        stem = service.path.stem
        target = self.dialogs.save_file(self.tr("Lưu bản cho máy nhập (chép sang USB)"),
                                        service.path.with_name(f"{stem}-{slug(name)}.tinnhiem"), self.tr(ROUND_FILTER))
        if not target:
            return
        try:
            service.make_station_copy(Path(target), name, entry_pass, first, last)
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        self.dialogs.info(self.tr("Đã tạo '{file}' cho máy nhập '{station}' (lượt {entry_pass}).\n"
                                  "Chép tệp sang máy đó, nhập phiếu, rồi mang tệp về và chọn Tệp → Nhận phiếu từ "
                                  "máy nhập khác.").format(file=Path(target).name, station=name.strip(),
                                                           entry_pass=entry_pass.value))

    def import_station(self) -> None:
        if self.session is None or self.session.read_only:
            return
        folder = Path(self.settings.value("lastFolder", str(Path.home())))
        path = self.dialogs.open_file(self.tr("Nhận phiếu từ máy nhập khác"), folder, self.tr(ROUND_FILTER))
        if not path:
            return
        try:
            report = self.session.import_station(Path(path))
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        lines = [self.tr("Máy nhập '{station}' (lượt {entry_pass}): thêm {added} phiếu mới, {already} phiếu đã có "
                         "sẵn giống hệt.").format(station=report.station, entry_pass=report.entry_pass.value,
                                                  added=report.added, already=report.already)]
        if report.conflicts:
            lines.append(self.tr("{count} phiếu KHÔNG được nhận (tệp chính giữ nguyên):").format(
                count=len(report.conflicts)))
            lines += [self.tr("• Loại phiếu {form}: {reason}").format(
                          form=c.form, reason=sentence(c.code, {"ballot": c.number, "entry_pass": c.entry_pass.value}))
                      for c in report.conflicts[:30]]
        self.dialogs.info("\n".join(lines))

    # -- scanned ballots ---------------------------------------------------------------------

    def add_scan_settings(self, menu: QMenu) -> None:
        self.keep_scans_action = menu.addAction(self.tr("&Giữ ảnh phiếu quét cạnh tệp đợt (để kiểm tra)"))
        self.keep_scans_action.setCheckable(True)
        self.keep_scans_action.setChecked(self.settings.value(KEEP_SCANS, True, type=bool))
        self.keep_scans_action.toggled.connect(lambda on: self.settings.setValue(KEEP_SCANS, on))

    def read_scans(self) -> None:
        """Phiếu › Đọc phiếu quét…: a scanner's PDF or a folder of images, read in the background
        into the pass keyed now (asked in a double-entry round), then the cells to confirm."""
        if self.session is None or self.session.read_only:
            return
        service = self.session.service
        if not service.info.uid:
            self.dialogs.error(sentence("scan_round_without_id", {"file": service.path.name}))
            return
        title = self.tr("Đọc phiếu quét")
        pdf, folder = self.tr("Tệp PDF của máy quét…"), self.tr("Thư mục ảnh quét (JPEG, PNG, TIFF)…")
        choice = self.dialogs.choose(title, self.tr("Đọc phiếu quét từ:"), [pdf, folder])
        if choice is None:
            return
        start = Path(self.settings.value("scanFolder", str(service.path.parent)))
        if choice == pdf:
            source = self.dialogs.open_file(title, start, self.tr(
                "Tệp quét (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp)"))
        else:
            source = self.dialogs.choose_folder(title, start)
        if not source:
            return
        source = Path(source)
        self.settings.setValue("scanFolder", str(source.parent if source.is_file() else source))
        if service.double_entry and service.station is None:
            passes = [self.tr("Lượt A"), self.tr("Lượt B")]
            current = 1 if self.session.entry_pass is EntryPass.B else 0
            chosen = self.dialogs.choose(title, self.tr("Đợt này nhập phiếu hai lượt. Phiếu quét là lượt nào?"),
                                         passes, current)
            if chosen is None:
                return
            self._key_as(self.session.keyer, (EntryPass.A, EntryPass.B)[passes.index(chosen)])
        from .scanning import ScanDialog

        dialog = ScanDialog(self.session, source, self.keep_scans_action.isChecked(), self.dialogs, self)
        review = []
        dialog.review_wanted.connect(lambda: review.append(True))
        self.dialogs.run(dialog)
        if review:
            self.review_scans()

    def review_scans(self) -> None:
        """Phiếu › Xác nhận ô của phiếu quét…: the cells of the pass keyed now that wait, one key each."""
        if self.session is None or self.session.read_only:
            return
        if not self.session.scan_review():
            self.dialogs.info(self.tr("Không có ô nào của phiếu quét (lượt {entry_pass}) chờ xác nhận.").format(
                entry_pass=self.session.entry_pass.value))
            return
        from .scanning import ScanReviewDialog

        self.dialogs.run(ScanReviewDialog(self.session, self.dialogs, self))

    def edit_counts(self) -> None:
        tab = self.current_tab()
        if tab is None or self.session.read_only:
            return
        form = self.session.setup.form(tab.form.code)
        dialog = CountsDialog(self, form.title, form.counts)
        if not self.dialogs.run(dialog):
            return
        new = dialog.counts()
        try:
            old = self.session.change_counts(form.code, new)
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        text = self.tr("Số liệu loại phiếu {form}").format(form=form.code)
        self.undo.push(ChangeCounts(self.session, text, self._undo_failed, form.code, old, new))

    def seal_round(self) -> None:
        """Seal: the meeting's steps not recorded are listed first, the counts that do not agree need
        a reason, and the team chooses who seals (the head by default)."""
        if self.session is None or self.session.read_only:
            return
        if not self._pass_a_may_show(self.tr("Chốt kết quả cho xem kết quả và các phiếu hai lượt nhập khác nhau.")):
            return
        if not self._meeting_steps_settled():
            return
        titles = {f.code: f.title for f in self.session.setup.forms}
        problems = [describe_issue(i, titles.get(i.form)) for i in self.session.service.seal_problems()]
        reason = ""
        if problems:
            reason = self.dialogs.ask_text(
                self.tr("Chốt kết quả"),
                self.tr("Số liệu chưa khớp:") + "\n" + "\n".join(f"• {p}" for p in problems)
                + "\n\n" + self.tr("Muốn chốt vẫn phải ghi lý do (in trong biên bản):"),
            ) or ""
            if not reason.strip():
                return
        sealer = self._choose_sealer()
        if sealer is None:
            return
        if not problems and not self.dialogs.confirm(
            self.tr("Chốt kết quả với người chốt là {name}?\n"
                    "Sau khi chốt, tệp chỉ còn đọc; muốn sửa phải lập tệp đính chính.").format(name=sealer)
        ):
            return
        try:
            if self.session.service.on_server:
                service = self.session.service
                target = self.dialogs.save_file(
                    self.tr("Chốt vào tệp đợt lấy phiếu"),
                    Path.home() / f"{service.path.name}.tinnhiem", self.tr(ROUND_FILTER))
                if not target:
                    return
                info = self.session.seal_to_file(Path(target), reason, sealer)
            else:
                info = self.session.seal(reason, sealer)
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        self._update_state()
        self.dialogs.info(self.tr("Đã chốt kết quả lúc {time}.\nDấu vân tay (SHA-256), in trong biên bản:\n"
                                  "{fingerprint}").format(time=moment(info.sealed_at), fingerprint=info.fingerprint))

    def _meeting_steps_settled(self) -> bool:
        """The meeting's steps (attendance, the team's approval, ballots issued and collected) not
        recorded, listed with the offer to record them now; False when the seal is cancelled."""
        wanted = {MISSING_CODES[step] for step in MEETING_STEPS}
        while True:
            checklist = ProcedureService(self.session.service).checklist()
            missing = [describe_issue(issue) for issue in checklist.issues if issue.code in wanted]
            if not missing:
                return True
            record, seal_anyway = self.tr("Ghi các bước này ngay…"), self.tr("Chốt khi chưa ghi các bước này")
            choice = self.dialogs.choose(
                self.tr("Chốt kết quả"),
                self.tr("Các bước tại hội nghị chưa được ghi nhận; biên bản chỉ in những gì đã ghi:") + "\n"
                + "\n".join(f"• {line}" for line in missing), [record, seal_anyway])
            if choice is None:
                return False
            if choice == seal_anyway:
                return True
            from .procedure import MeetingStepsDialog

            steps = MeetingStepsDialog(self.session.service, self.dialogs, self.session.change_counts, self)
            if not self.dialogs.run(steps):
                return False

    def _choose_sealer(self) -> str | None:
        """Who seals: a member of the team, the head offered first; a name typed without a team."""
        team = self.session.setup.team
        title = self.tr("Chốt kết quả")
        if not team:
            name = self.dialogs.ask_text(title, self.tr("Họ và tên người chốt kết quả:"), self.session.keyer)
            return name.strip() if name and name.strip() else None
        roster = self._team_roster()
        head = team_head(team)
        choice = self.dialogs.choose(title, self.tr("Ai chốt kết quả?"), roster, team.index(head) if head else 0)
        return None if choice is None else team[roster.index(choice)].name

    def export_documents(self) -> None:
        if self.session is None or not self._pass_a_may_show(self.tr("Các tài liệu ghi kết quả có tính cả lượt A.")):
            return
        from .export_dialog import ExportDialog

        folder = Path(self.settings.value("exportFolder", str(self.session.service.path.parent)))
        dialog = ExportDialog(self.session.service, self.dialogs, folder, self)
        self.dialogs.run(dialog)
        self.settings.setValue("exportFolder", dialog.folder.text())

    def verify_file(self) -> None:
        if self.session is None:
            return
        paper = None
        if self.session.service.info.sealed:
            paper = self.dialogs.ask_text(
                self.tr("Kiểm tra tệp"),
                self.tr("Dấu vân tay in trên biên bản đã ký (gõ đủ 64 ký tự; dấu cách, gạch nối không tính).\n"
                        "Để trống nếu chỉ kiểm tra tệp với chính nó:"))
            if paper is None:
                return
        typed = (paper or "").strip() or None
        try:
            report = self.session.service.verify(typed)
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        from ..services.backups import newest_backup_problems

        problems = [*report.problems, *newest_backup_problems(self.session.service, self._backup_root())]
        if not problems:
            text = self.tr("Tệp nguyên vẹn: {events} sự kiện trong nhật ký khớp với dữ liệu.\n"
                           "Dấu vân tay hiện tại: {fingerprint}").format(events=report.events,
                                                                        fingerprint=report.fingerprint)
            if typed:
                text += "\n" + self.tr("Khớp với dấu vân tay trên biên bản.")
            self.dialogs.info(text)
        else:
            lines = [describe_issue(p) for p in problems[:20]]
            self.dialogs.error(self.tr("TỆP KHÔNG NGUYÊN VẸN:") + "\n" + "\n".join(lines))

    # -- the procedure around the count, earlier years, consolidation ----------------------

    def show_checklist(self) -> None:
        if self.session is None:
            return
        from .procedure import ChecklistDialog

        self.dialogs.run(ChecklistDialog(self.session.service, self.dialogs, self))

    def meeting_steps(self) -> None:
        if self.session is None or self.session.read_only:
            return
        from .procedure import MeetingStepsDialog

        self.dialogs.run(MeetingStepsDialog(self.session.service, self.dialogs, self.session.change_counts, self))

    def record_handover(self) -> None:
        if self.session is None:
            return
        from .procedure import HandoverDialog

        self.dialogs.run(HandoverDialog(self.session.service, self.dialogs, self))

    def reports_upward(self) -> None:
        if self.session is None or not self._pass_a_may_show(self.tr("Các báo cáo ghi kết quả có tính cả lượt A.")):
            return
        from .procedure import ReportsDialog

        folder = Path(self.settings.value("exportFolder", str(self.session.service.path.parent)))
        dialog = ReportsDialog(self.session.service, self.dialogs, folder, self)
        self.dialogs.run(dialog)
        self.settings.setValue("exportFolder", dialog.folder.text())

    def show_history(self) -> None:
        if self.session is None:
            return
        from .history_dialog import HistoryDialog

        dialog = HistoryDialog(self.session.service, self.dialogs, self.session.service.path.parent, parent=self)
        self.dialogs.run(dialog)

    def consolidate(self) -> None:
        from .consolidate_window import ConsolidateWindow

        folder = Path(self.settings.value("lastFolder", str(Path.home())))
        self.dialogs.run(ConsolidateWindow(self.dialogs, folder, parent=self))

    def show_projector(self) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        if self.projector is not None:
            self.projector.raise_()
            return
        self.projector = ProjectorView(self.session, tab.form.code)
        self.projector.closed.connect(self._projector_closed)
        self.projector.showFullScreen()
        screen = self.screen() or self.projector.screen()
        self.projector.setGeometry(screen.geometry())  # also without a window manager

    def _projector_closed(self) -> None:
        self.projector = None
        self.activateWindow()

    def show_help(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Phím tắt — Tín Nhiệm Desktop"))
        browser = QTextBrowser()
        browser.setHtml(self.tr(HELP_HTML))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        close.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(close)
        dialog.resize(720, 560)
        self.dialogs.run(dialog)

    def show_about(self) -> None:
        self.dialogs.info(
            self.tr("Tín Nhiệm Desktop — kiểm phiếu lấy phiếu tín nhiệm.\nMỗi đợt là một tệp .tinnhiem tự chứa."))

    def set_language(self, language: str) -> None:
        """Store the window's language; the program opens in it from the next start."""
        if language != stored_language():
            store_language(language)
            self.dialogs.info(RESTART_NOTE)

    def zoom(self, step: int) -> None:
        self._font_size = min(max(self._font_size + step, 7), 40)
        self.settings.setValue("fontSize", self._font_size)
        self._apply_font()

    def _scaled_font(self, factor: float = 1.0):
        font = self.font()
        font.setPointSizeF(self._font_size * factor)
        return font

    def _apply_font(self) -> None:
        font = self._scaled_font()
        self.central.setFont(font)
        self.results_stack.setFont(font)
        for tab in self.tabs_by_form.values():
            tab.apply_sizes()

    def current_tab(self) -> TallyTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, TallyTab) else None

    def _on_tab(self, action: str) -> None:
        tab = self.current_tab()
        if tab is not None and not self.session.read_only:
            getattr(tab, action)()

    def _switch_form(self, step: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _tab_changed(self, index: int) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        self.results_stack.setCurrentWidget(self.panes_by_form[tab.form.code])
        tab.view.setFocus()

    def _show_cell(self, cell: Cell) -> None:
        """The cell an undo or redo changed, in its form's tab."""
        tab = self.tabs_by_form.get(cell.form)
        if tab is None:
            return
        self.tabs.setCurrentWidget(tab)
        tab.go_to_ballot(cell.number, cell.order)

    def _undo_failed(self, error: TinNhiemError) -> None:
        self.dialogs.error(describe_error(error) + "\n\n"
                           + self.tr("Lịch sử hoàn tác đã được xóa; dữ liệu trong tệp vẫn đúng."))
        QTimer.singleShot(0, self.undo.clear)

    # -- state and settings ----------------------------------------------------------------

    def _update_state(self) -> None:
        for action, enabled in self._round_actions:
            action.setEnabled(enabled(self.session))
        if self.session is None:
            self.setWindowTitle(APP_TITLE)
            self.keyer_label.setText("")
            return
        service = self.session.service
        if service.info.sealed:
            state = self.tr("đã chốt kết quả")
        elif service.read_only:
            state = self.tr("chỉ xem")
        else:
            state = self.tr("đang kiểm phiếu")
        self.setWindowTitle(f"{self.session.setup.title} — {service.path.name} — {state} — {APP_TITLE}")
        keying = self.tr("Người nhập: <b>{name}</b>").format(name=self.session.keyer)
        if service.double_entry or service.station is not None:
            keying += " — " + self.tr("<b>lượt {entry_pass}</b>").format(entry_pass=self.session.entry_pass.value)
        if service.station is not None:
            keying += " — " + self.tr("máy nhập <b>{station}</b>").format(station=service.station.name)
        self.keyer_label.setText(keying if not service.read_only else f"<b>{state.capitalize()}</b>")

    def closeEvent(self, event) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.close_round()
        super().closeEvent(event)
