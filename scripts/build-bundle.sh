#!/usr/bin/env bash
# Builds the Linux one-folder bundle of DHR Manager and its tarball (packaging/README.md).
# Usage: scripts/build-bundle.sh [DIST]     (default DIST: dist; a work folder goes in build/pyinstaller)
# Writes DIST/dhr-manager/ (run DIST/dhr-manager/dhr-manager) and DIST/dhr-manager-<version>-linux-x86_64.tar.gz.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath -m "${1:-dist}")
work=${BUILD_WORK:-build/pyinstaller}
python=.venv/bin/python
[[ -x $python ]] || bash scripts/venv.sh packaging
# Nothing to do when the test set-up already installed it (scripts/venv.sh test installs the packaging extra).
"$python" -c 'import PyInstaller' 2>/dev/null ||
    "$python" -m pip install -q --disable-pip-version-check -e ".[packaging]"
version=$("$python" -c 'import dhr_manager; print(dhr_manager.__version__)')

export QT_QPA_PLATFORM=offscreen
"$python" packaging/make_icons.py packaging/icons
"$python" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" \
    packaging/dhr-manager.spec

# The .desktop file, icons and installer for a per-user or per-machine install go inside the bundle.
bundle=$dist/dhr-manager
install -m 0644 packaging/linux/dhr-manager.desktop "$bundle/dhr-manager.desktop"
install -m 0755 packaging/linux/install.sh "$bundle/install.sh"

tarball=$dist/dhr-manager-$version-linux-x86_64.tar.gz
# Sorted names, fixed owner and the last commit's time: the same tree makes the same archive.
stamp=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$stamp" -C "$dist" -cf - dhr-manager |
    gzip -n -9 > "$tarball"
echo "Built $bundle and $tarball"
