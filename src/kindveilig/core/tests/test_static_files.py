"""The pages' CSS and scripts are found by the static files finders (and so by
runserver, the live test server and collectstatic)."""

from django.contrib.staticfiles import finders

import pytest


@pytest.mark.parametrize(
    "path",
    [
        "vendor/nlds/nlds.css",
        "vendor/nlds/nlds-public.css",
        "vendor/nlds/nlds-public-form.css",
        "css/kindveilig.css",
        "css/public.css",
        "css/public-form.css",
        "js/quick-exit.js",
    ],
)
def test_static_file_is_found(path: str) -> None:
    assert finders.find(path) is not None
