"""Full tally and results of 3 forms x 1,000 ballots x 60 candidates through core, from memory."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import bench_folder, big_round, percentile  # noqa: E402

from tinnhiem_desktop.core.results import round_results  # noqa: E402
from tinnhiem_desktop.services.rounds import RoundService  # noqa: E402


def main() -> dict[str, float]:
    folder = bench_folder()
    path = big_round(folder, forms=3, candidates=60, ballots=1000)
    with RoundService.open(path, "bench", read_only=True) as service:
        began = time.perf_counter()
        ballots = service.ballots()
        read_seconds = time.perf_counter() - began
        setup = service.setup
    by_form = {form.code: [b for b in ballots if b.form == form.code] for form in setup.forms}
    times = []
    for _ in range(20):
        began = time.perf_counter()
        round_results(setup, by_form)
        times.append((time.perf_counter() - began) * 1000)
    figures = {"full_tally_median_ms": percentile(times, 50), "read_3000_ballots_seconds": read_seconds}
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")
    return figures


if __name__ == "__main__":
    main()
