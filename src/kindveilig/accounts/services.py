"""Accounts: creating users and memberships, login throttling, two-factor set-up."""

import math
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from importlib import import_module

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from django_otp.plugins.otp_static.models import StaticToken

from kindveilig.access.roles import Role
from kindveilig.accounts.models import (
    EncryptedTOTPDevice,
    HashedRecoveryDevice,
    recovery_code_digests,
)
from kindveilig.core.validators import check_fields, validate_no_hidden_characters
from kindveilig.organisations.models import Organisation

from .models import Membership, User, UserSession

__all__ = [
    "RECOVERY_CODE_COUNT",
    "LoginCheck",
    "SecondFactorCheck",
    "SecondFactorOutcome",
    "lockout_message",
    "lockout_minutes",
    "login_failure_record",
    "login_lock_status",
    "login_refused_messages",
    "login_success_record",
    "membership_add",
    "recovery_codes_generate",
    "second_factor_verify",
    "totp_device_confirm",
    "totp_device_start",
    "user_create",
    "user_session_forget",
    "user_session_record",
    "user_sessions_end",
]

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "authenticator"


@transaction.atomic
def user_create(
    *, email: str, full_name: str, password: str | None, validate: bool = True
) -> User:
    check_fields({"full_name": (validate_no_hidden_characters, full_name)})
    user = User(email=email.strip().lower(), full_name=full_name.strip())
    if password and validate:
        validate_password(password, user)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def membership_add(*, user: User, organisation: Organisation, role: Role) -> Membership:
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role, defaults={"is_active": True}
    )
    if not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active", "updated_at"])
    return membership


@dataclass(frozen=True)
class LoginCheck:
    locked: bool
    minutes_left: int = 0


def login_lock_status(*, user: User) -> LoginCheck:
    now = timezone.now()
    if user.is_locked(now):
        assert user.locked_until is not None
        minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
        return LoginCheck(locked=True, minutes_left=minutes)
    return LoginCheck(locked=False)


def lockout_minutes(failures: int) -> int:
    """How long the account stays locked after ``failures`` consecutive failures:
    nothing below the threshold, then the base length, doubling with every
    further failure, capped."""
    threshold = settings.KINDVEILIG_LOGIN_MAX_FAILURES
    if failures < threshold:
        return 0
    base = settings.KINDVEILIG_LOGIN_LOCKOUT_MINUTES
    cap = settings.KINDVEILIG_LOGIN_LOCKOUT_MAX_MINUTES
    doublings = min(failures - threshold, 20)  # 2**20 minutes is past any cap
    return int(min(base * 2**doublings, cap))


def login_failure_record(*, user: User) -> LoginCheck:
    """Count a failed password or code of an existing account; from the threshold
    on, every failure locks the account, each time twice as long (capped). The
    count is only cleared by a full login, so the back-off keeps growing.
    Attempts while the account is locked are not checked and not counted."""
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(
            failed_login_count=F("failed_login_count") + 1
        )
        user.refresh_from_db(fields=["failed_login_count", "locked_until"])
        minutes = lockout_minutes(user.failed_login_count)
        if minutes:
            user.locked_until = timezone.now() + timedelta(minutes=minutes)
            user.save(update_fields=["locked_until"])
    return login_lock_status(user=user)


def login_success_record(*, user: User) -> None:
    if user.failed_login_count or user.locked_until:
        User.objects.filter(pk=user.pk).update(failed_login_count=0, locked_until=None)


def login_refused_messages() -> list[str]:
    """What the login page says for every refused attempt: a wrong password, an
    unknown e-mail address and a locked account read the same, so the page does
    not tell which addresses have an account."""
    return [
        _("The e-mail address or password is not correct."),
        _(
            "After several failed attempts an account is locked for a while. "
            "Try again later or ask your functioneel beheerder for help."
        ),
    ]


def lockout_message(minutes: int) -> str:
    """What a locked-out user reads after the password step (the second factor,
    step-up for print and export): they proved the password, so saying the
    account is locked reveals nothing new."""
    return _(
        "Too many failed attempts. Your account is locked for %(minutes)s minutes. "
        "Try again later or ask your functioneel beheerder for help."
    ) % {"minutes": minutes}


class SecondFactorOutcome(StrEnum):
    VERIFIED = "verified"
    WRONG = "wrong"  # not correct (or used up); the account is not locked
    LOCKED = "locked"  # locked already: the code was not even checked
    NOW_LOCKED = "now_locked"  # this wrong code locked the account


@dataclass(frozen=True)
class SecondFactorCheck:
    outcome: SecondFactorOutcome
    device: EncryptedTOTPDevice | HashedRecoveryDevice | None = (
        None  # the device that matched
    )
    minutes_left: int = 0

    @property
    def verified(self) -> bool:
        return self.outcome == SecondFactorOutcome.VERIFIED

    @property
    def message(self) -> str:
        """What to tell the user when the code was refused."""
        if self.outcome in (SecondFactorOutcome.LOCKED, SecondFactorOutcome.NOW_LOCKED):
            return lockout_message(self.minutes_left)
        return _("This code is not correct or has expired.")


def _matching_device(
    user: User, token: str
) -> EncryptedTOTPDevice | HashedRecoveryDevice | None:
    """The user's confirmed authenticator app for digits, else one of their
    recovery codes (which is used up). django-otp refuses a TOTP step that was
    already used."""
    devices: list[EncryptedTOTPDevice | HashedRecoveryDevice]
    if token.isdigit():
        devices = list(EncryptedTOTPDevice.objects.filter(user=user, confirmed=True))
    else:
        devices = list(HashedRecoveryDevice.objects.filter(user=user, confirmed=True))
    return next((device for device in devices if device.verify_token(token)), None)


def second_factor_verify(*, user: User, token: str) -> SecondFactorCheck:
    """Check a code from the authenticator app or a recovery code, under the
    same lockout as the password: at login and at every step-up (printing or
    handing over a melding). A wrong code counts as a failed attempt; a right
    one clears the count. The caller logs out on ``NOW_LOCKED``."""
    status = login_lock_status(user=user)
    if status.locked:
        return SecondFactorCheck(
            SecondFactorOutcome.LOCKED, minutes_left=status.minutes_left
        )
    device = _matching_device(user, token)
    if device is None:
        status = login_failure_record(user=user)
        if status.locked:
            return SecondFactorCheck(
                SecondFactorOutcome.NOW_LOCKED, minutes_left=status.minutes_left
            )
        return SecondFactorCheck(SecondFactorOutcome.WRONG)
    login_success_record(user=user)
    return SecondFactorCheck(SecondFactorOutcome.VERIFIED, device=device)


@transaction.atomic
def totp_device_start(*, user: User) -> EncryptedTOTPDevice:
    """An unconfirmed device for enrolment; an earlier unconfirmed one is replaced."""
    EncryptedTOTPDevice.objects.filter(user=user, confirmed=False).delete()
    device: EncryptedTOTPDevice = EncryptedTOTPDevice.objects.create(
        user=user, name=TOTP_DEVICE_NAME, confirmed=False
    )
    return device


@transaction.atomic
def totp_device_confirm(*, user: User, device: EncryptedTOTPDevice, token: str) -> bool:
    if device.user_id != user.pk or device.confirmed:
        return False
    if not device.verify_token(token.strip().replace(" ", "")):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    EncryptedTOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    return True


@transaction.atomic
def recovery_codes_generate(*, user: User) -> list[str]:
    """Ten single-use codes for when the phone is lost; earlier codes stop working.
    Only a keyed hash of each code is stored: the user sees them once."""
    device, _ = HashedRecoveryDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [_recovery_code() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=recovery_code_digests(code)[0])
        for code in codes
    )
    return codes


def _recovery_code() -> str:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


def user_has_confirmed_totp(*, user: User) -> bool:
    return bool(EncryptedTOTPDevice.objects.filter(user=user, confirmed=True).exists())


def user_session_record(*, user: User, session_key: str) -> None:
    """Link a session to its user once both factors are done; links to sessions
    that no longer exist are dropped on the way."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    stale = [
        link.pk
        for link in UserSession.objects.filter(user=user)
        if not store().exists(link.session_key)
    ]
    UserSession.objects.filter(pk__in=stale).delete()
    UserSession.objects.update_or_create(
        session_key=session_key, defaults={"user": user}
    )


def user_session_forget(*, session_key: str) -> None:
    UserSession.objects.filter(session_key=session_key).delete()


def user_sessions_end(*, user: User) -> int:
    """End every session of this user at once; returns how many were linked."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    links = list(UserSession.objects.filter(user=user))
    for link in links:
        store(session_key=link.session_key).delete()
    UserSession.objects.filter(pk__in=[link.pk for link in links]).delete()
    return len(links)
