"""Help > User guide and Help > About DHR Manager, and the application icon."""

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from dhr_manager import __version__
from dhr_manager.paths import log_dir
from dhr_manager.settings import Settings, settings_path
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui import about_dialog
from dhr_manager.ui.about_dialog import AboutDialog
from dhr_manager.ui.main_window import MainWindow
from tests.conftest import REPO


@pytest.fixture
def window(qtbot: QtBot, unlocked: UnlockedWorkspace, tmp_path: Path) -> MainWindow:
    window = MainWindow(unlocked, Settings(tmp_path / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What the desktop was asked to open, instead of opening it."""
    urls: list[QUrl] = []
    monkeypatch.setattr(about_dialog, "open_url", lambda url: urls.append(url) or True)
    return urls


def help_menu_texts(window: MainWindow) -> list[str]:
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    return [action.text() for action in menus["&Help"].actions()]


def test_the_help_menu_offers_the_user_guide_and_about(window: MainWindow) -> None:
    assert help_menu_texts(window) == ["&User guide", "&About DHR Manager"]
    assert window.user_guide_action.shortcut().toString() == "F1"


def test_user_guide_opens_the_guide_shipped_with_the_application(window: MainWindow, opened: list[QUrl]) -> None:
    window.user_guide_action.trigger()

    assert [url.toLocalFile() for url in opened] == [str(REPO / "docs" / "user-guide.md")]


def test_without_the_guide_the_user_is_told_where_it_is(window: MainWindow, opened: list[QUrl],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(about_dialog, "user_guide", lambda: None)

    window.user_guide_action.trigger()

    assert opened == []
    box = window.findChild(QMessageBox)
    assert box is not None and "docs/user-guide.md" in box.text()


def test_about_shows_version_licence_where_data_lives_and_security(window: MainWindow,
                                                                   unlocked: UnlockedWorkspace) -> None:
    window.about_action.trigger()

    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "About DHR Manager"
    assert dialog.workspace_label.text() == str(unlocked.path)
    assert dialog.settings_label.text() == str(settings_path().parent)
    assert dialog.logs_label.text() == str(log_dir())
    assert "GPL-3.0-or-later" in dialog.licence_label.text()
    assert len(dialog.security_label.text().splitlines()) == 2
    assert "encrypted" in dialog.security_label.text()
    texts = [label.text() for label in dialog.findChildren(type(dialog.licence_label))]
    assert f"DHR Manager {__version__}" in texts


def test_help_still_works_while_the_workspace_is_locked(window: MainWindow, unlocked: UnlockedWorkspace,
                                                        opened: list[QUrl]) -> None:
    window.lock()

    assert window.about_action.isEnabled() and window.user_guide_action.isEnabled()
    window.user_guide_action.trigger()
    assert len(opened) == 1
    # The path is the one the window showed; nothing decrypted is needed to show it.
    assert window.show_about().workspace_label.text() == str(unlocked.path)


def test_the_application_has_its_icon_at_small_and_large_sizes(window: MainWindow) -> None:
    icon = QApplication.windowIcon()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes
    image = icon.pixmap(256, 256).toImage()
    assert image.pixelColor(128, 128).alpha() == 255  # drawn, not an empty placeholder
    assert image.pixelColor(0, 0).alpha() == 0  # on a transparent background
    assert AboutDialog(None).workspace_label.text() == "No workspace open"
