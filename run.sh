#!/usr/bin/env bash
# Install (first time) and start the seiqa chat UI on the default corpus: http://127.0.0.1:7860
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install.sh
exec .venv/bin/seiqa ui "$@"
