import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kindveilig.settings.base")
application = get_asgi_application()

from kindveilig.core.checks import require_keys  # noqa: E402  # needs the apps loaded

require_keys()  # refuse to serve without valid keys
