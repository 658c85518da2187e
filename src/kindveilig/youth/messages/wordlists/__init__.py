"""The words of the pick-up code in every language of the children's pages.

A code is four words and a number; the words exist in each language, and a code
works whatever language it is typed in. Every list has 512 words and the lists are
index-aligned: word i of each list stands for word i of the Dutch list, which is
the code itself (``PickupCode.words`` and the hashed ``PickupCode.text`` are always
Dutch, so the hash of a code does not depend on the language).

Rules for every list (``tests/test_pickup_code_languages.py`` checks them):

- exactly 512 words, so a code keeps its 45.8 bits whatever the language;
- simple words an eleven-year-old knows and can spell: nouns, colours, a few
  adjectives; nothing frightening, rude, religious, political or private;
- one word each, no spaces or hyphens, in the language's own script (Arabic script
  for ar, Cyrillic for uk; Turkish and Polish letters are welcome);
- word i is preferably the translation of Dutch word i; where that collides or is
  not one simple word, another simple word of the language (its comment says so);
- unique after ``codes.normalise_word``, and every two normalised words of one list
  differ in at least two letters, so one wrong letter still points to one word;
- across languages: a normalised word that is in two lists has the same index in
  both, and a Latin word that sounds like a Dutch word (``codes.sound_key``) has
  that Dutch word's index.

Only the Dutch list has been written by a native speaker; the others are drafts TO
BE REVIEWED BY A NATIVE SPEAKER (``TO_BE_REVIEWED``). Adding a language: docs/youth.md.
"""

from . import ar, en, nl, pl, tr, uk

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "TO_BE_REVIEWED", "WORDLISTS", "wordlist"]

DEFAULT_LANGUAGE = "nl"

WORDLISTS: dict[str, tuple[str, ...]] = {
    "nl": nl.WORDS,
    "en": en.WORDS,
    "ar": ar.WORDS,
    "tr": tr.WORDS,
    "pl": pl.WORDS,
    "uk": uk.WORDS,
}

LANGUAGES: tuple[str, ...] = tuple(WORDLISTS)

TO_BE_REVIEWED: frozenset[str] = frozenset({"en", "ar", "tr", "pl", "uk"})


def wordlist(language: str | None) -> tuple[str, ...]:
    """The list for a language code ("en", "EN", "en-GB", "pt_BR"...); Dutch when
    there is no list for it."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return WORDLISTS.get(code, WORDLISTS[DEFAULT_LANGUAGE])
