from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel

from .choices import CaseStatus, MeetingKind, PartnerKind, Perspective, Phase


class SafetyCase(PublicIdModel, TimeStampedModel):
    """A veiligheidscasus: the household's safety, with one regievoerder.

    Somebody is always responsible: ``responsible_organisation`` and
    ``regievoerder`` are NOT NULL and PROTECTed, and only an accepted handover
    moves them (see services.handovers). ``version`` is the optimistic lock.
    """

    household = models.ForeignKey(
        "households.Household", on_delete=models.PROTECT, related_name="cases"
    )
    responsible_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("responsible organisation"),
    )
    regievoerder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("regievoerder"),
    )
    phase = models.CharField(
        _("phase"),
        max_length=24,
        choices=Phase.choices,
        default=Phase.DIRECTE_VEILIGHEID,
    )
    phase_since = models.DateTimeField(_("in this phase since"))
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closing_reason = EncryptedTextField(
        _("why the case was closed"), blank=True, default=""
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("safety case")
        verbose_name_plural = _("safety cases")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["responsible_organisation", "status"], name="case_org_status"
            ),
            models.Index(fields=["regievoerder", "status"], name="case_regie_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(status="open"),
                name="one_open_case_per_household",
            )
        ]

    def __str__(self) -> str:
        return f"Casus {str(self.public_id)[:8]}"

    @property
    def is_open(self) -> bool:
        return self.status == CaseStatus.OPEN


class CasePartner(PublicIdModel):
    """A chain partner in the case: who to reach and what they take on. Partners
    inside Kindveilig (``organisation``) see the plan and their own agreements."""

    case = models.ForeignKey(
        SafetyCase, on_delete=models.CASCADE, related_name="partners"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation in Kindveilig"),
    )
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_phone = models.CharField(_("phone number"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    takes_on = EncryptedTextField(_("what they take on"))
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("chain partner")
        verbose_name_plural = _("chain partners")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["organisation", "ended_at"], name="partner_org")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(organisation_name=""),
                name="partner_has_organisation",
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.organisation is not None:
            return self.organisation.name
        return self.organisation_name


class PhaseChange(models.Model):
    """Every phase change says why, with the safety score and what the children
    said. The first row (``from_phase`` empty) is the opening of the case."""

    case = models.ForeignKey(
        SafetyCase, on_delete=models.CASCADE, related_name="phase_changes"
    )
    from_phase = models.CharField(
        _("from phase"), max_length=24, choices=Phase.choices, blank=True
    )
    to_phase = models.CharField(_("to phase"), max_length=24, choices=Phase.choices)
    at = models.DateTimeField(_("when"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = EncryptedTextField(_("why"))
    safety_score = models.PositiveSmallIntegerField(
        _("safety score (0-10)"), null=True, blank=True
    )
    children_said = EncryptedTextField(
        _("what the children said"), blank=True, default=""
    )

    class Meta:
        verbose_name = _("phase change")
        verbose_name_plural = _("phase changes")
        ordering = ["at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(from_phase="") | Q(safety_score__isnull=False),
                name="phase_change_has_score",
            ),
            models.CheckConstraint(
                condition=Q(safety_score__isnull=True) | Q(safety_score__lte=10),
                name="phase_change_score_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_phase or '-'} → {self.to_phase}"


class Mapping(PublicIdModel):
    """A Signs of Safety mapping at one assessment moment."""

    case = models.ForeignKey(
        SafetyCase, on_delete=models.CASCADE, related_name="mappings"
    )
    assessed_on = models.DateField(_("assessment date"))
    harm = EncryptedTextField(_("harm: what happened"))
    danger = EncryptedTextField(_("danger: what we are worried will happen"))
    strengths = EncryptedTextField(
        _("strengths: what is going well"), blank=True, default=""
    )
    existing_safety = EncryptedTextField(_("existing safety"), blank=True, default="")
    next_steps = EncryptedTextField(_("what needs to happen"))
    complicating = EncryptedTextField(_("complicating factors"), blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Signs of Safety mapping")
        verbose_name_plural = _("Signs of Safety mappings")
        ordering = ["assessed_on", "pk"]

    def __str__(self) -> str:
        return f"Mapping {self.assessed_on}"


class SafetyScore(models.Model):
    """A 0-10 safety scale from one perspective: a professional, a parent, or a
    child in the child's own score and words."""

    mapping = models.ForeignKey(
        Mapping, on_delete=models.CASCADE, related_name="scores"
    )
    perspective = models.CharField(
        _("perspective"), max_length=20, choices=Perspective.choices
    )
    person = models.ForeignKey(
        "persons.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    professional_name = models.CharField(_("professional"), max_length=200, blank=True)
    score = models.PositiveSmallIntegerField(_("score (0-10)"))
    words = EncryptedTextField(_("in their own words"), blank=True, default="")

    class Meta:
        verbose_name = _("safety score")
        verbose_name_plural = _("safety scores")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__lte=10), name="safety_score_range"
            ),
            models.CheckConstraint(
                condition=Q(perspective="professional") | Q(person__isnull=False),
                name="safety_score_has_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.perspective}: {self.score}"


class Meeting(PublicIdModel):
    """An MDO or netwerkberaad, with its decisions."""

    case = models.ForeignKey(
        SafetyCase, on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    held_on = models.DateField(_("date"))
    participants = EncryptedTextField(_("participants"))
    decisions = EncryptedTextField(_("decisions"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.held_on}"
