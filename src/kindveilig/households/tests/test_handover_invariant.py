"""Warm overdragen: no case ever ends up with nobody responsible.

The database refuses a case without a responsible organisation or regievoerder
(NOT NULL, PROTECT) and a second waiting handover. The services move regie only
on acceptance. An exhaustive test runs every sequence of handover operations
(offer, accept, accept by the wrong person, reject, withdraw, offer by a
stranger) up to length 6 and checks the invariant after every step against a
small model of what should have happened.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

import pytest

from kindveilig.access.actor import Actor
from kindveilig.households.models import Handover, HandoverStatus, Household, SafetyCase
from kindveilig.households.services import (
    handover_accept,
    handover_create_for_case,
    handover_reject,
    handover_withdraw,
    responsibility_intact,
)
from kindveilig.households.services.common import actor_for_user
from kindveilig.meldcode import scenarios
from kindveilig.organisations.models import Organisation

pytestmark = [pytest.mark.django_db]

OPERATIONS = ["offer", "accept", "accept_wrong", "reject", "withdraw", "offer_stranger"]
MAX_DEPTH = 6


class World:
    """The actors, the case, and the model of who should be responsible."""

    def __init__(
        self,
        case: SafetyCase,
        lt: Actor,
        lt_colleague: Actor,
        jb: Actor,
        stranger: Actor,
    ) -> None:
        self.case = case
        self.lt_org = lt.organisation
        self.jb_org = jb.organisation
        self.receivers = {lt.organisation_id: lt_colleague, jb.organisation_id: jb}
        self.stranger = stranger
        self.responsible = lt.organisation_id
        self.pending_to: int | None = None

    def regie(self) -> Actor:
        self.case.refresh_from_db()
        actor = actor_for_user(
            self.case.regievoerder, self.case.responsible_organisation_id
        )
        assert actor is not None
        return actor

    def other_org(self) -> Organisation:
        return self.jb_org if self.responsible == self.lt_org.pk else self.lt_org

    def pending(self) -> Handover | None:
        return self.case.handovers.filter(status=HandoverStatus.PENDING).first()

    def latest(self) -> Handover | None:
        return self.case.handovers.order_by("-created_at", "-pk").first()

    # Each operation returns whether the service accepted it.
    def offer(self) -> bool:
        handover_create_for_case(
            actor=self.regie(),
            case=self.case,
            to_organisation=self.other_org(),
            note="Warm.",
        )
        return True

    def offer_stranger(self) -> bool:
        handover_create_for_case(
            actor=self.stranger,
            case=self.case,
            to_organisation=self.other_org(),
            note="X",
        )
        return True

    def _receiver_of(self, handover: Handover) -> Actor:
        return self.receivers[handover.to_organisation_id]

    def accept(self) -> bool:
        handover = self.latest()
        if handover is None:
            raise ValidationError("nothing to accept")
        handover_accept(actor=self._receiver_of(handover), handover=handover)
        return True

    def accept_wrong(self) -> bool:
        handover = self.latest()
        if handover is None:
            raise ValidationError("nothing to accept")
        handover_accept(actor=self.stranger, handover=handover)
        return True

    def reject(self) -> bool:
        handover = self.latest()
        if handover is None:
            raise ValidationError("nothing to reject")
        handover_reject(
            actor=self._receiver_of(handover), handover=handover, note="Nee."
        )
        return True

    def withdraw(self) -> bool:
        handover = self.latest()
        if handover is None:
            raise ValidationError("nothing to withdraw")
        sender = actor_for_user(handover.from_user, handover.from_organisation_id)
        assert sender is not None
        handover_withdraw(actor=sender, handover=handover)
        return True

    def expect(self, operation: str) -> bool:
        """Apply the operation to the model; say whether it should succeed."""
        if operation == "offer":
            if self.pending_to is not None:
                return False
            self.pending_to = self.other_org().pk
            return True
        if operation in ("accept", "reject", "withdraw"):
            if self.pending_to is None:
                return False
            if operation == "accept":
                self.responsible = self.pending_to
            self.pending_to = None
            return True
        return False  # accept_wrong, offer_stranger: always refused

    def check(self, history: tuple[str, ...]) -> None:
        self.case.refresh_from_db()
        assert responsibility_intact(self.case), history
        assert self.case.responsible_organisation_id == self.responsible, history
        pending = list(self.case.handovers.filter(status=HandoverStatus.PENDING))
        assert len(pending) <= 1, history
        assert [h.to_organisation_id for h in pending] == (
            [self.pending_to] if self.pending_to else []
        ), history
        for handover in pending:  # the sender keeps responsibility meanwhile
            assert (
                handover.from_organisation_id == self.case.responsible_organisation_id
            )


def snapshot(case: SafetyCase) -> tuple[object, ...]:
    case.refresh_from_db()
    return (
        case.version,
        case.regievoerder_id,
        case.responsible_organisation_id,
        tuple(case.handovers.order_by("pk").values_list("status", flat=True)),
    )


def explore(
    world: World, depth: int, history: tuple[str, ...], seen: list[int]
) -> None:
    """Try every operation from this state. A refused operation must change
    nothing (checked against a snapshot), so every sequence that continues
    after it is the same as one without it: only accepted operations are
    explored further. That covers every sequence up to ``depth``."""
    if depth == 0:
        return
    for operation in OPERATIONS:
        model = (world.responsible, world.pending_to)
        before = snapshot(world.case)
        with transaction.atomic():
            should_succeed = world.expect(operation)
            action: Callable[[], bool] = getattr(world, operation)
            try:
                with transaction.atomic():
                    succeeded = action()
            except ValidationError:
                succeeded = False
            path = (*history, operation)
            assert succeeded is should_succeed, path
            world.check(path)
            seen.append(len(path))
            if succeeded:
                explore(world, depth - 1, path, seen)
            else:
                assert snapshot(world.case) == before, path
            transaction.set_rollback(True)
        world.responsible, world.pending_to = model


def test_every_sequence_of_handover_operations_keeps_someone_responsible(
    household: Household,
    lt: Actor,
    lt_colleague: Actor,
    jb_worker: Actor,
    other_prof: Actor,
) -> None:
    world = World(household.cases.get(), lt, lt_colleague, jb_worker, other_prof)
    seen: list[int] = []
    explore(world, MAX_DEPTH, (), seen)
    # Sequences up to MAX_DEPTH were reached (offer and a decision, three times).
    assert max(seen) == MAX_DEPTH
    assert len(seen) > 100


def test_the_regievoerder_changes_only_when_the_receiver_accepts(
    household: Household, lt: Actor, jb_worker: Actor
) -> None:
    case = household.cases.get()
    handover = handover_create_for_case(
        actor=lt,
        case=case,
        to_organisation=jb_worker.organisation,
        note="OTS aangevraagd.",
    )
    case.refresh_from_db()
    assert case.regievoerder == lt.user  # the sender is still responsible
    handover_accept(actor=jb_worker, handover=handover)
    case.refresh_from_db()
    assert case.regievoerder == jb_worker.user
    assert case.responsible_organisation_id == jb_worker.organisation_id
    assert case.version == 2


def test_the_database_refuses_a_case_without_responsibility(
    household: Household, lt: Actor
) -> None:
    case = household.cases.get()
    for field in ("regievoerder_id", "responsible_organisation_id"):
        with pytest.raises(IntegrityError), transaction.atomic():
            SafetyCase.objects.filter(pk=case.pk).update(**{field: None})
    with pytest.raises(ProtectedError), transaction.atomic():
        lt.user.delete()
    with pytest.raises(ProtectedError), transaction.atomic():
        Organisation.objects.filter(pk=lt.organisation_id).delete()


def test_the_database_refuses_a_second_waiting_handover(
    household: Household, lt: Actor, jb_worker: Actor, prof: Actor
) -> None:
    case = household.cases.get()
    handover_create_for_case(
        actor=lt, case=case, to_organisation=jb_worker.organisation, note="Eerste."
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Handover.objects.create(
            case=case,
            from_organisation=lt.organisation,
            from_user=lt.user,
            to_organisation=prof.organisation,
            note="Tweede.",
        )


def test_a_handover_is_of_a_trajectory_or_a_case_never_both_or_neither(
    household: Household, lt: Actor, prof: Actor
) -> None:
    trajectory = scenarios.start(prof)
    for kwargs in ({}, {"case": household.cases.get(), "trajectory": trajectory}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Handover.objects.create(
                from_organisation=lt.organisation,
                from_user=lt.user,
                to_organisation=prof.organisation,
                note="X",
                **kwargs,
            )
