from django.test import Client

import pytest

pytestmark = [pytest.mark.django_db]


def test_dutch_even_when_the_browser_asks_for_english(client: Client) -> None:
    response = client.get("/inloggen/", headers={"accept-language": "en-US,en;q=0.9"})
    assert "Inloggen bij Kindveilig" in response.content.decode()
    assert response["Content-Language"] == "nl"


def test_english_after_choosing_it(client: Client) -> None:
    client.post("/i18n/taal/", {"language": "en", "next": "/inloggen/"})
    response = client.get("/inloggen/")
    assert "Log in to Kindveilig" in response.content.decode()
