"""The parent's consent after the signal: the parent withdraws it (AVG art. 7(3):
withdrawing is as easy as giving, and undoes nothing that was done before).

What a withdrawal does (docs/kansrijke-start.md, "Consent withdrawn later";
docs/decisions.md):
- the signal keeps its history: given at ``consent_recorded_at``, withdrawn at
  ``consent_withdrawn_at``, with what the parent said (encrypted);
- from then on the coalition sees nothing of the family, and nothing new is
  shared: no agenda item, decision, action, referral or household request (the
  coalition's services and selectors already ask ``has_consent``);
- actions and referrals already agreed stay with their owners, who see only that
  the parent withdrew consent and record how the action ended;
- a household request the lokaal team has not accepted can no longer be accepted;
- the JGZ's own record and regular schedule go on (WGBO, Wet publieke
  gezondheid), as after a refusal; the meldcode stays open on its own basis.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.access.actor import Actor
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import AuditItem, audit_record_many
from kindveilig.core.validators import check_fields, validate_no_hidden_characters

from .models import ConsentStatus, StartSignal
from .services import can_follow_up

__all__ = ["WITHDRAWAL_WORDS_REQUIRED", "signal_consent_withdraw"]

WITHDRAWAL_WORDS_REQUIRED = _(
    "Write down what the parent said when withdrawing consent."
)


@transaction.atomic
def signal_consent_withdraw(
    *, actor: Actor, signal: StartSignal, words: str
) -> StartSignal:
    """The JGZ nurse who follows the family records that the parent withdraws
    consent, in the parent's words. One UPDATE audit record per person of the
    signal (the parent, and the child once known)."""
    if not can_follow_up(actor, signal):
        raise ValidationError(
            _("Only the JGZ that follows up this signal records the parent's consent."),
            code="forbidden",
        )
    signal = (
        StartSignal.objects.select_for_update(of=("self",))
        .select_related("parent", "child")
        .get(pk=signal.pk)
    )
    if signal.consent != ConsentStatus.GIVEN:
        raise ValidationError(
            _("The parent has not given consent, so there is nothing to withdraw."),
            code="no_consent",
        )
    if not words.strip():
        raise ValidationError(
            {"words": [ValidationError(WITHDRAWAL_WORDS_REQUIRED, code="required")]}
        )
    check_fields({"words": (validate_no_hidden_characters, words)})
    signal.consent = ConsentStatus.WITHDRAWN
    signal.consent_withdrawn_at = timezone.now()
    signal.consent_withdrawal_words = words.strip()
    signal.save(
        update_fields=[
            "consent",
            "consent_withdrawn_at",
            "consent_withdrawal_words",
            "updated_at",
        ]
    )
    persons = [signal.parent] + ([signal.child] if signal.child else [])
    audit_record_many(
        actor=actor,
        action=AuditAction.UPDATE,
        items=[AuditItem(obj=signal, person_id=person.public_id) for person in persons],
        reason="consent withdrawn",
    )
    return signal
