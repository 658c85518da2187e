"""Reflections through the real service, for the tests."""

import uuid
from datetime import date

from kindveilig.access.actor import Actor
from kindveilig.learning.models import (
    Factor,
    Handover,
    Heard,
    OutcomeCategory,
    Reflection,
    SourceKind,
    Theme,
)
from kindveilig.learning.services import ReflectionAnswers, reflection_record
from kindveilig.organisations.models import Municipality

LESSON = "Vraag het kind eerder zelf wat het nodig heeft; dat hielp hier het meest."


def answers(**overrides: object) -> ReflectionAnswers:
    values: dict[str, object] = {
        "child_heard": Heard.YES,
        "child_view_counted": Heard.PARTLY,
        "handovers_warm": Handover.WARM,
        "helped": [Factor.TALKING_CHILD],
        "missed": [Factor.TIME_CAPACITY],
        "themes": [Theme.CHILD_HEARD, Theme.WARM_HANDOVER],
        "lesson": LESSON,
        **overrides,
    }
    return ReflectionAnswers(**values)  # type: ignore[arg-type]  # test helper


def reflect(
    actor: Actor,
    *,
    municipality: Municipality | None = None,
    sector: str | None = None,
    closed_on: date = date(2026, 5, 12),
    skipped: bool = False,
    **overrides: object,
) -> Reflection:
    organisation = actor.organisation
    return reflection_record(
        actor=actor,
        source_kind=SourceKind.MELDCODE,
        source_id=uuid.uuid4(),
        sector=sector or organisation.sector,
        organisation_type=organisation.type,
        municipality=municipality or organisation.municipality,
        closed_on=closed_on,
        outcome=OutcomeCategory.HELP,
        answers=None if skipped else answers(**overrides),
    )
