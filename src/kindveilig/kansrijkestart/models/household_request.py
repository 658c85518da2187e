from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel


class HouseholdRequest(PublicIdModel, TimeStampedModel):
    """The JGZ asks the lokaal team to open a household case from a contact
    moment. Households are opened by the lokaal team (households.services), so
    the nurse's one click makes this request; a lokaal team worker accepts it,
    which opens the household and its case and links the case on the moment."""

    moment = models.OneToOneField(
        "kansrijkestart.ContactMoment",
        on_delete=models.CASCADE,
        related_name="household_request",
        verbose_name=_("contact moment"),
    )
    to_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("lokaal team"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    note = EncryptedTextField(_("what the lokaal team should know"), blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for a household case")
        verbose_name_plural = _("requests for a household case")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["to_organisation", "accepted_at"], name="ks_household_request"
            )
        ]

    def __str__(self) -> str:
        return f"Verzoek {str(self.public_id)[:8]}"
