from django.urls import path

from . import views

app_name = "persons"

urlpatterns = [
    path("", views.person_list, name="person-list"),
    path("<uuid:public_id>/", views.person_detail, name="person-detail"),
    path("<uuid:public_id>/inzage/", views.person_access_log, name="person-access-log"),
]
