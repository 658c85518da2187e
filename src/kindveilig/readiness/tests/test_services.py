"""Readiness writes: who may make them, what they refuse, what they audit."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.meldcode.services.trajectories import framework_for
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.readiness import services
from kindveilig.readiness.models import (
    MeldcodeReadiness,
    Qualification,
    QualificationKind,
    StaffBriefing,
)

from .factories import add_course, add_vog, designate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine("2026-06-15T10:00:00+02:00", tick=False),
]
TODAY = date(2026, 6, 15)


def readiness_input(
    organisation: Organisation, **changes: object
) -> services.ReadinessInput:
    values: dict[str, object] = {
        "adopted_on": date(2025, 9, 1),
        "meldcode_version": "2025-1",
        "afwegingskader_id": framework_for(organisation.sector).pk,
        "meldplicht_contact": "Directeur-bestuurder, 070-0000000",
        "vertrouwensinspecteur": "Vertrouwensinspecteurs, 0900-1113111",
    }
    values.update(changes)
    return services.ReadinessInput(**values)  # type: ignore[arg-type]


def test_the_aandachtsfunctionaris_records_the_meldcode_and_the_meldplicht_route(
    aandachtsfunctionaris: Persona,
) -> None:
    actor = aandachtsfunctionaris.actor
    readiness = services.readiness_update(
        actor=actor, data=readiness_input(actor.organisation)
    )
    stored = MeldcodeReadiness.objects.get(organisation=actor.organisation)
    assert stored.pk == readiness.pk
    assert stored.adopted_on == date(2025, 9, 1)
    assert stored.meldplicht_contact == "Directeur-bestuurder, 070-0000000"
    assert stored.updated_by == aandachtsfunctionaris.user
    # A second save changes the same row.
    services.readiness_update(
        actor=actor, data=readiness_input(actor.organisation, meldcode_version="2026-1")
    )
    assert MeldcodeReadiness.objects.get().meldcode_version == "2026-1"


def test_the_meldplicht_route_is_kept_only_for_onderwijs_and_kinderopvang(
    make_persona: Callable[..., Persona],
) -> None:
    club = OrganisationFactory.create(type=OrganisationType.SPORT_CULTURE_CLUB)
    actor = make_persona(Role.FUNCTIONEEL_BEHEERDER, club).actor
    services.readiness_update(actor=actor, data=readiness_input(club))
    stored = MeldcodeReadiness.objects.get(organisation=club)
    assert stored.meldplicht_contact == ""
    assert stored.vertrouwensinspecteur == ""


def test_an_adopted_meldcode_needs_an_afwegingskader(
    aandachtsfunctionaris: Persona,
) -> None:
    actor = aandachtsfunctionaris.actor
    with pytest.raises(ValidationError) as error:
        services.readiness_update(
            actor=actor,
            data=readiness_input(actor.organisation, afwegingskader_id=None),
        )
    assert "afwegingskader" in error.value.message_dict


def test_dates_in_the_future_are_refused(aandachtsfunctionaris: Persona) -> None:
    actor = aandachtsfunctionaris.actor
    with pytest.raises(ValidationError) as error:
        services.readiness_update(
            actor=actor,
            data=readiness_input(actor.organisation, adopted_on=date(2026, 6, 16)),
        )
    assert "adopted_on" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.briefing_add(actor=actor, held_on=date(2026, 7, 1), kind="training")
    assert not StaffBriefing.objects.exists()


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.GEMEENTE_ANALIST])
def test_other_roles_may_not_change_readiness(
    make_persona: Callable[..., Persona], organisation: Organisation, role: Role
) -> None:
    actor = make_persona(role, organisation).actor
    with pytest.raises(PermissionDenied):
        services.readiness_update(actor=actor, data=readiness_input(organisation))
    with pytest.raises(PermissionDenied):
        services.briefing_add(actor=actor, held_on=TODAY, kind="training")


def test_only_staff_of_the_organisation_can_be_designated(
    aandachtsfunctionaris: Persona, outsider: Persona, professional: Persona
) -> None:
    actor = aandachtsfunctionaris.actor
    with pytest.raises(ValidationError) as error:
        designate(actor, outsider.user, since=TODAY)
    assert "person" in error.value.message_dict
    designation = designate(actor, professional.user, since=TODAY, location="West")
    assert designation.organisation == actor.organisation
    with pytest.raises(ValidationError) as error:
        designate(actor, professional.user, since=TODAY, location="West")
    assert "person" in error.value.message_dict
    # Another location is another designation.
    designate(actor, professional.user, since=TODAY, location="Oost")


def test_designations_and_qualifications_are_audited_without_a_person_id(
    aandachtsfunctionaris: Persona,
) -> None:
    actor = aandachtsfunctionaris.actor
    designation = designate(actor, since=TODAY)
    course = add_course(actor, designation, date(2025, 1, 10))
    services.aandachtsfunctionaris_update(
        actor=actor,
        designation=designation,
        data=services.DesignationInput(
            location="", hours_per_week=Decimal("4"), since=TODAY, until=None
        ),
    )
    services.qualification_delete(actor=actor, qualification=course)
    events = list(
        AuditEvent.objects.filter(object_type__startswith="registry.").values_list(
            "action", "object_type", "object_id", "person_id"
        )
    )
    assert events == [
        (
            AuditAction.CREATE,
            "registry.aandachtsfunctionaris",
            str(designation.public_id),
            None,
        ),
        (AuditAction.CREATE, "registry.qualification", str(course.public_id), None),
        (
            AuditAction.UPDATE,
            "registry.aandachtsfunctionaris",
            str(designation.public_id),
            None,
        ),
        (AuditAction.DELETE, "registry.qualification", str(course.public_id), None),
    ]
    assert not Qualification.objects.exists()


def test_a_register_membership_needs_its_end_of_validity(
    aandachtsfunctionaris: Persona,
) -> None:
    actor = aandachtsfunctionaris.actor
    designation = designate(actor, since=TODAY)
    with pytest.raises(ValidationError) as error:
        services.qualification_add(
            actor=actor,
            designation=designation,
            data=services.QualificationInput(
                kind=QualificationKind.REGISTER,
                obtained_on=date(2025, 1, 1),
                registration_number="AF-1",
            ),
        )
    assert "valid_until" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.qualification_add(
            actor=actor,
            designation=designation,
            data=services.QualificationInput(
                kind=QualificationKind.REGISTER,
                obtained_on=date(2025, 1, 1),
                registration_number="AF-1",
                valid_until=date(2024, 12, 31),
            ),
        )
    assert "valid_until" in error.value.message_dict


def test_a_course_needs_a_name(aandachtsfunctionaris: Persona) -> None:
    actor = aandachtsfunctionaris.actor
    designation = designate(actor, since=TODAY)
    with pytest.raises(ValidationError) as error:
        add_course(actor, designation, date(2025, 1, 1), name="  ")
    assert "name" in error.value.message_dict


def test_an_ended_designation_needs_its_last_day_after_the_first(
    aandachtsfunctionaris: Persona,
) -> None:
    actor = aandachtsfunctionaris.actor
    designation = designate(actor, since=TODAY)
    with pytest.raises(ValidationError) as error:
        services.aandachtsfunctionaris_update(
            actor=actor,
            designation=designation,
            data=services.DesignationInput(
                location="",
                hours_per_week=Decimal(2),
                since=TODAY,
                until=date(2026, 1, 1),
            ),
        )
    assert "until" in error.value.message_dict


def test_another_organisation_may_not_touch_the_qualifications(
    aandachtsfunctionaris: Persona,
    make_persona: Callable[..., Persona],
    other_organisation: Organisation,
) -> None:
    actor = aandachtsfunctionaris.actor
    designation = designate(actor, since=TODAY)
    vog = add_vog(actor, designation, date(2025, 1, 1))
    stranger = make_persona(Role.AANDACHTSFUNCTIONARIS, other_organisation).actor
    with pytest.raises(PermissionDenied):
        services.qualification_delete(actor=stranger, qualification=vog)
    with pytest.raises(PermissionDenied):
        add_vog(stranger, designation, date(2025, 1, 1))
    assert Qualification.objects.count() == 1
