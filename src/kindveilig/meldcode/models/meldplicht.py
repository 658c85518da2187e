"""The meldplicht route (onderwijs, kinderopvang): a suspicion against a colleague.

Not a meldcode matter but a legal duty to report, consult and file charges. The
case records each step with its date and who recorded it; it is kept apart from
the trajectories (which are about the child's home) and may only be *linked* to
one, never merged.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kindveilig.core.calendar import add_working_days
from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel
from kindveilig.organisations.models import Sector

# The sectors with the legal meldplicht about colleagues.
MELDPLICHT_SECTORS = frozenset({Sector.ONDERWIJS, Sector.KINDEROPVANG})

# "Onverwijld": a step without delay is overdue when it is not recorded within
# this many working days after the previous one (docs/decisions.md).
ONVERWIJLD_WORKING_DAYS = 1


class AangifteDecision(models.TextChoices):
    AANGIFTE_GEDAAN = "aangifte_gedaan", _("Aangifte made with the police")
    GEEN_REDELIJK_VERMOEDEN = (
        "geen_redelijk_vermoeden",
        _("No reasonable suspicion of a criminal offence"),
    )


class MeldplichtStep(models.TextChoices):
    """The steps of the route, in order; closing follows the required three."""

    HOUDER_INFORMED = "houder_informed", _("Inform the houder or bevoegd gezag")
    INSPECTEUR_CONSULTED = (
        "inspecteur_consulted",
        _("Consult the vertrouwensinspecteur"),
    )
    AANGIFTE_DECIDED = "aangifte_decided", _("Decide on aangifte")
    MEASURES = "measures", _("Record the measures taken")
    CLOSE = "close", _("Close the case")


class MeldplichtCase(PublicIdModel, TimeStampedModel):
    """A suspicion against a colleague (onderwijs, kinderopvang): not a meldcode
    matter but the legal meldplicht route, kept apart from trajectories.

    ``version`` is bumped by every write: a form that carries an older version
    gets a conflict message instead of overwriting.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    summary = EncryptedTextField(_("what happened"))
    suspect_is_houder = models.BooleanField(
        _("the suspect is the houder or a member of the bevoegd gezag"),
        default=False,
    )
    # (a) The employee reports to the houder or bevoegd gezag, immediately.
    reported_to_board_at = models.DateField(
        _("reported to the board or houder on"), null=True, blank=True
    )
    reported_to_board_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    reported_to_board_note = EncryptedTextField(
        _("note on informing the houder"), blank=True, default=""
    )
    # (b) The houder or bevoegd gezag consults the vertrouwensinspecteur.
    vertrouwensinspecteur_consulted_at = models.DateField(
        _("board consulted the vertrouwensinspecteur on"), null=True, blank=True
    )
    vertrouwensinspecteur_consulted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    vertrouwensinspecteur_note = EncryptedTextField(
        _("advice of the vertrouwensinspecteur"), blank=True, default=""
    )
    # (c) The aangifte decision.
    aangifte_decision = models.CharField(
        _("aangifte decision"),
        max_length=30,
        choices=AangifteDecision.choices,
        blank=True,
    )
    aangifte_decided_at = models.DateField(
        _("aangifte made, or decided against, on"), null=True, blank=True
    )
    aangifte_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    aangifte_reason = EncryptedTextField(
        _("reason for the decision"), blank=True, default=""
    )
    # (d) Measures taken (optional for closing).
    measures = EncryptedTextField(_("measures taken"), blank=True, default="")
    measures_at = models.DateField(_("measures taken on"), null=True, blank=True)
    measures_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    # Linked (never merged) to a meldcode trajectory about the child's home.
    trajectory = models.ForeignKey(
        "meldcode.Trajectory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meldplicht_cases",
        verbose_name=_("linked meldcode trajectory"),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("meldplicht case")
        verbose_name_plural = _("meldplicht cases")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(aangifte_decision="", aangifte_decided_at__isnull=True)
                | (~Q(aangifte_decision="") & Q(aangifte_decided_at__isnull=False)),
                name="meldplicht_decision_with_date",
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True)
                | (
                    Q(vertrouwensinspecteur_consulted_at__isnull=False)
                    & Q(aangifte_decided_at__isnull=False)
                    & (
                        Q(reported_to_board_at__isnull=False)
                        | Q(suspect_is_houder=True)
                    )
                ),
                name="meldplicht_closed_after_required_steps",
            ),
        ]

    def __str__(self) -> str:
        return f"Meldplicht {str(self.public_id)[:8]}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def required_steps(self) -> list[MeldplichtStep]:
        """(a)-(c); when the suspect is the houder, the houder is not informed:
        the employee consults and files the aangifte directly."""
        steps = [MeldplichtStep.INSPECTEUR_CONSULTED, MeldplichtStep.AANGIFTE_DECIDED]
        if not self.suspect_is_houder:
            steps.insert(0, MeldplichtStep.HOUDER_INFORMED)
        return steps

    def recorded_on(self, step: MeldplichtStep) -> dt.date | None:
        return {
            MeldplichtStep.HOUDER_INFORMED: self.reported_to_board_at,
            MeldplichtStep.INSPECTEUR_CONSULTED: self.vertrouwensinspecteur_consulted_at,
            MeldplichtStep.AANGIFTE_DECIDED: self.aangifte_decided_at,
            MeldplichtStep.MEASURES: self.measures_at,
            MeldplichtStep.CLOSE: (
                timezone.localdate(self.closed_at) if self.closed_at else None
            ),
        }[step]

    @property
    def next_step(self) -> MeldplichtStep | None:
        """The first required step not yet recorded; closing once they all are."""
        if self.is_closed:
            return None
        for step in self.required_steps:
            if self.recorded_on(step) is None:
                return step
        return MeldplichtStep.CLOSE

    def previous_date(self, step: MeldplichtStep) -> dt.date:
        """The day the step's clock starts: the previous step's date, or the day
        the case was recorded for the first step."""
        steps = self.required_steps
        index = steps.index(step) if step in steps else len(steps)
        for earlier in reversed(steps[:index]):
            recorded = self.recorded_on(earlier)
            if recorded is not None:
                return recorded
        return timezone.localdate(self.created_at)

    @property
    def next_step_due(self) -> dt.date | None:
        """Informing the houder and consulting the vertrouwensinspecteur are due
        "onverwijld": within one working day after the previous step."""
        step = self.next_step
        if step not in (
            MeldplichtStep.HOUDER_INFORMED,
            MeldplichtStep.INSPECTEUR_CONSULTED,
        ):
            return None
        return add_working_days(self.previous_date(step), ONVERWIJLD_WORKING_DAYS)

    def is_overdue_on(self, today: dt.date) -> bool:
        due = self.next_step_due
        return due is not None and today > due
