"""Reads of the Verwijsindex, scoped to the actor and audited. Shares are read
through ``meldcode.share_selectors``."""

import uuid

from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many

from .models import Match, MatchNotice, Signal, SignalStatus

__all__ = [
    "match_notice_page_for",
    "signal_get_for",
    "signal_indexes_missing_a_match",
    "signal_page_for",
    "unseen_match_count",
    "unseen_matches",
]

PAGE_SIZE = 50


def match_notice_page_for(
    *, actor: Actor, page_number: int | str | None
) -> Page[MatchNotice]:
    """The actor's match notices: the child from their own record, the other
    professional's contact details. Active signals only."""
    queryset = (
        MatchNotice.objects.filter(
            user=actor.user,
            own_signal__status=SignalStatus.ACTIVE,
            other_signal__status=SignalStatus.ACTIVE,
        )
        .select_related(
            "own_signal__person",
            "other_signal__contact_user",
            "other_signal__organisation",
        )
        .order_by("-created_at", "-pk")
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[
            AuditItem(obj=notice, person_id=notice.own_signal.person.public_id)
            for notice in page
        ],
        reason="verwijsindex matches",
    )
    return page


def unseen_matches(actor: Actor) -> QuerySet[MatchNotice]:
    """The actor's match notices not seen yet, to count (Mijn werk)."""
    return MatchNotice.objects.filter(
        user=actor.user,
        seen_at__isnull=True,
        other_signal__status=SignalStatus.ACTIVE,
    )


def unseen_match_count(actor: Actor) -> int:
    return unseen_matches(actor).count()


def _own_signals(actor: Actor) -> QuerySet[Signal]:
    queryset = Signal.objects.filter(organisation_id=actor.organisation_id)
    if actor.role == Role.AANDACHTSFUNCTIONARIS:
        return queryset
    return queryset.filter(contact_user_id=actor.user.pk)


def signal_page_for(*, actor: Actor, page_number: int | str | None) -> Page[Signal]:
    queryset = (
        _own_signals(actor)
        .filter(status=SignalStatus.ACTIVE)
        .select_related("person", "contact_user")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    audit_record_many(
        actor=actor,
        action=AuditAction.READ,
        items=[
            AuditItem(obj=signal, person_id=signal.person.public_id) for signal in page
        ],
        reason="own signals",
    )
    return page


def signal_get_for(*, actor: Actor, public_id: uuid.UUID) -> Signal:
    signal = (
        _own_signals(actor).select_related("person").filter(public_id=public_id).first()
    )
    if signal is None:
        raise Http404
    return signal


def signal_indexes_missing_a_match() -> list[str]:
    """The blind indexes of children with two active signals of different
    organisations and no match between them (for ``matches_reconcile``; no
    actor, no personal data: only the keyed hashes). One query: each active
    signal against the later active signals of other organisations."""
    active = Signal.objects.filter(status=SignalStatus.ACTIVE).exclude(bsn_index="")
    unmatched_later = (
        active.filter(bsn_index=OuterRef("bsn_index"), pk__gt=OuterRef("pk"))
        .exclude(organisation_id=OuterRef("organisation_id"))
        .exclude(
            Exists(
                Match.objects.filter(
                    first_id=OuterRef(OuterRef("pk")), second_id=OuterRef("pk")
                )
            )
        )
    )
    return list(
        active.filter(Exists(unmatched_later))
        .order_by("bsn_index")
        .values_list("bsn_index", flat=True)
        .distinct()
    )
