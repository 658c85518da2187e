"""The aandachtsfunctionaris's overview of deadlines per step."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
