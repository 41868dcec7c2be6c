"""The layers of DESIGN.md section 6, enforced by import-linter's contracts in pyproject.toml."""

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout
