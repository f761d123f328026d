#!/usr/bin/env bash
# Installs DHR Manager with its test tools and runs the linter and every test (GUI tests offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh offscreen
bash scripts/venv.sh test
.venv/bin/ruff check .
export QT_QPA_PLATFORM=offscreen
# pytest exits 5 when it collected no tests: that is a failure here, and set -e passes it on.
.venv/bin/python -m pytest "$@"
