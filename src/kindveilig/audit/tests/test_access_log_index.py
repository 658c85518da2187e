"""A person's access log: the newest 500 records, long reasons included, read
from the covering index without touching the table (issue 17)."""

import uuid
from collections.abc import Iterator
from typing import Any

from django.db import connection
from django.utils import formats, timezone
from django.utils.translation import gettext as _

import pytest

from kindveilig.audit.models import AuditAction
from kindveilig.audit.selectors import access_log_rows, access_log_rows_query
from kindveilig.audit.services import AuditItem, audit_record, audit_record_many

pytestmark = [pytest.mark.django_db]

LONG = "Ernstige zorg: " + "het kind is alleen thuis en niet bereikbaar. " * 60


def test_the_access_log_is_newest_first_with_long_reasons_and_a_limit() -> None:
    person_id = uuid.uuid4()
    audit_record(
        actor=None, action=AuditAction.READ, object_type="t.a", person_id=person_id
    )
    audit_record(
        actor=None,
        action=AuditAction.READ,
        object_type="t.long",
        person_id=person_id,
        reason=LONG,
    )
    audit_record(
        actor=None, action=AuditAction.PRINT, object_type="t.b", person_id=person_id
    )
    audit_record(actor=None, action=AuditAction.READ, object_type="t.other")
    rows = access_log_rows(person_id=person_id)
    assert [(row.object_type, row.action_label) for row in rows] == [
        ("t.b", str(AuditAction.PRINT.label)),
        ("t.long", str(AuditAction.READ.label)),
        ("t.a", str(AuditAction.READ.label)),
    ]
    assert rows[1].reason == LONG
    assert rows[0].who == _("the system")
    assert rows[0].organisation == rows[0].reason == "–"
    for row in rows:  # what the date filter wrote, in the local time zone
        assert row.when == formats.date_format(
            timezone.localtime(row.occurred_at), "j F Y H:i:s"
        )
    assert [
        row.object_type for row in access_log_rows(person_id=person_id, limit=2)
    ] == [
        "t.b",
        "t.long",
    ]


def _scans(node: dict[str, Any]) -> Iterator[tuple[str, str]]:
    if "Index Name" in node:
        yield node["Node Type"], node["Index Name"]
    for child in node.get("Plans", []):
        yield from _scans(child)


def _index_scans(person_id: uuid.UUID) -> set[tuple[str, str]]:
    sql, params = access_log_rows_query(person_id=person_id).query.sql_with_params()
    with connection.cursor() as cursor:
        # Few rows in a test database: make the planner use an index, then see
        # which one and whether it needs the table.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        [plan] = cursor.fetchone()[0]
    return {scan for scan in _scans(plan["Plan"]) if "audit" in scan[1]}


def test_the_access_log_is_read_from_the_covering_index() -> None:
    """Every column the page shows is in ``audit_person_log``: PostgreSQL
    answers with an index-only scan (no table page per record)."""
    person_id = uuid.uuid4()
    audit_record_many(
        actor=None,
        action=AuditAction.READ,
        items=[AuditItem(obj=None, object_type="t.a", person_id=person_id)] * 30,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE audit_auditevent")
    assert _index_scans(person_id) == {
        ("Index Only Scan", "audit_person_log"),
        ("Index Scan", "audit_person_long_reason"),
    }
