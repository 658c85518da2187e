import pytest

from kindveilig.demo.youth_builders import DEMO_CHANNELS, ensure_youth_channels
from kindveilig.organisations.models import Organisation
from kindveilig.organisations.tests.factories import OrganisationFactory
from kindveilig.youth.messages.models import PublicChannel
from kindveilig.youth.messages.selectors import channel_by_code

pytestmark = [pytest.mark.django_db]


def test_the_demo_channels_are_made_once_and_found_by_code() -> None:
    organisations: dict[str, Organisation] = {
        code: OrganisationFactory.create(external_code=code, name=name)
        for code, (_, name) in DEMO_CHANNELS.items()
    }
    first = ensure_youth_channels(organisations)
    ensure_youth_channels(organisations)
    assert len(first) == len(DEMO_CHANNELS)
    assert PublicChannel.objects.count() == len(DEMO_CHANNELS)
    channel = channel_by_code("regenboog")
    assert channel is not None
    assert channel.organisation == organisations["DEMO-PO-01"]


def test_missing_organisations_are_skipped() -> None:
    assert ensure_youth_channels({}) == []
