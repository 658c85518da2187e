"""The pick-up code: four words and a three-digit number, e.g. "uil appel brug 482".

Entropy: four words from a list of 512 (9 bits each, 36 bits) and a number from
100 to 999 (900 values, log2(900) = 9.81 bits): 45.8 bits, drawn with ``secrets``.
The database keeps only a keyed hash of the code (``code_hash``), never the code.

Typing it back is forgiving: upper or lower case, any separators, and each word may
be misspelt a little (one letter off after ``sound_key``), as long as that still
points to exactly one word of the list.
"""

import math
import re
import secrets
from dataclasses import dataclass

from kindveilig.core.crypto import HashPurpose, keyed_hash, keyed_hash_candidates

from .wordlist import WORDS

__all__ = [
    "CODE_BITS",
    "NUMBER_MAX",
    "NUMBER_MIN",
    "WORD_COUNT",
    "PickupCode",
    "code_hash",
    "code_hash_candidates",
    "generate_code",
    "parse_code",
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


_BY_KEY: dict[str, str] = {sound_key(word): word for word in WORDS}


@dataclass(frozen=True)
class PickupCode:
    words: tuple[str, ...]
    number: int

    @property
    def text(self) -> str:
        """The canonical form, as shown to the child: "uil appel brug 482"."""
        return " ".join([*self.words, str(self.number)])

    @property
    def digits(self) -> list[str]:
        return list(str(self.number))


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


def _word_for(typed: str) -> str | None:
    key = sound_key(typed)
    exact = _BY_KEY.get(key)
    if exact is not None:
        return exact
    near = [word for other, word in _BY_KEY.items() if _one_off(key, other)]
    return near[0] if len(near) == 1 else None


def parse_code(typed: str) -> PickupCode | None:
    """Read a code as a child types it; None when it is not a valid code."""
    words = re.findall(r"[^\W\d_]+", typed.lower())
    numbers = re.findall(r"\d+", typed)
    if len(words) != WORD_COUNT:
        return None
    number_text = "".join(numbers)
    if not number_text.isdigit() or not (NUMBER_MIN <= int(number_text) <= NUMBER_MAX):
        return None
    found = [_word_for(word) for word in words]
    if any(word is None for word in found):
        return None
    return PickupCode(words=tuple(w for w in found if w), number=int(number_text))


def code_hash(code: PickupCode) -> str:
    """A keyed hash of the code, the only thing stored. Its purpose gives it a
    key of its own, so it has nothing in common with the BSN index."""
    return keyed_hash(HashPurpose.PICKUP_CODE, code.text)


def code_hash_candidates(code: PickupCode) -> list[str]:
    """The hashes a conversation with this code may hold, the current first:
    conversations from before ``keyed_hash`` keep theirs until the code is used."""
    return keyed_hash_candidates(HashPurpose.PICKUP_CODE, code.text)
