from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language

from kindveilig.access.decorators import any_step
from kindveilig.portal import views as portal_views

urlpatterns = [
    path("", include("kindveilig.portal.urls")),
    path("healthz", portal_views.healthz, name="healthz"),
    path(
        "toegankelijkheid/",
        portal_views.accessibility_statement,
        name="accessibility-statement",
    ),
    path("i18n/taal/", any_step(set_language), name="set_language"),
    path("", include("kindveilig.accounts.urls")),
    path("", include("kindveilig.staff.urls")),
    path("sso/", include("kindveilig.sso.urls")),
    path("personen/", include("kindveilig.persons.urls")),
    path("inzage/", include("kindveilig.privacy.urls")),
    path("organisaties/beheer/", include("kindveilig.regionadmin.urls")),
    path("organisaties/", include("kindveilig.organisations.urls")),
    path("trajecten/", include("kindveilig.meldcode.urls")),
    path("api/v1/", include("kindveilig.api.urls")),
    # The youth channel's staff pages: berichten/ and beheer/hulplijnen/.
    path("", include("kindveilig.youth.staff.urls")),
    path("huishoudens/", include("kindveilig.households.urls")),
    path("keten/", include("kindveilig.verwijsindex.urls")),
    path("meldcode-op-orde/", include("kindveilig.readiness.urls")),
    path("leren/", include("kindveilig.learning.urls")),
    path("kansrijke-start/", include("kindveilig.kansrijkestart.urls")),
    path("monitor/", include("kindveilig.monitor.urls")),
    path("notificaties/", include("kindveilig.notifications.urls")),
    # The public children's pages: no login, no tracking, a configurable path.
    path(settings.KINDVEILIG_YOUTH_PATH, include("kindveilig.youth.public.urls")),
]
