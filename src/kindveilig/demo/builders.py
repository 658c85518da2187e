"""Fictitious demo data, built through the real services.

Every name here is made up and marked so ("(demo)"); the BSNs come from a
generator that produces elfproef-valid numbers in a range we reserve for tests.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from django_otp.plugins.otp_totp.models import TOTPDevice

from kindveilig.access.roles import Role
from kindveilig.accounts.models import User
from kindveilig.accounts.services import membership_add, user_create
from kindveilig.core.validators import is_valid_bsn
from kindveilig.households.models import Household, HouseholdMember, MemberRole
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
    return result


def ensure_accounts(
    organisations: dict[str, Organisation],
) -> list[tuple[User, TOTPDevice]]:
    accounts: list[tuple[User, TOTPDevice]] = []
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
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
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
    for index, owner_code in enumerate(owners):
        organisation = organisations[owner_code]
        label = f"Huishouden {DEMO_FAMILY[index % len(DEMO_FAMILY)]} {index + 1} (demo)"
        if Household.objects.filter(label=label).exists():
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


@transaction.atomic
def seed_demo() -> list[tuple[User, TOTPDevice]]:
    organisations = ensure_organisations()
    accounts = ensure_accounts(organisations)
    ensure_people(organisations)
    return accounts


def demo_people_count() -> int:
    return Person.objects.filter(family_name__in=DEMO_FAMILY).count()
