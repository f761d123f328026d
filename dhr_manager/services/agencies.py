"""The workspace's agency register: each agency once, with its type and contact, reused by every case.

Cases name agencies in their events and chronologies. Whenever a case names one, `register` returns the
register's spelling (adding the agency as type "other" the first time), so one force is never three agencies.
Renaming an agency changes the register only; what was recorded on cases keeps the name it had then.
"""

from sqlalchemy import select

from dhr_manager.domain.agencies import AgencyType, AgencyView, agency_key
from dhr_manager.domain.cases import UNREADABLE, require_text
from dhr_manager.domain.roles import Permission
from dhr_manager.errors import InputError, NotFound
from dhr_manager.storage.schema import AgencyRow
from dhr_manager.storage.workspace import UnitOfWork, UnlockedWorkspace

NAME_LIMIT = 200
CONTACT_LIMIT = 300


def _index(ws: UnlockedWorkspace, name: str) -> str:
    return ws.blind_index(f"agency|{agency_key(name)}")


def _find(ws: UnlockedWorkspace, uow: UnitOfWork, name: str) -> AgencyRow | None:
    return uow.session.scalars(select(AgencyRow).where(AgencyRow.name_index == _index(ws, name))).first()


def _view(uow: UnitOfWork, row: AgencyRow) -> AgencyView:
    flags: list[str] = []
    return AgencyView(row.id, uow.sealer.get_or_flag(row, "name", flags) or UNREADABLE, AgencyType(row.kind),
                      uow.sealer.get_or_flag(row, "contact", flags))


def _clean_name(name: str) -> str:
    return " ".join(require_text(name, "The agency's name", limit=NAME_LIMIT).split())


def _clean_contact(contact: str | None) -> str | None:
    contact = " ".join((contact or "").split())
    if len(contact) > CONTACT_LIMIT:
        raise InputError(f"The contact is longer than {CONTACT_LIMIT} characters.")
    return contact or None


def spelling(ws: UnlockedWorkspace, uow: UnitOfWork, name: str) -> str:
    """The register's spelling of `name`, or `name` tidied when the register does not have it yet."""
    name = _clean_name(name)
    row = _find(ws, uow, name)
    return name if row is None else uow.sealer.get(row, "name")


def register(ws: UnlockedWorkspace, uow: UnitOfWork, name: str) -> str:
    """The register's spelling of `name`, adding the agency (type "other") inside the caller's write unit."""
    name = _clean_name(name)
    row = _find(ws, uow, name)
    if row is not None:
        return uow.sealer.get(row, "name")
    _insert(ws, uow, name, AgencyType.OTHER, None)
    return name


def _insert(ws: UnlockedWorkspace, uow: UnitOfWork, name: str, kind: AgencyType, contact: str | None) -> AgencyRow:
    row = AgencyRow(name_index=_index(ws, name), kind=kind.value)
    uow.sealer.put(row, "name", name)
    uow.sealer.put(row, "contact", contact)
    uow.session.add(row)
    uow.record("agency.add", "agencies", row.id)
    return row


def add_agency(ws: UnlockedWorkspace, name: str, kind: AgencyType, contact: str | None = None) -> AgencyView:
    """Add an agency to the register; a name already there (in any spelling) is refused."""
    ws.require(Permission.EDIT_CASES)
    name, contact = _clean_name(name), _clean_contact(contact)
    with ws.unit_of_work(write=True) as uow:
        existing = _find(ws, uow, name)
        if existing is not None:
            raise InputError(f"{uow.sealer.get(existing, 'name')} is already in the register.")
        row = _insert(ws, uow, name, kind, contact)
        return AgencyView(row.id, name, kind, contact)


def update_agency(ws: UnlockedWorkspace, name: str, new_name: str | None = None, kind: AgencyType | None = None,
                  contact: str | None = None) -> AgencyView:
    """Change an agency's name, type or contact (`contact=""` removes it); unchanged fields stay."""
    ws.require(Permission.EDIT_CASES)
    with ws.unit_of_work(write=True) as uow:
        row = _find(ws, uow, name)
        if row is None:
            raise NotFound(f"No agency called {' '.join(name.split())} is in the register.")
        if new_name is not None:
            new_name = _clean_name(new_name)
            other = _find(ws, uow, new_name)
            if other is not None and other.id != row.id:
                raise InputError(f"{uow.sealer.get(other, 'name')} is already in the register.")
            row.name_index = _index(ws, new_name)
            uow.sealer.put(row, "name", new_name)
        if kind is not None:
            row.kind = kind.value
        if contact is not None:
            uow.sealer.put(row, "contact", _clean_contact(contact))
        uow.record("agency.update", "agencies", row.id)
        return _view(uow, row)


def list_agencies(ws: UnlockedWorkspace) -> list[AgencyView]:
    """The whole register, alphabetically."""
    ws.require(Permission.READ_ALL_CASES)
    with ws.unit_of_work() as uow:
        views = [_view(uow, row) for row in uow.session.scalars(select(AgencyRow))]
    return sorted(views, key=lambda view: view.name.casefold())
