"""scripts/run.sh, the quick start, run with stand-ins for the virtual environment's programs: it
builds the demo round in one folder of the user's, the same each run, and leaves no folder behind
(the window would list each new one in Recent files)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the script and its stand-ins are POSIX shell")

PYTHON_STAND_IN = f"""#!/bin/sh
[ "$1 $2" = "-m pip" ] && exit 0
[ "$1" = scripts/make_fonts.py ] && exit 0
exec {sys.executable} "$@"
"""
CLI_STAND_IN = """#!/bin/sh
echo "$@" >> "$CLI_LOG"
case "$1" in
  new) [ -e "$2" ] && { echo "file exists" >&2; exit 1; }; touch "$2" ;;
  results) echo "results of $2" ;;
esac
"""


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "project"
    (root / "scripts").mkdir(parents=True)
    for name in ("run.sh", "_venv.sh"):
        shutil.copy(ROOT / "scripts" / name, root / "scripts" / name)
    (root / "resources" / "demo").mkdir(parents=True)
    bin_dir = root / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, text in (("python", PYTHON_STAND_IN), ("tinnhiem-cli", CLI_STAND_IN)):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    return root


def run(project: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    """Run the quick start without a screen; the demo round it names and the CLI calls it made."""
    log = tmp_path / "cli.log"
    log.unlink(missing_ok=True)
    (tmp_path / "tmp").mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "cache"), TMPDIR=str(tmp_path / "tmp"),
               PYTHON=sys.executable, CLI_LOG=str(log))
    done = subprocess.run(["bash", str(project / "scripts" / "run.sh")], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    round_path = Path(done.stdout.strip().splitlines()[-1].rsplit(": ", 1)[1])
    return round_path, log.read_text().splitlines() if log.exists() else []


def test_the_demo_round_is_rebuilt_in_the_same_folder_each_run(project, tmp_path):
    first, calls = run(project, tmp_path)
    assert first.is_relative_to(tmp_path / "cache") and first.exists()
    assert [call.split()[0] for call in calls] == ["new", "import-ballots", "results"]
    again, calls = run(project, tmp_path)
    assert again == first and [call.split()[0] for call in calls] == ["new", "import-ballots", "results"]
    assert list((tmp_path / "tmp").iterdir()) == [], "no temporary folder left behind"


def test_a_demo_round_open_in_a_window_is_left_as_it_is(project, tmp_path):
    first, _ = run(project, tmp_path)
    Path(f"{first}.lock").write_text("host (pid 1)")
    again, calls = run(project, tmp_path)
    assert again == first and [call.split()[0] for call in calls] == ["results"]
