"""The shared Arabic danger patterns: (pattern, category).

Written by the development team, NOT yet reviewed by a native speaker
(docs/youth-messages.md). Vowel marks and hamza seats are dropped before matching
(أ إ آ → ا, ؤ → و, ئ → ي), ة becomes ه and ى becomes ي: write the plain letters.

Arabic glues "and", "with", "will" and the person to the front of a word and "me"
or "us" to its end (وبيضربوني: "and they hit me"), so most patterns here use
``*word*``, every word that contains it: ``*يضرب*`` finds يضرب, بيضربني,
كيضربني, ويضربني ... but not ضربت (I hit). The Arabic of children in the
Netherlands is often Moroccan (Darija) or Levantine, and often in Latin letters
(Arabizi: 3 = ع, 7 = ح, 9 = ق, 2 = ء or ق, 5 = خ). A Latin ``*word*`` is read
without its vowels: ``*darab*`` (drb) finds kaydrbni, kayderbni, byedrabni,
darabni. Write such a word with its vowels, as a child would.
"""

# Arabic script -------------------------------------------------------------
_FAMILY = "ابي|امي|اخي|اخوي|اختي|زوج|عمي|خالي|جدي"
_BODY = "يدي|ايدي|جسمي|وجهي|جلدي|راسي|حالي|نفسي|روحي"
_PILLS = "حبوب|الحبوب|حبات|دوا|الدوا|الدواء|اقراص"
_HOME = "البيت|عالبيت|للبيت|بيتنا|الدار|للدار|المنزل"
_OUT = "اطلع|اخرج|بالخروج|الخروج|المدرسه|عالمدرسه|للمدرسه|نخرج"
# Latin letters (Arabizi) ---------------------------------------------------
_L_FAMILY = "baba|bba|papa|mama|mma|khoya|khouya|khti|jouz|3ammi|khali|akhi|ukhti"
_L_HOME = "dar|ldar|eldar|dari|darna|bet|lbet|elbet|bayt|lbit|bit|home|huis|thuis"
_L_SELF = "rasi|rassi|7ali|hali|nafsi|nefsi|roo7i|ro7i|yeddi|yddi|idi|iddi|dra3i"
_L_DIE = "mout|mot|moot|amout|amoot|amot|amut|nmout|nmot|nmoot|nmut"
_L_LIVE = "n3ich|n3ish|3ich|3ish|a3ich|a3ish|3ichch|n3ichch|a3ichch"
_L_WANT = "bghit|bghyt|bde|bdi|bade|bedi|bidi|3ayez|3ayza|nfsi|nefsi"
_L_OUT = "nkhrej|nkhrj|nkhroj|ettla3|etla3|tla3|itla3|nodkhrej|nkhrog"
_L_SCHOOL = "mdrasa|madrase|madrasa|mdrsa|lmdrasa|lmadrasa|school|skola|school"
_L_CLOTHES = "tyab|tyabi|twabi|7wayj|7wayji|awa3i|hdoum|hdoumi|lbsi|l7wayj"

PATTERNS: list[tuple[str, str]] = [
    # Self-harm and suicide
    ("اريد|بدي|بغيت|نفسي|حابب|حابه .. موت|اموت|نموت", "self_harm"),
    ("ما|لا|مابدي .. عيش|اعيش|نعيش", "self_harm"),
    ("تعبت|مليت|زهقت من الحياه|حياتي|العيشه|عيشتي", "self_harm"),
    ("*انتحر*|*انتحار*", "self_harm"),
    (f"*قتل* .. {_BODY}", "self_harm"),
    (f"*جرح* .. {_BODY}", "self_harm"),
    ("بشفره|شفره|بالموس|شفرات", "self_harm"),
    ("لن|ما|محدا|حدا .. *فتقدني*|*شتاقلي*", "self_harm"),
    ("انهي|خلص .. كل شيء|شي", "self_harm"),
    ("*رمي* حالي|نفسي|روحي", "self_harm"),
    (f"كل|علبه|كتير|بزاف .. {_PILLS}", "self_harm"),
    ("اريد|بدي|بغيت .. اختفي|نختفي", "self_harm"),
    ("*شنق*", "self_harm"),
    ("احسن|افضل بدوني", "self_harm"),
    ("انام .. ما|ولا|وما اصحي|افيق|استيقظ|نفيق", "self_harm"),
    ("ما|لم انولدت|اولد|انخلقت|خلقت|تولدت", "self_harm"),
    ("اقفز|ساقفز|بنط|انط .. من", "self_harm"),
    ("الحياه|حياتي|العيشه ... معني", "self_harm"),
    # Violence
    ("*يضرب*|*تضرب*|*ضربني*|*ضربوني*|*ضربونا*|ضربها|ضربه", "violence"),
    (f"ضرب .. {_FAMILY}|ماما|راسي|وجهي", "violence"),
    ("*صفع*|*لكمني*|*ركلني*|*ركل*|*دفش*|*زقني*|رماني", "violence"),
    ("خنق|خنقت|خنقها|*خنقني*|*خنقوني*", "violence"),
    (f"كدمات|كدمه ... {_FAMILY}", "violence"),
    ("*حرقني*|بالسيجاره|بالمكوي", "violence"),
    (f"حرق .. {_BODY}", "violence"),
    ("بالقشاط|بالشحاطه|بالحزام|بالسمطه|بالكبل|بالعصا", "violence"),
    ("يشد|تشد شعري", "violence"),
    ("*يعذب*|*عذبني*|*يوذي*|*اذاني*|*يوذيني*", "violence"),
    ("عنف", "violence"),
    # Sexual abuse
    ("*يلمس*|*تلمس*|*لمسني*|*لمسوني*|لمس|المس", "sexual"),
    ("*تحرش*|*اغتصب*|*اغتصاب*|*قيسني*|*قيسوني*", "sexual"),
    ("الجنس|جنسي|جنسيا", "sexual"),
    ("بدون|بلا ملابس|تياب|ثياب|هدوم", "sexual"),
    ("*عاري*|*عريان*", "sexual"),
    ("تحت .. بلوزتي|تيابي|ملابسي|تنورتي", "sexual"),
    ("ايده|يده|ايدو ... فخدي|فخذي|صدري|بلوزتي|تيابي|ملابسي", "sexual"),
    ("*بوس*|*باس* .. غصب*|بالقوه", "sexual"),
    ("غصب*|بالقوه .. *بوس*|*باس*", "sexual"),
    ("*تياب*|*ملابس*|*ثياب* الداخليه", "sexual"),
    ("سر .. بيناتنا|بيننا|بينا", "sexual"),
    ("*شلح*|*خلع*|*قلع* .. ملابسي|تيابي|ثيابي|هدومي", "sexual"),
    ("وانا .. اتحمم|استحم|*تحمم*", "sexual"),
    ("*طلب*|بدو|يريد .. صور*|صوري", "sexual"),
    ("الي سريري", "sexual"),
    # Confinement
    ("*حبس*|*حبوس*", "confinement"),
    ("*قفل*|*سكر*|*سد* .. علي|علينا|عليا", "confinement"),
    ("*قفلو*|*سكرو*|سدو الباب", "confinement"),
    ("مقفله|مقفول", "confinement"),
    (
        f"بيخلوني|يخلوني|يخليني|بيخليني|خلتني|خلاني|يسمحون|بيسمحولي|يتركونني ... {_OUT}",
        "confinement",
    ),
    ("لا يسمح لي .. بالخروج|بالذهاب", "confinement"),
    (f"المفتاح|الباب ... فيني|بقدر|استطيع|نقدرش {_OUT}", "confinement"),
    ("*ربطني*|*ربطوني*|*ربطونا*", "confinement"),
    ("*خطف*", "confinement"),
    (f"من .. اسبوع|شهر|ايام|اسابيع|شهور ... {_OUT}|برا", "confinement"),
    # Threats
    ("*هدد*|*تهديد*", "threat"),
    ("*يقتل*|*تقتل*|*قتلك*|*قتلكم*|بقتل*", "threat"),
    ("*دبح*|*ذبح*|*يطعن*|*طعنك*|*يخنق*", "threat"),
    ("*يكسر*|*اكسر* .. راسي|راسك|ايدي|ايدك", "threat"),
    ("*يحرق*|*حرق* .. البيت|بيتنا", "threat"),
    ("سيطلق النار", "threat"),
    # Not daring to go home
    (f"*خاف*|*خايف* ... ارجع|اروح|روح|العوده|الرجوع|{_HOME}", "unsafe_home"),
    ("*خاف*|*خايف* .. من .. ابي|امي|زوج", "unsafe_home"),
    (f"{_HOME}|هونيك|هناك ... مخيف|مرعب|خطر", "unsafe_home"),
    (f"*هرب* .. {_HOME}", "unsafe_home"),
    ("ما|لا|لست|مش .. بامان|امان|امن", "unsafe_home"),
    (f"*طرد* ... {_HOME}|برا", "unsafe_home"),
    ("*نام*|نايم* ... الشارع|بالشارع|الحديقه|بالحديقه", "unsafe_home"),
    ("لا اجرو", "unsafe_home"),
    # Arabizi: self-harm and suicide
    (f"{_L_WANT} .. {_L_DIE}", "self_harm"),
    (f"ma|mabghitch|mabghitsh|mab9itch .. {_L_LIVE}", "self_harm"),
    ("*nta7er*|*nti7ar*|*inta7ar*", "self_harm"),
    (f"*qatal*|*jra7* .. {_L_SELF}", "self_harm"),
    (
        "kel|kol|kull|ga3|bzaf|bezaf .. 7boub|7bob|hboub|dwa|dwaa|lkina|pillen",
        "self_harm",
    ),
    # Arabizi: violence
    ("*drabni*|*drabna*|*drabatni*|*ydarab*|*tdarab*|*ndarab*", "violence"),
    (f"darab|drab|drb|drabt|drbat|darbat .. {_L_FAMILY}", "violence"),
    # Arabizi: sexual abuse
    ("*ylmes*|*tlmes*|*lmesni*|*ta9ess*|*9isni*|*ghtasab*|*3arya*", "sexual"),
    (f"bla|bdoun|bdun|bidoun|blach .. {_L_CLOTHES}", "sexual"),
    (f"*chla7*|*khla3*|*7ayed* .. {_L_CLOTHES}", "sexual"),
    (f"ta7t|t7t|ta7et .. {_L_CLOTHES}", "sexual"),
    # Arabizi: confinement
    (
        "*sedd*|*sakar*|*9fel*|*qfel* .. 3lia|3liya|3alay|3layi|3lina|3alayna",
        "confinement",
    ),
    ("*7basni*|*7abasouni*|m7bous*|m7abs*|m7bs*", "confinement"),
    (f"*khalli* ... {_L_OUT}|{_L_SCHOOL}", "confinement"),
    ("*rbatni*|*rbtouni*|*khtaf*", "confinement"),
    # Arabizi: threats
    ("*yqatal*|*tqatal*|*qatlak*|*nqatlak*", "threat"),
    ("*yhaded*|*thaded*|*hadedni*|*mhaded*|*tahdid*", "threat"),
    ("*daba7*", "threat"),
    # Arabizi: not daring to go home
    (f"*khaf*|*khayf* ... *rja3*|{_L_HOME}", "unsafe_home"),
    (f"*khaf*|*khayf* .. {_L_FAMILY}", "unsafe_home"),
    (f"*harab*|*jraw*|*tard* ... {_L_HOME}", "unsafe_home"),
    (
        "*n3es*|*nn3es*|*nam* ... zenqa|znqa|zan9a|chare3|char3|share3|street|straat",
        "unsafe_home",
    ),
    # Harmless phrases, cut out first: jokes, idioms, stories, denials.
    (
        "*قتل*|*موت* ... ه|هه|haha|لول|lol|امزح|بمزح|بهزر|علاماتي|علامات|نتيجتي|تاخرت",
        "harmless",
    ),
    ("*qatal*|*mout* ... h|hh|haha|lol|nqti|no9ti|exam", "harmless"),
    ("ma|la|7ta|3emmro|3mmro|wala .. *drabni*|*ydarab*|*tdarab*", "harmless"),
    ("ma bghitch|bghitsh|bde|bdi .. nmout|mout|amout", "harmless"),
    (
        "ما|لا|لم|عمره|عمرو|حدا|احد ضرب*|يضرب*|بيضرب*|ضربني|بيلمسني|يلمسني|يحبسني|بيحبسني|يهددني",
        "harmless",
    ),
    ("ما|لا .. بدي|اريد|بغيت .. موت|اموت|نموت", "harmless"),
    ("عدت|اعد .. *جرح* حالي|نفسي", "harmless"),
    ("ما بفكر|افكر .. بالانتحار", "harmless"),
    ("تكلمنا|حكينا .. عن الانتحار", "harmless"),
    ("التربيه الجنسيه", "harmless"),
    ("اللمسات", "harmless"),
    ("يعني|معني .. تحرش*|اغتصاب*", "harmless"),
    ("ضربت|ضربنا|ضرب .. رقم|الكره|الكوره|الطابه|بالمخدات", "harmless"),
    ("*حبس*|*حبوس* .. القفص|قفص", "harmless"),
    ("غرفه الهروب ... *حبس*|*قفل*|*سكر*", "harmless"),
    ("الواجب|الامتحان|الحر|المدرسه|الرياضيات .. *قتل*", "harmless"),
    (
        "الفيلم|بالفيلم|التلفاز|الاخبار|بالاخبار|القصه ... *خطف*|*قتل*|*اغتصاب*|للاغتصاب",
        "harmless",
    ),
    ("*هدد* .. بامتحان|امتحان|الموبايل|ياخد|بالعقاب", "harmless"),
    ("صاحبتي|صاحبي|رفيقتي ... شو لازم|بعمل|اعمل", "harmless"),
    ("يركض عاريا", "harmless"),
    ("لا احد يضربني|يهددني", "harmless"),
    ("*sedd* .. 3la rasha|rasu|raso", "harmless"),
    ("*haded* ... *nachar*|tsawri|tsawer|swari", "harmless"),
    ("*khalli* ... 7it|hit|la2n|3shan|bsbab|7itach", "harmless"),
]
