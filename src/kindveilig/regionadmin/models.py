import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.organisations.models import Organisation, Register


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", _("Preview")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


class OrganisationImport(models.Model):
    """One uploaded register file: its preview, then the background import and
    its report. The file's text is kept only until the import has run."""

    public_id = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("The gemeente organisation of the beheerder who uploaded it."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    membership = models.ForeignKey(
        "accounts.Membership",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("membership"),
    )
    file_name = models.CharField(_("file name"), max_length=200)
    register = models.CharField(_("register"), max_length=8, choices=Register.choices)
    delimiter = models.CharField(_("delimiter"), max_length=1)
    encoding = models.CharField(_("encoding"), max_length=20)
    content = models.TextField(_("content"), blank=True, default="")
    preview = models.JSONField(_("preview"), default=dict)
    result = models.JSONField(_("result"), default=dict)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ImportStatus.choices,
        default=ImportStatus.PREVIEW,
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation import")
        verbose_name_plural = _("organisation imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def is_pending(self) -> bool:
        return self.status in {ImportStatus.QUEUED, ImportStatus.RUNNING}
