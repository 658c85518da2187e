"""A session is linked to its user once both factors are done, and the link
goes at logout; ending a user's sessions ends them in the session store."""

from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona
from django_otp.oath import totp

from kindveilig.accounts.models import EncryptedTOTPDevice, UserSession
from kindveilig.accounts.selectors import user_open_sessions
from kindveilig.accounts.services import user_sessions_end
from kindveilig.accounts.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.django_db]


def current_code(device: EncryptedTOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _log_in(client: Client, persona: Persona) -> None:
    client.post(
        reverse("accounts:login"),
        {"email": persona.user.email, "password": TEST_PASSWORD},
    )
    assert not UserSession.objects.filter(user=persona.user).exists()
    client.post(reverse("accounts:otp-verify"), {"token": current_code(persona.device)})


def test_the_session_is_linked_after_the_second_factor_and_unlinked_at_logout(
    client: Client, professional: Persona
) -> None:
    _log_in(client, professional)
    link = UserSession.objects.get(user=professional.user)
    assert link.session_key == client.session.session_key
    assert len(user_open_sessions(user=professional.user)) == 1
    client.post(reverse("accounts:logout"))
    assert not UserSession.objects.filter(user=professional.user).exists()


def test_ending_the_sessions_logs_the_user_out(
    client: Client, professional: Persona
) -> None:
    _log_in(client, professional)
    key = client.session.session_key
    assert key is not None
    assert user_sessions_end(user=professional.user) == 1
    assert not SessionStore().exists(key)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
