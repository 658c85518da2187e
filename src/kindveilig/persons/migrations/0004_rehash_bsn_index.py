"""Re-hash every BSN index from the hand-rolled HMAC to keyed_hash's scheme
(docs/decisions.md, "Keyed hashes: one helper, named purposes").

The BSN is stored encrypted, so each index is recomputed from it. Both schemes
are frozen here, as a migration must not follow later changes of app code; a
test checks that NEW equals ``kindveilig.core.crypto.blind_index``. A row is
changed only when it holds the other scheme's value, so running it twice, or
on rows written meanwhile, is harmless. The reverse restores the old scheme.
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
    """Give every row whose index is ``source(bsn)`` the index ``target(bsn)``."""
    rows = model.objects.exclude(bsn_index="").exclude(bsn="").only("pk", "bsn", "bsn_index")
    if not rows.exists():
        return 0
    key = _key()
    changed, batch = 0, []
    for person in rows.order_by("pk").iterator(chunk_size=BATCH):
        if person.bsn_index == source(person.bsn, key):
            person.bsn_index = target(person.bsn, key)
            batch.append(person)
        if len(batch) >= BATCH:
            changed += len(batch)
            model.objects.bulk_update(batch, ["bsn_index"])
            batch = []
    if batch:
        changed += len(batch)
        model.objects.bulk_update(batch, ["bsn_index"])
    return changed


def forwards(apps, schema_editor):
    rehash(apps.get_model("persons", "Person"), source=old_index, target=new_index)


def backwards(apps, schema_editor):
    rehash(apps.get_model("persons", "Person"), source=new_index, target=old_index)


class Migration(migrations.Migration):

    dependencies = [
        ('persons', '0003_person_bsn_org_index'),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
