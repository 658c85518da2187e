"""Re-keying the persons' blind indexes (BSN and name tokens) under the current
blind-index key (``core.rotation``); runs while old keys are in
KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS."""

from collections import defaultdict
from collections.abc import Iterator

from django.db import transaction

from kindveilig.core.crypto import blind_index
from kindveilig.core.rotation import RotationStep

from .models import Person, PersonNameToken
from .name_index import name_digests

__all__ = ["person_index_step"]


def _run(batch: int) -> Iterator[int]:
    last = 0
    while True:
        with transaction.atomic():
            persons = list(
                Person.objects.filter(pk__gt=last)
                .order_by("pk")
                .only(
                    "pk",
                    "given_name",
                    "family_name",
                    "bsn",
                    "bsn_index",
                    "registered_by",
                )[:batch]
            )
            if not persons:
                return
            stored: dict[int, set[bytes]] = defaultdict(set)
            for person_id, digest in PersonNameToken.objects.filter(
                person__in=persons
            ).values_list("person_id", "digest"):
                stored[person_id].add(bytes(digest))
            stale: list[int] = []
            fresh: list[PersonNameToken] = []
            rekeyed: list[Person] = []
            for person in persons:
                digests = name_digests(person.given_name, person.family_name)
                if stored[person.pk] != digests:
                    stale.append(person.pk)
                    fresh.extend(
                        PersonNameToken(
                            person=person,
                            organisation_id=person.registered_by_id,
                            digest=d,
                        )
                        for d in digests
                    )
                if person.bsn and person.bsn_index != blind_index(person.bsn):
                    person.bsn_index = blind_index(person.bsn)
                    rekeyed.append(person)
            PersonNameToken.objects.filter(person_id__in=stale).delete()
            PersonNameToken.objects.bulk_create(fresh)
            Person.objects.bulk_update(rekeyed, ["bsn_index"])
            last = persons[-1].pk
        yield len(persons)


person_index_step = RotationStep(
    name="persons: BSN index and name tokens",
    count=Person.objects.count,
    run=_run,
    blind_index=True,
)
