"""Settings, built from the declarative list in `dhr_manager.settings`."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from dhr_manager.errors import DhrError
from dhr_manager.services.profiles import available_profiles
from dhr_manager.settings import SETTINGS, Settings
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.labels import InlineError, heading
from dhr_manager.ui.page import Page


class SettingsPage(Page):
    saved = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setAccessibleName(self.tr("Settings"))
        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for setting in SETTINGS:
            if not setting.shown:
                continue
            field = self._field(setting.key, setting.minimum, setting.maximum)
            field.setAccessibleName(self.tr(setting.label))
            field.setToolTip(self.tr(setting.help))
            self.fields[setting.key] = field
            form.addRow(self.tr(setting.label) + ":", field)
        form.addRow(self.tr("Appearance:"), QLabel(self.tr("follows your system's theme and text size")))
        self.error = InlineError()
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.setAccessibleName(self.tr("Save settings"))
        self.save_button.clicked.connect(self.save)
        self.confirmation = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings")))
        layout.addLayout(form)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.confirmation)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self._load()

    def _field(self, key: str, minimum: int | None, maximum: int | None) -> QWidget:
        if key == "default_profile":
            combo = QComboBox()
            for profile in available_profiles().values():
                combo.addItem(profile.name, profile.id)
            return combo
        spin = QSpinBox()
        spin.setRange(minimum or 0, maximum or 10_000)
        return spin

    def _load(self) -> None:
        for key, field in self.fields.items():
            value = self._settings.get(key)
            if isinstance(field, QComboBox):
                field.setCurrentIndex(max(field.findData(value), 0))
            elif isinstance(field, QSpinBox):
                field.setValue(value)

    def save(self) -> None:
        try:
            for key, field in self.fields.items():
                value = field.currentData() if isinstance(field, QComboBox) else field.value()  # type: ignore[attr-defined]
                self._settings.set(key, value)
        except DhrError as exc:
            self.error.show_message(exc.message)
            return
        self.error.show_message("")
        self.confirmation.setText(self.tr("Saved."))
        self.saved.emit()

    def show_workspace(self, ws: UnlockedWorkspace) -> None:
        self._load()
        self.confirmation.clear()

    def clear(self) -> None:
        self.confirmation.clear()
