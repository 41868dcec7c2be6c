#!/usr/bin/env bash
# Install into .venv and run the program on the demo round shipped in resources/demo/:
# the window when there is a screen, otherwise the demo round's results in the terminal.
source "$(dirname "$0")/_venv.sh" ""
demo_dir=$(mktemp -d)
round="$demo_dir/demo.tinnhiem"
.venv/bin/tinnhiem-cli new "$round" --spec resources/demo/round.json
.venv/bin/tinnhiem-cli import-ballots "$round" resources/demo/ballots.csv
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; then
  exec .venv/bin/tinnhiem "$round"
fi
echo
.venv/bin/tinnhiem-cli results "$round"
echo
echo "Không có màn hình (DISPLAY): đã in kết quả. Tệp đợt lấy phiếu mẫu: $round"
