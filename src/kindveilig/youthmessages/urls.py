"""Child-facing message pages (mounted under the youth path) and the staff inbox."""

from django.urls import URLPattern, URLResolver

app_name = "youthmessages"

# Public, for children: mounted under KINDVEILIG_YOUTH_PATH (default "praat/").
public_urlpatterns: list[URLPattern | URLResolver] = []
# For staff: mounted under "berichten/".
urlpatterns: list[URLPattern | URLResolver] = []
