"""The main window's menus as one table: for each action its text, shortcuts, the window method it
calls and when it is enabled. `build_menus` makes the menus from the table; entries the window
makes itself (undo and redo, recent files, languages) are hooks, named window methods that add
them to the menu being built."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .session import RoundSession

Enabled = Callable[["RoundSession | None"], bool]
StandardKey = QKeySequence.StandardKey


def has_round(session: RoundSession | None) -> bool:
    return session is not None


def writable(session: RoundSession | None) -> bool:
    return session is not None and not session.read_only


def double_entry(session: RoundSession | None) -> bool:
    return session is not None and session.double_entry


def rule_editable(session: RoundSession | None) -> bool:
    return writable(session) and session.service.rule_editable


def sealed(session: RoundSession | None) -> bool:
    return session is not None and session.service.info.sealed


def handover_recordable(session: RoundSession | None) -> bool:
    return sealed(session) and not session.service.opened_read_only


@dataclass(frozen=True)
class Item:
    """One action: it calls the window's method `handler` with `args`; `enabled` (always, when
    None) decides from the open round; `name` is the window attribute that keeps the action."""

    text: str
    handler: str
    args: tuple[Any, ...] = ()
    shortcuts: tuple[StandardKey | str, ...] = ()
    enabled: Enabled | None = None
    name: str | None = None


@dataclass(frozen=True)
class Hook:
    """Entries the window adds itself: `window.<method>(menu)`."""

    method: str


class Separator:
    pass


SEPARATOR = Separator()


@dataclass(frozen=True)
class Menu:
    title: str
    entries: tuple[Item | Hook | Separator, ...]


# In the File menu and again in the Results menu: one action in both.
EXPORT = Item(QT_TRANSLATE_NOOP("MainWindow", "&Xuất tài liệu (biên bản, báo cáo…)…"), "export_documents",
              shortcuts=(StandardKey.Print,), enabled=has_round, name="export_action")

MENUS = (
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Tệp"), (
        Item(QT_TRANSLATE_NOOP("MainWindow", "Đợt &lấy phiếu mới…"), "new_round", shortcuts=(StandardKey.New,)),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Đợt mới từ tệp năm t&rước…"), "new_round_from_previous"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Mở…"), "open_dialog", shortcuts=(StandardKey.Open,)),
        Hook("add_recent_menu"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Sửa thông tin đợt…"), "edit_setup", enabled=writable,
             name="edit_setup_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Lập tệp đính &chính…"), "make_correction", enabled=sealed,
             name="correction_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Khôi phục bản sao lưu…"), "restore_backup"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Tổng hợp kết quả các đơn vị…"), "consolidate"),
        SEPARATOR,
        Item(QT_TRANSLATE_NOOP("MainWindow", "Tạo &bản cho máy nhập khác…"), "make_station", enabled=writable,
             name="station_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Nhận &phiếu từ máy nhập khác…"), "import_station", enabled=writable,
             name="import_station_action"),
        SEPARATOR,
        EXPORT,
        SEPARATOR,
        Item(QT_TRANSLATE_NOOP("MainWindow", "Đó&ng tệp"), "close_round", shortcuts=(StandardKey.Close,),
             enabled=has_round, name="close_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "T&hoát"), "close", shortcuts=(StandardKey.Quit,)),
    )),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Sửa"), (
        Hook("add_undo_actions"),
        SEPARATOR,
        Item(QT_TRANSLATE_NOOP("MainWindow", "Phóng &to chữ"), "zoom", (1,), ("Ctrl++", "Ctrl+=")),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Thu &nhỏ chữ"), "zoom", (-1,), ("Ctrl+-",)),
    )),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Phiếu"), (
        Item(QT_TRANSLATE_NOOP("MainWindow", "Phiếu &không hợp lệ…"), "_on_tab", ("invalidate",), ("Ctrl+I",),
             enabled=writable),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Khôi phục phiếu &hợp lệ"), "_on_tab", ("restore",), enabled=writable),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Xóa phiếu…"), "_on_tab", ("delete_ballot",), ("Ctrl+Del",),
             enabled=writable),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Số &liệu (triệu tập, có mặt, phát ra, thu về)…"), "edit_counts",
             enabled=writable),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Đổi &người nhập / lượt nhập…"), "choose_keyer", enabled=writable),
        SEPARATOR,
        Item(QT_TRANSLATE_NOOP("MainWindow", "Đọc phiếu &quét…"), "read_scans", shortcuts=("Ctrl+Shift+O",),
             enabled=writable, name="scan_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Xác nhận ô &của phiếu quét…"), "review_scans", shortcuts=("Ctrl+Shift+R",),
             enabled=writable, name="scan_review_action"),
        Hook("add_scan_settings"),
        SEPARATOR,
        Item(QT_TRANSLATE_NOOP("MainWindow", "Loại phiếu &trước"), "_switch_form", (-1,), ("Ctrl+PgUp",)),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Loại phiếu &sau"), "_switch_form", (1,), ("Ctrl+PgDown",)),
    )),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Kết quả"), (
        Hook("add_results_toggle"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Trình chiếu kết quả"), "show_projector", shortcuts=("F5",),
             enabled=has_round, name="projector_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Đối chiếu hai &lượt nhập…"), "compare_passes", shortcuts=("Ctrl+D",),
             enabled=double_entry, name="compare_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Quy tắc của đợt…"), "edit_rule", enabled=rule_editable,
             name="rule_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Chốt kết quả…"), "seal_round", enabled=writable, name="seal_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Kiểm tra tệp"), "verify_file", enabled=has_round,
             name="verify_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Kết quả &năm trước…"), "show_history", enabled=has_round,
             name="history_action"),
        EXPORT,
    )),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "&Quy trình"), (
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Danh sách việc cần làm…"), "show_checklist", enabled=has_round,
             name="checklist_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Các bước tại &hội nghị…"), "meeting_steps", enabled=writable,
             name="meeting_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Bàn giao biên bản và phiếu…"), "record_handover",
             enabled=handover_recordable, name="handover_action"),
        Item(QT_TRANSLATE_NOOP("MainWindow", "Báo cáo &cấp trên…"), "reports_upward", enabled=has_round,
             name="reports_action"),
    )),
    Menu(QT_TRANSLATE_NOOP("MainWindow", "T&rợ giúp"), (
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Phím tắt…"), "show_help", shortcuts=(StandardKey.HelpContents,)),
        Item(QT_TRANSLATE_NOOP("MainWindow", "&Giới thiệu"), "show_about"),
        Hook("add_language_menu"),
    )),
)


def _make_action(window: MainWindow, item: Item) -> QAction:
    action = QAction(window.tr(item.text), window)
    if item.shortcuts:
        action.setShortcuts([QKeySequence(shortcut) for shortcut in item.shortcuts])
    handler = getattr(window, item.handler)
    action.triggered.connect(lambda _checked=False, args=item.args: handler(*args))
    if item.name is not None:
        setattr(window, item.name, action)
    return action


def build_menus(window: MainWindow) -> list[tuple[QAction, Enabled]]:
    """The window's menu bar from MENUS; returns the actions whose state follows the open round,
    each with its rule."""
    made: dict[Item, QAction] = {}
    guarded: list[tuple[QAction, Enabled]] = []
    for menu in MENUS:
        target = window.menuBar().addMenu(window.tr(menu.title))
        for entry in menu.entries:
            if isinstance(entry, Separator):
                target.addSeparator()
            elif isinstance(entry, Hook):
                getattr(window, entry.method)(target)
            else:
                if entry not in made:
                    made[entry] = _make_action(window, entry)
                    if entry.enabled is not None:
                        guarded.append((made[entry], entry.enabled))
                target.addAction(made[entry])
    return guarded
