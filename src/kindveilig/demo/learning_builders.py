"""Demo data for learning from cases: fictitious reflections and one casusreflectie
session with improvement actions. Called from ``seed_demo`` after
``ensure_trajectories``; idempotent.

Reflections go through ``learning.services.reflection_record``. The demo's own
closed trajectories get a reflection through the same path as the reflection
page. The other reflections stand for cases closed in earlier quarters whose
trajectories are not in the demo: reflections are kept without a link to their
case precisely so that they outlive it, so this is a state the application
produces once old cases have been removed. Their source ids are fixed UUIDs, so
a second run finds them and adds nothing.
"""

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership
from kindveilig.learning.models import (
    Factor,
    Handover,
    Heard,
    LearningSession,
    OutcomeCategory,
    SourceKind,
    Theme,
)
from kindveilig.learning.selectors import reflection_exists_for, reflection_pool
from kindveilig.learning.services import (
    ReflectionAnswers,
    action_add,
    action_complete,
    reflection_record,
    session_create,
    session_reflections_set,
)
from kindveilig.learning.sources import meldcode_case_facts
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Status
from kindveilig.organisations.models import Organisation

__all__ = ["DEMO_SESSION_TITLE", "ensure_learning"]

DEMO_DOMAIN = "demo.kindveilig.invalid"
NAMESPACE = uuid.UUID("6b1d4a52-3c5e-4f7a-9d2b-8e0f1a2b3c4d")
DEMO_SESSION_TITLE = "Casusreflectie onderwijs (demo)"

# Fictitious lessons, written without personal data (the service checks them).
LESSONS = [
    "Twijfel meteen delen met de aandachtsfunctionaris scheelde weken.",
    "Het kind zelf vragen wat het wil, gaf andere afspraken dan we dachten.",
    "Een warme overdracht aan het lokaal team zorgde dat de ouders bleven meedoen.",
    "We vroegen Veilig Thuis pas laat om advies; eerder bellen had rust gegeven.",
    "De signalen stonden verspreid in mails; alles op één plek in het dossier helpt.",
    "Een tolk bij het oudergesprek maakte het verschil.",
    "Na het afsluiten bleef onduidelijk wie de veiligheid volgt; spreek dat af.",
    "De wachttijd voor hulp was lang; tussentijds contact hield het gezin betrokken.",
]
HEARD = [Heard.YES, Heard.YES, Heard.PARTLY, Heard.NO, Heard.YES]
HANDOVERS = [
    Handover.WARM,
    Handover.PARTLY,
    Handover.WARM,
    Handover.COLD,
    Handover.NONE,
]
HELPED = [
    [Factor.CONSULTING_AF, Factor.TALKING_CHILD],
    [Factor.VEILIG_THUIS_ADVICE],
    [Factor.TALKING_PARENTS, Factor.CHAIN_COOPERATION],
    [Factor.SIGNALS_EARLY, Factor.AFWEGINGSKADER],
]
MISSED = [[Factor.TIME_CAPACITY], [], [Factor.FOLLOW_UP], [Factor.FEEDBACK]]
THEMES = [
    [Theme.CHILD_HEARD, Theme.DOUBT_SHARED],
    [Theme.WARM_HANDOVER, Theme.COOPERATION_LOKAAL_TEAM],
    [Theme.REPORTED_LATE, Theme.COOPERATION_VEILIG_THUIS],
    [Theme.DOCUMENTATION, Theme.CHILD_HEARD],
    [Theme.LANGUAGE_CULTURE, Theme.PARENTS_INVOLVED],
    [Theme.SAFETY_FOLLOW_UP, Theme.WAITING_TIMES],
]


@dataclass(frozen=True)
class DemoReflections:
    """Earlier cases of one demo organisation: how many, and how many skipped."""

    organisation_code: str
    account: str
    role: Role
    count: int
    skipped: int
    source_kind: SourceKind
    outcome: OutcomeCategory


# Enough in onderwijs (Den Haag), JGZ (Delft), kinderopvang (Westland) and the
# lokaal team (Den Haag) to show numbers; sport (Wassenaar) stays under 5.
DEMO_REFLECTIONS = [
    DemoReflections(
        "DEMO-PO-01",
        f"leerkracht@{DEMO_DOMAIN}",
        Role.PROFESSIONAL,
        8,
        1,
        SourceKind.MELDCODE,
        OutcomeCategory.HELP,
    ),
    DemoReflections(
        "DEMO-JGZ-01",
        f"jgz@{DEMO_DOMAIN}",
        Role.PROFESSIONAL,
        6,
        1,
        SourceKind.MELDCODE,
        OutcomeCategory.MELDING,
    ),
    DemoReflections(
        "DEMO-KO-01",
        f"opvang@{DEMO_DOMAIN}",
        Role.PROFESSIONAL,
        5,
        0,
        SourceKind.MELDCODE,
        OutcomeCategory.NO_CONCERN,
    ),
    DemoReflections(
        "DEMO-LT-01",
        f"wijkteam@{DEMO_DOMAIN}",
        Role.LOKAAL_TEAM_MEDEWERKER,
        5,
        0,
        SourceKind.HOUSEHOLD,
        OutcomeCategory.SAFETY_REACHED,
    ),
    DemoReflections(
        "DEMO-SC-01",
        f"trainer@{DEMO_DOMAIN}",
        Role.PROFESSIONAL,
        3,
        0,
        SourceKind.MELDCODE,
        OutcomeCategory.HELP,
    ),
]


def _actor(email: str, organisation: Organisation, role: Role) -> Actor | None:
    membership = (
        Membership.objects.select_related("user", "organisation__municipality")
        .filter(user__email=email, organisation=organisation, role=role)
        .first()
    )
    return Actor(user=membership.user, membership=membership) if membership else None


def _answers(index: int) -> ReflectionAnswers:
    return ReflectionAnswers(
        child_heard=HEARD[index % len(HEARD)],
        child_view_counted=HEARD[(index + 1) % len(HEARD)],
        handovers_warm=HANDOVERS[index % len(HANDOVERS)],
        helped=list(HELPED[index % len(HELPED)]),
        missed=list(MISSED[index % len(MISSED)]),
        themes=list(THEMES[index % len(THEMES)]),
        lesson=LESSONS[index % len(LESSONS)],
    )


def _earlier_reflections(
    spec: DemoReflections, organisation: Organisation, actor: Actor, today: date
) -> int:
    created = 0
    for index in range(spec.count + spec.skipped):
        source_id = uuid.uuid5(NAMESPACE, f"{spec.organisation_code}-{index}")
        if reflection_exists_for(source_kind=spec.source_kind, source_id=source_id):
            continue
        reflection_record(
            actor=actor,
            source_kind=spec.source_kind,
            source_id=source_id,
            sector=organisation.sector,
            organisation_type=organisation.type,
            municipality=organisation.municipality,
            closed_on=today - timedelta(days=45 * (index % 8) + 20),
            outcome=spec.outcome,
            answers=_answers(index) if index < spec.count else None,
        )
        created += 1
    return created


def _closed_trajectory_reflections(actor: Actor, organisation: Organisation) -> int:
    """The demo's own closed trajectories, through the reflection page's path."""
    created = 0
    closed = Trajectory.objects.select_related("organisation__municipality").filter(
        organisation=organisation, status=Status.CLOSED, owner=actor.user
    )
    for index, trajectory in enumerate(closed):
        if reflection_exists_for(
            source_kind=SourceKind.MELDCODE, source_id=trajectory.public_id
        ):
            continue
        facts = meldcode_case_facts(trajectory)
        reflection_record(
            actor=actor,
            source_kind=SourceKind.MELDCODE,
            source_id=trajectory.public_id,
            sector=facts.sector,
            organisation_type=facts.organisation_type,
            municipality=facts.municipality,
            closed_on=facts.closed_on,
            outcome=facts.outcome,
            answers=_answers(index + 3),
        )
        created += 1
    return created


def _ensure_session(organisations: dict[str, Organisation], today: date) -> None:
    organisation = organisations.get("DEMO-PO-01")
    if organisation is None:
        return
    facilitator = _actor(
        f"aandacht@{DEMO_DOMAIN}", organisation, Role.AANDACHTSFUNCTIONARIS
    )
    if facilitator is None:
        return
    if LearningSession.objects.filter(
        organisation=organisation, title=DEMO_SESSION_TITLE
    ).exists():
        return
    session = session_create(
        actor=facilitator,
        title=DEMO_SESSION_TITLE,
        held_on=today - timedelta(days=14),
    )
    picked = list(
        reflection_pool(session.municipality_id)
        .filter(sector=organisation.sector)
        .values_list("public_id", flat=True)[:3]
    )
    session_reflections_set(actor=facilitator, session=session, reflection_ids=picked)
    action_add(
        actor=facilitator,
        session=session,
        description="Twijfel binnen een week bespreken met de aandachtsfunctionaris.",
        owner="Aandachtsfunctionaris",
        follow_up_on=today + timedelta(days=30),
    )
    action_add(
        actor=facilitator,
        session=session,
        description="Bij elke overdracht een kennismaking met ouders en kind plannen.",
        owner="Intern begeleider",
        follow_up_on=today - timedelta(days=3),
    )
    done = action_add(
        actor=facilitator,
        session=session,
        description="Het afwegingskader bespreken in het teamoverleg.",
        owner="Directie",
        follow_up_on=today - timedelta(days=7),
    )
    action_complete(actor=facilitator, action=done)


def ensure_learning(organisations: dict[str, Organisation]) -> int:
    """Create the demo reflections and session; returns the reflections created."""
    today = timezone.localdate()
    created = 0
    for spec in DEMO_REFLECTIONS:
        organisation = organisations.get(spec.organisation_code)
        if organisation is None:
            continue
        actor = _actor(spec.account, organisation, spec.role)
        if actor is None:
            continue
        created += _earlier_reflections(spec, organisation, actor, today)
        created += _closed_trajectory_reflections(actor, organisation)
    _ensure_session(organisations, today)
    return created
