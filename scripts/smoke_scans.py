"""Scanned ballots for the bundle's smoke run (scripts/build.sh), made and checked from the venv.

    smoke_scans.py make ROUND FOLDER    # FOLDER/scans/ (2 JPEG, 2 PNG pages), FOLDER/stack.pdf (2 pages),
                                        # FOLDER/truth.json: the program's own ballots of ROUND's form 2,
                                        # marked and "scanned" by tests/scangen.py at 200 dpi
    smoke_scans.py check ROUND FOLDER   # after the bundle's `tinnhiem-cli scan`: 6 ballots stored in
                                        # pass A, every cell keyed as the truth says or left for review

The round is made and read by the bundle; this only draws the pages and compares.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from tinnhiem_desktop.services.rounds import RoundService  # noqa: E402

FORM = "2"


def make(round_path: Path, folder: Path) -> None:
    from PIL import Image

    from scangen import ScanGenerator, random_faults

    with RoundService.open(round_path, "smoke", read_only=True) as service:
        setup, uid = service.setup, service.info.uid
    folder.mkdir(parents=True, exist_ok=True)
    generator = ScanGenerator(setup, uid, FORM, folder)
    rng = random.Random(2026)
    scans = folder / "scans"
    scans.mkdir(parents=True, exist_ok=True)
    truths = []
    pdf_pages = []
    for n in range(6):
        page = generator.page(rng, random_faults(rng, 200), special=0.1)
        truths.append({str(order): mark.value for order, mark in page.truth.items()})
        if n < 4:
            suffix = ".jpg" if n % 2 == 0 else ".png"
            image = Image.fromarray(page.image)
            if suffix == ".jpg":
                image.save(scans / f"scan-{n + 1}{suffix}", quality=70)
            else:
                image.save(scans / f"scan-{n + 1}{suffix}")
        else:
            pdf_pages.append(Image.fromarray(page.image))
    pdf_pages[0].save(folder / "stack.pdf", save_all=True, append_images=pdf_pages[1:], resolution=200)
    (folder / "truth.json").write_text(json.dumps(truths), encoding="utf-8")


def check(round_path: Path, folder: Path) -> int:
    truths = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    with RoundService.open(round_path, "smoke", read_only=True) as service:
        state = service._state
        numbers = list(state.ballots_of(FORM, "A"))
        if len(numbers) != len(truths):
            print(f"smoke_scans: {len(numbers)} ballots stored, {len(truths)} scanned", file=sys.stderr)
            return 1
        keyed = 0
        for number, truth in zip(numbers, truths):
            for order, mark in state.ballot(FORM, "A", number).marks.items():
                keyed += 1
                if truth[str(order)] != mark.value:
                    print(f"smoke_scans: ballot {number}, person {order}: read {mark.value}, drawn {truth[str(order)]}",
                          file=sys.stderr)
                    return 1
    cells = sum(len(t) for t in truths)
    print(f"smoke_scans: {len(numbers)} ballots, {keyed} of {cells} cells keyed as drawn, the rest left for review")
    return 0 if keyed >= cells // 2 else 1


if __name__ == "__main__":
    command, round_arg, folder_arg = sys.argv[1:4]
    if command == "make":
        make(Path(round_arg), Path(folder_arg))
    else:
        sys.exit(check(Path(round_arg), Path(folder_arg)))
