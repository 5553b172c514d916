#!/usr/bin/env bash
# Install seiqa and its dependencies into ./.venv (idempotent). Used by run.sh and test.sh.
#   scripts/install.sh          the app (with the chat UI)
#   scripts/install.sh --test   also the test tools, Chromium and CJK fonts for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
# torch is pinned: 2.13.0 is a CPU build; a bare "torch" would pull a multi-GB CUDA build.
.venv/bin/python -m pip install -q "torch==2.13.0"
if [ "${1:-}" = "--test" ]; then
  .venv/bin/python -m pip install -q -e ".[ui,test]"
  if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "cjk\|wqy"; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
    else
      echo "install.sh: browser tests need Debian's chromium and fonts-noto-cjk (run as root or install them)" >&2
    fi
  fi
else
  .venv/bin/python -m pip install -q -e ".[ui]"
fi
