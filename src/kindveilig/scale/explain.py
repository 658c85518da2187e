"""The main queries run directly in PostgreSQL with EXPLAIN ANALYZE: what the
database itself needs, without Django, templates or the network."""

import json
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count, QuerySet

from kindveilig.accounts.models import Membership
from kindveilig.audit.models import AuditChainHead
from kindveilig.audit.selectors import access_log_rows_query
from kindveilig.kansrijkestart.models import ContactMoment, SignalStatus, StartSignal
from kindveilig.meldcode.models import Trajectory
from kindveilig.meldcode.models.choices import Status
from kindveilig.persons.models import Person
from kindveilig.persons.selectors import name_search_ids

__all__ = ["ExplainedQuery", "explain_kansrijke_start", "explain_main_queries"]


@dataclass(frozen=True)
class ExplainedQuery:
    name: str
    execution_ms: float
    planning_ms: float
    plan_top: str

    def as_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _explain(name: str, sql: str, params: Any) -> ExplainedQuery:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", params)
        raw = cursor.fetchone()[0]
    plan = (json.loads(raw) if isinstance(raw, str) else raw)[0]
    top = plan["Plan"]
    node = top
    while node.get("Plans") and node["Node Type"] in ("Limit", "Sort", "Aggregate"):
        node = node["Plans"][0]
    label = node["Node Type"] + (
        f" using {node['Index Name']}" if "Index Name" in node else ""
    )
    # How many rows the query returned: a time is read against what it produced.
    label += f", {top.get('Actual Rows', 0)} rows"
    return ExplainedQuery(
        name=name,
        execution_ms=round(plan["Execution Time"], 3),
        planning_ms=round(plan["Planning Time"], 3),
        plan_top=label,
    )


def _query(name: str, queryset: QuerySet[Any]) -> ExplainedQuery:
    sql, params = queryset.query.sql_with_params()
    return _explain(name, sql, params)


def _count(name: str, queryset: QuerySet[Any]) -> ExplainedQuery:
    """The count a paginator runs: COUNT(*) over the filtered rows."""
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    # The SQL is Django's own compiled query; the values stay parameters.
    counted = f"SELECT COUNT(*) FROM ({sql}) AS counted"  # noqa: S608
    return _explain(name, counted, params)


def explain_main_queries(*, membership: Membership) -> list[ExplainedQuery]:
    """The list, detail, person and access-log queries as the busiest
    organisation's aandachtsfunctionaris runs them."""
    # The aandachtsfunctionaris sees every trajectory of the organisation.
    visible = Trajectory.objects.filter(organisation_id=membership.organisation_id)
    trajectory = visible.order_by("-created_at").first()
    person = (
        Person.objects.filter(registered_by_id=membership.organisation_id)
        .exclude(bsn_index="")
        .first()
    )
    assert trajectory is not None
    assert person is not None
    page = visible.order_by("-is_acute", "-created_at", "-pk")
    open_page = page.exclude(status=Status.CLOSED)
    persons = Person.objects.filter(registered_by_id=membership.organisation_id)
    results = [
        _query("trajectory list (open tab): page of 50", open_page[:50]),
        _count("trajectory list (open tab): count", open_page),
        _query("trajectory list (all): page of 50", page[:50]),
        _count("trajectory list (all): count", visible),
        _query(
            "trajectory detail: by public id",
            Trajectory.objects.filter(public_id=trajectory.public_id).select_related(
                "owner", "organisation", "framework", "aandachtsfunctionaris"
            ),
        ),
        _query(
            "chronology: observations",
            trajectory.observations.select_related("created_by"),
        ),
        _query(
            "person list: page of 50",
            persons.order_by("-pk")[:50],
        ),
        _query(
            "child search: by name (ids of the first 50)",
            name_search_ids(
                persons,
                person.family_name.split(" ")[0],
                organisation_id=membership.organisation_id,
            ),
        ),
        _query(
            "child search: by BSN (blind index)",
            persons.filter(bsn_index=person.bsn_index).order_by("pk")[:50],
        ),
        _query(
            "access log: 500 newest of a person",
            access_log_rows_query(person_id=person.public_id),
        ),
        _query(
            "audit chain head (locked by each writer of its organisation)",
            AuditChainHead.objects.filter(chain=0),
        ),
    ]
    results += explain_kansrijke_start()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_live_tup, pg_total_relation_size(relid) "
            "FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC "
            "LIMIT 8"
        )
        for relname, rows, size in cursor.fetchall():
            results.append(
                ExplainedQuery(
                    name=f"table {relname}",
                    execution_ms=0.0,
                    planning_ms=0.0,
                    plan_top=f"{rows} rows, {size / 1e6:.0f} MB",
                )
            )
    return results


def explain_kansrijke_start() -> list[ExplainedQuery]:
    """The JGZ nurse's pages as the busiest follow-up organisation has them:
    her list of open signals (the page and its count), a signal by its public
    id, and its contact moments (``kansrijkestart.selectors``). Nothing when
    there are no signals."""
    busiest = (
        StartSignal.objects.exclude(status=SignalStatus.CLOSED)
        .values("follow_up_organisation_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    if busiest is None:
        return []
    mine = StartSignal.objects.filter(
        follow_up_organisation_id=busiest["follow_up_organisation_id"]
    ).exclude(status=SignalStatus.CLOSED)
    page = mine.select_related(
        "parent", "child", "organisation", "follow_up_user"
    ).order_by("-created_at", "-id")
    signal = page.first()
    assert signal is not None
    return [
        _query("Kansrijke Start follow-up list: page of 50", page[:50]),
        _count("Kansrijke Start follow-up list: count", mine),
        _query(
            "Kansrijke Start signal: by public id",
            StartSignal.objects.filter(public_id=signal.public_id).select_related(
                "parent", "child", "organisation", "follow_up_organisation"
            ),
        ),
        _query(
            "Kansrijke Start signal: its contact moments",
            ContactMoment.objects.filter(signal=signal).order_by("happened_on", "id"),
        ),
    ]
