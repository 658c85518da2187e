"""Helpers for the API tests: actors, tokens, URLs and the JSON client."""

from collections.abc import Callable

from django.test import Client
from django.urls import reverse

import pytest
from conftest import Persona
from rest_framework.test import APIClient

from kindveilig.api.services import api_token_create

Login = Callable[[Client, Persona], Client]


def url(name: str, *args: object) -> str:
    return reverse(f"api:{name}", args=args)


def token_for(persona: Persona) -> str:
    _, token = api_token_create(membership=persona.membership, name="test system")
    return token


def messages_of(body: object) -> list[str]:
    """Every message of a problem answer, in order: one per ``invalidParams``
    entry, or else its ``detail``."""
    assert isinstance(body, dict)
    assert {"type", "title", "status", "detail", "instance"} <= body.keys(), body
    params = body.get("invalidParams") or []
    if params:
        return [str(param["reason"]) for param in params]
    return [str(body["detail"])]


def messages_for(body: object, name: str) -> list[str]:
    """The messages about one field (``non_field_errors`` for the rest)."""
    assert isinstance(body, dict)
    return [
        str(param["reason"])
        for param in body.get("invalidParams") or []
        if param["name"] == name
    ]


def fields_of(body: object) -> set[str]:
    """The top-level fields a problem's ``invalidParams`` name."""
    assert isinstance(body, dict)
    return {
        str(param["name"]).split(".")[0] for param in body.get("invalidParams") or []
    }


@pytest.fixture
def token_client() -> Callable[[Persona], APIClient]:
    def make(persona: Persona) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(persona)}")
        return client

    return make
