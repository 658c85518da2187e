"""One world with two sides, built through the real services: "own" (the actors'
side) and "other" (another organisation with the same kinds of objects). Every
personal name and free text of a side carries the side's marker, so a test can
check that nothing of the other side ever reaches a body."""

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from conftest import Persona

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.tests.factories import (
    MembershipFactory,
    TOTPDeviceFactory,
    UserFactory,
)
from kindveilig.households.services import (
    ItemInput,
    handover_create_for_trajectory,
    household_create_from_trajectory,
    partner_add,
    plan_version_create,
)
from kindveilig.kansrijkestart import coalition_services as coalition
from kindveilig.kansrijkestart.models import (
    ConsentStatus,
    ContactKind,
    InterventionKind,
    NextStep,
    Phase,
    StartSignal,
    VulnerabilityDomain,
)
from kindveilig.kansrijkestart.services import (
    ContactInput,
    PersonInput,
    SignalInput,
    contact_moment_record,
    contact_moment_start_household_case,
    signal_create,
)
from kindveilig.learning.services import action_add, session_create
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import KindcheckMoment, LegalBasis, Trajectory
from kindveilig.meldcode.services import (
    attachment_add,
    decision_propose,
    meldplicht_case_start,
    share_create,
)
from kindveilig.meldcode.services.decisions import DecisionInput
from kindveilig.meldcode.services.kindcheck import KindcheckInput, kindcheck_record
from kindveilig.monitor.models import CouncilLetter, LetterStatus
from kindveilig.notifications.models import NotificationKind
from kindveilig.notifications.services import notify
from kindveilig.organisations.models import Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.privacy.services import legal_hold_place
from kindveilig.readiness import services as readiness
from kindveilig.readiness.models import QualificationKind
from kindveilig.regionadmin.models import OrganisationImport
from kindveilig.verwijsindex.services import ChildSignalInput, signal_register_for_child
from kindveilig.youth.messages.models import PublicChannel
from kindveilig.youth.messages.services import conversation_start, danger_pattern_save

ROLES: tuple[Role, ...] = tuple(Role)
# Valid BSNs (eleven test), one per side and per child.
BSNS = {"own": ("111222333", "123456782"), "other": ("987654329", "192837461")}


@dataclass
class Side:
    marker: str
    school: Organisation
    personas: dict[Role, Persona]
    ids: dict[str, object] = field(default_factory=dict)
    # Strings that belong to this side only: names, BSNs and free texts.
    secrets: list[str] = field(default_factory=list)

    def actor(self, role: Role) -> Actor:
        return self.personas[role].actor


@dataclass
class World:
    own: Side
    other: Side


def _persona(role: Role, organisation: Organisation) -> Persona:
    user = UserFactory.create()
    membership = MembershipFactory.create(
        user=user, organisation=organisation, role=role
    )
    return Persona(
        user=user, membership=membership, device=TOTPDeviceFactory.create(user=user)
    )


def _organisations(marker: str) -> tuple[Organisation, Organisation, Organisation]:
    school = OrganisationFactory.create(name=f"School {marker} (test)")
    team = OrganisationFactory.create(
        name=f"Lokaal team {marker} (test)", type=OrganisationType.LOKAAL_TEAM
    )
    gemeente = OrganisationFactory.create(
        name=f"Gemeente {marker} (test)", type=OrganisationType.GEMEENTE
    )
    return school, team, gemeente


def _personas(
    school: Organisation, team: Organisation, gemeente: Organisation
) -> dict[Role, Persona]:
    home = {
        Role.LOKAAL_TEAM_MEDEWERKER: team,
        Role.GEMEENTE_ANALIST: gemeente,
    }
    return {role: _persona(role, home.get(role, school)) for role in ROLES}


def _trajectories(side: Side) -> None:
    prof = side.actor(Role.PROFESSIONAL)
    af = side.actor(Role.AANDACHTSFUNCTIONARIS)
    lt = side.actor(Role.LOKAAL_TEAM_MEDEWERKER)
    m = side.marker
    bsn, second_bsn = BSNS["own" if m == "Eigenaar" else "other"]
    melding = scenarios.melded(
        prof, af, given_name=f"Kind{m}", family_name=f"Familie{m}", bsn=bsn
    )
    trajectory = melding.trajectory
    side.ids["trajectory"] = trajectory.public_id
    attachment = attachment_add(
        actor=prof,
        trajectory=trajectory,
        upload=ContentFile(f"Verslag over Kind{m}".encode(), name="verslag.txt"),
    )
    side.ids["attachment"] = attachment.public_id
    side.ids["person"] = trajectory.children.get().person.public_id
    # A second trajectory at step 5 with a decision waiting for the co-sign.
    pending = scenarios.at_step_5_melden(
        prof, given_name=f"Tweede{m}", family_name=f"Familie{m}", bsn=second_bsn
    )
    decision = decision_propose(
        actor=prof,
        trajectory=pending,
        data=DecisionInput(
            melden=True,
            melden_rationale="Structurele onveiligheid: herhaald letsel en geweld thuis.",
            help_possible=True,
            help_rationale="School blijft het kind steunen met een vertrouwenspersoon.",
            help_plan="Wekelijks gesprek met de intern begeleider.",
        ),
        expected_version=pending.version,
    )
    side.ids["pending_trajectory"] = pending.public_id
    side.ids["decision"] = decision.public_id
    # Shared with the lokaal team, who opens a household with a plan and a partner.
    share = share_create(
        actor=prof,
        trajectory=pending,
        to_organisation=lt.organisation,
        legal_basis=LegalBasis.CONSENT_PARENTS,
        consent_given_by="Moeder (met gezag)",
        consent_given_on=pending.created_at.date(),
    )
    side.ids["share"] = share.public_id
    household = household_create_from_trajectory(actor=lt, trajectory=pending)
    side.ids["household"] = household.public_id
    case = household.cases.get()
    side.ids["member"] = household.members.first().person.public_id  # type: ignore[union-attr]  # built above
    partner = partner_add(
        actor=lt,
        case=case,
        kind="school",
        organisation=prof.organisation,
        contact_name="Juf Test",
        takes_on="Welzijn in de klas.",
    )
    side.ids["partner"] = partner.public_id
    version = plan_version_create(
        actor=lt,
        case=case,
        items=[
            ItemInput(
                kind="condition",
                what="Er wordt niet geslagen.",
                who="Beide ouders",
                set_by="Veilig Thuis",
                child_text="Niemand slaat in huis.",
            )
        ],
        note="",
        based_on=0,
    )
    side.ids["plan_item"] = version.items.get().public_id
    handover = handover_create_for_trajectory(
        actor=prof,
        trajectory=trajectory,
        to_organisation=lt.organisation,
        note="Overdracht (test).",
        legal_basis=LegalBasis.CONSENT_PARENTS,
        consent_given_by="Moeder (met gezag)",
        consent_given_on=trajectory.created_at.date(),
    )
    side.ids["handover"] = handover.public_id
    side.secrets += [f"Kind{m}", f"Tweede{m}", f"Familie{m}", bsn, second_bsn]


def _other_objects(side: Side, channel_code: str) -> None:
    prof = side.actor(Role.PROFESSIONAL)
    af = side.actor(Role.AANDACHTSFUNCTIONARIS)
    fb = side.actor(Role.FUNCTIONEEL_BEHEERDER)
    ga = side.actor(Role.GEMEENTE_ANALIST)
    m = side.marker
    kindcheck = kindcheck_record(
        actor=prof,
        data=KindcheckInput(
            moment=KindcheckMoment.INTAKE,
            client_has_children=True,
            number_of_children=2,
            children_ages="3 en 9",
            worry=True,
            notes=f"Notitie{m} over thuis.",
        ),
    )
    side.ids["kindcheck"] = kindcheck.public_id
    case = meldplicht_case_start(actor=prof, summary=f"Melding{m} over een collega.")
    side.ids["meldplicht"] = case.public_id
    channel = PublicChannel.objects.create(
        organisation=side.school,
        public_code=channel_code,
        display_name=side.school.name,
    )
    started = conversation_start(channel=channel, body=f"Bericht{m}: help mij.")
    side.ids["conversation"] = started.conversation.public_id
    signal = signal_register_for_child(
        actor=prof,
        data=ChildSignalInput(
            given_name=f"Signaal{m}",
            family_name=f"Familie{m}",
            bsn="111222333" if m == "Eigenaar" else "987654329",
        ),
    )
    side.ids["signal"] = signal.public_id
    designation = readiness.aandachtsfunctionaris_add(
        actor=af,
        person_id=af.user.pk,
        data=readiness.DesignationInput(
            location="", hours_per_week=Decimal("2"), since=dt.date(2026, 1, 5)
        ),
    )
    side.ids["designation"] = designation.public_id
    qualification = readiness.qualification_add(
        actor=af,
        designation=designation,
        data=readiness.QualificationInput(
            kind=QualificationKind.VOG, obtained_on=dt.date(2026, 1, 5)
        ),
    )
    side.ids["qualification"] = qualification.public_id
    session = session_create(actor=ga, title=f"Sessie{m}", held_on=dt.date(2026, 2, 2))
    side.ids["session"] = session.public_id
    action = action_add(
        actor=ga,
        session=session,
        description=f"Actie{m}",
        owner="Team",
        follow_up_on=dt.date(2026, 3, 3),
    )
    side.ids["action"] = action.public_id
    gemeente = ga.organisation
    side.ids["council_letter"] = CouncilLetter.objects.create(
        organisation=gemeente,
        region=gemeente.municipality.region,
        period_kind="month",
        period_start=dt.date(2026, 3, 1),
        status=LetterStatus.DONE,
        progress=100,
        html="<p>Brief</p>",
        pdf=b"%PDF-1.7 test",
    ).public_id
    pattern = danger_pattern_save(
        actor=fb,
        pattern=None,
        text=f"woord{m.lower()}",
        category="violence",
        is_active=True,
    )
    side.ids["danger_pattern"] = pattern.pk
    hold = legal_hold_place(
        actor=fb,
        record_kind="persons.person",
        object_id=side.ids["person"],  # type: ignore[arg-type]  # a UUID, set above
        reason=f"Rechtszaak{m} loopt nog",
    )
    side.ids["legal_hold"] = hold.pk
    side.ids["notifications"] = {
        role: notify(
            [side.personas[role].user],
            NotificationKind.MATCH_FOUND,
            reverse("portal:home"),
            email=False,
        )[0].public_id
        for role in ROLES
    }
    side.secrets += [f"Notitie{m}", f"Melding{m}", f"Bericht{m}", f"Signaal{m}"]


def _kansrijke_start(side: Side) -> None:
    """The lokaal team signals a young family to a JGZ of its side, whose nurse
    (not one of the side's personas) records a contact moment; and the
    coalition's objects (merged from h-ks1 and h-ks2 on h-ks3)."""
    lt = side.actor(Role.LOKAAL_TEAM_MEDEWERKER)
    m = side.marker
    jgz = OrganisationFactory.create(name=f"JGZ {m} (test)", type=OrganisationType.JGZ)
    nurse = _persona(Role.PROFESSIONAL, jgz).actor
    signal = signal_create(
        actor=lt,
        data=SignalInput(
            parent=PersonInput(given_name=f"Ouder{m}", family_name=f"Familie{m}"),
            phase=Phase.YOUNG_CHILD,
            child=PersonInput(
                given_name=f"Baby{m}",
                family_name=f"Familie{m}",
                date_of_birth=timezone.localdate() - dt.timedelta(days=60),
            ),
            domains=[VulnerabilityDomain.FINANCES_DEBT],
            concern=f"Zorg{m} om de schulden.",
            consent=ConsentStatus.GIVEN,
            follow_up_organisation=jgz,
        ),
    )
    side.ids["start_signal"] = signal.public_id
    moment = contact_moment_record(
        actor=nurse,
        signal=signal,
        data=ContactInput(
            kind=ContactKind.HOME_VISIT_AFTER_BIRTH,
            happened_on=timezone.localdate(),
            next_step=NextStep.REGULAR_SCHEDULE,
            parent_words=f"Woorden{m} van de ouder.",
        ),
    )
    side.ids["contact_moment"] = moment.public_id
    request = contact_moment_start_household_case(
        actor=nurse, moment=moment, lokaal_team=lt.organisation, note=f"Notitie{m}"
    )
    side.ids["household_request"] = request.public_id
    side.secrets += [f"Ouder{m}", f"Baby{m}", f"Zorg{m}", f"Woorden{m}"]
    _coalition(side, signal, nurse)


def _coalition(side: Side, signal: StartSignal, nurse: Actor) -> None:
    """The coalition's consultation, chaired by the lokaal team worker, with the
    family on the agenda (placed by the JGZ nurse, with consent), an action the
    worker owns, and an intervention. The school takes no part in any of it."""
    m = side.marker
    lt = side.actor(Role.LOKAAL_TEAM_MEDEWERKER)
    meeting = coalition.meeting_create(
        actor=lt,
        title=f"Overleg {m}",
        held_on=timezone.localdate(),
        participants=[nurse.membership],
    )
    side.ids["ks_meeting"] = meeting.public_id
    item = coalition.agenda_add(
        actor=nurse,
        meeting=meeting,
        signal=signal,
        shared_summary=f"SamenvattingKS{m}",
        consent_checked=True,
    )
    side.ids["ks_agenda_item"] = item.public_id
    action = coalition.action_add(
        actor=lt,
        agenda_item=item,
        owner=lt.membership,
        due_on=timezone.localdate() + dt.timedelta(days=7),
        description=f"ActieKS{m}",
    )
    side.ids["ks_action"] = action.public_id
    intervention = coalition.intervention_offer(
        actor=nurse,
        signal=signal,
        kind=InterventionKind.VOORZORG,
        offered_on=timezone.localdate(),
    )
    side.ids["ks_intervention"] = intervention.public_id
    side.secrets += [f"SamenvattingKS{m}", f"ActieKS{m}"]


def build_side(marker: str, channel_code: str) -> Side:
    school, team, gemeente = _organisations(marker)
    side = Side(
        marker=marker, school=school, personas=_personas(school, team, gemeente)
    )
    _trajectories(side)
    _other_objects(side, channel_code)
    _kansrijke_start(side)
    side.ids["help_service"] = help_service_slug()
    side.ids["organisation"] = school.public_id
    ga = side.personas[Role.GEMEENTE_ANALIST]
    side.ids["organisation_import"] = OrganisationImport.objects.create(
        organisation=ga.membership.organisation,
        requested_by=ga.user,
        membership=ga.membership,
        file_name=f"duo-{marker}.csv",
        register="duo",
        delimiter=";",
        encoding="UTF-8",
        preview={"rows": 0, "errors": [], "created": [], "updated": []},
    ).public_id
    # A colleague in the school, for the functioneel beheerder's staff pages.
    side.ids["staff_user"] = side.personas[Role.PROFESSIONAL].user.public_id
    return side


def build_world() -> World:
    return World(
        own=build_side("Eigenaar", "EIGEN"), other=build_side("Vreemde", "VREEMD")
    )


def trajectory_of(side: Side) -> Trajectory:
    public_id = side.ids["trajectory"]
    assert isinstance(public_id, uuid.UUID)
    return Trajectory.objects.get(public_id=public_id)


def help_service_slug() -> str:
    from kindveilig.youth.public.models import HelpService

    slug = HelpService.objects.order_by("pk").values_list("slug", flat=True).first()
    assert slug, "the youth migrations seed the help services"
    return slug
