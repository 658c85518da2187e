"""Demo meldcode readiness: in every municipality of Haaglanden organisations
with and without a trained aandachtsfunctionaris, and a year of coverage history.

Called from ``seed_demo`` after ``ensure_accounts``. Everything is fictitious
and marked "(demo)". Built through the real services (``readiness.services``,
``monitor.services``), with dates in the past relative to today, so the
monthly snapshots of the last twelve months show a plausible trend.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership, User
from kindveilig.accounts.services import membership_add, user_create
from kindveilig.meldcode.services.trajectories import framework_for
from kindveilig.monitor.services import coverage_snapshot_take
from kindveilig.organisations.models import Municipality, Organisation, OrganisationType
from kindveilig.readiness import services
from kindveilig.readiness.expiry import COURSE_VALID_YEARS, VOG_VALID_YEARS, add_months
from kindveilig.readiness.models import (
    Aandachtsfunctionaris,
    BriefingKind,
    MeldcodeReadiness,
    QualificationKind,
)

__all__ = ["DEMO_READINESS_ORGANISATIONS", "ensure_readiness"]

# The same values as in builders.py, which imports this module (so no import back).
DEMO_DOMAIN = "demo.kindveilig.invalid"
DEMO_PASSWORD = "demo-wachtwoord-kindveilig"  # noqa: S105  # demo mode only

# Profiles: what an organisation has in order.
COMPLETE = "complete"  # meldcode, trained aandachtsfunctionaris, recent attention
TRAINED = "trained"  # trained, but staff attention is more than a year ago
EXPIRING = "expiring"  # complete, but the VOG expires within two months
UNTRAINED = "untrained"  # an aandachtsfunctionaris with an uncertified course
EXPIRED = "expired"  # the certified course has expired
NOTHING = "nothing"  # nothing recorded
WITH_TRAINED_AF = {COMPLETE, TRAINED, EXPIRING}

# (external code, name, type, municipality, profile) — all fictitious. Two per
# municipality: one with and one without a trained aandachtsfunctionaris.
DEMO_READINESS_ORGANISATIONS: list[tuple[str, str, str, str, str]] = [
    ("DEMO-RD-01", "Basisschool De Vlieger (demo)", OrganisationType.PRIMARY_SCHOOL, "Delft", COMPLETE),
    ("DEMO-RD-02", "Tennisvereniging Netjes (demo)", OrganisationType.SPORT_CULTURE_CLUB, "Delft", NOTHING),
    ("DEMO-RD-03", "Kinderopvang De Hofvijver (demo)", OrganisationType.KINDEROPVANG, "Den Haag", EXPIRING),
    ("DEMO-RD-04", "Basisschool Het Plein (demo)", OrganisationType.PRIMARY_SCHOOL, "Den Haag", UNTRAINED),
    ("DEMO-RD-05", "BSO De Vliet (demo)", OrganisationType.KINDEROPVANG, "Leidschendam-Voorburg", TRAINED),
    ("DEMO-RD-06", "Hockeyclub De Stok (demo)", OrganisationType.SPORT_CULTURE_CLUB, "Leidschendam-Voorburg", EXPIRED),
    ("DEMO-RD-07", "Basisschool De Polder (demo)", OrganisationType.PRIMARY_SCHOOL, "Midden-Delfland", COMPLETE),
    ("DEMO-RD-08", "Kinderopvang Het Weiland (demo)", OrganisationType.KINDEROPVANG, "Midden-Delfland", NOTHING),
    ("DEMO-RD-09", "Scholengemeenschap Nootdorp (demo)", OrganisationType.SECONDARY_SCHOOL, "Pijnacker-Nootdorp", COMPLETE),
    ("DEMO-RD-10", "Judoclub De Mat (demo)", OrganisationType.SPORT_CULTURE_CLUB, "Pijnacker-Nootdorp", UNTRAINED),
    ("DEMO-RD-11", "Basisschool De Windroos (demo)", OrganisationType.PRIMARY_SCHOOL, "Rijswijk", TRAINED),
    ("DEMO-RD-12", "Peuterspeelzaal Hummeltje (demo)", OrganisationType.PEUTERSPEELZAAL, "Rijswijk", NOTHING),
    ("DEMO-RD-13", "Basisschool De Duinroos (demo)", OrganisationType.PRIMARY_SCHOOL, "Wassenaar", EXPIRING),
    ("DEMO-RD-14", "Kinderopvang Het Landgoed (demo)", OrganisationType.KINDEROPVANG, "Wassenaar", EXPIRED),
    ("DEMO-RD-15", "Basisschool De Kas (demo)", OrganisationType.PRIMARY_SCHOOL, "Westland", COMPLETE),
    ("DEMO-RD-16", "Voetbalclub Tomaat (demo)", OrganisationType.SPORT_CULTURE_CLUB, "Westland", UNTRAINED),
    ("DEMO-RD-17", "Lyceum De Meerpaal (demo)", OrganisationType.SECONDARY_SCHOOL, "Zoetermeer", COMPLETE),
    ("DEMO-RD-18", "Zwemvereniging De Golf (demo)", OrganisationType.SPORT_CULTURE_CLUB, "Zoetermeer", NOTHING),
]  # fmt: skip

# Existing demo organisations and the demo aandachtsfunctionaris who keeps
# their readiness (see builders.DEMO_ACCOUNTS).
EXISTING_PROFILES: dict[str, tuple[str, str]] = {
    "DEMO-PO-01": (f"aandacht@{DEMO_DOMAIN}", COMPLETE),
    "DEMO-JGZ-01": (f"aandacht-jgz@{DEMO_DOMAIN}", TRAINED),
    "DEMO-KO-01": (f"aandacht-opvang@{DEMO_DOMAIN}", EXPIRING),
}


@dataclass(frozen=True)
class ReadinessResult:
    organisations_built: int
    snapshots: int


def _ensure_organisations() -> dict[str, tuple[Organisation, str]]:
    municipalities = {m.name: m for m in Municipality.objects.all()}
    result: dict[str, tuple[Organisation, str]] = {}
    for code, name, org_type, municipality, profile in DEMO_READINESS_ORGANISATIONS:
        organisation, _ = Organisation.objects.update_or_create(
            external_code=code,
            defaults={
                "name": name,
                "type": org_type,
                "municipality": municipalities[municipality],
            },
        )
        result[code] = (organisation, profile)
    return result


def _af_actor(organisation: Organisation, email: str | None = None) -> Actor:
    """The demo aandachtsfunctionaris of the organisation (created when missing)."""
    if email is None:
        code = (organisation.external_code or str(organisation.pk)).lower()
        email = f"aandacht-{code}@{DEMO_DOMAIN}"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = user_create(
            email=email,
            full_name=f"Aandachtsfunctionaris {organisation.name}",
            password=DEMO_PASSWORD,
            validate=False,
        )
    membership: Membership = membership_add(
        user=user, organisation=organisation, role=Role.AANDACHTSFUNCTIONARIS
    )
    return Actor(user=user, membership=membership)


def _course(
    actor: Actor, designation: Aandachtsfunctionaris, on: dt.date, *, certified: bool
) -> None:
    services.qualification_add(
        actor=actor,
        designation=designation,
        data=services.QualificationInput(
            kind=QualificationKind.COURSE,
            obtained_on=on,
            name=(
                "Basistraining aandachtsfunctionaris (demo)"
                if certified
                else "Introductie meldcode, e-learning (demo)"
            ),
            provider="Opleidingsbureau Voorbeeld (demo)",
            certified=certified,
            hours=Decimal("20") if certified else Decimal("3"),
        ),
    )


def _vog(actor: Actor, designation: Aandachtsfunctionaris, on: dt.date) -> None:
    services.qualification_add(
        actor=actor,
        designation=designation,
        data=services.QualificationInput(kind=QualificationKind.VOG, obtained_on=on),
    )


def _briefing(actor: Actor, on: dt.date, kind: BriefingKind, topic: str) -> None:
    services.briefing_add(
        actor=actor, held_on=on, kind=kind, topic=topic, participants=12
    )


def _build(actor: Actor, profile: str, today: dt.date, shift: int) -> None:
    """One organisation's readiness; ``shift`` (days) spreads the dates over the
    past year so the coverage trend rises."""

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    if profile == NOTHING:
        return
    services.readiness_update(
        actor=actor,
        data=services.ReadinessInput(
            adopted_on=ago(60 + shift if profile != EXPIRED else 800),
            meldcode_version="2025-1 (demo)",
            afwegingskader_id=framework_for(actor.organisation.sector).pk,
            meldplicht_contact="Directeur-bestuurder, via het secretariaat (demo)",
            vertrouwensinspecteur="Vertrouwensinspecteurs, 0900-1113111",
        ),
    )
    designation = services.aandachtsfunctionaris_add(
        actor=actor,
        person_id=actor.user.pk,
        data=services.DesignationInput(
            location="", hours_per_week=Decimal("2.5"), since=ago(400 + shift)
        ),
    )
    if profile == UNTRAINED:
        _course(actor, designation, ago(90 + shift // 2), certified=False)
        _vog(actor, designation, ago(100))
        _briefing(actor, ago(30), BriefingKind.E_LEARNING, "De vijf stappen (demo)")
        return
    if profile == EXPIRED:
        course_on = add_months(today, -12 * COURSE_VALID_YEARS - 1)
        _course(actor, designation, course_on, certified=True)
        _vog(actor, designation, ago(300))
        _briefing(actor, ago(500), BriefingKind.TRAINING, "Meldcode (demo)")
        return
    _course(actor, designation, ago(45 + shift), certified=True)
    if profile == EXPIRING:
        # Issued just under two years ago: it expires in about six weeks.
        _vog(
            actor,
            designation,
            add_months(today, -12 * VOG_VALID_YEARS) + dt.timedelta(days=45),
        )
    else:
        _vog(actor, designation, ago(200))
    if profile == TRAINED:
        _briefing(actor, ago(430), BriefingKind.TEAM_MEETING, "Afwegingskader (demo)")
    else:
        _briefing(actor, ago(400), BriefingKind.TRAINING, "Meldcode (demo)")
        _briefing(
            actor,
            ago(20 + shift // 3),
            BriefingKind.TEAM_MEETING,
            "Afwegingskader (demo)",
        )


def _has_readiness(organisation: Organisation) -> bool:
    return (
        MeldcodeReadiness.objects.filter(organisation=organisation).exists()
        or Aandachtsfunctionaris.objects.filter(organisation=organisation).exists()
    )


def _ensure_history(today: dt.date, months: int = 12) -> int:
    """Monthly snapshots: the last day of each past month, and today."""
    written = 0
    for back in range(months - 1, 0, -1):
        month_end = add_months(today.replace(day=1), -back + 1) - dt.timedelta(days=1)
        written += coverage_snapshot_take(today=month_end)
    return written + coverage_snapshot_take(today=today)


def ensure_readiness(organisations: dict[str, Organisation]) -> ReadinessResult:
    """Idempotent: an organisation that has readiness data is left alone; the
    snapshots are recomputed (one row per month, municipality and sector)."""
    today = timezone.localdate()
    plan: list[tuple[Actor, str]] = []
    for code, (email, profile) in EXISTING_PROFILES.items():
        organisation = organisations.get(code)
        if organisation is not None and User.objects.filter(email=email).exists():
            plan.append((_af_actor(organisation, email), profile))
    for organisation, profile in _ensure_organisations().values():
        plan.append((_af_actor(organisation), profile))
    built = 0
    for index, (actor, profile) in enumerate(plan):
        if profile == NOTHING or _has_readiness(actor.organisation):
            continue
        _build(actor, profile, today, shift=(index * 37) % 300)
        built += 1
    return ReadinessResult(organisations_built=built, snapshots=_ensure_history(today))
