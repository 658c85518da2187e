from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField


class LegalHold(models.Model):
    """A record the retention engine must keep whatever its term: a court case,
    a complaint, an investigation. Addressed by the record kind's key and the
    record's public id; a hold on a person also keeps the trajectories, cases and
    signals about them. Lifting keeps the row, so the history of holds stays."""

    record_kind = models.CharField(_("kind of record"), max_length=64)
    object_id = models.UUIDField(_("public id of the record"))
    reason = EncryptedTextField(_("reason"))
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("placed by"),
    )
    placed_at = models.DateTimeField(_("placed at"))
    # The organisation whose functioneel beheerder placed it: who sees and lifts it.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lifted by"),
    )

    class Meta:
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")
        indexes = [
            models.Index(
                fields=["record_kind", "object_id"],
                condition=Q(lifted_at__isnull=True),
                name="legalhold_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.record_kind} {self.object_id}"


class RetentionRun(models.Model):
    """What one run of the retention engine removed: counts per kind of record,
    never content, never an id of a person."""

    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    # {"meldcode.trajectory": 3, ...}: removed (or, dry, due) per kind.
    counts = models.JSONField(_("counts"), default=dict)
    # The terms in days the run applied, per kind and sector.
    terms = models.JSONField(_("terms"), default=dict)

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"retention {self.started_at:%Y-%m-%d}"
