"""Rows of the Verwijsindex (signals, matches, notices) and of trajectory shares."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from kindveilig.meldcode.models import Share
from kindveilig.scale.loading import Row
from kindveilig.verwijsindex.models import Match, MatchNotice, Signal

__all__ = ["MatchNoticeRow", "MatchRow", "ShareRow", "SignalRow"]


@dataclass(frozen=True, slots=True)
class SignalRow(Row):
    MODEL = Signal
    id: int
    public_id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    person: int
    bsn_index: str
    organisation: int
    contact_user: int
    contact_phone: str
    source_type: str
    source_id: str
    is_regie: bool
    parents_informed: bool
    status: str
    active_until: datetime
    archived_at: datetime | None
    delete_after: datetime | None


@dataclass(frozen=True, slots=True)
class MatchRow(Row):
    MODEL = Match
    id: int
    first: int
    second: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MatchNoticeRow(Row):
    MODEL = MatchNotice
    public_id: uuid.UUID
    match: int
    user: int
    own_signal: int
    other_signal: int
    created_at: datetime
    seen_at: datetime | None
    emailed_at: datetime


@dataclass(frozen=True, slots=True)
class ShareRow(Row):
    MODEL = Share
    public_id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    trajectory: int
    from_organisation: int
    shared_by: int
    to_organisation: int
    to_user: int | None
    legal_basis: str
    consent_given_by: str
    consent_given_on: date
    reason: str
