"""RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0).

After a single sign-on login the session keeps the provider's ID token
(``ID_TOKEN_SESSION_KEY``; sessions are stored in the database, the browser
holds only the session id). Logging out of Kindveilig then sends the browser
to the provider's ``end_session_endpoint`` with that token as
``id_token_hint`` and our ``post_logout_redirect_uri``, so the provider ends
its session too. Off when the provider has no end-session endpoint, for a
password login, and while single sign-on is off (docs/sso.md, "Logout").

The token is in that one redirect's ``Location`` only: Kindveilig logs no
response headers and no URL of another site, and the request log holds our
own paths (docs/decisions.md, "Single sign-on logout at the provider").
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

__all__ = ["ID_TOKEN_SESSION_KEY", "provider_logout_url"]

ID_TOKEN_SESSION_KEY = "kindveilig_oidc_id_token"  # noqa: S105  # a name


def provider_logout_url(request: HttpRequest) -> str | None:
    """Where to end the provider's session, or ``None`` to end ours only."""
    endpoint = settings.KINDVEILIG_OIDC_END_SESSION_ENDPOINT
    id_token = request.session.get(ID_TOKEN_SESSION_KEY)
    if not (settings.KINDVEILIG_OIDC_ENABLED and endpoint and id_token):
        return None
    back = settings.KINDVEILIG_OIDC_POST_LOGOUT_REDIRECT_URI or (
        request.build_absolute_uri(reverse("accounts:login"))
    )
    query = urlencode(
        {
            "id_token_hint": id_token,
            "post_logout_redirect_uri": back,
            "client_id": settings.OIDC_RP_CLIENT_ID,
        }
    )
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
