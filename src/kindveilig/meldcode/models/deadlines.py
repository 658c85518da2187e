"""How long each meldcode step is expected to take, and which reminders went out.

Both are configuration and bookkeeping, not personal data: a ``StepDeadline``
overrides the code default (``meldcode.deadlines.DEFAULT_STEP_DAYS``) for one
organisation type and step; a ``ReminderLog`` row makes the daily reminder go
out at most once per person, kind and day.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kindveilig.organisations.models import OrganisationType

from .choices import Step

MAX_STEP_DAYS = 365


class StepDeadline(models.Model):
    organisation_type = models.CharField(
        _("organisation type"), max_length=32, choices=OrganisationType.choices
    )
    step = models.PositiveSmallIntegerField(_("step"), choices=Step.choices)
    days = models.PositiveSmallIntegerField(
        _("expected duration in days"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_STEP_DAYS)],
        help_text=_("Calendar days from the start of the step."),
    )

    class Meta:
        verbose_name = _("step deadline")
        verbose_name_plural = _("step deadlines")
        ordering = ["organisation_type", "step"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_type", "step"], name="unique_step_deadline"
            ),
            models.CheckConstraint(
                condition=models.Q(step__gte=1, step__lte=5),
                name="step_deadline_step_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(days__gte=1, days__lte=MAX_STEP_DAYS),
                name="step_deadline_days_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_type} {self.step}: {self.days}"


class ReminderKind(models.TextChoices):
    AANDACHTSFUNCTIONARIS = (
        "aandachtsfunctionaris",
        _("Overview for the aandachtsfunctionaris"),
    )
    OWNER = "owner", _("Own trajectories")
    MELDPLICHT = "meldplicht", _("Meldplicht step to record")


class ReminderLog(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ReminderKind.choices)
    date = models.DateField(_("date"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "date"], name="unique_reminder_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.date}"
