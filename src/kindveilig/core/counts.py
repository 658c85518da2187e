"""Fewer COUNT queries: several counts in one query, and no count for a
first page that is not full.

``count_each({"a": qs1, "b": qs2})`` asks the database once,
``SELECT (SELECT COUNT(*) FROM (<qs1>) AS counted), (SELECT COUNT(*) ...)``,
and answers ``{"a": qs1.count(), "b": qs2.count()}``: a page that shows many
counts (the start page) pays one round trip and one query compilation less
per count. An empty queryset (``.none()``) counts 0 without asking.
"""

from collections.abc import Hashable, Mapping
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import Model, QuerySet

__all__ = ["count_each", "page_of"]


def count_each[K: Hashable](querysets: Mapping[K, QuerySet[Any]]) -> dict[K, int]:
    counts = dict.fromkeys(querysets, 0)
    asked = [
        (key, queryset)
        for key, queryset in querysets.items()
        if not queryset.query.is_empty()
    ]
    if not asked:
        return counts
    parts: list[str] = []
    params: list[Any] = []
    for _key, queryset in asked:
        # The rows' primary keys only, unordered: what ``count()`` counts.
        # The SQL is Django's own compilation; every value stays a parameter.
        sql, query_params = queryset.order_by().values("pk").query.sql_with_params()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted)")  # noqa: S608
        params.extend(query_params)
    databases = {queryset.db for _key, queryset in asked}
    if len(databases) != 1:
        raise ValueError("count_each counts in one database only.")
    with connections[databases.pop()].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    for (key, _queryset), count in zip(asked, row, strict=True):
        counts[key] = int(count)
    return counts


def page_of[M: Model](
    queryset: QuerySet[M], page_number: int | str | None, per_page: int
) -> Page[M]:
    """``Paginator(queryset, per_page).get_page(page_number)``, the same page
    and page numbers, without its COUNT query when the first page is asked and
    is not full: then its rows are all there are. Most lists of one person's
    open work fit on the first page."""
    paginator = Paginator(queryset, per_page)
    if page_number not in (None, "", 1, "1"):  # get_page's page 1 for None and ""
        return paginator.get_page(page_number)
    rows = list(queryset[:per_page])
    if len(rows) < per_page:
        paginator.count = len(rows)  # the cached_property, known without a query
    return Page(rows, 1, paginator)
