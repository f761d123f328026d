#!/usr/bin/env bash
# Installs DHR Manager from this checkout and starts it. Extra arguments go to dhr-manager.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh window
bash scripts/venv.sh
exec .venv/bin/dhr-manager "$@"
