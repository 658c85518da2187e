"""The pick-up code in six languages: the lists follow their rules, a code typed in
any language (or several) reads back as the Dutch code, and its hash is the same."""

import math
from itertools import combinations

import pytest

from kindveilig.core.crypto import HashPurpose, keyed_hash
from kindveilig.core.tests.legacy_hashes import old_code_hash
from kindveilig.youth.messages.codes import (
    CODE_BITS,
    PickupCode,
    code_hash,
    normalise_word,
    parse_code,
    script_of,
    sound_key,
)
from kindveilig.youth.messages.models import PublicChannel, YouthConversation
from kindveilig.youth.messages.selectors import conversation_by_code
from kindveilig.youth.messages.services import conversation_start
from kindveilig.youth.messages.wordlist import WORDS as WORDLIST_WORDS
from kindveilig.youth.messages.wordlists import (
    LANGUAGES,
    TO_BE_REVIEWED,
    WORDLISTS,
    wordlist,
)
from kindveilig.youth.messages.wordlists.nl import WORDS

SCRIPTS = {
    "nl": "latin",
    "en": "latin",
    "tr": "latin",
    "pl": "latin",
    "ar": "arabic",
    "uk": "cyrillic",
}
LATIN = [language for language, script in SCRIPTS.items() if script == "latin"]
CODE = PickupCode(words=("uil", "appel", "brug", "kat"), number=482)


def _close(a: str, b: str) -> bool:
    """True when a and b are equal or one inserted, removed or changed letter apart."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    return any(b[:i] + b[i + 1 :] == a for i in range(len(b)))


def _form(language: str, word: str) -> str:
    """What the parser compares: Dutch by sound, the others normalised."""
    return sound_key(word) if language == "nl" else normalise_word(word)


def test_the_six_languages_have_512_words_each_so_a_code_keeps_45_8_bits() -> None:
    assert LANGUAGES == ("nl", "en", "ar", "tr", "pl", "uk")
    assert {
        language: len(words) for language, words in WORDLISTS.items()
    } == dict.fromkeys(LANGUAGES, 512)
    assert WORDLISTS["nl"] is WORDS is WORDLIST_WORDS
    assert pytest.approx(4 * math.log2(512) + math.log2(900)) == CODE_BITS
    assert round(CODE_BITS, 1) == 45.8


def test_only_dutch_is_reviewed_the_other_lists_await_a_native_speaker() -> None:
    assert set(LANGUAGES) - TO_BE_REVIEWED == {"nl"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_word_is_one_word_in_its_own_script(language: str) -> None:
    wrong = [
        word
        for word in WORDLISTS[language]
        if not word.replace("'", "").isalpha()
        or script_of(word) != SCRIPTS[language]
        or len(normalise_word(word)) < 2
        or (
            language == "uk" and any(char.isascii() and char.isalpha() for char in word)
        )
        or (language != "uk" and "'" in word)
    ]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_words_of_a_list_are_unique_after_normalisation(language: str) -> None:
    forms = [_form(language, word) for word in WORDLISTS[language]]
    assert len(set(forms)) == len(forms)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_two_words_of_a_list_differ_in_two_letters_or_more(
    language: str,
) -> None:
    """So one wrong letter still points to one word. No exceptions are needed;
    where one would be, the parser refuses the typo (tests below)."""
    forms = [_form(language, word) for word in WORDLISTS[language]]
    too_close = [(a, b) for a, b in combinations(forms, 2) if _close(a, b)]
    assert too_close == []


def test_a_word_in_two_lists_has_the_same_index_in_both() -> None:
    indexes: dict[str, set[int]] = {}
    for words in WORDLISTS.values():
        for index, word in enumerate(words):
            indexes.setdefault(normalise_word(word), set()).add(index)
    assert {form: found for form, found in indexes.items() if len(found) > 1} == {}
    # e.g. "panda" (nl, en, tr, pl), "kask" (tr, pl) and "robot" are shared
    assert indexes["panda"] == {WORDS.index("panda")}
    assert indexes["kask"] == {WORDS.index("helm")}


def test_a_latin_word_that_sounds_like_a_dutch_word_has_its_index() -> None:
    dutch = {sound_key(word): index for index, word in enumerate(WORDS)}
    clashes = [
        (language, word, WORDS[dutch[key]])
        for language in LATIN
        for index, word in enumerate(WORDLISTS[language])
        if (key := sound_key(normalise_word(word))) in dutch and dutch[key] != index
    ]
    assert clashes == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_of_every_list_reads_back_as_its_dutch_word(language: str) -> None:
    words = WORDLISTS[language]
    wrong = []
    for start in range(0, len(words), 4):
        typed = " ".join([*words[start : start + 4], "482"])
        expected = PickupCode(words=WORDS[start : start + 4], number=482)
        if parse_code(typed) != expected:
            wrong.append(typed)
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_code_shown_in_a_language_reads_back_with_the_same_hash(
    language: str,
) -> None:
    codes = [
        PickupCode(words=WORDS[start : start + 4], number=100 + start)
        for start in range(0, len(WORDS), 4)
    ]
    assert [parse_code(code.text_in(language)) for code in codes] == codes
    parsed = parse_code(CODE.text_in(language))
    assert parsed is not None
    assert code_hash(parsed) == code_hash(CODE)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "uil appel brug kat 482"),
        ("en", "owl apple bridge cat 482"),
        ("ar", "بومة تفاحة جسر قط 482"),
        ("tr", "baykuş elma köprü kedi 482"),
        ("pl", "sowa jabłko most kot 482"),
        ("uk", "сова яблуко міст котик 482"),
        ("en-GB", "owl apple bridge cat 482"),
        ("UK", "сова яблуко міст котик 482"),
        ("pt_BR", "uil appel brug kat 482"),  # no list: Dutch
        ("de", "uil appel brug kat 482"),
        ("", "uil appel brug kat 482"),
        (None, "uil appel brug kat 482"),
    ],
)
def test_text_in_gives_the_code_in_a_language_and_dutch_when_unknown(
    language: str | None, text: str
) -> None:
    assert CODE.text_in(language) == text
    assert CODE.words_in(language) == tuple(text.split()[:4])
    assert wordlist(language)[WORDS.index("uil")] == text.split()[0]


def test_the_dutch_text_and_so_the_hash_do_not_depend_on_the_language() -> None:
    for typed in [
        "uil appel brug kat 482",
        "owl apple bridge cat 482",
        "بومة تفاحة جسر قط ٤٨٢",
        "сова яблуко міст котик 482",
    ]:
        code = parse_code(typed)
        assert code == CODE
        assert code is not None
        assert code.text == "uil appel brug kat 482"
        assert code_hash(code) == keyed_hash(
            HashPurpose.PICKUP_CODE, "uil appel brug kat 482"
        )


@pytest.mark.parametrize(
    "typed",
    [
        "owl elma جسر котик 482",
        "sowa apple köprü kat 482",
        "بومة appel міст kedi ٤٨٢",
    ],
)
def test_a_code_may_mix_languages(typed: str) -> None:
    assert parse_code(typed) == CODE


@pytest.mark.parametrize(
    "typed",
    [
        "بومة تفاحة جسر قط ٤٨٢",  # Arabic-Indic digits
        "بومة تفاحة جسر قط ۴۸۲",  # Eastern Arabic-Indic (Persian) digits
        "بُومَة تُفَّاحَة جِسْر قِطّ ٤٨٢",  # harakat and shadda
        "بومـــة تفاحـة جسر قـط 482",  # tatweel
        "بومه تفاحه الجسر القط ٤ ٨ ٢",  # teh marbuta written as heh, the article
        "\u200fبومة، تفاحة، جسر، قط ٤٨٢\u200f",  # Arabic commas, RTL marks
    ],
)
def test_arabic_is_read_with_harakat_tatweel_article_and_arabic_digits(
    typed: str,
) -> None:
    assert parse_code(typed) == CODE


def test_arabic_hamza_and_alef_forms_are_one_letter() -> None:
    expected = PickupCode(words=("konijn", "gans", "spiegel", "maandag"), number=731)
    assert parse_code("أرنب إوزة مرآة الإثنين ٧٣١") == expected
    assert parse_code("ارنب اوزه مراه اثنين 731") == expected
    assert parse_code("ارنب اوزة مراة الاثنين ٧٣١") == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("baykus elma kopru kedi 482", ("uil", "appel", "brug", "kat")),
        ("BAYKUŞ ELMA KÖPRÜ KEDİ 482", ("uil", "appel", "brug", "kat")),
        ("ISPANAK cilek agac bulbul 482", ("spinazie", "aardbei", "boomhut", "zwaan")),
        ("ıspanak çilek ağaç bülbül 482", ("spinazie", "aardbei", "boomhut", "zwaan")),
        ("zaba labedz zolw jablko 482", ("kikker", "zwaan", "schildpad", "appel")),
        ("ŻABA ŁABĘDŹ ŻÓŁW JABŁKO 482", ("kikker", "zwaan", "schildpad", "appel")),
    ],
)
def test_turkish_and_polish_may_be_typed_without_their_letters(
    typed: str, words: tuple[str, ...]
) -> None:
    assert parse_code(typed) == PickupCode(words=words, number=482)


@pytest.mark.parametrize(
    "typed",
    [
        "м'яч ґудзик єнот їжак 482",
        "м’яч гудзик енот іжак 482",  # typographic apostrophe, no ghe with upturn
        "мʼяч ГУДЗИК ЕНОТ ІЖАК 482",  # modifier-letter apostrophe
        "мяч гудзик енот ижак 482",  # no apostrophe; Russian i is one letter off
        "мъяч гудзик энот ёжак 482",  # a Russian keyboard: ъ, э, ё
        "мяч гудзик eнoт іжaк 482",  # Latin e, o and a among the Cyrillic
    ],
)
def test_ukrainian_apostrophes_and_letter_variants_are_read(typed: str) -> None:
    assert parse_code(typed) == PickupCode(
        words=("bal", "knop", "wasbeer", "egel"), number=482
    )


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("KEDİ", "kedi"),
        ("kırpı", "kirpi"),
        ("Żółw", "zolw"),
        ("أرنب", "ارنب"),
        ("مِرْآة", "مراه"),
        ("الاثنين", "اثنين"),
        ("ґудзик", "гудзик"),
        ("М'ЯЧ", "мяч"),
        ("їжак", "іжак"),
        ("чайка", "чайка"),  # й stays й
    ],
)
def test_normalisation_per_script(typed: str, normal: str) -> None:
    assert normalise_word(typed) == normal


@pytest.mark.parametrize(
    "typed",
    [
        "owl aple bridge cat 482",  # en, a letter missing
        "owl apple bridgee catt 482",
        "baykus elmma kopru kedi 482",  # tr, a letter too many
        "sowa jabko most kot 482",  # pl
        "بومة تفاح جسر قط ٤٨٢",  # ar, ة missing
        "сова яблко міст котик 482",  # uk, a letter missing
        "сова яблуко міст котік 482",  # the Ukrainian i for the other
        "uil apel bruch kadt 482",  # Dutch as before: sound_key and one letter
    ],
)
def test_a_word_one_letter_off_is_forgiven_when_it_points_to_one_word(
    typed: str,
) -> None:
    assert parse_code(typed) == CODE


@pytest.mark.parametrize(
    "word",
    [
        "cam",  # en: ram or cat
        "قب",  # ar: دب (bear) or قط (cat)
        "мев",  # uk: лев (lion) or мед (honey)
        "pap",  # pl: cap (billy goat) or paw (peacock)
        "мист",  # uk: bridge or letter, with the Russian i
        "mosst",  # pl most (bridge), or nl mist or post
        "boar",  # en bear or pl bóbr (beaver): across languages
    ],
)
def test_a_typo_that_could_be_two_words_is_refused_not_guessed(word: str) -> None:
    assert parse_code(f"uil appel brug {word} 482") is None


@pytest.mark.parametrize(
    "typed",
    [
        "owl apple bridge 482",  # three words
        "owl apple bridge cat ٤٢",  # number too small, in Arabic digits
        "بومة تفاحة جسر كمبيوتر ٤٨٢",  # not a word of the list
        "сова яблуко міст комп'ютер 482",
        "owl apple bridge cat",
    ],
)
def test_a_wrong_code_in_another_language_is_refused(typed: str) -> None:
    assert parse_code(typed) is None


def test_fullwidth_digits_count_too() -> None:
    assert parse_code("owl apple bridge cat ４８２") == CODE


def test_a_dutch_code_is_found_when_typed_in_any_language(
    channel: PublicChannel,
) -> None:
    result = conversation_start(channel=channel, body="Ik ben mijn gum kwijt")
    assert result.code is not None
    conversation = YouthConversation.objects.get()
    assert conversation.code_hash == keyed_hash(
        HashPurpose.PICKUP_CODE, " ".join([*result.code.words, str(result.code.number)])
    )
    for language in LANGUAGES:
        assert conversation_by_code(result.code.text_in(language)) == conversation
    mixed = [
        WORDLISTS[language][WORDS.index(word)]
        for language, word in zip(
            ("ar", "uk", "tr", "en"), result.code.words, strict=True
        )
    ]
    assert (
        conversation_by_code(" ".join([*mixed, str(result.code.number)]))
        == conversation
    )


def test_a_code_hashed_before_keyed_hash_is_found_typed_in_arabic(
    channel: PublicChannel,
) -> None:
    result = conversation_start(channel=channel, body="Hoi")
    assert result.code is not None
    YouthConversation.objects.update(code_hash=old_code_hash(result.code.text))
    arabic_digits = "".join(chr(0x0660 + int(d)) for d in result.code.digits)
    typed = " ".join([*result.code.words_in("ar"), arabic_digits])
    assert conversation_by_code(typed) == YouthConversation.objects.get()
