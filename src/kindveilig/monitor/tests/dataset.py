"""A constructed dataset with known coverage, built through the real services.

Today is 15 June 2026. Den Haag:

| organisation                  | sector       | meldcode | trained AF | attention |
|-------------------------------|--------------|----------|------------|-----------|
| School Alles (test)           | onderwijs    | yes      | yes        | yes       |
| School Ongecertificeerd (test)| onderwijs    | yes      | no (1)     | yes       |
| School Niets (test)           | onderwijs    | no       | no         | no        |
| Opvang Verlopen VOG (test)    | kinderopvang | yes      | no (2)     | no (3)    |
| Peuterzaal Laatste Dag (test) | kinderopvang | yes      | yes (4)    | yes (5)   |
| Club Gestopt (test)           | sport        | no       | no (6)     | yes       |
| School Opgeheven (test)       | inactive: not counted                          |

(1) the course is not certified; (2) the VOG's last day was yesterday; (3) the
team meeting was one day more than 12 months ago; (4) the course's last valid
day is today; (5) the team meeting was exactly 12 months ago; (6) the
aandachtsfunctionaris stopped on 1 June.

Delft: "School Delft Meldcode (test)" (onderwijs) has only a meldcode, "Club
Delft Getraind (test)" (sport) only a trained aandachtsfunctionaris.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from kindveilig.organisations.models import Municipality, Organisation, OrganisationType
from kindveilig.organisations.tests.factories import OrganisationFactory, den_haag
from kindveilig.readiness import services
from kindveilig.readiness.tests.factories import (
    add_course,
    add_vog,
    adopt_meldcode,
    brief_staff,
    designate,
    manager_of,
)

TODAY = dt.date(2026, 6, 15)
NOW = "2026-06-15T10:00:00+02:00"
LONG_AGO = dt.date(2024, 1, 1)


@dataclass(frozen=True)
class Dataset:
    den_haag: Municipality
    delft: Municipality
    organisations: dict[str, Organisation]
    af_names: list[str]


def delft() -> Municipality:
    municipality, _ = Municipality.objects.get_or_create(
        cbs_code="GM0503", defaults={"name": "Delft", "region": den_haag().region}
    )
    return municipality


def _org(name: str, org_type: str, municipality: Municipality) -> Organisation:
    return OrganisationFactory.create(
        name=name, type=org_type, municipality=municipality
    )


@dataclass(frozen=True)
class _Af:
    """An aandachtsfunctionaris: trained on a certified course and screened
    (VOG) unless said otherwise; ``until`` ends the designation."""

    course_on: dt.date = dt.date(2025, 1, 10)
    certified: bool = True
    vog_on: dt.date = dt.date(2025, 1, 10)
    until: dt.date | None = None


@dataclass(frozen=True)
class _Org:
    """One row of the table in the module docstring."""

    key: str
    name: str
    type: str
    in_delft: bool = False
    meldcode: bool = False
    af: _Af | None = None
    attention: dt.date | None = None  # the day staff were last briefed
    active: bool = True


MELDCODE_ADOPTED_ON = dt.date(2025, 9, 1)
BRIEFED_ON = dt.date(2026, 3, 1)

ORGANISATIONS = [
    _Org(
        "alles",
        "School Alles (test)",
        OrganisationType.PRIMARY_SCHOOL,
        meldcode=True,
        af=_Af(),
        attention=BRIEFED_ON,
    ),
    _Org(
        "ongecertificeerd",
        "School Ongecertificeerd (test)",
        OrganisationType.SECONDARY_SCHOOL,
        meldcode=True,
        af=_Af(certified=False),
        attention=BRIEFED_ON,
    ),
    _Org("niets", "School Niets (test)", OrganisationType.PRIMARY_SCHOOL),
    _Org(
        "verlopen",
        "Opvang Verlopen VOG (test)",
        OrganisationType.KINDEROPVANG,
        meldcode=True,
        af=_Af(vog_on=dt.date(2024, 6, 14)),
        attention=dt.date(2025, 6, 14),
    ),
    _Org(
        "laatste_dag",
        "Peuterzaal Laatste Dag (test)",
        OrganisationType.PEUTERSPEELZAAL,
        meldcode=True,
        af=_Af(course_on=dt.date(2023, 6, 15)),
        attention=dt.date(2025, 6, 15),
    ),
    _Org(
        "gestopt",
        "Club Gestopt (test)",
        OrganisationType.SPORT_CULTURE_CLUB,
        af=_Af(until=dt.date(2026, 6, 1)),
        attention=BRIEFED_ON,
    ),
    _Org(
        "opgeheven",
        "School Opgeheven (test)",
        OrganisationType.PRIMARY_SCHOOL,
        meldcode=True,
        af=_Af(),
        attention=BRIEFED_ON,
        active=False,
    ),
    _Org(
        "delft_meldcode",
        "School Delft Meldcode (test)",
        OrganisationType.MBO,
        in_delft=True,
        meldcode=True,
    ),
    _Org(
        "delft_getraind",
        "Club Delft Getraind (test)",
        OrganisationType.SPORT_CULTURE_CLUB,
        in_delft=True,
        af=_Af(),
    ),
]


def _designate(organisation: Organisation, af: _Af) -> str:
    """Designates a new aandachtsfunctionaris; returns their name."""
    actor = manager_of(organisation)
    designation = designate(actor, since=LONG_AGO)
    add_course(actor, designation, af.course_on, certified=af.certified)
    add_vog(actor, designation, af.vog_on)
    if af.until is not None:
        services.aandachtsfunctionaris_update(
            actor=actor,
            designation=designation,
            data=services.DesignationInput(
                location="", hours_per_week=Decimal(2), since=LONG_AGO, until=af.until
            ),
        )
    return actor.user.full_name


def build() -> Dataset:
    """Call with the clock frozen at ``NOW``."""
    haag, dft = den_haag(), delft()
    orgs: dict[str, Organisation] = {}
    names: list[str] = []
    for row in ORGANISATIONS:
        organisation = _org(row.name, row.type, dft if row.in_delft else haag)
        orgs[row.key] = organisation
        if row.meldcode:
            adopt_meldcode(manager_of(organisation), MELDCODE_ADOPTED_ON)
        if row.af is not None:
            names.append(_designate(organisation, row.af))
        if row.attention is not None:
            brief_staff(manager_of(organisation), row.attention)
        if not row.active:
            organisation.is_active = False
            organisation.save(update_fields=["is_active"])
    return Dataset(den_haag=haag, delft=dft, organisations=orgs, af_names=names)
