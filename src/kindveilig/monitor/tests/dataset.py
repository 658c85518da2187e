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


def build() -> Dataset:
    """Call with the clock frozen at ``NOW``."""
    haag, dft = den_haag(), delft()
    orgs: dict[str, Organisation] = {}
    names: list[str] = []

    def org(
        key: str, name: str, org_type: str, municipality: Municipality
    ) -> Organisation:
        orgs[key] = _org(name, org_type, municipality)
        return orgs[key]

    def af(
        organisation: Organisation,
        *,
        course_on: dt.date = dt.date(2025, 1, 10),
        certified: bool = True,
        vog_on: dt.date = dt.date(2025, 1, 10),
        until: dt.date | None = None,
    ) -> None:
        actor = manager_of(organisation)
        names.append(actor.user.full_name)
        designation = designate(actor, since=LONG_AGO)
        add_course(actor, designation, course_on, certified=certified)
        add_vog(actor, designation, vog_on)
        if until is not None:
            services.aandachtsfunctionaris_update(
                actor=actor,
                designation=designation,
                data=services.DesignationInput(
                    location="", hours_per_week=Decimal(2), since=LONG_AGO, until=until
                ),
            )

    def meldcode(organisation: Organisation) -> None:
        adopt_meldcode(manager_of(organisation), dt.date(2025, 9, 1))

    def attention(
        organisation: Organisation, on: dt.date = dt.date(2026, 3, 1)
    ) -> None:
        brief_staff(manager_of(organisation), on)

    school = org("alles", "School Alles (test)", OrganisationType.PRIMARY_SCHOOL, haag)
    meldcode(school)
    af(school)
    attention(school)

    school = org(
        "ongecertificeerd",
        "School Ongecertificeerd (test)",
        OrganisationType.SECONDARY_SCHOOL,
        haag,
    )
    meldcode(school)
    af(school, certified=False)
    attention(school)

    org("niets", "School Niets (test)", OrganisationType.PRIMARY_SCHOOL, haag)

    opvang = org(
        "verlopen", "Opvang Verlopen VOG (test)", OrganisationType.KINDEROPVANG, haag
    )
    meldcode(opvang)
    af(opvang, vog_on=dt.date(2024, 6, 14))
    attention(opvang, dt.date(2025, 6, 14))

    psz = org(
        "laatste_dag",
        "Peuterzaal Laatste Dag (test)",
        OrganisationType.PEUTERSPEELZAAL,
        haag,
    )
    meldcode(psz)
    af(psz, course_on=dt.date(2023, 6, 15))
    attention(psz, dt.date(2025, 6, 15))

    club = org(
        "gestopt", "Club Gestopt (test)", OrganisationType.SPORT_CULTURE_CLUB, haag
    )
    af(club, until=dt.date(2026, 6, 1))
    attention(club)

    closed = org(
        "opgeheven", "School Opgeheven (test)", OrganisationType.PRIMARY_SCHOOL, haag
    )
    meldcode(closed)
    af(closed)
    attention(closed)
    closed.is_active = False
    closed.save(update_fields=["is_active"])

    meldcode(
        org("delft_meldcode", "School Delft Meldcode (test)", OrganisationType.MBO, dft)
    )
    af(
        org(
            "delft_getraind",
            "Club Delft Getraind (test)",
            OrganisationType.SPORT_CULTURE_CLUB,
            dft,
        )
    )
    return Dataset(den_haag=haag, delft=dft, organisations=orgs, af_names=names)
