"""Production settings. Everything that differs per environment comes from env vars.

There is no production.py: dev.py and test.py set defaults and import this module.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

import dj_database_url
import django_stubs_ext

from kindveilig.api.version import API_VERSION

from .env import env_bool, env_int, env_list, env_secret, env_str, env_terms

django_stubs_ext.monkeypatch()

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_secret("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

# Demo-only features (seed_demo, demo_code, printed TOTP secrets) need this and DEBUG.
KINDVEILIG_DEMO_MODE = env_bool("KINDVEILIG_DEMO_MODE", default=False)
# Months of closed demo trajectories before this one (the monitor's history).
KINDVEILIG_DEMO_HISTORY_MONTHS = 11

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks_db",
    "kindveilig.core",
    "kindveilig.access",
    "kindveilig.accounts",
    "kindveilig.sso",
    "kindveilig.organisations",
    "kindveilig.audit",
    "kindveilig.notifications",
    "kindveilig.persons",
    "kindveilig.staff",
    "kindveilig.households",
    "kindveilig.meldcode",
    "kindveilig.youth.messages",
    "kindveilig.youth.public",
    "kindveilig.youth.staff",
    "kindveilig.verwijsindex",
    "kindveilig.readiness",
    "kindveilig.learning",
    "kindveilig.kansrijkestart",
    "kindveilig.monitor",
    "kindveilig.regionadmin",
    "kindveilig.privacy",
    "rest_framework",
    "drf_spectacular",
    "kindveilig.api",
    "kindveilig.portal",
]
# The tools on top (kindveilig.demo: seed_demo; kindveilig.scale: the generator and
# the benchmark) are never installed here: dev.py, test.py and bench.py add them, so
# their commands are unknown under production settings and can never write
# fictitious records into a real database or its audit chain.

MIDDLEWARE = [
    "kindveilig.core.middleware.RequestIdMiddleware",
    # /api/ only: the API-Version header and problem+json for every error.
    "kindveilig.api.middleware.ApiMiddleware",
    # Every page's READ records in one write, before its response leaves (a
    # failure to write turns the response into the error page).
    "kindveilig.audit.middleware.AuditReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kindveilig.accounts.middleware.IdleSessionMiddleware",
    "kindveilig.core.middleware.DutchFirstLocaleMiddleware",
    # The children's pages take their language from their path (nl, en, ar, tr,
    # pl, uk), never from a cookie: youth.public.language.
    "kindveilig.youth.public.language.YouthLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "kindveilig.accounts.middleware.ActorMiddleware",
    "kindveilig.access.middleware.AccessRuleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "kindveilig.core.middleware.NoStoreMiddleware",
]

ROOT_URLCONF = "kindveilig.urls"
WSGI_APPLICATION = "kindveilig.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kindveilig.portal.navigation.navigation",
            ],
        },
    },
]
FORM_RENDERER = "kindveilig.core.forms.KindveiligFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_secret("DATABASE_URL"), conn_max_age=env_int("DB_CONN_MAX_AGE", 60)
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portal:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Single sign-on with OpenID Connect (docs/sso.md): off unless a client id is set.
# Staff who exist in Kindveilig log in at their organisation's identity provider;
# nobody is ever created by it, and the password login stays.
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
OIDC_RP_CLIENT_ID = env_str("KINDVEILIG_OIDC_CLIENT_ID", "")
KINDVEILIG_OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
# Which claim finds the user: "email" (User.email) or "sub" (ProviderIdentity).
KINDVEILIG_OIDC_USER_CLAIM = env_str("KINDVEILIG_OIDC_USER_CLAIM", "email")
# The provider asked a second factor when the ID token's acr is one of these, or
# its amr holds one of these; otherwise Kindveilig's own TOTP step follows.
KINDVEILIG_OIDC_MFA_ACR_VALUES = env_list("KINDVEILIG_OIDC_MFA_ACR_VALUES")
KINDVEILIG_OIDC_MFA_AMR_VALUES = env_list("KINDVEILIG_OIDC_MFA_AMR_VALUES")
KINDVEILIG_OIDC_PROVIDER_NAME = env_str("KINDVEILIG_OIDC_PROVIDER_NAME", "")
OIDC_CREATE_USER = False
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_RP_SIGN_ALGO = env_str("KINDVEILIG_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = env_str("KINDVEILIG_OIDC_SCOPES", "openid email")
OIDC_AUTHENTICATION_CALLBACK_URL = "sso:callback"
# RP-initiated logout (docs/sso.md, "Logout"): the provider's end_session_endpoint;
# empty (a provider without one): logging out ends the Kindveilig session only.
KINDVEILIG_OIDC_END_SESSION_ENDPOINT = env_str(
    "KINDVEILIG_OIDC_END_SESSION_ENDPOINT", ""
)
# Where the provider sends the browser afterwards (registered at the provider);
# empty: the absolute URL of Kindveilig's login page.
KINDVEILIG_OIDC_POST_LOGOUT_REDIRECT_URI = env_str(
    "KINDVEILIG_OIDC_POST_LOGOUT_REDIRECT_URI", ""
)
if KINDVEILIG_OIDC_ENABLED:
    if KINDVEILIG_OIDC_USER_CLAIM not in {"email", "sub"}:
        raise ImproperlyConfigured(
            'KINDVEILIG_OIDC_USER_CLAIM must be "email" or "sub".'
        )
    AUTHENTICATION_BACKENDS.append("kindveilig.sso.backends.ProviderBackend")
    OIDC_RP_CLIENT_SECRET = env_secret("KINDVEILIG_OIDC_CLIENT_SECRET")
    KINDVEILIG_OIDC_ISSUER = env_str("KINDVEILIG_OIDC_ISSUER")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("KINDVEILIG_OIDC_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env_str("KINDVEILIG_OIDC_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env_str("KINDVEILIG_OIDC_USERINFO_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env_str("KINDVEILIG_OIDC_JWKS_ENDPOINT")
# Lock an account after this many failed password or code attempts: first for
# KINDVEILIG_LOGIN_LOCKOUT_MINUTES, doubling with every further failure, capped.
KINDVEILIG_LOGIN_MAX_FAILURES = env_int("KINDVEILIG_LOGIN_MAX_FAILURES", 5)
KINDVEILIG_LOGIN_LOCKOUT_MINUTES = env_int("KINDVEILIG_LOGIN_LOCKOUT_MINUTES", 1)
KINDVEILIG_LOGIN_LOCKOUT_MAX_MINUTES = env_int(
    "KINDVEILIG_LOGIN_LOCKOUT_MAX_MINUTES", 60
)
OTP_TOTP_ISSUER = "Kindveilig"

# Sessions end after 30 idle minutes: every request renews the cookie.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 30 * 60)
# The idle limit is renewed by accounts.middleware.IdleSessionMiddleware once a
# minute instead of a session write on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_RENEW_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=True)
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "kindveilig.core.views.csrf_failure"

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
# Preloading binds the whole (municipal) domain to HTTPS for years: the operator
# decides that with SECURE_HSTS_PRELOAD, so its deploy-check warning is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The health check must answer plain HTTP from the load balancer.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Project-wide static files (NL Design System CSS, our CSS and tiny scripts).
STATICFILES_DIRS = [SRC_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
# Uploads: form fields (everything but files) at most 2.5 MB in memory; a file
# above 2.5 MB goes to a temporary file, not memory. Attachments are refused
# above 10 MB (meldcode.file_types); the reverse proxy stops bodies above 11 MB
# before Django sees them (client_max_body_size, docs/deploy.md).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FILES = 10

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "kindveilig_cache",
    }
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

_EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKEND,
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "use_tls": env_bool("EMAIL_USE_TLS", default=False),
        }
        if _EMAIL_BACKEND.endswith("smtp.EmailBackend")
        else {},
    }
}
# The public children's channel "Praat erover": its path (a municipality may put it
# on its own domain and path) and the neutral page the quick-exit button opens.
KINDVEILIG_YOUTH_PATH = env_str("KINDVEILIG_YOUTH_PATH", "praat/")
KINDVEILIG_QUICK_EXIT_URL = env_str(
    "KINDVEILIG_QUICK_EXIT_URL", "https://www.knmi.nl/nederland-nu/weer"
)
# Children's conversations are deleted after this many days without activity.
KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS = env_int(
    "KINDVEILIG_YOUTH_MESSAGE_RETENTION_DAYS", 60
)
# An urgent message nobody opens goes to the deputies after this many minutes of
# the organisation's hours, and to the municipality's on-duty organisation after
# as many again (docs/youth-messages.md).
KINDVEILIG_YOUTH_ESCALATE_MINUTES = env_int("KINDVEILIG_YOUTH_ESCALATE_MINUTES", 30)
# Wrong pick-up codes per ten minutes, for everybody together (docs/youth.md).
KINDVEILIG_YOUTH_GUESS_BUDGET = env_int("KINDVEILIG_YOUTH_GUESS_BUDGET", 600)
# How many reverse proxies stand before Kindveilig (X-Forwarded-For hops to trust);
# the children's rate limit keys on the client address, never stored.
KINDVEILIG_TRUSTED_PROXY_COUNT = env_int("KINDVEILIG_TRUSTED_PROXY_COUNT", 0)
# Verwijsindex signals: active for two years, then archived for five (Jeugdwet 7.1.4.6).
KINDVEILIG_SIGNAL_ACTIVE_DAYS = env_int("KINDVEILIG_SIGNAL_ACTIVE_DAYS", 730)
KINDVEILIG_SIGNAL_ARCHIVE_DAYS = env_int("KINDVEILIG_SIGNAL_ARCHIVE_DAYS", 1826)
# How long a break-the-glass read access lasts.
# Retention terms in days per kind of record and sector, over the defaults of
# docs/retention.md, e.g. {"meldcode.trajectory": {"onderwijs": 1095}}. A JSON
# object in the environment.
KINDVEILIG_RETENTION_TERMS = env_terms("KINDVEILIG_RETENTION_TERMS")

KINDVEILIG_BREAK_GLASS_MINUTES = env_int("KINDVEILIG_BREAK_GLASS_MINUTES", 60)
# The Inspectie van het Onderwijs's number for the vertrouwensinspecteurs, shown on
# the meldplicht pages (the houder must consult them about a colleague's suspicion).
VERTROUWENSINSPECTEUR_PHONE = env_str("VERTROUWENSINSPECTEUR_PHONE", "0900-1113111")
# Absolute links in e-mails (which never carry personal data, only a link).
KINDVEILIG_BASE_URL = env_str("KINDVEILIG_BASE_URL", "")

# The accessibility statement (/toegankelijkheid/): who runs this installation,
# its compliance status (A-E, digitoegankelijk.nl; C until a full WCAG-EM
# audit of this installation is done) and where to report a problem.
KINDVEILIG_OPERATOR_NAME = env_str("KINDVEILIG_OPERATOR_NAME", "Gemeente (voorbeeld)")
KINDVEILIG_ACCESSIBILITY_STATUS = env_str("KINDVEILIG_ACCESSIBILITY_STATUS", "C")
KINDVEILIG_ACCESSIBILITY_CONTACT = env_str(
    "KINDVEILIG_ACCESSIBILITY_CONTACT", "toegankelijkheid@gemeente.example"
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kindveilig@localhost")

# Field encryption: comma-separated Fernet keys, the first one encrypts; the rest
# still decrypt until ``manage.py rotate_keys`` has re-encrypted everything under
# the first. The blind-index key makes BSNs and name tokens findable without
# storing them readable; during its rotation the old key stays in the fallbacks,
# so lookups still find rows not yet re-keyed (docs/deploy.md, "Key rotation").
# Core's system check refuses missing or malformed keys at start-up.
KINDVEILIG_ENCRYPTION_KEYS = env_list("KINDVEILIG_ENCRYPTION_KEYS")
KINDVEILIG_BLIND_INDEX_KEY = env_str("KINDVEILIG_BLIND_INDEX_KEY", "")
KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS = env_list("KINDVEILIG_BLIND_INDEX_KEY_FALLBACKS")

# The audit log's anchor outside the database (docs/audit-log.md): every
# verification checkpoint is sealed with this key (HMAC; keep it out of the
# database and away from its administrators) and appended as a JSON line to the
# sink file, which must not live on the database server. `check --deploy`
# requires both.
KINDVEILIG_AUDIT_SEAL_KEY = env_str("KINDVEILIG_AUDIT_SEAL_KEY", "")
KINDVEILIG_AUDIT_SINK = env_str("KINDVEILIG_AUDIT_SINK", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "scrub_personal_data": {"()": "kindveilig.core.logging.PersonalDataFilter"},
        "request_id": {"()": "kindveilig.core.logging.RequestIdFilter"},
    },
    "formatters": {
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "scrub_personal_data"],
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django would otherwise e-mail tracebacks to ADMINS: never send them out.
        "django.request": {
            "handlers": ["console"],
            "level": "ERROR",
            "propagate": False,
        },
        "django.security": {
            "handlers": ["console"],
            "level": "WARNING",
            "propagate": False,
        },
        # WeasyPrint narrates every PDF at INFO; keep its warnings only.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The REST API (/api/v1/, docs/api.md): tokens for systems, the verified session
# for the browser; default deny through the access rule every view declares.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kindveilig.api.authentication.ApiTokenAuthentication",
        "kindveilig.api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["kindveilig.api.permissions.ActorHasRole"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "kindveilig.api.exceptions.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kindveilig API",
    "DESCRIPTION": (
        "Meldcode trajectories and their steps, households (the Routekaart, the "
        "veiligheidsplan, handovers) and Verwijsindex signals, through the same "
        "services, access rules and audit log as the pages. Errors are "
        "application/problem+json (RFC 9457); every answer carries the API-Version "
        "header. See docs/api.md."
    ),
    "VERSION": API_VERSION,
    "SCHEMA_PATH_PREFIX": r"/api/v1/",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["kindveilig.api.permissions.ActorHasRole"],
    # API-Version on every answer, problem+json for every error (api/schema.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "kindveilig.api.schema.postprocess",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "AdviceOutcomeEnum": "kindveilig.meldcode.afwegingskader.Outcome",
        "TrajectoryOutcomeEnum": "kindveilig.meldcode.models.choices.Outcome",
        "StepEnum": "kindveilig.meldcode.models.choices.Step",
        "FeedbackKindEnum": "kindveilig.meldcode.models.choices.FeedbackKind",
        "HandoverChannelEnum": "kindveilig.meldcode.models.choices.HandoverChannel",
        "ChronologyKindEnum": "kindveilig.api.meldcode.serializers.CHRONOLOGY_KINDS",
        "TrajectoryStatusEnum": "kindveilig.meldcode.models.choices.Status",
        "PhaseEnum": "kindveilig.households.models.Phase",
        "CaseStatusEnum": "kindveilig.households.models.CaseStatus",
        "HandoverStatusEnum": "kindveilig.households.models.HandoverStatus",
        "PlanItemStatusEnum": "kindveilig.households.models.ItemStatus",
        "PlanItemKindEnum": "kindveilig.households.models.ItemKind",
        "PartnerKindEnum": "kindveilig.households.models.PartnerKind",
        "SignalStatusEnum": "kindveilig.verwijsindex.models.SignalStatus",
        # Starting a trajectory offers every origin but Kansrijke Start's, which
        # starts from a contact moment only; a trajectory shows any origin.
        "OriginEnum": "kindveilig.meldcode.models.choices.Origin",
        "HandStartedOriginEnum": (
            "kindveilig.meldcode.models.choices.HAND_STARTED_ORIGINS"
        ),
    },
}
