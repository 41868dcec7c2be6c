#!/usr/bin/env bash
# Install into .venv and run the program on the demo round shipped in resources/demo/.
source "$(dirname "$0")/_venv.sh" ""
demo_dir=$(mktemp -d)
round="$demo_dir/demo.tinnhiem"
.venv/bin/tinnhiem-cli new "$round" --spec resources/demo/round.json
.venv/bin/tinnhiem-cli import-ballots "$round" resources/demo/ballots.csv
echo
.venv/bin/tinnhiem-cli results "$round"
echo
echo "Tệp đợt lấy phiếu mẫu: $round  (thử: .venv/bin/tinnhiem-cli verify \"$round\")"
