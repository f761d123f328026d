"""The combined chronology as a picture: one lane per agency, entries as marks along time.

An exact date is a dot; an approximate one is a bar over its whole range, so "March 2021" reads as a month, not a
day. Ctrl+wheel or +/- zooms (pixels per day), the scroll area pans, and clicking a mark emits its entry's id.
The table beside it is the text equivalent.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QWidget

from dhr_manager.domain.chronology import ChronologyEntry

LANE_HEIGHT = 30
LABEL_WIDTH = 160
AXIS_HEIGHT = 24
DOT = 5
MIN_PPD, MAX_PPD = 0.05, 40.0
PADDING_DAYS = 10
_EXACT, _APPROX, _OUTSIDE = QColor("#1f5fa8"), QColor("#c26a00"), QColor("#a0a0a0")


@dataclass(frozen=True, slots=True)
class _Place:
    """Where an entry's mark goes, in days from the first day shown: kept across zooms."""

    entry_id: str
    lane: int
    start: int
    end: int | None  # the day after an approximate date's range; None for an exact day (a dot)
    outside: bool


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
        self._places: list[_Place] = []
        self._lanes: list[str] = []
        self._first = date.today()
        self._days = 0

    # ---- contents --------------------------------------------------------------------------------------

    def set_entries(self, entries: list[ChronologyEntry], outside: set[str] | None = None,
                    fit_to: int | None = None) -> None:
        """Show `entries`, zoomed to fit `fit_to` pixels when given. Each entry's place is kept in days, so zooming
        never walks the entries again; pixels are worked out only for what is painted."""
        outside = set(outside or ())
        self._lanes = sorted({e.agency for e in entries}, key=str.casefold)
        if entries:
            first = min(e.when.start for e in entries) - timedelta(days=PADDING_DAYS)
            last = max(e.when.end for e in entries) + timedelta(days=PADDING_DAYS)
        else:
            first = last = date.today()
        self._first, self._days = first, (last - first).days + 1
        lane_of = {name: i for i, name in enumerate(self._lanes)}
        self._places = [_Place(entry.id, lane_of[entry.agency], (entry.when.start - first).days,
                               (entry.when.end - first).days + 1 if entry.when.approximate else None,
                               entry.id in outside) for entry in entries]
        fitted = self._fitting(fit_to) if fit_to is not None else None
        self.set_pixels_per_day(self.pixels_per_day if fitted is None else fitted)

    def fit_width(self, width: int) -> None:
        """Zoom so that every entry shows in `width` pixels: the picture opens on the whole story."""
        fitted = self._fitting(width)
        if fitted is not None and min(MAX_PPD, max(MIN_PPD, fitted)) != self.pixels_per_day:
            self.set_pixels_per_day(fitted)

    def _fitting(self, width: int) -> float | None:
        """The pixels per day that fit every entry in `width`, or None when there is nothing or no room."""
        if self._places and width > LABEL_WIDTH + 40:
            return (width - LABEL_WIDTH - 20) / self._days
        return None

    def set_pixels_per_day(self, value: float) -> None:
        self.pixels_per_day = min(MAX_PPD, max(MIN_PPD, value))
        self.resize(self.sizeHint())
        self.updateGeometry()
        self.update()
        self.zoomed.emit(self.pixels_per_day)

    def lanes(self) -> list[str]:
        return list(self._lanes)

    def marks(self) -> list[tuple[QRectF, str]]:
        """Each mark's rectangle and entry id, in widget coordinates."""
        return [(self._rect(place), place.entry_id) for place in self._places]

    def mark_at(self, point: QPointF) -> str | None:
        """The id of the entry drawn under `point` (the nearest exact dot wins over a bar beneath it)."""
        hits = [(rect.width(), entry_id) for rect, entry_id in self.marks()
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

    @staticmethod
    def _middle(lane: int) -> float:
        return AXIS_HEIGHT + lane * LANE_HEIGHT + LANE_HEIGHT / 2

    def _rect(self, place: "_Place") -> QRectF:
        """An approximate date's bar over its whole range (at least a dot wide), or an exact day's dot."""
        middle, ppd = self._middle(place.lane), self.pixels_per_day
        left = LABEL_WIDTH + place.start * ppd
        if place.end is None:
            centre = left + ppd / 2
            return QRectF(centre - DOT, middle - DOT, 2 * DOT, 2 * DOT)
        right = max(LABEL_WIDTH + place.end * ppd, left + 2 * DOT)
        return QRectF(left, middle - DOT / 2 - 1, right - left, DOT + 2)

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
            painter.fillRect(QRectF(0, top, self.width(), LANE_HEIGHT), QColor(palette.color(role.AlternateBase)))
        self._paint_marks(painter, clip.left() - 2 * DOT, clip.right() + 2 * DOT)
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

    def _paint_marks(self, painter: QPainter, left: float, right: float) -> None:
        """Bars first, then dots on top of them; the dots of one colour go in a single call (a round pen as wide
        as a dot), so 5,000 entries paint in a few milliseconds rather than one call each."""
        ppd = self.pixels_per_day
        low, high = (left - LABEL_WIDTH) / ppd - 1, (right - LABEL_WIDTH) / ppd + 1
        dots: dict[bool, QPolygonF] = {False: QPolygonF(), True: QPolygonF()}
        painter.setPen(Qt.PenStyle.NoPen)
        for place in self._places:
            if place.start > high or (place.end if place.end is not None else place.start) < low:
                continue
            if place.end is None:
                dots[place.outside].append(QPointF(LABEL_WIDTH + (place.start + 0.5) * ppd, self._middle(place.lane)))
            else:
                painter.setBrush(_OUTSIDE if place.outside else _APPROX)
                painter.drawRoundedRect(self._rect(place), 2, 2)
        for outside, points in dots.items():
            pen = QPen(_OUTSIDE if outside else _EXACT, 2 * DOT)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawPoints(points)

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
