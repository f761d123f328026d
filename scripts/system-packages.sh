#!/usr/bin/env bash
# Installs the Debian packages DHR Manager needs, only those missing (list: ../shared/qt-system-packages.txt).
# Usage: scripts/system-packages.sh offscreen|window
#   offscreen: what Qt needs with QT_QPA_PLATFORM=offscreen, and LibreOffice for the tests that open every
#              generated Word file in a real client, and binutils (objdump) for PyInstaller, which the bundle
#              test runs (the test suite)
#   window:    also what a real window needs (xcb), for running the application on a desktop
set -euo pipefail

offscreen=(libegl1 libgl1 libfontconfig1 fonts-dejavu-core libxkbcommon0 libglib2.0-0 libdbus-1-3
           libreoffice-writer-nogui poppler-utils fonts-crosextra-carlito fonts-crosextra-caladea
           binutils)
window=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
        libxcb-xkb1 libxkbcommon-x11-0)
wanted=("${offscreen[@]}")
[[ ${1:-offscreen} == window ]] && wanted+=("${window[@]}")

# Python's venv module is a separate package on Debian.
python3 -c 'import ensurepip, venv' 2>/dev/null || wanted+=(python3-venv python3-pip)

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "Not a Debian-based system: install the equivalents of: ${wanted[*]}" >&2
    exit 0
fi
missing=()
for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "These Debian packages are missing and you are not root: ${missing[*]}" >&2
    echo "Ask your administrator to run: apt-get install ${missing[*]}" >&2
    exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
