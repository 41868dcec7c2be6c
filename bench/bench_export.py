"""Minutes and summary of a round of 3 forms x 60 candidates x 1,000 ballots, and its blank ballots
(1,000 and 3,000 copies of one 60-person form), fonts already cached."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import bench_folder, big_round, percentile  # noqa: E402

from tinnhiem_desktop.export.blank_ballots import write_blank_ballots  # noqa: E402
from tinnhiem_desktop.export.fonts import document_fonts  # noqa: E402
from tinnhiem_desktop.export.minutes import write_minutes  # noqa: E402
from tinnhiem_desktop.export.summary_xlsx import write_summary  # noqa: E402
from tinnhiem_desktop.services.rounds import RoundService  # noqa: E402


def main() -> dict[str, float]:
    folder = bench_folder()
    path = big_round(folder, forms=3, candidates=60, ballots=1000)
    with RoundService.open(path, "bench", read_only=True) as service:
        results = service.results()
        setup = service.setup
    document_fonts()  # the one-off cut of the packaged font is not what this measures
    minutes, summary = [], []
    for _ in range(3):
        began = time.perf_counter()
        write_minutes(results, folder / "minutes.pdf")
        minutes.append(time.perf_counter() - began)
        began = time.perf_counter()
        write_summary(results, folder / "summary.xlsx", sealed_at=None, fingerprint=None)
        summary.append(time.perf_counter() - began)
    figures = {"minutes_seconds": percentile(minutes, 50), "summary_seconds": percentile(summary, 50)}
    for copies in (1000, 3000):
        began = time.perf_counter()
        write_blank_ballots(setup, folder / "ballots.pdf", copies, forms=[setup.forms[0].code])
        figures[f"blank_ballots_{copies}_seconds"] = time.perf_counter() - began
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")
    return figures


if __name__ == "__main__":
    main()
