"""One audit write per request for everything it showed (issue 17): the reads
of a request are kept and written together before the response leaves."""

import uuid
from typing import Any

from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from kindveilig.audit import services
from kindveilig.audit.models import AuditAction, AuditEvent
from kindveilig.audit.selectors import audit_log_verify
from kindveilig.audit.services import (
    AuditItem,
    audit_reads_deferred,
    audit_reads_flush,
    audit_record,
    audit_record_many,
)
from kindveilig.meldcode import scenarios

pytestmark = [pytest.mark.django_db]


def read(actor: Any, label: str) -> None:
    audit_record(
        actor=actor,
        action=AuditAction.READ,
        object_type="persons.person",
        object_id=label,
        person_id=uuid.uuid4(),
        reason=label,
    )


def audit_inserts(queries: CaptureQueriesContext) -> int:
    return sum(
        1
        for query in queries.captured_queries
        if query["sql"].startswith('INSERT INTO "audit_auditevent"')
    )


def test_the_reads_of_a_block_are_written_at_its_flush_in_one_insert(
    professional: Any,
) -> None:
    actor = professional.actor
    with CaptureQueriesContext(connection) as queries, audit_reads_deferred():
        read(actor, "first")
        audit_record_many(
            actor=actor,
            action=AuditAction.READ,
            items=[
                AuditItem(obj=None, person_id=None, object_type="x", object_id="2"),
                AuditItem(obj=None, person_id=None, object_type="x", object_id="3"),
            ],
        )
        read(actor, "last")
        assert not AuditEvent.objects.exists()  # kept, not yet written
        assert audit_reads_flush() == 4
    assert audit_inserts(queries) == 1
    written = list(AuditEvent.objects.order_by("seq"))
    assert [event.object_id for event in written] == ["first", "2", "3", "last"]
    assert [event.seq for event in written] == [1, 2, 3, 4]
    assert {event.reason for event in written} == {"first", "", "last"}
    assert audit_log_verify().ok


def test_changes_and_reads_inside_a_transaction_are_written_at_once(
    professional: Any,
) -> None:
    actor = professional.actor
    with audit_reads_deferred():
        audit_record(actor=actor, action=AuditAction.CREATE, object_type="x")
        with transaction.atomic():
            read(actor, "inside")
        assert AuditEvent.objects.count() == 2
        assert audit_reads_flush() == 0


def test_outside_a_request_every_read_is_written_at_once(professional: Any) -> None:
    read(professional.actor, "now")
    assert AuditEvent.objects.filter(object_id="now").exists()


def test_reads_of_two_actors_go_to_their_own_chains(
    professional: Any, outsider: Any
) -> None:
    with audit_reads_deferred():
        read(professional.actor, "a")
        read(outsider.actor, "b")
        read(professional.actor, "c")
        audit_reads_flush()
    assert dict(AuditEvent.objects.values_list("object_id", "chain")) == {
        "a": professional.organisation.pk,
        "b": outsider.organisation.pk,
        "c": professional.organisation.pk,
    }
    assert audit_log_verify().ok


def test_a_page_whose_reads_cannot_be_written_is_not_shown(
    client: Any, login: Any, professional: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write fails (as a full disk or a lost connection would make it):
    the answer is the error page, not the page that showed the data."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise DatabaseError("disk full")

    trajectory = scenarios.start(professional.actor, given_name="Ravi (test)")
    detail = reverse("meldcode:trajectory-detail", args=[trajectory.public_id])
    login(client, professional)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(detail)
    assert page.status_code == 200
    assert "Ravi (test)" in page.content.decode()
    assert audit_inserts(queries) == 1
    monkeypatch.setattr(services, "_append", refuse)
    client.raise_request_exception = False
    refused = client.get(detail)
    assert refused.status_code == 500
    assert "Ravi (test)" not in refused.content.decode()
