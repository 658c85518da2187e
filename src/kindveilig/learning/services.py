"""Every write of the learning app.

Reflections, sessions and improvement actions hold no personal data of children
or families by design, so these services write no audit records; reading the
closed trajectory before a reflection is audited by meldcode's selector.
"""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_stubs_ext import StrOrPromise

from kindveilig.access.actor import Actor
from kindveilig.access.roles import CASE_ROLES
from kindveilig.core.validators import (
    check_fields,
    validate_event_date,
    validate_planned_date,
)
from kindveilig.organisations.models import Municipality

from .models import (
    MIN_CELL,
    Factor,
    ImprovementAction,
    LearningSession,
    OutcomeCategory,
    Reflection,
    ReflectionStatus,
    SourceKind,
    Theme,
)
from .selectors import (
    FACILITATOR_ROLES,
    reflection_exists_for,
    reflection_pool,
    reflection_source_hash,
)

__all__ = [
    "ReflectionAnswers",
    "action_add",
    "action_complete",
    "reflection_record",
    "reflection_source_hash",
    "session_create",
    "session_reflections_set",
]


@dataclass(frozen=True)
class ReflectionAnswers:
    child_heard: str
    child_view_counted: str
    handovers_warm: str
    helped: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    lesson: str = ""


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _refuse(
    message: StrOrPromise, *, field_name: str | None = None, code: str
) -> ValidationError:
    if field_name:
        return ValidationError({field_name: [ValidationError(message, code=code)]})
    return ValidationError(message, code=code)


def _unknown_codes(values: Sequence[str], allowed: Sequence[str]) -> bool:
    return bool(set(values) - set(allowed))


def _apply_answers(reflection: Reflection, answers: ReflectionAnswers) -> None:
    errors: dict[str, object] = {}
    for name, values in (
        ("helped", answers.helped),
        ("missed", answers.missed),
    ):
        if _unknown_codes(values, Factor.values):
            errors[name] = _("Choose from the list.")
    if _unknown_codes(answers.themes, Theme.values):
        errors["themes"] = _("Choose themes from the list.")
    for name in ("child_heard", "child_view_counted", "handovers_warm"):
        if not getattr(answers, name):
            errors[name] = _("Answer this question.")
    if errors:
        raise ValidationError({key: [value] for key, value in errors.items()})
    reflection.status = ReflectionStatus.COMPLETED
    reflection.helped = sorted(set(answers.helped))
    reflection.missed = sorted(set(answers.missed))
    reflection.themes = sorted(set(answers.themes))
    reflection.child_heard = answers.child_heard
    reflection.child_view_counted = answers.child_view_counted
    reflection.handovers_warm = answers.handovers_warm
    reflection.lesson = answers.lesson.strip()


@transaction.atomic
def reflection_record(
    *,
    actor: Actor,
    source_kind: SourceKind | str,
    source_id: uuid.UUID | str,
    sector: str,
    organisation_type: str,
    municipality: Municipality,
    closed_on: date,
    outcome: OutcomeCategory | str,
    answers: ReflectionAnswers | None,
) -> Reflection:
    """Store the reflection on a closed case, or (``answers=None``) that the owner
    skipped it. One per case: a second one is refused.

    Generic over the kind of case: the caller has already checked that the actor
    may see the case and that it is closed, and passes only what the reflection
    keeps (sector, type, municipality, the closing date's year and quarter, an
    outcome category). Nothing that identifies the case or the actor is stored.
    """
    if actor.role not in CASE_ROLES:
        raise _refuse(
            _("Only the people who worked on the case reflect on it."), code="forbidden"
        )
    if reflection_exists_for(source_kind=source_kind, source_id=source_id):
        raise _refuse(_("This case already has a reflection."), code="duplicate")
    source_hash = reflection_source_hash(source_kind=source_kind, source_id=source_id)
    reflection = Reflection(
        source_kind=source_kind,
        source_hash=source_hash,
        status=ReflectionStatus.SKIPPED,
        sector=sector,
        organisation_type=organisation_type,
        municipality=municipality,
        year=closed_on.year,
        quarter=quarter_of(closed_on),
        outcome=outcome,
    )
    if answers is not None:
        _apply_answers(reflection, answers)
    reflection.full_clean(exclude=["source_hash"])
    try:
        with transaction.atomic():
            reflection.save()
    except IntegrityError as error:  # a second tab or a double click won the race
        raise _refuse(
            _("This case already has a reflection."), code="duplicate"
        ) from error
    return reflection


def _require_facilitator(actor: Actor) -> None:
    if actor.role not in FACILITATOR_ROLES:
        raise _refuse(
            _(
                "Only an aandachtsfunctionaris or a municipal analyst leads a learning "
                "session."
            ),
            code="forbidden",
        )


def _require_own_session(actor: Actor, session: LearningSession) -> None:
    _require_facilitator(actor)
    if session.organisation_id != actor.organisation_id:
        raise _refuse(
            _("This learning session belongs to another organisation."),
            code="forbidden",
        )


@transaction.atomic
def session_create(*, actor: Actor, title: str, held_on: date) -> LearningSession:
    _require_facilitator(actor)
    check_fields({"held_on": (validate_event_date, held_on)})
    session = LearningSession(
        organisation=actor.organisation,
        municipality_id=actor.organisation.municipality_id,
        title=title.strip(),
        held_on=held_on,
        facilitator=actor.user,
    )
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def session_reflections_set(
    *, actor: Actor, session: LearningSession, reflection_ids: Sequence[uuid.UUID]
) -> LearningSession:
    """Pick the reflections to discuss (replacing an earlier pick)."""
    _require_own_session(actor, session)
    pool = reflection_pool(session.municipality_id)
    if reflection_ids and pool.count() < MIN_CELL:
        raise _refuse(
            _(
                "There are fewer than 5 reflections with a lesson in this "
                "municipality; they are not shown one by one, so no case can be "
                "recognised."
            ),
            field_name="reflections",
            code="too_few",
        )
    picked = list(pool.filter(public_id__in=set(reflection_ids)))
    if len(picked) != len(set(reflection_ids)):
        raise _refuse(
            _("Choose reflections from the list."),
            field_name="reflections",
            code="unknown",
        )
    session.reflections.set(picked)
    return session


@transaction.atomic
def action_add(
    *,
    actor: Actor,
    session: LearningSession,
    description: str,
    owner: str,
    follow_up_on: date,
) -> ImprovementAction:
    _require_own_session(actor, session)
    check_fields({"follow_up_on": (validate_planned_date, follow_up_on)})
    if follow_up_on < session.held_on:
        raise _refuse(
            _("The follow-up date cannot be before the session."),
            field_name="follow_up_on",
            code="before_session",
        )
    action = ImprovementAction(
        session=session,
        description=description.strip(),
        owner=owner.strip(),
        follow_up_on=follow_up_on,
    )
    action.full_clean()
    action.save()
    return action


@transaction.atomic
def action_complete(*, actor: Actor, action: ImprovementAction) -> ImprovementAction:
    """Mark an action done; it then leaves the coverage page. Done stays done."""
    _require_own_session(actor, action.session)
    if action.done_on is None:
        action.done_on = timezone.localdate()
        action.save(update_fields=["done_on", "updated_at"])
    return action
