from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("inloggen/code/", views.otp_verify, name="otp-verify"),
    path("inloggen/app-koppelen/", views.otp_enrol, name="otp-enrol"),
    path("inloggen/verder/", views.recovery_codes_continue, name="recovery-continue"),
    path("account/herstelcodes/", views.recovery_codes_renew, name="recovery-renew"),
    path("organisatie-kiezen/", views.choose_organisation, name="choose-organisation"),
    path("uitloggen/", views.logout_view, name="logout"),
    # Under organisaties/ for the functioneel beheerder, where it always was.
    path("organisaties/medewerkers/", views.member_list, name="member-list"),
]
