"""Replace every recovery code stored as typed by its keyed hash (docs/decisions.md,
"What identifies a child or a family is encrypted at rest").

The hash scheme of ``accounts.models.recovery_code_digests`` is frozen here (a
migration must not follow app code); ``test_recovery_code_hashing.py`` checks
that app code finds what this writes. A stored code is 10 characters of the
code alphabet; a hash is 16 hex digits, so the migration can run twice. One
way only: a hash cannot be turned back into its code.
"""

import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import migrations
from django.utils.crypto import salted_hmac

SALT = "kindveilig.accounts.recovery-code"
DIGEST = re.compile(r"^[0-9a-f]{16}$")


def digest(code, key):
    normalised = code.strip().replace(" ", "").lower()
    return salted_hmac(SALT, normalised, secret=key, algorithm="sha256").hexdigest()[:16]


def hash_codes(apps, schema_editor):
    token_model = apps.get_model("otp_static", "StaticToken")
    plain = [t for t in token_model.objects.only("pk", "token") if not DIGEST.match(t.token)]
    if not plain:
        return
    key = str(getattr(settings, "KINDVEILIG_BLIND_INDEX_KEY", "") or "")
    if not key:
        raise ImproperlyConfigured("KINDVEILIG_BLIND_INDEX_KEY is required.")
    for token in plain:
        token.token = digest(token.token, key)
    token_model.objects.bulk_update(plain, ["token"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_hashed_recovery_device"),
        ("otp_static", "0003_add_timestamps"),
    ]

    operations = [
        migrations.RunPython(hash_codes, migrations.RunPython.noop, elidable=False)
    ]
