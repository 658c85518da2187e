"""Where the browser goes after logging out of Kindveilig.

By default the login page. An app above ``accounts`` may register a hook that
names another place (single sign-on: the identity provider's end-session
endpoint, docs/sso.md "Logout"). The hooks run *before* the session ends, so
they can read what they stored in it; the first that answers wins.
"""

from collections.abc import Callable

from django.http import HttpRequest

__all__ = ["logout_redirect", "register_logout_redirect"]

LogoutRedirect = Callable[[HttpRequest], str | None]
_HOOKS: list[LogoutRedirect] = []


def register_logout_redirect(hook: LogoutRedirect) -> None:
    if hook not in _HOOKS:
        _HOOKS.append(hook)


def logout_redirect(request: HttpRequest) -> str | None:
    """The URL a registered hook names for this session, or ``None``."""
    for hook in _HOOKS:
        url = hook(request)
        if url:
            return url
    return None
