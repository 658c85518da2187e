"""Several counts in one query.

``count_each({"a": qs1, "b": qs2})`` asks the database once,
``SELECT (SELECT COUNT(*) FROM (<qs1>) AS counted), (SELECT COUNT(*) ...)``,
and answers ``{"a": qs1.count(), "b": qs2.count()}``: a page that shows many
counts (the start page) pays one round trip and one query compilation less
per count. An empty queryset (``.none()``) counts 0 without asking.
"""

from collections.abc import Hashable, Mapping
from typing import Any

from django.db import connections
from django.db.models import QuerySet

__all__ = ["count_each"]


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
