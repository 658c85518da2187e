"""Shares: a meldcode trajectory made readable for a chain partner, on a legal
basis. The table keeps the name it had in the Verwijsindex app (``chain_share``):
the model moved, the data did not (docs/decisions.md, "Shares belong to the
meldcode; signals registered through a hook")."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel


class LegalBasis(models.TextChoices):
    CONSENT_PARENTS = "consent_parents", _("Consent of the parents (with gezag)")
    CONSENT_YOUTH = "consent_youth", _("Consent of the young person (16 or older)")
    MELDRECHT = "meldrecht", _("Meldrecht or necessity, without consent")


class Share(PublicIdModel, TimeStampedModel):
    """A meldcode trajectory made readable for another organisation.

    The receiver reads; writing stays with the owner organisation. A share
    without consent (meldrecht or necessity) must say why.
    """

    trajectory = models.ForeignKey(
        "meldcode.Trajectory",
        on_delete=models.CASCADE,
        related_name="shares",
        verbose_name=_("trajectory"),
    )
    from_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("shared by organisation"),
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("shared by"),
    )
    to_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("shared with organisation"),
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("shared with"),
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=20, choices=LegalBasis.choices
    )
    consent_given_by = models.CharField(
        _("consent given by"), max_length=200, blank=True
    )
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    reason = EncryptedTextField(_("reason"), blank=True, default="")
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        db_table = "chain_share"
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["to_organisation"],
                condition=Q(revoked_at__isnull=True),
                name="share_active_to_org",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(legal_basis="meldrecht") | ~Q(reason=""),
                name="share_meldrecht_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(from_organisation=models.F("to_organisation")),
                name="share_to_another_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"Share {str(self.public_id)[:8]}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
