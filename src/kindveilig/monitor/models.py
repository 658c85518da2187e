"""Aggregate counts only: how many organisations per municipality and sector
have their meldcode in order, month by month. No organisation names, no people.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.organisations.models import Sector


class CoverageSnapshot(models.Model):
    """The readiness counts of one municipality and sector for one month.

    The daily task overwrites the current month's row, so a past month keeps the
    counts of the last day the task ran in it (``taken_on``).
    """

    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    taken_on = models.DateField(_("counted on"))
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    organisations = models.PositiveIntegerField(_("organisations"))
    with_meldcode = models.PositiveIntegerField(_("with an adopted meldcode"))
    with_trained_af = models.PositiveIntegerField(
        _("with a trained aandachtsfunctionaris")
    )
    with_recent_attention = models.PositiveIntegerField(
        _("with recent staff attention")
    )
    with_all = models.PositiveIntegerField(_("with all three"))

    class Meta:
        verbose_name = _("coverage snapshot")
        verbose_name_plural = _("coverage snapshots")
        ordering = ["month", "municipality", "sector"]
        constraints = [
            models.UniqueConstraint(
                fields=["month", "municipality", "sector"],
                name="unique_coverage_snapshot",
            ),
            models.CheckConstraint(
                condition=models.Q(with_meldcode__lte=models.F("organisations"))
                & models.Q(with_trained_af__lte=models.F("organisations"))
                & models.Q(with_recent_attention__lte=models.F("organisations"))
                & models.Q(with_all__lte=models.F("with_meldcode"))
                & models.Q(with_all__lte=models.F("with_trained_af"))
                & models.Q(with_all__lte=models.F("with_recent_attention")),
                name="coverage_snapshot_counts_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.municipality_id} {self.sector}"
