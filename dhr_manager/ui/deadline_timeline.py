"""The deadline timeline: each live case as a row of stage spans with its open deadlines and a line for today.

Drawn with QPainter so no charting package is needed (shared/qt-system-packages.txt). Every size comes from the
font's metrics, so the picture scales with the user's font and the screen's scale factor. Colour is never the
only signal: overdue markers are filled where others are hollow, a paused case is hatched and says "paused", a
legend explains each mark, and `text_equivalent` says the same in words for screen readers and reports.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QImage, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from dhr_manager.domain.cases import Stage, Status
from dhr_manager.domain.workflow import DeadlineStatus
from dhr_manager.services.overview import CaseOverview
from dhr_manager.ui.models.deadline_table_model import deadline_text
from dhr_manager.ui.models.task_table_model import OVERDUE_RED
from dhr_manager.ui.words import day_text, days_left_text, stage_name

# Light tints, so the dark stage names written on them stay readable; their order follows the stages.
STAGE_COLOURS = {
    Stage.NOTIFICATION: QColor("#cfe2f3"),
    Stage.PANEL: QColor("#d9ead3"),
    Stage.CHRONOLOGY: QColor("#fff2cc"),
    Stage.REPORT: QColor("#e4d7f5"),
    Stage.ACTION_PLAN: QColor("#fcdcc0"),
    Stage.CLOSED: QColor("#e0e0e0"),
}
TODAY_COLOUR = QColor("#0b5cad")
INK = QColor("#1a1a1a")  # outlines and the words on the tinted spans, whatever the palette
PAUSED_GREY = QColor("#6b6b6b")
_LABEL_CHARS = 36  # longest row label before it is elided, in average characters
_MIN_MONTH_LABELS = 12  # the narrowest plot still has room for this many month labels side by side
_PAUSED_CASE, _TODAY = "paused-case", "today"  # legend symbols besides the stages and the deadline statuses


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _month_label(day: date) -> str:
    return day.strftime("%b %Y")


def _month_label_width(fm: QFontMetrics) -> int:
    return max(fm.horizontalAdvance(_month_label(date(2000, month, 1))) for month in range(1, 13))


def _spans(case: CaseOverview, today: date) -> list[tuple[Stage, date, date]]:
    """(stage, entered, left) for each stage the case has been in; the current one runs to today."""
    entered = sorted(case.stage_entered.items(), key=lambda item: item[1])
    spans = []
    for number, (stage, begin) in enumerate(entered):
        finish = entered[number + 1][1] if number + 1 < len(entered) else today
        spans.append((stage, begin, max(begin, finish)))
    return spans


def _tr(text: str) -> str:
    """Translated in the widget's own context, so these words share its translations; safe on any thread."""
    return QCoreApplication.translate("DeadlineTimeline", text)


def row_label(case: CaseOverview) -> str:
    label = (_tr("{case} ({pseudonym})").format(case=case.reference, pseudonym=case.victim_pseudonym)
             if case.victim_pseudonym else case.reference)
    return _tr("{label} — paused").format(label=label) if case.status is Status.PAUSED else label


def _case_line(case: CaseOverview, today: date) -> str:
    line = _tr("{label}: {stage} stage").format(label=row_label(case), stage=stage_name(case.stage))
    if case.stage in case.stage_entered:
        line += _tr(" since {day}").format(day=day_text(case.stage_entered[case.stage]))
    following = case.next_deadline
    if following is None:
        return line + _tr("; no open deadlines")
    when = days_left_text(following.due, today)
    if following.status is DeadlineStatus.PAUSED:
        when = _tr("{when} (clock paused)").format(when=when)
    line += _tr("; next: {deadline}, {when}").format(deadline=deadline_text(following), when=when)
    still_open = case.open_deadlines()
    overdue = sum(d.status is DeadlineStatus.OVERDUE for d in still_open)
    if overdue > 1:
        line += _tr("; {open} open deadlines, {overdue} overdue").format(open=len(still_open), overdue=overdue)
    elif len(still_open) > 1:
        line += _tr("; {open} open deadlines").format(open=len(still_open))
    return line


@dataclass(frozen=True)
class PreparedTimeline:
    """The cases in the order drawn and the picture in words: made off the GUI thread by `prepare`."""

    cases: list[CaseOverview]
    text: str
    today: date


def prepare(overviews: Iterable[CaseOverview], today: date, live_only: bool = True) -> PreparedTimeline:
    """Only the live cases unless `live_only` is False, oldest first, with one line of words per case."""
    cases = sorted((o for o in overviews if o.live or not live_only),
                   key=lambda o: (min(o.stage_entered.values(), default=today), o.reference))
    return PreparedTimeline(cases, "\n".join(_case_line(case, today) for case in cases), today)


@dataclass(frozen=True)
class _Geometry:
    """Where everything goes for one width: computed from the font, shared by painting and `sizeHint`."""

    pad: int
    row_h: int
    bar_h: int
    header_h: int
    legend_line_h: int
    label_w: int  # the row labels' column; the plot runs from there to x1
    x1: int
    start: date
    end: date

    def x(self, day: date) -> float:
        span = max(1, (self.end - self.start).days)
        return self.label_w + (day - self.start).days / span * (self.x1 - self.label_w)

    def row_top(self, number: int) -> int:
        return self.header_h + number * self.row_h


class DeadlineTimeline(QWidget):
    """Cases as rows, time across. `set_cases` fills it, `clear` empties it when the workspace locks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cases: list[CaseOverview] = []
        self._today = date.today()
        self._placeholder = ""
        self._text = ""
        # Per font: the widest row label and the months shown, until the cases change.
        self._measured: dict[tuple[int, int, int, float], tuple[int, date, date]] = {}
        self.setAccessibleName(self.tr("Deadline timeline"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # ---- data ----------------------------------------------------------------------------------------------

    def set_cases(self, overviews: Iterable[CaseOverview], today: date, live_only: bool = True) -> None:
        """Show `overviews` (only the live ones unless `live_only` is False), oldest case first, as of `today`."""
        self.show_prepared(prepare(overviews, today, live_only))

    def show_prepared(self, prepared: "PreparedTimeline") -> None:
        """Show what `prepare` made, perhaps on a worker thread (the words for a thousand cases take a while)."""
        self._today = prepared.today
        self._cases = prepared.cases
        self._placeholder = self.tr("No live cases.")
        self._text = prepared.text
        self._changed()

    def clear(self) -> None:
        """Forget every case, so nothing decrypted stays on screen or in the accessible description."""
        self._cases = []
        self._placeholder = ""
        self._text = ""
        self._changed()

    def _changed(self) -> None:
        self._measured.clear()
        self.setAccessibleDescription(self.text_equivalent())
        self.updateGeometry()
        self.update()

    def text_equivalent(self) -> str:
        """The picture in words, one line per case: where it is, since when, and what is due next."""
        return self._text or self._placeholder

    # ---- geometry ------------------------------------------------------------------------------------------

    def _range(self) -> tuple[date, date]:
        """Whole months from the earliest stage entered to the latest open deadline (or today)."""
        days = [self._today]
        for case in self._cases:
            days += case.stage_entered.values()
            days += [d.due for d in case.open_deadlines()]
        start, end = _month_start(min(days)), _next_month(max(days))
        while (end.year - start.year) * 12 + end.month - start.month < 3:
            end = _next_month(end)
        return start, end

    def _geometry(self, fm: QFontMetrics, width: int) -> _Geometry:
        pad = max(2, fm.height() // 2)
        # Layout asks for the size hint dozens of times; measuring a thousand labels each time froze the window.
        font_key = (fm.height(), fm.averageCharWidth(), fm.maxWidth(), fm.fontDpi())
        if font_key not in self._measured:
            labels = [fm.horizontalAdvance(row_label(case)) for case in self._cases]
            self._measured[font_key] = (max(labels, default=0), *self._range())
        widest, start, end = self._measured[font_key]
        label_w = min(widest, fm.averageCharWidth() * _LABEL_CHARS) + 2 * pad
        return _Geometry(pad=pad, row_h=round(fm.height() * 1.9), bar_h=round(fm.height() * 1.3),
                         header_h=2 * fm.height() + pad, legend_line_h=round(fm.height() * 1.6), label_w=label_w,
                         x1=max(label_w + 1, width - 2 * pad), start=start, end=end)

    def _legend(self) -> list[list[tuple[str, str]]]:
        """Two lines of (symbol, words): the stages, then the marks. A stage value or a deadline status names
        the symbol; an empty one draws none."""
        stages = [(stage.value, stage_name(stage)) for stage in STAGE_COLOURS if stage is not Stage.CLOSED]
        marks = [(DeadlineStatus.DUE.value, self.tr("Deadline to come")),
                 (DeadlineStatus.OVERDUE.value, self.tr("Overdue deadline")),
                 (DeadlineStatus.PAUSED.value, self.tr("Deadline, clock paused")),
                 (_PAUSED_CASE, self.tr("Case paused")), (_TODAY, self.tr("Today"))]
        return [[("", self.tr("Stages:")), *stages], marks]

    def _legend_width(self, fm: QFontMetrics) -> int:
        symbol, gap = fm.height(), fm.height() // 2
        return max(sum((symbol + gap if kind else 0) + fm.horizontalAdvance(text) + 2 * gap for kind, text in line)
                   for line in self._legend())

    def _height(self, fm: QFontMetrics) -> int:
        geometry = self._geometry(fm, 0)
        return geometry.row_top(max(1, len(self._cases))) + geometry.pad + 2 * geometry.legend_line_h + geometry.pad

    def sizeHint(self) -> QSize:
        """Tall enough for every row and the legend; wide enough for the row labels, a dozen month labels and
        the legend."""
        fm = self.fontMetrics()
        geometry = self._geometry(fm, 0)
        plot = _month_label_width(fm) * _MIN_MONTH_LABELS
        width = max(geometry.label_w + plot, self._legend_width(fm)) + 2 * geometry.pad
        return QSize(width, self._height(fm))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    # ---- painting ------------------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter, self.width(), event.rect())
        finally:
            painter.end()

    def save_png(self, path: Path) -> None:
        """Write the whole picture for reports, however much of it the scroll area shows, at least at its natural
        size. Raises OSError when the file cannot be written."""
        hint = self.sizeHint()
        ratio = self.devicePixelRatioF()
        size = QSize(max(self.width(), hint.width()), hint.height())
        image = QImage(size * ratio, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)
        # Same dots per inch as the screen, so the font measures as it does in the widget.
        image.setDotsPerMeterX(round(self.logicalDpiX() / 0.0254))
        image.setDotsPerMeterY(round(self.logicalDpiY() / 0.0254))
        painter = QPainter(image)
        try:
            painter.setFont(self.font())
            self._paint(painter, size.width())
        finally:
            painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(self.tr("The picture could not be saved to {path}.").format(path=path))

    def _paint(self, painter: QPainter, width: int, exposed: QRect | None = None) -> None:
        """Paint the picture; in the widget only the rows inside `exposed` (a 1,000-case workspace scrolls)."""
        fm = painter.fontMetrics()
        geometry = self._geometry(fm, width)
        painter.fillRect(QRect(0, 0, width, self._height(fm)), self.palette().base())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rows = max(1, len(self._cases))
        for number in range(1, rows, 2):
            painter.fillRect(QRect(0, geometry.row_top(number), width, geometry.row_h), self.palette().alternateBase())
        self._paint_months(painter, fm, geometry, rows, width)
        if not self._cases:
            painter.setPen(self.palette().text().color())
            painter.drawText(QRect(geometry.pad, geometry.row_top(0), width - 2 * geometry.pad, geometry.row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self._placeholder)
        for number, case in enumerate(self._cases):
            top = geometry.row_top(number)
            if exposed is None or (top < exposed.bottom() + 1 and top + geometry.row_h > exposed.top()):
                self._paint_case(painter, fm, geometry, number, case)
        self._paint_today(painter, fm, geometry, rows)
        self._paint_legend(painter, fm, geometry.pad, geometry.row_top(rows) + geometry.pad, geometry.legend_line_h)

    def _paint_months(self, painter: QPainter, fm: QFontMetrics, geometry: _Geometry, rows: int,
                      width: int) -> None:
        """A faint line at each month; labels every few months, as often as they fit without touching. Only
        labelled months reach up into the labels' line, so no line runs through a label; a label the today
        line would cross is left out, since "Today" names that place."""
        months = (geometry.end.year - geometry.start.year) * 12 + geometry.end.month - geometry.start.month
        per_month = (geometry.x1 - geometry.label_w) / max(1, months)
        needed = _month_label_width(fm) + geometry.pad
        step = next((k for k in (1, 2, 3, 4, 6, 12) if k * per_month >= needed), 12)
        top, bottom = fm.height(), geometry.row_top(rows)
        today_x = geometry.x(self._today)
        day = geometry.start
        while day <= geometry.end:
            x = round(geometry.x(day))
            text = _month_label(day)
            right = x + 2 + fm.horizontalAdvance(text)
            labelled = ((day.month - 1) % step == 0 and right <= width
                        and not x - geometry.pad < today_x < right + geometry.pad)
            painter.setPen(QPen(self.palette().mid().color(), 1))
            painter.drawLine(x, top if labelled else geometry.header_h, x, bottom)
            if labelled:
                painter.setPen(self.palette().text().color())
                painter.drawText(QRect(x + 2, top, math.ceil(per_month * step), fm.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            day = _next_month(day)

    def _paint_case(self, painter: QPainter, fm: QFontMetrics, geometry: _Geometry, number: int,
                    case: CaseOverview) -> None:
        top = geometry.row_top(number)
        middle = top + geometry.row_h / 2
        pad = geometry.pad
        painter.setPen(self.palette().text().color())
        label = fm.elidedText(row_label(case), Qt.TextElideMode.ElideRight, geometry.label_w - 2 * pad)
        painter.drawText(QRect(pad, top, geometry.label_w - 2 * pad, geometry.row_h),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        spans = _spans(case, self._today)
        for stage, begin, finish in spans:
            bar = QRectF(QPointF(geometry.x(begin), middle - geometry.bar_h / 2),
                         QPointF(geometry.x(finish), middle + geometry.bar_h / 2))
            painter.setPen(QPen(INK, 1))
            painter.setBrush(STAGE_COLOURS[stage])
            painter.drawRect(bar)
            name = stage_name(stage)
            if fm.horizontalAdvance(name) + pad <= bar.width():
                painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, name)
        if case.status is Status.PAUSED and spans:
            _stage, begin, finish = spans[-1]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(PAUSED_GREY, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(QRectF(QPointF(geometry.x(begin), middle - geometry.bar_h / 2),
                                    QPointF(geometry.x(finish), middle + geometry.bar_h / 2)))
        # Overdue markers last, so a hollow marker on the same day never hides a filled one.
        for deadline in sorted(case.open_deadlines(), key=lambda d: d.status is DeadlineStatus.OVERDUE):
            _diamond(painter, QPointF(geometry.x(deadline.due), middle), geometry.bar_h * 0.45,
                     deadline.status.value)

    def _paint_today(self, painter: QPainter, fm: QFontMetrics, geometry: _Geometry, rows: int) -> None:
        x = round(geometry.x(self._today))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # a crisp line, exactly the colour
        painter.setPen(QPen(TODAY_COLOUR, max(2, fm.height() // 8)))
        painter.drawLine(x, fm.height(), x, geometry.row_top(rows))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.tr("Today")
        text_w = fm.horizontalAdvance(text)
        left = min(max(geometry.label_w, x - text_w // 2), geometry.x1 - text_w)
        font = painter.font()
        font.setBold(True)
        painter.save()
        painter.setFont(font)
        painter.drawText(QRect(left, 0, text_w + geometry.pad, fm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()

    def _paint_legend(self, painter: QPainter, fm: QFontMetrics, left: int, top: int, line_h: int) -> None:
        symbol, gap = fm.height(), fm.height() // 2
        for line in self._legend():
            x = left
            middle = top + line_h / 2
            for kind, text in line:
                if kind:
                    _legend_symbol(painter, kind, QRectF(x, middle - symbol / 2, symbol, symbol))
                    x += symbol + gap
                painter.setPen(self.palette().text().color())
                text_w = fm.horizontalAdvance(text)
                painter.drawText(QRect(x, top, text_w + gap, line_h),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
                x += text_w + 2 * gap
            top += line_h


def _diamond(painter: QPainter, centre: QPointF, half: float, kind: str) -> None:
    """A deadline: hollow while to come, filled red when overdue, dashed grey while the clock is paused."""
    points = [QPointF(centre.x(), centre.y() - half), QPointF(centre.x() + half, centre.y()),
              QPointF(centre.x(), centre.y() + half), QPointF(centre.x() - half, centre.y())]
    if kind == DeadlineStatus.OVERDUE.value:
        painter.setPen(QPen(INK, 1.5))
        painter.setBrush(OVERDUE_RED)
    elif kind == DeadlineStatus.PAUSED.value:
        painter.setPen(QPen(PAUSED_GREY, 1.5, Qt.PenStyle.DashLine))
        painter.setBrush(QColor("white"))
    else:
        painter.setPen(QPen(INK, 1.5))
        painter.setBrush(QColor("white"))
    painter.drawPolygon(QPolygonF(points))


def _legend_symbol(painter: QPainter, kind: str, box: QRectF) -> None:
    if kind in tuple(DeadlineStatus):
        _diamond(painter, box.center(), box.height() * 0.45, kind)
    elif kind == _PAUSED_CASE:
        painter.setPen(QPen(INK, 1))
        painter.setBrush(QBrush(PAUSED_GREY, Qt.BrushStyle.BDiagPattern))
        painter.drawRect(box.adjusted(0, box.height() * 0.15, 0, -box.height() * 0.15))
    elif kind == _TODAY:
        painter.setPen(QPen(TODAY_COLOUR, max(2.0, box.height() / 8)))
        painter.drawLine(QPointF(box.center().x(), box.top()), QPointF(box.center().x(), box.bottom()))
    else:
        painter.setPen(QPen(INK, 1))
        painter.setBrush(STAGE_COLOURS[Stage(kind)])
        painter.drawRect(box.adjusted(0, box.height() * 0.15, 0, -box.height() * 0.15))
