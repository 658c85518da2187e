"""Key rotation of the TOTP secrets (``core.rotation``): django-otp's ``key``
column is not an encrypted field, so it is not found by introspection."""

from collections.abc import Iterator

from django.db import transaction

from kindveilig.core.crypto import (
    COMPACT_PREFIX,
    encrypt_compact,
    is_current_compact,
    rotate_compact,
)
from kindveilig.core.rotation import RotationStep

from .models import EncryptedTOTPDevice

__all__ = ["totp_key_step"]


def _run(batch: int) -> Iterator[int]:
    last = 0
    while True:
        with transaction.atomic():
            devices = list(
                EncryptedTOTPDevice.objects.filter(pk__gt=last)
                .order_by("pk")
                .only("pk", "key")[:batch]
            )
            if not devices:
                return
            for device in devices:
                if not device.key.startswith(COMPACT_PREFIX):
                    fresh = encrypt_compact(bytes.fromhex(device.key))
                elif not is_current_compact(device.key):
                    fresh = rotate_compact(device.key)
                else:
                    continue
                # update(), not save(): no throttling or timestamp fields touched.
                EncryptedTOTPDevice.objects.filter(pk=device.pk).update(key=fresh)
            last = devices[-1].pk
        yield len(devices)


totp_key_step = RotationStep(
    name="TOTP secrets", count=EncryptedTOTPDevice.objects.count, run=_run
)
