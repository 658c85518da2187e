"""Logging filters: no personal data in log lines, and the request id on each line."""

import logging
import re

from .request_context import current_request_id

# A BSN is nine digits; phone numbers, e-mail addresses and postcodes are masked too.
_PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"(?<!\d)\d{9}(?!\d)"), "[bsn?]"),
    (re.compile(r"(?<![\w])(\+31|0031|0)[1-9](?:[ -]?\d){8}(?!\d)"), "[phone]"),
    (re.compile(r"(?<![\w])[1-9]\d{3} ?[A-Z]{2}(?![\w])"), "[postcode]"),
]


def scrub(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    """Mask BSN-like numbers, e-mail addresses, phone numbers and postcodes.

    The message is rendered with its arguments first, and the traceback text too,
    because a database error message can quote the offending value.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id() or "-"
        return True
