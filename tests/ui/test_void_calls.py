"""Guards against a Qt wheel that crashes the interpreter after many calls returning nothing.

PySide6 6.12.0 on Python 3.11 drops a reference to None on each such call and aborts with
"Fatal Python error: none_dealloc" (shared/qt-system-packages.txt); small tests pass, real use crashes.
"""

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_hundreds_of_thousands_of_void_qt_calls_do_not_crash_the_interpreter(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    for number in range(300_000):
        label.setText(str(number))
    assert label.text() == "299999"
