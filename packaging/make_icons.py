"""Write the application icon files from the one drawing in dhr_manager/ui/app_icon.py.

    .venv/bin/python packaging/make_icons.py [OUTDIR]      (default: packaging/icons)

Writes dhr-manager.svg, dhr-manager-<N>.png for each size, and dhr-manager.ico (Windows: the .exe and the
installer). The build script runs it before each build, so the files always match the drawing; the output is
byte-for-byte the same each time, and is kept in packaging/icons so that the .desktop file and the Windows
installer script have files to name.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from dhr_manager.ui.app_icon import SIZES, icon_bounds, icon_pixmap, paint_icon

NAME = "dhr-manager"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows Explorer, the taskbar and the installer use


def write_svg(path: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(256, 256))
    generator.setViewBox(icon_bounds())
    generator.setTitle("DHR Manager")
    generator.setDescription("A document under a shield with a tick")
    painter = QPainter(generator)
    paint_icon(painter, 256)
    painter.end()


def png_bytes(size: int) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    icon_pixmap(size).toImage().convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    return bytes(QByteArray(buffer.data()).data())


def write_ico(path: Path) -> None:
    """An .ico holding PNG images of several sizes (Windows Vista and later read PNG entries)."""
    images = [(size, png_bytes(size)) for size in ICO_SIZES]
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(images).to_bytes(2, "little")
    offset = 6 + 16 * len(images)
    entries, data = b"", b""
    for size, blob in images:
        side = size % 256  # 0 means 256
        entries += bytes([side, side, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        entries += len(blob).to_bytes(4, "little") + (offset + len(data)).to_bytes(4, "little")
        data += blob
    path.write_bytes(header + entries + data)


def main(out: Path) -> int:
    _app = QGuiApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    write_svg(out / f"{NAME}.svg")
    for size in SIZES:
        (out / f"{NAME}-{size}.png").write_bytes(png_bytes(size))
    write_ico(out / f"{NAME}.ico")
    print(f"Wrote the icons to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "icons"))
