"""Test settings: PostgreSQL from DATABASE_URL (make test starts a throwaway one).

Needs no environment of its own, so mypy and a bare `pytest --collect-only` work anywhere.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:54329/kindveilig")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
os.environ.setdefault(
    "KINDVEILIG_ENCRYPTION_KEYS", "dGVzdC1vbmx5LWtpbmR2ZWlsaWcta2V5LTAwMDAwMDA="
)
os.environ.setdefault("KINDVEILIG_BLIND_INDEX_KEY", "test-only-blind-index-key")
os.environ.setdefault("KINDVEILIG_AUDIT_SEAL_KEY", "test-only-audit-seal-key")
# The root conftest gives every test a sink of its own under tmp_path.
os.environ.setdefault("KINDVEILIG_AUDIT_SINK", "var/test-audit-sink.jsonl")

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

INSTALLED_APPS = [*INSTALLED_APPS, "kindveilig.demo", "kindveilig.scale"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Two months of demo history keep the mechanism tested without seeding a year
# in every demo test (seed_demo is called by many tests).
KINDVEILIG_DEMO_HISTORY_MONTHS = 2
