"""Step 5 and after: the two decisions, co-signing, the melding, Veilig Thuis's feedback."""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.accounts.models import User
from kindveilig.audit.models import AuditAction
from kindveilig.core.validators import (
    check_fields,
    validate_event_date,
    validate_no_hidden_characters,
    validation_message,
)
from kindveilig.meldcode.afwegingskader import Advice
from kindveilig.meldcode.cosigners import cosigners_for
from kindveilig.meldcode.models import (
    ClosingRequest,
    Decision,
    Melding,
    Trajectory,
    VeiligThuisFeedback,
)
from kindveilig.meldcode.models.choices import (
    CosignStatus,
    EventKind,
    FeedbackKind,
    HandoverChannel,
    OpenMeldenException,
    Status,
    Step,
)

from . import alerts
from .common import (
    audit_write,
    bump_version,
    record_event,
    require_can_act,
    require_open,
)
from .errors import refuse
from .rules import (
    advice_label,
    advice_now,
    expected_melden,
    melding_required,
    round_decision,
    round_melding,
)

MIN_RATIONALE = 10


def latest_decision(trajectory: Trajectory) -> Decision | None:
    """The latest decision of the current decision round (earlier rounds stay in
    the history)."""
    return round_decision(trajectory)


EVALUATION_MONTHS = 3
MAX_EVALUATION_DAYS = 366


def default_evaluation_date(today: date | None = None) -> date:
    """Three months after the decision for help: when afweging 5 is answered."""
    today = today or timezone.localdate()
    month = today.month - 1 + EVALUATION_MONTHS
    year, month = today.year + month // 12, month % 12 + 1
    day = min(today.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


@dataclass(frozen=True)
class DecisionInput:
    melden: bool
    melden_rationale: str
    help_possible: bool
    help_rationale: str
    help_plan: str = ""
    deviation_justification: str = ""
    evaluate_on: date | None = None
    evaluation_reason: str = ""


def _decision_errors(
    data: DecisionInput, *, acute: bool, is_deviation: bool, advice: Advice
) -> dict[str, list[object]]:
    errors: dict[str, list[object]] = {}
    if len(data.melden_rationale.strip()) < MIN_RATIONALE:
        errors["melden_rationale"] = [_("Explain why melden is or is not necessary.")]
    if len(data.help_rationale.strip()) < MIN_RATIONALE:
        errors["help_rationale"] = [_("Explain whether help is (also) possible.")]
    if data.help_possible and not data.help_plan.strip():
        errors["help_plan"] = [_("Say what help is offered or organised, and by whom.")]
    if acute and not data.melden:
        errors["melden"] = [_("In acute danger the decision is an immediate melding.")]
    if is_deviation and len(data.deviation_justification.strip()) < MIN_RATIONALE:
        errors["deviation_justification"] = [
            _(
                "This decision departs from the afwegingskader's advice (%(advice)s). "
                "Explain why; your aandachtsfunctionaris sees this before co-signing."
            )
            % {"advice": advice_label(advice)}
        ]
    errors.update(_evaluation_errors(data))
    return errors


def _evaluation_errors(data: DecisionInput) -> dict[str, list[object]]:
    if not data.help_possible or data.evaluate_on is None:
        return {}
    today = timezone.localdate()
    if not today <= data.evaluate_on <= today + timedelta(days=MAX_EVALUATION_DAYS):
        return {
            "evaluate_on": [
                _("Choose an evaluation date from today up to a year from now.")
            ]
        }
    if data.evaluate_on != default_evaluation_date() and not (
        data.evaluation_reason.strip()
    ):
        return {
            "evaluation_reason": [
                _(
                    "The help is evaluated after three months; say why you choose "
                    "another date."
                )
            ]
        }
    return {}


def _open_new_round_if_decided(actor: Actor, trajectory: Trajectory) -> None:
    """After a signed decision not to melden (help offered, or neither), a new
    decision is a new round: the earlier one stays in the history."""
    current = round_decision(trajectory)
    if current is None or not current.counts_as_signed or current.melden:
        return
    trajectory.decision_round += 1
    trajectory.status = Status.OPEN
    trajectory.save(update_fields=["decision_round", "status"])
    record_event(actor, trajectory, EventKind.NEW_DECISION_ROUND)


def _require_can_propose(trajectory: Trajectory) -> None:
    if trajectory.step < Step.BESLISSEN and not trajectory.is_acute:
        raise refuse(
            _("Decide in step 5, after weighing in step 4."), code="wrong_step"
        )
    if trajectory.status == Status.AFTER_MELDING:
        raise refuse(
            _(
                "The melding has been made. A new decision follows when afweging 5 "
                "is answered 'no' at the evaluation."
            ),
            code="decided",
        )
    current = round_decision(trajectory)
    if current is not None and current.is_pending:
        raise refuse(
            _("There is already a decision waiting for co-signing."), code="pending"
        )
    if current is not None and current.counts_as_signed and current.melden:
        raise refuse(
            _(
                "The decision to melden has been taken: make the melding. A new "
                "decision follows when afweging 5 is answered 'no'."
            ),
            code="decided",
        )


@transaction.atomic
def decision_propose(
    *,
    actor: Actor,
    trajectory: Trajectory,
    data: DecisionInput,
    expected_version: int | None,
) -> Decision:
    """The two decisions in the order of the law: melden? then help (also)?

    A decision against the afwegingskader's advice needs a written justification
    and is recorded as a deviation. From "help offered" it opens a new round."""
    require_can_act(actor, trajectory)
    require_open(trajectory)
    acute = trajectory.is_acute and trajectory.step < Step.BESLISSEN
    _require_can_propose(trajectory)
    advice = advice_now(trajectory)
    expected = expected_melden(advice, required=melding_required(trajectory))
    is_deviation = not acute and expected is not None and data.melden != expected
    errors = _decision_errors(
        data, acute=acute, is_deviation=is_deviation, advice=advice
    )
    if errors:
        raise ValidationError(errors)
    bump_version(trajectory, expected_version)
    _open_new_round_if_decided(actor, trajectory)
    cosigners = cosigners_for(trajectory.organisation, exclude_user_id=actor.user.pk)
    decision = _decision_of(
        actor, trajectory, data, acute=acute, advice=advice, is_deviation=is_deviation
    )
    decision.cosign_status = (
        CosignStatus.PENDING if cosigners else CosignStatus.NO_COSIGNER
    )
    decision.full_clean()
    decision.save()
    record_event(actor, trajectory, EventKind.DECISION_PROPOSED)
    _name_cosigner(trajectory, cosigners)
    if not cosigners:
        # Never a dead end: nobody can co-sign, so the decision stands, and the
        # missing co-sign is on record for the trajectory and the monitor.
        record_event(actor, trajectory, EventKind.DECISION_WITHOUT_COSIGNER)
        _apply_signed(trajectory, decision)
    audit_write(actor, trajectory, decision, AuditAction.CREATE)
    if cosigners:
        alerts.decision_awaiting_cosign(decision, cosigners)
    if is_deviation:
        alerts.decision_deviates_from_advice(decision, cosigners)
    return decision


def _decision_of(
    actor: Actor,
    trajectory: Trajectory,
    data: DecisionInput,
    *,
    acute: bool,
    advice: Advice,
    is_deviation: bool,
) -> Decision:
    evaluate_on = (
        (data.evaluate_on or default_evaluation_date()) if data.help_possible else None
    )
    return Decision(
        trajectory=trajectory,
        round=trajectory.decision_round,
        created_by=actor.user,
        melden=data.melden,
        melden_rationale=data.melden_rationale.strip(),
        help_possible=data.help_possible,
        help_rationale=data.help_rationale.strip(),
        help_plan=data.help_plan.strip(),
        evaluate_on=evaluate_on,
        advice=advice.outcome.value,
        is_deviation=is_deviation,
        deviation_justification=data.deviation_justification.strip()
        if is_deviation
        else "",
        acute=acute,
    )


def _name_cosigner(trajectory: Trajectory, cosigners: list[User]) -> None:
    """The trajectory names who co-signs; when that person cannot (left, or
    proposed it themselves), the next in line is named."""
    if trajectory.aandachtsfunctionaris_id in {user.pk for user in cosigners}:
        return
    trajectory.aandachtsfunctionaris = cosigners[0] if cosigners else None
    trajectory.save(update_fields=["aandachtsfunctionaris"])


def _apply_signed(trajectory: Trajectory, decision: Decision) -> None:
    if not decision.melden and decision.help_possible:
        trajectory.status = Status.HELPING
        trajectory.save(update_fields=["status"])


def _require_cosigner(actor: Actor, decision: Decision | ClosingRequest) -> None:
    trajectory = decision.trajectory
    if decision.created_by_id == actor.user.pk:
        raise refuse(
            _("Another aandachtsfunctionaris co-signs: four eyes see more than two."),
            code="forbidden",
        )
    allowed = {
        user.pk
        for user in cosigners_for(
            trajectory.organisation, exclude_user_id=decision.created_by_id
        )
    }
    if actor.role != Role.AANDACHTSFUNCTIONARIS or actor.user.pk not in allowed:
        raise refuse(
            _(
                "Only an aandachtsfunctionaris of the organisation (or the "
                "municipality's fallback when it has none) co-signs."
            ),
            code="forbidden",
        )
    if not decision.is_pending:
        raise refuse(
            _("This decision is not waiting for co-signing."), code="not_pending"
        )


def record_cosign(
    actor: Actor,
    signed: Decision | ClosingRequest,
    status: CosignStatus,
    *,
    comment: str = "",
) -> None:
    """The co-signer's judgement on a decision or a request to close."""
    signed.cosign_status = status
    signed.cosign_comment = comment.strip()
    signed.cosigned_by = actor.user
    signed.cosigned_at = timezone.now()
    signed.save(
        update_fields=["cosign_status", "cosign_comment", "cosigned_by", "cosigned_at"]
    )


@transaction.atomic
def decision_cosign(
    *, actor: Actor, decision: Decision, expected_version: int | None
) -> Decision:
    _require_cosigner(actor, decision)
    trajectory = decision.trajectory
    bump_version(trajectory, expected_version)
    record_cosign(actor, decision, CosignStatus.COSIGNED)
    _apply_signed(trajectory, decision)
    record_event(actor, trajectory, EventKind.DECISION_COSIGNED)
    audit_write(actor, trajectory, decision, AuditAction.UPDATE)
    return decision


@transaction.atomic
def decision_return(
    *, actor: Actor, decision: Decision, comment: str, expected_version: int | None
) -> Decision:
    _require_cosigner(actor, decision)
    if not comment.strip():
        raise refuse(
            _("Say what should change before you can co-sign."), field="comment"
        )
    trajectory = decision.trajectory
    bump_version(trajectory, expected_version)
    record_cosign(actor, decision, CosignStatus.RETURNED, comment=comment)
    record_event(actor, trajectory, EventKind.DECISION_RETURNED)
    audit_write(actor, trajectory, decision, AuditAction.UPDATE)
    return decision


@transaction.atomic
def evaluation_reschedule(
    *,
    actor: Actor,
    decision: Decision,
    evaluate_on: date,
    reason: str,
    expected_version: int | None,
) -> Decision:
    """Move the evaluation of the help (afweging 5), always with a reason."""
    trajectory = decision.trajectory
    require_can_act(actor, trajectory)
    require_open(trajectory)
    if not decision.help_possible or decision.evaluate_on is None:
        raise refuse(_("This decision has no help to evaluate."), code="no_help")
    today = timezone.localdate()
    if not today <= evaluate_on <= today + timedelta(days=MAX_EVALUATION_DAYS):
        raise refuse(
            _("Choose an evaluation date from today up to a year from now."),
            field="evaluate_on",
        )
    if len(reason.strip()) < MIN_RATIONALE:
        raise refuse(_("Say why the evaluation moves."), field="reason")
    bump_version(trajectory, expected_version)
    decision.evaluate_on = evaluate_on
    decision.save(update_fields=["evaluate_on"])
    record_event(
        actor, trajectory, EventKind.EVALUATION_RESCHEDULED, note=reason.strip()
    )
    audit_write(actor, trajectory, decision, AuditAction.UPDATE)
    return decision


@dataclass(frozen=True)
class MeldingInput:
    melder_name: str
    melder_function: str
    melder_phone: str
    melder_email: str
    discussed_with_parents: bool
    discussed_with_child: bool
    not_discussed_reason: str = ""
    not_discussed_explanation: str = ""
    support_network: str = ""
    other_information: str = ""


def _decision_to_melden(trajectory: Trajectory) -> Decision:
    """The co-signed decision to melden (in acute danger the co-signing may
    follow); refused when there is none or the melding was already made."""
    decision = latest_decision(trajectory)
    if decision is None or not decision.melden:
        raise refuse(
            _("First decide that melden is necessary (step 5)."), code="no_decision"
        )
    if not decision.counts_as_signed and not decision.acute:
        raise refuse(
            _("The aandachtsfunctionaris co-signs the decision before the melding."),
            code="not_cosigned",
        )
    if round_melding(trajectory) is not None:
        raise refuse(
            _("The melding for this trajectory has already been made."), code="exists"
        )
    return decision


def _melder_errors(data: MeldingInput) -> dict[str, list[object]]:
    """An identified melder: without a name, it is an advies."""
    errors: dict[str, list[object]] = {}
    for key, message in (
        (
            "melder_name",
            _("A melding needs the melder's name; without it, it is an advies."),
        ),
        ("melder_function", _("Give the melder's function.")),
        (
            "melder_phone",
            _("Give a phone number where Veilig Thuis can reach the melder."),
        ),
        ("melder_email", _("Give the melder's e-mail address.")),
    ):
        if not str(getattr(data, key)).strip():
            errors[key] = [message]
    if name_error := validation_message(
        validate_no_hidden_characters, data.melder_name
    ):
        errors["melder_name"] = [name_error]
    return errors


def _open_melden_errors(data: MeldingInput) -> dict[str, list[object]]:
    """Open melden is the rule: not discussing it needs an exception and why.
    "Too young or not able to understand" explains only the child: the parents
    are still told, unless another exception applies to them."""
    errors: dict[str, list[object]] = {}
    if data.discussed_with_parents and data.discussed_with_child:
        return errors
    if data.not_discussed_reason not in OpenMeldenException.values:
        errors["not_discussed_reason"] = [
            _(
                "Open melden is the rule. Choose which exception applies: the child "
                "is too young or not able to understand, danger to the child or "
                "others, danger to you, or a serious breach of trust."
            )
        ]
    elif (
        data.not_discussed_reason == OpenMeldenException.TOO_YOUNG
        and not data.discussed_with_parents
    ):
        errors["not_discussed_reason"] = [
            _(
                "That the child is too young explains only why it was not discussed "
                "with the child. Discuss the melding with the parents, or choose the "
                "exception that applies to them."
            )
        ]
    if not data.not_discussed_explanation.strip():
        errors["not_discussed_explanation"] = [_("Explain why it was not discussed.")]
    return errors


def _melding_of(
    actor: Actor, trajectory: Trajectory, decision: Decision, data: MeldingInput
) -> Melding:
    open_melden = data.discussed_with_parents and data.discussed_with_child
    return Melding(
        trajectory=trajectory,
        decision=decision,
        created_by=actor.user,
        melder_name=data.melder_name.strip(),
        melder_function=data.melder_function.strip(),
        melder_phone=data.melder_phone.strip(),
        melder_email=data.melder_email.strip(),
        discussed_with_parents=data.discussed_with_parents,
        discussed_with_child=data.discussed_with_child,
        not_discussed_reason="" if open_melden else data.not_discussed_reason,
        not_discussed_explanation=""
        if open_melden
        else data.not_discussed_explanation.strip(),
        support_network=data.support_network.strip(),
        other_information=data.other_information.strip(),
    )


@transaction.atomic
def melding_create(
    *,
    actor: Actor,
    trajectory: Trajectory,
    data: MeldingInput,
    expected_version: int | None,
) -> Melding:
    """A melding needs a co-signed decision to melden (in acute danger the
    co-signing may follow) and an identified melder: anonymous is an advies."""
    require_can_act(actor, trajectory)
    require_open(trajectory)
    decision = _decision_to_melden(trajectory)
    errors = {**_melder_errors(data), **_open_melden_errors(data)}
    if errors:
        raise ValidationError(errors)
    bump_version(trajectory, expected_version)
    melding = _melding_of(actor, trajectory, decision, data)
    melding.full_clean()
    melding.save()
    trajectory.status = Status.AFTER_MELDING
    if trajectory.step < Step.BESLISSEN:
        trajectory.step = Step.BESLISSEN
    trajectory.save(update_fields=["status", "step"])
    record_event(actor, trajectory, EventKind.MELDING_MADE)
    audit_write(actor, trajectory, melding, AuditAction.CREATE)
    return melding


@transaction.atomic
def melding_handover(
    *,
    actor: Actor,
    melding: Melding,
    handed_over_at: datetime,
    channel: HandoverChannel,
    reference: str = "",
) -> Melding:
    trajectory = melding.trajectory
    require_can_act(actor, trajectory)
    if handed_over_at > timezone.now():
        raise refuse(_("The handover cannot be in the future."), field="handed_over_at")
    check_fields(
        {"handed_over_at": (validate_event_date, timezone.localdate(handed_over_at))}
    )
    melding.handed_over_at = handed_over_at
    melding.handed_over_channel = channel
    melding.veilig_thuis_reference = reference.strip()
    melding.save(
        update_fields=[
            "handed_over_at",
            "handed_over_channel",
            "veilig_thuis_reference",
        ]
    )
    record_event(actor, trajectory, EventKind.MELDING_HANDED_OVER)
    audit_write(actor, trajectory, melding, AuditAction.UPDATE)
    return melding


@transaction.atomic
def feedback_add(
    *,
    actor: Actor,
    trajectory: Trajectory,
    kind: FeedbackKind,
    received_on: date,
    summary: str,
) -> VeiligThuisFeedback:
    require_can_act(actor, trajectory)
    require_open(trajectory)
    if trajectory.status != Status.AFTER_MELDING:
        raise refuse(
            _("Feedback from Veilig Thuis follows a melding."), code="no_melding"
        )
    check_fields({"received_on": (validate_event_date, received_on)})
    if not summary.strip():
        raise refuse(_("Summarise what Veilig Thuis reported back."), field="summary")
    feedback = VeiligThuisFeedback(
        trajectory=trajectory,
        created_by=actor.user,
        kind=kind,
        received_on=received_on,
        summary=summary.strip(),
    )
    feedback.full_clean()
    feedback.save()
    audit_write(actor, trajectory, feedback, AuditAction.CREATE)
    return feedback
