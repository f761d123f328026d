"""Guessing which column is which in an agency's chronology, and the coordinator's corrections."""

import pytest

from dhr_manager.domain.chronology_mapping import (
    Field,
    apply_overrides,
    guess_mapping,
    missing_fields,
    parse_map_option,
)
from dhr_manager.errors import InputError


@pytest.mark.parametrize(("headers", "expected"), [
    (["Date", "Time", "Source / record reference", "Event / contact", "Action / outcome", "Comments"],
     {Field.DATE: 0, Field.TIME: 1, Field.SOURCE: 2, Field.EVENT: 3, Field.ACTION: 4, Field.COMMENTS: 5}),
    (["Date of contact", "Details of contact", "Action taken", "Analysis"],
     {Field.DATE: 0, Field.EVENT: 1, Field.ACTION: 2, Field.COMMENTS: 3}),
    (["Ref", "When", "Description", "Outcome", "Notes"],
     {Field.SOURCE: 0, Field.DATE: 1, Field.EVENT: 2, Field.ACTION: 3, Field.COMMENTS: 4}),
    (["CONTACT DATE", "Record", "Summary of contact"],
     {Field.DATE: 0, Field.SOURCE: 1, Field.EVENT: 2}),
])
def test_common_headers_are_recognised(headers: list[str], expected: dict[Field, int]) -> None:
    assert guess_mapping(headers) == expected


def test_a_column_serves_one_field_and_unknown_columns_are_left_out() -> None:
    mapping = guess_mapping(["Date/time", "Officer", "Contact"])
    assert mapping == {Field.DATE: 0, Field.EVENT: 2}
    assert missing_fields(mapping) == []
    assert missing_fields(guess_mapping(["Officer", "Team"])) == [Field.DATE, Field.EVENT]


def test_the_map_option_overrides_by_name_or_number() -> None:
    headers = ["When it happened", "Narrative", "Follow-up"]
    assert parse_map_option("date=when it happened, event=2,action=Follow-up", headers) == {
        Field.DATE: 0, Field.EVENT: 1, Field.ACTION: 2}


@pytest.mark.parametrize(("text", "message"), [
    ("date", "should look like date=COL"),
    ("when=1", "not a chronology field"),
    ("date=9", "There is no column '9'"),
    ("event=Narative", "the columns are: When it happened, Narrative"),
])
def test_a_wrong_map_option_says_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_map_option(text, ["When it happened", "Narrative"])


def test_an_empty_choice_undoes_a_wrong_guess() -> None:
    headers = ["Date", "Event", "Notes"]
    overrides = parse_map_option("comments=,event=Event", headers)
    assert overrides == {Field.COMMENTS: None, Field.EVENT: 1}
    assert apply_overrides(guess_mapping(headers), overrides) == {Field.DATE: 0, Field.EVENT: 1}
