"""The API's version, in one place (NLGov API Design Rules: the major version is
in the URL, ``/api/v1/``; the full semantic version is in the ``API-Version``
header of every answer and in the OpenAPI document's ``info.version``).

Kept free of Django imports: the settings read it for drf-spectacular.
"""

API_VERSION = "1.1.0"
API_VERSION_HEADER = "API-Version"
API_PREFIX = "/api/"
