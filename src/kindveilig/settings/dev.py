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
os.environ.setdefault("KINDVEILIG_AUDIT_SEAL_KEY", "dev-only-audit-seal-key")
# Next to the demo database: delete both together (make clean removes var/).
os.environ.setdefault("KINDVEILIG_AUDIT_SINK", "var/audit-sink.jsonl")

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, SILENCED_SYSTEM_CHECKS, STORAGES

INSTALLED_APPS = [*INSTALLED_APPS, "kindveilig.demo"]

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The demo's runserver (one thread per request) and db_worker share one SQLite
# file, and every page that shows personal data writes an audit record. Without
# these options a handful of parallel users get "database is locked" (a 500):
# - WAL: readers never wait for the writer, nor the writer for readers;
# - IMMEDIATE: an atomic block takes the write lock at BEGIN, so it waits for it
#   (up to the timeout) instead of failing at once when a read in the block has
#   to be upgraded to a write while another connection writes (SQLite cannot
#   wait there without a deadlock, so it ignores the timeout);
# - timeout: wait up to 20 s for the write lock; autocommit writes (one
#   statement, no earlier read) wait too;
# - synchronous=NORMAL: safe with WAL (a power cut may lose the last commits,
#   never corrupt the file), and no fsync on every commit.
# Only for SQLite: DATABASE_URL may point the dev settings at PostgreSQL. Options
# in the URL itself (sqlite:///…?timeout=60) win.
# See docs/decisions.md, "The SQLite demo under parallel users".
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }
    # The access log's covering index (audit_person_log) INCLUDEs columns for
    # PostgreSQL's index-only scan; SQLite builds it without them, as intended.
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "models.W040"]
