"""The shared Turkish danger patterns: (pattern, category).

Written by the development team, NOT yet reviewed by a native speaker
(docs/youth-messages.md). Accents are removed before matching (ö → o, ş → s,
ğ → g, ı → i), so write "dovuyor" or "dövüyor", both work; the spoken present
tense is written out first (dovuyo → dovuyor, istiyom → istiyorum,
``chat_words.py``).

Turkish glues endings to words, and a negation too: "dövüyor" (hits) and
"dövmüyor" (does not hit) share only "döv". So a verb is listed by the forms that
say it happens (``dovuyor*|dovdu*|dovul*``), never by the bare stem (``dov*``
would also find "dövme", a tattoo). The future and "I will" forms (dövecek,
öldürürüm) are threats.
"""

# Who: the people a threat or a beating is aimed at (object forms).
_WHOM = (
    "beni|bizi|seni|sizi|onu|annemi|anneni|babami|babani|kardesimi|kardesini"
    "|abimi|ablami|hepimizi|hepinizi"
)
_FAMILY = "babam*|annem*|abim*|ablam*|uvey*|amcam*|dayim*|enistem*|dedem*"
_HIT = (
    "dovuyor*|dovdu*|dovul*|dovmus*|dovup|dayak|tokat*|tekmele*|yumrukla*"
    "|cimdikle*|siddet"
)
# Where a beating lands (dative) or whom it hits.
_TARGET = (
    "bana|bize|anneme|kardesime|kafama|kafami|yuzume|basima|karnima|sirtima"
    "|kafasini|kafasina"
)
_PLACES = (
    "odaya|odama|odasina|banyoya|tuvalete|eve|evde|bodruma|depoya|dolaba|balkona"
    "|kilere|mahzene|garaja"
)
_PILLS = "hap*|ilac*|tablet*"

PATTERNS: list[tuple[str, str]] = [
    # Self-harm and suicide
    ("olmek|olmeyi .. istiyor*|isterdim|dusunuyor*", "self_harm"),
    ("yasamak|yasamaya .. istemiyor*", "self_harm"),
    ("uyanmak istemiyor*", "self_harm"),
    ("uyanmasam|uyanmasaydim|uyanmamak", "self_harm"),
    ("bir daha uyanma*", "self_harm"),
    ("intihar*", "self_harm"),
    (
        "kendimi .. kes*|oldur*|asmak|asacag*|asica*|asarim|yarala*|yakacag*"
        "|yakica*|yaktim",
        "self_harm",
    ),
    ("kendime zarar", "self_harm"),
    ("canima kiy*", "self_harm"),
    ("zehir .. icecegim|icicem|ictim", "self_harm"),
    ("bilek*|kol* .. kes*|kestim|kesicem|kesecegim", "self_harm"),
    ("jilet att*|atiyorum", "self_harm"),
    ("jilet* .. kendim*|kol*|bilek*|kestim|izi*", "self_harm"),
    ("kimse .. ozlemez|umursamaz", "self_harm"),
    ("olsem|olursem .. kimse|herkes|fark", "self_harm"),
    ("bensiz .. mutlu|iyi|rahat", "self_harm"),
    ("ben olmasam", "self_harm"),
    ("dogmasa*", "self_harm"),
    ("dogmamis olsa*", "self_harm"),
    ("hayatim* .. son ver*|bitir*", "self_harm"),
    ("her seye|seyi son ver*", "self_harm"),
    ("her seyi bitir*", "self_harm"),
    ("son vermek", "self_harm"),
    ("onune atla*|atli*", "self_harm"),
    ("catidan|kopruden|balkondan|pencereden|binadan atla*|atli*", "self_harm"),
    (f"butun|kutu|fazla|suru|hepsini|tum .. {_PILLS}", "self_harm"),
    (f"{_PILLS} ... hepsini|tumunu|toplay*|biriktir*", "self_harm"),
    ("yok olmak istiyor*", "self_harm"),
    ("bu dunyadan gitmek", "self_harm"),
    ("yasamanin|hayatin .. anlami yok", "self_harm"),
    # Violence
    (_HIT, "violence"),
    (f"{_TARGET} ... vurdu|vurdular|vuruyor*|vurur|vurup|vurdugu", "violence"),
    ("tokat|tekme|yumruk att*|atiyor*|atip|atar|yedim", "violence"),
    ("el kaldiriyor*|kaldirdi", "violence"),
    (f"{_FAMILY} ... morluk*|morard*|mosmor|morartt*", "violence"),
    ("her yerim .. morluk|mosmor|mor", "violence"),
    (f"{_WHOM}|kardesim* ... firlatti*|firlatiyor*", "violence"),
    ("duvara|yere|merdivenden ... itti|itip|firlatti*|atti|atip|carpti", "violence"),
    ("bogaz* .. sikti|sikiyor*|sikmaya", "violence"),
    ("bogmaya|bogdu*|boguyor*", "violence"),
    ("sacim* .. cek*|tut*", "violence"),
    ("sigara* .. bastir*", "violence"),
    ("elimi|kolumu|bacagimi|yuzumu|beni .. yakti|yakiyor*|dagladi", "violence"),
    ("canimi yakti|yakiyor*", "violence"),
    ("yaraladi|yaraliyor*", "violence"),
    # Sexual abuse
    ("dokunuyor*|dokundu*|dokunmam*|dokunmaya|dokunmasi*", "sexual"),
    ("elledi*|elliyor*|ellemeye|ellemek|elleyip|ellendim", "sexual"),
    ("tecavuz*|taciz*|istismar*|sapik*", "sexual"),
    ("ciplak|cinsel|seks*|nude*|nud", "sexual"),
    ("soyundur*|soyunmam*|soyunmamiz*", "sexual"),
    ("ozel yer*|ozel bolge*", "sexual"),
    ("zorla op*", "sexual"),
    ("pantolonum*|etegim*|camasirim* .. indir*|sok*|gir*", "sexual"),
    ("bacagima|gogsume|popoma|kalcama .. elini", "sexual"),
    ("yatagim* .. gel*|gir*", "sexual"),
    ("yorgan* .. gir*|altina", "sexual"),
    ("banyo*|dus* ... izliyor*|bakiyor*|fotograf*|video*", "sexual"),
    ("bizim sirrimiz", "sexual"),
    # Confinement
    (
        "kilitledi|kilitlediler|kilitliyor|kilitliyorlar|kilitleyip|kilitlendim"
        "|kilitleniyor*|kilitliyim|kilitleyecek*",
        "confinement",
    ),
    ("odam|odamiz|kapim|kapimiz kilitli", "confinement"),
    ("kilitli .. odadayim|cikamiyor*", "confinement"),
    (f"{_PLACES} kapatti*|kapattilar|kapatiyor*|kapatip", "confinement"),
    ("hapset*|hapsed*", "confinement"),
    ("beni|bizi|kardesimi .. bagladi*|bagliyor*|baglayip", "confinement"),
    ("beni|bizi kacirdi*", "confinement"),
    ("kacirildim|kacirildik", "confinement"),
    ("disari .. cikmama|cikmamiza izin vermiyor*|yok", "confinement"),
    ("disari birakmiyor*|salmiyor*", "confinement"),
    ("hic|asla disari", "confinement"),
    ("gundur|gunlerdir|haftadir|haftalardir|aydir|aylardir ... disari", "confinement"),
    ("cikmam|cikmamiz yasak", "confinement"),
    ("okula gondermiyor*", "confinement"),
    ("okula gitmeme|gitmemize izin vermiyor*", "confinement"),
    ("beni|bizi evde tut*", "confinement"),
    # Threats
    ("tehdit*", "threat"),
    (f"{_WHOM} .. oldurec*|oldurur*|oldurme*|oldurcek|oldurcem|gebert*", "threat"),
    ("oldurecek*|oldurecegini|oldurur|oldurmekle|gebertir*|gebertec*", "threat"),
    (
        "bicaklayacak*|bicaklayacag*|bicaklica*|bicaklarim|bicaklamakla|vuracag*"
        "|vurcag*|vuracak*|dovecek*|doveceg*",
        "threat",
    ),
    ("keserim|kesecek*|kesecegi*|mahvederim|mahvedecek*|mahvedecegi*", "threat"),
    ("kafa* .. kirarim|kiracag*|kiracak*|kiricam", "threat"),
    ("canini|canimi|canimizi .. yakarim|yakacag*|yakacak*|yakicam", "threat"),
    ("evi .. yakacag*|yakarim|yakicam|yakacak*", "threat"),
    ("bicak|silah* var", "threat"),
    ("bicak|silah* goster*|cek*|dayadi*", "threat"),
    # Not daring to go home
    ("eve .. korkuyor*|korkarim", "unsafe_home"),
    ("eve .. cesaret*", "unsafe_home"),
    ("guvende|guvenli degil*|hissetmiyor*", "unsafe_home"),
    ("evden kac*", "unsafe_home"),
    (f"{_FAMILY} .. korkuyor*", "unsafe_home"),
    ("evde .. korkuyor*", "unsafe_home"),
    ("sokakta|parkta|disarida .. yat*|uyudum|uyuyorum|kaldim", "unsafe_home"),
    ("evden kov*|att*|atildim", "unsafe_home"),
    ("eve donmek istemiyor*", "unsafe_home"),
    # Harmless phrases, cut out first: jokes, games, stories, reasons, denials.
    ("oldur* ... haha|lol|saka|xd|kanka|oyun*", "harmless"),
    ("bu .. beni olduruyor*|oldurdu", "harmless"),
    ("oyun*|fortnite*|minecraft* ... oldur*|oldum", "harmless"),
    (
        "film*|dizi*|haber*|televizyon*|kitap* ... tecavuz*|bicak*|oldur*|kacir*",
        "harmless",
    ),
    ("judo*|futbol*|boks*|mac*|antrenman* ... att*|vur*|tekme*|yumruk*", "harmless"),
    ("topa .. vurdu", "harmless"),
    ("siddet|intihar hakkinda", "harmless"),
    ("ciplak ayak*|kosuyor", "harmless"),
    ("cinsel egitim", "harmless"),
    ("omzuma|omuzuma|elime|basima .. dokun*", "harmless"),
    ("kacis* ... kilit*|kapat*", "harmless"),
    ("kafeste kilitli", "harmless"),
    ("jiletle tras", "harmless"),
    ("izin vermiyor*|vermedi .. cunku|yuzunden", "harmless"),
    ("gondermiyor*|birakmiyor*|cikamiyor* .. cunku|yuzunden", "harmless"),
    ("ceza aldim", "harmless"),
    ("cezaliyim", "harmless"),
    ("sinav*|not* .. tehdit*", "harmless"),
    ("tehdit kelime*", "harmless"),
    ("yaymakla|paylasmakla tehdit*", "harmless"),
    ("intihar* .. dusunmuyor*", "harmless"),
    ("zarar vermiyor*", "harmless"),
    ("kendimi kesmiyor*", "harmless"),
    ("tehdit etmiyor*", "harmless"),
    ("kimse beni dovmuyor", "harmless"),
    ("arkadasim ... ne yapmali*|yapayim|yapabilirim", "harmless"),
]
