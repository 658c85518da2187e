"""The melding document (HTML and PDF), printed or exported after step-up 2FA."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
