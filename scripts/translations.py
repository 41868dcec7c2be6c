"""Update the window's English translation from the sources, then build the file Qt loads.

    .venv/bin/python scripts/translations.py

1. pyside6-lupdate reads tinnhiem_desktop/ui/**/*.py (`tr`, `QCoreApplication.translate`,
   `QT_TRANSLATE_NOOP`) into tinnhiem_desktop/ui/translations/tinnhiem_en.ts, keeping every
   translation already written and dropping texts no longer in the sources;
2. the "wording" context is rebuilt from the non-Qt layers' sentences and names
   (`ui.i18n.wording_sources()`), which lupdate cannot see, again keeping the translations written;
3. pyside6-lrelease builds tinnhiem_en.qm, the file the program loads, and qtbase_vi.qm from
   qtbase_vi.ts: the Vietnamese of Qt's own texts (file dialogs, standard buttons, context menus),
   which PySide6 does not ship; that .ts is written by hand.

New texts arrive as "unfinished": write their English in the .ts (by hand or with pyside6-linguist)
and run this again. tests/test_translations.py fails while any text is unfinished or the .qm is stale.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tinnhiem_desktop.ui.i18n import WORDING, wording_sources  # noqa: E402

UI = ROOT / "tinnhiem_desktop" / "ui"
TS = UI / "translations" / "tinnhiem_en.ts"
QM = TS.with_suffix(".qm")
QT_VI = UI / "translations" / "qtbase_vi.ts"
BIN = Path(sys.executable).parent


def finished(ts: Path, context: str) -> dict[str, str]:
    """The translations written in one context of a .ts file."""
    if not ts.exists():
        return {}
    found = {}
    for element in ET.parse(ts).getroot().iter("context"):
        if element.findtext("name") != context:
            continue
        for message in element.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and translation.get("type") is None:
                found[message.findtext("source")] = translation.text
    return found


def lupdate(sources: list[Path], ts: Path) -> None:
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *map(str, sources), "-ts", str(ts), "-no-obsolete", "-locations", "none",
         "-source-language", "vi", "-target-language", "en", "-silent"],
        check=True,
    )


def add_wording(ts: Path, written: dict[str, str]) -> None:
    """Replace the "wording" context with one entry per text the window translates there."""
    tree = ET.parse(ts)
    root = tree.getroot()
    for element in root.findall("context"):
        if element.findtext("name") == WORDING:
            root.remove(element)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = WORDING
    for text in wording_sources():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        if text in written:
            translation.text = written[text]
        else:
            translation.set("type", "unfinished")
    write_ts(tree, ts)


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(qm), "-silent"], check=True)


def unfinished(ts: Path) -> list[str]:
    return [
        f"{context.findtext('name')}: {message.findtext('source')!r}"
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") is not None or not message.findtext("translation")
    ]


def main() -> int:
    TS.parent.mkdir(exist_ok=True)
    written = finished(TS, WORDING)
    lupdate(sorted(UI.rglob("*.py")), TS)
    add_wording(TS, written)
    lrelease(TS, QM)
    lrelease(QT_VI, QT_VI.with_suffix(".qm"))
    left = unfinished(TS)
    for line in left:
        print("unfinished:", line)
    print(f"{TS.relative_to(ROOT)}: {len(left)} unfinished; built {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
