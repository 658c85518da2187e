"""The chain between organisations: explicit shares of a trajectory (with their
legal basis) and the Verwijsindex-style signals and matches ("who else is
involved", never what about)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kindveilig.core.crypto import EncryptedTextField
from kindveilig.core.models import PublicIdModel, TimeStampedModel


class LegalBasis(models.TextChoices):
    CONSENT_PARENTS = "consent_parents", _("Consent of the parents (with gezag)")
    CONSENT_YOUTH = "consent_youth", _("Consent of the young person (16 or older)")
    MELDRECHT = "meldrecht", _("Meldrecht or necessity, without consent")


class Share(PublicIdModel, TimeStampedModel):
    """A meldcode trajectory made readable for another organisation.

    The receiver reads; writing stays with the owner organisation. A share
    without consent (meldrecht or necessity) must say why.
    """

    trajectory = models.ForeignKey(
        "meldcode.Trajectory",
        on_delete=models.CASCADE,
        related_name="shares",
        verbose_name=_("trajectory"),
    )
    from_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("shared by organisation"),
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("shared by"),
    )
    to_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("shared with organisation"),
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("shared with"),
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=20, choices=LegalBasis.choices
    )
    consent_given_by = models.CharField(
        _("consent given by"), max_length=200, blank=True
    )
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    reason = EncryptedTextField(_("reason"), blank=True, default="")
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("share")
        verbose_name_plural = _("shares")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["to_organisation"],
                condition=Q(revoked_at__isnull=True),
                name="share_active_to_org",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(legal_basis="meldrecht") | ~Q(reason=""),
                name="share_meldrecht_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(from_organisation=models.F("to_organisation")),
                name="share_to_another_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"Share {str(self.public_id)[:8]}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class SignalStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class Signal(PublicIdModel, TimeStampedModel):
    """A notice of involvement (Verwijsindex semantics): that this professional of
    this organisation is involved with this child. Never why.

    ``bsn_index`` is the child's blind index, copied from the organisation's own
    person record; matching is one indexed lookup on it.
    """

    person = models.ForeignKey(
        "persons.Person",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("child"),
    )
    bsn_index = models.CharField(max_length=64, blank=True, default="", editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organisation"),
    )
    contact_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("contact person"),
    )
    contact_phone = models.CharField(_("phone number"), max_length=30, blank=True)
    source_type = models.CharField(max_length=64, blank=True)
    source_id = models.CharField(max_length=64, blank=True)
    is_regie = models.BooleanField(_("regievoerder"), default=False)
    parents_informed = models.BooleanField(
        _("parents or young person informed"), default=False
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SignalStatus.choices,
        default=SignalStatus.ACTIVE,
    )
    active_until = models.DateTimeField(_("active until"))
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    delete_after = models.DateTimeField(_("deleted after"), null=True, blank=True)

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-created_at"]
        indexes = [
            # The match lookup: active signals with this blind index.
            models.Index(
                fields=["bsn_index"],
                condition=Q(status="active") & ~Q(bsn_index=""),
                name="signal_active_bsn",
            ),
            models.Index(fields=["status", "active_until"], name="signal_expiry"),
            models.Index(fields=["status", "delete_after"], name="signal_deletion"),
            models.Index(fields=["contact_user", "status"], name="signal_contact"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "contact_user", "bsn_index"],
                condition=Q(status="active") & ~Q(bsn_index=""),
                name="one_active_signal_per_contact_and_bsn",
            ),
            models.UniqueConstraint(
                fields=["organisation", "contact_user", "person"],
                condition=Q(status="active", bsn_index=""),
                name="one_active_signal_per_contact_and_person",
            ),
        ]

    def __str__(self) -> str:
        return f"Signal {str(self.public_id)[:8]}"


class Match(models.Model):
    """Two active signals of different organisations about the same child."""

    first = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("matched at"), auto_now_add=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="unique_match"),
            models.CheckConstraint(
                condition=Q(first__lt=models.F("second")), name="match_ordered_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"Match {self.first_id}-{self.second_id}"


class MatchNotice(PublicIdModel):
    """Tells one contact person that another professional is involved: who, which
    organisation and how to reach them. The child is named only in the app, from
    the recipient's own record."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="notices")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    own_signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="+")
    other_signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    seen_at = models.DateTimeField(_("seen at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("match notice")
        verbose_name_plural = _("match notices")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="notice_user")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "own_signal", "other_signal"], name="unique_notice"
            )
        ]

    def __str__(self) -> str:
        return f"Notice {str(self.public_id)[:8]}"
