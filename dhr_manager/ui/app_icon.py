"""The application icon, drawn with QPainter: a document under a shield with a tick, in a calm blue.

One drawing serves the window icon (drawn at each size when the application starts, so no file can go missing)
and the icon files the installers use (`packaging/make_icons.py` writes the SVG, PNG sizes and .ico from it).
"""

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

BLUE = QColor("#1f5f99")
LIGHT_BLUE = QColor("#d8e6f3")
PAGE = QColor("#ffffff")
LINES = QColor("#9fb6cc")
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
_UNIT = 256.0  # the drawing is made on a 256 x 256 grid and scaled


def paint_icon(painter: QPainter, size: float) -> None:
    """Draw the icon in the square (0, 0, size, size) of `painter`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / _UNIT, size / _UNIT)

    # The document: a page with a folded corner and a few lines of text.
    page = QPainterPath()
    page.moveTo(40, 16)
    page.lineTo(156, 16)
    page.lineTo(204, 64)
    page.lineTo(204, 232)
    page.quadTo(204, 240, 196, 240)
    page.lineTo(48, 240)
    page.quadTo(40, 240, 40, 232)
    page.closeSubpath()
    painter.setPen(QPen(BLUE, 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(PAGE)
    painter.drawPath(page)
    fold = QPainterPath()
    fold.moveTo(156, 16)
    fold.lineTo(156, 64)
    fold.lineTo(204, 64)
    painter.setBrush(LIGHT_BLUE)
    painter.drawPath(fold)
    painter.setPen(QPen(LINES, 12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for y, right in ((64, 132), (96, 172), (128, 172), (160, 108)):
        painter.drawLine(QPointF(70, y), QPointF(right, y))

    # The shield, over the page's lower right, with a white tick.
    shield = QPainterPath()
    shield.moveTo(176, 112)
    shield.cubicTo(196, 126, 222, 130, 244, 128)
    shield.lineTo(244, 176)
    shield.cubicTo(244, 214, 214, 238, 176, 252)
    shield.cubicTo(138, 238, 108, 214, 108, 176)
    shield.lineTo(108, 128)
    shield.cubicTo(130, 130, 156, 126, 176, 112)
    shield.closeSubpath()
    painter.setPen(QPen(PAGE, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(BLUE)
    painter.drawPath(shield)
    painter.setPen(QPen(PAGE, 16, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    tick = QPainterPath()
    tick.moveTo(146, 178)
    tick.lineTo(168, 200)
    tick.lineTo(208, 156)
    painter.drawPath(tick)
    painter.restore()


def icon_pixmap(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_icon(painter, size)
    painter.end()
    return pixmap


def application_icon() -> QIcon:
    """The icon at every size a window manager or taskbar asks for."""
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(icon_pixmap(size))
    return icon


def icon_bounds() -> QRectF:
    return QRectF(0, 0, _UNIT, _UNIT)
