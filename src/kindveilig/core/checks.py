"""System checks: the keys must be there and well-formed before anything starts
(docs/decisions.md, "Missing or malformed keys stop the start-up").

Django runs them for ``manage.py`` commands (``check``, ``migrate``,
``runserver``); ``wsgi.py`` and ``asgi.py`` run them before serving, so gunicorn
refuses to start too, instead of failing at the first encrypted read.
"""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register
from django.core.exceptions import ImproperlyConfigured

from cryptography.fernet import Fernet

__all__ = ["check_keys", "require_keys"]


def _fernet_key_error(key: object) -> str | None:
    if not isinstance(key, str) or not key:
        return "is empty"
    try:
        Fernet(key.encode())
    except (ValueError, TypeError):
        return "is not a url-safe base64 Fernet key of 32 bytes"
    return None


@register("kindveilig")
def check_keys(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    keys = getattr(settings, "KINDVEILIG_ENCRYPTION_KEYS", None)
    if not keys:
        errors.append(
            Error(
                "KINDVEILIG_ENCRYPTION_KEYS is missing: encrypted data cannot be "
                "read or written.",
                hint="Set it to one or more comma-separated Fernet keys, the "
                "current one first (docs/deploy.md).",
                id="kindveilig.E001",
            )
        )
    else:
        for number, key in enumerate(keys, start=1):
            problem = _fernet_key_error(key)
            if problem:
                errors.append(
                    Error(
                        f"Key {number} of KINDVEILIG_ENCRYPTION_KEYS {problem}.",
                        hint="Generate one with Fernet.generate_key() "
                        "(docs/deploy.md).",
                        id="kindveilig.E002",
                    )
                )
    blind = getattr(settings, "KINDVEILIG_BLIND_INDEX_KEY", "")
    if not isinstance(blind, str) or not blind.strip():
        errors.append(
            Error(
                "KINDVEILIG_BLIND_INDEX_KEY is missing: BSNs and names cannot be "
                "looked up.",
                hint="Set it to a long random secret and never lose it "
                "(docs/deploy.md).",
                id="kindveilig.E003",
            )
        )
    elif blind != blind.strip():
        errors.append(
            Error(
                "KINDVEILIG_BLIND_INDEX_KEY starts or ends with white space.",
                id="kindveilig.E004",
            )
        )
    fallbacks = getattr(settings, "KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS", [])
    if any(not isinstance(old, str) or not old or old == blind for old in fallbacks):
        errors.append(
            Error(
                "KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS holds an empty key or the "
                "current key.",
                hint="List only the old blind-index keys of a rotation.",
                id="kindveilig.E005",
            )
        )
    return errors


def require_keys() -> None:
    """Raise ImproperlyConfigured when the keys fail ``check_keys``."""
    errors = check_keys()
    if errors:
        raise ImproperlyConfigured(
            "; ".join(f"{error.msg} {error.hint or ''}".strip() for error in errors)
        )
