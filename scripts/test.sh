#!/usr/bin/env bash
# Install into .venv with the test extras (and the PostgreSQL driver) and run the whole suite.
source "$(dirname "$0")/_venv.sh" "[test,server]"
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
