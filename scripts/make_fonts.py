"""Cut the static Noto Serif weights the documents use into resources/fonts/, so that the first
export on a machine without Times New Roman does not spend seconds instancing the variable font.

Run at install (scripts/_venv.sh) and before bundling (scripts/build.sh); does nothing when the
files are there. Usage: python scripts/make_fonts.py [FOLDER]  (default: the package's resources/fonts)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tinnhiem_desktop.export.fonts import make_static, shipped_dir  # noqa: E402


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else shipped_dir()
    began = time.perf_counter()
    made = make_static(folder)
    print(f"make_fonts: {len(made)} static Noto Serif weights in {folder} "
          f"({time.perf_counter() - began:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
