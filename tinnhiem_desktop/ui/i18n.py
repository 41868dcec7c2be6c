"""Languages of the window: Vietnamese (the sources' own language, the default) or English.

English comes from `translations/tinnhiem_en.qm`, built by `scripts/translations.py` from the ui
sources (`tr`, `QCoreApplication.translate`, `QT_TRANSLATE_NOOP`) and, in the "wording" context,
from the sentences and names of the non-Qt layers, which the window translates through the helpers
below. The command line and the documents never pass a translator: they stay Vietnamese.
"""

from __future__ import annotations

from decimal import Decimal
from importlib import resources
from typing import Any, Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QSettings, QTranslator

from ..core.issues import Issue, TinNhiemError, os_reason
from ..core.percent import vi_count, vi_percent
from ..core.results import Rule
from ..core.rules import PRESETS, Band, Preset
from ..export import dates, procedure_text, results_text, wording as vi
from ..export.team_words import TeamWords
from ..services.export import DOCUMENT_NAMES, REPORT_NAMES

SETTING = "language"
DEFAULT_LANGUAGE = "vi"
# Each language named in itself, and the menu and note in both: none of these is translated.
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
LANGUAGE_MENU = "Ngôn ngữ / Language"
RESTART_NOTE = (
    "Ngôn ngữ mới có hiệu lực khi mở lại chương trình.\n"
    "The new language applies when the program is opened again."
)
WORDING = "wording"

_installed: list[QTranslator] = []  # kept alive here: Qt does not own an installed translator
_in_force = DEFAULT_LANGUAGE  # the language install_translation put in force


def stored_language() -> str:
    """The language stored in the settings ("vi" or "en")."""
    value = str(QSettings().value(SETTING, DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def store_language(language: str) -> None:
    QSettings().setValue(SETTING, language)


def install_translation(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators of `language` (default: the stored one) in place of any installed
    before; returns the language now in force ("vi" when English cannot be loaded)."""
    global _in_force
    _in_force = DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language or stored_language()
    if language == DEFAULT_LANGUAGE:
        _install_qt_texts(app, DEFAULT_LANGUAGE)
        return language
    ours = QTranslator(app)
    with resources.as_file(resources.files(__package__) / "translations" / f"tinnhiem_{language}.qm") as path:
        if not ours.load(str(path)):
            _install_qt_texts(app, DEFAULT_LANGUAGE)
            return DEFAULT_LANGUAGE
    _install_qt_texts(app, language)
    app.installTranslator(ours)
    _installed.append(ours)
    _in_force = language
    return language


def _install_qt_texts(app: QCoreApplication, language: str) -> None:
    """Qt's own texts (file dialogs, standard buttons, context menus): our Vietnamese
    (translations/qtbase_vi.qm, PySide6 ships none), else Qt's file where Qt ships one."""
    qt = QTranslator(app)
    with resources.as_file(resources.files(__package__) / "translations" / f"qtbase_{language}.qm") as path:
        loaded = qt.load(str(path))
    if not loaded:
        loaded = qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if loaded:
        app.installTranslator(qt)
        _installed.append(qt)


# -- numbers, written as the window's language writes them ---------------------------------


def percent_text(value: Decimal | None, decimals: int = 2) -> str:
    """`85,11%` in Vietnamese, `85.11%` in English; an em dash without a base."""
    text = vi_percent(value, decimals)
    return text if _in_force == DEFAULT_LANGUAGE else text.replace(",", ".")


def count_text(value: int) -> str:
    """`1.234` in Vietnamese, `1,234` in English."""
    return vi_count(value) if _in_force == DEFAULT_LANGUAGE else f"{value:,}"


def day_count(days: int) -> str:
    """A number of days in a rule's wording: `03` as Vietnamese documents write it, `3` in English."""
    return f"{days:02d}" if _in_force == DEFAULT_LANGUAGE else str(days)


# -- the non-Qt layers' words, in the window's language --------------------------------------


def wording(text: str) -> str:
    """A template or name of the non-Qt layers (export.wording, rules, documents) translated."""
    return QCoreApplication.translate(WORDING, text)


def sentence(code: str, params: Mapping[str, Any]) -> str:
    return vi.sentence(code, params, wording)


def describe_error(error: TinNhiemError) -> str:
    return vi.describe_error(error, wording)


def describe_issue(issue: Issue, form_title: str | None = None) -> str:
    return vi.describe_issue(issue, form_title, wording)


def os_reason_text(error: OSError) -> str:
    """Why the system refused a file operation, in the window's language."""
    return vi.os_reason_words(os_reason(error), wording)


def rule_label(rule: Rule) -> str:
    return results_text.rule_label(rule, wording)


def flags_words(rule: Rule, flags: Iterable[str]) -> str:
    return vi.flags_words(rule, flags, wording)


def band_words(band: Band, preset: Preset) -> str:
    return vi.band_words(band, preset, wording)


def override_words(rule: Rule) -> list[str]:
    return results_text.override_words(rule, wording)


def moment(iso: str) -> str:
    """A date and time: '10 giờ 42, ngày 27/11/2026'."""
    return dates.vi_datetime(iso, wording)


def wording_sources() -> list[str]:
    """Every text the window translates in the "wording" context, in a stable order."""
    texts = [
        *vi.MESSAGES.values(),
        *vi.PHRASES.values(),
        *vi.OS_REASONS.values(),
        *vi.COUNT_NAMES.values(),
        *vi.MARK_NAMES.values(),
        *vi.STATUS_NAMES.values(),
        *vi.BASE_NAMES.values(),
        *vi.FLAG_NAMES.values(),
        *vi.BAND_WORDS.values(),
        *(text for preset in PRESETS.values() for text in (preset.name, preset.source)),
        *(text for preset in PRESETS.values() for text in (preset.team_name, TeamWords(preset.team_name).head)),
        *DOCUMENT_NAMES.values(),
        results_text.RULE_OVERRIDDEN,
        *results_text.OVERRIDE_WORDS.values(),
        results_text.QUORUM_WORDS,
        results_text.NO_QUORUM,
        results_text.OVERRIDES_SENTENCE,
        dates.DATETIME,
        *procedure_text.STAGE_NAMES.values(),
        *procedure_text.STEP_NAMES.values(),
        *procedure_text.ASSESSMENT_NAMES.values(),
        *procedure_text.WEEKDAYS,
        procedure_text.DEADLINE,
        procedure_text.DEADLINE_UNKNOWN,
        *REPORT_NAMES.values(),
    ]
    return list(dict.fromkeys(texts))
