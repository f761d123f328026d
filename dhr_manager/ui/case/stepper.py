"""The case's stages drawn as a row of steps, so where a review stands is seen at a glance.

Each state has its own shape as well as its words: a tick for a done stage, a ringed dot and the words
"current stage" for the current one, an empty ring for the stages ahead. After the profile's stages comes the
end of the review, "Closed" or "Not proceeding". Screen readers get the same in the accessible description.
"""

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from dhr_manager.domain.cases import Stage, Status
from dhr_manager.ui.words import status_name


class StepState(Enum):
    DONE = "done"
    CURRENT = "current"
    AHEAD = "ahead"


def step_states(stages: list[tuple[Stage, str]], current: Stage, status: Status) -> list[tuple[str, StepState]]:
    """The steps to draw: the profile's stages, then how the review ends.

    A review not proceeding stopped after its notification stage; the stages after it were never reached.
    """
    order = [stage for stage, _name in stages]
    done_until = order.index(current) if current in order else len(order)
    if status is Status.NOT_PROCEEDING:
        done_until = 1

    def state(i: int) -> StepState:
        if i < done_until:
            return StepState.DONE
        return StepState.CURRENT if i == done_until and current is not Stage.CLOSED else StepState.AHEAD

    steps = [(name, state(i)) for i, (_stage, name) in enumerate(stages)]
    ended = current is Stage.CLOSED or status in (Status.CLOSED, Status.NOT_PROCEEDING)
    end_name = status_name(Status.NOT_PROCEEDING if status is Status.NOT_PROCEEDING else Status.CLOSED)
    return [*steps, (end_name, StepState.CURRENT if ended else StepState.AHEAD)]


class StageStepper(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._steps: list[tuple[str, StepState]] = []
        self.setAccessibleName(self.tr("Stages"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_stages(self, stages: list[tuple[Stage, str]], current: Stage, status: Status) -> None:
        self._steps = step_states(stages, current, status)
        description = "; ".join(self.tr("{stage}: {state}").format(stage=name, state=self._words(i, state))
                                for i, (name, state) in enumerate(self._steps))
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self._steps = []
        self.setAccessibleDescription("")
        self.setToolTip("")
        self.update()

    def steps(self) -> list[tuple[str, StepState]]:
        return list(self._steps)

    def _words(self, index: int, state: StepState) -> str:
        if state is StepState.CURRENT:
            return self.tr("current stage") if index < len(self._steps) - 1 else self.tr("review ended")
        return self.tr("✓ done") if state is StepState.DONE else self.tr("not reached")

    # ---- drawing ----------------------------------------------------------------------------------------

    def _radius(self) -> float:
        return self.fontMetrics().height() * 0.7

    def sizeHint(self) -> QSize:
        metrics, margin = self.fontMetrics(), self.fontMetrics().height() // 2
        widest = max((metrics.horizontalAdvance(name) for name, _state in self._steps), default=80)
        height = int(2 * self._radius()) + 3 * metrics.height() + 2 * margin
        return QSize(max(1, len(self._steps)) * (widest + 2 * margin), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(max(1, len(self._steps)) * int(3 * self._radius()), self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._steps:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette, metrics = self.palette(), self.fontMetrics()
        accent = palette.color(QPalette.ColorRole.Highlight)
        ink = palette.color(QPalette.ColorRole.WindowText)
        radius, margin = self._radius(), metrics.height() / 2
        slot = self.width() / len(self._steps)
        centre_y = margin + radius + 2
        line = max(2.0, radius / 6)

        for i in range(len(self._steps) - 1):
            done = self._steps[i][1] is StepState.DONE
            pen = QPen(accent if done else ink, line, Qt.PenStyle.SolidLine if done else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(slot * (i + 0.5) + radius + 3, centre_y),
                             QPointF(slot * (i + 1.5) - radius - 3, centre_y))

        for i, (name, state) in enumerate(self._steps):
            centre = QPointF(slot * (i + 0.5), centre_y)
            if state is StepState.DONE:
                painter.setPen(QPen(accent, line))
                painter.setBrush(accent)
                painter.drawEllipse(centre, radius, radius)
                tick = QFont(self.font())
                tick.setBold(True)
                painter.setFont(tick)
                painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
                painter.drawText(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                                 Qt.AlignmentFlag.AlignCenter, "✓")
            elif state is StepState.CURRENT:
                painter.setPen(QPen(accent, line * 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, radius + 1, radius + 1)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
                painter.drawEllipse(centre, radius * 0.5, radius * 0.5)
            else:
                painter.setPen(QPen(ink, line / 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, radius * 0.8, radius * 0.8)

            label_font = QFont(self.font())
            label_font.setBold(state is StepState.CURRENT)
            painter.setFont(label_font)
            painter.setPen(ink)
            text_top = centre_y + radius + margin / 2 + 2
            box = QRectF(slot * i + 2, text_top, slot - 4, metrics.height() * 1.2)
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             painter.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, int(box.width())))
            if state is StepState.CURRENT:
                note = QFont(self.font())
                note.setItalic(True)
                painter.setFont(note)
                painter.drawText(box.translated(0, metrics.height() * 1.2),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self._words(i, state))
        painter.end()
