from collections.abc import Sequence

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel
from kindveilig.organisations.models import OrganisationType

from .choices import (
    ConsentStatus,
    ContactAnswer,
    ContactKind,
    NextStep,
    Phase,
    ProtectiveFactor,
    RiskFactor,
    SignalStatus,
    VulnerabilityDomain,
)


def _labels(values: list[str], choices: Sequence[tuple[str, object]]) -> list[str]:
    """The translated labels of stored choice values (an unknown value as it is)."""
    labels = dict(choices)
    return [str(labels.get(value, value)) for value in values]


class StartSignal(PublicIdModel, TimeStampedModel):
    """A signal of a vulnerable pregnancy or young family (Kansrijke Start).

    Made by a professional of the geboortezorg, the huisarts, the lokaal team or
    the JGZ, with the parent's consent recorded. The JGZ (or CJG) named in
    ``follow_up_organisation`` follows it up with contact moments. JGZ records
    fall under the WGBO: kept 20 years after the last change (retention.py).
    ``municipality`` and ``source_type`` are copied from the signalling
    organisation at the time, for the monitor.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="start_signals",
        verbose_name=_("signalling organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signalled by"),
    )
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    source_type = models.CharField(
        _("type of the signalling organisation"),
        max_length=32,
        choices=OrganisationType.choices,
    )
    parent = models.ForeignKey(
        "persons.Person",
        on_delete=models.PROTECT,
        related_name="start_signals_as_parent",
        verbose_name=_("(expectant) parent"),
    )
    child = models.ForeignKey(
        "persons.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="start_signals_as_child",
        verbose_name=_("child"),
    )
    expected_date = models.DateField(_("due date"), null=True, blank=True)
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices)
    domains = models.JSONField(_("domains of concern"), default=list)
    concern = EncryptedTextField(_("the concern in short"))
    consent = models.CharField(
        _("consent of the parent"), max_length=10, choices=ConsentStatus.choices
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded at"))
    consent_words = EncryptedTextField(
        _("what the parent said"), blank=True, default=""
    )
    # A withdrawal keeps the history: given at consent_recorded_at, withdrawn
    # at consent_withdrawn_at, in the parent's words (docs/kansrijke-start.md).
    consent_withdrawn_at = models.DateTimeField(
        _("consent withdrawn at"), null=True, blank=True
    )
    consent_withdrawal_words = EncryptedTextField(
        _("what the parent said when withdrawing consent"), blank=True, default=""
    )
    parent_wishes = EncryptedTextField(
        _("what the parent wants"), blank=True, default=""
    )
    follow_up_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="start_signals_to_follow",
        verbose_name=_("followed up by"),
    )
    follow_up_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("JGZ nurse"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SignalStatus.choices,
        default=SignalStatus.OPEN,
    )
    first_contact_at = models.DateTimeField(
        _("first contact at"), null=True, blank=True
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closing_reason = EncryptedTextField(
        _("why the follow-up ended"), blank=True, default=""
    )

    class Meta:
        verbose_name = _("Kansrijke Start signal")
        verbose_name_plural = _("Kansrijke Start signals")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The JGZ nurse's list: open signals of the follow-up organisation.
            models.Index(
                fields=["follow_up_organisation", "status", "-created_at"],
                name="ks_signal_follow_up",
            ),
            # The nurse's list of signals still to follow, in its order: a page
            # is an index walk that stops after 50 rows, not a sort of every
            # open signal of the busiest JGZ (issue 17).
            models.Index(
                fields=["follow_up_organisation", "-created_at", "-id"],
                condition=~Q(status="closed"),
                name="ks_signal_to_follow",
            ),
            # The signalling professional's own list.
            models.Index(
                fields=["organisation", "created_by", "-created_at"],
                name="ks_signal_own",
            ),
            # The monitor: signals per municipality and period.
            models.Index(
                fields=["municipality", "created_at"], name="ks_signal_municipality"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(phase="pregnancy") | Q(expected_date__isnull=False),
                name="ks_signal_pregnancy_has_due_date",
            ),
            models.CheckConstraint(
                condition=~Q(phase="young_child") | Q(child__isnull=False),
                name="ks_signal_young_child_has_child",
            ),
            models.CheckConstraint(
                condition=~Q(status="closed") | Q(closed_at__isnull=False),
                name="ks_signal_closed_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(consent="withdrawn")
                | Q(consent_withdrawn_at__isnull=False),
                name="ks_signal_withdrawn_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Signaal {str(self.public_id)[:8]}"

    @property
    def has_consent(self) -> bool:
        return self.consent == ConsentStatus.GIVEN

    @property
    def consent_withdrawn(self) -> bool:
        return self.consent == ConsentStatus.WITHDRAWN

    @property
    def is_closed(self) -> bool:
        return self.status == SignalStatus.CLOSED

    @property
    def domain_labels(self) -> list[str]:
        return _labels(self.domains, VulnerabilityDomain.choices)


class ContactMoment(PublicIdModel, TimeStampedModel):
    """One JGZ contact with the family: a short, structured record of safety.

    What is recorded here is carried over (never re-typed) when the nurse starts
    a meldcode trajectory or a household case from the moment.
    """

    signal = models.ForeignKey(
        StartSignal,
        on_delete=models.CASCADE,
        related_name="contact_moments",
        verbose_name=_("signal"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=ContactKind.choices)
    happened_on = models.DateField(_("date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    routine_question_asked = models.BooleanField(
        _("routine question about violence at home asked"), default=False
    )
    routine_answer = models.CharField(
        _("answer to the routine question"),
        max_length=16,
        choices=ContactAnswer.choices,
        blank=True,
        default="",
    )
    parent_words = EncryptedTextField(
        _("the parent's own words"), blank=True, default=""
    )
    child_observations = EncryptedTextField(
        _("observations of the child"), blank=True, default=""
    )
    went_well = EncryptedTextField(_("what went well"), blank=True, default="")
    risk_factors = models.JSONField(_("risk factors"), default=list, blank=True)
    protective_factors = models.JSONField(
        _("protective factors"), default=list, blank=True
    )
    next_step = models.CharField(
        _("agreed next step"), max_length=24, choices=NextStep.choices
    )
    next_step_note = EncryptedTextField(
        _("about the next step"), blank=True, default=""
    )
    trajectory = models.ForeignKey(
        "meldcode.Trajectory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("meldcode trajectory started from this moment"),
    )
    household_case = models.ForeignKey(
        "households.SafetyCase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("household case started from this moment"),
    )

    class Meta:
        verbose_name = _("contact moment")
        verbose_name_plural = _("contact moments")
        ordering = ["happened_on", "id"]
        indexes = [
            models.Index(fields=["signal", "happened_on"], name="ks_contact_signal"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(routine_question_asked=True) | Q(routine_answer=""),
                name="ks_contact_answer_needs_question",
            ),
        ]

    def __str__(self) -> str:
        return f"Contactmoment {str(self.public_id)[:8]}"

    @property
    def risk_labels(self) -> list[str]:
        return _labels(self.risk_factors, RiskFactor.choices)

    @property
    def protective_labels(self) -> list[str]:
        return _labels(self.protective_factors, ProtectiveFactor.choices)
