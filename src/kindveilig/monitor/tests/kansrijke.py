"""Kansrijke Start rows for the monitor's tests: a signal at a given moment, its
first JGZ contact some days later, an intervention. The monitor counts what the
tables hold, so the rows are written as the Kansrijke Start services leave
them (``first_contact_at`` set by the first contact moment)."""

import datetime as dt
from typing import Any

from django.utils import timezone

from kindveilig.accounts.models import User
from kindveilig.kansrijkestart.models import (
    ActionKind,
    ConsentStatus,
    ContactKind,
    ContactMoment,
    FollowUpAction,
    Intervention,
    NextStep,
    Phase,
    SignalStatus,
    StartSignal,
)
from kindveilig.organisations.models import Organisation
from kindveilig.persons.services import person_create

__all__ = ["first_contact", "intervention", "moment", "referral", "signal"]


def moment(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def signal(
    *,
    organisation: Organisation,
    by: User,
    follow_up: Organisation,
    at: dt.datetime,
    domains: list[str],
    consent: str = ConsentStatus.GIVEN,
    concern: str = "Zorgen over geld en huisvesting (test).",
    words: str = "",
    wishes: str = "",
    family_name: str = "Proefzwanger",
) -> StartSignal:
    parent = person_create(
        actor=None,
        organisation=organisation,
        given_name="Ouder (test)",
        family_name=family_name,
        date_of_birth=dt.date(1998, 5, 1),
    )
    created = StartSignal.objects.create(
        organisation=organisation,
        created_by=by,
        municipality=organisation.municipality,
        source_type=organisation.type,
        parent=parent,
        expected_date=at.date() + dt.timedelta(days=120),
        phase=Phase.PREGNANCY,
        domains=domains,
        concern=concern,
        consent=consent,
        consent_recorded_at=at,
        consent_words=words,
        parent_wishes=wishes,
        follow_up_organisation=follow_up,
    )
    # created_at is set on insert: moved to the moment of the signal.
    StartSignal.objects.filter(pk=created.pk).update(created_at=at, updated_at=at)
    created.refresh_from_db()
    return created


def first_contact(
    start: StartSignal, *, nurse: User, days: int, **recorded: Any
) -> ContactMoment:
    """The prenatal home visit ``days`` after the signal: the signal's first
    contact (as the contact-moment service records it)."""
    at = start.created_at + dt.timedelta(days=days)
    contact = ContactMoment.objects.create(
        signal=start,
        kind=ContactKind.PRENATAL_HOME_VISIT,
        happened_on=timezone.localtime(at).date(),
        recorded_by=nurse,
        organisation=start.follow_up_organisation,
        routine_question_asked=True,
        routine_answer=recorded.pop("routine_answer", "no_violence"),
        next_step=NextStep.REGULAR_SCHEDULE,
        **recorded,
    )
    StartSignal.objects.filter(pk=start.pk).update(
        first_contact_at=at, status=SignalStatus.IN_FOLLOW_UP
    )
    start.refresh_from_db()
    return contact


def intervention(
    start: StartSignal,
    *,
    kind: str,
    by: User,
    offered: dt.date,
    started: dt.date | None,
) -> Intervention:
    return Intervention.objects.create(
        signal=start,
        kind=kind,
        organisation=start.follow_up_organisation,
        recorded_by=by,
        offered_on=offered,
        started_on=started,
    )


def referral(
    start: StartSignal,
    *,
    owner: User,
    owner_organisation: Organisation,
    at: dt.datetime,
    kind: str = ActionKind.DEBT_HELP,
    outcome: str = "",
) -> FollowUpAction:
    """A warm referral (or, with ``kind`` general, another action) made at
    ``at``; with an ``outcome`` it is done a week later."""
    action = FollowUpAction.objects.create(
        signal=start,
        kind=kind,
        owner=owner,
        owner_organisation=owner_organisation,
        created_by=start.created_by,
        due_on=at.date() + dt.timedelta(days=14),
        description="Warme overdracht naar schuldhulpverlening (test).",
        done_at=at + dt.timedelta(days=7) if outcome else None,
        outcome=outcome,
    )
    FollowUpAction.objects.filter(pk=action.pk).update(created_at=at)
    action.refresh_from_db()
    return action
