"""Danger words: does a child's message ask for help right now?

Pure functions, no database: ``normalise`` turns chat language into plain words,
``compile_pattern`` reads a pattern as the functioneel beheerder writes it, and
``find_categories`` says which categories a message matches.

The pattern language, on purpose small enough to read without training:

- words, matched in this order and next to each other: ``wil niet meer leven``;
- a word ending in ``*`` matches every word that starts with it: ``snij*`` finds
  snij, snijd, snijden;
- ``a|b|c`` matches any one of the words: ``slaat|schopt me|mij`` (single words
  only: put "dood normaal" and "doodnormaal" in patterns of their own, or write
  ``dood normaal|gewoon``);
- ``..`` allows up to three other words in between: ``slaat .. moeder``.

Before matching, message and pattern are normalised the same way: lower case,
accents removed, apostrophes dropped (m'n becomes mn), common chat spellings written
out (mn, k, nie, wl ...), and every run of a repeated letter counted once
("doooood" and "dood" are the same word). An *exception* pattern (e.g. "dood
normaal", which means "very normal") is cut out of the message before the other
patterns are checked.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "GAP_WORDS",
    "CompiledPattern",
    "compile_pattern",
    "find_categories",
    "normalise",
]

GAP_WORDS = 3

# Chat spellings, written as they look after repeated letters are collapsed.
CHAT_WORDS: dict[str, str] = {
    "k": "ik",
    "ike": "ik",
    "kwil": "ik wil",
    "kben": "ik ben",
    "kga": "ik ga",
    "kdurf": "ik durf",
    "kmoet": "ik moet",
    "mn": "mijn",
    "mijzelf": "mezelf",
    "mzelf": "mezelf",
    "zn": "zijn",
    "nie": "niet",
    "ni": "niet",
    "nit": "niet",
    "nt": "niet",
    "wl": "wil",
    "bn": "ben",
    "egt": "echt",
    "eg": "echt",
    "nx": "niks",
    "nks": "niks",
    "f": "even",  # ff, after doubled letters are collapsed
    "ms": "misschien",  # mss
    "pap": "papa",
    "pa": "papa",
    "paps": "papa",
    "mam": "mama",
    "ma": "mama",
    "mams": "mama",
    "stiefpapa": "stiefvader",
    "stiefpa": "stiefvader",
    "stiefmama": "stiefmoeder",
    "stiefma": "stiefmoeder",
    "dr": "der",
    "t": "het",
    "da": "dat",
    "wa": "wat",
    "wnt": "want",
    "leve": "leven",
    "thuys": "thuis",
}

_GAP = ".."


def _collapse(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    text = _strip_accents(text.lower())
    text = re.sub(r"['’`´]", "", text)  # m'n -> mn, z'n -> zn, 'k -> k
    result: list[str] = []
    for raw in re.findall(r"[a-z0-9]+", text):
        word = _collapse(raw)
        expanded = CHAT_WORDS.get(word, word)
        result.extend(_collapse(part) for part in expanded.split())
    return result


def normalise(text: str) -> str:
    """The message as plain, comparable words separated by single spaces."""
    return " ".join(_words(text))


@dataclass(frozen=True)
class _Token:
    options: tuple[str, ...]  # words; a trailing "*" means "starts with"
    gap: bool = False

    def matches(self, word: str) -> bool:
        for option in self.options:
            if option.endswith("*"):
                if word.startswith(option[:-1]):
                    return True
            elif word == option:
                return True
        return False


@dataclass(frozen=True)
class CompiledPattern:
    category: str
    tokens: tuple[_Token, ...]
    is_exception: bool = False

    def find(self, words: list[str]) -> tuple[int, int] | None:
        """The (start, end) of the first match in ``words``, or None."""
        for start in range(len(words)):
            end = _match_from(self.tokens, 0, words, start)
            if end is not None:
                return start, end
        return None


def _match_from(
    tokens: tuple[_Token, ...], t: int, words: list[str], w: int
) -> int | None:
    if t == len(tokens):
        return w
    token = tokens[t]
    if token.gap:
        for skip in range(GAP_WORDS + 1):
            end = _match_from(tokens, t + 1, words, w + skip)
            if end is not None:
                return end
            if w + skip >= len(words):
                break
        return None
    if w < len(words) and token.matches(words[w]):
        return _match_from(tokens, t + 1, words, w + 1)
    return None


def _normalise_option(option: str) -> list[str]:
    prefix = option.endswith("*")
    words = _words(option.rstrip("*"))
    if prefix and words:
        words[-1] += "*"
    return words


def compile_pattern(
    pattern: str, category: str, is_exception: bool = False
) -> CompiledPattern | None:
    """Read a pattern; None when nothing is left to match."""
    tokens: list[_Token] = []
    for part in pattern.split():
        if part == _GAP:
            if tokens and not tokens[-1].gap:
                tokens.append(_Token(options=(), gap=True))
            continue
        options = [_normalise_option(option) for option in part.split("|") if option]
        single = [opt[0] for opt in options if len(opt) == 1]
        multi = [opt for opt in options if len(opt) > 1]
        if multi and len(options) == 1:
            # A chat spelling that expands into two words ("kwil" -> "ik wil").
            tokens.extend(_Token(options=(word,)) for word in multi[0])
        elif single:
            tokens.append(_Token(options=tuple(single)))
    while tokens and tokens[-1].gap:
        tokens.pop()
    if not tokens:
        return None
    return CompiledPattern(
        category=category, tokens=tuple(tokens), is_exception=is_exception
    )


def find_categories(text: str, patterns: Iterable[CompiledPattern]) -> list[str]:
    """The sorted categories whose patterns match the message."""
    words = _words(text)
    patterns = list(patterns)
    for exception in (p for p in patterns if p.is_exception):
        while (found := exception.find(words)) is not None:
            start, end = found
            words = [*words[:start], *words[end:]]
            if end == start:
                break
    categories = {
        pattern.category
        for pattern in patterns
        if not pattern.is_exception and pattern.find(words) is not None
    }
    return sorted(categories)
