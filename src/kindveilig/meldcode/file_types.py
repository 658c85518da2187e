"""What an attachment is, decided by its bytes (puremagic), never by the name or
the Content-Type the browser sent; and reading an upload without going past the
size limit."""

from collections.abc import Iterable
from pathlib import PurePath

import puremagic

__all__ = [
    "ALLOWED_TYPES",
    "MAX_ATTACHMENT_BYTES",
    "FileTooLargeError",
    "detect_type",
    "read_limited",
]

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# The allow-list: content type → the file name extensions that may carry it.
ALLOWED_TYPES: dict[str, frozenset[str]] = {
    "application/pdf": frozenset({".pdf"}),
    "image/jpeg": frozenset({".jpg", ".jpeg", ".jfif", ".jpe"}),
    "image/png": frozenset({".png"}),
    "text/plain": frozenset({".txt", ".text"}),
}
_MAGIC_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})
# Text may hold tabs, line breaks and form feeds; other control characters
# (NUL, escape …) mean it is not a text file.
_TEXT_CONTROLS = frozenset("\t\n\r\f")


class FileTooLargeError(Exception):
    """The upload is larger than the limit; reading stopped at the limit."""


def read_limited(chunks: Iterable[bytes], limit: int = MAX_ATTACHMENT_BYTES) -> bytes:
    """Join ``chunks`` but stop as soon as more than ``limit`` bytes came in."""
    parts: list[bytes] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            raise FileTooLargeError
        parts.append(chunk)
    return b"".join(parts)


def _is_plain_text(content: bytes) -> bool:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if text.lstrip().startswith("<"):
        return False  # markup (HTML, SVG, XML) that a browser could render
    return not any(
        (ord(char) < 32 and char not in _TEXT_CONTROLS) or char == "\x7f"
        for char in text
    )


def detect_type(content: bytes, file_name: str) -> str | None:
    """The allowed content type of ``content``, or None when it is not one of
    PDF, JPEG, PNG or plain UTF-8 text, or when the file name's extension
    belongs to another type (an HTML page named x.pdf, a PDF named x.txt)."""
    try:
        matches = puremagic.magic_string(content[:4096])
    except (puremagic.PureError, ValueError):
        matches = []
    detected: str | None
    if matches:
        best = max(matches, key=lambda match: match.confidence)
        detected = best.mime_type if best.mime_type in _MAGIC_TYPES else None
    else:
        detected = "text/plain" if _is_plain_text(content) else None
    if detected is None:
        return None
    extension = PurePath(file_name).suffix.lower()
    return detected if extension in ALLOWED_TYPES[detected] else None
