"""Closing a trajectory: only where the afwegingskader allows it.

- When the framework requires a melding (advice melden, or afweging 2 "ja"), a
  trajectory closes only after the melding of the current round, or after a
  co-signed decision that departs from the advice with its justification.
- "No suspicion" needs afweging 1 "nee"; "help reached its result" needs
  afweging 5 "ja"; "after melding" needs a melding.
- Any close before step 5, and any close with "Anders", needs a reason and the
  aandachtsfunctionaris's co-sign (a ``ClosingRequest``) before it takes effect.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.meldcode.afwegingskader import Outcome as Advice
from kindveilig.meldcode.cosigners import cosigners_for
from kindveilig.meldcode.models import ClosingRequest, Trajectory
from kindveilig.meldcode.models.choices import (
    CosignStatus,
    EventKind,
    Outcome,
    Status,
    Step,
)

from .common import (
    audit_write,
    bump_version,
    record_event,
    require_can_act,
    require_open,
)
from .decisions import MIN_RATIONALE, _require_cosigner, record_cosign
from .errors import refuse
from .rules import advice_label, advice_now, melding_outstanding


def needs_cosign(trajectory: Trajectory, outcome: str) -> bool:
    return trajectory.step < Step.BESLISSEN or outcome == Outcome.OTHER


def pending_closing(trajectory: Trajectory) -> ClosingRequest | None:
    return trajectory.closings.filter(cosign_status=CosignStatus.PENDING).first()


def _outcome_errors(trajectory: Trajectory, outcome: str) -> list[object]:
    advice = advice_now(trajectory)
    if melding_outstanding(trajectory):
        return [
            _(
                "The afwegingskader requires a melding (advice: %(advice)s). Make the "
                "melding first; a decision not to melden needs a written "
                "justification and the aandachtsfunctionaris's co-sign."
            )
            % {"advice": advice_label(advice)}
        ]
    if outcome == Outcome.NO_SUSPICION and advice.outcome != Advice.CLOSE:
        return [
            _(
                "Closing for lack of suspicion needs the answer 'no' to afweging 1, "
                "with its rationale."
            )
        ]
    if (
        outcome == Outcome.HELP_SUCCEEDED
        and advice.outcome != Advice.CLOSE_WITH_AGREEMENTS
    ):
        return [_("Help reached its result only when afweging 5 is answered 'yes'.")]
    if outcome == Outcome.AFTER_MELDING and not trajectory.meldingen.exists():
        return [_("There is no melding to close after.")]
    return []


def close_errors(
    trajectory: Trajectory, *, outcome: str, agreements: str, reason: str
) -> dict[str, list[object]]:
    errors: dict[str, list[object]] = {}
    outcome_errors = _outcome_errors(trajectory, outcome)
    if outcome_errors:
        errors["outcome"] = outcome_errors
    if outcome != Outcome.NO_SUSPICION and not agreements.strip():
        errors["agreements"] = [
            _("Record the agreements about following the child's safety in the future.")
        ]
    if needs_cosign(trajectory, outcome) and len(reason.strip()) < MIN_RATIONALE:
        errors["reason"] = [
            _(
                "Closing before step 5, or with 'Other', needs a reason; your "
                "aandachtsfunctionaris co-signs it."
            )
        ]
    return errors


@transaction.atomic
def trajectory_close(
    *,
    actor: Actor,
    trajectory: Trajectory,
    outcome: Outcome,
    agreements: str,
    expected_version: int | None,
    reason: str = "",
) -> Trajectory:
    """Close, or — where the co-sign is needed — ask the aandachtsfunctionaris to."""
    require_can_act(actor, trajectory)
    require_open(trajectory)
    if pending_closing(trajectory) is not None:
        raise refuse(
            _("Closing this trajectory already waits for co-signing."), code="pending"
        )
    errors = close_errors(
        trajectory, outcome=outcome, agreements=agreements, reason=reason
    )
    if errors:
        raise ValidationError(errors)
    bump_version(trajectory, expected_version)
    if not needs_cosign(trajectory, outcome):
        return _close(actor, trajectory, outcome, agreements)
    cosigners = cosigners_for(trajectory.organisation, exclude_user_id=actor.user.pk)
    request = ClosingRequest(
        trajectory=trajectory,
        created_by=actor.user,
        outcome=outcome,
        reason=reason.strip(),
        agreements=agreements.strip(),
        cosign_status=CosignStatus.PENDING if cosigners else CosignStatus.NO_COSIGNER,
    )
    request.full_clean()
    request.save()
    record_event(actor, trajectory, EventKind.CLOSING_PROPOSED, note=reason.strip())
    audit_write(actor, trajectory, request, AuditAction.CREATE)
    if cosigners:
        return trajectory
    record_event(actor, trajectory, EventKind.DECISION_WITHOUT_COSIGNER)
    return _close(actor, trajectory, outcome, agreements)


def _close(
    actor: Actor, trajectory: Trajectory, outcome: str, agreements: str
) -> Trajectory:
    trajectory.status = Status.CLOSED
    trajectory.outcome = outcome
    trajectory.closing_agreements = agreements.strip()
    trajectory.closed_at = timezone.now()
    trajectory.save(
        update_fields=["status", "outcome", "closing_agreements", "closed_at"]
    )
    record_event(actor, trajectory, EventKind.CLOSED)
    audit_write(actor, trajectory, trajectory, AuditAction.UPDATE)
    return trajectory


@transaction.atomic
def closing_cosign(
    *, actor: Actor, request: ClosingRequest, expected_version: int | None
) -> Trajectory:
    """The co-sign closes the trajectory, if the rules still allow it."""
    _require_cosigner(actor, request)
    trajectory = request.trajectory
    require_open(trajectory)
    errors = close_errors(
        trajectory,
        outcome=request.outcome,
        agreements=request.agreements,
        reason=request.reason,
    )
    if errors:
        raise refuse(str(next(iter(errors.values()))[0]), code="not_allowed")
    bump_version(trajectory, expected_version)
    record_cosign(actor, request, CosignStatus.COSIGNED)
    audit_write(actor, trajectory, request, AuditAction.UPDATE)
    return _close(actor, trajectory, request.outcome, request.agreements)


@transaction.atomic
def closing_return(
    *,
    actor: Actor,
    request: ClosingRequest,
    comment: str,
    expected_version: int | None,
) -> ClosingRequest:
    """Not closed: the trajectory stays open, with the comment on record."""
    _require_cosigner(actor, request)
    if not comment.strip():
        raise refuse(_("Say why the trajectory should not close yet."), field="comment")
    trajectory = request.trajectory
    bump_version(trajectory, expected_version)
    record_cosign(actor, request, CosignStatus.RETURNED, comment=comment)
    record_event(actor, trajectory, EventKind.CLOSING_RETURNED, note=comment.strip())
    audit_write(actor, trajectory, request, AuditAction.UPDATE)
    return request
