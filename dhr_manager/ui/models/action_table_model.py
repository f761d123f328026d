"""Tables of recommendations and actions. An action's RAG status is a coloured badge that always carries its
words ("Red, overdue by 3 days"): the colour helps it catch the eye, the words carry the meaning."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QApplication, QStyle

from dhr_manager.domain.actions import RAG_ORDER, Rag, Scope
from dhr_manager.services.actions import ActionView, RecommendationView
from dhr_manager.ui.models.row_model import Column, RowTableModel, _Index
from dhr_manager.ui.words import day_text

# (background, text) for each badge: pale fills with dark text, readable in a light or a dark theme alike.
RAG_COLOURS = {
    Rag.RED: (QColor(248, 215, 218), QColor(114, 28, 36)),
    Rag.AMBER: (QColor(255, 236, 179), QColor(110, 70, 0)),
    Rag.GREEN: (QColor(212, 237, 218), QColor(21, 87, 36)),
    Rag.COMPLETE: (QColor(226, 227, 229), QColor(56, 61, 65)),
}
WARNING_MARK = "\u26a0"  # ⚠, before the words of a SMART warning


def _tr(text: str) -> str:
    return QCoreApplication.translate("actions", text)


def scope_name(scope: Scope) -> str:
    return {Scope.LOCAL: _tr("Local"), Scope.REGIONAL: _tr("Regional"), Scope.NATIONAL: _tr("National")}[scope]


def rag_name(rag: Rag) -> str:
    return {Rag.RED: _tr("Red"), Rag.AMBER: _tr("Amber"), Rag.GREEN: _tr("Green"), Rag.COMPLETE: _tr("Complete")}[rag]


def warning_words(warnings: Sequence[str]) -> str:
    """The SMART warnings in short: each one's first clause ("There is no target date")."""
    if not warnings:
        return _tr("No warnings")
    return f"{WARNING_MARK} " + "; ".join(w.split(":")[0] for w in warnings)


def _ordinal(day: object) -> int:
    return day.toordinal() if day is not None else 10**7  # type: ignore[attr-defined]


class RecommendationTableModel(RowTableModel[RecommendationView]):
    """A case's recommendations; the SMART column shows a warning icon with the warnings' words."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([
            Column[RecommendationView](_tr("No."), lambda r: str(r.number), lambda r: r.number),
            Column[RecommendationView](_tr("Recommendation"), lambda r: r.text),
            Column[RecommendationView](_tr("Scope"), lambda r: scope_name(r.scope)),
            Column[RecommendationView](_tr("For agency"), lambda r: r.agency or ""),
            Column[RecommendationView](_tr("Measurable outcome"), lambda r: r.outcome or ""),
            Column[RecommendationView](_tr("Target"), lambda r: day_text(r.target_date),
                                       lambda r: _ordinal(r.target_date)),
            Column[RecommendationView](_tr("SMART check"), lambda r: warning_words(r.warnings)),
        ], parent)
        self.smart_column = 6

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.smart_column:
            warnings = self.row(index.row()).warnings
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(warnings) if warnings else _tr("Specific, measurable and time-bound")
            if role == Qt.ItemDataRole.DecorationRole and warnings:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return super().data(index, role)


class ActionTableModel(RowTableModel[ActionView]):
    """Actions with their RAG badge; `with_case` adds the case reference for the cross-case screen."""

    def __init__(self, parent: QObject | None = None, with_case: bool = False) -> None:
        columns = [
            Column[ActionView](_tr("No."), lambda a: a.number, lambda a: (a.recommendation_number, a.number)),
            Column[ActionView](_tr("Action"), lambda a: a.action),
            Column[ActionView](_tr("Lead agency"), lambda a: a.lead_agency),
            Column[ActionView](_tr("Lead officer"), lambda a: a.lead_officer or ""),
            Column[ActionView](_tr("Target"), lambda a: day_text(a.target_date), lambda a: _ordinal(a.target_date)),
            Column[ActionView](_tr("Status"), lambda a: a.rag_words, lambda a: (RAG_ORDER[a.rag], _ordinal(
                a.target_date))),
            Column[ActionView](_tr("Milestones"), lambda a: a.milestones or ""),
            Column[ActionView](_tr("Completed"), lambda a: day_text(a.completed_on), lambda a: _ordinal(
                a.completed_on)),
            Column[ActionView](_tr("Outcome"), lambda a: a.outcome or ""),
        ]
        if with_case:
            columns = [Column[ActionView](_tr("Case"), lambda a: a.case_reference), *columns[:3], *columns[4:6]]
        super().__init__(columns, parent)
        self.status_column = [c.header for c in columns].index(_tr("Status"))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == self.status_column:
            background, text = RAG_COLOURS[self.row(index.row()).rag]
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(background)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(text)
        return super().data(index, role)
