"""Step 5 and closing: what is decided, and the aandachtsfunctionaris's co-sign.

A decision belongs to a decision round. Round 1 is the first decision; when help
did not reach its result (afweging 5 "nee"), a new round starts in the same
trajectory with its own co-signed decision and melding, and the earlier round stays
in the history and the melding document.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField

from .choices import CosignStatus, Outcome
from .steps import Entry


class Cosigned(models.Model):
    """The four-eyes part: who co-signed (or returned) it, when, and why not."""

    cosign_status = models.CharField(
        _("co-signing"),
        max_length=20,
        choices=CosignStatus.choices,
        default=CosignStatus.PENDING,
    )
    cosigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cosigned_at = models.DateTimeField(null=True, blank=True)
    cosign_comment = EncryptedTextField(
        _("comment of the aandachtsfunctionaris"), blank=True, default=""
    )

    class Meta:
        abstract = True

    @property
    def is_pending(self) -> bool:
        return self.cosign_status == CosignStatus.PENDING

    @property
    def counts_as_signed(self) -> bool:
        """Co-signed, or recorded as made without a co-signer (nobody could)."""
        return self.cosign_status in (CosignStatus.COSIGNED, CosignStatus.NO_COSIGNER)


class Decision(Cosigned, Entry):
    """Step 5: the two decisions in the legal order, co-signed by the
    aandachtsfunctionaris. A returned decision is followed by a new one."""

    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="decisions"
    )
    round = models.PositiveSmallIntegerField(_("decision round"), default=1)
    melden = models.BooleanField(_("is melden necessary?"))
    melden_rationale = EncryptedTextField(_("rationale for (not) melden"))
    help_possible = models.BooleanField(_("is help (also) possible?"))
    help_rationale = EncryptedTextField(_("rationale about help"))
    help_plan = EncryptedTextField(
        _("help offered or organised, and by whom"), blank=True, default=""
    )
    # When help is decided: the day afweging 5 (did help reach the result?) is due.
    evaluate_on = models.DateField(_("evaluate the help on"), null=True, blank=True)
    # The afwegingskader's advice when the decision was proposed, and whether the
    # decision departs from it (countable for the monitor, shown to the co-signer).
    advice = models.CharField(
        _("advice of the afwegingskader"), max_length=30, blank=True, default=""
    )
    is_deviation = models.BooleanField(_("departs from the advice"), default=False)
    deviation_justification = EncryptedTextField(
        _("why the decision departs from the advice"), blank=True, default=""
    )
    acute = models.BooleanField(_("immediate melding in acute danger"), default=False)

    class Meta(Entry.Meta):
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [
            models.Index(
                fields=["cosign_status"],
                condition=models.Q(cosign_status="pending"),
                name="decision_pending",
            )
        ]

    def __str__(self) -> str:
        return f"Besluit {self.created_at:%Y-%m-%d}"


class ClosingRequest(Cosigned, Entry):
    """Closing before step 5, or with "Anders": a reason, and the
    aandachtsfunctionaris's co-sign before the trajectory closes."""

    trajectory = models.ForeignKey(
        "meldcode.Trajectory", on_delete=models.CASCADE, related_name="closings"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    reason = EncryptedTextField(_("why the trajectory closes now"))
    agreements = EncryptedTextField(
        _("agreements on following future safety"), blank=True, default=""
    )

    class Meta(Entry.Meta):
        verbose_name = _("request to close")
        verbose_name_plural = _("requests to close")

    def __str__(self) -> str:
        return f"Afsluiten {self.created_at:%Y-%m-%d}"
