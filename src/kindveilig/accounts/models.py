import uuid
from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kindveilig.access.roles import Role
from kindveilig.core.crypto import (
    COMPACT_PREFIX,
    HashPurpose,
    decrypt_compact,
    encrypt_compact,
    keyed_hash_candidates,
)
from kindveilig.core.models import TimeStampedModel


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(
        self, email: str, password: str | None = None, **extra: Any
    ) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractBaseUser):
    """A person who logs in. Logs in with e-mail; roles come from memberships."""

    # How the staff pages address a user (never the e-mail address or the pk).
    public_id = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    failed_login_count = models.PositiveIntegerField(default=0, editable=False)
    locked_until = models.DateTimeField(null=True, blank=True, editable=False)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    def is_locked(self, now: Any = None) -> bool:
        now = now or timezone.now()
        return self.locked_until is not None and self.locked_until > now


class Membership(TimeStampedModel):
    """A role a user holds in one organisation."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    # An aandachtsfunctionaris who stands in for the organisation's own: asked to
    # co-sign after the others (for example a sport club's vertrouwenscontactpersoon).
    is_deputy = models.BooleanField(_("deputy"), default=False)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.get_role_display()}"


class EncryptedTOTPDevice(TOTPDevice):  # type: ignore[misc]  # django-otp is untyped
    """django-otp's TOTP device with its secret encrypted in the library's own
    ``key`` column (varchar(80), too short for Fernet: compact AES-GCM, see
    ``core.crypto.encrypt_compact``). A proxy: same table, same verification;
    only ``bin_key`` decrypts. Use this class, never ``TOTPDevice`` itself, whose
    ``bin_key`` would read the ciphertext as hex (docs/decisions.md, "What
    identifies a child or a family is encrypted at rest")."""

    key: str

    class Meta:
        proxy = True
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")

    def save(self, *args: Any, **kwargs: Any) -> None:
        """The library's default key is hex: it is encrypted before it is stored."""
        if not self.key.startswith(COMPACT_PREFIX):
            self.key = encrypt_compact(bytes.fromhex(self.key))
        super().save(*args, **kwargs)

    @property
    def bin_key(self) -> bytes:
        if self.key.startswith(COMPACT_PREFIX):
            return decrypt_compact(self.key)
        return bytes.fromhex(self.key)  # a device from before the encryption


# django-otp's StaticToken.token holds at most 16 characters: the first 16 hex
# digits (64 bits) of the keyed hash. Plenty to tell ten codes of one user
# apart, and useless to whoever reads the table.
RECOVERY_DIGEST_LENGTH = 16


def recovery_code_digests(code: str) -> list[str]:
    """What a stored recovery code may look like: its keyed hash under the
    blind-index key, then under each fallback key (during a key rotation)."""
    normalised = code.strip().replace(" ", "").lower()
    return [
        digest[:RECOVERY_DIGEST_LENGTH]
        for digest in keyed_hash_candidates(HashPurpose.RECOVERY_CODE, normalised)
    ]


class HashedRecoveryDevice(StaticDevice):  # type: ignore[misc]  # django-otp is untyped
    """django-otp's static device for recovery codes, which stores only a keyed
    hash of each code (``recovery_code_digests``), never the code itself. A
    proxy: same tables; only the lookup differs. Use this class, never
    ``StaticDevice``, whose ``verify_token`` compares the code as typed."""

    class Meta:
        proxy = True
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")

    def verify_token(self, token: str) -> bool:
        """As django-otp's, with throttling, but against the hashes: a code is
        used up when it matches."""
        allowed, _detail = self.verify_is_allowed()
        if not allowed:
            return False
        match = self.token_set.filter(token__in=recovery_code_digests(token)).first()
        if match is None:
            self.throttle_increment()
            return False
        match.delete()
        self.throttle_reset(commit=False)
        self.set_last_used_timestamp(commit=False)
        self.save()
        return True


class StaffInvitation(TimeStampedModel):
    """A single-use link for a new colleague to set a password. Only a keyed hash
    of the token is stored (``HashPurpose.STAFF_INVITATION``): the link in the
    e-mail is the only copy of the token."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="staff_invitations",
        verbose_name=_("organisation"),
    )
    invited_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("invited by"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("staff invitation")
        verbose_name_plural = _("staff invitations")

    def __str__(self) -> str:
        return f"{self.user} ({self.expires_at:%Y-%m-%d})"


class UserSession(models.Model):
    """Which session belongs to which user: recorded when the second factor is
    passed, so a functioneel beheerder sees a colleague's open sessions and
    deactivating a user ends them at once, without reading every session."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("user"),
    )
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.created_at:%Y-%m-%d %H:%M}"
