"""count_each: the same numbers as count(), in one query; page_of: the
Paginator's page, without a count for a first page that is not full."""

from collections.abc import Callable

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Q

import pytest
from pytest_django import DjangoAssertNumQueries

from kindveilig.core.counts import count_each, page_of

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


@pytest.mark.parametrize("rows", [0, 3, 4, 5, 9])
@pytest.mark.parametrize("number", [None, "", 1, "1", 2, "2", 3, "99", "x", 0])
def test_a_page_is_the_paginators_page(rows: int, number: int | str | None) -> None:
    ContentType.objects.filter(app_label="test-pages").delete()
    for index in range(rows):
        ContentType.objects.create(app_label="test-pages", model=f"m{index}")
    queryset = ContentType.objects.filter(app_label="test-pages").order_by("model")
    expected = Paginator(queryset, 4).get_page(number)
    page = page_of(queryset, number, 4)
    assert list(page) == list(expected)
    assert page.number == expected.number
    assert page.paginator.count == expected.paginator.count
    assert page.paginator.num_pages == expected.paginator.num_pages
    assert (page.has_next(), page.has_previous()) == (
        expected.has_next(),
        expected.has_previous(),
    )


def test_a_first_page_that_is_not_full_needs_no_count(
    django_assert_num_queries: Callable[[int], DjangoAssertNumQueries],
) -> None:
    queryset = Permission.objects.order_by("pk")
    total = queryset.count()
    with django_assert_num_queries(1):
        page = page_of(queryset, None, total + 1)
        assert page.paginator.count == total
        assert page.paginator.num_pages == 1
    with django_assert_num_queries(2):  # full: the count is needed
        page = page_of(queryset, 1, total)
        assert page.paginator.num_pages == 1
