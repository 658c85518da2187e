"""The blind index of names: find a person by (the start of) a name without
the name being readable in the database (docs/decisions.md, "Names are
encrypted, found through a blind index of name tokens").

A name is cut into tokens (lowercase, accents folded, split on everything that
is not a letter or digit). Each token is stored as keyed hashes
(``HashPurpose.PERSON_NAME``) of ``t:<token>`` (the whole token) and of
``p:<prefix>`` for every prefix of two characters up to one shorter than the
token, so "zoek" finds "Zoekvelt". Hashes of prefixes give away how long a
token is and which persons share a prefix, never the letters. A digest is the
first 16 bytes (128 bits) of the hash: unique enough for an index of billions of
entries, and a third of the room of 64 hex characters (docs/performance.md).
"""

import re
import unicodedata
from collections.abc import Iterable

from kindveilig.core.crypto import HashPurpose, blind_index_fallbacks, keyed_hash

__all__ = [
    "DIGEST_BYTES",
    "MAX_TOKEN",
    "MIN_PREFIX",
    "index_terms",
    "name_digests",
    "name_tokens",
    "query_digests",
    "token_digests",
]

MIN_PREFIX = 2
DIGEST_BYTES = 16
# Longer tokens are indexed (and searched) by their first MAX_TOKEN characters.
MAX_TOKEN = 24
_SPLIT = re.compile(r"[^0-9a-z]+")


def name_tokens(*names: str) -> list[str]:
    """The normalised tokens of the names, in order, without repeats."""
    tokens: list[str] = []
    for name in names:
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        for token in _SPLIT.split(plain.casefold()):
            token = token[:MAX_TOKEN]
            if token and token not in tokens:
                tokens.append(token)
    return tokens


def index_terms(*names: str) -> set[str]:
    """What is hashed for the names: each whole token and its prefixes."""
    terms: set[str] = set()
    for token in name_tokens(*names):
        terms.add(f"t:{token}")
        terms.update(f"p:{token[:n]}" for n in range(MIN_PREFIX, len(token)))
    return terms


def _digest(term: str, secret: str | None) -> bytes:
    hexdigest = keyed_hash(HashPurpose.PERSON_NAME, term, secret=secret)
    return bytes.fromhex(hexdigest[: 2 * DIGEST_BYTES])


def name_digests(*names: str, secret: str | None = None) -> set[bytes]:
    """The digests to store for a person's names (under ``secret`` when given)."""
    return {_digest(term, secret) for term in index_terms(*names)}


def _lookup_secrets() -> list[str | None]:
    """The current key, then the old keys of a rotation in progress."""
    return [None, *blind_index_fallbacks()]


def query_digests(
    token: str, secrets: Iterable[str | None] | None = None
) -> list[bytes]:
    """The digests a person carries when one of their tokens is ``token`` or
    starts with it (``token`` from ``name_tokens``), under every lookup key."""
    token = token[:MAX_TOKEN]
    terms = [f"t:{token}"]
    if len(token) >= MIN_PREFIX:
        terms.append(f"p:{token}")
    keys = _lookup_secrets() if secrets is None else secrets
    return [_digest(term, secret) for secret in keys for term in terms]


def token_digests(
    token: str, secrets: Iterable[str | None] | None = None
) -> list[bytes]:
    """The digests of one whole token (an exact match, as in person matching)."""
    keys = _lookup_secrets() if secrets is None else secrets
    return [_digest(f"t:{token[:MAX_TOKEN]}", secret) for secret in keys]
