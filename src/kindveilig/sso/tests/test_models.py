"""The device for the provider's second factor accepts no code of its own."""

import pytest

from kindveilig.accounts.tests.factories import UserFactory
from kindveilig.sso.models import ProviderAssertedDevice, ProviderIdentity

pytestmark = [pytest.mark.django_db]


def test_the_provider_device_never_verifies_a_code() -> None:
    user = UserFactory()
    device = ProviderAssertedDevice.objects.create(
        user_id=user.pk, name="identity provider", confirmed=True
    )
    assert device.verify_token("123456") is False
    assert device.verify_token("") is False


def test_an_identity_reads_as_its_subject() -> None:
    identity = ProviderIdentity.objects.create(user_id=UserFactory().pk, subject="abc")
    assert str(identity) == "abc"
