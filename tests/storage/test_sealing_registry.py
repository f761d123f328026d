"""Every column is either sealed or plain with a written reason; sealed columns hold only bytes."""

from sqlalchemy import LargeBinary

from dhr_manager.storage.schema import Base
from dhr_manager.storage.sealing import PLAIN, SEALED


def test_every_column_is_listed_exactly_once() -> None:
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            sealed = column.name in SEALED.get(table.name, {})
            plain = column.name in PLAIN.get(table.name, {})
            assert sealed != plain, f"{table.name}.{column.name} must be either sealed or plain, not {sealed=}"


def test_plain_columns_have_a_reason_and_exist() -> None:
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    for table, columns in PLAIN.items():
        for name, reason in columns.items():
            assert len(reason) > 5, f"{table}.{name} needs a reason to stay plain"
            if table != "alembic_version":
                assert name in tables[table].columns, f"{table}.{name} is listed but not in the schema"


def test_sealed_columns_are_binary_in_the_schema() -> None:
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    for table, columns in SEALED.items():
        for name in columns:
            assert isinstance(tables[table].columns[name].type, LargeBinary), f"{table}.{name}"


def test_dates_of_death_and_people_details_are_sealed() -> None:
    assert {"date_of_death", "notified_on", "area", "reference"} <= set(SEALED["cases"])
    assert {"name", "pseudonym", "date_of_birth", "address"} <= set(SEALED["people"])
