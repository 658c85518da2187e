from django.urls import path

from . import views

app_name = "verwijsindex"

urlpatterns = [
    path("", views.share_list, name="share-list"),
    path("matches/", views.match_list, name="match-list"),
    path("trajecten/<uuid:public_id>/delen/", views.share_create, name="share-create"),
    path("delen/<uuid:public_id>/intrekken/", views.share_revoke, name="share-revoke"),
    path("signalen/", views.signal_list, name="signal-list"),
    path("signalen/nieuw/", views.signal_create, name="signal-create"),
    path("signalen/<uuid:public_id>/beeindigen/", views.signal_end, name="signal-end"),
]
