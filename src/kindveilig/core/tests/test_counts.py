"""count_each: the same numbers as count(), in one query."""

from collections.abc import Callable

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

import pytest
from pytest_django import DjangoAssertNumQueries

from kindveilig.core.counts import count_each

pytestmark = [pytest.mark.django_db]


def test_each_count_equals_its_querysets_count_in_one_query(
    django_assert_num_queries: Callable[[int], DjangoAssertNumQueries],
) -> None:
    querysets = {
        "all": Permission.objects.all(),
        "joined": Permission.objects.filter(content_type__app_label="auth"),
        "ordered": ContentType.objects.filter(
            Q(app_label="auth") | Q(model__startswith="p")
        ).order_by("-model"),
        "distinct": Permission.objects.filter(
            content_type__app_label__in=["auth", "contenttypes"]
        ).distinct(),
        "none": Permission.objects.none(),
        "nothing matches": Permission.objects.filter(codename="no such codename"),
    }
    expected = {name: queryset.count() for name, queryset in querysets.items()}
    assert expected["all"] > expected["joined"] > 0
    with django_assert_num_queries(1):
        assert count_each(querysets) == expected


def test_nothing_to_count_asks_nothing(
    django_assert_num_queries: Callable[[int], DjangoAssertNumQueries],
) -> None:
    with django_assert_num_queries(0):
        assert count_each({}) == {}
        assert count_each({1: Permission.objects.none()}) == {1: 0}
