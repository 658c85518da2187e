"""Development settings for `make run`: SQLite, DEBUG, demo mode, dev-only keys."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("KINDVEILIG_DEMO_MODE", "true")
os.environ.setdefault("SECRET_KEY", "dev-only-not-secret-kindveilig")
os.environ.setdefault("DATABASE_URL", "sqlite:///var/dev.sqlite3")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
os.environ.setdefault("KINDVEILIG_BASE_URL", "http://127.0.0.1:8000")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Dev-only keys: never use these anywhere real.
os.environ.setdefault(
    "KINDVEILIG_ENCRYPTION_KEYS", "ZGV2LW9ubHkta2luZHZlaWxpZy1rZXktMDAwMDAwMDA="
)
os.environ.setdefault("KINDVEILIG_BLIND_INDEX_KEY", "dev-only-blind-index-key")

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

INSTALLED_APPS = [*INSTALLED_APPS, "kindveilig.demo"]

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
