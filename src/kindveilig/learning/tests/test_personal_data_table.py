"""The lesson check: Dutch texts with and without personal data, and the verdict.

Each row: the text, then the kinds of personal data it must report (empty: the
text may be saved). The BSN rows are checked against the elfproef as well, so a
row cannot claim a number is valid when it is not.
"""

from django.core.exceptions import ValidationError

import pytest

from kindveilig.core.validators import is_valid_bsn
from kindveilig.learning.personal_data import (
    FindingKind,
    find_personal_data,
    validate_no_personal_data,
)

NAME = FindingKind.NAME
BSN = FindingKind.BSN
DOB = FindingKind.DATE_OF_BIRTH
DATE = FindingKind.DATE
ADDRESS = FindingKind.ADDRESS
POSTCODE = FindingKind.POSTCODE
PHONE = FindingKind.PHONE
EMAIL = FindingKind.EMAIL

TABLE: list[tuple[str, list[FindingKind]]] = [
    # Names
    ("Sanne vertelde dat ze niet naar huis wilde.", [NAME]),
    ("Het gesprek met de moeder van Ahmed gaf de doorslag.", [NAME]),
    ("Jan de Vries van het wijkteam belde terug.", [NAME]),
    ("Ik sprak meneer Bakker pas na drie weken.", [NAME]),
    ("Dhr. Pietersen wilde niet meewerken.", [NAME]),
    ("De vader van Mohammed el Amrani was moeilijk bereikbaar.", [NAME]),
    ("Later bleek dat sanne het al eerder had verteld.", [NAME]),
    ("Het overleg met Anne-Marie verliep goed.", [NAME]),
    ("De leerkracht merkte de signalen als eerste op.", []),
    ("De moeder wilde eerst niet praten, later wel.", []),
    ("Wij belden Veilig Thuis voor advies en dat hielp.", []),
    ("De Raad voor de Kinderbescherming deed onderzoek.", []),
    ("Samenwerking met het wijkteam in Zoetermeer verliep goed.", []),
    ("De intern begeleider en de IB'er van groep 7 overlegden.", []),
    ("Ben je op tijd bij de aandachtsfunctionaris, dan helpt dat.", []),
    # BSNs: only elfproef-valid nine-digit numbers count
    ("In het dossier stond BSN 111222333 zonder reden.", [BSN]),
    ("Het nummer 1234.56.782 stond in de mail.", [BSN]),
    ("Het kenmerk 123456789 is geen BSN.", []),
    ("Zaaknummer 987654320 uit het systeem.", []),
    # Dates of birth and other full dates
    ("Het kind is geboren 12-03-2015 en zit in groep 6.", [DOB]),
    ("Het kind (geb. 3 maart 2015) was stil.", [DOB]),
    ("Geboren in 2015, nu in groep 6.", [DOB]),
    ("Op 12 maart 2024 was het eerste overleg.", [DATE]),
    ("Het kind is 8 jaar en zit in groep 5.", []),
    ("In maart hadden we het eerste gesprek.", []),
    # Addresses and postcodes
    ("Het gezin woont op de Laan van Meerdervoort 12.", [ADDRESS]),
    ("Het gezin woont aan de Hoofdstraat 12b.", [ADDRESS]),
    ("De postcode is 2511 AB, vlak bij school.", [POSTCODE]),
    ("In 2024 VT ingeschakeld na het tweede signaal.", []),
    ("We spraken af op school, in lokaal 12.", []),
    # Phone numbers
    ("Moeder is bereikbaar op 06-12345678.", [PHONE]),
    ("Het nummer van oma is +31 70 123 4567.", [PHONE]),
    ("Bel de school op 070-1234567.", [PHONE]),
    ("Veilig Thuis is gratis bereikbaar, dag en nacht.", []),
    # E-mail addresses
    ("Stuur het verslag naar ouder@example.nl.", [EMAIL]),
    ("We mailden de school via het beveiligde kanaal.", []),
    # Several kinds at once
    (
        "Sanne (geb. 3 maart 2015) woont op Hoofdstraat 1, 2511 AB; bel 06-12345678.",
        [NAME, DOB, ADDRESS, POSTCODE, PHONE],
    ),
]


def test_the_table_is_large_enough() -> None:
    assert len(TABLE) >= 25
    assert sum(1 for _text, kinds in TABLE if kinds) >= 12
    assert sum(1 for _text, kinds in TABLE if not kinds) >= 12


def test_the_bsn_rows_agree_with_the_elfproef() -> None:
    assert is_valid_bsn("111222333")
    assert is_valid_bsn("123456782")
    assert not is_valid_bsn("123456789")
    assert not is_valid_bsn("987654320")


@pytest.mark.parametrize(
    ("text", "expected"), TABLE, ids=[row[0][:40] for row in TABLE]
)
def test_the_lesson_check_gives_the_expected_verdict(
    text: str, expected: list[FindingKind]
) -> None:
    found = [finding.kind for finding in find_personal_data(text)]
    assert found == expected, [(f.kind, f.text) for f in find_personal_data(text)]


def test_a_name_with_its_prefix_is_one_fragment() -> None:
    (finding,) = find_personal_data("Jan de Vries belde terug.")
    assert finding.text == "Jan de Vries"


def test_the_validator_lists_every_flagged_fragment() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_no_personal_data("Sanne belde 06-12345678.")
    messages = caught.value.messages
    assert len(messages) == 3
    assert any("Sanne" in message for message in messages)
    assert any("06-12345678" in message for message in messages)


def test_clean_text_passes_the_validator() -> None:
    validate_no_personal_data("De moeder en de leerkracht spraken samen met het kind.")
    validate_no_personal_data("")
