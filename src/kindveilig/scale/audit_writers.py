"""Audited writes per second with 1 to 32 parallel writers (issue 17, item 3).

Each writer is a thread with its own database connection that appends one
audit record per transaction, as an audited request does, for a fixed time.
Measured twice: every writer in another organisation (each its own chain: they
should not wait for each other) and every writer in the same organisation (one
chain: the writers queue on its head, as every writer did before the split).
The records are real records in the real log; the chain verifies afterwards.
"""

import statistics
import threading
import time
import uuid
from dataclasses import asdict, dataclass

from django.db import connection, transaction

from kindveilig.access.actor import Actor
from kindveilig.accounts.models import Membership
from kindveilig.audit.models import AuditAction
from kindveilig.audit.services import audit_record

__all__ = ["WriterRun", "measure_audit_writers"]

OBJECT_TYPE = "scale.auditwriterbench"


@dataclass(frozen=True)
class WriterRun:
    writers: int
    same_organisation: bool
    writes: int
    seconds: float
    writes_per_second: float
    median_ms: float
    p95_ms: float


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _actors(count: int, *, same_organisation: bool) -> list[Actor]:
    """One actor per writer: from ``count`` different organisations, or all
    from the first one."""
    if same_organisation:
        membership = (
            Membership.objects.filter(organisation__isnull=False)
            .select_related("user", "organisation")
            .order_by("pk")
            .first()
        )
        if membership is None:
            return []
        return [Actor(user=membership.user, membership=membership)] * count
    memberships = list(
        Membership.objects.filter(organisation__isnull=False)
        .order_by("organisation_id", "pk")
        .distinct("organisation_id")
        .select_related("user", "organisation")[:count]
    )
    if len(memberships) < count:
        return []
    return [Actor(user=m.user, membership=m) for m in memberships]


def _writer(
    actor: Actor, start: threading.Barrier, seconds: float, out: list[float]
) -> None:
    try:
        connection.ensure_connection()
        start.wait(timeout=60)
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            with transaction.atomic():
                audit_record(
                    actor=actor,
                    action=AuditAction.READ,
                    object_type=OBJECT_TYPE,
                    object_id=str(uuid.uuid4()),
                )
            out.append((time.perf_counter() - began) * 1000)
    finally:
        connection.close()


def measure_one(writers: int, *, seconds: float, same_organisation: bool) -> WriterRun:
    actors = _actors(writers, same_organisation=same_organisation)
    if not actors:
        raise ValueError(f"Not enough organisations with a member for {writers}.")
    start = threading.Barrier(writers + 1)
    timings: list[list[float]] = [[] for _ in actors]
    threads = [
        threading.Thread(target=_writer, args=(actor, start, seconds, out))
        for actor, out in zip(actors, timings, strict=True)
    ]
    for thread in threads:
        thread.start()
    start.wait(timeout=60)
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    every = [ms for out in timings for ms in out]
    return WriterRun(
        writers=writers,
        same_organisation=same_organisation,
        writes=len(every),
        seconds=round(elapsed, 2),
        writes_per_second=round(len(every) / elapsed, 1),
        median_ms=round(statistics.median(every), 2) if every else 0.0,
        p95_ms=round(_p95(every), 2) if every else 0.0,
    )


def measure_audit_writers(
    *, writers: list[int], seconds: float
) -> list[dict[str, object]]:
    """Both modes for every number of writers, organisations first."""
    runs = []
    for same_organisation in (False, True):
        for count in writers:
            run = measure_one(
                count, seconds=seconds, same_organisation=same_organisation
            )
            runs.append(asdict(run))
    return runs
