"""Demo households in every phase of the Routekaart naar Veiligheid, built
through the real services: a school shares a trajectory, the lokaal team makes
the household and directs the case, with mappings, plans, meetings, phase
changes, a waiting handover and a Verwijsindex match. All names are fictitious.

Call after ``ensure_trajectories`` (which skips organisations that already have
trajectories): ``ensure_households(organisations)``.
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.core.validators import is_valid_bsn
from kindveilig.households.models import (
    Household,
    ItemKind,
    MeetingKind,
    MemberRole,
    PartnerKind,
    Perspective,
    Phase,
    SafetyCase,
)
from kindveilig.households.services import (
    ItemInput,
    MappingInput,
    PersonInput,
    ScoreInput,
    case_close,
    handover_create_for_case,
    household_create_from_trajectory,
    mapping_record,
    meeting_add,
    member_add,
    partner_add,
    phase_change,
    plan_version_create,
)
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.models import LegalBasis
from kindveilig.meldcode.services import share_create
from kindveilig.organisations.models import Organisation
from kindveilig.verwijsindex.services import ChildSignalInput, signal_register_for_child

DEMO_DOMAIN = "demo.kindveilig.invalid"


@dataclass(frozen=True)
class DemoHousehold:
    label: str
    child: str
    sibling: str
    family: str
    phase: Phase
    closed: bool = False
    handover_to_jeugdbescherming: bool = False
    jgz_signal: bool = False
    days_open: int = 20


DEMO_HOUSEHOLDS = [
    DemoHousehold(
        label="Huishouden Demodorp (demo)",
        child="Demi (demo)",
        sibling="Fictief (demo)",
        family="Demodorp",
        phase=Phase.DIRECTE_VEILIGHEID,
        handover_to_jeugdbescherming=True,
        jgz_signal=True,
        days_open=21,
    ),
    DemoHousehold(
        label="Huishouden Fictiefsma (demo)",
        child="Proef (demo)",
        sibling="Testa (demo)",
        family="Fictiefsma",
        phase=Phase.STABIELE_VEILIGHEID,
        days_open=75,
    ),
    DemoHousehold(
        label="Huishouden Proefhuis (demo)",
        child="Voorbeeld (demo)",
        sibling="Nep (demo)",
        family="Proefhuis",
        phase=Phase.HERSTEL,
        days_open=160,
    ),
    DemoHousehold(
        label="Huishouden Testerink (demo)",
        child="Oefen (demo)",
        sibling="Pseudo (demo)",
        family="Testerink",
        phase=Phase.HERSTEL,
        closed=True,
        days_open=240,
    ),
]


def _bsn(rng: random.Random) -> str:
    """Elfproef-valid, starting 9999 (the BRP test range): never a real child's."""
    while True:
        candidate = "9999" + "".join(str(rng.randint(0, 9)) for _ in range(5))
        if is_valid_bsn(candidate):
            return candidate


def _actor(email: str, organisation: Organisation, role: Role) -> Actor:
    membership = Membership.objects.select_related("user", "organisation").get(
        user__email=email, organisation=organisation, role=role
    )
    return Actor(user=membership.user, membership=membership)


def _scores(
    household: Household, professional: int, parent: int, child: int, words: str
) -> list[ScoreInput]:
    kid = household.members.filter(role=MemberRole.CHILD).select_related("person")[0]
    mother = next(  # names are encrypted: chosen in Python
        member
        for member in household.members.filter(role=MemberRole.PARENT)
        .select_related("person")
        .order_by("pk")
        if member.person.given_name.startswith("Moeder")
    )
    return [
        ScoreInput(
            Perspective.PROFESSIONAL,
            professional,
            professional_name="Wim Wijkteam (demo)",
        ),
        ScoreInput(Perspective.PARENT, parent, person=mother.person.public_id),
        ScoreInput(Perspective.CHILD, child, person=kid.person.public_id, words=words),
    ]


def _mapping(
    wijkteam: Actor, household: Household, day: dt.date, scores: list[ScoreInput]
) -> None:
    mapping_record(
        actor=wijkteam,
        case=household.cases.get(status="open"),
        data=MappingInput(
            assessed_on=day,
            harm="Blauwe plekken op de arm; de kinderen zagen ruzies met duwen en schreeuwen.",
            danger="We zijn bang dat vader opnieuw slaat als hij boos is en dat de "
            "kinderen bang blijven om thuis te zijn.",
            strengths="Moeder zoekt hulp; oma is dichtbij en betrokken; school ziet de kinderen elke dag.",
            existing_safety="Oma vangt de kinderen op als het thuis onrustig wordt.",
            next_steps="Vader start een training; moeder en oma maken een signaleringsplan.",
            complicating="Schulden en krappe huisvesting.",
        ),
        scores=scores,
    )


def _plan(
    wijkteam: Actor, household: Household, based_on: int, due: dt.date, note: str
) -> None:
    case = household.cases.get(status="open")
    partner = case.partners.first()
    plan_version_create(
        actor=wijkteam,
        case=case,
        items=[
            ItemInput(
                kind=ItemKind.CONDITION,
                what="Er wordt in huis niet geslagen, geduwd of gedreigd.",
                who="Vader en moeder",
                set_by="Veilig Thuis Haaglanden (demo)",
                child_text="Niemand slaat, duwt of dreigt in huis.",
            ),
            ItemInput(
                kind=ItemKind.AGREEMENT,
                what="Vader volgt de training agressieregulatie en laat het certificaat zien.",
                who="Vader",
                due_on=due,
                how_checked="De regievoerder ziet het bewijs van deelname.",
                child_text="Papa leert wat hij kan doen als hij boos wordt.",
            ),
            ItemInput(
                kind=ItemKind.AGREEMENT,
                what="School meldt elke maandag aan de regievoerder hoe het met de kinderen gaat.",
                who="Mentor op school",
                due_on=due + dt.timedelta(days=60),
                how_checked="Wekelijkse mail aan de regievoerder.",
                partner=partner.public_id if partner else None,
                child_text="Juf let op hoe het met je gaat en praat met je als je wilt.",
            ),
            ItemInput(
                kind=ItemKind.AGREEMENT,
                what="Bij onrust gaan de kinderen naar oma; moeder belt dan de regievoerder.",
                who="Moeder en oma",
                due_on=due + dt.timedelta(days=90),
                how_checked="Moeder meldt elke keer dat het plan is gebruikt.",
                child_text="Als het thuis onrustig wordt, mag je naar oma.",
            ),
        ],
        note=note,
        based_on=based_on,
    )


def _build(
    spec: DemoHousehold,
    rng: random.Random,
    teacher: Actor,
    wijkteam: Actor,
    nurse: Actor,
    jeugdbescherming: Organisation,
) -> None:
    """One demo household, walked through the Routekaart up to ``spec.phase``."""
    now = timezone.now()
    opened = now - dt.timedelta(days=spec.days_open)
    bsn = _bsn(rng)
    household = _open_household(spec, teacher, wijkteam, bsn, opened)
    _add_members(spec, rng, wijkteam, household)
    case = household.cases.get()
    _add_partners(wijkteam, case, teacher)
    start = opened.date()
    _mapping(
        wijkteam,
        household,
        start + dt.timedelta(days=2),
        _scores(household, 2, 4, 3, "Ik ben bang als papa heel boos wordt."),
    )
    _plan(
        wijkteam,
        household,
        based_on=0,
        due=start + dt.timedelta(days=14),
        note="",
    )
    if spec.handover_to_jeugdbescherming:
        handover_create_for_case(
            actor=wijkteam,
            case=case,
            to_organisation=jeugdbescherming,
            note="Ondertoezichtstelling aangevraagd; de voorwaarden worden niet nagekomen.",
        )
    if spec.jgz_signal:
        _jgz_signal(nurse, spec, bsn)
    if spec.phase == Phase.DIRECTE_VEILIGHEID:
        return
    _to_stabiele_veiligheid(wijkteam, household, case, opened)
    if spec.phase == Phase.STABIELE_VEILIGHEID:
        return
    _to_herstel(wijkteam, household, case, opened, close=spec.closed)


def _open_household(
    spec: DemoHousehold,
    teacher: Actor,
    wijkteam: Actor,
    bsn: str,
    opened: dt.datetime,
) -> Household:
    """The school's trajectory at step 2, shared with the lokaal team, which
    makes the household from it."""
    trajectory = scenarios.at_step_2(
        teacher, given_name=spec.child, family_name=spec.family, bsn=bsn
    )
    share_create(
        actor=teacher,
        trajectory=trajectory,
        to_organisation=wijkteam.organisation,
        legal_basis=LegalBasis.CONSENT_PARENTS,
        consent_given_by="Moeder (met gezag)",
        consent_given_on=timezone.localdate(),
    )
    return household_create_from_trajectory(
        actor=wijkteam, trajectory=trajectory, label=spec.label, opened_at=opened
    )


def _add_members(
    spec: DemoHousehold, rng: random.Random, wijkteam: Actor, household: Household
) -> None:
    """A sibling, the mother (with gezag over both children) and grandma."""
    children = [
        m.person.public_id for m in household.members.filter(role=MemberRole.CHILD)
    ]
    sibling = member_add(
        actor=wijkteam,
        household=household,
        data=PersonInput(
            given_name=spec.sibling,
            family_name=spec.family,
            date_of_birth=dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 1500)),
        ),
        role=MemberRole.SIBLING,
    ).member
    assert sibling is not None
    member_add(
        actor=wijkteam,
        household=household,
        data=PersonInput(
            given_name="Moeder (demo)",
            family_name=spec.family,
            date_of_birth=dt.date(1982, 1, 1) + dt.timedelta(days=rng.randint(0, 3650)),
        ),
        role=MemberRole.PARENT,
        gezag_over=[*children, sibling.person.public_id],
    )
    member_add(
        actor=wijkteam,
        household=household,
        data=PersonInput(given_name="Oma (demo)", family_name=spec.family),
        role=MemberRole.NETWORK,
    )


def _add_partners(wijkteam: Actor, case: SafetyCase, teacher: Actor) -> None:
    """The school, with the teacher as contact, and Veilig Thuis."""
    partner_add(
        actor=wijkteam,
        case=case,
        kind=PartnerKind.SCHOOL,
        organisation=teacher.organisation,
        contact_name=teacher.user.full_name,
        contact_email=teacher.user.email,
        contact_user=teacher.user,
        takes_on="Let op signalen in de klas en meldt wekelijks aan de regievoerder.",
    )
    partner_add(
        actor=wijkteam,
        case=case,
        kind=PartnerKind.VEILIG_THUIS,
        organisation_name="Veilig Thuis Haaglanden (demo)",
        contact_name="Vera Veilig (demo)",
        contact_phone="0800-2000",
        takes_on="Stelde de veiligheidsvoorwaarden; toetst ze na drie maanden.",
    )


def _jgz_signal(nurse: Actor, spec: DemoHousehold, bsn: str) -> None:
    """The JGZ nurse registers the child in the Verwijsindex (a match)."""
    signal_register_for_child(
        actor=nurse,
        data=ChildSignalInput(
            given_name=spec.child,
            family_name=spec.family,
            bsn=bsn,
            contact_phone="015-0000000",
            parents_informed=True,
        ),
    )


def _to_stabiele_veiligheid(
    wijkteam: Actor, household: Household, case: SafetyCase, opened: dt.datetime
) -> None:
    """An MDO, a second mapping, the phase change and a new plan version."""
    start = opened.date()
    meeting_add(
        actor=wijkteam,
        case=case,
        kind=MeetingKind.MDO,
        held_on=start + dt.timedelta(days=40),
        participants="Wijkteam, school, Veilig Thuis, moeder, oma",
        decisions="Voorwaarden worden nagekomen; door naar stabiele veiligheid. Evaluatie over zes weken.",
    )
    _mapping(
        wijkteam,
        household,
        start + dt.timedelta(days=41),
        _scores(household, 6, 7, 6, "Het is rustiger thuis. Papa schreeuwt minder."),
    )
    case.refresh_from_db()
    phase_change(
        actor=wijkteam,
        case=case,
        to_phase=Phase.STABIELE_VEILIGHEID,
        reason="Geen incidenten sinds zes weken; voorwaarden nagekomen; training gestart.",
        safety_score=6,
        children_said="'Het is rustiger thuis.' De jongste tekende een huis met zon.",
        expected_version=case.version,
        changed_at=opened + dt.timedelta(days=42),
    )
    _plan(
        wijkteam,
        household,
        based_on=1,
        due=start + dt.timedelta(days=120),
        note="Afspraken gericht op blijvende veiligheid; nieuwe datum voor de training.",
    )


def _to_herstel(
    wijkteam: Actor,
    household: Household,
    case: SafetyCase,
    opened: dt.datetime,
    *,
    close: bool,
) -> None:
    """A third mapping and the phase change; then, if ``close``, the close."""
    start = opened.date()
    _mapping(
        wijkteam,
        household,
        start + dt.timedelta(days=130),
        _scores(household, 8, 8, 9, "Ik ben niet meer bang thuis."),
    )
    case.refresh_from_db()
    phase_change(
        actor=wijkteam,
        case=case,
        to_phase=Phase.HERSTEL,
        reason="Al maanden veilig; nu aandacht voor herstel en traumabehandeling van de kinderen.",
        safety_score=8,
        children_said="'Ik ben niet meer bang thuis.'",
        expected_version=case.version,
        changed_at=opened + dt.timedelta(days=135),
    )
    if close:
        case.refresh_from_db()
        case_close(
            actor=wijkteam,
            case=case,
            reason="Stabiel veilig; herstelzorg loopt via de huisarts en GGZ.",
            expected_version=case.version,
        )


def ensure_households(organisations: dict[str, Organisation]) -> int:
    """Idempotent: a demo household that exists (by its label) is left alone.
    Returns the number of households created."""
    rng = random.Random(20261205)  # noqa: S311  # fixed seed: the same demo every time
    teacher = _actor(
        f"leerkracht@{DEMO_DOMAIN}", organisations["DEMO-PO-01"], Role.PROFESSIONAL
    )
    wijkteam = _actor(
        f"wijkteam@{DEMO_DOMAIN}",
        organisations["DEMO-LT-01"],
        Role.LOKAAL_TEAM_MEDEWERKER,
    )
    nurse = _actor(
        f"jgz@{DEMO_DOMAIN}", organisations["DEMO-JGZ-01"], Role.PROFESSIONAL
    )
    created = 0
    existing = set(Household.objects.values_list("label", flat=True))  # decrypted
    for spec in DEMO_HOUSEHOLDS:
        if spec.label in existing:
            continue
        _build(spec, rng, teacher, wijkteam, nurse, organisations["DEMO-JB-01"])
        created += 1
    return created
