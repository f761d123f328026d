"""The cases a user may read, as a Qt table model: one row per case, decrypted values only while unlocked."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from dhr_manager.domain.cases import CaseView, Stage, Status

_Index = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()  # the invalid index Qt passes for the top level of a table


class CaseTableModel(QAbstractTableModel):
    """Columns Reference, Area, Stage, Status, Victim (pseudonym); `set_cases([])` empties it on lock."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cases: list[CaseView] = []
        self._headers = [self.tr("Reference"), self.tr("Area"), self.tr("Stage"), self.tr("Status"),
                         self.tr("Victim (pseudonym)")]
        self._stages = {
            Stage.NOTIFICATION: self.tr("Notification"),
            Stage.PANEL: self.tr("Panel"),
            Stage.CHRONOLOGY: self.tr("Chronology"),
            Stage.REPORT: self.tr("Report"),
            Stage.ACTION_PLAN: self.tr("Action plan"),
            Stage.CLOSED: self.tr("Closed"),
        }
        self._statuses = {
            Status.OPEN: self.tr("Open"),
            Status.PAUSED: self.tr("Paused"),
            Status.CLOSED: self.tr("Closed"),
            Status.NOT_PROCEEDING: self.tr("Not proceeding"),
        }

    def set_cases(self, cases: list[CaseView]) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self.endResetModel()

    def rowCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: _Index = _TOP) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        case = self._cases[index.row()]
        return (
            case.reference,
            case.area,
            self._stages[case.stage],
            self._statuses[case.status],
            case.victim_pseudonym or self.tr("not recorded"),
        )[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
