"""Strict, typed readers for settings that come from the environment.

A malformed value stops the start-up with a clear message instead of silently
falling back to a default (healthchecks' ``envbool`` does the same).
"""

import json
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_MISSING = object()


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"The environment variable {name} is required.")
        return default
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number.") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_terms(name: str) -> dict[str, dict[str, int]]:
    """A JSON object of objects of whole numbers: ``{"kind": {"sector": days}}``."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return {}
    try:
        parsed = json.loads(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a JSON object.") from exc
    valid = isinstance(parsed, dict) and all(
        isinstance(terms, dict)
        and all(isinstance(days, int) and days > 0 for days in terms.values())
        for terms in parsed.values()
    )
    if not valid:
        raise ImproperlyConfigured(
            f"{name} must map kinds of record to {{sector: days}} with days > 0."
        )
    return {
        str(kind): {str(sector): int(days) for sector, days in terms.items()}
        for kind, terms in parsed.items()
    }


def env_secret(name: str) -> str:
    """Read a secret from ``NAME`` or from the file named by ``NAME_FILE``."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE cannot be read.") from exc
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The secret {name} (or {name}_FILE) is required.")
    return value
