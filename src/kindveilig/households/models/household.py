from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedDateField, EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel

from .choices import MemberRole, ReviewStatus


class Household(PublicIdModel, TimeStampedModel):
    """A huishouden: the people who live together, seen as one system. The label
    usually carries the family name, so it is encrypted: lists order by id."""

    label = EncryptedTextField(_("label"), max_length=150)
    municipality = models.ForeignKey(
        "organisations.Municipality",
        on_delete=models.PROTECT,
        related_name="households",
        verbose_name=_("municipality"),
    )
    registered_by = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="registered_households",
        verbose_name=_("registered by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.label


class HouseholdMember(models.Model):
    """A person in a household, with a role that is not only victim or pleger.
    A person can be a member of several households over time (separated
    parents); ``left_on`` ends a membership without erasing it."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        "persons.Person", on_delete=models.PROTECT, related_name="household_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices)
    has_gezag = models.BooleanField(
        _("holds parental authority (gezag)"), default=False
    )
    joined_on = models.DateField(_("member since"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        constraints = [
            models.UniqueConstraint(
                fields=["household", "person"], name="unique_household_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class Gezag(models.Model):
    """Who holds parental authority over which child: so Kindveilig can say who
    must be informed or asked for consent. Between persons, so it holds in every
    household the child belongs to."""

    child = models.ForeignKey(
        "persons.Person", on_delete=models.CASCADE, related_name="gezag_holders"
    )
    holder = models.ForeignKey(
        "persons.Person", on_delete=models.CASCADE, related_name="gezag_over"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("parental authority (gezag)")
        verbose_name_plural = _("parental authority (gezag)")
        constraints = [
            models.UniqueConstraint(fields=["child", "holder"], name="unique_gezag"),
            models.CheckConstraint(
                condition=~Q(child=models.F("holder")), name="gezag_not_over_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder} → {self.child}"


class MatchReview(PublicIdModel, TimeStampedModel):
    """A person to add who may be someone Kindveilig already knows. Nobody is
    merged: a reviewer says "the same person" (the existing record is used) or
    "a different person" (a new record is made)."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="match_reviews"
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices)
    given_name = EncryptedTextField(_("given name"), max_length=100)
    family_name = EncryptedTextField(_("family name"), max_length=150)
    date_of_birth = EncryptedDateField(_("date of birth"), null=True, blank=True)
    bsn = EncryptedTextField(_("BSN"), blank=True, default="")
    gezag_over = models.JSONField(default=list, blank=True)
    candidates = models.ManyToManyField("persons.Person", related_name="+")
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.OPEN,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    chosen = models.ForeignKey(
        "persons.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("person match review")
        verbose_name_plural = _("person match reviews")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"Review {str(self.public_id)[:8]}"
