"""How strong a new passphrase looks, shown in words (and a bar) while the user types it."""

from enum import IntEnum

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from dhr_manager.storage.workspace import MIN_PASSPHRASE_LENGTH

# Fewer distinct characters than this is a keyboard run or a repeated letter, whatever its length.
_MIN_DISTINCT = 6


class Strength(IntEnum):
    WEAK = 1
    FAIR = 2
    STRONG = 3


def rate_passphrase(text: str) -> Strength:
    """Length counts most (a few unrelated words beat a short mix of symbols); variety helps a shorter one."""
    if len(text) < MIN_PASSPHRASE_LENGTH or len(set(text)) < _MIN_DISTINCT:
        return Strength.WEAK
    classes = sum(any(test(ch) for ch in text)
                  for test in (str.islower, str.isupper, str.isdigit, lambda ch: not ch.isalnum()))
    if len(text) >= 20 or (len(text) >= 16 and classes >= 3):
        return Strength.STRONG
    return Strength.FAIR


class PassphraseStrengthMeter(QWidget):
    """A bar and a sentence: the sentence says weak, fair or strong and what would make it stronger."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setRange(0, Strength.STRONG)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(90)
        self.bar.setAccessibleName(self.tr("Passphrase strength bar"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Passphrase strength"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1)
        self.setAccessibleName(self.tr("Passphrase strength"))
        self.show_strength("")

    def show_strength(self, passphrase: str) -> None:
        strength = rate_passphrase(passphrase)
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            text = self.tr("Strength: weak. Use at least %n characters; a few unrelated words make a good passphrase.",
                           "", MIN_PASSPHRASE_LENGTH)
        elif strength is Strength.WEAK:
            text = self.tr("Strength: weak. Too many repeated characters.")
        elif strength is Strength.FAIR:
            text = self.tr("Strength: fair. Another word would make it strong.")
        else:
            text = self.tr("Strength: strong.")
        self.bar.setValue(strength if passphrase else 0)
        self.label.setText(text)
