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
    """Every message in an API error body, in order."""
    if isinstance(body, dict):
        return [m for value in body.values() for m in messages_of(value)]
    if isinstance(body, list):
        return [m for value in body for m in messages_of(value)]
    return [str(body)]


@pytest.fixture
def token_client() -> Callable[[Persona], APIClient]:
    def make(persona: Persona) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(persona)}")
        return client

    return make
