"""Step 5 and after: the two decisions, co-signing, the melding, Veilig Thuis's feedback."""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.access.roles import Role
from kindveilig.audit.models import AuditAction
from kindveilig.meldcode.models import (
    Decision,
    Melding,
    Trajectory,
    VeiligThuisFeedback,
)
from kindveilig.meldcode.models.choices import (
    CosignStatus,
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

MIN_RATIONALE = 10


def latest_decision(trajectory: Trajectory) -> Decision | None:
    cache = getattr(trajectory, "_prefetched_objects_cache", {})
    if "decisions" in cache:  # loaded by selectors.with_entries (the detail page)
        loaded: list[Decision] = list(cache["decisions"])
        return max(loaded, key=lambda d: (d.created_at, d.pk), default=None)
    return trajectory.decisions.order_by("-created_at", "-pk").first()


@dataclass(frozen=True)
class DecisionInput:
    melden: bool
    melden_rationale: str
    help_possible: bool
    help_rationale: str
    help_plan: str = ""


@transaction.atomic
def decision_propose(
    *,
    actor: Actor,
    trajectory: Trajectory,
    data: DecisionInput,
    expected_version: int | None,
) -> Decision:
    """The two decisions in the order of the law: melden? then help (also)?"""
    require_can_act(actor, trajectory)
    require_open(trajectory)
    acute = trajectory.is_acute and trajectory.step < Step.BESLISSEN
    if trajectory.step < Step.BESLISSEN and not trajectory.is_acute:
        raise refuse(
            _("Decide in step 5, after weighing in step 4."), code="wrong_step"
        )
    if trajectory.status != Status.OPEN:
        raise refuse(
            _("The decision for this trajectory has already been taken."),
            code="decided",
        )
    pending = latest_decision(trajectory)
    if pending is not None and pending.cosign_status != CosignStatus.RETURNED:
        raise refuse(
            _("There is already a decision waiting for co-signing."), code="pending"
        )
    errors: dict[str, list[object]] = {}
    if len(data.melden_rationale.strip()) < MIN_RATIONALE:
        errors["melden_rationale"] = [_("Explain why melden is or is not necessary.")]
    if len(data.help_rationale.strip()) < MIN_RATIONALE:
        errors["help_rationale"] = [_("Explain whether help is (also) possible.")]
    if data.help_possible and not data.help_plan.strip():
        errors["help_plan"] = [_("Say what help is offered or organised, and by whom.")]
    if acute and not data.melden:
        errors["melden"] = [_("In acute danger the decision is an immediate melding.")]
    if errors:
        raise ValidationError(errors)
    bump_version(trajectory, expected_version)
    decision = Decision(
        trajectory=trajectory,
        created_by=actor.user,
        melden=data.melden,
        melden_rationale=data.melden_rationale.strip(),
        help_possible=data.help_possible,
        help_rationale=data.help_rationale.strip(),
        help_plan=data.help_plan.strip(),
        acute=acute,
    )
    decision.full_clean()
    decision.save()
    record_event(actor, trajectory, "decision_proposed")
    audit_write(actor, trajectory, decision, AuditAction.CREATE)
    alerts.decision_awaiting_cosign(decision)
    return decision


def _require_cosigner(actor: Actor, decision: Decision) -> None:
    trajectory = decision.trajectory
    if (
        actor.role != Role.AANDACHTSFUNCTIONARIS
        or trajectory.organisation_id != actor.organisation_id
    ):
        raise refuse(
            _("Only an aandachtsfunctionaris of the organisation co-signs."),
            code="forbidden",
        )
    if decision.created_by_id == actor.user.pk:
        raise refuse(
            _("Another aandachtsfunctionaris co-signs: four eyes see more than two."),
            code="forbidden",
        )
    if decision.cosign_status != CosignStatus.PENDING:
        raise refuse(
            _("This decision is not waiting for co-signing."), code="not_pending"
        )


@transaction.atomic
def decision_cosign(
    *, actor: Actor, decision: Decision, expected_version: int | None
) -> Decision:
    _require_cosigner(actor, decision)
    trajectory = decision.trajectory
    bump_version(trajectory, expected_version)
    decision.cosign_status = CosignStatus.COSIGNED
    decision.cosigned_by = actor.user
    decision.cosigned_at = timezone.now()
    decision.save(update_fields=["cosign_status", "cosigned_by", "cosigned_at"])
    if not decision.melden and decision.help_possible:
        trajectory.status = Status.HELPING
        trajectory.save(update_fields=["status"])
    record_event(actor, trajectory, "decision_cosigned")
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
    decision.cosign_status = CosignStatus.RETURNED
    decision.cosign_comment = comment.strip()
    decision.cosigned_by = actor.user
    decision.cosigned_at = timezone.now()
    decision.save(
        update_fields=["cosign_status", "cosign_comment", "cosigned_by", "cosigned_at"]
    )
    record_event(actor, trajectory, "decision_returned")
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
    if decision.cosign_status != CosignStatus.COSIGNED and not decision.acute:
        raise refuse(
            _("The aandachtsfunctionaris co-signs the decision before the melding."),
            code="not_cosigned",
        )
    if hasattr(trajectory, "melding"):
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
    return errors


def _open_melden_errors(data: MeldingInput) -> dict[str, list[object]]:
    """Open melden is the rule: not discussing it needs an exception and why."""
    errors: dict[str, list[object]] = {}
    if data.discussed_with_parents and data.discussed_with_child:
        return errors
    if data.not_discussed_reason not in OpenMeldenException.values:
        errors["not_discussed_reason"] = [
            _(
                "Open melden is the rule. Choose which exception applies: danger to the "
                "child or others, danger to you, or a serious breach of trust."
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
    record_event(actor, trajectory, "melding_made")
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
    record_event(actor, trajectory, "melding_handed_over")
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
