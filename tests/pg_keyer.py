"""A keying PC of a shared server round, run as its own process by tests/test_server_round.py.

    python tests/pg_keyer.py URL PASS FIRST LAST ACKS [PAUSE]

Keys ballots FIRST..LAST of form '1' in pass PASS one cell at a time (the marks `marks_of` gives,
pass B differing on a few), and writes one line to ACKS for each keystroke the service
acknowledged (returned from), flushed before the next. A keystroke refused because another PC
got there first, or because the connection was lost, is tried again: keying resumes.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tinnhiem_desktop.core.issues import TinNhiemError  # noqa: E402
from tinnhiem_desktop.core.model import Mark  # noqa: E402
from tinnhiem_desktop.services.rounds import RoundService  # noqa: E402

CYCLE = (Mark.CAO, Mark.TIN_NHIEM, Mark.THAP)
CANDIDATES = 3
DIFFERS = {5, 17, 26}  # ballots pass B reads differently (candidate 1)


def marks_of(entry_pass: str, number: int) -> dict[int, Mark]:
    marks = {order: CYCLE[(number * 7 + order) % 3] for order in range(1, CANDIDATES + 1)}
    if entry_pass == "B" and number in DIFFERS:
        marks[1] = CYCLE[(number * 7 + 2) % 3]
    return marks


RETRY = {"server_changed_meanwhile", "server_connection_lost", "server_unreachable", "ballot_not_found"}


def attempt(service: RoundService, call, log) -> None:
    for _ in range(200):
        try:
            call()
            return
        except TinNhiemError as error:
            if error.code == "duplicate_ballot":
                return
            if error.code not in RETRY:
                raise
            print(f"retry {error.code}", file=log, flush=True)
            time.sleep(0.05)
            try:
                service.refresh()
            except TinNhiemError:
                pass
    raise SystemExit("gave up")


def main() -> None:
    url, entry_pass, first, last, acks = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    pause = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
    service = RoundService.open(url, f"Người nhập {entry_pass}{first}")
    service.set_entry_pass(entry_pass)
    with open(acks, "a", encoding="utf-8") as log:
        for number in range(first, last + 1):
            attempt(service, lambda: service.add_ballot("1", number), log)
            for order, mark in marks_of(entry_pass, number).items():
                attempt(service, lambda: service.set_marks("1", number, {order: mark}), log)
                print(f"ack {entry_pass} {number} {order} {mark.value}", file=log, flush=True)
                if pause:
                    time.sleep(pause)
    service.close()


if __name__ == "__main__":
    main()
