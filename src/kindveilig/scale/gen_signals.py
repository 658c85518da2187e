"""Verwijsindex signals and matches, as ``chain.services`` leaves them.

``trajectory_start`` registers a signal per child (contact: the owner); a safety
case registers a regie signal per child (contact: the regievoerder) and ends
them when it closes. Nothing ends a trajectory's signal when the trajectory
closes: the retention job archives a signal after its active period (2 years)
and deletes it after the archive period (5 more years). The generator writes
each signal in the state it would have now: active, archived, or not at all
(deleted). ``bsn_index`` is the child's blind index, as the service copies it,
so a real registration for the same BSN matches the generated signals.
"""

import random
import uuid
from datetime import datetime, timedelta

from kindveilig.audit.models import AuditAction
from kindveilig.verwijsindex.models import Match, Signal, SignalStatus
from kindveilig.verwijsindex.services import signal_active_days, signal_archive_days

from .gen_common import AuditRow, ChildRef, Rows, TrajectoryFacts
from .loading import Loader, uuid4_from
from .rows.signals import MatchNoticeRow, MatchRow, SignalRow

__all__ = ["Signals"]

SIGNAL = "chain.signal"
MATCH = "chain.match"


class Signals:
    SERIAL = (Signal, Match)

    def __init__(self, *, loader: Loader, rng: random.Random, now: datetime) -> None:
        self.rng, self.now = rng, now
        self.next_signal = loader.next_id(Signal)
        self.next_match = loader.next_id(Match)
        self.active_for = timedelta(days=signal_active_days())
        self.archived_for = timedelta(days=signal_archive_days())
        # (organisation, contact, blind index) of the active signals written: the
        # service renews such a signal instead of adding a second one.
        self.active: set[tuple[int, int, str]] = set()
        self.rows = Rows((SignalRow, MatchRow, MatchNoticeRow))

    def register(
        self,
        *,
        child: ChildRef,
        organisation: int,
        contact: int,
        role: str,
        at: datetime,
        source: tuple[str, str],
        is_regie: bool,
        ended: datetime | None,
        audit: list[AuditRow],
    ) -> int | None:
        """The signal's id, or None when the service would have renewed another
        one (same contact, same child) or retention has deleted it by now."""
        person_id, person, index = child
        active_until = at + self.active_for
        state = self._state((organisation, contact, index), active_until, ended)
        if state is None:
            return None
        status, archived_at_or_none, delete_after = state
        signal_id = self.next_signal
        self.next_signal += 1
        public_id = uuid4_from(self.rng)
        self.rows.add(
            SignalRow(
                id=signal_id,
                public_id=public_id,
                created_at=at,
                updated_at=archived_at_or_none or at,
                person=person_id,
                bsn_index=index,
                organisation=organisation,
                contact_user=contact,
                contact_phone="",
                source_type=source[0],
                source_id=source[1],
                is_regie=is_regie,
                parents_informed=self.rng.random() < 0.6,
                status=status,
                active_until=active_until,
                archived_at=archived_at_or_none,
                delete_after=delete_after,
            )
        )
        audit.append(
            (
                at,
                contact,
                organisation,
                role,
                AuditAction.CREATE,
                person,
                SIGNAL,
                str(public_id),
            )
        )
        if ended is not None and ended <= self.now and ended < active_until:
            audit.append(
                (
                    ended,
                    contact,
                    organisation,
                    role,
                    AuditAction.UPDATE,
                    person,
                    SIGNAL,
                    str(public_id),
                )
            )
        return signal_id

    def _state(
        self, key: tuple[int, int, str], active_until: datetime, ended: datetime | None
    ) -> tuple[str, datetime | None, datetime | None] | None:
        """(status, archived at, delete after) of a signal now, or None when the
        service would have renewed another one (``key``: the same organisation,
        contact and child) or retention has deleted it by now."""
        archived_at = min(ended or active_until, active_until)
        if archived_at > self.now:
            if key in self.active:
                return None
            self.active.add(key)
            return SignalStatus.ACTIVE, None, None
        delete_after = archived_at + self.archived_for
        if delete_after <= self.now:
            return None
        return SignalStatus.ARCHIVED, archived_at, delete_after

    def for_trajectory(
        self, t: TrajectoryFacts, audit: list[AuditRow]
    ) -> dict[int, int | None]:
        """``trajectory_start``: one signal per child; person id → signal id."""
        return {
            kid[0]: self.register(
                child=kid,
                organisation=t.org.id,
                contact=t.owner,
                role=t.owner_role,
                at=t.created,
                source=("meldcode.trajectory", str(t.public_id)),
                is_regie=False,
                ended=None,
                audit=audit,
            )
            for kid in t.kids
        }

    def match(
        self,
        *,
        earlier: tuple[int, int],
        later: tuple[int, int],
        at: datetime,
        actor: tuple[int, int, str],
        person: uuid.UUID,
        audit: list[AuditRow],
    ) -> None:
        """``_match``: the later registration finds the earlier signal of another
        organisation; both contact persons get a notice. ``earlier`` and
        ``later`` are (signal id, contact user)."""
        match_id = self.next_match
        self.next_match += 1
        first, second = sorted((earlier[0], later[0]))
        self.rows.add(MatchRow(id=match_id, first=first, second=second, created_at=at))
        seen = at + timedelta(days=self.rng.randint(0, 10))
        for own, other in ((later, earlier), (earlier, later)):
            self.rows.add(
                MatchNoticeRow(
                    public_id=uuid4_from(self.rng),
                    match=match_id,
                    user=own[1],
                    own_signal=own[0],
                    other_signal=other[0],
                    created_at=at,
                    seen_at=seen if seen < self.now else None,
                    emailed_at=at,
                )
            )
        user, organisation, role = actor
        for _side in range(2):  # one record per signal's person (the same child)
            audit.append(
                (
                    at,
                    user,
                    organisation,
                    role,
                    AuditAction.CREATE,
                    person,
                    MATCH,
                    str(match_id),
                )
            )
