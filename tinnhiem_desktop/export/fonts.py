"""Document fonts: Times New Roman where the machine has it, else the packaged Noto Serif.

Noto Serif ships as a variable font; fpdf2 can render its weights directly but slowly (seconds a
document), so fixed instances are cut with fontTools when the program is installed or bundled
(`python scripts/make_fonts.py`, run by scripts/_venv.sh and scripts/build.sh) into the package's
resources/fonts folder. Only if those files are missing (a source checkout never installed) are they
cut at the first export, once, into the user's cache folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

STYLES = ("", "B", "I", "BI")  # fpdf2's style names: regular, bold, italic, bold italic

TIMES_FILES = {
    "": ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf"),
    "B": ("timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf"),
    "I": ("timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf"),
    "BI": ("timesbi.ttf", "Times New Roman Bold Italic.ttf", "Times_New_Roman_Bold_Italic.ttf"),
}


@dataclass(frozen=True)
class FontSet:
    family: str
    files: dict[str, Path]


def _font_dirs() -> list[Path]:
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"
        return [windir / "Fonts", local]
    if sys.platform == "darwin":
        return [Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"), Path.home() / "Library/Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts",
            Path.home() / ".fonts"]


def find_times_new_roman() -> FontSet | None:
    """All four styles of Times New Roman, or None when any is missing."""
    wanted = {name.lower(): style for style, names in TIMES_FILES.items() for name in names}
    found: dict[str, Path] = {}
    for folder in _font_dirs():
        if not folder.is_dir():
            continue
        for path in folder.rglob("*.ttf"):
            style = wanted.get(path.name.lower())
            if style is not None:
                found.setdefault(style, path)
    if all(style in found for style in STYLES):
        return FontSet("Times New Roman", found)
    return None


def shipped_dir() -> Path:
    """Where the install or the bundle puts the static Noto Serif weights."""
    from ..resources import __file__ as resources_init

    return Path(resources_init).parent / "fonts"


def _static_name(version: str, style: str) -> str:
    weight = 700 if "B" in style else 400
    return f"NotoSerif-{version}-{weight}{'-italic' if 'I' in style else ''}.ttf"


def _noto_version() -> str:
    from importlib.metadata import version

    return version("fontpkg-noto-serif")  # cheap: no font file is opened


def make_static(folder: Path) -> list[Path]:
    """Cut the four static weights of the packaged Noto Serif into `folder` (skips those there)."""
    import fontpkg

    version = _noto_version()
    made = []
    for style in STYLES:
        target = folder / _static_name(version, style)
        if not target.exists():
            source = Path(fontpkg.path("Noto Serif", style="italic" if "I" in style else "normal"))
            _instance(source, 700 if "B" in style else 400, target)
        made.append(target)
    return made


def noto_serif(cache_dir: Path, shipped: Path | None = None) -> FontSet:
    """Static regular, bold, italic and bold italic of the packaged Noto Serif: the ones shipped
    with the program, else cut once into `cache_dir`."""
    version = _noto_version()
    for folder in (shipped_dir() if shipped is None else shipped, cache_dir):
        files = {style: folder / _static_name(version, style) for style in STYLES}
        if all(path.is_file() for path in files.values()):
            return FontSet("Noto Serif", files)
    return FontSet("Noto Serif", dict(zip(STYLES, make_static(cache_dir))))


def _instance(source: Path, weight: int, target: Path) -> None:
    from fontTools.ttLib import TTFont
    from fontTools.varLib.instancer import instantiateVariableFont

    target.parent.mkdir(parents=True, exist_ok=True)
    font = instantiateVariableFont(TTFont(source), {"wght": weight, "wdth": 100})
    partial = target.with_suffix(f".{os.getpid()}.part")
    font.save(partial)
    os.replace(partial, target)  # another process making the same file at once is harmless


def document_fonts(cache_dir: Path | None = None) -> FontSet:
    if cache_dir is None:
        from platformdirs import user_cache_dir

        cache_dir = Path(user_cache_dir("tinnhiem-desktop", appauthor=False)) / "fonts"
    return find_times_new_roman() or noto_serif(cache_dir)
