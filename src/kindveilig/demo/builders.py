"""Fictitious demo data, built through the real services.

Every name here is made up and marked so ("(demo)"); the BSNs come from a
generator that produces elfproef-valid numbers in a range we reserve for tests.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import EncryptedTOTPDevice, Membership, User
from kindveilig.accounts.services import membership_add, user_create
from kindveilig.core.validators import is_valid_bsn
from kindveilig.demo.history_builders import ensure_history
from kindveilig.demo.household_builders import ensure_households
from kindveilig.demo.household_history_builders import ensure_household_history
from kindveilig.demo.kansrijke_builders import ensure_kansrijke_start
from kindveilig.demo.kindcheck_builders import ensure_kindchecks
from kindveilig.demo.learning_builders import ensure_learning
from kindveilig.demo.readiness_builders import ensure_readiness
from kindveilig.demo.youth_builders import ensure_youth_channels
from kindveilig.demo.youth_history_builders import ensure_youth_history
from kindveilig.households.models import Household, HouseholdMember, MemberRole
from kindveilig.meldcode import scenarios
from kindveilig.meldcode.afwegingskader import Answer
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import HandoverChannel, Step
from kindveilig.meldcode.services import (
    decision_cosign,
    decision_propose,
    melding_handover,
    step_advance,
)
from kindveilig.meldcode.services.decisions import DecisionInput
from kindveilig.monitor.services import monitor_refresh
from kindveilig.organisations.models import Municipality, Organisation, OrganisationType
from kindveilig.persons.models import Person
from kindveilig.persons.services import person_create

DEMO_PASSWORD = "demo-wachtwoord-kindveilig"  # noqa: S105  # printed, demo mode only
DEMO_DOMAIN = "demo.kindveilig.invalid"

# (external code, name, type, municipality) — all fictitious.
DEMO_ORGANISATIONS: list[tuple[str, str, str, str]] = [
    (
        "DEMO-PO-01",
        "Basisschool De Regenboog (demo)",
        OrganisationType.PRIMARY_SCHOOL,
        "Den Haag",
    ),
    (
        "DEMO-PO-02",
        "Basisschool Het Kompas (demo)",
        OrganisationType.PRIMARY_SCHOOL,
        "Delft",
    ),
    (
        "DEMO-VO-01",
        "Scholengemeenschap Duinzicht (demo)",
        OrganisationType.SECONDARY_SCHOOL,
        "Den Haag",
    ),
    (
        "DEMO-VO-02",
        "Lyceum Het Hofje (demo)",
        OrganisationType.SECONDARY_SCHOOL,
        "Zoetermeer",
    ),
    (
        "DEMO-MBO-01",
        "MBO College Haaglanden-West (demo)",
        OrganisationType.MBO,
        "Rijswijk",
    ),
    (
        "DEMO-KO-01",
        "Kinderdagverblijf Het Kabouterhuis (demo)",
        OrganisationType.KINDEROPVANG,
        "Westland",
    ),
    (
        "DEMO-KO-02",
        "BSO De Speeltuin (demo)",
        OrganisationType.KINDEROPVANG,
        "Pijnacker-Nootdorp",
    ),
    (
        "DEMO-PSZ-01",
        "Peuterspeelzaal Duimelot (demo)",
        OrganisationType.PEUTERSPEELZAAL,
        "Leidschendam-Voorburg",
    ),
    ("DEMO-JGZ-01", "JGZ Zuid-Holland West (demo)", OrganisationType.JGZ, "Delft"),
    ("DEMO-JGZ-02", "CJG Den Haag (demo)", OrganisationType.JGZ, "Den Haag"),
    (
        "DEMO-LT-01",
        "Lokaal team Den Haag Centrum (demo)",
        OrganisationType.LOKAAL_TEAM,
        "Den Haag",
    ),
    (
        "DEMO-LT-02",
        "Wijkteam Zoetermeer-Noord (demo)",
        OrganisationType.LOKAAL_TEAM,
        "Zoetermeer",
    ),
    (
        "DEMO-VT-01",
        "Veilig Thuis Haaglanden (demo)",
        OrganisationType.VEILIG_THUIS,
        "Den Haag",
    ),
    (
        "DEMO-JB-01",
        "Jeugdbescherming West (demo)",
        OrganisationType.JEUGDBESCHERMING,
        "Den Haag",
    ),
    (
        "DEMO-SC-01",
        "Voetbalvereniging De Zeemeeuwen (demo)",
        OrganisationType.SPORT_CULTURE_CLUB,
        "Wassenaar",
    ),
    (
        "DEMO-SC-02",
        "Muziekschool De Toonladder (demo)",
        OrganisationType.SPORT_CULTURE_CLUB,
        "Midden-Delfland",
    ),
    (
        "DEMO-HA-01",
        "Huisartsenpraktijk Lindelaan (demo)",
        OrganisationType.HUISARTS,
        "Rijswijk",
    ),
    (
        "DEMO-GM-01",
        "Gemeente Den Haag, team Jeugd (demo)",
        OrganisationType.GEMEENTE,
        "Den Haag",
    ),
    # A service for adults: the kindcheck at intake and evaluation.
    ("DEMO-GGZ-01", "GGZ De Duinroos (demo)", OrganisationType.GGZ, "Den Haag"),
    # Kansrijke Start: the geboortezorg signals, schuldhulpverlening helps.
    (
        "DEMO-VK-01",
        "Verloskundigenpraktijk De Ooievaar (demo)",
        OrganisationType.VERLOSKUNDIGENPRAKTIJK,
        "Den Haag",
    ),
    (
        "DEMO-SHV-01",
        "Schuldhulpverlening Den Haag (demo)",
        OrganisationType.SCHULDHULPVERLENING,
        "Den Haag",
    ),
]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    organisation_code: str
    role: Role


DEMO_ACCOUNTS = [
    DemoAccount(
        f"leerkracht@{DEMO_DOMAIN}",
        "Lotte Leerkracht (demo)",
        "DEMO-PO-01",
        Role.PROFESSIONAL,
    ),
    DemoAccount(
        f"aandacht@{DEMO_DOMAIN}",
        "Aziz Aandacht (demo)",
        "DEMO-PO-01",
        Role.AANDACHTSFUNCTIONARIS,
    ),
    DemoAccount(
        f"wijkteam@{DEMO_DOMAIN}",
        "Wim Wijkteam (demo)",
        "DEMO-LT-01",
        Role.LOKAAL_TEAM_MEDEWERKER,
    ),
    # Directs the history's cases in Zoetermeer (the monitor's household charts).
    DemoAccount(
        f"wijkteam-zoetermeer@{DEMO_DOMAIN}",
        "Zara Wijkteam-Zoetermeer (demo)",
        "DEMO-LT-02",
        Role.LOKAAL_TEAM_MEDEWERKER,
    ),
    DemoAccount(
        f"analist@{DEMO_DOMAIN}",
        "Anna Analist (demo)",
        "DEMO-GM-01",
        Role.GEMEENTE_ANALIST,
    ),
    DemoAccount(
        f"beheer@{DEMO_DOMAIN}",
        "Bram Beheer (demo)",
        "DEMO-PO-01",
        Role.FUNCTIONEEL_BEHEERDER,
    ),
    # The school board in the meldplicht route (suspicions against a colleague).
    DemoAccount(
        f"bestuur@{DEMO_DOMAIN}",
        "Bea Bestuur (demo)",
        "DEMO-PO-01",
        Role.BEVOEGD_GEZAG,
    ),
    DemoAccount(
        f"jgz@{DEMO_DOMAIN}",
        "Julia JGZ-verpleegkundige (demo)",
        "DEMO-JGZ-01",
        Role.PROFESSIONAL,
    ),
    DemoAccount(
        f"aandacht-jgz@{DEMO_DOMAIN}",
        "Hasan Aandacht-JGZ (demo)",
        "DEMO-JGZ-01",
        Role.AANDACHTSFUNCTIONARIS,
    ),
    DemoAccount(
        f"opvang@{DEMO_DOMAIN}", "Ollie Opvang (demo)", "DEMO-KO-01", Role.PROFESSIONAL
    ),
    DemoAccount(
        f"trainer@{DEMO_DOMAIN}", "Tess Trainer (demo)", "DEMO-SC-01", Role.PROFESSIONAL
    ),
    # Co-signs the step-5 decisions of the kinderopvang's demo trajectories.
    DemoAccount(
        f"aandacht-opvang@{DEMO_DOMAIN}",
        "Anouk Aandacht-Opvang (demo)",
        "DEMO-KO-01",
        Role.AANDACHTSFUNCTIONARIS,
    ),
]
DEMO_ACCOUNTS += [
    # A second school with its own people: what one school cannot see of another.
    DemoAccount(
        f"leerkracht-kompas@{DEMO_DOMAIN}",
        "Kees Kompas-Leerkracht (demo)",
        "DEMO-PO-02",
        Role.PROFESSIONAL,
    ),
    DemoAccount(
        f"aandacht-kompas@{DEMO_DOMAIN}",
        "Karin Aandacht-Kompas (demo)",
        "DEMO-PO-02",
        Role.AANDACHTSFUNCTIONARIS,
    ),
    # The receiving side of the households' warm handover to jeugdbescherming.
    DemoAccount(
        f"jeugdbescherming@{DEMO_DOMAIN}",
        "Jolanda Jeugdbeschermer (demo)",
        "DEMO-JB-01",
        Role.PROFESSIONAL,
    ),
    # A service for adults: the kindcheck, and the trajectory a worry started.
    DemoAccount(
        f"ggz@{DEMO_DOMAIN}",
        "Gijs GGZ-behandelaar (demo)",
        "DEMO-GGZ-01",
        Role.PROFESSIONAL,
    ),
    DemoAccount(
        f"aandacht-ggz@{DEMO_DOMAIN}",
        "Gerda Aandacht-GGZ (demo)",
        "DEMO-GGZ-01",
        Role.AANDACHTSFUNCTIONARIS,
    ),
]
# Kansrijke Start (docs/kansrijke-start.md): the midwife signals, the JGZ nurse
# of the CJG follows up, schuldhulpverlening takes the warm referral.
DEMO_ACCOUNTS += [
    DemoAccount(
        f"verloskundige@{DEMO_DOMAIN}",
        "Mirjam Verloskundige (demo)",
        "DEMO-VK-01",
        Role.PROFESSIONAL,
    ),
    DemoAccount(
        f"cjg@{DEMO_DOMAIN}",
        "Carla CJG-verpleegkundige (demo)",
        "DEMO-JGZ-02",
        Role.PROFESSIONAL,
    ),
    DemoAccount(
        f"schuldhulp@{DEMO_DOMAIN}",
        "Sven Schuldhulp (demo)",
        "DEMO-SHV-01",
        Role.PROFESSIONAL,
    ),
]
# An own aandachtsfunctionaris for every other organisation type in the demo,
# except the sport club and the lokaal team (those get a municipal fallback).
DEMO_ACCOUNTS += [
    DemoAccount(
        f"aandacht-{slug}@{DEMO_DOMAIN}",
        f"{name} (demo)",
        code,
        Role.AANDACHTSFUNCTIONARIS,
    )
    for slug, name, code in [
        ("vo", "Vera Aandacht-VO", "DEMO-VO-01"),
        ("mbo", "Mehmet Aandacht-MBO", "DEMO-MBO-01"),
        ("psz", "Petra Aandacht-Peuterspeelzaal", "DEMO-PSZ-01"),
        ("vt", "Victor Aandacht-Veilig-Thuis", "DEMO-VT-01"),
        ("jb", "Jasmijn Aandacht-Jeugdbescherming", "DEMO-JB-01"),
        ("huisarts", "Hugo Aandacht-Huisarts", "DEMO-HA-01"),
        ("gemeente", "Gina Aandacht-Gemeente", "DEMO-GM-01"),
        ("verloskundigen", "Veerle Aandacht-Verloskundigen", "DEMO-VK-01"),
        ("schuldhulp", "Sjoerd Aandacht-Schuldhulp", "DEMO-SHV-01"),
    ]
]
# A second role for the aandachtsfunctionaris: shows acting in one of several.
EXTRA_MEMBERSHIPS = [
    (f"aandacht@{DEMO_DOMAIN}", "DEMO-PO-02", Role.AANDACHTSFUNCTIONARIS)
]

# Clearly synthetic first and family names for children and parents.
DEMO_GIVEN = [
    "Demi",
    "Fictief",
    "Proef",
    "Testa",
    "Voorbeeld",
    "Nep",
    "Oefen",
    "Pseudo",
]
DEMO_FAMILY = [
    "Demodorp",
    "Fictiefsma",
    "Proefhuis",
    "Testerink",
    "Voorbeeldmans",
    "Neppenburg",
]


def demo_bsn(rng: random.Random) -> str:
    """An elfproef-valid number starting 9999: the range the BRP test set uses, so
    it cannot be a real child's BSN."""
    while True:
        candidate = "9999" + "".join(str(rng.randint(0, 9)) for _ in range(5))
        if is_valid_bsn(candidate):
            return candidate


def ensure_organisations() -> dict[str, Organisation]:
    municipalities = {m.name: m for m in Municipality.objects.all()}
    result: dict[str, Organisation] = {}
    for code, name, org_type, municipality in DEMO_ORGANISATIONS:
        org, _ = Organisation.objects.update_or_create(
            external_code=code,
            defaults={
                "name": name,
                "type": org_type,
                "municipality": municipalities[municipality],
            },
        )
        result[code] = org
    # JGZ Zuid-Holland West serves the whole region: its aandachtsfunctionaris
    # co-signs for organisations without one (the sport club, the lokaal team).
    # Veilig Thuis Haaglanden is on duty for children's urgent messages that
    # nobody at the school or club opens in time (docs/youth-messages.md).
    Municipality.objects.filter(
        pk__in={org.municipality_id for org in result.values()}
    ).update(
        fallback_organisation=result["DEMO-JGZ-01"],
        youth_on_duty_organisation=result["DEMO-VT-01"],
    )
    return result


def ensure_accounts(
    organisations: dict[str, Organisation],
) -> list[tuple[User, EncryptedTOTPDevice]]:
    accounts: list[tuple[User, EncryptedTOTPDevice]] = []
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email=account.email).first()
        if user is None:
            user = user_create(
                email=account.email,
                full_name=account.full_name,
                password=DEMO_PASSWORD,
                validate=False,
            )
        membership_add(
            user=user,
            organisation=organisations[account.organisation_code],
            role=account.role,
        )
        device = EncryptedTOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = EncryptedTOTPDevice.objects.create(
                user=user, name="demo", confirmed=True
            )
        accounts.append((user, device))
    for email, code, role in EXTRA_MEMBERSHIPS:
        membership_add(
            user=User.objects.get(email=email),
            organisation=organisations[code],
            role=role,
        )
    return accounts


def ensure_people(organisations: dict[str, Organisation]) -> int:
    """Fictitious households with children, registered by a few organisations."""
    rng = random.Random(20261129)  # noqa: S311  # fixed seed: the same demo every time
    created = 0
    owners = [
        "DEMO-PO-01",
        "DEMO-PO-01",
        "DEMO-JGZ-01",
        "DEMO-LT-01",
        "DEMO-KO-01",
        "DEMO-SC-01",
    ]
    existing = demo_household_labels()
    for index, owner_code in enumerate(owners):
        organisation = organisations[owner_code]
        label = f"Huishouden {DEMO_FAMILY[index % len(DEMO_FAMILY)]} {index + 1} (demo)"
        if label in existing:
            continue
        family = DEMO_FAMILY[index % len(DEMO_FAMILY)]
        household = Household.objects.create(
            label=label,
            municipality=organisation.municipality,
            registered_by=organisation,
        )
        parent = person_create(
            actor=None,
            organisation=organisation,
            given_name=DEMO_GIVEN[(index + 3) % len(DEMO_GIVEN)] + " (ouder, demo)",
            family_name=family,
            date_of_birth=date(1985, 1, 1) + timedelta(days=rng.randint(0, 3650)),
        )
        HouseholdMember.objects.create(
            household=household, person=parent, role=MemberRole.PARENT, has_gezag=True
        )
        for child_number in range(1 + index % 3):
            child = person_create(
                actor=None,
                organisation=organisation,
                given_name=f"{DEMO_GIVEN[(index + child_number) % len(DEMO_GIVEN)]} (demo)",
                family_name=family,
                date_of_birth=date(2012, 1, 1) + timedelta(days=rng.randint(0, 4000)),
                bsn=demo_bsn(rng),
            )
            HouseholdMember.objects.create(
                household=household, person=child, role=MemberRole.CHILD
            )
            created += 1
    return created


# Meldcode trajectories per organisation: (professional, aandachtsfunctionaris or
# None, the states to build). Together: every step, every status, one acute, in
# four sectors (onderwijs, JGZ, kinderopvang, sport).
DEMO_TRAJECTORIES: dict[str, tuple[str, str | None, list[str]]] = {
    "DEMO-PO-01": (
        f"leerkracht@{DEMO_DOMAIN}",
        f"aandacht@{DEMO_DOMAIN}",
        [
            "step_1",
            "step_2",
            "step_3",
            "step_4",
            "step_5",
            "decided",
            "helping",
            "melded",
            "after_feedback",
            "closed_no_suspicion",
            "acute",
        ],
    ),
    "DEMO-JGZ-01": (
        f"jgz@{DEMO_DOMAIN}",
        f"aandacht-jgz@{DEMO_DOMAIN}",
        ["step_2", "step_5", "helping", "melded_two_weeks_ago", "acute"],
    ),
    "DEMO-KO-01": (
        f"opvang@{DEMO_DOMAIN}",
        f"aandacht-opvang@{DEMO_DOMAIN}",
        ["step_1", "step_3", "melded", "closed_no_suspicion"],
    ),
    "DEMO-SC-01": (f"trainer@{DEMO_DOMAIN}", None, ["step_1", "step_2", "step_4"]),
    # The other school's trajectory: De Regenboog does not see it.
    "DEMO-PO-02": (
        f"leerkracht-kompas@{DEMO_DOMAIN}",
        f"aandacht-kompas@{DEMO_DOMAIN}",
        ["step_2"],
    ),
}


def _demo_actor(email: str, organisation: Organisation, role: Role) -> Actor:
    membership = Membership.objects.select_related("user", "organisation").get(
        user__email=email, organisation=organisation, role=role
    )
    return Actor(user=membership.user, membership=membership)


def _helping(actor: Actor, cosigner: Actor, **names: str) -> None:
    """Help instead of a melding: no acute or structural unsafety (afweging 2),
    help possible and accepted (3 and 4); the result (5) is judged later.
    There is no scenario for it, so it goes on with the public services."""
    trajectory = scenarios.weigh(
        actor,
        scenarios.at_step_4(actor, **names),
        [Answer.YES, Answer.NO, Answer.YES, Answer.YES],
    )
    trajectory = step_advance(
        actor=actor,
        trajectory=trajectory,
        to_step=Step.BESLISSEN,
        expected_version=trajectory.version,
    )
    decision = decision_propose(
        actor=actor,
        trajectory=trajectory,
        data=DecisionInput(
            melden=False,
            melden_rationale="Geen acute of structurele onveiligheid; ouders werken mee.",
            help_possible=True,
            help_rationale="Ouders aanvaarden opvoedondersteuning via het CJG.",
            help_plan="Opvoedondersteuning door het CJG; evaluatie over zes weken.",
        ),
        expected_version=trajectory.version,
    )
    trajectory.refresh_from_db()
    decision_cosign(
        actor=cosigner, decision=decision, expected_version=trajectory.version
    )


def _build_trajectory(
    state: str, actor: Actor, cosigner: Actor | None, **names: str
) -> None:
    if state == "step_1":
        scenarios.start(actor, **names)
    elif state == "step_2":
        scenarios.at_step_2(actor, **names)
    elif state == "step_3":
        scenarios.at_step_3(actor, **names)
    elif state == "step_4":
        scenarios.at_step_4(actor, **names)
    elif state == "step_5":
        scenarios.at_step_5_melden(actor, **names)
    elif state == "closed_no_suspicion":
        scenarios.closed_no_suspicion(actor, **names)
    elif state == "acute":
        scenarios.acute(actor, **names)
    else:
        assert cosigner is not None, state
        if state == "decided":
            scenarios.decided_melden(actor, cosigner, **names)
        elif state == "helping":
            _helping(actor, cosigner, **names)
        elif state == "melded":
            scenarios.melded(actor, cosigner, **names)
        elif state == "melded_two_weeks_ago":
            # Handed over (by phone) two weeks ago and still no
            # veiligheidsbeoordeling: the deadline overview shows it as overdue.
            melding = scenarios.melded(actor, cosigner, **names)
            melding_handover(
                actor=actor,
                melding=melding,
                handed_over_at=timezone.now() - timedelta(days=14),
                channel=HandoverChannel.PHONE,
                reference=melding.veilig_thuis_reference,
            )
        elif state == "after_feedback":
            scenarios.after_feedback(actor, cosigner, **names)
        else:
            raise ValueError(state)


def ensure_trajectories(organisations: dict[str, Organisation]) -> int:
    """Demo trajectories through the meldcode scenarios (the real services).

    Idempotent: an organisation that already has trajectories is left alone.
    Returns the number of trajectories created.
    """
    created = 0
    for offset, (code, (professional, af, states)) in enumerate(
        DEMO_TRAJECTORIES.items()
    ):
        organisation = organisations[code]
        if Trajectory.objects.filter(organisation=organisation).exists():
            continue
        actor = _demo_actor(professional, organisation, Role.PROFESSIONAL)
        cosigner = (
            _demo_actor(af, organisation, Role.AANDACHTSFUNCTIONARIS) if af else None
        )
        for index, state in enumerate(states):
            given = f"{DEMO_GIVEN[(index + offset) % len(DEMO_GIVEN)]} (demo)"
            family = DEMO_FAMILY[(5 * index + offset) % len(DEMO_FAMILY)]
            _build_trajectory(
                state,
                actor,
                cosigner,
                given_name=given,
                family_name=family,
                worry=f"{given} heeft blauwe plekken op de arm en is stil in de groep.",
            )
            created += 1
    return created


@transaction.atomic
def seed_demo() -> list[tuple[User, EncryptedTOTPDevice]]:
    organisations = ensure_organisations()
    ensure_youth_channels(organisations)
    accounts = ensure_accounts(organisations)
    ensure_people(organisations)
    ensure_trajectories(organisations)
    ensure_history(organisations)
    ensure_households(organisations)
    ensure_household_history(organisations)
    ensure_youth_history(organisations)
    ensure_kindchecks(organisations)
    ensure_learning(organisations)
    ensure_readiness(organisations)
    ensure_kansrijke_start(organisations)
    # Count and publish, so the analist's dashboard shows figures at once.
    monitor_refresh()
    return accounts


def demo_household_labels() -> set[str]:
    """Every household label, decrypted (labels cannot be compared in SQL)."""
    return set(Household.objects.values_list("label", flat=True))


def demo_people_count() -> int:
    # Names are encrypted: compared after decryption (the demo is small).
    families = set(DEMO_FAMILY)
    return sum(
        1
        for family in Person.objects.values_list("family_name", flat=True)
        if family in families
    )
