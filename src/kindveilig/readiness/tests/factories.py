"""Readiness states built through the real services (``readiness.services``)."""

from datetime import date
from decimal import Decimal

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import User
from kindveilig.accounts.tests.factories import MembershipFactory, UserFactory
from kindveilig.meldcode.services.trajectories import framework_for
from kindveilig.organisations.models import Organisation
from kindveilig.readiness import services
from kindveilig.readiness.models import (
    Aandachtsfunctionaris,
    BriefingKind,
    Qualification,
    QualificationKind,
)


def manager_of(
    organisation: Organisation, role: Role = Role.AANDACHTSFUNCTIONARIS
) -> Actor:
    """A new member of staff acting as aandachtsfunctionaris (or beheerder)."""
    membership = MembershipFactory.create(
        user=UserFactory.create(), organisation=organisation, role=role
    )
    return Actor(user=membership.user, membership=membership)


def adopt_meldcode(actor: Actor, on: date) -> None:
    services.readiness_update(
        actor=actor,
        data=services.ReadinessInput(
            adopted_on=on,
            meldcode_version="2025-1",
            afwegingskader_id=framework_for(actor.organisation.sector).pk,
        ),
    )


def brief_staff(actor: Actor, on: date) -> None:
    services.briefing_add(
        actor=actor, held_on=on, kind=BriefingKind.TEAM_MEETING, topic="De vijf stappen"
    )


def designate(
    actor: Actor,
    person: User | None = None,
    *,
    since: date,
    location: str = "",
    hours: str = "2",
) -> Aandachtsfunctionaris:
    person = person or actor.user
    return services.aandachtsfunctionaris_add(
        actor=actor,
        person_id=person.pk,
        data=services.DesignationInput(
            location=location, hours_per_week=Decimal(hours), since=since
        ),
    )


def add_course(
    actor: Actor,
    designation: Aandachtsfunctionaris,
    on: date,
    *,
    certified: bool = True,
    name: str = "Basistraining aandachtsfunctionaris",
) -> Qualification:
    return services.qualification_add(
        actor=actor,
        designation=designation,
        data=services.QualificationInput(
            kind=QualificationKind.COURSE,
            obtained_on=on,
            name=name,
            provider="Opleider (test)",
            certified=certified,
            hours=Decimal("20"),
        ),
    )


def add_vog(
    actor: Actor, designation: Aandachtsfunctionaris, on: date
) -> Qualification:
    return services.qualification_add(
        actor=actor,
        designation=designation,
        data=services.QualificationInput(kind=QualificationKind.VOG, obtained_on=on),
    )


def add_register(
    actor: Actor, designation: Aandachtsfunctionaris, on: date, valid_until: date
) -> Qualification:
    return services.qualification_add(
        actor=actor,
        designation=designation,
        data=services.QualificationInput(
            kind=QualificationKind.REGISTER,
            obtained_on=on,
            registration_number="AF-000123",
            valid_until=valid_until,
        ),
    )


def trained_af(
    actor: Actor, *, since: date, course_on: date, vog_on: date
) -> Aandachtsfunctionaris:
    """The actor designated as aandachtsfunctionaris with a certified course and a VOG."""
    designation = designate(actor, since=since)
    add_course(actor, designation, course_on)
    add_vog(actor, designation, vog_on)
    return designation
