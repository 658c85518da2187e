"""Rows of the platform tables: regions, municipalities, organisations, staff."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from kindveilig.accounts.models import Membership, User
from kindveilig.organisations.models import Municipality, Organisation, Region
from kindveilig.scale.loading import Row

__all__ = [
    "MembershipRow",
    "MunicipalityRow",
    "OrganisationRow",
    "RegionRow",
    "UserRow",
]


@dataclass(frozen=True, slots=True)
class RegionRow(Row):
    MODEL = Region
    id: int
    name: str
    code: str


@dataclass(frozen=True, slots=True)
class MunicipalityRow(Row):
    MODEL = Municipality
    id: int
    region: int
    name: str
    cbs_code: str


@dataclass(frozen=True, slots=True)
class OrganisationRow(Row):
    MODEL = Organisation
    id: int
    public_id: uuid.UUID
    name: str
    type: str
    municipality: int
    external_code: str | None
    is_active: bool
    created_at: datetime
    updated_at: datetime
    address: str = ""
    register: str = ""


@dataclass(frozen=True, slots=True)
class UserRow(Row):
    MODEL = User
    id: int
    public_id: uuid.UUID
    email: str
    full_name: str
    password: str
    is_active: bool
    date_joined: datetime
    failed_login_count: int


@dataclass(frozen=True, slots=True)
class MembershipRow(Row):
    MODEL = Membership
    user: int
    organisation: int
    role: str
    is_active: bool
    created_at: datetime
    updated_at: datetime
    is_deputy: bool = False
