#!/usr/bin/env bash
# Installs this unpacked DHR Manager bundle for everyone (run as root) or for you alone (run as yourself).
#   sudo ./install.sh     -> /opt/dhr-manager, /usr/local/bin/dhr-manager, the menu entry and icons
#   ./install.sh          -> ~/.local/opt/dhr-manager, ~/.local/bin/dhr-manager, your menu entry and icons
#   ./install.sh --uninstall   removes the program only: workspaces, backups and settings are never touched
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [[ $(id -u) -eq 0 ]]; then
    prefix=/opt/dhr-manager bin=/usr/local/bin share=/usr/share
else
    prefix=$HOME/.local/opt/dhr-manager bin=$HOME/.local/bin share=${XDG_DATA_HOME:-$HOME/.local/share}
fi
sizes=(16 24 32 48 64 128 256 512)

if [[ ${1:-} == --uninstall ]]; then
    rm -rf "$prefix"
    rm -f "$bin/dhr-manager" "$share/applications/dhr-manager.desktop" "$share/icons/hicolor/scalable/apps/dhr-manager.svg"
    for size in "${sizes[@]}"; do rm -f "$share/icons/hicolor/${size}x${size}/apps/dhr-manager.png"; done
    echo "Removed DHR Manager from $prefix. Workspaces and settings were left where they are."
    exit 0
fi

[[ $here == "$prefix" ]] || { rm -rf "$prefix"; mkdir -p "$(dirname "$prefix")"; cp -a "$here" "$prefix"; }
mkdir -p "$bin" "$share/applications" "$share/icons/hicolor/scalable/apps"
ln -sf "$prefix/dhr-manager" "$bin/dhr-manager"
install -m 0644 "$prefix/dhr-manager.desktop" "$share/applications/dhr-manager.desktop"
install -m 0644 "$prefix/_internal/icons/dhr-manager.svg" "$share/icons/hicolor/scalable/apps/dhr-manager.svg"
for size in "${sizes[@]}"; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    install -m 0644 "$prefix/_internal/icons/dhr-manager-$size.png" "$share/icons/hicolor/${size}x${size}/apps/dhr-manager.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "Installed DHR Manager in $prefix; start it from the applications menu or run: dhr-manager"
[[ :$PATH: == *":$bin:"* ]] || echo "Note: $bin is not on your PATH."
