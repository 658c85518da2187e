from unittest import mock

from django.db import OperationalError
from django.test import Client

import pytest

pytestmark = [pytest.mark.django_db]


def test_healthz_answers_200_with_the_database_reachable(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_unreachable(client: Client) -> None:
    # The edge is mocked: we cannot take the test database away mid-test.
    with mock.patch(
        "kindveilig.portal.views.connection.cursor", side_effect=OperationalError
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
