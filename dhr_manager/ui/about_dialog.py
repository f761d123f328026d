"""Help > About DHR Manager: the version, the licence, where the data lives and the security model, for the user
and for IT; and Help > User guide, which opens the guide shipped with the application."""

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dhr_manager import __version__
from dhr_manager.paths import log_dir
from dhr_manager.resources_path import user_guide
from dhr_manager.settings import settings_path
from dhr_manager.ui.app_icon import icon_pixmap
from dhr_manager.ui.labels import heading, paragraph

LICENCE = "GPL-3.0-or-later"


def open_user_guide() -> Path | None:
    """Open the user guide in the system's viewer for Markdown files; the guide's path, or None when this
    installation does not include it (an installed wheel). Tests replace `open_url`."""
    guide = user_guide()
    if guide is not None:
        open_url(QUrl.fromLocalFile(str(guide)))
    return guide


def open_url(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def _selectable(text: str) -> QLabel:
    """A path the user may need to copy into a file manager or an e-mail to IT."""
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


class AboutDialog(QDialog):
    def __init__(self, workspace_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About DHR Manager"))
        self.setMinimumWidth(560)

        logo = QLabel()
        logo.setPixmap(icon_pixmap(64))
        logo.setAccessibleName(self.tr("DHR Manager icon"))
        title = QVBoxLayout()
        title.addWidget(heading(self.tr("DHR Manager {version}").format(version=__version__)))
        title.addWidget(paragraph(self.tr("Case management for domestic homicide reviews.")))
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(title, 1)

        self.workspace_label = _selectable(str(workspace_path) if workspace_path else self.tr("No workspace open"))
        self.settings_label = _selectable(str(settings_path().parent))
        self.logs_label = _selectable(str(log_dir()))
        places = QFormLayout()
        places.addRow(self.tr("Workspace:"), self.workspace_label)
        places.addRow(self.tr("Settings:"), self.settings_label)
        places.addRow(self.tr("Log files:"), self.logs_label)

        self.security_label = paragraph(self.tr(
            "Everything about a case is encrypted in the workspace file, and only a user's passphrase or the "
            "recovery key can open it; nothing readable is kept anywhere else, not even in the log files.\n"
            "Every change is recorded in a chained audit log that shows any tampering, and drafts are checked for "
            "real names before they leave the application."))
        self.licence_label = paragraph(self.tr(
            "Free software under the GNU General Public License, version 3 or any later version ({licence}). "
            "It comes with no warranty.").format(licence=LICENCE))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(heading(self.tr("Where your data lives")))
        layout.addLayout(places)
        layout.addWidget(paragraph(self.tr(
            "Back up the workspace file from File > Back up workspace; a backup is encrypted like the workspace. "
            "Uninstalling DHR Manager never removes workspaces or settings.")))
        layout.addSpacing(8)
        layout.addWidget(heading(self.tr("How your data is protected")))
        layout.addWidget(self.security_label)
        layout.addSpacing(8)
        layout.addWidget(self.licence_label)
        layout.addWidget(buttons)
