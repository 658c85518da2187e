"""What single sign-on keeps: which provider subject is which user, and the
django-otp device that stands for a second factor the provider asserted."""

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from django_otp.models import Device

from kindveilig.accounts.models import User


class ProviderIdentity(models.Model):
    """The ``sub`` claim the identity provider gives this user, set by an
    administrator (``KINDVEILIG_OIDC_USER_CLAIM=sub``); never created at login."""

    user = models.OneToOneField(
        User,
        on_delete=models.CASCADE,
        related_name="provider_identity",
        verbose_name=_("user"),
    )
    subject = models.CharField(
        _("subject at the identity provider"), max_length=255, unique=True
    )

    class Meta:
        verbose_name = _("identity at the identity provider")
        verbose_name_plural = _("identities at the identity provider")

    def __str__(self) -> str:
        return self.subject


class ProviderAssertedDevice(Device):  # type: ignore[misc]  # django-otp is untyped
    """The identity provider's second factor, as a django-otp device.

    ``otp_login`` with this device makes ``request.user.is_verified()`` true for
    the session in which the provider asserted a second factor (acr/amr). It
    accepts no token of its own: it can never be used at the TOTP step.
    """

    # As django-otp's own field, without a reverse accessor on User.
    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
        help_text="The user that this device belongs to.",
    )

    class Meta:
        verbose_name = _("second factor at the identity provider")
        verbose_name_plural = _("second factors at the identity provider")

    def verify_token(self, token: Any) -> bool:
        return False
