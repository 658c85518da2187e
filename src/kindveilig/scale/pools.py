"""Fictitious names and real Fernet ciphertext for the synthetic population."""

import random

from kindveilig.core.crypto import blind_index, encrypt_text
from kindveilig.core.validators import is_valid_bsn

__all__ = [
    "EMAIL_DOMAIN",
    "FAMILY_NAMES",
    "GIVEN_NAMES",
    "SYNTH",
    "BsnPool",
    "CipherPool",
]

GIVEN_NAMES = [
    "Daan",
    "Sem",
    "Noah",
    "Lucas",
    "Levi",
    "Finn",
    "Luuk",
    "Milan",
    "Bram",
    "Jesse",
    "Liam",
    "Mees",
    "Noud",
    "Sam",
    "Thijs",
    "Emma",
    "Julia",
    "Mila",
    "Sophie",
    "Tess",
    "Zoë",
    "Sara",
    "Nora",
    "Yara",
    "Eva",
    "Anna",
    "Saar",
    "Lotte",
    "Fleur",
    "Lina",
    "Mohammed",
    "Ayoub",
    "Yusuf",
    "Amir",
    "Adam",
    "Aya",
    "Salma",
    "Nour",
    "Imane",
    "Lisa",
]
FAMILY_NAMES = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "van den Broek",
    "Yilmaz",
    "El Amrani",
    "Kaya",
    "Bouzid",
]
SYNTH = " (synth.)"
EMAIL_DOMAIN = "synthetisch.kindveilig.invalid"
PHRASES = {
    "worry": "Zorgen over een kind in de groep: {n} keer afwezig, stil en teruggetrokken.",
    "facts": "Kind kwam op {d} binnen met een blauwe plek op de arm en zei er niets "
    "over. Juf heeft het gezien om {n} over acht.",
    "interpretation": "Mogelijk lichamelijke mishandeling; het patroon herhaalt zich "
    "sinds {n} weken.",
    "child_quote": "'Papa was heel boos gisteren' (gezegd op {d}).",
    "mark": "Blauwe plek van ongeveer {n} cm, geelgroen.",
    "question": "Is dit een signaal van kindermishandeling? Overleg {n}.",
    "advice": "Advies: gesprek met ouders voeren en signalen blijven vastleggen ({n}).",
    "actions": "Afspraak: over {n} dagen opnieuw overleggen met de "
    "aandachtsfunctionaris.",
    "said": "Ouders gaven aan dat het thuis druk is; vader werkt {n} uur per week.",
    "child_words": "Het kind vertelde dat het soms bang is thuis ({n}).",
    "rationale": "Afweging na overleg op {d}: zie signalen en gesprekken ({n}).",
    "help_plan": "Hulp via het lokale team, start binnen {n} dagen.",
    "explanation": "Kind is {n} jaar oud; gesprek niet passend.",
    "summary": "Veiligheidsbeoordeling gedaan op {d}: afspraken met ouders ({n}).",
    "closing": "Afspraken over toekomstige veiligheid: evaluatie na {n} weken.",
}


class CipherPool:
    """Real Fernet tokens under the configured key, drawn from a pool per kind.

    Encrypting every value (about 30 µs each in Python) would make a national run
    take an extra ten minutes, so each kind has a pool of distinct tokens, each
    with its own IV. Reading a generated row therefore costs exactly what reading
    a real one costs (same size, a real decryption); only the repetition of tokens
    is not realistic.
    """

    def __init__(self, rng: random.Random, size: int) -> None:
        self.rng = rng
        self.pools: dict[str, list[str]] = {}
        for kind, template in PHRASES.items():
            self.pools[kind] = [
                encrypt_text(
                    template.format(n=rng.randint(2, 60), d=f"{rng.randint(1, 28)}-3")
                )
                for _ in range(size)
            ]

    def __call__(self, kind: str) -> str:
        return self.rng.choice(self.pools[kind])


class BsnPool:
    """Every elfproef-valid BSN of the 9999 test range, encrypted, with its blind
    index. About 9,000 numbers, so at national size a number repeats (a search by
    BSN then finds several children: a pessimistic case for the lookup)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.values: list[tuple[str, str]] = [
            (encrypt_text(bsn), blind_index(bsn))
            for bsn in (f"9999{n:05d}" for n in range(100_000))
            if is_valid_bsn(bsn)
        ]

    def __call__(self) -> tuple[str, str]:
        return self.rng.choice(self.values)
