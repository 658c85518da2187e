from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language

from kindveilig.access.decorators import any_step
from kindveilig.core import views as core_views
from kindveilig.youth import urls as youth_urls
from kindveilig.youthmessages import urls as youthmessages_urls

core_patterns = ([path("", core_views.home, name="home")], "core")

urlpatterns = [
    path("", include(core_patterns)),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/taal/", any_step(set_language), name="set_language"),
    path("", include("kindveilig.accounts.urls")),
    path("personen/", include("kindveilig.persons.urls")),
    path("organisaties/", include("kindveilig.organisations.urls")),
    path("trajecten/", include("kindveilig.meldcode.urls")),
    path("api/v1/", include("kindveilig.api.urls")),
    path("berichten/", include("kindveilig.youthmessages.urls")),
    path("beheer/hulplijnen/", include((youth_urls.staff_urlpatterns, "youthstaff"))),
    path("huishoudens/", include("kindveilig.households.urls")),
    path("keten/", include("kindveilig.chain.urls")),
    path("meldcode-op-orde/", include("kindveilig.registry.urls")),
    path("leren/", include("kindveilig.learning.urls")),
    path("monitor/", include("kindveilig.monitor.urls")),
    # The public children's pages: no login, no tracking, a configurable path.
    path(settings.KINDVEILIG_YOUTH_PATH, include("kindveilig.youth.urls")),
    path(
        settings.KINDVEILIG_YOUTH_PATH,
        include((youthmessages_urls.public_urlpatterns, "youthchild")),
    ),
]
