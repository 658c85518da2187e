"""Key rotation of the encrypted attachment files (``core.rotation``)."""

import os
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from kindveilig.core.crypto import is_current_token, rotate_bytes
from kindveilig.core.rotation import RotationStep

from .models import Attachment

__all__ = ["attachment_step", "rotate_attachment_file"]


def rotate_attachment_file(path: Path) -> bool:
    """Re-encrypt one file under the current key; False when it already was.
    The new content is written next to it and renamed over it, so an
    interruption leaves either the old or the new file, never half of one."""
    token = path.read_bytes()
    if is_current_token(token):
        return False
    fresh = path.with_name(path.name + ".rotating")
    fresh.write_bytes(rotate_bytes(token))
    os.replace(fresh, path)
    return True


def _run(batch: int) -> Iterator[int]:
    folder = Path(settings.MEDIA_ROOT) / "attachments"
    last = 0
    while True:
        names = list(
            Attachment.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "storage_name")[:batch]
        )
        if not names:
            return
        for _pk, storage_name in names:
            path = folder / storage_name
            if path.exists():
                rotate_attachment_file(path)
        last = names[-1][0]
        yield len(names)


attachment_step = RotationStep(
    name="meldcode attachment files",
    count=Attachment.objects.count,
    run=_run,
)
