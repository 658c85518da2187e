from io import StringIO

from django.core.management import CommandError, call_command

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kindveilig.access.roles import Role
from kindveilig.accounts.models import Membership, User
from kindveilig.demo.builders import DEMO_ACCOUNTS, demo_people_count
from kindveilig.organisations.models import Organisation
from kindveilig.persons.models import Person

pytestmark = [pytest.mark.django_db]


@pytest.fixture
def demo_mode(settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]
    settings.KINDVEILIG_DEMO_MODE = True  # type: ignore[attr-defined]


def test_seed_demo_is_refused_outside_demo_mode(settings: object) -> None:
    settings.DEBUG = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="demomodus"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()


def test_seed_demo_creates_every_role_and_is_idempotent(demo_mode: None) -> None:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    counts = (
        User.objects.count(),
        Membership.objects.count(),
        Organisation.objects.count(),
        Person.objects.count(),
    )
    call_command("seed_demo", stdout=StringIO())
    assert counts == (
        User.objects.count(),
        Membership.objects.count(),
        Organisation.objects.count(),
        Person.objects.count(),
    )
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {role.value for role in Role}
    printed = out.getvalue()
    for account in DEMO_ACCOUNTS:
        assert account.email in printed
    assert "otpauth://totp/" in printed
    assert demo_people_count() > 0
    # Clearly fictitious: every demo person is marked "demo" in the name.
    assert all("demo)" in p.given_name for p in Person.objects.all())


def test_demo_code_prints_the_current_code(demo_mode: None) -> None:
    call_command("seed_demo", stdout=StringIO())
    email = DEMO_ACCOUNTS[0].email
    out = StringIO()
    call_command("demo_code", email, stdout=out)
    device = TOTPDevice.objects.get(user__email=email)
    expected = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert out.getvalue().strip() == expected


def test_demo_code_is_refused_outside_demo_mode(settings: object) -> None:
    settings.KINDVEILIG_DEMO_MODE = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError):
        call_command("demo_code", "x@y.nl", stdout=StringIO())
