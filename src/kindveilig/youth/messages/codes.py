"""The pick-up code: four words and a three-digit number, e.g. "uil appel brug 482".

Entropy: four words from a list of 512 (9 bits each, 36 bits) and a number from
100 to 999 (900 values, log2(900) = 9.81 bits): 45.8 bits, drawn with ``secrets``.
The database keeps only a keyed hash of the code (``code_hash``), never the code.

The words exist in six languages (``wordlists``: nl, en, ar, tr, pl, uk), index-aligned
with the Dutch list. The code itself is always the Dutch words: ``PickupCode.words``
and ``text`` are Dutch, so ``code_hash`` does not depend on the language a code was
shown or typed in; ``PickupCode.words_in`` and ``text_in`` give it in a language.

Typing it back (``parse_code``) is forgiving, and the words may come from any
language, even mixed:

1. Apostrophes are left out (the Ukrainian м'яч, мʼяч and мяч are one word); every
   other character that is not a letter, a mark on a letter or a digit separates
   words. Digits of any script count, so 482, ٤٨٢ and ۴۸۲ are the same number.
2. Each word is normalised by its script (``normalise_word``):

   - Latin (nl, en, tr, pl): lower case without accents (kuş = kus, żaba = zaba,
     ağaç = agac); the Turkish ı and İ become i, the Polish ł becomes l.
   - Arabic (ar): without harakat, shadda, sukun and tatweel; the hamza forms
     folded (أ إ آ ٱ → ا, ؤ → و, ئ → ي), ى and ی → ي, ة → ه, ک → ك; a leading
     article ال is left out when two letters or more remain.
   - Cyrillic (uk): lower case, ґ → г, є → е, ї → і, stress marks left out, and what
     a Russian keyboard types instead (ы → и, э → е, ё → е, ъ left out); Latin look-alike
     letters (a, c, e, i, o, p, x, y) in a Cyrillic word count as Cyrillic.

3. A word that is in a list of its script (normalised), or a Dutch word after
   ``sound_key``, gives its index. Otherwise a word one letter off gives the index of
   the words it is one letter off from (Dutch: after ``sound_key``; the others:
   normalised), but only when they all have the same index: a typo that could be
   two different words is refused, never guessed.
"""

import math
import re
import secrets
import unicodedata
from dataclasses import dataclass

from kindveilig.core.crypto import HashPurpose, keyed_hash, keyed_hash_candidates

from .wordlists import WORDLISTS, wordlist
from .wordlists.nl import WORDS

__all__ = [
    "CODE_BITS",
    "NUMBER_MAX",
    "NUMBER_MIN",
    "WORD_COUNT",
    "PickupCode",
    "code_hash",
    "code_hash_candidates",
    "generate_code",
    "normalise_word",
    "parse_code",
    "script_of",
    "sound_key",
]

WORD_COUNT = 4
NUMBER_MIN = 100
NUMBER_MAX = 999
CODE_BITS = WORD_COUNT * math.log2(len(WORDS)) + math.log2(NUMBER_MAX - NUMBER_MIN + 1)

_SOUNDS = [
    ("sch", "sg"),
    ("ch", "g"),
    ("ij", "ei"),
    ("y", "ei"),
    ("ou", "au"),
    ("c", "k"),
    ("ph", "f"),
    ("v", "f"),
    ("z", "s"),
    ("dt", "t"),
    ("x", "ks"),
    ("q", "k"),
]


def sound_key(word: str) -> str:
    """How a word sounds, roughly: letters that sound alike in Dutch become one."""
    key = word.lower()
    for written, sound in _SOUNDS:
        key = key.replace(written, sound)
    key = re.sub(r"d$", "t", key)
    return re.sub(r"(.)\1+", r"\1", key)


_APOSTROPHES = frozenset("'\u2019\u2018\u02bc\u02bb`\u00b4")
_KEEP_IN_CYRILLIC = "\u0306"  # the breve of й
_LATIN_FOLD = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"}
)
_ARABIC_FOLD = str.maketrans(
    {
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
        "ۀ": "ه",
        "ە": "ه",
        "ھ": "ه",
        "ک": "ك",
        "ـ": None,
    }
)
_CYRILLIC_FOLD = str.maketrans(
    {
        "ґ": "г",
        "є": "е",
        "ї": "і",
        "ё": "е",
        "э": "е",
        "ы": "и",
        "ъ": None,
        "a": "а",
        "c": "с",
        "e": "е",
        "i": "і",
        "o": "о",
        "p": "р",
        "x": "х",
        "y": "у",
    }
)
_ARTICLE = "ال"

_SCRIPTS: dict[str, str] = {
    "nl": "latin",
    "en": "latin",
    "tr": "latin",
    "pl": "latin",
    "ar": "arabic",
    "uk": "cyrillic",
}


def script_of(word: str) -> str:
    """The script a typed word is written in: "arabic", "cyrillic" or "latin"."""
    for char in word:
        name = unicodedata.name(char, "")
        if name.startswith("ARABIC"):
            return "arabic"
        if name.startswith("CYRILLIC"):
            return "cyrillic"
    return "latin"


def normalise_word(word: str) -> str:
    """The form a word is compared in, by its script (see the module's docstring)."""
    script = script_of(word)
    folded = "".join(char for char in word if char not in _APOSTROPHES).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    if script == "cyrillic":
        kept = "".join(
            char
            for char in decomposed
            if unicodedata.category(char) != "Mn" or char == _KEEP_IN_CYRILLIC
        )
        return unicodedata.normalize("NFC", kept).translate(_CYRILLIC_FOLD)
    bare = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    if script == "arabic":
        bare = bare.translate(_ARABIC_FOLD)
        if bare.startswith(_ARTICLE) and len(bare) >= len(_ARTICLE) + 2:
            bare = bare[len(_ARTICLE) :]
        return bare
    return bare.translate(_LATIN_FOLD)


_DUTCH_INDEX: dict[str, int] = {word: index for index, word in enumerate(WORDS)}
_BY_KEY: dict[str, int] = {sound_key(word): index for index, word in enumerate(WORDS)}
_BY_NORMAL: dict[str, dict[str, int]] = {
    language: {normalise_word(word): index for index, word in enumerate(words)}
    for language, words in WORDLISTS.items()
}
_LANGUAGES_OF_SCRIPT: dict[str, tuple[str, ...]] = {
    script: tuple(language for language in WORDLISTS if _SCRIPTS[language] == script)
    for script in ("latin", "arabic", "cyrillic")
}


@dataclass(frozen=True)
class PickupCode:
    """A code: always the Dutch words (``wordlists.nl``) and the number."""

    words: tuple[str, ...]
    number: int

    @property
    def text(self) -> str:
        """The canonical form, as shown to the child: "uil appel brug 482"."""
        return " ".join([*self.words, str(self.number)])

    @property
    def digits(self) -> list[str]:
        return list(str(self.number))

    def words_in(self, language: str | None) -> tuple[str, ...]:
        """The words in a language ("en", "ar", "en-GB"...); Dutch for a language
        without a list."""
        words = wordlist(language)
        return tuple(
            words[_DUTCH_INDEX[word]] if word in _DUTCH_INDEX else word
            for word in self.words
        )

    def text_in(self, language: str | None) -> str:
        """The code as shown in a language: "owl apple bridge cat 482"."""
        return " ".join([*self.words_in(language), str(self.number)])


def generate_code() -> PickupCode:
    words = tuple(secrets.choice(WORDS) for _ in range(WORD_COUNT))
    number = NUMBER_MIN + secrets.randbelow(NUMBER_MAX - NUMBER_MIN + 1)
    return PickupCode(words=words, number=number)


def _one_off(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, removed or changed letter."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def _index_of(typed: str) -> int | None:
    """The index of a typed word in the lists, or None (unknown or ambiguous)."""
    normal = normalise_word(typed)
    script = script_of(typed)
    languages = _LANGUAGES_OF_SCRIPT[script]
    key = sound_key(normal) if "nl" in languages else None
    found = {
        _BY_NORMAL[language][normal]
        for language in languages
        if normal in _BY_NORMAL[language]
    }
    if key is not None and key in _BY_KEY:
        found.add(_BY_KEY[key])
    if not found:
        for language in languages:
            if language == "nl" and key is not None:
                found.update(i for other, i in _BY_KEY.items() if _one_off(key, other))
            else:
                table = _BY_NORMAL[language]
                found.update(i for other, i in table.items() if _one_off(normal, other))
    return next(iter(found)) if len(found) == 1 else None


def _split(typed: str) -> tuple[list[str], str]:
    """The words (letters with their marks) and all the digits, as Western digits."""
    words: list[str] = []
    digits: list[str] = []
    current: list[str] = []
    for char in unicodedata.normalize("NFC", typed):
        if char in _APOSTROPHES:
            continue
        category = unicodedata.category(char)
        if category[0] in "LM":
            current.append(char)
            continue
        if current:
            words.append("".join(current))
            current = []
        if category == "Nd":
            digits.append(str(unicodedata.decimal(char)))
    if current:
        words.append("".join(current))
    return [word for word in words if normalise_word(word)], "".join(digits)


def parse_code(typed: str) -> PickupCode | None:
    """Read a code as a child types it, in any language of the lists (even mixed);
    None when it is not a valid code. The result has the Dutch words."""
    words, number_text = _split(typed)
    if len(words) != WORD_COUNT:
        return None
    if not number_text or not (NUMBER_MIN <= int(number_text) <= NUMBER_MAX):
        return None
    found = [_index_of(word) for word in words]
    indexes = [index for index in found if index is not None]
    if len(indexes) != WORD_COUNT:
        return None
    return PickupCode(words=tuple(WORDS[i] for i in indexes), number=int(number_text))


def code_hash(code: PickupCode) -> str:
    """A keyed hash of the code, the only thing stored. Its purpose gives it a
    key of its own, so it has nothing in common with the BSN index."""
    return keyed_hash(HashPurpose.PICKUP_CODE, code.text)


def code_hash_candidates(code: PickupCode) -> list[str]:
    """The hashes a conversation with this code may hold, the current first:
    conversations from before ``keyed_hash`` keep theirs until the code is used."""
    return keyed_hash_candidates(HashPurpose.PICKUP_CODE, code.text)
