"""Chat spellings per language, written out before danger patterns are matched.

Keys are looked up after repeated letters are collapsed ("ff" is "f", "wanna" is
"wana"); this module collapses the keys itself, so write them as children do.
Every list except Dutch must be reviewed by a native speaker
(docs/youth-messages.md).
"""

import re

__all__ = ["CHAT_ENDINGS", "CHAT_WORDS"]

_NL = {
    "k": "ik",
    "ike": "ik",
    "kwil": "ik wil",
    "kben": "ik ben",
    "kga": "ik ga",
    "kdurf": "ik durf",
    "kmoet": "ik moet",
    "kheb": "ik heb",
    "kmag": "ik mag",
    "kzit": "ik zit",
    "kwordt": "ik word",
    "kword": "ik word",
    "mn": "mijn",
    "mijzelf": "mezelf",
    "mzelf": "mezelf",
    "mezelluf": "mezelf",
    "zn": "zijn",
    "nie": "niet",
    "ni": "niet",
    "nit": "niet",
    "nt": "niet",
    "nii": "niet",
    "wl": "wil",
    "bn": "ben",
    "egt": "echt",
    "eg": "echt",
    "nx": "niks",
    "nks": "niks",
    "ff": "even",
    "mss": "misschien",
    "pap": "papa",
    "pa": "papa",
    "paps": "papa",
    "papi": "papa",
    "mam": "mama",
    "ma": "mama",
    "mams": "mama",
    "mami": "mama",
    "stiefpapa": "stiefvader",
    "stiefpa": "stiefvader",
    "stiefpap": "stiefvader",
    "stiefmama": "stiefmoeder",
    "stiefma": "stiefmoeder",
    "dr": "der",
    "t": "het",
    "da": "dat",
    "wa": "wat",
    "wnt": "want",
    "leve": "leven",
    "leeve": "leven",
    "thuys": "thuis",
    "tuis": "thuis",
    "iemant": "iemand",
    "niemant": "niemand",
    "doot": "dood",
    "dod": "dood",
    "zelfmoort": "zelfmoord",
    "selfmoord": "zelfmoord",
    "zm": "zelfmoord",
    "vermoort": "vermoordt",
    "vermoor": "vermoord",
    "sgool": "school",
    "skool": "school",
    "tog": "toch",
    "gwn": "gewoon",
    "idd": "inderdaad",
    "wss": "waarschijnlijk",
    "ie": "hij",
    "snijt": "snijd",
    "opgeslote": "opgesloten",
    "opgesloote": "opgesloten",
}

_EN = {
    "u": "you",
    "ya": "you",
    "yu": "you",
    "ur": "your",
    "youre": "you are",
    "im": "i am",
    "ima": "i am going to",
    "imma": "i am going to",
    "ive": "i have",
    "id": "i would",
    "ill": "i will",
    "wanna": "want to",
    "wana": "want to",
    "gonna": "going to",
    "gona": "going to",
    "gotta": "got to",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "cant": "can not",
    "cannot": "can not",
    "cnt": "can not",
    "wont": "will not",
    "isnt": "is not",
    "wasnt": "was not",
    "arent": "are not",
    "havent": "have not",
    "aint": "am not",
    "r": "are",
    "b": "be",
    "n": "and",
    "ppl": "people",
    "bc": "because",
    "bcs": "because",
    "cuz": "because",
    "coz": "because",
    "cos": "because",
    "idk": "i do not know",
    "kms": "kill myself",
    "kys": "kill yourself",
    "mom": "mum",
    "mommy": "mum",
    "mummy": "mum",
    "mam": "mum",
    "ma": "mum",
    "mother": "mum",
    "dad": "dad",
    "daddy": "dad",
    "pa": "dad",
    "father": "dad",
    "stepdad": "stepdad",
    "stepfather": "stepdad",
    "stepmom": "stepmum",
    "stepmother": "stepmum",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "thats": "that is",
    "its": "it is",
    "whats": "what is",
    "pls": "please",
    "plz": "please",
    "rly": "really",
    "gr8": "great",
    "2day": "today",
    "2nite": "tonight",
    "2": "to",
    "4": "for",
    "wen": "when",
    "wit": "with",
    "w": "with",
    "myslf": "myself",
    "meself": "myself",
    "mysef": "myself",
    "tho": "though",
    "sum1": "someone",
    "some1": "someone",
    "no1": "no one",
    "noone": "no one",
    "nobody": "no one",
    "lil": "little",
    "hme": "home",
    "scool": "school",
    "skool": "school",
}

_TR = {
    "bn": "ben",
    "sn": "sen",
    "bi": "bir",
    "cok": "cok",
    "istiyom": "istiyorum",
    "istiyorm": "istiyorum",
    "istiyomm": "istiyorum",
    "istemiyom": "istemiyorum",
    "annm": "annem",
    "babm": "babam",
    "dyo": "diyor",
    "diyo": "diyor",
    "yapyo": "yapiyor",
    "vuruyo": "vuruyor",
    "dovuyo": "dovuyor",
    "olcem": "olecegim",
    "olucam": "olecegim",
    "oldurcek": "oldurecek",
    "oldurcem": "oldurecegim",
    "oldurucek": "oldurecek",
    "nbr": "ne haber",
    "slm": "selam",
    "tmm": "tamam",
    "cnm": "canim",
    "bisey": "bir sey",
    "bnm": "benim",
    "bni": "beni",
    "bna": "bana",
    "snn": "senin",
    "sni": "seni",
    "herkez": "herkes",
    "hersey": "her sey",
    "herseyi": "her seyi",
    "herseye": "her seye",
    "biseyi": "bir seyi",
    "kimse": "kimse",
}

_PL = {
    "nwm": "nie wiem",
    "jb": "jebany",
    "sie": "sie",
    "chce": "chce",
    "chcem": "chce",
    "mnie": "mnie",
    "mi": "mi",
    "tata": "tata",
    "tato": "tata",
    "taty": "tata",
    "ojciec": "tata",
    "ojczym": "ojczym",
    "mamy": "mama",
    "mame": "mama",
    "mamie": "mama",
    "matka": "mama",
    "mamusia": "mama",
    "wgl": "w ogole",
    "wogole": "w ogole",
    "nk": "nie",
    "ni": "nie",
    "zabic": "zabic",
    "pzdr": "pozdrawiam",
    "tz": "tez",
}

_UK = {
    "шо": "що",
    "шось": "щось",
    "тато": "тато",
    "батько": "тато",
    "татко": "тато",
    "вітчим": "вітчим",
    "мати": "мама",
    "мамка": "мама",
    "мене": "мене",
}

_AR = {
    "بابا": "ابي",
    "بابي": "ابي",
    "ابوي": "ابي",
    "ماما": "امي",
    "مامي": "امي",
    "امى": "امي",
}


def _collapsed(words: dict[str, str]) -> dict[str, str]:
    """The keys with repeated letters counted once, as ``danger`` does (in Arabic
    script only runs of three or more)."""
    return {
        re.sub(
            r"([^\u0600-\u06ff])\1+",
            r"\1",
            re.sub(r"([\u0600-\u06ff])\1{2,}", r"\1", key),
        ): value
        for key, value in words.items()
    }


# Spoken endings, written out after the chat words: a word that ends in the left
# part (and has at least two letters before it) ends in the right part instead.
# Turkish children write the present tense as it is spoken: istiyom (istiyorum),
# dovuyo (dovuyor), gondermiyolar (gondermiyorlar).
_TR_ENDINGS = {
    f"{vowel}{spoken}": f"{vowel}{written}"
    for vowel in "iu"
    for spoken, written in (
        ("yo", "yor"),
        ("yom", "yorum"),
        ("yon", "yorsun"),
        ("yosun", "yorsun"),
        ("yoz", "yoruz"),
        ("yolar", "yorlar"),
    )
}


def _longest_first(endings: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(endings.items(), key=lambda item: -len(item[0])))


CHAT_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "tr": _longest_first(_TR_ENDINGS),
}

CHAT_WORDS: dict[str, dict[str, str]] = {
    "nl": _collapsed(_NL),
    "en": _collapsed(_EN),
    "tr": _collapsed(_TR),
    "pl": _collapsed(_PL),
    "uk": _collapsed(_UK),
    "ar": _collapsed(_AR),
}
