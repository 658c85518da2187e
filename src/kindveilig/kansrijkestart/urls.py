from django.urls import path

from . import views
from .coalition_urls import coalition_patterns

app_name = "kansrijkestart"

signal_urls = [
    path("", views.signal_list, name="signal-list"),
    path("te-volgen/", views.follow_up_list, name="follow-up-list"),
    path("signalen/nieuw/", views.signal_create, name="signal-create"),
    path("signalen/<uuid:public_id>/", views.signal_detail, name="signal-detail"),
    path(
        "signalen/<uuid:public_id>/contactmoment/",
        views.contact_add,
        name="contact-add",
    ),
    path(
        "signalen/<uuid:public_id>/geboorte/",
        views.birth_register,
        name="birth-register",
    ),
    path(
        "signalen/<uuid:public_id>/afsluiten/", views.signal_close, name="signal-close"
    ),
    path(
        "signalen/<uuid:public_id>/toestemming-intrekken/",
        views.consent_withdraw,
        name="consent-withdraw",
    ),
]

moment_urls = [
    path(
        "contactmomenten/<uuid:public_id>/meldcode/",
        views.moment_trajectory,
        name="moment-trajectory",
    ),
    path(
        "contactmomenten/<uuid:public_id>/huishouden/",
        views.moment_household,
        name="moment-household",
    ),
]

request_urls = [
    path("verzoeken/", views.request_list, name="request-list"),
    path("verzoeken/<uuid:public_id>/", views.request_detail, name="request-detail"),
]

urlpatterns = signal_urls + moment_urls + request_urls + coalition_patterns
