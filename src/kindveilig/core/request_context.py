"""The id of the request being handled, for audit records and log lines.

A context variable instead of a parameter: services deep down write audit records
and must not need the request passed through every layer to know its id.
"""

from contextvars import ContextVar

_request_id: ContextVar[str] = ContextVar("kindveilig_request_id", default="")


def current_request_id() -> str:
    return _request_id.get()


def set_request_id(value: str) -> object:
    return _request_id.set(value)


def reset_request_id(token: object) -> None:
    assert hasattr(token, "var")
    _request_id.reset(token)  # type: ignore[arg-type]  # token came from set_request_id
