"""The keyed hashes as they were derived before ``keyed_hash``, copied verbatim
from the old code: tests store rows with them to prove those rows still work."""

import hashlib
import hmac

from django.conf import settings
from django.utils.crypto import salted_hmac


def old_blind_index(value: str) -> str:
    key = settings.KINDVEILIG_BLIND_INDEX_KEY
    normalised = "".join(value.split()).lower()
    return hmac.new(key.encode(), normalised.encode(), hashlib.sha256).hexdigest()


def old_code_hash(code_text: str) -> str:
    base = settings.KINDVEILIG_BLIND_INDEX_KEY
    key = hmac.new(base.encode(), b"kindveilig-youth-pickup-code", hashlib.sha256)
    return hmac.new(key.digest(), code_text.encode(), hashlib.sha256).hexdigest()


def old_reflection_source_hash(source_kind: str, source_id: str) -> str:
    return old_blind_index(f"learning-reflection:{source_kind}:{source_id}")


def old_submission_hash(submission_id: str) -> str:
    key = hashlib.sha256(
        f"kindveilig-youth-submission:{settings.SECRET_KEY}".encode()
    ).digest()
    return hmac.new(key, submission_id.encode(), hashlib.sha256).hexdigest()


def old_token_hash(token: str) -> str:
    return salted_hmac(
        "kindveilig.api.ApiToken", token, secret=settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()
