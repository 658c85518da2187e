import dataclasses
import datetime as dt
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

import pytest
from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.kansrijkestart.models import (
    ConsentStatus,
    Phase,
    SignalStatus,
    StartSignal,
    VulnerabilityDomain,
)
from kindveilig.kansrijkestart.services import PersonInput, SignalInput, signal_create
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _data(follow_up: Organisation, **changes: object) -> SignalInput:
    data = SignalInput(
        parent=PersonInput(given_name="Sanne", family_name="Jansen"),
        phase=Phase.PREGNANCY,
        expected_date=timezone.localdate() + dt.timedelta(days=100),
        domains=[VulnerabilityDomain.HOUSING],
        concern="Dakloos geweest, nu tijdelijk bij een vriendin.",
        consent=ConsentStatus.GIVEN,
        follow_up_organisation=follow_up,
    )
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]  # test data


def _errors(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


def test_a_midwife_signals_a_pregnancy_to_the_jgz(
    midwife: Persona, jgz: Organisation
) -> None:
    signal = signal_create(actor=midwife.actor, data=_data(jgz))
    assert signal.status == SignalStatus.OPEN
    assert signal.source_type == OrganisationType.VERLOSKUNDIGENPRAKTIJK
    assert signal.municipality_id == midwife.organisation.municipality_id
    assert signal.parent.registered_by_id == midwife.organisation.pk
    assert signal.child is None
    assert signal.consent_recorded_at is not None
    creates = AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_id=str(signal.public_id)
    )
    assert list(creates.values_list("person_id", flat=True)) == [
        signal.parent.public_id
    ]


def test_the_concern_is_encrypted_at_rest(midwife: Persona, jgz: Organisation) -> None:
    signal = signal_create(actor=midwife.actor, data=_data(jgz))
    raw = StartSignal.objects.filter(pk=signal.pk).values_list("concern", flat=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT concern FROM kansrijkestart_startsignal WHERE id = %s", [signal.pk]
        )
        (stored,) = cursor.fetchone()
    assert "Dakloos" not in stored
    assert "Dakloos" in raw[0]


def test_a_refusal_needs_the_parents_words(midwife: Persona, jgz: Organisation) -> None:
    with pytest.raises(ValidationError) as error:
        signal_create(
            actor=midwife.actor, data=_data(jgz, consent=ConsentStatus.REFUSED)
        )
    assert "consent_words" in _errors(error)
    assert _errors(error)["consent_words"] == [
        _("The parent does not consent: write down what the parent said.")
    ]
    signal = signal_create(
        actor=midwife.actor,
        data=_data(
            jgz, consent=ConsentStatus.REFUSED, consent_words="Liever niet, nu niet."
        ),
    )
    assert signal.consent_words == "Liever niet, nu niet."


def test_consent_must_be_recorded(midwife: Persona, jgz: Organisation) -> None:
    with pytest.raises(ValidationError) as error:
        signal_create(actor=midwife.actor, data=_data(jgz, consent=""))
    assert "consent" in _errors(error)


def test_at_least_one_domain_is_needed(midwife: Persona, jgz: Organisation) -> None:
    with pytest.raises(ValidationError) as error:
        signal_create(actor=midwife.actor, data=_data(jgz, domains=[]))
    assert "domains" in _errors(error)
    with pytest.raises(ValidationError) as error:
        signal_create(actor=midwife.actor, data=_data(jgz, domains=["weather"]))
    assert "domains" in _errors(error)


@pytest.mark.parametrize(
    "kind", [OrganisationType.LOKAAL_TEAM, OrganisationType.PRIMARY_SCHOOL]
)
def test_the_follow_up_is_done_by_the_jgz_or_the_cjg(
    midwife: Persona, kind: str
) -> None:
    elsewhere = OrganisationFactory.create(type=kind)
    with pytest.raises(ValidationError) as error:
        signal_create(actor=midwife.actor, data=_data(elsewhere))
    assert "follow_up_organisation" in _errors(error)
    assert _errors(error)["follow_up_organisation"] == [
        _("The follow-up is done by the JGZ or the CJG: choose one of them.")
    ]


def test_the_cjg_can_follow_up(midwife: Persona, other_jgz: Organisation) -> None:
    assert signal_create(actor=midwife.actor, data=_data(other_jgz)).pk


def test_a_named_nurse_must_work_at_the_follow_up_organisation(
    midwife: Persona, jgz: Organisation, other_nurse: Persona, nurse: Persona
) -> None:
    with pytest.raises(ValidationError) as error:
        signal_create(
            actor=midwife.actor, data=_data(jgz, follow_up_user=other_nurse.user)
        )
    assert "follow_up_user" in _errors(error)
    signal = signal_create(
        actor=midwife.actor, data=_data(jgz, follow_up_user=nurse.user)
    )
    assert signal.follow_up_user == nurse.user


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        (OrganisationType.KRAAMZORG, Role.PROFESSIONAL),
        (OrganisationType.ZIEKENHUIS, Role.PROFESSIONAL),
        (OrganisationType.HUISARTS, Role.AANDACHTSFUNCTIONARIS),
        (OrganisationType.LOKAAL_TEAM, Role.LOKAAL_TEAM_MEDEWERKER),
        (OrganisationType.JGZ, Role.PROFESSIONAL),
        (OrganisationType.CJG, Role.PROFESSIONAL),
    ],
)
def test_who_may_signal(
    make_persona: Callable[..., Persona], jgz: Organisation, kind: str, role: Role
) -> None:
    persona = make_persona(role, OrganisationFactory.create(type=kind))
    assert signal_create(actor=persona.actor, data=_data(jgz)).pk


@pytest.mark.parametrize(
    ("kind", "role"),
    [
        (OrganisationType.PRIMARY_SCHOOL, Role.PROFESSIONAL),
        (OrganisationType.VERLOSKUNDIGENPRAKTIJK, Role.GEMEENTE_ANALIST),
        (OrganisationType.VERLOSKUNDIGENPRAKTIJK, Role.FUNCTIONEEL_BEHEERDER),
    ],
)
def test_who_may_not_signal(
    make_persona: Callable[..., Persona], jgz: Organisation, kind: str, role: Role
) -> None:
    persona = make_persona(role, OrganisationFactory.create(type=kind))
    with pytest.raises(ValidationError) as error:
        signal_create(actor=persona.actor, data=_data(jgz))
    assert error.value.code == "forbidden"
    assert not StartSignal.objects.exists()


def test_a_pregnancy_needs_a_due_date_not_too_far_ahead(
    midwife: Persona, jgz: Organisation
) -> None:
    with pytest.raises(ValidationError) as error:
        signal_create(actor=midwife.actor, data=_data(jgz, expected_date=None))
    assert "expected_date" in _errors(error)
    far = timezone.localdate() + dt.timedelta(days=400)
    with pytest.raises(ValidationError) as error:
        signal_create(actor=midwife.actor, data=_data(jgz, expected_date=far))
    assert "expected_date" in _errors(error)


def test_a_young_child_needs_the_child_born_at_most_two_years_ago(
    midwife: Persona, jgz: Organisation
) -> None:
    today = timezone.localdate()
    young = {"phase": Phase.YOUNG_CHILD, "expected_date": None}
    with pytest.raises(ValidationError) as error:
        signal_create(actor=midwife.actor, data=_data(jgz, **young))
    assert "child_given_name" in _errors(error)
    old = PersonInput("Noor", "Jansen", today - dt.timedelta(days=3 * 365))
    with pytest.raises(ValidationError) as error:
        signal_create(actor=midwife.actor, data=_data(jgz, child=old, **young))
    assert "child_date_of_birth" in _errors(error)
    baby = PersonInput("Noor", "Jansen", today - dt.timedelta(days=40))
    signal = signal_create(actor=midwife.actor, data=_data(jgz, child=baby, **young))
    assert signal.child is not None
    assert signal.child.given_name == "Noor"
    assert signal.expected_date is None
