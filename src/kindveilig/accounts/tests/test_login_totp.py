"""The real login flow: password, then a TOTP code (or a recovery code)."""

import datetime as dt
import re
from collections.abc import Callable

from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

import pytest
import time_machine
from conftest import Persona
from django_otp.oath import totp

from kindveilig.accounts.models import EncryptedTOTPDevice, User
from kindveilig.accounts.services import recovery_codes_generate
from kindveilig.accounts.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.django_db]


def current_code(device: EncryptedTOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def password_step(client: Client, email: str, password: str = TEST_PASSWORD) -> object:
    return client.post(
        reverse("accounts:login"), {"email": email, "password": password}
    )


def test_full_login_reaches_the_start_page(
    client: Client, professional: Persona
) -> None:
    response = password_step(client, professional.user.email)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:otp-verify"))
    # Between the two factors, protected pages stay closed.
    assert client.get(reverse("portal:home")).status_code == 302
    response = client.post(
        reverse("accounts:otp-verify"), {"token": current_code(professional.device)}
    )
    assert response.status_code == 302
    home = client.get(response["Location"])
    assert home.status_code == 200
    assert professional.organisation.name in home.content.decode()


def test_wrong_password_shows_dutch_message_and_keeps_the_email(
    client: Client, professional: Persona
) -> None:
    response = password_step(client, professional.user.email, "wrong password")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Het e-mailadres of wachtwoord klopt niet." in content
    assert f'value="{professional.user.email}"' in content


def test_account_locks_after_repeated_failures(
    client: Client, professional: Persona
) -> None:
    for _ in range(5):
        password_step(client, professional.user.email, "wrong password")
    user = User.objects.get(pk=professional.user.pk)
    assert user.locked_until is not None
    # Even the right password is refused while locked, with the same answer as
    # a wrong one.
    response = password_step(client, professional.user.email)
    assert response.status_code == 200
    assert "Het e-mailadres of wachtwoord klopt niet." in response.content.decode()
    # After the lockout period it works again.
    with time_machine.travel(user.locked_until, tick=False):
        assert password_step(client, professional.user.email).status_code == 302


def _comparable(response: object, email: str) -> str:
    assert isinstance(response, HttpResponse)
    content = response.content.decode().replace(email, "EMAIL")
    content = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", content)
    return re.sub(r'nonce="[^"]*"', "", content)


def test_a_locked_account_and_an_unknown_address_get_the_same_answer(
    client: Client, professional: Persona
) -> None:
    email = professional.user.email
    for _ in range(5):
        password_step(client, email, "wrong password")
    assert User.objects.get(pk=professional.user.pk).is_locked()
    locked = password_step(client, email, "wrong password")
    locked_right_password = password_step(client, email)
    unknown = password_step(client, "nobody@example.org", "wrong password")
    wrong = password_step(Client(), "nobody@example.org", "wrong password")
    assert {r.status_code for r in (locked, locked_right_password, unknown)} == {200}  # type: ignore[attr-defined]
    assert _comparable(locked, email) == _comparable(unknown, "nobody@example.org")
    assert _comparable(locked_right_password, email) == _comparable(
        unknown, "nobody@example.org"
    )
    assert _comparable(wrong, "nobody@example.org") == _comparable(
        unknown, "nobody@example.org"
    )
    assert "Te veel mislukte pogingen" not in _comparable(locked, email)


def test_failures_for_an_unknown_address_change_nothing(
    client: Client, professional: Persona
) -> None:
    before = list(User.objects.values_list("pk", "failed_login_count", "locked_until"))
    for _ in range(10):
        password_step(client, "nobody@example.org", "wrong password")
    after = list(User.objects.values_list("pk", "failed_login_count", "locked_until"))
    assert after == before
    assert password_step(client, professional.user.email).status_code == 302


def test_attempts_while_locked_neither_count_nor_extend_the_lock(
    client: Client, professional: Persona
) -> None:
    for _ in range(5):
        password_step(client, professional.user.email, "wrong password")
    user = User.objects.get(pk=professional.user.pk)
    locked_until = user.locked_until
    for _ in range(3):
        password_step(client, professional.user.email, "wrong password")
    user.refresh_from_db()
    assert user.failed_login_count == 5
    assert user.locked_until == locked_until


def test_each_failure_after_the_lock_doubles_it(
    client: Client, professional: Persona
) -> None:
    email = professional.user.email
    for _ in range(5):
        password_step(client, email, "wrong password")
    user = User.objects.get(pk=professional.user.pk)
    assert user.locked_until is not None
    with time_machine.travel(user.locked_until, tick=False):
        first_lock_end = user.locked_until
        password_step(client, email, "wrong password")
        user.refresh_from_db()
        assert user.locked_until == first_lock_end + dt.timedelta(minutes=2)


def test_session_key_is_renewed_after_each_factor(
    client: Client, professional: Persona
) -> None:
    client.get(reverse("accounts:login"))
    client.session.save()
    before_password = client.session.session_key
    password_step(client, professional.user.email)
    after_password = client.session.session_key
    assert after_password != before_password
    client.post(
        reverse("accounts:otp-verify"), {"token": current_code(professional.device)}
    )
    after_code = client.session.session_key
    assert after_code not in (before_password, after_password)


def test_session_key_is_renewed_after_a_recovery_code(
    client: Client, professional: Persona
) -> None:
    code = recovery_codes_generate(user=professional.user)[0]
    password_step(client, professional.user.email)
    after_password = client.session.session_key
    response = client.post(reverse("accounts:otp-verify"), {"token": code})
    assert response.status_code == 302
    assert client.session.session_key != after_password


def test_wrong_code_is_refused(client: Client, professional: Persona) -> None:
    password_step(client, professional.user.email)
    response = client.post(reverse("accounts:otp-verify"), {"token": "000000"})
    assert response.status_code == 200
    assert "Deze code klopt niet of is verlopen." in response.content.decode()
    assert client.get(reverse("portal:home")).status_code == 302


def test_a_recovery_code_works_once(client: Client, professional: Persona) -> None:
    code = recovery_codes_generate(user=professional.user)[0]
    password_step(client, professional.user.email)
    response = client.post(reverse("accounts:otp-verify"), {"token": code})
    assert response.status_code == 302
    client.post(reverse("accounts:logout"))
    password_step(client, professional.user.email)
    response = client.post(reverse("accounts:otp-verify"), {"token": code})
    assert response.status_code == 200


def test_first_login_enrols_an_authenticator_app(client: Client) -> None:
    from kindveilig.accounts.tests.factories import MembershipFactory

    membership = MembershipFactory.create()
    user = membership.user
    response = password_step(client, user.email)
    assert response["Location"].startswith(reverse("accounts:otp-enrol"))
    page = client.get(response["Location"])
    assert "<svg" in page.content.decode()
    device = EncryptedTOTPDevice.objects.get(user=user, confirmed=False)
    wrong = client.post(reverse("accounts:otp-enrol"), {"token": "123456"})
    assert "Deze code klopt niet" in wrong.content.decode()
    # django-otp throttles after a wrong code: the next try comes a little later.
    later = dt.datetime.now(tz=dt.UTC) + dt.timedelta(seconds=5)
    with time_machine.travel(later, tick=False):
        response = client.post(
            reverse("accounts:otp-enrol"), {"token": current_code(device)}
        )
    assert response.status_code == 200
    codes = re.findall(r"<code>([a-z0-9]{10})</code>", response.content.decode())
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    follow = client.post(reverse("accounts:recovery-continue"))
    assert follow.status_code == 302
    assert client.get(reverse("portal:home")).status_code == 200


def test_user_with_several_roles_chooses_one_and_sees_it_in_the_header(
    client: Client, make_persona: Callable[..., Persona], professional: Persona
) -> None:
    from kindveilig.access.roles import Role
    from kindveilig.accounts.tests.factories import MembershipFactory
    from kindveilig.organisations.tests.factories import OrganisationFactory

    second = MembershipFactory.create(
        user=professional.user,
        organisation=OrganisationFactory.create(name="Tweede school (test)"),
        role=Role.AANDACHTSFUNCTIONARIS,
    )
    password_step(client, professional.user.email)
    response = client.post(
        reverse("accounts:otp-verify"), {"token": current_code(professional.device)}
    )
    assert response["Location"].startswith(reverse("accounts:choose-organisation"))
    empty = client.post(reverse("accounts:choose-organisation"), {})
    assert "Kies de organisatie en rol" in empty.content.decode()
    client.post(reverse("accounts:choose-organisation"), {"membership": second.pk})
    home = client.get(reverse("portal:home")).content.decode()
    assert "Tweede school (test)" in home
    assert "Aandachtsfunctionaris" in home


def test_cannot_choose_someone_elses_membership(
    client: Client,
    professional: Persona,
    outsider: Persona,
    login: Callable[..., Client],
) -> None:
    login(client, professional)
    response = client.post(
        reverse("accounts:choose-organisation"), {"membership": outsider.membership.pk}
    )
    assert response.status_code == 200
    home = client.get(reverse("portal:home")).content.decode()
    assert outsider.organisation.name not in home


def test_sessions_expire_after_thirty_idle_minutes(settings: object) -> None:
    from django.conf import settings as django_settings

    assert django_settings.SESSION_COOKIE_AGE == 30 * 60
    assert django_settings.SESSION_RENEW_SECONDS == 60


def _expiry(client: Client) -> dt.datetime:
    from django.contrib.sessions.models import Session

    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_an_active_session_is_renewed_at_most_once_a_minute(
    client: Client, professional: Persona, login: Callable[..., Client]
) -> None:
    start = dt.datetime.now(tz=dt.UTC)
    with time_machine.travel(start, tick=False):
        login(client, professional)
        client.get(reverse("portal:home"))
        first = _expiry(client)
    with time_machine.travel(start + dt.timedelta(seconds=30), tick=False):
        assert client.get(reverse("portal:home")).status_code == 200
        assert _expiry(client) == first  # no write within the minute
    with time_machine.travel(start + dt.timedelta(minutes=20), tick=False):
        assert client.get(reverse("portal:home")).status_code == 200
        assert _expiry(client) >= first + dt.timedelta(minutes=20)
    # Used 20 minutes in, so 45 minutes in it is still alive (idle for 25)...
    with time_machine.travel(start + dt.timedelta(minutes=45), tick=False):
        assert client.get(reverse("portal:home")).status_code == 200
    # ...and after 31 idle minutes it is gone.
    with time_machine.travel(start + dt.timedelta(minutes=77), tick=False):
        assert client.get(reverse("portal:home")).status_code == 302


def test_anonymous_public_pages_create_no_session(client: Client) -> None:
    from django.contrib.sessions.models import Session

    client.get(reverse("youth:start"))
    assert Session.objects.count() == 0


def test_logged_in_session_is_gone_after_idle_period(
    client: Client, professional: Persona, login: Callable[..., Client]
) -> None:
    import datetime as dt

    login(client, professional)
    assert client.get(reverse("portal:home")).status_code == 200
    with time_machine.travel(dt.datetime.now(tz=dt.UTC) + dt.timedelta(minutes=31)):
        assert client.get(reverse("portal:home")).status_code == 302
