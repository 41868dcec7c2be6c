"""Reading scanned ballots: tests/scangen.py makes scans of the program's own printed 15-person
ballot (marks drawn as X, tick, filled, circled, light pencil; and, in `--hard` of the cells, no
mark, a stray dot, a crossed-out mark with another box marked, two boxes marked), printed and
scanned with rotation up to ±3°, skew, scale, speckle, JPEG, upside-down pages and a photocopy look.

For each resolution it reports: cells wrongly accepted (a cell stored as read that is not the
truth; the target is none), the share of cells sent to review (target under 1 % at 200 dpi; the
hard cases are sent there by design, so the share of the clear marks sent is shown apart), pages
set aside, and pages per minute read on one process (decoding the image included, generating it
not). A benchmark measures; it never fails.

    PYTHONPATH=. .venv/bin/python bench/bench_scan.py [--pages 100] [--hard 0.02] [--dpi 150 200 300]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from scangen import ScanGenerator, random_faults  # noqa: E402
from tinnhiem_desktop.core.model import BallotForm, Candidate, Counts  # noqa: E402
from tinnhiem_desktop.core.spec import setup_from_dict  # noqa: E402
from tinnhiem_desktop.scan.reader import PageImage, ReadPage, Reader, _image_frames  # noqa: E402
from conftest import spec_dict  # noqa: E402

HARD = ("none", "dot", "crossed", "several")


def fifteen_person_setup():
    people = [{"name": f"Nguyễn Văn Người {i}", "position": "Trưởng phòng"} for i in range(1, 16)]
    form = {"id": "1", "title": "Lãnh đạo các phòng", "summoned": 200, "present": 200, "issued": 200,
            "collected": 200, "candidates": people}
    return setup_from_dict(spec_dict(forms=[form]), "bench")


def run(dpi: int, pages: int, hard: float, seed: int, folder: Path) -> dict:
    setup, uid = fifteen_person_setup(), "0123456789abcdef"
    generator = ScanGenerator(setup, uid, "1", folder)
    reader = Reader(setup, uid)
    rng = random.Random(seed)
    stats = dict(cells=0, wrong=0, review=0, clear=0, clear_review=0, aside=0, seconds=0.0)
    for n in range(pages):
        page = generator.page(rng, random_faults(rng, dpi), special=hard)
        data = page.encoded()
        start = time.perf_counter()
        (image,) = _image_frames(data)  # as load_pages decodes a scanned file
        copies = reader.read_page(PageImage("bench", n + 1, image, str(n)))
        stats["seconds"] += time.perf_counter() - start
        for copy in copies:
            if not isinstance(copy, ReadPage):
                stats["aside"] += 1
                continue
            for cell in copy.cells:
                clear = page.kinds[cell.order] not in HARD
                stats["cells"] += 1
                stats["clear"] += clear
                if cell.accepted and cell.proposal != page.truth[cell.order]:
                    stats["wrong"] += 1
                if not cell.accepted:
                    stats["review"] += 1
                    stats["clear_review"] += clear
    return stats


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--hard", type=float, default=0.02, help="share of cells drawn as a hard case")
    parser.add_argument("--dpi", type=int, nargs="+", default=[150, 200, 300])
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (the figures of reading are the same)")
    args = parser.parse_args()
    print(f"load average: {open('/proc/loadavg').read().split()[:3]}")
    print("dpi | pages | cells | wrongly accepted | sent to review | clear marks sent | set aside | pages/min best, median")
    with tempfile.TemporaryDirectory() as folder:
        for dpi in args.dpi:
            runs = [run(dpi, args.pages, args.hard, 16, Path(folder)) for _ in range(args.repeat)]
            s = runs[0]
            speeds = sorted(60 * args.pages / r["seconds"] for r in runs)
            print(f"{dpi} | {args.pages} | {s['cells']} | {s['wrong']} | "
                  f"{100 * s['review'] / max(1, s['cells']):.2f} % | "
                  f"{100 * s['clear_review'] / max(1, s['clear']):.2f} % | {s['aside']} | "
                  f"{speeds[-1]:.0f}, {statistics.median(speeds):.0f}")


if __name__ == "__main__":
    main()
