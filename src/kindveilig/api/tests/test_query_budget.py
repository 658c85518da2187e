"""The list answers in a fixed number of queries, however many trajectories it shows."""

from collections.abc import Callable

from django.test import Client

import pytest
from conftest import Persona
from pytest_django import DjangoAssertNumQueries

from kindveilig.meldcode import scenarios

from .conftest import Login, url

pytestmark = [pytest.mark.django_db]
# No COUNT query while the first page is not full (core.counts.page_of).
QUERY_BUDGET = 15


def _queries_for_list(client: Client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url("trajectory-list"))
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_the_list_query_count_does_not_grow_with_the_trajectories(
    client: Client,
    login: Login,
    professional: Persona,
    django_assert_max_num_queries: Callable[[int], DjangoAssertNumQueries],
) -> None:
    me = professional.actor
    login(client, professional)
    for _ in range(2):
        scenarios.start(me)
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(url("trajectory-list"))
    assert response.json()["count"] == 2
    with_two = _queries_for_list(client)

    for _ in range(18):
        scenarios.start(me)
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(url("trajectory-list"))
    assert response.json()["count"] == 20
    assert len(response.json()["results"]) == 20
    assert _queries_for_list(client) == with_two
