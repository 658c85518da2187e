"""Aggregate counts only. No organisation names, no people.

- ``CoverageSnapshot``: how many organisations per municipality and sector have
  their meldcode in order, month by month.
- ``MonitorCount`` and ``MonitorDurationBucket``: the exact counts of the work
  (trajectories, households, the youth channel, ...) per month, municipality,
  sector, measure and value, filled by the refresh job. Read by the job only.
- ``MonitorFigure``: what the analist may see, every period, place, sector and
  value after suppression (``monitor.suppression``); the pages read only this.
- ``MonitorRefresh``: when the job ran, full or incremental, and what it wrote.
- ``MonitorChange``: the change log of the incremental refresh, written by
  database triggers on the counted tables (migration 0004, docs/monitor.md):
  which organisation or place changed on which day, consumed by the next run.

None of them holds an id of a person, trajectory, household, message or user.
"""

import uuid

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


class MonitorCount(models.Model):
    """The exact count of one measure and value in one month, municipality and
    sector. For a duration measure the count is the number of durations, and
    ``MonitorDurationBucket`` holds their histogram. Never shown as such."""

    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    measure = models.CharField(_("measure"), max_length=40)
    dimension = models.CharField(_("value"), max_length=40, blank=True, default="")
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("monitor count")
        verbose_name_plural = _("monitor counts")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "municipality", "sector", "measure", "dimension"],
                name="unique_monitor_count",
            )
        ]
        indexes = [models.Index(fields=["measure", "month"], name="monitor_count_m")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.measure} {self.dimension}"


class MonitorDurationBucket(models.Model):
    """How many durations of one cell fall in one bucket of
    ``monitor.measures.BUCKETS`` (the lower edge, in the measure's unit)."""

    month = models.DateField(_("month"))
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    measure = models.CharField(_("measure"), max_length=40)
    dimension = models.CharField(_("value"), max_length=40, blank=True, default="")
    bucket = models.PositiveIntegerField(_("from"))
    count = models.PositiveIntegerField(_("count"))

    class Meta:
        verbose_name = _("monitor duration bucket")
        verbose_name_plural = _("monitor duration buckets")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "month",
                    "municipality",
                    "sector",
                    "measure",
                    "dimension",
                    "bucket",
                ],
                name="unique_monitor_bucket",
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.measure} {self.dimension} {self.bucket}"


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")


class FigureStatus(models.TextChoices):
    SHOWN = "shown", _("Shown")
    SMALL = "small", _("Fewer than 5")
    PROTECTED = "protected", _("Hidden to protect a small count")


class MonitorFigure(models.Model):
    """One published figure: a period, the region or one municipality, all
    sectors or one, a measure and a value (empty: the total). ``value`` is empty
    when the figure is suppressed; a figure that is absent is a shown zero.
    ``p50`` and ``p90`` are quantiles of a duration measure (bucket upper
    bounds), present only when the count is shown and at least
    ``MIN_DURATIONS``."""

    region = models.ForeignKey(
        "organisations.Region",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
    )
    period_kind = models.CharField(
        _("period"), max_length=10, choices=PeriodKind.choices
    )
    period_start = models.DateField(_("period start"))
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
        help_text=_("Empty for the whole region."),
    )
    sector = models.CharField(
        _("sector"), max_length=20, blank=True, default="", choices=Sector.choices
    )
    measure = models.CharField(_("measure"), max_length=40)
    dimension = models.CharField(_("value"), max_length=40, blank=True, default="")
    value = models.PositiveIntegerField(_("count"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=FigureStatus.choices)
    p50 = models.PositiveIntegerField(_("median"), null=True, blank=True)
    p90 = models.PositiveIntegerField(_("90th percentile"), null=True, blank=True)

    class Meta:
        verbose_name = _("monitor figure")
        verbose_name_plural = _("monitor figures")
        indexes = [
            models.Index(
                fields=["region", "period_kind", "period_start"],
                name="monitor_figure_period",
            ),
            # One view of the dashboard: a region, a sector, the region or one
            # municipality, two periods; however many municipalities it has.
            models.Index(
                fields=[
                    "region",
                    "sector",
                    "municipality",
                    "period_kind",
                    "period_start",
                ],
                name="monitor_figure_view",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="shown", value__isnull=False)
                | (~models.Q(status="shown") & models.Q(value__isnull=True)),
                name="monitor_figure_value_only_when_shown",
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_kind} {self.period_start} {self.measure}"


class RefreshKind(models.TextChoices):
    FULL = "full", _("Full")
    INCREMENTAL = "incremental", _("Incremental")


class MonitorRefresh(models.Model):
    """One run of the refresh job: counts only. ``scheme`` fingerprints the
    measures and the suppression it published with: an incremental run builds
    on the last run only when that is the same."""

    kind = models.CharField(
        _("kind"), max_length=12, choices=RefreshKind.choices, default=RefreshKind.FULL
    )
    scheme = models.CharField(_("scheme"), max_length=64, blank=True, default="")
    cells_recounted = models.PositiveIntegerField(
        _("cells recounted"),
        default=0,
        help_text=_("Month, municipality and sector cells counted again."),
    )
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"))
    first_month = models.DateField(_("first month recomputed"))
    last_month = models.DateField(_("last month recomputed"))
    counts_written = models.PositiveIntegerField(_("counts written"))
    figures_written = models.PositiveIntegerField(_("figures written"))

    class Meta:
        verbose_name = _("monitor refresh")
        verbose_name_plural = _("monitor refreshes")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"


class MonitorChange(models.Model):
    """A change to rows the monitor counts: the organisation (or the
    municipality and sector) and the day (UTC) whose counts it may move; or
    ``everything`` (an organisation or municipality moved: count it all again).
    Written only by the triggers of migration 0004, one row per statement and
    key; the next refresh reads, recounts and deletes them. No id of a person,
    trajectory, household or message."""

    id = models.BigAutoField(primary_key=True)
    organisation_id = models.IntegerField(_("organisation"), null=True)
    municipality_id = models.IntegerField(_("municipality"), null=True)
    sector = models.CharField(_("sector"), max_length=20, blank=True, default="")
    day = models.DateField(_("day"), null=True)
    everything = models.BooleanField(_("everything"), default=False)

    class Meta:
        verbose_name = _("monitor change")
        verbose_name_plural = _("monitor changes")

    def __str__(self) -> str:
        return f"{self.day} {self.organisation_id} {self.municipality_id}"


class MonitorFinal(models.Model):
    """The counts of one measure in one month are final: no refresh counts them
    again (``monitor.finality``: the rows they were counted from are deleted
    early). ``digest`` fingerprints the measure's definition as it was frozen;
    when it differs from today's, the month is counted again and frozen anew."""

    month = models.DateField(_("month"))
    measure = models.CharField(_("measure"), max_length=40)
    digest = models.CharField(_("definition"), max_length=64)
    frozen_on = models.DateField(_("frozen on"))

    class Meta:
        verbose_name = _("final monitor count")
        verbose_name_plural = _("final monitor counts")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "measure"], name="unique_monitor_final"
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.measure}"


class LetterTexts(models.Model):
    """The three text blocks of a municipality's raadsinformatiebrief, kept by
    its gemeente analist or functioneel beheerder. Without a row the defaults of
    ``monitor.letter`` apply. Free text written for the council: no figures are
    computed from it and it names no one by design of the page."""

    municipality = models.OneToOneField(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    introduction = models.TextField(_("introduction"), max_length=4000)
    context = models.TextField(_("context"), max_length=4000)
    next_steps = models.TextField(_("next steps"), max_length=4000)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("letter texts")
        verbose_name_plural = _("letter texts")

    def __str__(self) -> str:
        return str(self.municipality_id)


class LetterStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class CouncilLetter(models.Model):
    """A raadsinformatiebrief made by a background task from published figures
    only. It belongs to the gemeente organisation that asked for it; the HTML and
    PDF hold aggregates and the municipality's own texts, nothing about a
    person."""

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    region = models.ForeignKey(
        "organisations.Region",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
    )
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
        help_text=_("Empty for the whole region."),
    )
    period_kind = models.CharField(
        _("period"), max_length=10, choices=PeriodKind.choices
    )
    period_start = models.DateField(_("period start"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=LetterStatus.choices,
        default=LetterStatus.QUEUED,
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    html = models.TextField(_("letter (HTML)"), blank=True, default="")
    pdf = models.BinaryField(_("letter (PDF)"), blank=True, default=b"")

    class Meta:
        verbose_name = _("raadsinformatiebrief")
        verbose_name_plural = _("raadsinformatiebrieven")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100),
                name="council_letter_progress_at_most_100",
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_kind} {self.period_start} {self.status}"

    @property
    def is_pending(self) -> bool:
        return self.status in (LetterStatus.QUEUED, LetterStatus.RUNNING)
