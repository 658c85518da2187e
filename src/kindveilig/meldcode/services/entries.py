"""Adding what each step records. Adding to an earlier step is allowed and logged."""

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.core.crypto import encrypt_bytes
from kindveilig.core.validators import (
    check_fields,
    validate_event_date,
    validate_no_hidden_characters,
    validation_message,
)
from kindveilig.meldcode.afwegingskader import Answer, advise
from kindveilig.meldcode.file_types import (
    MAX_ATTACHMENT_BYTES,
    FileTooLargeError,
    detect_type,
    read_limited,
)
from kindveilig.meldcode.models import (
    AfwegingAnswer,
    Attachment,
    BodyMark,
    Consultation,
    Conversation,
    ConversationSkip,
    Observation,
    Trajectory,
)
from kindveilig.meldcode.models.choices import (
    BodyRegion,
    BodySide,
    ConsultedParty,
    ConversationWith,
    EventKind,
    SkipReason,
    Source,
    Status,
    Step,
)
from kindveilig.persons.models import Person

from .common import audit_write, record_event, require_can_act, require_open
from .errors import refuse
from .rules import round_decision
from .weighing import current_answers

MIN_RATIONALE = 10


def _require_step(actor: Actor, trajectory: Trajectory, step: Step) -> None:
    require_can_act(actor, trajectory)
    require_open(trajectory)
    if trajectory.step < step and not trajectory.is_acute:
        raise refuse(
            _("This belongs to %(step)s; first finish the steps before it.")
            % {"step": Step(step).label},
            code="wrong_step",
        )
    if trajectory.step > step:
        record_event(
            actor, trajectory, "added_to_earlier_step", note=str(Step(step).label)
        )


def _child_of(
    trajectory: Trajectory, child_public_id: uuid.UUID | None
) -> Person | None:
    if child_public_id is None:
        return None
    link = (
        trajectory.children.select_related("person")
        .filter(person__public_id=child_public_id)
        .first()
    )
    if link is None:
        raise refuse(_("Choose one of the children of this trajectory."), field="child")
    return link.person


@dataclass(frozen=True)
class MarkInput:
    side: BodySide
    region: BodyRegion
    description: str


@dataclass(frozen=True)
class ObservationInput:
    observed_on: date
    observed_by: str
    source: Source
    facts: str
    source_name: str = ""
    interpretation: str = ""
    interpretation_by: str = ""
    child_quote: str = ""
    marks: list[MarkInput] = field(default_factory=list)


@transaction.atomic
def observation_add(
    *, actor: Actor, trajectory: Trajectory, data: ObservationInput
) -> Observation:
    _require_step(actor, trajectory, Step.SIGNALEN)
    errors: dict[str, list[object]] = {}
    if data.source == Source.THIRD_PARTY and not data.source_name.strip():
        errors["source_name"] = [_("Name the third party this information comes from.")]
    if data.interpretation.strip() and not data.interpretation_by.strip():
        errors["interpretation_by"] = [_("Say whose interpretation this is.")]
    if not data.facts.strip():
        errors["facts"] = [
            _("Describe what was seen or heard, as factually as possible.")
        ]
    for mark in data.marks:
        if not mark.description.strip():
            errors["marks"] = [_("Every mark on the body map needs a description.")]
    if message := validation_message(validate_event_date, data.observed_on):
        errors["observed_on"] = [message]
    if errors:
        from django.core.exceptions import ValidationError

        raise ValidationError(errors)
    observation = Observation(
        trajectory=trajectory,
        created_by=actor.user,
        observed_on=data.observed_on,
        observed_by=data.observed_by.strip(),
        source=data.source,
        source_name=data.source_name.strip(),
        facts=data.facts.strip(),
        interpretation=data.interpretation.strip(),
        interpretation_by=data.interpretation_by.strip(),
        child_quote=data.child_quote.strip(),
    )
    observation.full_clean()
    observation.save()
    BodyMark.objects.bulk_create(
        BodyMark(
            observation=observation,
            side=m.side,
            region=m.region,
            description=m.description.strip(),
        )
        for m in data.marks
    )
    audit_write(actor, trajectory, observation, AuditAction.CREATE)
    return observation


@transaction.atomic
def attachment_add(
    *,
    actor: Actor,
    trajectory: Trajectory,
    upload: File[bytes],  # an UploadedFile, or a ContentFile in tests
) -> Attachment:
    """Store the file encrypted outside the database; the row keeps its metadata.

    The size is checked before reading and again while reading, chunk by chunk,
    so an oversized upload is never read whole. The type comes from the bytes
    (docs/decisions.md, "Attachments: type from the content"), not from what the
    browser said."""
    _require_step(actor, trajectory, Step.SIGNALEN)
    file_name = PurePath(str(upload.name or "")).name
    check_fields({"file": (validate_no_hidden_characters, file_name)})
    too_large = refuse(_("The file is larger than 10 MB."), field="file")
    if upload.size is not None and upload.size > MAX_ATTACHMENT_BYTES:
        raise too_large
    try:
        content = read_limited(upload.chunks())
    except FileTooLargeError:
        raise too_large from None
    content_type = detect_type(content, file_name)
    if content_type is None:
        raise ValidationError(
            {
                "file": [
                    _("Only PDF, JPEG, PNG and text files can be attached."),
                    _(
                        "What counts is the content of the file, and its name must "
                        "end in the matching extension (.pdf, .jpg, .png or .txt)."
                    ),
                ]
            },
            code="file_type",
        )
    storage_name = uuid.uuid4().hex
    directory = Path(settings.MEDIA_ROOT) / "attachments"
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / storage_name
    path.write_bytes(encrypt_bytes(content))
    try:
        attachment = Attachment.objects.create(
            trajectory=trajectory,
            created_by=actor.user,
            file_name=file_name[:200],
            content_type=content_type,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            storage_name=storage_name,
        )
    except Exception:
        path.unlink(missing_ok=True)  # no orphaned ciphertext when the row fails
        raise
    audit_write(actor, trajectory, attachment, AuditAction.CREATE)
    return attachment


@dataclass(frozen=True)
class ConsultationInput:
    party: ConsultedParty
    consulted_name: str
    consulted_on: date
    question: str
    advice: str
    agreed_actions: str = ""
    anonymous: bool = False


@transaction.atomic
def consultation_add(
    *, actor: Actor, trajectory: Trajectory, data: ConsultationInput
) -> Consultation:
    # A Veilig Thuis advies may be asked at any step: doubt in step 4 sends you there.
    step = (
        Step.SIGNALEN if data.party == ConsultedParty.VEILIG_THUIS else Step.OVERLEGGEN
    )
    _require_step(actor, trajectory, step)
    check_fields({"consulted_on": (validate_event_date, data.consulted_on)})
    if data.anonymous and data.party != ConsultedParty.VEILIG_THUIS:
        raise refuse(
            _("Only an advies from Veilig Thuis can be anonymous."), field="anonymous"
        )
    consultation = Consultation(
        trajectory=trajectory,
        created_by=actor.user,
        party=data.party,
        consulted_name=data.consulted_name.strip(),
        consulted_on=data.consulted_on,
        anonymous=data.anonymous,
        question=data.question.strip(),
        advice=data.advice.strip(),
        agreed_actions=data.agreed_actions.strip(),
    )
    consultation.full_clean()
    consultation.save()
    audit_write(actor, trajectory, consultation, AuditAction.CREATE)
    return consultation


@dataclass(frozen=True)
class ConversationInput:
    with_whom: ConversationWith
    held_on: date
    what_was_said: str
    child: uuid.UUID | None = None
    preparation: str = ""
    reaction: str = ""
    agreements: str = ""
    child_words: str = ""
    child_wishes: str = ""
    child_wellbeing: str = ""
    child_told_next_steps: bool = False


@transaction.atomic
def conversation_add(
    *, actor: Actor, trajectory: Trajectory, data: ConversationInput
) -> Conversation:
    _require_step(actor, trajectory, Step.GESPREK)
    check_fields({"held_on": (validate_event_date, data.held_on)})
    child = _child_of(trajectory, data.child)
    if data.with_whom == ConversationWith.CHILD:
        errors: dict[str, list[object]] = {}
        if child is None:
            errors["child"] = [_("Choose the child you talked with.")]
        if not data.child_words.strip():
            errors["child_words"] = [
                _("Write down what the child told, in the child's own words.")
            ]
        if not data.child_wishes.strip():
            errors["child_wishes"] = [_("Write down what the child wants.")]
        if errors:
            from django.core.exceptions import ValidationError

            raise ValidationError(errors)
    conversation = Conversation(
        trajectory=trajectory,
        created_by=actor.user,
        with_whom=data.with_whom,
        child=child if data.with_whom == ConversationWith.CHILD else None,
        held_on=data.held_on,
        preparation=data.preparation.strip(),
        what_was_said=data.what_was_said.strip(),
        reaction=data.reaction.strip(),
        agreements=data.agreements.strip(),
        child_words=data.child_words.strip(),
        child_wishes=data.child_wishes.strip(),
        child_wellbeing=data.child_wellbeing.strip(),
        child_told_next_steps=data.child_told_next_steps,
    )
    conversation.full_clean()
    conversation.save()
    audit_write(actor, trajectory, conversation, AuditAction.CREATE)
    return conversation


@transaction.atomic
def conversation_skip(
    *,
    actor: Actor,
    trajectory: Trajectory,
    with_whom: ConversationWith,
    reason: SkipReason,
    explanation: str,
    child: uuid.UUID | None = None,
) -> ConversationSkip:
    _require_step(actor, trajectory, Step.GESPREK)
    person = _child_of(trajectory, child)
    if with_whom == ConversationWith.CHILD and person is None:
        raise refuse(_("Choose the child this is about."), field="child")
    if not explanation.strip():
        raise refuse(
            _("Explain why the conversation is not held."), field="explanation"
        )
    skip = ConversationSkip(
        trajectory=trajectory,
        created_by=actor.user,
        with_whom=with_whom,
        child=person if with_whom == ConversationWith.CHILD else None,
        reason=reason,
        explanation=explanation.strip(),
    )
    skip.full_clean()
    skip.save()
    audit_write(actor, trajectory, skip, AuditAction.CREATE)
    return skip


@transaction.atomic
def afweging_answer(
    *,
    actor: Actor,
    trajectory: Trajectory,
    question: int,
    answer: Answer,
    rationale: str,
) -> AfwegingAnswer:
    """Answer one afweging. Only the next open question, or an earlier one again."""
    _require_step(actor, trajectory, Step.WEGEN)
    if len(rationale.strip()) < MIN_RATIONALE:
        raise refuse(
            _(
                "Give a short rationale for this answer, also when you decide not to report."
            ),
            field="rationale",
        )
    answers = current_answers(trajectory)
    advice = advise(answers)
    next_open = advice.question if advice.question is not None else 6
    if question < 1 or question > 5 or question > next_open:
        raise refuse(
            _("Answer the afwegingen in order; the next one is afweging %(number)s.")
            % {"number": next_open},
            field="question",
        )
    if question == 5:
        _require_evaluation_due(trajectory, together=advice.together_with_veilig_thuis)
    recorded = AfwegingAnswer(
        trajectory=trajectory,
        created_by=actor.user,
        question=question,
        answer=answer.value,
        rationale=rationale.strip(),
        with_veilig_thuis=question >= 3 and advice.together_with_veilig_thuis,
    )
    recorded.full_clean()
    recorded.save()
    audit_write(actor, trajectory, recorded, AuditAction.CREATE)
    if question == 5 and answer == Answer.NO:
        _open_new_round(actor, trajectory)
    return recorded


def _require_evaluation_due(trajectory: Trajectory, *, together: bool) -> None:
    """Afweging 5 asks whether the help reached its result: it is answered at
    the evaluation of decided help, not the day help was decided. After
    afweging 2 "ja" it is answered together with Veilig Thuis."""
    if together:
        return
    decision = round_decision(trajectory)
    if decision is None or not decision.help_possible or decision.evaluate_on is None:
        raise refuse(
            _(
                "Afweging 5 asks whether the help reached its result: first decide "
                "on help in step 5; it is answered at the evaluation."
            ),
            field="question",
        )
    if not decision.counts_as_signed:
        raise refuse(
            _("The decision on help is still waiting for co-signing."),
            field="question",
        )
    if timezone.localdate() < decision.evaluate_on:
        raise refuse(
            _(
                "Afweging 5 is answered at the evaluation of the help, on "
                "%(date)s. Move the evaluation date (with a reason) if it is "
                "needed sooner."
            )
            % {"date": date_format(decision.evaluate_on, "j F Y")},
            field="question",
        )


def _open_new_round(actor: Actor, trajectory: Trajectory) -> None:
    """Afweging 5 "nee" after a decision: a new decision round (to melden, again),
    the earlier round kept in the history and the melding document."""
    decision = round_decision(trajectory)
    if decision is None or not decision.counts_as_signed:
        return
    trajectory.decision_round += 1
    trajectory.status = Status.OPEN
    trajectory.step_started_at = timezone.now()
    trajectory.save(update_fields=["decision_round", "status", "step_started_at"])
    record_event(actor, trajectory, EventKind.NEW_DECISION_ROUND)
