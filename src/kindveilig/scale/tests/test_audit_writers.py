"""The audit writer benchmark writes real records into real chains."""

from typing import Any

import pytest

from kindveilig.audit.models import AuditEvent
from kindveilig.audit.selectors import audit_log_verify
from kindveilig.scale.audit_writers import OBJECT_TYPE, measure_one

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_writers_of_different_organisations_fill_their_own_chains(
    professional: Any, outsider: Any
) -> None:
    run = measure_one(2, seconds=0.3, same_organisation=False)
    written = AuditEvent.objects.filter(object_type=OBJECT_TYPE)
    assert run.writes == written.count() > 0
    assert set(written.values_list("chain", flat=True)) == {
        professional.organisation.pk,
        outsider.organisation.pk,
    }
    assert run.writes_per_second > 0
    assert audit_log_verify().ok


def test_writers_of_one_organisation_share_its_chain(
    professional: Any, outsider: Any
) -> None:
    run = measure_one(3, seconds=0.3, same_organisation=True)
    chains = set(
        AuditEvent.objects.filter(object_type=OBJECT_TYPE).values_list(
            "chain", flat=True
        )
    )
    assert len(chains) == 1
    assert run.writes > 0
    assert audit_log_verify().ok


def test_it_refuses_more_writers_than_organisations(professional: Any) -> None:
    with pytest.raises(ValueError, match="Not enough organisations"):
        measure_one(2, seconds=0.1, same_organisation=False)
