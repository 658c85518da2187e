"""What a child typed into a refused form, shown back once, never kept by the browser.

A refused form (a message too long, a code we cannot find, a reply that is
empty) must keep what the child typed, next to the reason. Answering the POST
directly would do that, but the browser then keeps the form's body with that
history entry, and a parent who presses Back or restores the tab finds it (issue
14, item 1). So a refused form is answered like a good one: post-redirect-get
to a page behind a single-use token (``youth.messages.one_time_pages``), whose
row holds the typed values and the error messages, encrypted, until the first
GET takes it. A second visit finds nothing.

The one exception is a failure of the server itself while saving (the database
may be what failed): that answer keeps the text in the page directly, with the
helplines, so the message is never lost.
"""

import json
from typing import Any

from django import forms

__all__ = ["reopen", "seal"]


def seal(form: forms.BaseForm, fields: tuple[str, ...]) -> str:
    """The typed values of ``fields`` and the form's error messages, as text to
    store encrypted with the one-time page."""
    return json.dumps(
        {
            "data": {name: str(form.data.get(name, "")) for name in fields},
            "errors": {
                name: [str(message) for message in messages]
                for name, messages in form.errors.items()
            },
        }
    )


def reopen[F: forms.BaseForm](
    form_class: type[F], sealed: str, **extra: Any
) -> F | None:
    """The form bound to what was typed, with the errors it was refused for;
    None when nothing was sealed (an ordinary one-time page)."""
    if not sealed:
        return None
    draft = json.loads(sealed)
    form = form_class(data={**draft["data"], **extra})
    form.is_valid()  # the form's own errors come back as they were
    for name, messages in draft["errors"].items():
        if name in form.errors:
            continue
        for message in messages:
            # A service's error (apply_errors): on its field, or on top.
            form.add_error(None if name == "__all__" else name, message)
    return form
