import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel

from .choices import ItemKind, ItemStatus


class PlanVersion(models.Model):
    """One version of the veiligheidsplan. A change of content makes a new
    version (items copied forward); checking an agreement does not."""

    case = models.ForeignKey(
        "households.SafetyCase", on_delete=models.CASCADE, related_name="plan_versions"
    )
    number = models.PositiveIntegerField(_("version"))
    note = EncryptedTextField(_("what changed"), blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        verbose_name = _("safety plan version")
        verbose_name_plural = _("safety plan versions")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "number"], name="unique_plan_version"
            )
        ]

    def __str__(self) -> str:
        return f"Plan v{self.number}"


class PlanItem(PublicIdModel):
    """A safety condition (e.g. set by Veilig Thuis) or an agreement: what, who, by
    when, how it is checked; its status and the evidence. ``lineage`` follows
    one item across versions."""

    version = models.ForeignKey(
        PlanVersion, on_delete=models.CASCADE, related_name="items"
    )
    lineage = models.UUIDField(default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    what = EncryptedTextField(_("what"))
    child_text = EncryptedTextField(
        _("in words for the children"), blank=True, default=""
    )
    who = models.CharField(_("who"), max_length=200)
    partner = models.ForeignKey(
        "households.CasePartner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
        verbose_name=_("chain partner"),
    )
    due_on = models.DateField(_("by when"), null=True, blank=True)
    how_checked = EncryptedTextField(_("how it is checked"), blank=True, default="")
    set_by = models.CharField(_("set by"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ItemStatus.choices, default=ItemStatus.OPEN
    )
    evidence = EncryptedTextField(_("evidence"), blank=True, default="")
    status_changed_at = models.DateTimeField(null=True, blank=True)
    lock_version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("safety plan item")
        verbose_name_plural = _("safety plan items")
        ordering = ["kind", "due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"], name="plan_item_due")]

    def __str__(self) -> str:
        return f"{self.kind} {str(self.public_id)[:8]}"
