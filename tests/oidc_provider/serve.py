"""Start the test provider:
``python -m tests.oidc_provider.serve PORT DB REDIRECT_URI [POST_LOGOUT_REDIRECT_URI]``.

Creates its SQLite database, a signing key, one confidential client (id
``kindveilig``, secret ``kindveilig-secret``, no consent screen) and three users
(password ``provider-pass``), then serves on 127.0.0.1:PORT until it is killed.
"""

import os
import sys
from typing import Any


def main() -> None:
    port, database, redirect_uri = sys.argv[1], sys.argv[2], sys.argv[3]
    post_logout = sys.argv[4:5]
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
    os.environ["OIDC_TEST_PROVIDER_DB"] = database
    os.environ["OIDC_TEST_PROVIDER_URL"] = f"http://127.0.0.1:{port}"

    import django

    django.setup()

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.core.servers.basehttp import run
    from django.core.wsgi import get_wsgi_application

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from oidc_provider.models import Client, ResponseType, RSAKey

    # The provider's own user model, not Kindveilig's (which mypy would assume).
    users: Any = get_user_model()
    call_command("migrate", verbosity=0)
    pem = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
        .decode()
    )
    RSAKey.objects.create(key=pem)
    client = Client.objects.create(
        name="Kindveilig",
        client_type="confidential",
        client_id="kindveilig",
        client_secret="kindveilig-secret",
        jwt_alg="RS256",
        require_consent=False,
        reuse_consent=True,
    )
    client.redirect_uris = [redirect_uri]
    client.post_logout_redirect_uris = post_logout
    client.scope = ["openid", "email", "profile"]
    client.save()
    client.response_types.add(ResponseType.objects.get(value="code"))
    for username, email, last_name in [
        ("mfa", "sso-mfa@example.nl", "mfa"),
        ("pwd", "sso-pwd@example.nl", "pwd"),
        ("stranger", "stranger@example.nl", "pwd"),
    ]:
        users.objects.create_user(
            username, email=email, password="provider-pass", last_name=last_name
        )
    run("127.0.0.1", int(port), get_wsgi_application(), threading=True)


if __name__ == "__main__":
    main()
