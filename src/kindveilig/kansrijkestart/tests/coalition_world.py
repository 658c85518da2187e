"""A small Kansrijke Start world in one municipality, built through the real
services: a midwife, a JGZ nurse who chairs the coalition's consultation, a
lokaal team worker and a schuldhulpverlener, and signals with and without the
parent's consent."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from conftest import Persona

from kindveilig.access.roles import Role
from kindveilig.accounts.tests.factories import (
    MembershipFactory,
    TOTPDeviceFactory,
    UserFactory,
)
from kindveilig.kansrijkestart import coalition_services
from kindveilig.kansrijkestart.models import (
    CoalitionMeeting,
    ConsentStatus,
    Phase,
    StartSignal,
    VulnerabilityDomain,
)
from kindveilig.kansrijkestart.services import PersonInput, SignalInput, signal_create
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory

# What the JGZ record holds and the coalition must never see.
CONCERN = "Geheime zorg: schulden en ruzie thuis (JGZ-dossier)."
WISHES = "Geheime wens: hulp bij de administratie (JGZ-dossier)."
REFUSAL_WORDS = "Ik wil niet dat andere instanties over ons praten."
SUMMARY = "Zwangere met schulden; wil hulp bij geldzaken (gedeeld met toestemming)."


def persona(role: Role, organisation: Organisation) -> Persona:
    user = UserFactory.create()
    membership = MembershipFactory.create(
        user=user, organisation=organisation, role=role
    )
    device = TOTPDeviceFactory.create(user=user)
    return Persona(user=user, membership=membership, device=device)


@dataclass
class World:
    midwife: Persona
    nurse: Persona
    worker: Persona
    debt_worker: Persona
    jgz: Organisation


def build_world() -> World:
    practice = OrganisationFactory.create(
        name="Verloskundigen De Wieg (test)",
        type=OrganisationType.VERLOSKUNDIGENPRAKTIJK,
    )
    jgz = OrganisationFactory.create(
        name="CJG Den Haag (test)", type=OrganisationType.CJG
    )
    team = OrganisationFactory.create(
        name="Wijkteam Centrum (test)", type=OrganisationType.LOKAAL_TEAM
    )
    debt = OrganisationFactory.create(
        name="Schuldhulp Den Haag (test)", type=OrganisationType.SCHULDHULPVERLENING
    )
    return World(
        midwife=persona(Role.PROFESSIONAL, practice),
        nurse=persona(Role.PROFESSIONAL, jgz),
        worker=persona(Role.LOKAAL_TEAM_MEDEWERKER, team),
        debt_worker=persona(Role.PROFESSIONAL, debt),
        jgz=jgz,
    )


def make_signal(
    world: World,
    *,
    consent: str = ConsentStatus.GIVEN,
    given_name: str = "Samira",
    family_name: str = "Proef",
) -> StartSignal:
    refused = consent == ConsentStatus.REFUSED
    return signal_create(
        actor=world.midwife.actor,
        data=SignalInput(
            parent=PersonInput(given_name=given_name, family_name=family_name),
            phase=Phase.PREGNANCY,
            expected_date=timezone.localdate() + dt.timedelta(days=120),
            domains=[VulnerabilityDomain.FINANCES_DEBT, VulnerabilityDomain.HOUSING],
            concern=CONCERN,
            consent=consent,
            consent_words=REFUSAL_WORDS if refused else "",
            parent_wishes=WISHES,
            follow_up_organisation=world.jgz,
        ),
    )


def make_meeting(world: World, *, held_on: dt.date | None = None) -> CoalitionMeeting:
    return coalition_services.meeting_create(
        actor=world.nurse.actor,
        title="Overleg zwangeren (test)",
        held_on=held_on or timezone.localdate(),
        participants=[world.worker.membership, world.midwife.membership],
    )
