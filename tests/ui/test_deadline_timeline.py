"""The deadline timeline picture and its text equivalent, over the demo workspace's cases."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPixmap
from pytestqt.qtbot import QtBot

from dhr_manager.domain.calendar import add_months
from dhr_manager.services.overview import CaseOverview, case_overviews
from dhr_manager.storage.workspace import UnlockedWorkspace
from dhr_manager.ui.deadline_timeline import TODAY_COLOUR, DeadlineTimeline
from dhr_manager.ui.models.task_table_model import OVERDUE_RED

TODAY = date.today()  # the demo's dates are relative to the day it is built
LIVE = ["DHR-DEMO-01", "DHR-DEMO-02", "DHR-DEMO-04", "DHR-DEMO-05", "DHR-DEMO-06", "DHR-DEMO-07", "DHR-DEMO-08"]


@pytest.fixture(scope="module")
def overviews(demo_workspace: UnlockedWorkspace) -> list[CaseOverview]:
    """The demo's eight cases as the dashboard reads them."""
    return case_overviews(demo_workspace, TODAY)


@pytest.fixture
def timeline(qtbot: QtBot, overviews: list[CaseOverview]) -> DeadlineTimeline:
    timeline = DeadlineTimeline()
    qtbot.addWidget(timeline)
    timeline.set_cases(overviews, TODAY)
    timeline.resize(timeline.sizeHint().expandedTo(timeline.size()))
    timeline.show()
    qtbot.waitExposed(timeline)
    return timeline


def has_colour(image: QImage, colour: QColor) -> bool:
    """Whether any pixel is exactly `colour`, searched in the raw bytes instead of pixel by pixel."""
    pixels = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(pixels.constBits())
    wanted = QColor(colour).rgb().to_bytes(4, "little")  # 0xffRRGGBB, stored B, G, R, 255
    at = data.find(wanted)
    while at != -1 and at % 4:
        at = data.find(wanted, at + 1)
    return at != -1


def test_the_text_equivalent_has_one_line_per_live_case_in_words_relative_to_today(
        timeline: DeadlineTimeline) -> None:
    lines = timeline.text_equivalent().splitlines()
    assert sorted(line.split(" ", 1)[0] for line in lines) == LIVE
    gina = next(line for line in lines if line.startswith("DHR-DEMO-05"))
    assert gina.startswith("DHR-DEMO-05 (Gina): Chronology stage since ")
    assert "; next: Chronology and report due from the agency — Harbour Housing, 28 days overdue" in gina
    assert gina.endswith("; 3 open deadlines, 2 overdue")
    iris = next(line for line in lines if line.startswith("DHR-DEMO-06"))
    assert iris.startswith("DHR-DEMO-06 (Iris) — paused: Chronology stage")
    assert "(clock paused)" in iris
    decision = add_months(TODAY - timedelta(days=6), 1)  # the newest referral came 6 days ago; a month to decide
    assert f"due in {(decision - TODAY).days} days" in next(line for line in lines if line.startswith("DHR-DEMO-01"))
    assert timeline.accessibleDescription() == timeline.text_equivalent()


def test_closed_cases_are_left_out_unless_asked_for(timeline: DeadlineTimeline,
                                                    overviews: list[CaseOverview]) -> None:
    assert "DHR-DEMO-03" not in timeline.text_equivalent()
    timeline.set_cases(overviews, TODAY, live_only=False)
    assert "DHR-DEMO-03 (Cara): Closed stage" in timeline.text_equivalent()
    assert len(timeline.text_equivalent().splitlines()) == 8


def test_the_picture_grows_by_one_row_height_per_case(qtbot: QtBot, overviews: list[CaseOverview]) -> None:
    live = [o for o in overviews if o.live]
    timeline = DeadlineTimeline()
    qtbot.addWidget(timeline)
    heights = []
    for count in (1, 2, len(live)):
        timeline.set_cases(live[:count], TODAY)
        heights.append(timeline.sizeHint().height())
    one, two, seven = heights
    assert two > one
    assert seven - one == 6 * (two - one)


def test_the_picture_paints_today_and_the_overdue_markers(timeline: DeadlineTimeline) -> None:
    pixmap: QPixmap = timeline.grab()
    assert not pixmap.isNull()
    image = pixmap.toImage()
    assert has_colour(image, TODAY_COLOUR)
    assert has_colour(image, OVERDUE_RED)


def test_an_emptied_timeline_looks_as_if_nothing_had_been_shown(qtbot: QtBot, timeline: DeadlineTimeline) -> None:
    timeline.clear()
    assert timeline.text_equivalent() == ""
    assert timeline.accessibleDescription() == ""
    never_filled = DeadlineTimeline()
    qtbot.addWidget(never_filled)
    never_filled.resize(timeline.size())
    assert timeline.grab().toImage() == never_filled.grab().toImage()


def test_save_png_writes_the_whole_picture(timeline: DeadlineTimeline, tmp_path: Path) -> None:
    path = tmp_path / "timeline.png"
    timeline.save_png(path)
    saved = QImage(str(path))
    assert not saved.isNull()
    assert saved.width() >= timeline.sizeHint().width() and saved.height() >= timeline.sizeHint().height()
    assert has_colour(saved, TODAY_COLOUR)
