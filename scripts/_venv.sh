# Sourced by run.sh and test.sh: makes .venv with Python >= 3.11 and installs the project into it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3)}
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "Cần Python 3.11 trở lên (Python >= 3.11 is required)." >&2; exit 2; }
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${1:-}"
# The static document fonts (resources/fonts/), made once here rather than at a user's first export.
.venv/bin/python scripts/make_fonts.py >/dev/null
