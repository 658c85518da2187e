"""Fictitious names and real Fernet ciphertext for the synthetic population."""

import itertools
import random
from collections.abc import Iterator
from datetime import date

from kindveilig.core.crypto import blind_index, encrypt_text
from kindveilig.core.validators import is_valid_bsn
from kindveilig.persons.name_index import name_digests

__all__ = [
    "EMAIL_DOMAIN",
    "FAMILY_NAMES",
    "GIVEN_NAMES",
    "SYNTH",
    "BsnPool",
    "CipherPool",
    "NamePool",
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
    # Households (gen_households.py)
    "case_opened": "De casus is geopend.",
    "case_closed": "Veiligheid is {n} weken stabiel; herstel loopt via de huisarts.",
    "phase_reason": "Afspraken uit het veiligheidsplan zijn {n} weken nagekomen.",
    "children_said": "De kinderen zeggen dat het thuis rustiger is ({n}).",
    "takes_on": "Volgt het kind op school en meldt zorgen binnen {n} dagen.",
    "plan_note": "Afspraken bijgesteld na het netwerkberaad van {d}.",
    "plan_what": "Er wordt thuis niet geslagen; bij ruzie gaat vader {n} uur weg.",
    "plan_child": "Als het thuis onrustig is, mag je oma bellen ({n}).",
    "how_checked": "Wekelijks huisbezoek; school meldt verzuim binnen {n} dagen.",
    "evidence": "Huisbezoek op {d}: afspraak nagekomen, kinderen bevestigen ({n}).",
    "participants": "Ouders, school, huisarts en lokaal team ({n} deelnemers).",
    "decisions": "Besloten: veiligheidsplan blijft, evaluatie over {n} weken.",
    "harm": "Kind is geslagen met de vlakke hand, {n} keer in de afgelopen maand.",
    "danger": "Zorg dat het geweld doorgaat als vader drinkt ({n}).",
    "strengths": "Moeder zoekt steun bij haar zus; school is een veilige plek ({n}).",
    "next_steps": "Veiligheidsplan opstellen met het netwerk binnen {n} dagen.",
    # Praat erover (gen_youth.py)
    "youth_child": "Ik durf niet goed naar huis, mijn vader is steeds boos ({n}).",
    "youth_staff": "Fijn dat je het vertelt. Kun je morgen om {n} uur langskomen?",
    "youth_name": "Sam {n}",
}


class CipherPool:
    """Real Fernet tokens under the configured key, drawn from a pool per kind.

    Encrypting every value (about 30 µs each in Python) would make a national run
    take an extra ten minutes, so each kind has a pool of distinct tokens, each
    with its own IV. Reading a generated row therefore costs exactly what reading
    a real one costs (same size, a real decryption); only the repetition of tokens
    is not realistic.
    """

    def __init__(
        self, rng: random.Random, size: int, phrases: dict[str, str] | None = None
    ) -> None:
        self.rng = rng
        self.pools: dict[str, list[str]] = {}
        for kind, template in (PHRASES if phrases is None else phrases).items():
            self.pools[kind] = [
                encrypt_text(
                    template.format(n=rng.randint(2, 60), d=f"{rng.randint(1, 28)}-3")
                )
                for _ in range(size)
            ]

    def __call__(self, kind: str) -> str:
        return self.rng.choice(self.pools[kind])


# 999990000-999999999: about 900 valid numbers kept out of the population.
RESERVED_FROM = 90_000
RESERVED_BSNS = tuple(
    bsn
    for bsn in (f"9999{n:05d}" for n in range(RESERVED_FROM, 100_000))
    if is_valid_bsn(bsn)
)


class BsnPool:
    """Every elfproef-valid BSN of the 9999 test range but the last 10,000
    numbers, encrypted, with its blind index. About 8,200 numbers, so at national
    size a number repeats (a search by BSN then finds several children: a
    pessimistic case for the lookup). ``RESERVED_BSNS`` are never generated: the
    signal benchmark registers children with them, so it knows what will match."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.values: list[tuple[str, str]] = [
            (encrypt_text(bsn), blind_index(bsn))
            for bsn in (f"9999{n:05d}" for n in range(RESERVED_FROM))
            if is_valid_bsn(bsn)
        ]

    def __call__(self) -> tuple[str, str]:
        return self.rng.choice(self.values)


class NamePool:
    """Encrypted names (or household labels, given as ``names``) and dates of
    birth, and the name tokens' blind index.

    Each name gets ``size`` ciphertexts (each with its own IV),
    handed out in turn; each date of birth is encrypted once, when first drawn.
    The digests of a name are computed once per name, as ``person_index_names``
    computes them."""

    def __init__(self, names: list[str] | None = None, size: int = 20) -> None:
        if names is None:
            names = [*GIVEN_NAMES, *(f + SYNTH for f in FAMILY_NAMES)]
        self.names: dict[str, Iterator[str]] = {
            name: itertools.cycle([encrypt_text(name) for _ in range(size)])
            for name in names
        }
        self.dates: dict[date, str] = {}
        self.digests: dict[str, set[bytes]] = {}

    def name(self, name: str) -> str:
        return next(self.names[name])

    def date(self, day: date) -> str:
        token = self.dates.get(day)
        if token is None:
            token = self.dates[day] = encrypt_text(day.isoformat())
        return token

    def tokens(self, given: str, family: str) -> set[bytes]:
        """The digests of both names (the same as for the names together)."""
        found: set[bytes] = set()
        for name in (given, family):
            digests = self.digests.get(name)
            if digests is None:
                digests = self.digests[name] = name_digests(name)
            found |= digests
        return found
