"""The Dutch words of the pick-up code; the lists live in ``wordlists`` (one per
language), this name stays for the code that imports the Dutch list from here."""

from .wordlists.nl import WORDS

__all__ = ["WORDS"]
