import importlib

from django.conf import settings

from kindveilig.persons.name_index import name_digests

migration = importlib.import_module(
    "kindveilig.persons.migrations.0007_encrypt_existing_names"
)


def test_the_frozen_token_scheme_equals_the_name_index() -> None:
    for given, family in [
        ("Zoë", "van den Berg-Öztürk"),
        ("Sam (demo)", "Voorbeeldmans"),
        ("A", "O'Brien"),
        ("Maximiliaan-Alexander", "Hoogenboom-Vandersteenhoven"),
    ]:
        assert migration.digests(
            given, family, settings.KINDVEILIG_BLIND_INDEX_KEY
        ) == name_digests(given, family)
