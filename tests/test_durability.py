"""A keystroke whose call returned is on disk: a writer killed with SIGKILL loses none of them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.core.spec import setup_from_dict
from tinnhiem_desktop.services.rounds import RoundService

from conftest import ROOT, spec_dict

KEYER_SCRIPT = """
import sys
from tinnhiem_desktop.core.model import Mark
from tinnhiem_desktop.services.rounds import RoundService

marks = [Mark.CAO, Mark.TIN_NHIEM, Mark.THAP, Mark.NO_MARK, Mark.MULTI]
service = RoundService.open(sys.argv[1], "Lê Thị Hồng")
number = 0
while True:
    number = service.add_ballot("1").number
    print("ballot", number, flush=True)
    for order in (1, 2, 3):
        mark = marks[(number + order) % 5]
        service.set_marks("1", number, {order: mark})
        print("mark", number, order, mark.value, flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("acknowledged_before_kill", [37, 201])
def test_sigkill_mid_keying_loses_no_acknowledged_keystroke(round_path, acknowledged_before_kill):
    RoundService.create(round_path, setup_from_dict(spec_dict(), "test"), "Lê Thị Hồng").close()
    child = subprocess.Popen(
        [sys.executable, "-c", KEYER_SCRIPT, str(round_path)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )
    acknowledged = []
    for line in child.stdout:
        acknowledged.append(line.split())
        if len(acknowledged) == acknowledged_before_kill:
            os.kill(child.pid, signal.SIGKILL)
            break
    child.wait()
    assert child.returncode == -signal.SIGKILL

    with RoundService.open(round_path, "Phạm Quốc Huy") as service:  # the lock died with the child
        stored = {b.number: b for b in service.ballots("1")}
        for kind, number, *rest in acknowledged:
            assert int(number) in stored, f"ballot {number} was acknowledged but is lost"
            if kind == "mark":
                order, value = rest
                assert stored[int(number)].marks[int(order)] == Mark(value)
        assert service.verify().intact
