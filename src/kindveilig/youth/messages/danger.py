"""Danger words: does a child's message ask for help right now?

Pure functions, no database: ``normalise`` turns chat language into plain words,
``compile_pattern`` reads a pattern as the functioneel beheerder writes it, and
``find_categories`` says which categories a message matches.

The pattern language, on purpose small enough to read without training:

- words, matched in this order and next to each other: ``wil niet meer leven``;
- a word ending in ``*`` matches every word that starts with it: ``snij*`` finds
  snij, snijd, snijden;
- a word ending in ``~`` also matches with one letter wrong, missing or extra (a
  typing error): ``zelfmoord~`` finds zelfmord and zelfmoort. It works on words
  of six letters or more (shorter ones match exactly), and use it only where no
  harmless word is that close: ``geslagen~`` would also find "geslapen" (slept).
  ``zelfmoord*~`` combines both;
- ``a|b|c`` matches any one of the words: ``slaat|schopt me|mij`` (single words
  only: put "dood normaal" and "doodnormaal" in patterns of their own, or write
  ``dood normaal|gewoon``);
- ``..`` allows up to three other words in between: ``slaat .. moeder``;
- ``...`` allows up to eight: ``als ik .. vertel ... vermoord*``;
- ``$`` is the end of the message: ``wil niet meer $`` finds "ik wil niet meer"
  but not "ik wil niet meer naar voetbal".

Every pattern has a language (nl, en, tr, pl, uk, ar). A message is checked with
the patterns of the languages ``languages_for`` gives: Dutch always (children mix),
the language of the page the child used, and a language its letters show (Cyrillic,
Arabic, the Turkish ı ş ğ, the Polish ł ą ę ż ...).

Before matching, message and pattern are normalised the same way, per language:
lower case, accents removed (ı → i, ł → l, ґ → г; Arabic vowel marks and hamza
seats dropped, ة → ه, ى → ي), a laughing face read as "haha", apostrophes dropped (m'n becomes mn), letters written as
digits or signs read as letters inside a word (d00d, m3s, k1ll, @ → a, $ → s; a 1
is tried as both i and l), the language's chat spellings written out (nl: mn, k,
nie, wl ...; en: u, ur, im, wanna ...), and every run of a repeated letter counted
once ("doooood" and "dood" are the same word). An *exception* pattern (category
"harmless", e.g. "dood normaal", which means "very normal") is cut out of the
message before the other patterns of its language are checked; that is also how a
plain denial ("ik word niet geslagen") is written.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from .chat_words import CHAT_ENDINGS, CHAT_WORDS

__all__ = [
    "GAP_WORDS",
    "LANGUAGES",
    "LONG_GAP_WORDS",
    "CompiledPattern",
    "compile_pattern",
    "find_categories",
    "languages_for",
    "normalise",
]

LANGUAGES = ("nl", "en", "tr", "pl", "uk", "ar")
GAP_WORDS = 3
LONG_GAP_WORDS = 8

_GAP = ".."
_LONG_GAP = "..."
FUZZY_MIN_LETTERS = 6
_END = "$"

# Letters that Unicode does not decompose into a base letter and an accent.
_PLAIN_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "ß": "ss",
        "ة": "ه",
        "ى": "ي",
        "ґ": "г",  # Ukrainian; Russian keyboards lack it, children write the plain one
        "ـ": "",  # Arabic tatweel (stretching), decoration only
    }
)
# Laughing faces mark a joke, as "haha" does: 😂 🤣 😆 😹.
_LAUGHS = re.compile("[\U0001f602\U0001f923\U0001f606\U0001f639]")
# Digits and signs that stand for letters inside a word (leetspeak).
_LEET = str.maketrans({"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})
_LEET_S = str.maketrans({"$": "s"})
# Arabic in Latin letters (Arabizi) writes the letters Latin lacks as digits:
# 3ammi, 7abasouni, ye2tolni, n9tel. In Arabic patterns digits are letters, not
# leetspeak, and a Latin word is also read as its consonants (its "skeleton"),
# because children spell the vowels every way: kaydrbni, kayderbni and
# byedrabni all hold "drb" (ضرب, hit).
_NO_LEET = frozenset({"ar"})
_ARABIZI_LETTERS = (("2", "q"), ("9", "q"), ("5", "kh"), ("8", "gh"), ("6", "t"))
_ARABIZI_SOUNDS = (("7", "h"), ("sh", "ch"))
_ARABIZI_VOWELS = re.compile("[aeiou]")
_LATIN_WORD = re.compile("[a-z0-9]+")
_SCRIPT_LANGUAGES = (
    (re.compile(r"[\u0400-\u04ff]"), "uk"),
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
    # Arabizi: a Latin word with 2, 3, 7 or 9 among its letters (3ammi, 7abs).
    # Leetspeak (m3, d00d) can look the same; the Arabic patterns then run too.
    (re.compile(r"[a-z][2379]|[2379][a-z]", re.IGNORECASE), "ar"),
    (re.compile(r"[ışğİŞĞ]"), "tr"),
    (re.compile(r"[łąęśżźćńŁĄĘŚŻŹĆŃ]"), "pl"),
)

# A word: each of its readings (a "1" is read as both i and l).
Word = tuple[str, ...]


def _collapse(word: str) -> str:
    """Every run of a repeated letter counted once; in Arabic script only runs of
    three or more (موووت), as a doubled Arabic letter is part of the word (هدد)."""
    word = re.sub(r"([\u0600-\u06ff])\1{2,}", r"\1", word)
    return re.sub(r"([^\u0600-\u06ff])\1+", r"\1", word)


def _skeleton(word: str) -> str:
    """An Arabizi word's consonants: digits as the letters they stand for, 7 and
    h as one, sh as ch, vowels dropped (kayderbni → kydrbn, ye2tolni → yqtln)."""
    for digit, letter in (*_ARABIZI_LETTERS, *_ARABIZI_SOUNDS):
        word = word.replace(digit, letter)
    return _ARABIZI_VOWELS.sub("", word)


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _readings(raw: str, language: str) -> list[str]:
    """A raw word as letters: leetspeak read back, unless it is a number (or the
    language writes letters as digits: Arabizi)."""
    if not any(ch.isalpha() for ch in raw):
        return [raw] if raw.isdigit() else []
    if language in _NO_LEET:
        return [raw]
    word = raw.translate(_LEET).translate(_LEET_S)
    if "1" in word:
        return [word.replace("1", "i"), word.replace("1", "l")]
    return [word]


def _expand(word: str, language: str) -> list[str]:
    word = _collapse(word)
    chat = CHAT_WORDS.get(language, {})
    if word in chat:
        return [_collapse(part) for part in chat[word].split()]
    for spoken, written in CHAT_ENDINGS.get(language, ()):
        if word.endswith(spoken) and len(word) >= len(spoken) + 2:
            return [word[: -len(spoken)] + written]
    return [word]


def _words(text: str, language: str = "nl") -> list[Word]:
    chat = CHAT_WORDS.get(language, {})
    text = _strip_accents(_LAUGHS.sub(" haha ", text.lower()))
    text = re.sub(r"['’`´]", "", text)  # m'n -> mn, z'n -> zn, 'k -> k, i'm -> im
    result: list[Word] = []
    for raw in re.findall(r"[\w@$]+", text.replace("_", " ")):
        if raw.isdigit() and raw not in chat:  # a number stays a number: 112
            result.append((raw,))
            continue
        known = _collapse(raw)
        if known in chat:  # chat spellings with digits first: gr8, 2day
            result.extend((part,) for part in _expand(known, language))
            continue
        readings = _readings(raw, language)
        if not readings:
            continue
        expanded = [_expand(reading, language) for reading in readings]
        if len(expanded) == 1 or len({len(e) for e in expanded}) > 1:
            result.extend((part,) for part in expanded[0])
        else:
            result.extend(
                tuple(dict.fromkeys(parts)) for parts in zip(*expanded, strict=True)
            )
    if language in _NO_LEET:
        result = [_with_skeleton(word) for word in result]
    return result


def _with_skeleton(word: Word) -> Word:
    """An Arabizi word is also read as its skeleton (its last reading)."""
    plain = word[-1]
    if not _LATIN_WORD.fullmatch(plain):
        return word
    skeleton = _skeleton(plain)
    return (*word, skeleton) if skeleton and skeleton != plain else word


def normalise(text: str, language: str = "nl") -> str:
    """The message as plain, comparable words separated by single spaces (the
    first reading of a word that has two)."""
    return " ".join(word[0] for word in _words(text, language))


def languages_for(text: str, page_language: str = "nl") -> list[str]:
    """The languages whose patterns check this message: Dutch, the page's
    language, and a language the message's letters show."""
    found = {"nl", page_language}
    found.update(lang for script, lang in _SCRIPT_LANGUAGES if script.search(text))
    return [lang for lang in LANGUAGES if lang in found]


def _similar(a: str, b: str) -> bool:
    return abs(len(a) - len(b)) <= 1 and Levenshtein.distance(a, b, score_cutoff=1) <= 1


@dataclass(frozen=True)
class _Option:
    text: str
    prefix: bool = False
    fuzzy: bool = False
    infix: bool = False  # *text*: every word that contains it

    def matches(self, word: str) -> bool:
        if self.infix:
            return self.text in word
        if self.prefix:
            if word.startswith(self.text):
                return True
            if self.fuzzy:
                size = len(self.text)
                return any(
                    _similar(word[:n], self.text) for n in (size - 1, size, size + 1)
                )
            return False
        return word == self.text or (self.fuzzy and _similar(word, self.text))


@dataclass(frozen=True)
class _Token:
    options: tuple[_Option, ...] = ()
    gap: int = 0  # a gap token: up to this many words
    end: bool = False  # the end of the message
    # Lookups derived from the options, for speed.
    exact: frozenset[str] = field(default=frozenset(), compare=False)
    prefixes: tuple[str, ...] = field(default=(), compare=False)
    fuzzy: tuple[_Option, ...] = field(default=(), compare=False)
    infixes: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, options: Iterable[_Option]) -> "_Token":
        options = tuple(options)
        return cls(
            options=options,
            exact=frozenset(o.text for o in options if not (o.prefix or o.infix)),
            prefixes=tuple(o.text for o in options if o.prefix),
            fuzzy=tuple(o for o in options if o.fuzzy),
            infixes=tuple(o.text for o in options if o.infix),
        )

    @property
    def exact_only(self) -> bool:
        return not (self.prefixes or self.fuzzy or self.infixes)

    def matches(self, word: Word) -> bool:
        for w in word:
            if w in self.exact or (self.prefixes and w.startswith(self.prefixes)):
                return True
            if self.infixes and any(infix in w for infix in self.infixes):
                return True
            if self.fuzzy and any(option.matches(w) for option in self.fuzzy):
                return True
        return False


_ANY = _Token()


@dataclass(frozen=True)
class CompiledPattern:
    category: str
    tokens: tuple[_Token, ...]
    is_exception: bool = False
    language: str = "nl"

    def find(
        self, words: list[Word], vocabulary: frozenset[str] | None = None
    ) -> tuple[int, int] | None:
        """The (start, end) of the first match in ``words``, or None.
        ``vocabulary``, every reading of every word, lets a pattern with a word
        the message lacks say no at once."""
        if vocabulary is not None and any(
            token.exact.isdisjoint(vocabulary)
            for token in self.tokens
            if token.options and token.exact_only
        ):
            return None
        first, rest = self.tokens[0], 1
        if first.end or first.gap:  # "$" first: only at the end
            first, rest = _ANY, 0
        for start in range(len(words) + (rest == 0)):
            if rest and not first.matches(words[start]):
                continue
            end = _match_from(self.tokens, rest, words, start + rest)
            if end is not None:
                return start, end
        return None


def _match_from(
    tokens: tuple[_Token, ...], t: int, words: list[Word], w: int
) -> int | None:
    if t == len(tokens):
        return w
    token = tokens[t]
    if token.end:
        return _match_from(tokens, t + 1, words, w) if w == len(words) else None
    if token.gap:
        for skip in range(token.gap + 1):
            if w + skip > len(words):
                break
            end = _match_from(tokens, t + 1, words, w + skip)
            if end is not None:
                return end
        return None
    if w < len(words) and token.matches(words[w]):
        return _match_from(tokens, t + 1, words, w + 1)
    return None


def _read_option(option: str, language: str) -> list[_Option]:
    infix = len(option) > 2 and option[0] == "*" and option[-1] == "*"
    if infix:
        # *drb*: its last reading, the skeleton of an Arabizi word.
        found = _words(option[1:-1], language)
        return [_Option(text=found[-1][-1], infix=True)] if len(found) == 1 else []
    marks = ""
    while option and option[-1] in "*~":
        marks += option[-1]
        option = option[:-1]
    words = [w[0] for w in _words(option, language)]
    if not words:
        return []
    result = [_Option(text=w) for w in words[:-1]]
    last = words[-1]
    fuzzy = "~" in marks and len(last) >= FUZZY_MIN_LETTERS
    result.append(_Option(text=last, prefix="*" in marks, fuzzy=fuzzy))
    return result


def compile_pattern(
    pattern: str, category: str, is_exception: bool = False, language: str = "nl"
) -> CompiledPattern | None:
    """Read a pattern; None when nothing is left to match."""
    tokens: list[_Token] = []
    for part in pattern.split():
        if part == _END:
            tokens.append(_Token(end=True))
            continue
        if part in (_GAP, _LONG_GAP):
            size = GAP_WORDS if part == _GAP else LONG_GAP_WORDS
            if tokens and tokens[-1].gap:
                tokens[-1] = _Token(gap=max(size, tokens[-1].gap))
            elif tokens:
                tokens.append(_Token(gap=size))
            continue
        options = [_read_option(o, language) for o in part.split("|") if o]
        single = [opt[0] for opt in options if len(opt) == 1]
        multi = [opt for opt in options if len(opt) > 1]
        if multi and len(options) == 1:
            # A chat spelling that expands into two words ("kwil" -> "ik wil").
            tokens.extend(_Token.of((option,)) for option in multi[0])
        elif single:
            tokens.append(_Token.of(single))
    while tokens and tokens[-1].gap:
        tokens.pop()
    if not any(token.options for token in tokens):
        return None
    return CompiledPattern(
        category=category,
        tokens=tuple(tokens),
        is_exception=is_exception,
        language=language,
    )


def find_categories(
    text: str, patterns: Iterable[CompiledPattern], languages: Iterable[str] = ()
) -> list[str]:
    """The sorted categories whose patterns match the message.

    ``languages``: whose patterns run (default ``languages_for(text)``, Dutch and
    what the letters show). Each language reads the message with its own chat
    spellings; the exceptions of every running language are cut out first."""
    wanted = set(languages) or set(languages_for(text))
    by_language: dict[str, list[CompiledPattern]] = {}
    exceptions: list[CompiledPattern] = []
    for pattern in patterns:
        if pattern.language not in wanted:
            continue
        if pattern.is_exception:
            exceptions.append(pattern)
        else:
            by_language.setdefault(pattern.language, []).append(pattern)
    categories: set[str] = set()
    for language, group in by_language.items():
        words = _cut_exceptions(_words(text, language), exceptions)
        vocabulary = frozenset(w for word in words for w in word)
        categories.update(
            p.category
            for p in group
            if p.category not in categories and p.find(words, vocabulary) is not None
        )
    return sorted(categories)


def _cut_exceptions(words: list[Word], exceptions: list[CompiledPattern]) -> list[Word]:
    """Cut every harmless phrase out: those of all the languages that run, as a
    harmless English phrase in a message is harmless to the Dutch patterns too."""
    # Cutting only removes words, so the first vocabulary stays a safe filter.
    vocabulary = frozenset(w for word in words for w in word)
    for exception in exceptions:
        while (found := exception.find(words, vocabulary)) is not None:
            start, end = found
            words = [*words[:start], *words[end:]]
            if end == start:
                break
    return words
