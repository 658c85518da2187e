"""One audit chain per organisation (issue 17): writers in different
organisations never wait for each other, each chain verifies on its own, and
the sealed checkpoints tie the chains together so that the whole log stays
tamper-evident."""

import json
import threading
import uuid
from io import StringIO
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection, transaction
from django.utils import timezone

import pytest

from kindveilig.access.actor import Actor
from kindveilig.audit.chain import (
    GENESIS_HASH,
    event_content,
    heads_from_json,
    heads_hash,
    record_hash,
)
from kindveilig.audit.models import (
    AuditAction,
    AuditChainHead,
    AuditCheckpoint,
    AuditEvent,
)
from kindveilig.audit.seal import checkpoint_seal, sink_append
from kindveilig.audit.selectors import audit_log_verify
from kindveilig.audit.services import (
    audit_chain_lock,
    audit_log_verify_and_checkpoint,
    audit_record,
)

from .test_chain import raw_sql, write_records
from .test_seal import triggers_disabled

pytestmark = [pytest.mark.django_db]


def write(actor: Actor | None, count: int = 1) -> list[AuditEvent]:
    return [
        audit_record(
            actor=actor,
            action=AuditAction.READ,
            object_type="persons.person",
            object_id=str(uuid.uuid4()),
            person_id=uuid.uuid4(),
            reason=f"test {n}",
        )
        for n in range(count)
    ]


def chain_rows(chain: int) -> list[tuple[int, str, str]]:
    return list(
        AuditEvent.objects.filter(chain=chain)
        .order_by("seq")
        .values_list("seq", "prev_hash", "hash")
    )


def problems_of_both_checks() -> list[str]:
    """The problems of the incremental and of the full check (both must fail)."""
    found = []
    for full in (False, True):
        result = audit_log_verify(full=full)
        assert not result.ok
        found.extend(result.problems)
        with pytest.raises(CommandError):
            call_command(
                "verify_audit_log",
                *(["--full"] if full else []),
                stdout=StringIO(),
                stderr=StringIO(),
            )
    return found


@pytest.fixture
def two_chains(professional: Any, outsider: Any) -> tuple[int, int]:
    """Three records of one organisation and two of another, interleaved, one
    without an organisation, and a passing check: a sealed checkpoint."""
    a, b = professional.actor, outsider.actor
    write(a)
    write(b)
    write(a)
    write(None)
    write(b)
    write(a)
    assert audit_log_verify_and_checkpoint().ok
    return a.organisation_id, b.organisation_id


def test_each_organisation_appends_to_its_own_chain(
    two_chains: tuple[int, int],
) -> None:
    a, b = two_chains
    for chain, length in ((a, 3), (b, 2), (0, 1)):
        rows = chain_rows(chain)
        assert [seq for seq, _prev, _hash in rows] == list(range(1, length + 1))
        # Each record links to the one before it in its own chain.
        assert [prev for _seq, prev, _hash in rows] == [GENESIS_HASH] + [
            digest for _seq, _prev, digest in rows[:-1]
        ]
    heads = {h.chain: (h.last_seq, h.last_hash) for h in AuditChainHead.objects.all()}
    assert heads == {
        a: (3, chain_rows(a)[-1][2]),
        b: (2, chain_rows(b)[-1][2]),
        0: (1, chain_rows(0)[-1][2]),
    }
    checkpoint = AuditCheckpoint.objects.get()
    assert checkpoint.seq == 6
    assert checkpoint.hash == heads_hash(heads)
    assert checkpoint.heads == {
        str(chain): [seq, digest] for chain, (seq, digest) in heads.items()
    }


def test_a_check_after_the_checkpoint_walks_only_the_new_records(
    two_chains: tuple[int, int], professional: Any
) -> None:
    write(professional.actor, 2)
    result = audit_log_verify()
    assert result.ok, result.problems
    assert (result.checked, result.start_seq, result.last_seq) == (2, 6, 8)
    assert audit_log_verify(full=True).checked == 8


def test_the_sink_line_lists_every_chain(two_chains: tuple[int, int]) -> None:
    line = json.loads(Path(settings.KINDVEILIG_AUDIT_SINK).read_text().splitlines()[-1])
    assert line["heads"] == AuditCheckpoint.objects.get().heads
    assert set(line["heads"]) == {str(two_chains[0]), str(two_chains[1]), "0"}


@pytest.mark.django_db(transaction=True)
def test_writers_in_different_organisations_never_wait_for_each_other(
    professional: Any, outsider: Any, make_persona: Any
) -> None:
    """One writer of organisation A holds its transaction open. A writer of
    organisation B writes at once; a second writer of A waits for the first
    (here: gives up after 200 ms). With one chain for all, B would wait too."""
    colleague = make_persona(professional.membership.role, professional.organisation)
    write(professional.actor)  # both heads exist before the race
    write(outsider.actor)
    holding, release = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def hold_a() -> None:
        try:
            with transaction.atomic():
                write(professional.actor)
                holding.set()
                release.wait(timeout=30)
        except BaseException as error:  # reported by the test
            failures.append(error)
            holding.set()
        finally:
            connection.close()

    def write_quickly(actor: Actor) -> None:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '200ms'")
            write(actor)

    thread = threading.Thread(target=hold_a)
    thread.start()
    try:
        assert holding.wait(timeout=30)
        write_quickly(outsider.actor)  # B does not wait for A
        with pytest.raises(OperationalError, match="lock timeout"):
            write_quickly(colleague.actor)  # A's second writer does
    finally:
        release.set()
        thread.join(timeout=30)
    assert not failures
    assert dict(AuditChainHead.objects.values_list("chain", "last_seq")) == {
        professional.organisation.pk: 2,
        outsider.organisation.pk: 2,
    }
    assert audit_log_verify().ok


def test_a_changed_record_names_its_chain(two_chains: tuple[int, int]) -> None:
    a, _b = two_chains
    raw_sql(
        "UPDATE audit_auditevent SET reason = %s WHERE chain = %s AND seq = %s",
        ["changed", a, 2],
    )
    full = audit_log_verify(full=True)
    assert full.problems == [
        f"Record #2 of chain {a} was changed after it was written."
    ]


def test_a_record_moved_to_another_chain_is_found(
    two_chains: tuple[int, int],
) -> None:
    """The last record of A, moved to follow B's last: A ends short of its head
    and lost the record its checkpoint sealed, and B has a record its head
    never saw."""
    a, b = two_chains
    raw_sql(
        "UPDATE audit_auditevent SET chain = %s WHERE chain = %s AND seq = %s",
        [b, a, 3],
    )
    problems = problems_of_both_checks()
    assert f"Record #3 of chain {a}, the last verified one, is missing." in problems
    assert any(
        f"Records up to #3 of chain {b} follow the head (#2)" in p for p in problems
    )


def test_a_chain_removed_as_a_whole_is_found(two_chains: tuple[int, int]) -> None:
    """Records and head of one organisation gone: the other chains still
    verify on their own, but the sealed checkpoint named that chain's head."""
    a, _b = two_chains
    with triggers_disabled() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE chain = %s", [a])
        cursor.execute("DELETE FROM audit_auditchainhead WHERE chain = %s", [a])
    problems = problems_of_both_checks()
    assert f"Record #3 of chain {a}, the last verified one, is missing." in problems
    assert any("before sealed checkpoint #6" in p for p in problems)


def test_a_chain_rewritten_with_fresh_hashes_is_found(
    two_chains: tuple[int, int],
) -> None:
    """Every record of chain A rewritten and rehashed, its head moved along: A
    verifies on its own, the seal over all heads does not."""
    a, _b = two_chains
    prev_hash = GENESIS_HASH
    for event in AuditEvent.objects.filter(chain=a).order_by("seq"):
        event.reason = "rewritten"
        event.prev_hash = prev_hash
        prev_hash = record_hash(prev_hash, event_content(event))
        raw_sql(
            "UPDATE audit_auditevent SET reason = %s, prev_hash = %s, hash = %s "
            "WHERE id = %s",
            ["rewritten", event.prev_hash, prev_hash, event.pk],
        )
    AuditChainHead.objects.filter(chain=a).update(last_hash=prev_hash)
    assert (
        problems_of_both_checks().count(
            f"Record #3 of chain {a} no longer has the hash of the last verification."
        )
        == 2
    )


def test_a_checkpoint_with_other_heads_is_found(two_chains: tuple[int, int]) -> None:
    """The checkpoint's list of heads edited (to hide a chain): its seal covers
    the hash of the list, so the edit shows."""
    a, _b = two_chains
    checkpoint = AuditCheckpoint.objects.get()
    heads = dict(checkpoint.heads)
    del heads[str(a)]
    with triggers_disabled() as cursor:
        cursor.execute(
            "UPDATE audit_auditcheckpoint SET heads = %s WHERE id = %s",
            [json.dumps(heads), checkpoint.pk],
        )
    assert any(
        "Checkpoint #6 lists other chain heads than it sealed" in p
        for p in problems_of_both_checks()
    )


def test_a_sink_line_with_other_heads_is_refused(two_chains: tuple[int, int]) -> None:
    path = Path(settings.KINDVEILIG_AUDIT_SINK)
    line = json.loads(path.read_text().splitlines()[-1])
    line["heads"] = {"0": line["heads"]["0"]}
    path.write_text(json.dumps(line) + "\n")
    assert any(
        "Line 1 of the audit sink (checkpoint #6) has an invalid seal" in p
        for p in problems_of_both_checks()
    )


def test_records_in_a_chain_without_a_head_are_found(
    two_chains: tuple[int, int],
) -> None:
    """A record forged into a chain no organisation ever wrote."""
    event = AuditEvent(
        chain=999_999,
        seq=1,
        occurred_at=timezone.now(),
        action=AuditAction.READ,
        object_type="persons.person",
        prev_hash=GENESIS_HASH,
    )
    event.hash = record_hash(GENESIS_HASH, event_content(event))
    event.save()
    assert any(
        "Records up to #1 of chain 999999 follow the head (#0)" in p
        for p in problems_of_both_checks()
    )


def test_a_checkpoint_from_before_the_split_is_a_valid_start(
    professional: Any,
) -> None:
    """The migration keeps every earlier record in chain 0 and its checkpoints
    as they were (one record's seq and hash, no heads): the next check starts
    there and covers the organisations' new chains."""
    events = write_records(4)
    old = AuditCheckpoint(
        seq=4,
        hash=events[-1].hash,
        verified_at=timezone.now(),
        records_checked=4,
        full=True,
    )
    old.seal = checkpoint_seal(old)
    old.save()
    sink_append(old)
    write(professional.actor, 2)
    result = audit_log_verify_and_checkpoint()
    assert result.ok, result.problems
    assert (result.start_seq, result.checked, result.last_seq) == (4, 2, 6)
    assert audit_log_verify(full=True).ok
    raw_sql(
        "UPDATE audit_auditevent SET reason = %s WHERE chain = 0 AND seq = 4", ["x"]
    )
    assert "Record #4 was changed after it was written." in audit_log_verify().problems


@pytest.mark.parametrize("heads", [[1, 2], {"12": "not a pair"}])
def test_a_checkpoint_whose_heads_cannot_be_read_is_not_trusted(
    two_chains: tuple[int, int], heads: object
) -> None:
    checkpoint = AuditCheckpoint.objects.get()
    with triggers_disabled() as cursor:
        cursor.execute(
            "UPDATE audit_auditcheckpoint SET heads = %s WHERE id = %s",
            [json.dumps(heads), checkpoint.pk],
        )
    assert any(
        "Checkpoint #6 lists other chain heads than it sealed" in p
        for p in problems_of_both_checks()
    )


def test_heads_are_an_object_of_pairs() -> None:
    with pytest.raises(ValueError, match="heads must be an object"):
        heads_from_json([["12", 3, "ab"]])
    assert heads_from_json({"12": [3, "ab"]}) == {12: (3, "ab")}


def test_a_service_locks_its_organisations_chain_before_its_own_locks(
    professional: Any,
) -> None:
    with transaction.atomic():
        audit_chain_lock(professional.actor)
        head = AuditChainHead.objects.get(chain=professional.organisation.pk)
        assert (head.last_seq, head.last_hash) == (0, GENESIS_HASH)
