"""Praat erover: a public channel per municipality and the conversations children
start on it, as ``youth.messages.services`` writes them.

A school (or else a club or kinderopvang) in each municipality has a channel;
conversations come at ``dist.YOUTH_CONVERSATIONS_PER_TRAJECTORY`` and have 2-6
messages, the child's and the aandachtsfunctionaris' answers in turn. Messages,
first names are encrypted (real Fernet tokens from the pool). Conversations are
deleted after the retention period without activity, so all are recent. The
pick-up code is never stored; ``code_hash`` is a unique keyed-hash-sized value
that no code produces (nobody needs to pick a synthetic conversation up).
"""

import hashlib
import random
from datetime import datetime, timedelta

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.organisations.models import OrganisationType
from kindveilig.youth.messages.models import (
    ConversationStatus,
    DangerCategory,
    PublicChannel,
    Sender,
    YouthConversation,
)
from kindveilig.youth.messages.services import retention_days

from . import distributions as dist
from .gen_common import AuditRow, Rows
from .loading import Loader, Org, uuid4_from
from .pools import SYNTH, CipherPool
from .rows.youth import PublicChannelRow, YouthConversationRow, YouthMessageRow

__all__ = ["Youth"]

CHANNEL_TYPES = (
    OrganisationType.PRIMARY_SCHOOL,
    OrganisationType.SECONDARY_SCHOOL,
    OrganisationType.SPORT_CULTURE_CLUB,
    OrganisationType.KINDEROPVANG,
)
CONVERSATION = "youthmessages.youthconversation"

# The language of the page a child wrote on, by share out of 50 (an assumption
# for Den Haag, docs/performance.md): taken from the conversation's number, so
# the random stream of everything else stays as it was.
PAGE_LANGUAGES = ("nl",) * 38 + ("en",) * 4 + ("ar",) * 3 + ("tr",) * 3 + ("pl", "uk")


def _page_language(conversation_id: int) -> str:
    return PAGE_LANGUAGES[conversation_id % len(PAGE_LANGUAGES)]


AF = str(Role.AANDACHTSFUNCTIONARIS)


class Youth:
    SERIAL = (PublicChannel, YouthConversation)

    def __init__(
        self,
        *,
        loader: Loader,
        rng: random.Random,
        now: datetime,
        ciphers: CipherPool,
        orgs: list[Org],
        slice_name: str,
    ) -> None:
        self.rng, self.now, self.c, self.slice = rng, now, ciphers, slice_name
        self.next_id = loader.next_id(YouthConversation)
        self.next_channel = loader.next_id(PublicChannel)
        self.window = timedelta(days=retention_days())
        self.owed = 0.0  # conversations carried from chunk to chunk
        self.rows = Rows((PublicChannelRow, YouthConversationRow, YouthMessageRow))
        by_municipality: dict[int, Org] = {}
        rank = {str(kind): index for index, kind in enumerate(CHANNEL_TYPES)}
        for org in orgs:
            if org.type not in rank:
                continue
            best = by_municipality.get(org.municipality)
            if best is None or rank[org.type] < rank[best.type]:
                by_municipality[org.municipality] = org
        self.channels = sorted(by_municipality.values(), key=lambda org: org.id)

    def open_channels(self, audit: list[AuditRow]) -> None:
        for org in self.channels:
            channel = self.next_channel
            self.next_channel += 1
            self.rows.add(
                PublicChannelRow(
                    id=channel,
                    created_at=self.now,
                    updated_at=self.now,
                    organisation=org.id,
                    public_code=f"SYNTH{org.id}",
                    display_name=f"Praat erover {org.id}{SYNTH}",
                    enabled=True,
                    misuse_count=0,
                )
            )
            audit.append(
                (
                    self.now,
                    org.aandachtsfunctionarissen[0],
                    org.id,
                    AF,
                    AuditAction.CREATE,
                    None,
                    "youthmessages.publicchannel",
                    str(channel),
                )
            )

    def chunk(self, trajectories: int, audit: list[AuditRow]) -> None:
        self.owed += trajectories * dist.YOUTH_CONVERSATIONS_PER_TRAJECTORY
        count, self.owed = int(self.owed), self.owed - int(self.owed)
        if not self.channels:
            return
        for _n in range(count):
            self._conversation(self.rng.choice(self.channels), audit)

    def _conversation(self, org: Org, audit: list[AuditRow]) -> None:
        rng = self.rng
        cid = self.next_id
        self.next_id += 1
        public_id = uuid4_from(rng)
        started = self.now - self.window * rng.random()
        urgent = rng.random() < dist.YOUTH_URGENT_SHARE
        categories = _categories(urgent)
        af = org.aandachtsfunctionarissen[0]
        about = (org.id, str(public_id))
        at, waiting = self._messages(
            cid, af, started, urgent=urgent, about=about, audit=audit
        )
        audit.append(_event(about, started, None, AuditAction.CREATE))
        closed = waiting is None and rng.random() < dist.YOUTH_CLOSED_SHARE
        if closed:
            audit.append(_event(about, at, af, AuditAction.UPDATE))
        self.rows.add(
            YouthConversationRow(
                id=cid,
                public_id=public_id,
                created_at=started,
                updated_at=at,
                organisation=org.id,
                code_hash=hashlib.sha256(
                    f"synthetic:{self.slice}:{cid}".encode()
                ).hexdigest(),
                status=ConversationStatus.CLOSED if closed else ConversationStatus.OPEN,
                is_urgent=urgent,
                danger_categories=categories,
                waiting_since=waiting,
                last_activity_at=at,
                first_name=self.c("youth_name") if rng.random() < 0.5 else "",
                contact="",
                is_misuse=False,
                misuse_reason="",
                # Synthetic urgent messages count as opened: none escalates.
                escalation_step=0,
            )
        )

    def _messages(
        self,
        cid: int,
        af: int,
        started: datetime,
        *,
        urgent: bool,
        about: tuple[int, str],
        audit: list[AuditRow],
    ) -> tuple[datetime, datetime | None]:
        """The child's messages and the aandachtsfunctionaris' answers in turn
        (the first message carries the danger categories). Returns the time of
        the last message and since when the child waits for an answer, if so."""
        rng = self.rng
        categories = _categories(urgent)
        at, waiting = started, None
        for number in range(rng.randint(*dist.YOUTH_MESSAGES)):
            child = number % 2 == 0
            if number:
                at = min(self.now, at + timedelta(hours=rng.uniform(0.2, 48)))
            self.rows.add(
                YouthMessageRow(
                    created_at=at,
                    updated_at=at,
                    conversation=cid,
                    sender=Sender.CHILD if child else Sender.STAFF,
                    body=self.c("youth_child" if child else "youth_staff"),
                    author=None if child else af,
                    is_urgent=urgent and number == 0,
                    danger_categories=categories if number == 0 else "[]",
                    language=_page_language(cid) if child else "",
                )
            )
            if child:
                waiting = waiting or at
                if number:  # the child writes again: an anonymous update
                    audit.append(_event(about, at, None, AuditAction.UPDATE))
            else:  # the aandachtsfunctionaris reads and answers
                waiting = None
                audit.append(_event(about, at, af, AuditAction.READ))
                audit.append(_event(about, at, af, AuditAction.UPDATE))
        return at, waiting


def _categories(urgent: bool) -> str:
    """The danger categories (JSON) of an urgent conversation and its first message."""
    return f'["{DangerCategory.UNSAFE_HOME}"]' if urgent else "[]"


def _event(
    about: tuple[int, str], when: datetime, user: int | None, action: str
) -> AuditRow:
    """An audit row about a conversation (``about``: its organisation and public
    id): by the child (no user) or by the organisation's aandachtsfunctionaris."""
    organisation, public_id = about
    if user is None:
        return (when, None, None, "", action, None, CONVERSATION, public_id)
    return (when, user, organisation, AF, action, None, CONVERSATION, public_id)
