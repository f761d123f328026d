"""The combined chronology as a picture: one lane per agency, entries as marks along time.

An exact date is a dot; an approximate one is a bar over its whole range, so "March 2021" reads as a month, not a
day. Ctrl+wheel or +/- zooms (pixels per day), the scroll area pans, and clicking a mark emits its entry's id.
The table beside it is the text equivalent.
"""

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen, QWheelEvent
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QWidget

from dhr_manager.domain.chronology import ChronologyEntry

LANE_HEIGHT = 30
LABEL_WIDTH = 160
AXIS_HEIGHT = 24
DOT = 5
MIN_PPD, MAX_PPD = 0.05, 40.0
PADDING_DAYS = 10
_EXACT, _APPROX, _OUTSIDE = QColor("#1f5fa8"), QColor("#c26a00"), QColor("#a0a0a0")


class Swimlane(QWidget):
    entry_clicked = Signal(str)
    zoomed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Chronology swimlane"))
        self.setAccessibleDescription(self.tr(
            "A picture of the chronology: one lane per agency, entries along time. The table above lists the same "
            "entries as text. Ctrl+wheel or plus and minus zoom; click a mark to select its entry."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.pixels_per_day = 2.0
        self._entries: list[ChronologyEntry] = []
        self._outside: set[str] = set()
        self._lanes: list[str] = []
        self._first = date.today()
        self._days = 0
        self._marks: list[tuple[QRectF, str]] = []

    # ---- contents --------------------------------------------------------------------------------------

    def set_entries(self, entries: list[ChronologyEntry], outside: set[str] | None = None,
                    fit_to: int | None = None) -> None:
        """Show `entries`, zoomed to fit `fit_to` pixels when given: one layout, not one now and one to fit
        (each takes tens of milliseconds on 5,000 entries)."""
        self._entries = list(entries)
        self._outside = set(outside or ())
        self._lanes = sorted({e.agency for e in entries}, key=str.casefold)
        if entries:
            first = min(e.when.start for e in entries) - timedelta(days=PADDING_DAYS)
            last = max(e.when.end for e in entries) + timedelta(days=PADDING_DAYS)
        else:
            first = last = date.today()
        self._first, self._days = first, (last - first).days + 1
        fitted = self._fitting(fit_to) if fit_to is not None else None
        if fitted is None:
            self._relayout()
        else:
            self.set_pixels_per_day(fitted)

    def fit_width(self, width: int) -> None:
        """Zoom so that every entry shows in `width` pixels: the picture opens on the whole story. Nothing is
        laid out again when that is the zoom already shown."""
        fitted = self._fitting(width)
        if fitted is not None and min(MAX_PPD, max(MIN_PPD, fitted)) != self.pixels_per_day:
            self.set_pixels_per_day(fitted)

    def _fitting(self, width: int) -> float | None:
        """The pixels per day that fit every entry in `width`, or None when there is nothing or no room."""
        if self._entries and width > LABEL_WIDTH + 40:
            return (width - LABEL_WIDTH - 20) / self._days
        return None

    def set_pixels_per_day(self, value: float) -> None:
        self.pixels_per_day = min(MAX_PPD, max(MIN_PPD, value))
        self._relayout()
        self.zoomed.emit(self.pixels_per_day)

    def lanes(self) -> list[str]:
        return list(self._lanes)

    def marks(self) -> list[tuple[QRectF, str]]:
        """Each mark's rectangle and entry id, in widget coordinates."""
        return list(self._marks)

    def mark_at(self, point: QPointF) -> str | None:
        """The id of the entry drawn under `point` (the nearest exact dot wins over a bar beneath it)."""
        hits = [(rect.width(), entry_id) for rect, entry_id in self._marks
                if rect.adjusted(-2, -2, 2, 2).contains(point)]
        return min(hits)[1] if hits else None

    def save_png(self, path: Path | str) -> bool:
        return self.grab().save(str(path), "PNG")

    def sizeHint(self) -> QSize:
        width = LABEL_WIDTH + int(self._days * self.pixels_per_day) + 20
        return QSize(max(width, 400), AXIS_HEIGHT + LANE_HEIGHT * max(len(self._lanes), 1) + 8)

    # ---- geometry --------------------------------------------------------------------------------------

    def _x(self, day: date) -> float:
        return LABEL_WIDTH + (day - self._first).days * self.pixels_per_day

    def _relayout(self) -> None:
        lane_of = {name: i for i, name in enumerate(self._lanes)}
        marks = []
        for entry in self._entries:
            middle = AXIS_HEIGHT + lane_of[entry.agency] * LANE_HEIGHT + LANE_HEIGHT / 2
            if entry.when.approximate:
                left = self._x(entry.when.start)
                right = max(self._x(entry.when.end + timedelta(days=1)), left + 2 * DOT)
                marks.append((QRectF(left, middle - DOT / 2 - 1, right - left, DOT + 2), entry.id))
            else:
                centre = self._x(entry.when.start) + self.pixels_per_day / 2
                marks.append((QRectF(centre - DOT, middle - DOT, 2 * DOT, 2 * DOT), entry.id))
        self._marks = marks
        self.resize(self.sizeHint())
        self.updateGeometry()
        self.update()

    # ---- painting and input ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = QPalette(self.palette())
        role = QPalette.ColorRole
        painter.fillRect(self.rect(), QColor(palette.color(role.Base)))
        text_pen = QPen(QColor(palette.color(role.Text)))
        grid_pen = QPen(QColor(palette.color(role.Mid)))
        clip = event.rect()
        # month ticks along the top, over the whole height
        painter.setPen(grid_pen)
        day = self._first.replace(day=1)
        height = self.height()
        while (day - self._first).days <= self._days:
            x = self._x(day)
            if x >= LABEL_WIDTH and clip.left() - 80 <= x <= clip.right() + 1:
                painter.setPen(grid_pen)
                painter.drawLine(QPointF(x, AXIS_HEIGHT - 6), QPointF(x, height))
                if day.month == 1 or self.pixels_per_day * 30 >= 70:
                    painter.setPen(text_pen)
                    label = day.strftime("%b %Y") if self.pixels_per_day * 30 >= 70 else str(day.year)
                    painter.drawText(QPointF(x + 3, AXIS_HEIGHT - 8), label)
            day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        for i in range(1, len(self._lanes), 2):
            top = AXIS_HEIGHT + i * LANE_HEIGHT
            if i % 2:
                painter.fillRect(QRectF(0, top, self.width(), LANE_HEIGHT), QColor(palette.color(role.AlternateBase)))
        for rect, entry_id in self._marks:
            if rect.right() < clip.left() or rect.left() > clip.right():
                continue
            entry_outside = entry_id in self._outside
            bar = rect.width() > 2 * DOT or rect.height() < 2 * DOT
            colour = _OUTSIDE if entry_outside else (_APPROX if bar else _EXACT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            if bar:
                painter.drawRoundedRect(rect, 2, 2)
            else:
                painter.drawEllipse(rect)
        # lane names last, on a solid strip, so marks scrolled under them never hide them
        painter.fillRect(QRectF(0, 0, LABEL_WIDTH - 4, height), QColor(palette.color(role.Window)))
        painter.setPen(text_pen)
        metrics = self.fontMetrics()
        for i, name in enumerate(self._lanes):
            top = AXIS_HEIGHT + i * LANE_HEIGHT
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 12)
            painter.drawText(QRectF(6, top, LABEL_WIDTH - 10, LANE_HEIGHT),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        entry_id = self.mark_at(event.position())
        if entry_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.entry_clicked.emit(entry_id)
            return
        super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_pixels_per_day(self.pixels_per_day * (1.25 ** steps))
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.set_pixels_per_day(self.pixels_per_day * 1.25)
        elif event.key() == Qt.Key.Key_Minus:
            self.set_pixels_per_day(self.pixels_per_day / 1.25)
        else:
            super().keyPressEvent(event)


def scroll_area(swimlane: Swimlane) -> QScrollArea:
    """The swimlane in a scroll area that pans it (the swimlane keeps its own size as it zooms)."""
    area = QScrollArea()
    area.setAccessibleName(swimlane.tr("Chronology swimlane"))
    area.setWidget(swimlane)
    area.setWidgetResizable(False)
    area.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return area
