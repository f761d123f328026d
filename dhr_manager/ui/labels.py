"""The kinds of text label every dialog shares, so headings, explanations and errors look alike everywhere."""

from PySide6 import QtGui
from PySide6.QtWidgets import QLabel, QWidget


def heading(text: str) -> QLabel:
    """A dialog's title line, a step larger and bold, so which step the user is on is clear at a glance."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def paragraph(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


class InlineError(QLabel):
    """A problem the user can fix, shown next to the fields instead of in a message box.

    It takes no room while empty and is announced to screen readers when it appears.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        # Red helps sighted users notice it; the words carry the meaning, so colour is never the only signal.
        self.setStyleSheet("color: #a4000f;")
        self.setAccessibleName(self.tr("Problem"))
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if text:
            # QtGui.QAccessible when first needed: PySide sets the class up (about 5 ms) on its first use, which
            # need not hold up the unlock dialog.
            QtGui.QAccessible.updateAccessibility(QtGui.QAccessibleAnnouncementEvent(self, text))
