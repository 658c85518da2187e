"""Meldcode readiness per organisation and the qualifications of its
aandachtsfunctionarissen.

- ``MeldcodeReadiness``: one row per organisation: the adopted meldcode (date,
  version, sector afwegingskader) and, for onderwijs and kinderopvang, the
  meldplicht route for a suspicion against an employee.
- ``StaffBriefing``: each time the meldcode was brought to staff's attention.
- ``Aandachtsfunctionaris``: a member of staff designated as
  aandachtsfunctionaris of an organisation (per location, with hours).
- ``Qualification``: a course, a register membership or a VOG of that person.
  Personal data of the aandachtsfunctionaris: every read and write is audited.
- ``QualificationReminder``: which expiry reminder went to whom (at most once).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kindveilig.core.models import PublicIdModel, TimeStampedModel

MAX_HOURS_PER_WEEK = 60
MAX_COURSE_HOURS = 999


class MeldcodeReadiness(TimeStampedModel):
    organisation = models.OneToOneField(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="meldcode_readiness",
        verbose_name=_("organisation"),
    )
    adopted_on = models.DateField(
        _("meldcode adopted on"),
        null=True,
        blank=True,
        help_text=_("The date the organisation adopted its own meldcode."),
    )
    meldcode_version = models.CharField(
        _("version of the meldcode"),
        max_length=50,
        blank=True,
        help_text=_("The version or date of your organisation's meldcode document."),
    )
    afwegingskader = models.ForeignKey(
        "meldcode.AfwegingskaderVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afwegingskader"),
        help_text=_("The sector afwegingskader that is part of the meldcode."),
    )
    meldplicht_contact = models.CharField(
        _("contact for a suspicion against an employee"),
        max_length=200,
        blank=True,
        help_text=_(
            "Who receives the report when an employee or volunteer is suspected "
            "(the houder or the bevoegd gezag): a function, and how to reach them."
        ),
    )
    vertrouwensinspecteur = models.CharField(
        _("vertrouwensinspecteur"),
        max_length=200,
        blank=True,
        help_text=_(
            "How the houder or the board reaches the vertrouwensinspecteur of the "
            "Inspectie van het Onderwijs."
        ),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("meldcode readiness")
        verbose_name_plural = _("meldcode readiness")

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.adopted_on or '-'}"

    def clean(self) -> None:
        if self.adopted_on and self.afwegingskader_id is None:
            raise ValidationError(
                {
                    "afwegingskader": _(
                        "An adopted meldcode includes an afwegingskader: choose one."
                    )
                },
                code="afwegingskader_required",
            )


class BriefingKind(models.TextChoices):
    TRAINING = "training", _("Training")
    TEAM_MEETING = "team_meeting", _("Team meeting")
    E_LEARNING = "e_learning", _("E-learning")
    OTHER = "other", _("Other")


class StaffBriefing(TimeStampedModel):
    """The meldcode was brought to staff's attention (no personal data)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="staff_briefings",
        verbose_name=_("organisation"),
    )
    held_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=BriefingKind.choices)
    topic = models.CharField(
        _("what was covered"),
        max_length=200,
        blank=True,
        help_text=_("For example: the five steps, the afwegingskader, a new protocol."),
    )
    participants = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("staff briefing")
        verbose_name_plural = _("staff briefings")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "-held_on"], name="briefing_org_date")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.held_on}"


class Aandachtsfunctionaris(PublicIdModel, TimeStampedModel):
    """A member of staff designated as aandachtsfunctionaris, per location."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="aandachtsfunctionarissen",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="af_designations",
        verbose_name=_("aandachtsfunctionaris"),
    )
    location = models.CharField(
        _("location"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty when they serve the whole organisation."),
    )
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        validators=[
            MinValueValidator(0),
            MaxValueValidator(MAX_HOURS_PER_WEEK),
        ],
        help_text=_("Hours available for the role."),
    )
    since = models.DateField(_("aandachtsfunctionaris since"))
    until = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("The last day in the role. Leave empty while they hold it."),
    )

    class Meta:
        verbose_name = _("aandachtsfunctionaris")
        verbose_name_plural = _("aandachtsfunctionarissen")
        ordering = ["location", "since", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person", "location"],
                condition=models.Q(until__isnull=True),
                name="unique_current_af_per_location",
            ),
            models.CheckConstraint(
                condition=models.Q(until__isnull=True)
                | models.Q(until__gte=models.F("since")),
                name="af_until_after_since",
            ),
            models.CheckConstraint(
                condition=models.Q(hours_per_week__gte=0),
                name="af_hours_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"AF {str(self.public_id)[:8]}"

    def clean(self) -> None:
        if self.until and self.since and self.until < self.since:
            raise ValidationError(
                {"until": _("The last day cannot be before the first.")},
                code="until_before_since",
            )


class QualificationKind(models.TextChoices):
    COURSE = "course", _("Course")
    REGISTER = "register", _("Register Aandachtsfunctionarissen")
    VOG = "vog", _("VOG (certificate of conduct)")


class Qualification(PublicIdModel, TimeStampedModel):
    """A course, a register membership or a VOG of one person.

    ``obtained_on`` is the course date, the date of registration or the date the
    VOG was issued. ``expires_on`` is the last valid day: entered for a register
    membership, computed for a course and a VOG (see ``readiness.expiry``).
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="af_qualifications",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=QualificationKind.choices)
    name = models.CharField(_("name of the course"), max_length=200, blank=True)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    certified = models.BooleanField(
        _("certified course"),
        default=False,
        help_text=_(
            "The course is certified under the Kwaliteitsstelsel aandachtsfunctionaris."
        ),
    )
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_COURSE_HOURS)],
    )
    registration_number = models.CharField(
        _("registration number"), max_length=50, blank=True
    )
    obtained_on = models.DateField(_("date"))
    expires_on = models.DateField(_("valid until"))
    recorded_in = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by organisation"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["kind", "-expires_on", "pk"]
        indexes = [
            models.Index(fields=["person", "kind", "expires_on"], name="qual_person")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="course") | ~models.Q(name=""),
                name="qualification_course_has_name",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="register")
                | ~models.Q(registration_number=""),
                name="qualification_register_has_number",
            ),
            models.CheckConstraint(
                condition=models.Q(expires_on__gte=models.F("obtained_on")),
                name="qualification_expires_after_obtained",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {str(self.public_id)[:8]}"

    def clean(self) -> None:
        errors: dict[str, str | Promise] = {}
        if self.kind == QualificationKind.COURSE and not self.name.strip():
            errors["name"] = _("Give the name of the course.")
        if self.kind == QualificationKind.REGISTER and not self.registration_number:
            errors["registration_number"] = _("Give the registration number.")
        if (
            self.expires_on is not None
            and self.obtained_on is not None
            and self.expires_on < self.obtained_on
        ):
            errors["expires_on"] = _(
                "The end of validity cannot be before the date obtained."
            )
        if errors:
            raise ValidationError(errors)


class QualificationReminder(models.Model):
    """An expiry reminder about one qualification went to one person, once per
    threshold (90 or 30 days ahead)."""

    qualification = models.ForeignKey(
        Qualification,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("qualification"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("recipient"),
    )
    days_ahead = models.PositiveSmallIntegerField(_("days ahead"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("qualification reminder")
        verbose_name_plural = _("qualification reminders")
        ordering = ["-sent_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["qualification", "recipient", "days_ahead"],
                name="unique_qualification_reminder",
            )
        ]

    def __str__(self) -> str:
        return f"{self.qualification_id} -{self.days_ahead}d {self.sent_on}"
