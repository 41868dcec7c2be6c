#!/usr/bin/env bash
# Install into .venv and run the program on the demo round shipped in resources/demo/:
# the window when there is a screen, otherwise the demo round's results in the terminal.
# The demo round lives in one folder of the user's cache, rebuilt each run (unless a window has it
# open), so that Recent files lists it once rather than a new temporary folder per run.
source "$(dirname "$0")/_venv.sh" ""
demo_dir="$(.venv/bin/python -c 'from platformdirs import user_cache_dir; print(user_cache_dir("tinnhiem-desktop", appauthor=False))')/demo"
round="$demo_dir/demo.tinnhiem"
mkdir -p "$demo_dir"
if [ ! -e "$round.lock" ]; then
  rm -f "$round" "$round-wal" "$round-shm"
  .venv/bin/tinnhiem-cli new "$round" --spec resources/demo/round.json
  .venv/bin/tinnhiem-cli import-ballots "$round" resources/demo/ballots.csv
fi
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; then
  exec .venv/bin/tinnhiem "$round"
fi
echo
.venv/bin/tinnhiem-cli results "$round"
echo
echo "Không có màn hình (DISPLAY): đã in kết quả. Tệp đợt lấy phiếu mẫu: $round"
