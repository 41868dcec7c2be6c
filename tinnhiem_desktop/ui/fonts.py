"""Fonts with full Vietnamese coverage, even on a machine that has none installed."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase


def load_packaged_fonts() -> list[str]:
    """Register the packaged Noto Serif with Qt; returns the family names Qt now knows it by."""
    import fontpkg

    families: list[str] = []
    for style in ("normal", "italic"):
        try:
            path = fontpkg.path("Noto Serif", style=style)
        except fontpkg.FontpkgError:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))
