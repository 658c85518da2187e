"""Reads of Kansrijke Start, scoped to the actor and audited (docs/kansrijke-start.md).

Who reads what:
- the JGZ (or CJG) that follows a signal up: the signal and its contact moments
  (the JGZ's own record, under the WGBO);
- the professional who signalled (and the aandachtsfunctionaris of that
  organisation): the signal and whether it was followed up, never the content of
  the JGZ's contact moments.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, Q, QuerySet
from django.http import Http404

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES, Role
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_denied, audit_record_many
from kindveilig.organisations.models import JGZ_TYPES, Organisation, OrganisationType

from .models import (
    ConsentStatus,
    ContactMoment,
    HouseholdRequest,
    SignalStatus,
    StartSignal,
)

__all__ = [
    "SignalDetail",
    "contact_moment_get_for",
    "follow_up_organisations",
    "household_request_get_for",
    "household_request_page_for",
    "household_requests_waiting",
    "household_requests_waiting_count",
    "lokaal_team_rows",
    "lokaal_teams",
    "signal_detail_for",
    "signal_follow_up_page_for",
    "signal_get_for",
    "signal_own_page_for",
    "signals_awaiting_first_contact",
    "signals_awaiting_first_contact_count",
]

PAGE_SIZE = 50
# What the lists (``_signal_rows.html``) never show: encrypted free text and
# BSNs, left in the database instead of decrypted for every row.
LIST_DEFERRED = (
    "concern",
    "consent_words",
    "consent_withdrawal_words",
    "parent_wishes",
    "closing_reason",
    "domains",
    "parent__bsn",
    "parent__date_of_birth",
    "child__bsn",
)


def _follow_up_scope(actor: Actor) -> Q:
    return Q(follow_up_organisation_id=actor.organisation_id)


def _own_scope(actor: Actor) -> Q:
    scope = Q(organisation_id=actor.organisation_id)
    if actor.role == Role.AANDACHTSFUNCTIONARIS:
        return scope
    return scope & Q(created_by_id=actor.user.pk)


def _visible(actor: Actor) -> QuerySet[StartSignal]:
    if actor.role not in CASE_ROLES:
        return StartSignal.objects.none()
    return StartSignal.objects.filter(_follow_up_scope(actor) | _own_scope(actor))


def _audit_read(actor: Actor, signals: Iterable[StartSignal], reason: str) -> None:
    items: list[AuditItem] = []
    for signal in signals:
        items.append(AuditItem(obj=signal, person_id=signal.parent.public_id))
        if signal.child is not None:
            items.append(AuditItem(obj=signal, person_id=signal.child.public_id))
    if items:
        audit_record_many(
            actor=actor, action=AuditAction.READ, items=items, reason=reason
        )


def _page(
    queryset: QuerySet[StartSignal], page_number: int | str | None
) -> Page[StartSignal]:
    queryset = (
        queryset.select_related("parent", "child", "organisation", "follow_up_user")
        .defer(*LIST_DEFERRED)
        .order_by("-created_at", "-id")
    )
    return Paginator(queryset, PAGE_SIZE).get_page(page_number)


def signal_follow_up_page_for(
    *, actor: Actor, page_number: int | str | None, closed: bool = False
) -> Page[StartSignal]:
    """The JGZ nurse's list: the signals her organisation follows up, those
    still to follow (or, with ``closed``, those ended)."""
    queryset = StartSignal.objects.none()
    if actor.role in CASE_ROLES:
        queryset = StartSignal.objects.filter(_follow_up_scope(actor))
        if closed:
            queryset = queryset.filter(status=SignalStatus.CLOSED)
        else:
            queryset = queryset.exclude(status=SignalStatus.CLOSED)
    page = _page(queryset, page_number)
    _audit_read(actor, page, reason="kansrijke start follow-up list")
    return page


def signal_own_page_for(
    *, actor: Actor, page_number: int | str | None
) -> Page[StartSignal]:
    """The signals the actor made (the aandachtsfunctionaris: the organisation's)."""
    queryset = StartSignal.objects.none()
    if actor.role in CASE_ROLES:
        queryset = StartSignal.objects.filter(_own_scope(actor)).select_related(
            "follow_up_organisation"
        )
    page = _page(queryset, page_number)
    _audit_read(actor, page, reason="kansrijke start own signals")
    return page


def signal_get_for(
    *, actor: Actor, public_id: uuid.UUID, reason: str = ""
) -> StartSignal:
    signal = (
        _visible(actor)
        .select_related(
            "parent",
            "child",
            "organisation",
            "created_by",
            "follow_up_organisation",
            "follow_up_user",
        )
        .filter(public_id=public_id)
        .first()
    )
    if signal is None:
        audit_denied(actor=actor, model=StartSignal, public_id=public_id)
        raise Http404
    _audit_read(actor, [signal], reason=reason)
    return signal


@dataclass(frozen=True)
class SignalDetail:
    signal: StartSignal
    # The JGZ's contact moments: only for the organisation that follows up.
    moments: list[ContactMoment]
    may_follow_up: bool


def signal_detail_for(*, actor: Actor, public_id: uuid.UUID) -> SignalDetail:
    signal = signal_get_for(actor=actor, public_id=public_id)
    may_follow_up = signal.follow_up_organisation_id == actor.organisation_id
    moments: list[ContactMoment] = []
    if may_follow_up:
        moments = list(
            signal.contact_moments.select_related(
                "recorded_by",
                "trajectory",
                "household_case",
                "household_request__to_organisation",
            ).order_by("happened_on", "id")
        )
    return SignalDetail(signal=signal, moments=moments, may_follow_up=may_follow_up)


def contact_moment_get_for(*, actor: Actor, public_id: uuid.UUID) -> ContactMoment:
    """A contact moment, for the JGZ that follows its signal up."""
    moment = None
    if actor.role in CASE_ROLES:
        moment = (
            ContactMoment.objects.select_related(
                "signal__parent", "signal__child", "trajectory"
            )
            .filter(
                public_id=public_id,
                signal__follow_up_organisation_id=actor.organisation_id,
            )
            .first()
        )
    if moment is None:
        audit_denied(actor=actor, model=ContactMoment, public_id=public_id)
        raise Http404
    _audit_read(actor, [moment.signal], reason="contact moment")
    return moment


def signals_awaiting_first_contact(*, actor: Actor) -> QuerySet[StartSignal]:
    """For Mijn werk, to count: signals of the actor's JGZ without a first
    contact, that are the actor's or nobody's yet. Nothing is read, nothing
    audited."""
    if actor.role not in CASE_ROLES or actor.organisation.type not in JGZ_TYPES:
        return StartSignal.objects.none()
    return StartSignal.objects.filter(
        _follow_up_scope(actor), status=SignalStatus.OPEN
    ).filter(Q(follow_up_user__isnull=True) | Q(follow_up_user_id=actor.user.pk))


def signals_awaiting_first_contact_count(*, actor: Actor) -> int:
    return signals_awaiting_first_contact(actor=actor).count()


def follow_up_organisations() -> QuerySet[Organisation]:
    """The JGZ and CJG organisations a signal can go to (reference data)."""
    return Organisation.objects.filter(type__in=JGZ_TYPES, is_active=True).order_by(
        "name"
    )


def _requests_to(actor: Actor) -> QuerySet[HouseholdRequest]:
    """The requests to the actor's lokaal team. A request is made only with the
    parent's consent; once the parent withdraws it the request is gone from the
    lokaal team's pages (an opened household is the lokaal team's own file)."""
    if actor.role != Role.LOKAAL_TEAM_MEDEWERKER:
        return HouseholdRequest.objects.none()
    return HouseholdRequest.objects.filter(
        to_organisation_id=actor.organisation_id,
        moment__signal__consent=ConsentStatus.GIVEN,
    )


def household_request_page_for(
    *, actor: Actor, page_number: int | str | None
) -> Page[HouseholdRequest]:
    """The lokaal team's requests from the JGZ, those waiting first."""
    queryset = (
        _requests_to(actor)
        .select_related(
            "moment__signal__parent",
            "moment__signal__child",
            "moment__organisation",
            "requested_by",
        )
        .order_by(F("accepted_at").desc(nulls_first=True), "-created_at", "-id")
    )
    page = Paginator(queryset, PAGE_SIZE).get_page(page_number)
    _audit_read(
        actor,
        [request.moment.signal for request in page],
        reason="kansrijke start household requests",
    )
    return page


def household_request_get_for(
    *, actor: Actor, public_id: uuid.UUID
) -> HouseholdRequest:
    """For the lokaal team that was asked."""
    request = (
        _requests_to(actor)
        .select_related(
            "moment__signal__parent",
            "moment__signal__child",
            "moment__organisation",
            "moment__household_case__household",
            "requested_by",
        )
        .filter(public_id=public_id)
        .first()
    )
    if request is None:
        audit_denied(actor=actor, model=HouseholdRequest, public_id=public_id)
        raise Http404
    _audit_read(actor, [request.moment.signal], reason="household request")
    return request


def household_requests_waiting(*, actor: Actor) -> QuerySet[HouseholdRequest]:
    """For Mijn werk, to count: requests to the actor's lokaal team not
    accepted yet."""
    return _requests_to(actor).filter(accepted_at__isnull=True)


def household_requests_waiting_count(*, actor: Actor) -> int:
    return household_requests_waiting(actor=actor).count()


def lokaal_teams() -> QuerySet[Organisation]:
    """The lokaal teams a household case can be asked of (reference data)."""
    return Organisation.objects.filter(
        type=OrganisationType.LOKAAL_TEAM, is_active=True
    ).order_by("name")


def lokaal_team_rows() -> list[tuple[int, str, int | None]]:
    """The lokaal teams of ``lokaal_teams()`` as (id, name, municipality id), in
    its order: one query for every form on a page that offers them."""
    return list(lokaal_teams().values_list("pk", "name", "municipality_id"))
