"""The user guide shows only pictures the screenshot tool makes, so none can be stale or hand-made."""

import re

from tests.conftest import REPO
from tests.helpers.tools import load_tool

GUIDE = REPO / "docs" / "user-guide.md"


def test_every_picture_in_the_guide_is_one_the_screenshot_tool_makes_and_exists() -> None:
    tool = load_tool("screenshots.py")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE.read_text(encoding="utf-8"))

    assert pictures, "the guide shows no pictures"
    for picture in pictures:
        assert picture.startswith("images/") and picture.endswith(".png"), picture
        assert picture.removeprefix("images/").removesuffix(".png") in tool.NAMES, \
            f"{picture} is not made by tools/screenshots.py"
        assert (GUIDE.parent / picture).is_file(), f"{picture} is missing: run tools/screenshots.py"
    assert GUIDE.parent / "images" == tool.DOCS_IMAGES


def test_the_guide_links_only_to_files_and_sections_that_exist() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    anchors = {re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")
               for title in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}
    for target in re.findall(r"(?<!!)\[[^\]]*\]\(([^)]+)\)", text):
        if target.startswith("#"):
            assert target[1:] in anchors, target
        else:
            assert (GUIDE.parent / target).is_file(), target
