"""One check of the second factor, for the login and for every step-up."""

import pytest
from conftest import Persona
from django_otp.oath import totp

from kindveilig.accounts.models import EncryptedTOTPDevice, User
from kindveilig.accounts.services import (
    SecondFactorOutcome,
    lockout_message,
    lockout_minutes,
    login_failure_record,
    recovery_codes_generate,
    second_factor_verify,
)

pytestmark = [pytest.mark.django_db]


def current_code(device: EncryptedTOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def wrong_code(device: EncryptedTOTPDevice) -> str:
    return f"{(int(current_code(device)) + 1) % 1_000_000:06d}"


def test_the_right_code_passes_and_clears_the_failures(professional: Persona) -> None:
    login_failure_record(user=professional.user)
    check = second_factor_verify(
        user=professional.user, token=current_code(professional.device)
    )
    assert check.verified
    assert check.device == professional.device
    assert User.objects.get(pk=professional.user.pk).failed_login_count == 0


def test_a_wrong_code_counts_as_a_failed_attempt(professional: Persona) -> None:
    check = second_factor_verify(
        user=professional.user, token=wrong_code(professional.device)
    )
    assert check.outcome == SecondFactorOutcome.WRONG
    assert check.device is None
    assert check.message == "Deze code klopt niet of is verlopen."
    assert User.objects.get(pk=professional.user.pk).failed_login_count == 1


def test_a_recovery_code_passes_once(professional: Persona) -> None:
    code = recovery_codes_generate(user=professional.user)[0]
    assert second_factor_verify(user=professional.user, token=code).verified
    again = second_factor_verify(user=professional.user, token=code)
    assert again.outcome == SecondFactorOutcome.WRONG


def test_the_last_wrong_code_locks_and_then_even_the_right_one_is_refused(
    professional: Persona, settings: object
) -> None:
    user = professional.user
    for _ in range(settings.KINDVEILIG_LOGIN_MAX_FAILURES - 1):  # type: ignore[attr-defined]
        login_failure_record(user=user)  # wrong passwords count too
    locking = second_factor_verify(user=user, token=wrong_code(professional.device))
    assert locking.outcome == SecondFactorOutcome.NOW_LOCKED
    assert locking.minutes_left > 0
    assert locking.message == lockout_message(locking.minutes_left)
    assert "Te veel mislukte pogingen" in locking.message

    refused = second_factor_verify(user=user, token=current_code(professional.device))
    assert refused.outcome == SecondFactorOutcome.LOCKED
    assert not refused.verified
    assert refused.message == lockout_message(refused.minutes_left)


@pytest.mark.parametrize(
    ("failures", "minutes"),
    [(0, 0), (4, 0), (5, 1), (6, 2), (7, 4), (10, 32), (11, 60), (50, 60)],
)
def test_the_lockout_doubles_from_the_threshold_and_is_capped(
    failures: int, minutes: int
) -> None:
    assert lockout_minutes(failures) == minutes
