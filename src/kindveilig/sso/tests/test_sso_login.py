"""Single sign-on against a real OpenID Connect provider on 127.0.0.1.

The provider is django-oidc-provider in a small Django project of its own
(tests/oidc_provider), started in a subprocess with its own SQLite database.
Kindveilig (the test client) redirects to it, ``requests`` plays the browser at
the provider (its login form, its redirect back), and Kindveilig fetches the
tokens and the provider's JWKS over HTTP: nothing is mocked.
"""

import datetime as dt
import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext

import pytest
import requests

from kindveilig.accounts.models import User
from kindveilig.accounts.tests.factories import (
    MembershipFactory,
    TOTPDeviceFactory,
    UserFactory,
)
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.sso.logout import ID_TOKEN_SESSION_KEY
from kindveilig.sso.models import ProviderIdentity

pytestmark = [pytest.mark.django_db]

REPO = Path(__file__).resolve().parents[4]
CALLBACK = "http://testserver/sso/terug/"
POST_LOGOUT = "http://testserver/inloggen/"
MFA_ACR = "urn:test:loa:mfa"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The provider's issuer URL, once it answers its discovery document."""
    port = _free_port()
    database = tmp_path_factory.mktemp("oidc-provider") / "provider.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen(  # noqa: S603  # our own interpreter and script
        [
            sys.executable,
            "-m",
            "tests.oidc_provider.serve",
            str(port),
            str(database),
            CALLBACK,
            POST_LOGOUT,
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    issuer = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{issuer}/.well-known/openid-configuration", timeout=2)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "The test provider did not start: "
                        + (process.stderr.read().decode() if process.stderr else "")
                    ) from None
                time.sleep(0.2)
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def sso(settings: Any, provider: str) -> str:
    """Kindveilig configured for the provider, as docs/sso.md's variables would."""
    discovery = requests.get(
        f"{provider}/.well-known/openid-configuration", timeout=5
    ).json()
    settings.KINDVEILIG_OIDC_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = [
        *django_settings.AUTHENTICATION_BACKENDS,
        "kindveilig.sso.backends.ProviderBackend",
    ]
    settings.OIDC_RP_CLIENT_ID = "kindveilig"
    settings.OIDC_RP_CLIENT_SECRET = "kindveilig-secret"
    settings.KINDVEILIG_OIDC_ISSUER = discovery["issuer"]
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = discovery["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = discovery["token_endpoint"]
    settings.OIDC_OP_USER_ENDPOINT = discovery["userinfo_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = discovery["jwks_uri"]
    settings.KINDVEILIG_OIDC_END_SESSION_ENDPOINT = discovery["end_session_endpoint"]
    settings.KINDVEILIG_OIDC_MFA_ACR_VALUES = [MFA_ACR]
    settings.KINDVEILIG_OIDC_MFA_AMR_VALUES = []
    return provider


def refused_message() -> str:
    return gettext(
        "Single sign-on did not log you in: Kindveilig does not know an "
        "active account for you. Ask the functional administrator of your "
        "organisation."
    )


def failed_message() -> str:
    return gettext(
        "Single sign-on did not succeed. Try again, or log in with your "
        "e-mail address and password."
    )


def sso_login(
    client: Client,
    provider: str,
    username: str,
    browser: requests.Session | None = None,
) -> str:
    """Start at Kindveilig, log in at the provider; return Kindveilig's answer's
    Location after the provider's redirect back. ``browser``: the browser's
    side at the provider (its cookies), a fresh one by default."""
    start = client.get(reverse("sso:start"))
    assert start.status_code == 302
    assert start["Location"].startswith(f"{provider}/authorize")
    browser = browser or requests.Session()
    login_page = browser.get(start["Location"], timeout=10)
    assert urlsplit(login_page.url).path == "/login/"
    answer = browser.post(
        login_page.url,
        data={
            "username": username,
            "password": "provider-pass",
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
            "next": login_page.url.split("next=", 1)[1]
            and requests.utils.unquote(login_page.url.split("next=", 1)[1]),
        },
        allow_redirects=False,
        timeout=10,
    )
    location = answer.headers["Location"]
    while not location.startswith("http://testserver/"):
        answer = browser.get(
            urljoin(answer.url, location), allow_redirects=False, timeout=10
        )
        location = answer.headers["Location"]
    assert location.startswith(CALLBACK)
    back = client.get(location.removeprefix("http://testserver"))
    assert back.status_code == 302
    return str(back["Location"])


def test_provider_asserted_second_factor_reaches_the_chooser(
    client: Client, sso: str
) -> None:
    user = UserFactory(email="sso-mfa@example.nl")
    MembershipFactory(user=user)
    MembershipFactory(user=user)
    location = sso_login(client, sso, "mfa")
    assert location.startswith(reverse("accounts:recovery-continue"))
    chooser = client.get(location)
    assert chooser.status_code == 302
    assert chooser["Location"].startswith(reverse("accounts:choose-organisation"))
    page = client.get(chooser["Location"])
    assert page.status_code == 200
    assert page.wsgi_request.user.pk == user.pk
    assert page.wsgi_request.user.is_verified()


def test_password_only_at_the_provider_asks_kindveiligs_code(
    client: Client, sso: str
) -> None:
    user = UserFactory(email="sso-pwd@example.nl")
    TOTPDeviceFactory(user=user)
    MembershipFactory(user=user)
    location = sso_login(client, sso, "pwd")
    assert location.startswith(reverse("accounts:otp-verify"))
    assert client.get(location).status_code == 200
    # Logged in with one factor only: the pages stay closed.
    home = client.get(reverse("portal:home"))
    assert home["Location"].startswith(reverse("accounts:otp-verify"))


def test_unknown_user_is_refused_in_dutch_and_audited(client: Client, sso: str) -> None:
    UserFactory(email="someone-else@example.nl")
    location = sso_login(client, sso, "stranger")
    assert location == reverse("accounts:login")
    page = client.get(location)
    # The Dutch text where the catalogue has it (the page is in Dutch).
    assert escape(refused_message()) in page.content.decode()
    assert not page.wsgi_request.user.is_authenticated
    event = AuditEvent.objects.get(object_type="sso.login")
    assert event.action == AuditAction.DENIED
    assert event.actor_user is None
    assert "stranger@example.nl" not in event.object_id


def test_an_inactive_user_is_refused(client: Client, sso: str) -> None:
    UserFactory(email="sso-mfa@example.nl", is_active=False)
    assert sso_login(client, sso, "mfa") == reverse("accounts:login")
    assert not User.objects.filter(is_active=True, email="sso-mfa@example.nl").exists()


def test_off_unless_configured(client: Client) -> None:
    assert client.get(reverse("sso:start")).status_code == 404
    assert client.get(reverse("sso:callback")).status_code == 404


def test_the_login_page_offers_single_sign_on_only_when_configured(
    client: Client, settings: Any
) -> None:
    start = reverse("sso:start")
    assert start not in client.get(reverse("accounts:login")).content.decode()
    settings.KINDVEILIG_OIDC_ENABLED = True
    settings.KINDVEILIG_OIDC_PROVIDER_NAME = "Gemeente Voorbeeld"
    page = client.get(
        reverse("accounts:login"), {"next": "/personen/"}
    ).content.decode()
    assert f'href="{start}?next=/personen/"' in page
    assert "Gemeente Voorbeeld" in page


def test_the_sub_claim_finds_the_stored_identity_and_a_first_login_enrols(
    client: Client, sso: str, settings: Any
) -> None:
    """The provider's subject for user ``pwd`` is its id, 2 (serve.py's order)."""
    settings.KINDVEILIG_OIDC_USER_CLAIM = "sub"
    user = UserFactory(email="another-address@example.nl")
    ProviderIdentity.objects.create(user_id=user.pk, subject="2")
    location = sso_login(client, sso, "pwd")
    # No authenticator app yet: Kindveilig's enrolment, as after a password.
    assert location.startswith(reverse("accounts:otp-enrol"))
    assert client.get(location).wsgi_request.user.pk == user.pk


def test_an_amr_value_counts_as_the_second_factor(
    client: Client, sso: str, settings: Any
) -> None:
    settings.KINDVEILIG_OIDC_MFA_ACR_VALUES = []
    settings.KINDVEILIG_OIDC_MFA_AMR_VALUES = ["otp"]
    user = UserFactory(email="sso-mfa@example.nl")
    MembershipFactory(user=user)
    location = sso_login(client, sso, "mfa")
    # One membership: straight on to the start page.
    start = client.get(location)
    assert start["Location"] == reverse("portal:home")
    assert client.get(start["Location"]).status_code == 200


def test_an_id_token_of_another_issuer_is_refused(
    client: Client, sso: str, settings: Any
) -> None:
    settings.KINDVEILIG_OIDC_ISSUER = "https://idp.example.nl"
    UserFactory(email="sso-mfa@example.nl")
    assert sso_login(client, sso, "mfa") == reverse("accounts:login")
    page = client.get(reverse("accounts:login"))
    assert not page.wsgi_request.user.is_authenticated
    # Not "no account": the account exists, the token did not check out.
    assert escape(refused_message()) not in page.content.decode()
    assert escape(failed_message()) in page.content.decode()
    assert not AuditEvent.objects.filter(object_type="sso.login").exists()


def test_a_locked_account_stays_locked(client: Client, sso: str) -> None:
    UserFactory(
        email="sso-mfa@example.nl", locked_until=timezone.now() + dt.timedelta(hours=1)
    )
    assert sso_login(client, sso, "mfa") == reverse("accounts:login")


def test_the_password_form_never_reaches_the_provider(client: Client, sso: str) -> None:
    """A code in the password form's URL is not a way past the state check."""
    user = UserFactory(email="sso-mfa@example.nl")
    response = client.post(
        reverse("accounts:login") + "?code=stolen&state=forged",
        {"email": user.email, "password": "wrong-password"},
    )
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated


# ---- logout at the provider (RP-initiated logout) ---------------------------


def _authorize(browser: requests.Session) -> requests.Response:
    """A new "Inloggen met …" in the same browser: the provider's first answer."""
    start = Client().get(reverse("sso:start"))
    return browser.get(start["Location"], allow_redirects=False, timeout=10)


def test_logging_out_ends_the_session_at_the_provider_too(
    client: Client, sso: str, caplog: pytest.LogCaptureFixture
) -> None:
    user = UserFactory(email="sso-mfa@example.nl")
    MembershipFactory(user=user)
    browser = requests.Session()
    sso_login(client, sso, "mfa", browser)
    # Logged in at the provider: a new login there asks nothing.
    again = _authorize(browser)
    assert again.status_code == 302
    assert again.headers["Location"].startswith(CALLBACK)
    # The hint is kept in the session on the server, not in a cookie.
    id_token = client.session[ID_TOKEN_SESSION_KEY]
    assert id_token.count(".") == 2
    assert all(id_token not in cookie.value for cookie in client.cookies.values())

    with caplog.at_level(logging.DEBUG):
        out = client.post(reverse("accounts:logout"))
    assert out.status_code == 302
    target = urlsplit(out["Location"])
    assert target._replace(query="").geturl() == (
        django_settings.KINDVEILIG_OIDC_END_SESSION_ENDPOINT
    )
    assert parse_qs(target.query) == {
        "id_token_hint": [id_token],
        "post_logout_redirect_uri": [POST_LOGOUT],
        "client_id": ["kindveilig"],
    }
    assert id_token not in caplog.text  # nowhere but in that redirect
    # Kindveilig's session has ended.
    assert client.get(reverse("portal:home"))["Location"].startswith(
        reverse("accounts:login")
    )
    # The provider ends its own and sends the browser back to the login page.
    back = browser.get(out["Location"], allow_redirects=False, timeout=10)
    assert back.status_code == 302
    assert back.headers["Location"] == POST_LOGOUT
    # A new login at the provider asks for the credentials again.
    asked = _authorize(browser)
    assert asked.status_code == 302
    assert urlsplit(asked.headers["Location"]).path == "/login/"


def test_without_an_end_session_endpoint_only_kindveiligs_session_ends(
    client: Client, sso: str, settings: Any
) -> None:
    settings.KINDVEILIG_OIDC_END_SESSION_ENDPOINT = ""
    user = UserFactory(email="sso-mfa@example.nl")
    MembershipFactory(user=user)
    browser = requests.Session()
    sso_login(client, sso, "mfa", browser)
    out = client.post(reverse("accounts:logout"))
    assert out["Location"] == reverse("accounts:login")
    assert _authorize(browser).headers["Location"].startswith(CALLBACK)


def test_a_password_login_logs_out_at_kindveilig_only(client: Client, sso: str) -> None:
    client.force_login(UserFactory.create())
    out = client.post(reverse("accounts:logout"))
    assert out["Location"] == reverse("accounts:login")


def test_the_post_logout_address_is_configurable(
    client: Client, sso: str, settings: Any
) -> None:
    settings.KINDVEILIG_OIDC_POST_LOGOUT_REDIRECT_URI = (
        "https://kindveilig.example/uit/"
    )
    user = UserFactory(email="sso-mfa@example.nl")
    MembershipFactory(user=user)
    sso_login(client, sso, "mfa")
    out = client.post(reverse("accounts:logout"))
    query = parse_qs(urlsplit(out["Location"]).query)
    assert query["post_logout_redirect_uri"] == ["https://kindveilig.example/uit/"]
