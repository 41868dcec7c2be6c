"""A keystroke on a round shared on a PostgreSQL server, service side (what the grid waits for):
`set_marks` of one cell, returning only once the server committed it (lock, catch-up, chain,
insert, project, commit), against a local server; beside it the same keystroke on a round file.
Also with two more keying processes writing to the same round at once.

    PYTHONPATH=. python bench/bench_server_keystroke.py [postgresql://…]

The server is the one `scripts/pg.sh` starts (or the URL given). Prints JSON figures.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tinnhiem_desktop.core.model import Mark  # noqa: E402
from tinnhiem_desktop.core.spec import setup_from_dict  # noqa: E402
from tinnhiem_desktop.services.rounds import RoundService  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES, BALLOTS = 60, 60
CYCLE = (Mark.CAO, Mark.TIN_NHIEM, Mark.THAP)


def spec(entry_mode: str) -> dict:
    return {"title": "Đo hiệu năng máy chủ", "year": 2026, "rule": "qd-96-2023", "entry_mode": entry_mode,
            "header": {"style": "state", "parent": "ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "unit": "SỞ GIAO THÔNG VẬN TẢI"},
            "forms": [{"id": "1", "title": "Loại phiếu 1", "summoned": 1000, "present": 1000, "issued": 1000,
                       "collected": 1000,
                       "candidates": [{"name": f"Người số {i}", "position": "Phó Giám đốc"}
                                      for i in range(1, CANDIDATES + 1)]}]}


def key(service: RoundService, first: int) -> list[float]:
    times = []
    for number in range(first, first + BALLOTS):
        service.add_ballot("1", number)
        for order in range(1, CANDIDATES + 1):
            began = time.perf_counter()
            service.set_marks("1", number, {order: CYCLE[(number + order) % 3]})
            times.append((time.perf_counter() - began) * 1000)
    return times


def figures(times: list[float], name: str) -> dict[str, float]:
    times = sorted(times)
    return {f"{name}_p50_ms": round(statistics.median(times), 2),
            f"{name}_p99_ms": round(times[int(len(times) * 0.99) - 1], 2)}


def main(url: str | None = None) -> dict[str, float]:
    url = url or subprocess.run(["bash", str(ROOT / "scripts" / "pg.sh")], capture_output=True, text=True).stdout.strip()
    if not url:
        print("no PostgreSQL server: skipped", file=sys.stderr)
        return {}
    import psycopg

    found: dict[str, float] = {}
    folder = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="tinnhiem-bench-"))
    with RoundService.create(folder / f"file-{uuid.uuid4().hex[:6]}.tinnhiem",
                             setup_from_dict(spec("single"), "bench"), "Đo") as service:
        found |= figures(key(service, 1), "file_keystroke")
    names = []
    try:
        name = f"bench_{uuid.uuid4().hex[:8]}"
        names.append(name)
        with RoundService.create_on_server(f"{url}/{name}", setup_from_dict(spec("single"), "bench"), "Đo") as service:
            found |= figures(key(service, 1), "server_keystroke")
        name = f"bench_{uuid.uuid4().hex[:8]}"
        names.append(name)
        with RoundService.create_on_server(f"{url}/{name}", setup_from_dict(spec("single"), "bench"), "Đo") as service:
            others = [subprocess.Popen([sys.executable, str(ROOT / "tests" / "pg_keyer.py"), f"{url}/{name}", "A",
                                        str(start), str(start + 400), os.devnull],
                                       env={**os.environ, "PYTHONPATH": str(ROOT)}) for start in (200, 700)]
            time.sleep(1.5)  # both are keying
            found |= figures(key(service, 1), "server_keystroke_3_writers")
            for other in others:
                other.kill()
                other.wait()
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            for name in names:
                connection.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
    found["server_bench_load"] = float(Path("/proc/loadavg").read_text().split()[0])
    return found


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1] if len(sys.argv) > 1 else None), indent=1))
