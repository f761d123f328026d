#!/usr/bin/env bash
# Creates .venv (Python 3.11 or newer) and installs the project into it, with the extras named in $1.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "DHR Manager needs Python 3.11 or newer; $python is $("$python" --version 2>&1)." >&2; exit 1; }
[[ -x .venv/bin/python ]] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${1:+[$1]}"
