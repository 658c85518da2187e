"""Rows of Praat erover: public channels, youth conversations and messages."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from kindveilig.scale.loading import Row
from kindveilig.youth.messages.models import (
    PublicChannel,
    YouthConversation,
    YouthMessage,
)

__all__ = ["PublicChannelRow", "YouthConversationRow", "YouthMessageRow"]


@dataclass(frozen=True, slots=True)
class PublicChannelRow(Row):
    MODEL = PublicChannel
    id: int
    created_at: datetime
    updated_at: datetime
    organisation: int
    public_code: str
    display_name: str
    enabled: bool
    misuse_count: int


@dataclass(frozen=True, slots=True)
class YouthConversationRow(Row):
    MODEL = YouthConversation
    id: int
    public_id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    organisation: int
    code_hash: str
    status: str
    is_urgent: bool
    danger_categories: str
    waiting_since: datetime | None
    last_activity_at: datetime
    first_name: str
    contact: str
    is_misuse: bool
    misuse_reason: str
    escalation_step: int


@dataclass(frozen=True, slots=True)
class YouthMessageRow(Row):
    MODEL = YouthMessage
    created_at: datetime
    updated_at: datetime
    conversation: int
    sender: str
    body: str
    author: int | None
    is_urgent: bool
    danger_categories: str
    language: str
