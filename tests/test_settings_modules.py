"""Every settings module imports; production settings refuse to start without secrets."""

import importlib
import subprocess
import sys

import pytest

CLEAN_ENV = {"PATH": "/usr/bin:/bin", "PYTHONPATH": "src"}


@pytest.mark.parametrize(
    "module",
    [
        "kindveilig.settings.dev",
        "kindveilig.settings.test",
    ],
)
def test_settings_module_imports(module: str) -> None:
    code = f"import {module} as s; assert s.SECRET_KEY and s.DATABASES"
    subprocess.run([sys.executable, "-c", code], env=CLEAN_ENV, check=True)


def test_dev_settings_let_sqlite_writers_wait_for_each_other() -> None:
    code = (
        "import kindveilig.settings.dev as s;"
        "o = s.DATABASES['default']['OPTIONS'];"
        "assert o['transaction_mode'] == 'IMMEDIATE' and o['timeout'] == 20;"
        "assert 'journal_mode=WAL' in o['init_command']"
    )
    subprocess.run([sys.executable, "-c", code], env=CLEAN_ENV, check=True)


def test_dev_settings_leave_postgresql_options_alone() -> None:
    env = {**CLEAN_ENV, "DATABASE_URL": "postgres://u@h/db"}
    code = (
        "import kindveilig.settings.dev as s;"
        "o = s.DATABASES['default'].get('OPTIONS', {});"
        "assert 'transaction_mode' not in o and 'init_command' not in o"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def test_base_settings_require_a_secret_key() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import kindveilig.settings.base"],
        env=CLEAN_ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_base_settings_are_production_safe() -> None:
    env = {
        **CLEAN_ENV,
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://u@h/db",
    }
    code = (
        "import kindveilig.settings.base as s;"
        "assert s.DEBUG is False;"
        "assert s.SESSION_COOKIE_SECURE and s.CSRF_COOKIE_SECURE;"
        "assert s.SECURE_HSTS_SECONDS > 0;"
        "assert s.PASSWORD_HASHERS[0].endswith('Argon2PasswordHasher');"
        "assert s.SESSION_COOKIE_AGE == 1800;"
        "assert s.ALLOWED_HOSTS == []"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


def test_malformed_boolean_is_refused() -> None:
    from django.core.exceptions import ImproperlyConfigured

    env_module = importlib.import_module("kindveilig.settings.env")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KV_FLAG", "maybe")
        with pytest.raises(ImproperlyConfigured):
            env_module.env_bool("KV_FLAG")


PRODUCTION_ENV = {
    **CLEAN_ENV,
    "DJANGO_SETTINGS_MODULE": "kindveilig.settings.base",
    "SECRET_KEY": "x" * 50,
    "DATABASE_URL": "postgres://u@db.invalid/db",
    "KINDVEILIG_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWtpbmR2ZWlsaWcta2V5LTAwMDAwMDA=",
    "KINDVEILIG_BLIND_INDEX_KEY": "only-for-this-test",
}


def _manage(*args: str, settings: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": settings},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    "command", ["generate_population", "seed_demo", "demo_code", "bench_report"]
)
def test_tool_commands_are_unknown_under_production_settings(command: str) -> None:
    result = _manage(command, "--help", settings="kindveilig.settings.base")
    assert result.returncode != 0
    assert f"Unknown command: '{command}'" in result.stderr


@pytest.mark.parametrize(
    ("command", "settings"),
    [
        ("seed_demo", "kindveilig.settings.dev"),
        ("generate_population", "kindveilig.settings.bench"),
    ],
)
def test_tool_commands_exist_where_the_tools_are_installed(
    command: str, settings: str
) -> None:
    # The same check from the other side, so the test above cannot pass merely
    # because manage.py fails to start.
    result = _manage(command, "--help", settings=settings)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout


def test_single_sign_on_is_off_unless_configured() -> None:
    env = {**CLEAN_ENV, "SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://u@h/db"}
    code = (
        "import kindveilig.settings.base as s;"
        "assert s.KINDVEILIG_OIDC_ENABLED is False;"
        "assert s.AUTHENTICATION_BACKENDS == "
        "['django.contrib.auth.backends.ModelBackend']"
    )
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    refused = subprocess.run(
        [sys.executable, "-c", "import kindveilig.settings.base"],
        env={**env, "KINDVEILIG_OIDC_CLIENT_ID": "kindveilig"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode != 0
    assert "KINDVEILIG_OIDC_CLIENT_SECRET" in refused.stderr
    endpoints = {
        f"KINDVEILIG_OIDC_{name}": f"https://idp.example.nl/{name.lower()}"
        for name in [
            "ISSUER",
            "AUTHORIZATION_ENDPOINT",
            "TOKEN_ENDPOINT",
            "USERINFO_ENDPOINT",
            "JWKS_ENDPOINT",
        ]
    }
    configured = {
        **env,
        **endpoints,
        "KINDVEILIG_OIDC_CLIENT_ID": "kindveilig",
        "KINDVEILIG_OIDC_CLIENT_SECRET": "secret",
        "KINDVEILIG_OIDC_MFA_AMR_VALUES": "otp, hwk",
    }
    code = (
        "import kindveilig.settings.base as s;"
        "assert s.KINDVEILIG_OIDC_ENABLED is True;"
        "assert s.AUTHENTICATION_BACKENDS[-1] == "
        "'kindveilig.sso.backends.ProviderBackend';"
        "assert s.KINDVEILIG_OIDC_MFA_AMR_VALUES == ['otp', 'hwk'];"
        "assert s.OIDC_CREATE_USER is False and s.OIDC_USE_PKCE is True"
    )
    subprocess.run([sys.executable, "-c", code], env=configured, check=True)
    wrong_claim = subprocess.run(
        [sys.executable, "-c", "import kindveilig.settings.base"],
        env={**configured, "KINDVEILIG_OIDC_USER_CLAIM": "name"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert "KINDVEILIG_OIDC_USER_CLAIM" in wrong_claim.stderr
