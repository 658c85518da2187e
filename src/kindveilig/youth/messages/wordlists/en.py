"""The 512 words of the pick-up code in English: TO BE REVIEWED BY A NATIVE SPEAKER.

Index-aligned with the Dutch list (``nl.py``): word i here stands for Dutch word i,
so a code typed with these words is the same code as the Dutch one. Each comment
gives the index and the Dutch word. Where the word is not a
translation ("here: ..."), the translation was too close to another word of a list
or was not one simple word. The rules are in ``wordlists/__init__.py``. Changing a
word changes no stored hash (only the Dutch text is hashed), but a code written
down with the old word no longer reads: change words before a language is used.
"""

WORDS: tuple[str, ...] = (
    "bear",  # 0 beer
    "beaver",  # 1 bever
    "ram",  # 2 bok
    "badger",  # 3 das
    "duck",  # 4 eend
    "hedgehog",  # 5 egel
    "goat",  # 6 geit
    "goose",  # 7 gans
    "shark",  # 8 haai
    "deer",  # 9 hert
    "dog",  # 10 hond
    "cat",  # 11 kat
    "chicken",  # 12 kip
    "crab",  # 13 krab
    "frog",  # 14 kikker
    "rabbit",  # 15 konijn
    "lamb",  # 16 lam
    "lion",  # 17 leeuw
    "mole",  # 18 mol
    "ant",  # 19 mier
    "sparrow",  # 20 mus
    "otter",  # 21 otter
    "panda",  # 22 panda
    "peacock",  # 23 pauw
    "pony",  # 24 pony
    "kitty",  # 25 poes
    "raven",  # 26 raaf
    "caterpillar",  # 27 rups
    "snail",  # 28 slak
    "spider",  # 29 spin
    "ox",  # 30 stier
    "tiger",  # 31 tijger
    "owl",  # 32 uil
    "falcon",  # 33 valk
    "finch",  # 34 vink
    "fish",  # 35 vis
    "whale",  # 36 walvis
    "wasp",  # 37 wesp
    "wolf",  # 38 wolf
    "worm",  # 39 worm
    "zebra",  # 40 zebra
    "swan",  # 41 zwaan
    "salmon",  # 42 zalm
    "jellyfish",  # 43 kwal
    "lobster",  # 44 kreeft
    "mussel",  # 45 mossel
    "shrimp",  # 46 garnaal
    "squid",  # 47 inktvis
    "penguin",  # 48 pinguin
    "cockatoo",  # 49 papegaai; not a translation
    "canary",  # 50 kanarie
    "hamster",  # 51 hamster
    "giraffe",  # 52 giraf
    "elephant",  # 53 olifant
    "camel",  # 54 kameel
    "dolphin",  # 55 dolfijn
    "turtle",  # 56 schildpad
    "butterfly",  # 57 vlinder
    "dragonfly",  # 58 libel
    "blackbird",  # 59 merel
    "woodpecker",  # 60 specht
    "crane",  # 61 ooievaar; not a translation
    "turkey",  # 62 kalkoen
    "koala",  # 63 koala
    "elk",  # 64 eland
    "bison",  # 65 bizon
    "buffalo",  # 66 buffel
    "gorilla",  # 67 gorilla
    "leopard",  # 68 luipaard
    "poodle",  # 69 poedel
    "raccoon",  # 70 wasbeer
    "seahorse",  # 71 zeepaard
    "crocodile",  # 72 krokodil
    "lizard",  # 73 hagedis
    "bumblebee",  # 74 hommel
    "cricket",  # 75 krekel
    "pigeon",  # 76 duif
    "magpie",  # 77 ekster
    "hawk",  # 78 havik
    "eagle",  # 79 arend
    "swallow",  # 80 zwaluw
    "starling",  # 81 spreeuw
    "pheasant",  # 82 fazant
    "pelican",  # 83 pelikaan
    "flamingo",  # 84 flamingo
    "horse",  # 85 paard
    "foal",  # 86 veulen
    "calf",  # 87 kalf
    "sheep",  # 88 schaap
    "chick",  # 89 kuiken
    "puppy",  # 90 puppy
    "kitten",  # 91 kitten
    "walrus",  # 92 walrus
    "monkey",  # 93 ijsbeer; not a translation
    "herring",  # 94 haring
    "trout",  # 95 forel
    "cod",  # 96 snoek; not a translation
    "sardine",  # 97 karper; not a translation
    "eel",  # 98 paling
    "goldfish",  # 99 goudvis
    "starfish",  # 100 zeester
    "shell",  # 101 schelp
    "octopus",  # 102 octopus
    "alpaca",  # 103 alpaca
    "apple",  # 104 appel
    "cherry",  # 105 kers
    "banana",  # 106 banaan
    "kiwi",  # 107 kiwi
    "mango",  # 108 mango
    "melon",  # 109 meloen
    "lemon",  # 110 citroen
    "pineapple",  # 111 ananas
    "peach",  # 112 perzik
    "plum",  # 113 pruim
    "apricot",  # 114 abrikoos
    "tomato",  # 115 tomaat
    "carrot",  # 116 wortel
    "leek",  # 117 prei
    "sweetcorn",  # 118 mais
    "paprika",  # 119 paprika
    "cucumber",  # 120 komkommer
    "pumpkin",  # 121 pompoen
    "bread",  # 122 brood
    "milk",  # 123 melk
    "honey",  # 124 honing
    "sugar",  # 125 suiker
    "salt",  # 126 zout
    "pepper",  # 127 peper
    "soup",  # 128 soep
    "rice",  # 129 rijst
    "pasta",  # 130 pasta
    "pizza",  # 131 pizza
    "biscuit",  # 132 koek
    "cookie",  # 133 koekje
    "waffle",  # 134 wafel
    "jelly",  # 135 drop; not a translation
    "fries",  # 136 friet
    "chips",  # 137 patat
    "cream",  # 138 vla; not a translation
    "pudding",  # 139 pudding
    "toast",  # 140 toast
    "sandwich",  # 141 tosti
    "muffin",  # 142 muffin
    "donut",  # 143 donut
    "popcorn",  # 144 popcorn
    "walnut",  # 145 noot
    "coconut",  # 146 kokos
    "date",  # 147 dadel
    "fig",  # 148 vijg
    "olive",  # 149 olijf
    "lime",  # 150 limoen
    "strawberry",  # 151 aardbei
    "raspberry",  # 152 framboos
    "blueberry",  # 153 bosbes
    "raisin",  # 154 rozijn
    "bagel",  # 155 bagel
    "pretzel",  # 156 kroket; not a translation
    "syrup",  # 157 stroop
    "tea",  # 158 thee
    "lemonade",  # 159 limonade
    "blackberry",  # 160 braam
    "rhubarb",  # 161 rabarber
    "spinach",  # 162 spinazie
    "cauliflower",  # 163 bloemkool
    "sprout",  # 164 spruit
    "beetroot",  # 165 biet
    "radish",  # 166 radijs
    "garlic",  # 167 knoflook
    "sausage",  # 168 worst
    "salad",  # 169 salade
    "mustard",  # 170 mosterd
    "peanut",  # 171 pindakaas; not a translation
    "chocolate",  # 172 chocola
    "sprinkles",  # 173 hagelslag
    "marshmallow",  # 174 muisjes; not a translation
    "cracker",  # 175 beschuit
    "almond",  # 176 amandel
    "chestnut",  # 177 kastanje
    "acorn",  # 178 eikel
    "potato",  # 179 stamppot; not a translation
    "onion",  # 180 hutspot; not a translation
    "meatball",  # 181 bitterbal; not a translation
    "toffee",  # 182 zuurtje; not a translation
    "lollipop",  # 183 lolly
    "bubblegum",  # 184 kauwgom
    "sorbet",  # 185 ijsje; not a translation
    "cake",  # 186 cake
    "yogurt",  # 187 kwark
    "chair",  # 188 stoel
    "sofa",  # 189 bank
    "door",  # 190 deur
    "clock",  # 191 klok
    "mirror",  # 192 spiegel
    "pillow",  # 193 kussen
    "blanket",  # 194 deken
    "carpet",  # 195 tapijt
    "pan",  # 196 pan
    "plate",  # 197 bord
    "fork",  # 198 vork
    "spoon",  # 199 lepel
    "cup",  # 200 kom; not a translation
    "bottle",  # 201 fles
    "basket",  # 202 mand
    "bucket",  # 203 emmer
    "broom",  # 204 bezem
    "mop",  # 205 dweil
    "brush",  # 206 borstel
    "napkin",  # 207 handdoek; not a translation
    "gluestick",  # 208 lijm
    "pencil",  # 209 potlood
    "eraser",  # 210 gum
    "ruler",  # 211 liniaal
    "notebook",  # 212 schrift
    "folder",  # 213 map
    "letter",  # 214 brief
    "post",  # 215 post
    "envelope",  # 216 envelop
    "puzzle",  # 217 puzzel
    "ball",  # 218 bal
    "doll",  # 219 pop
    "teddy",  # 220 knuffel
    "robot",  # 221 robot
    "train",  # 222 trein
    "truck",  # 223 auto; not a translation
    "bike",  # 224 fiets
    "kite",  # 225 vlieger
    "balloon",  # 226 ballon
    "key",  # 227 sleutel
    "padlock",  # 228 slot
    "button",  # 229 knop
    "radio",  # 230 radio
    "piano",  # 231 piano
    "guitar",  # 232 gitaar
    "flute",  # 233 fluit
    "drum",  # 234 trommel
    "violin",  # 235 viool
    "harp",  # 236 harp
    "trumpet",  # 237 trompet
    "kettle",  # 238 ketel
    "oven",  # 239 oven
    "cooker",  # 240 fornuis
    "zipper",  # 241 rits
    "trousers",  # 242 broek
    "sweater",  # 243 trui
    "sneaker",  # 244 schoen
    "boot",  # 245 laars
    "beanie",  # 246 pet; not a translation
    "scarf",  # 247 sjaal
    "glasses",  # 248 bril
    "watch",  # 249 horloge
    "ring",  # 250 ring
    "necklace",  # 251 ketting
    "bracelet",  # 252 armband
    "umbrella",  # 253 paraplu
    "backpack",  # 254 rugzak
    "suitcase",  # 255 koffer
    "dress",  # 256 jurk
    "vest",  # 257 vest
    "slipper",  # 258 slipper
    "sandal",  # 259 sandaal
    "knot",  # 260 strik; not a translation
    "sharpener",  # 261 etui; not a translation
    "sticker",  # 262 passer; not a translation
    "atlas",  # 263 atlas
    "globe",  # 264 globe
    "yoyo",  # 265 jojo
    "sled",  # 266 slee
    "jug",  # 267 gieter; not a translation
    "wheelbarrow",  # 268 kruiwagen
    "hammer",  # 269 hamer
    "saw",  # 270 zaag
    "pliers",  # 271 tang
    "screw",  # 272 schroef
    "drill",  # 273 spijker; not a translation
    "ladder",  # 274 ladder
    "ribbon",  # 275 lint
    "thread",  # 276 draad
    "cotton",  # 277 katoen
    "paper",  # 278 papier
    "cardboard",  # 279 karton
    "glass",  # 280 glas
    "silver",  # 281 zilver
    "bronze",  # 282 brons
    "pearl",  # 283 parel
    "diamond",  # 284 diamant
    "crystal",  # 285 kristal
    "magnet",  # 286 magneet
    "wheel",  # 287 wiel
    "motor",  # 288 motor
    "tiara",  # 289 kroon; not a translation
    "compass",  # 290 kompas
    "anchor",  # 291 anker
    "sailboat",  # 292 zeil; not a translation
    "oar",  # 293 roer; not a translation
    "garland",  # 294 slinger
    "music",  # 295 muziek
    "film",  # 296 film
    "photo",  # 297 foto
    "paint",  # 298 verf
    "paintbrush",  # 299 kwast
    "clay",  # 300 klei
    "tuba",  # 301 tuba
    "cello",  # 302 cello
    "banjo",  # 303 banjo
    "xylophone",  # 304 triangel; not a translation
    "organ",  # 305 orgel
    "phone",  # 306 telefoon
    "laptop",  # 307 laptop
    "tablet",  # 308 tablet
    "teapot",  # 309 theepot
    "ladle",  # 310 pollepel
    "sun",  # 311 zon
    "raindrop",  # 312 regen
    "snow",  # 313 sneeuw
    "storm",  # 314 storm
    "lightning",  # 315 bliksem
    "thunder",  # 316 donder
    "mist",  # 317 mist
    "sky",  # 318 lucht
    "river",  # 319 rivier
    "seaside",  # 320 strand
    "leaf",  # 321 blad
    "branch",  # 322 tak
    "flower",  # 323 bloem
    "rose",  # 324 roos
    "tulip",  # 325 tulp
    "fern",  # 326 varen
    "hedge",  # 327 heg
    "valley",  # 328 heuvel; not a translation
    "stone",  # 329 steen
    "mud",  # 330 modder
    "fire",  # 331 vuur
    "shore",  # 332 kust
    "harbour",  # 333 haven
    "pier",  # 334 dijk; not a translation
    "puddle",  # 335 vijver; not a translation
    "field",  # 336 polder; not a translation
    "meadow",  # 337 weide
    "garden",  # 338 tuin
    "bridge",  # 339 brug
    "tower",  # 340 toren
    "castle",  # 341 kasteel
    "watermill",  # 342 molen
    "home",  # 343 huis
    "hut",  # 344 hut
    "barn",  # 345 schuur
    "shop",  # 346 winkel
    "market",  # 347 markt
    "station",  # 348 station
    "planet",  # 349 planeet
    "comet",  # 350 komeet
    "rocket",  # 351 raket
    "earth",  # 352 aarde
    "venus",  # 353 venus
    "saturn",  # 354 saturnus
    "jupiter",  # 355 jupiter
    "meteor",  # 356 meteoor
    "rainbow",  # 357 regenboog
    "volcano",  # 358 vulkaan
    "desert",  # 359 woestijn
    "oasis",  # 360 oase
    "jungle",  # 361 jungle
    "spring",  # 362 lente
    "summer",  # 363 zomer
    "autumn",  # 364 herfst
    "winter",  # 365 winter
    "morning",  # 366 ochtend
    "afternoon",  # 367 middag
    "evening",  # 368 avond
    "monday",  # 369 maandag
    "tuesday",  # 370 dinsdag
    "wednesday",  # 371 woensdag
    "thursday",  # 372 donderdag
    "friday",  # 373 vrijdag
    "saturday",  # 374 zaterdag
    "sunday",  # 375 zondag
    "january",  # 376 januari
    "february",  # 377 februari
    "april",  # 378 april
    "june",  # 379 juni
    "august",  # 380 augustus
    "september",  # 381 september
    "october",  # 382 oktober
    "november",  # 383 november
    "december",  # 384 december
    "palace",  # 385 paleis
    "farm",  # 386 boerderij
    "garage",  # 387 garage
    "museum",  # 388 museum
    "pool",  # 389 zwembad
    "playground",  # 390 speeltuin
    "tunnel",  # 391 tunnel
    "courtyard",  # 392 plein; not a translation
    "cellar",  # 393 kelder
    "kitchen",  # 394 keuken
    "floor",  # 395 vloer
    "blue",  # 396 blauw
    "green",  # 397 groen
    "orange",  # 398 oranje
    "white",  # 399 wit
    "black",  # 400 zwart
    "grey",  # 401 grijs
    "brown",  # 402 bruin
    "fast",  # 403 snel
    "strong",  # 404 sterk
    "new",  # 405 nieuw
    "brave",  # 406 dapper
    "quiet",  # 407 rustig
    "happy",  # 408 vrolijk
    "smart",  # 409 slim
    "metro",  # 410 metro
    "taxi",  # 411 taxi
    "wagon",  # 412 wagen
    "tractor",  # 413 tractor
    "scooter",  # 414 scooter
    "canoe",  # 415 kano
    "yacht",  # 416 jacht
    "raft",  # 417 zeilboot; not a translation
    "ferry",  # 418 ferry
    "moped",  # 419 bromfiets
    "minibus",  # 420 busje
    "caravan",  # 421 caravan
    "submarine",  # 422 duikboot
    "tennis",  # 423 tennis
    "hockey",  # 424 hockey
    "judo",  # 425 judo
    "domino",  # 426 domino
    "slide",  # 427 glijbaan
    "swing",  # 428 schommel
    "sandpit",  # 429 zandbak
    "circle",  # 430 cirkel
    "square",  # 431 vierkant
    "triangle",  # 432 driehoek
    "cube",  # 433 kubus
    "spot",  # 434 punt; not a translation
    "knight",  # 435 ridder
    "princess",  # 436 prinses
    "pirate",  # 437 piraat
    "magician",  # 438 tovenaar
    "giant",  # 439 reus
    "dwarf",  # 440 dwerg
    "unicorn",  # 441 eenhoorn
    "dinosaur",  # 442 dino
    "heron",  # 443 lepelaar; not a translation
    "seal",  # 444 zeehond
    "daffodil",  # 445 narcis
    "crocus",  # 446 krokus
    "lily",  # 447 lelie
    "daisy",  # 448 madelief
    "lilac",  # 449 klaproos; not a translation
    "clover",  # 450 klaver
    "ivy",  # 451 distel; not a translation
    "trophy",  # 452 trofee
    "medal",  # 453 medaille
    "diploma",  # 454 diploma
    "pyramid",  # 455 piramide
    "igloo",  # 456 iglo
    "tent",  # 457 tipi
    "lighthouse",  # 458 vuurtoren
    "windmill",  # 459 windmolen
    "island",  # 460 sluis; not a translation
    "canal",  # 461 kanaal
    "waterfall",  # 462 waterval
    "fountain",  # 463 fontein
    "pebble",  # 464 kiezel
    "seaweed",  # 465 zeewier
    "coral",  # 466 koraal
    "peppermint",  # 467 pepermunt
    "vanilla",  # 468 vanille
    "ginger",  # 469 gember
    "pancake",  # 470 poffertje; not a translation
    "cheese",  # 471 oliebol; not a translation
    "sock",  # 472 pantoffel; not a translation
    "raincoat",  # 473 regenjas
    "whistle",  # 474 fluitje
    "horn",  # 475 toeter
    "crayon",  # 476 stift
    "highlighter",  # 477 marker
    "tape",  # 478 plakband
    "staple",  # 479 nietje
    "juice",  # 480 appelsap
    "candy",  # 481 snoepje
    "lantern",  # 482 lampion
    "newspaper",  # 483 krant
    "comic",  # 484 stripboek
    "sketchbook",  # 485 kleurboek; not a translation
    "toy",  # 486 speelgoed
    "present",  # 487 cadeautje
    "confetti",  # 488 confetti
    "wand",  # 489 toverstaf
    "birdhouse",  # 490 vogelhuis
    "treehouse",  # 491 boomhut
    "snowman",  # 492 sneeuwpop
    "skate",  # 493 schaats
    "snowball",  # 494 ijsbaan; not a translation
    "football",  # 495 voetbal
    "basketball",  # 496 basketbal
    "baseball",  # 497 honkbal
    "badminton",  # 498 badminton
    "gymnastics",  # 499 turnen
    "athletics",  # 500 atletiek
    "buzzer",  # 501 fietsbel; not a translation
    "helmet",  # 502 helm
    "trampoline",  # 503 klimrek; not a translation
    "rollercoaster",  # 504 achtbaan
    "gokart",  # 505 botsauto; not a translation
    "funfair",  # 506 kermis
    "circus",  # 507 circus
    "acrobat",  # 508 acrobaat
    "juggler",  # 509 jongleur
    "cactus",  # 510 cactus
    "palm",  # 511 palmboom
)
