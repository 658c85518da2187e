import re
from collections.abc import Callable
from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext as _

import pytest
from conftest import Persona
from django_otp.oath import totp

from kindveilig.access.roles import Role
from kindveilig.accounts.models import EncryptedTOTPDevice, Membership
from kindveilig.accounts.services import user_session_record
from kindveilig.audit.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

Login = Callable[[Client, Persona], Client]
STRONG = "a long and unusual passphrase 93"


def code_for(device: EncryptedTOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def detail(persona: Persona, name: str = "staff:user-detail") -> str:
    return reverse(name, kwargs={"public_id": persona.user.public_id})


@pytest.fixture
def beheerder_client(
    client: Client, login: Login, functioneel_beheerder: Persona
) -> Client:
    return login(client, functioneel_beheerder)


def test_the_beheerder_sees_a_colleague_with_last_login_and_open_sessions(
    beheerder_client: Client, professional: Persona, functioneel_beheerder: Persona
) -> None:
    other = Client()
    key = other.session.session_key
    other.force_login(professional.user)
    key = other.session.session_key
    assert key is not None
    user_session_record(user=professional.user, session_key=key)
    response = beheerder_client.get(detail(professional))
    assert response.status_code == 200
    page = response.content.decode()
    assert professional.user.full_name in page
    assert _("Logged in at %(started)s").split("%")[0] in page
    assert AuditEvent.objects.filter(
        action=AuditAction.READ,
        object_id=str(professional.user.public_id),
        actor_user=functioneel_beheerder.user,
    ).exists()


def test_a_beheerder_of_another_organisation_finds_nothing(
    client: Client,
    login: Login,
    make_persona: Callable[..., Persona],
    outsider: Persona,
    professional: Persona,
) -> None:
    foreign = make_persona(Role.FUNCTIONEEL_BEHEERDER, outsider.organisation)
    login(client, foreign)
    assert client.get(detail(professional)).status_code == 404
    assert AuditEvent.objects.filter(
        action=AuditAction.DENIED,
        actor_user=foreign.user,
        object_id=str(professional.user.public_id),
    ).exists()
    response = client.post(detail(professional, "staff:user-deactivate"))
    assert response.status_code == 404
    professional.user.refresh_from_db()
    assert professional.user.is_active


def test_the_invite_form_keeps_what_was_typed_and_says_what_is_wrong(
    beheerder_client: Client, outsider: Persona
) -> None:
    response = beheerder_client.post(
        reverse("staff:invite"),
        {
            "full_name": "Nieuwe Collega",
            "email": outsider.user.email,
            "role": "professional",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Nieuwe Collega"' in page
    assert _("This e-mail address already has an account.") in page


def test_an_invited_colleague_sets_a_password_and_goes_on_to_enrol(
    beheerder_client: Client,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = beheerder_client.post(
            reverse("staff:invite"),
            {
                "full_name": "Nieuwe Collega",
                "email": "nieuw@test.kindveilig.invalid",
                "role": "aandachtsfunctionaris",
            },
        )
    assert response.status_code == 302
    match = re.search(r"(/uitnodiging/[^/\s]+/)", str(mail.outbox[-1].body))
    assert match is not None
    invited = Client()
    opened = invited.get(match.group(1))
    assert opened.status_code == 302
    assert opened["Location"] == reverse("staff:invitation-accept")
    weak = invited.post(opened["Location"], {"password1": "kort", "password2": "kort"})
    assert weak.status_code == 200
    assert (
        "errorlist" in weak.content.decode() or "aria-invalid" in weak.content.decode()
    )
    done = invited.post(opened["Location"], {"password1": STRONG, "password2": STRONG})
    assert done.status_code == 302
    assert done["Location"] == reverse("accounts:otp-enrol")
    assert invited.get(done["Location"]).status_code == 200
    again = Client().get(match.group(1), follow=True)
    assert again.status_code == 410


def test_deactivation_sends_the_colleague_to_the_login_page(
    beheerder_client: Client, professional: Persona, login: Login
) -> None:
    colleague = login(Client(), professional)
    key = colleague.session.session_key
    assert key is not None
    user_session_record(user=professional.user, session_key=key)
    assert colleague.get(reverse("portal:home")).status_code == 200
    response = beheerder_client.post(detail(professional, "staff:user-deactivate"))
    assert response.status_code == 302
    after = colleague.get(reverse("portal:home"))
    assert after.status_code == 302
    assert after["Location"].startswith(reverse("accounts:login"))


def test_ending_a_role_of_someone_else_is_refused_next_to_the_field(
    beheerder_client: Client, professional: Persona, aandachtsfunctionaris: Persona
) -> None:
    response = beheerder_client.post(
        detail(professional, "staff:membership-end"),
        {"membership": aandachtsfunctionaris.membership.pk},
    )
    assert response.status_code == 400
    aandachtsfunctionaris.membership.refresh_from_db()
    assert aandachtsfunctionaris.membership.is_active


def test_adding_a_role_through_the_page(
    beheerder_client: Client, professional: Persona
) -> None:
    response = beheerder_client.post(
        detail(professional, "staff:membership-add"), {"role": "aandachtsfunctionaris"}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(
        user=professional.user, role=Role.AANDACHTSFUNCTIONARIS, is_active=True
    ).exists()


def test_second_factor_reset_needs_the_beheerders_own_code(
    beheerder_client: Client,
    functioneel_beheerder: Persona,
    professional: Persona,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    url = detail(professional, "staff:second-factor-reset")
    wrong = beheerder_client.post(url, {"token": "000000"})
    assert wrong.status_code == 200
    assert EncryptedTOTPDevice.objects.filter(user=professional.user).exists()
    # The colleague's code is no good: the beheerder's own is asked.
    theirs = beheerder_client.post(url, {"token": code_for(professional.device)})
    assert theirs.status_code == 200
    assert EncryptedTOTPDevice.objects.filter(user=professional.user).exists()
    # django-otp makes the next try wait after a wrong one; the test does not.
    EncryptedTOTPDevice.objects.get(pk=functioneel_beheerder.device.pk).throttle_reset()
    with django_capture_on_commit_callbacks(execute=True):
        right = beheerder_client.post(
            url, {"token": code_for(functioneel_beheerder.device)}
        )
    assert right.status_code == 302
    assert not EncryptedTOTPDevice.objects.filter(user=professional.user).exists()
    assert mail.outbox[-1].to == [professional.user.email]
