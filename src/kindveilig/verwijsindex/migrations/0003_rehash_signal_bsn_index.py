"""Re-hash the BSN index that each signal copied from its child's person record
(docs/decisions.md, "Keyed hashes: one helper, named purposes"), the same way
as ``persons/0004_rehash_bsn_index``: recomputed from the person's encrypted
BSN, only where the signal still holds the other scheme's value. Both schemes
are frozen here; the reverse restores the old one.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations
from django.utils.crypto import salted_hmac

BATCH = 2000
SALT = "kindveilig.bsn-index"  # HashPurpose.BSN_INDEX


def _key() -> str:
    key = settings.KINDVEILIG_BLIND_INDEX_KEY
    if not key:
        raise ImproperlyConfigured("KINDVEILIG_BLIND_INDEX_KEY is required.")
    return key


def _normalised(bsn):
    return "".join(bsn.split()).lower()


def old_index(bsn, key):
    return hmac.new(key.encode(), _normalised(bsn).encode(), hashlib.sha256).hexdigest()


def new_index(bsn, key):
    return salted_hmac(SALT, _normalised(bsn), secret=key, algorithm="sha256").hexdigest()


def rehash(model, *, source, target):
    """Give every signal whose index is ``source(bsn)`` the index ``target(bsn)``."""
    rows = (
        model.objects.exclude(bsn_index="")
        .exclude(person__bsn="")
        .select_related("person")
        .only("pk", "bsn_index", "person__bsn")
    )
    if not rows.exists():
        return 0
    key = _key()
    changed, batch = 0, []
    for signal in rows.order_by("pk").iterator(chunk_size=BATCH):
        bsn = signal.person.bsn
        if signal.bsn_index == source(bsn, key):
            signal.bsn_index = target(bsn, key)
            batch.append(signal)
        if len(batch) >= BATCH:
            changed += len(batch)
            model.objects.bulk_update(batch, ["bsn_index"])
            batch = []
    if batch:
        changed += len(batch)
        model.objects.bulk_update(batch, ["bsn_index"])
    return changed


def forwards(apps, schema_editor):
    rehash(apps.get_model("chain", "Signal"), source=old_index, target=new_index)


def backwards(apps, schema_editor):
    rehash(apps.get_model("chain", "Signal"), source=new_index, target=old_index)


class Migration(migrations.Migration):

    dependencies = [
        ('persons', '0004_rehash_bsn_index'),
        ('chain', '0002_share_moved_to_meldcode'),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
