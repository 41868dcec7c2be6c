"""Opening, creating and closing round files for the main window: the new-round wizard, last
year's file as a start, the read-only fallback for a file in use, following a read-only file,
automatic backups while a round is open and restoring one, corrections of a sealed round, recent
files and files dropped on the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QMenu

from ..core.issues import TinNhiemError
from ..services.backups import Backups, all_copies, restore_copy
from ..services.backups import default_folder as default_backup_folder
from ..services.rounds import RoundService, is_server_url, station_user
from .i18n import describe_error, describe_issue, sentence
from .session import RoundSession

ROUND_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Tệp đợt lấy phiếu (*.tinnhiem)")
# Who made a change without a keyer, as the round's log records it (printed in the documents).
PREPARING, CORRECTING = "chuẩn bị đợt", "đính chính"
MAX_RECENT = 8
FILE_POLL_MS = 3000  # a read-only window looks at the keyers' file this often
SERVER_POLL_MS = 500  # a window on a server round looks at the server's log head this often


class RoundOpening:
    """Mixed into MainWindow, whose `dialogs`, `settings`, `session`, `undo` and status bar it uses;
    the window shows an opened round with `_build_tabs()`, shows no round with `_show_no_round()`,
    puts the cursor on a cell with `_show_cell()` and updates its actions and title with
    `_update_state()`."""

    def _init_round_opening(self) -> None:
        self.reload_timer = QTimer(self)
        self.reload_timer.setInterval(FILE_POLL_MS)
        self.reload_timer.timeout.connect(self._reload_if_changed)
        self.backups: Backups | None = None
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(30_000)
        self.backup_timer.timeout.connect(self._backup_if_due)

    def new_round(self) -> None:
        from platformdirs import user_documents_dir

        from .wizard import RoundWizard

        wizard = RoundWizard(self.dialogs, Path(user_documents_dir()), parent=self)
        if self.dialogs.run(wizard):
            self.create_round(wizard.result_path(), wizard.result_setup(), wizard.result_preparer())

    def new_round_from_previous(self) -> None:
        """Next year's round prefilled from last year's sealed file, its people linked by key."""
        from ..services.history import carry_history, next_round_setup
        from .wizard import RoundWizard

        from platformdirs import user_documents_dir

        folder = Path(self.settings.value("lastFolder", user_documents_dir()))
        source = self.dialogs.open_file(self.tr("Tệp đợt lấy phiếu năm trước"), folder, self.tr(ROUND_FILTER))
        if not source:
            return
        try:
            setup = next_round_setup(Path(source))
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        wizard = RoundWizard(self.dialogs, folder, initial=setup, parent=self, new_file=True)
        if not (self.dialogs.run(wizard) and self.create_round(wizard.result_path(), wizard.result_setup(),
                                                               wizard.result_preparer())):
            return
        try:
            report = carry_history(self.session.service, Path(source))
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        lines = [self.tr("Đã liên kết kết quả năm {year} của {count} người theo mã người.").format(
            year=report.year, count=len(report.linked))]
        lines += [self.tr("Không dùng tệp {file}: {reason}").format(file=f.path.name, reason=sentence(f.code, f.params))
                  for f in report.refused]
        self.dialogs.info("\n".join(lines))

    def open_dialog(self) -> None:
        folder = Path(self.settings.value("lastFolder", str(Path.home())))
        path = self.dialogs.open_file(self.tr("Mở tệp đợt lấy phiếu"), folder, self.tr(ROUND_FILTER))
        if path:
            self.open_round(path)

    def open_round(self, path: Path, read_only: bool = False) -> bool:
        """Open a round file, or a round on a server (a postgresql:// address); the round open now
        stays open if this one cannot be opened."""
        path = path if is_server_url(path) else Path(path)
        try:
            service = RoundService.open(path, station_user(), read_only=read_only)
        except TinNhiemError as error:
            if error.code == "round_file_in_use" and not read_only:
                if self.dialogs.confirm(describe_error(error) + "\n\n" + self.tr("Mở tệp ở chế độ chỉ xem?")):
                    return self.open_round(path, read_only=True)
                return False
            self.dialogs.error(describe_error(error))
            return False
        for warning in service.warnings:
            self.dialogs.info(describe_issue(warning))
        self.close_round()
        self._attach(service)
        if not service.read_only and not self.choose_keyer():
            self.keep_last_keyer()
        return True

    def create_round(self, path: Path, setup, preparer: str) -> bool:
        try:
            service = RoundService.create(path, setup, f"{preparer} ({PREPARING})")
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return False
        self.close_round()
        self._attach(service)
        if not self.choose_keyer():
            self.key_as_preparer(preparer)
        return True

    def _attach(self, service: RoundService) -> None:
        self.session = RoundSession(service, self)
        self.session.keyerChanged.connect(lambda _name: self._update_state())
        self.session.setupChanged.connect(self._build_tabs)
        self.session.cellShown.connect(self._show_cell)
        self.undo.clear()
        self._build_tabs()
        if service.on_server:  # other PCs key into it: their ballots show within a second
            self.reload_timer.setInterval(SERVER_POLL_MS)
            self.reload_timer.start()
        elif service.read_only:
            self.reload_timer.setInterval(FILE_POLL_MS)
            self.reload_timer.start()
        else:
            self.backups = Backups(service, self._backup_root())
            self.backup_timer.start()
        if not service.on_server:
            self.settings.setValue("lastFolder", str(service.path.parent))
            self._remember(service.path)
        self._update_state()

    def close_round(self) -> None:
        if self.session is None:
            return
        self.reload_timer.stop()
        self.backup_timer.stop()
        self._backup_on_closing()
        self.backups = None
        self.undo.clear()
        session, self.session = self.session, None
        self._show_no_round()
        session.service.close()
        session.deleteLater()
        self._update_state()

    def _reload_if_changed(self) -> None:
        """A read-only window follows the keyers' file: the events added since reach the views
        through the session, like the window's own changes."""
        if self.session is not None and self.session.reload_if_changed():
            self._update_state()

    def make_correction(self) -> None:
        if self.session is None or not self.session.service.info.sealed:
            return
        reason = self.dialogs.ask_text(self.tr("Lập tệp đính chính"), self.tr("Lý do đính chính kết quả đã chốt:"))
        if not reason or not reason.strip():
            return
        source = self.session.service.path
        target = self.dialogs.save_file(self.tr("Lưu tệp đính chính"),
                                        source.with_name(f"{source.stem}-dinh-chinh.tinnhiem"), self.tr(ROUND_FILTER))
        if not target:
            return
        try:
            RoundService.correction(source, target, reason, f"{station_user()} ({CORRECTING})").close()
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        self.open_round(target)

    # -- backups ---------------------------------------------------------------------------

    def _backup_root(self) -> Path:
        return Path(self.settings.value("backupFolder", str(default_backup_folder())))

    def _backup_if_due(self) -> None:
        if self.backups is None or self.session is None or self.session.read_only:
            return
        try:
            if self.backups.backup_if_due():
                self.statusBar().showMessage(self.tr("Đã tự động sao lưu tệp đợt lấy phiếu."), 4000)
        except TinNhiemError as error:  # a backup that fails must not stop the keying
            self.statusBar().showMessage(self.tr("Không sao lưu được: {reason}").format(reason=describe_error(error)),
                                         8000)

    def _backup_on_closing(self) -> None:
        if self.backups is None or self.session is None or self.session.read_only:
            return
        try:
            self.backups.backup_if_changed()
        except TinNhiemError as error:  # closing goes on: the file itself is whole, only its copy is missing
            self.statusBar().showMessage(self.tr("Không sao lưu được: {reason}").format(reason=describe_error(error)),
                                         8000)

    def restore_backup(self) -> None:
        copies = all_copies(self._backup_root())
        if not copies:
            self.dialogs.info(self.tr("Chưa có bản sao lưu nào. Chương trình tự sao lưu vài phút một lần khi đang "
                                      "nhập phiếu."))
            return
        labels = [self.tr("{name} — lúc {time} ngày {date}").format(
                      name=copy.path.stem.rsplit("-", 2)[0], time=f"{copy.taken:%H:%M:%S}", date=f"{copy.taken:%d/%m/%Y}")
                  for copy in copies]
        chosen = self.dialogs.choose(self.tr("Khôi phục bản sao lưu"), self.tr("Chọn bản sao lưu (mới nhất ở đầu):"),
                                     labels)
        if chosen is None:
            return
        copy = copies[labels.index(chosen)]
        folder = Path(self.settings.value("lastFolder", str(Path.home())))
        target = self.dialogs.save_file(self.tr("Lưu bản khôi phục thành tệp mới"),
                                        folder / f"{copy.path.stem}-khoi-phuc.tinnhiem", self.tr(ROUND_FILTER))
        if not target:
            return
        try:
            restore_copy(copy.path, target)
        except TinNhiemError as error:
            self.dialogs.error(describe_error(error))
            return
        self.open_round(target)

    # -- recent files and drops ------------------------------------------------------------

    def add_recent_menu(self, menu: QMenu) -> None:
        self.recent_menu = menu.addMenu(self.tr("Mở &gần đây"))
        self._refresh_recent()

    def _remember(self, path: Path) -> None:
        recent = [p for p in self._recent() if Path(p) != path.resolve()]
        recent.insert(0, str(path.resolve()))
        self.settings.setValue("recentFiles", recent[:MAX_RECENT])
        self._refresh_recent()

    def _recent(self) -> list[str]:
        value = self.settings.value("recentFiles", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(self._recent(), start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(path).name} — {Path(path).parent}")
            action.triggered.connect(lambda _checked=False, p=path: self.open_round(Path(p)))
        self.recent_menu.setEnabled(bool(self._recent()))

    def dragEnterEvent(self, event) -> None:
        if any(url.toLocalFile().endswith(".tinnhiem") for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().endswith(".tinnhiem"):
                event.acceptProposedAction()
                self.open_round(Path(url.toLocalFile()))
                return
