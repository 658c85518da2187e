from django.urls import include, path

from . import views

app_name = "staff"

user_urls = [
    path("", views.user_detail, name="user-detail"),
    path("deactiveren/", views.user_deactivate, name="user-deactivate"),
    path("activeren/", views.user_reactivate, name="user-reactivate"),
    path("uitnodiging/", views.invitation_resend, name="invitation-resend"),
    path("rollen/toevoegen/", views.membership_add, name="membership-add"),
    path("rollen/beeindigen/", views.membership_end, name="membership-end"),
    path("tweede-factor/", views.second_factor_reset, name="second-factor-reset"),
]

urlpatterns = [
    path("organisaties/medewerkers/uitnodigen/", views.invite, name="invite"),
    path("organisaties/medewerkers/<uuid:public_id>/", include(user_urls)),
    # The link in the invitation e-mail, then the page without the token.
    path("uitnodiging/<str:token>/", views.invitation_open, name="invitation-open"),
    path("uitnodiging/", views.invitation_accept, name="invitation-accept"),
]
