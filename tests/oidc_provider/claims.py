"""What the test provider says about its users.

A user whose ``last_name`` is ``mfa`` logged in with two factors at the provider:
the ID token carries ``acr`` ``urn:test:loa:mfa`` and ``amr`` ``["pwd", "otp"]``.
Everyone else logged in with a password only (``urn:test:loa:pwd``, ``["pwd"]``).
"""

from typing import Any


def userinfo(claims: dict[str, Any], user: Any) -> dict[str, Any]:
    claims["email"] = user.email
    claims["email_verified"] = True
    claims["name"] = user.get_full_name()
    return claims


def id_token_hook(id_token: dict[str, Any], user: Any, **kwargs: Any) -> dict[str, Any]:
    if user.last_name == "mfa":
        id_token["acr"] = "urn:test:loa:mfa"
        id_token["amr"] = ["pwd", "otp"]
    else:
        id_token["acr"] = "urn:test:loa:pwd"
        id_token["amr"] = ["pwd"]
    return id_token
