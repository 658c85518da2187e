"""Re-keying the signals' BSN index under the current blind-index key
(``core.rotation``), from their child's encrypted BSN. Registered after the
persons' step, so a signal ends up equal to its person's index."""

from collections.abc import Iterator

from django.db import transaction

from kindveilig.core.crypto import blind_index
from kindveilig.core.rotation import RotationStep

from .models import Signal

__all__ = ["signal_index_step"]


def _run(batch: int) -> Iterator[int]:
    last = 0
    while True:
        with transaction.atomic():
            signals = list(
                Signal.objects.filter(pk__gt=last)
                .exclude(bsn_index="")
                .select_related("person")
                .order_by("pk")[:batch]
            )
            if not signals:
                return
            rekeyed = []
            for signal in signals:
                bsn = signal.person.bsn
                if bsn and signal.bsn_index != blind_index(bsn):
                    signal.bsn_index = blind_index(bsn)
                    rekeyed.append(signal)
            Signal.objects.bulk_update(rekeyed, ["bsn_index"])
            last = signals[-1].pk
        yield len(signals)


signal_index_step = RotationStep(
    name="Verwijsindex signals: BSN index",
    count=Signal.objects.exclude(bsn_index="").count,
    run=_run,
    blind_index=True,
)
