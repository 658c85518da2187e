from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel

from .choices import HandoverStatus


class Handover(PublicIdModel, TimeStampedModel):
    """Warm overdragen: an explicit handover that the receiver accepts.

    Of a meldcode trajectory (school → lokaal team, Veilig Thuis → lokaal team:
    the receiver reads it through a share) or of the regie over a safety case
    (lokaal team → jeugdbescherming). Until it is accepted the sender stays
    responsible; at most one handover of a case waits at a time.
    """

    trajectory = models.ForeignKey(
        "meldcode.Trajectory",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    case = models.ForeignKey(
        "households.SafetyCase",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="handovers",
    )
    from_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("from"),
    )
    from_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    to_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("to"),
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = EncryptedTextField(_("what you hand over"))
    share = models.ForeignKey(
        "meldcode.Share",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=HandoverStatus.choices,
        default=HandoverStatus.PENDING,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_note = EncryptedTextField(_("comment"), blank=True, default="")

    class Meta:
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["to_organisation", "status"], name="handover_to"),
            models.Index(fields=["from_organisation", "status"], name="handover_from"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(trajectory__isnull=False) & Q(case__isnull=True))
                | (Q(trajectory__isnull=True) & Q(case__isnull=False)),
                name="handover_of_trajectory_or_case",
            ),
            models.CheckConstraint(
                condition=~Q(from_organisation=models.F("to_organisation")),
                name="handover_to_another_organisation",
            ),
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status="pending"),
                name="one_pending_handover_per_case",
            ),
            models.UniqueConstraint(
                fields=["trajectory", "to_organisation"],
                condition=Q(status="pending"),
                name="one_pending_handover_per_trajectory",
            ),
        ]

    def __str__(self) -> str:
        return f"Handover {str(self.public_id)[:8]}"

    @property
    def is_pending(self) -> bool:
        return self.status == HandoverStatus.PENDING


class EmergencyAccess(PublicIdModel):
    """Break the glass: a time-limited view of a household in an urgent situation,
    with its reason. The aandachtsfunctionaris of the data's organisation is
    alerted; every read during it is marked in the audit log."""

    household = models.ForeignKey(
        "households.Household", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    reason = EncryptedTextField(_("reason"))
    granted_at = models.DateTimeField(_("granted at"))
    expires_at = models.DateTimeField(_("expires at"))

    class Meta:
        verbose_name = _("emergency access")
        verbose_name_plural = _("emergency accesses")
        ordering = ["-granted_at"]
        indexes = [
            models.Index(
                fields=["user", "household", "expires_at"], name="emergency_lookup"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("granted_at")),
                name="emergency_expires_after_grant",
            )
        ]

    def __str__(self) -> str:
        return f"Emergency {str(self.public_id)[:8]}"
