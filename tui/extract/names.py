"""Names: runs of capitalised words sorted into people, places and organisations."""

from __future__ import annotations

import itertools
import re
import unicodedata

from ..ingest.text import fold
from .gazetteer import (
    COMMON,
    CONNECTORS,
    COUNTRIES,
    COUNTRY_ALIASES,
    EVENT_HEADS,
    EVENT_WORDS,
    FAMOUS_SURNAMES,
    FORMER_STATES,
    GROUP_HEADS,
    HONORIFICS,
    KNOWN_ORGS,
    MONTH_NAMES,
    NOT_ACRONYMS,
    NOT_NAME_WORDS,
    ORG_CUES,
    ORG_NOUNS,
    PARTICLES,
    PEOPLES,
    PERSON_VERBS,
    PLACE_HEADS,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    POLITICAL_NOUNS,
    ROLE_HEADS,
    TITLES,
    WEEKDAY_NAMES,
)
from .organisations import (
    BODY_AFTER_DEMONYM,
    BODY_WORDS,
    NAME_WITHOUT_NOUN,
    bodies,
    org_by_context,
)
from .results import Person
from .tokens import (
    _ORG_NOUN,
    STARTERS,
    _initials,
    _is_orgish,
    _known_prefix,
    _Mention,
    _runs,
    _split_and,
    _split_connectors,
    _text_plain,
    _Tok,
    _tokens,
)

# Arabic place names open with words that also open people's names: "Abu Ghraib", "Bani Walid"
_PLACE_NAME_OPENERS = {"abu", "bin", "bani", "beni", "umm", "sheikh", "khan", "deir", "kafr",
                       "tell", "tal", "ain", "bir", "al", "el",
                       # "Beit Hanoun", "Ras Kamboni", "Ciudad Juárez", "Puerto Ayora", "La Ceiba",
                       # "Bulo Burte", "Nova Kakhovka"
                       "beit", "bayt", "kfar", "ras", "tel", "wadi", "jabal", "jebel", "nahr", "bab",
                       "sidi", "hassi", "dar", "ciudad", "puerto", "porto", "san", "santa", "santo",
                       "la", "le", "nova", "novo", "nizhny", "bulo", "beled", "ceel"}  # fmt: skip
# particles inside a name that stands after a word of place: "in Nioro du Sahel"
_PLACE_PARTICLES = {"du", "des", "del", "de", "la", "di", "da", "do", "dos"}
# … and stand after a word of place: "in", "near", "outside", "residents of"
_PLACE_BEFORE = re.compile(
    # not "from": "a message from Abu Obaida"
    r"(?:\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Aa]round|[Aa]cross|[Ii]nto|[Aa]t)"
    # "fled to Puerto Ayora", "spread to Bulo Burte" (not "spoke to": a person)
    r"|\b(?:fled|moved|travelled|traveled|spread|went|returned|flown|deployed|sent|headed|marched|"
    r"advanced|retreated|relocated|transferred|extended|driven|evacuated|taken)\s+(?:back\s+)?to"
    r"|\b(?:[Rr]esidents|outskirts|town|city|village|province|district|region|neighbourhood|"
    r"neighborhood|camp|area)\s+of)\s+(?:the\s+)?"
    # the second place of a list: "spread to Ras Kamboni and Bulo Burte"
    r"(?:[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}\s*(?:,\s*|\s+)(?:and|or)?\s*)?$"
)
_SOURCES_LINE = re.compile(r"\s*(?:Sources?|Further reading|Read more|See also)\s*:", re.I)
# (not "Daily", "Weekly": "Daily Trust", "Daily Monitor" are the names)
_KIND_WORDS = {"pollster", "broadcaster", "newspaper", "magazine", "website"}
_CAPS_BYLINE = re.compile(r"\s*By\s+[A-Z][A-Z'’\-]+\s+[A-Z][A-Z'’\-]+")
_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'’\-]+\b")
_NICKNAME = re.compile(
    r"(?P<first>[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)*) [\"“](?P<nick>[A-Z][^\"”]{1,30})[\"”] "
    r"(?P<last>[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)*)"
)
# one word with a capital inside it is a brand: "TotalEnergies", "PetroChina", "WhatsApp"; not a
# surname with a prefix ("McDonald", "MacArthur", "DeSantis", "LeBlanc", "O'Brien")
_CAMEL = re.compile(
    r"(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz|Al|El)[A-Z])[A-Z][a-z]+[A-Z][A-Za-z]+"
)
# "the" and at most two adjectives (no role noun: "the late", "the reporter" stay with people)
_THE_BEFORE_NAME = re.compile(
    r"(?<![\w'’])[Tt]he\s+(?:(?:[a-z]+(?:ive|al|ous|ic|ing|ed|ful)|pro-[\w\-]+|anti-[\w\-]+|"
    r"state-[a-z]+|[a-z]+-(?:run|owned|based|leaning|wing|language)|"
    # "the Nairobi-based Sahan", "the Kremlin-funded Zvezda"
    r"[A-Z][\w.]+-(?:based|run|owned|funded|backed|financed|controlled|aligned))\s+){0,2}$"
)
_AGENCY = re.compile(
    r"(?:\b(?P<before>[A-Z][A-Z0-9\-]{2,9}),\s+the\s+)?"
    r"\b(?P<org>United Nations|U\.N\.|UN|European Union|EU|African Union|AU)\s+"
    r"(?P<desc>(?:[a-z][\w'’\-]*\s+){0,3}?(?:agency|office|mission|watchdog|programme|program|"
    r"fund|monitors|peacekeeping mission|force)"
    r"(?:\s+(?:in|to|for|on)\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b)[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*)?)\b"
    r"(?:,?\s+(?P<after>[A-Z][A-Z0-9\-]{2,9})\b)?"
)
# named after a continent or a world region ("Organization for Security and Co-operation in
# Europe"), as after a country
_WORLD_REGIONS = {"Europe", "Africa", "Asia", "Latin America", "Middle East", "Central Asia",
                  "South Asia", "West Africa", "East Africa", "Sahel", "Horn of Africa",
                  "Caribbean", "Pacific", "Americas", "Balkans", "Caucasus", "Maghreb", "Levant",
                  "Central America", "South America", "North Africa", "Southeast Asia"}  # fmt: skip
_PLACE_NOUN_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(PLACE_NOUNS)) + r")\b")
_NOT_DESCRIPTIVE = {"has", "have", "had", "was", "were", "is", "are", "will", "would", "said",
                    "says", "sent", "and", "or", "the", "a", "an", "its", "their", "his", "her",
                    "to", "that", "which", "who", "also", "not", "new"}  # fmt: skip
_PERSONS_THING = re.compile(
    r"\s+(?:(?:former|late|estranged|eldest|youngest|elder|younger|own|chief|top|closest)\s+)?"
    r"(?:impeachment|arrest|trial|wife|husband|son|sons|daughter|daughters|brother|sister|father|"
    r"mother|nephew|uncle|cousin|widow|successor|predecessor|supporters|loyalists|aide|aides|"
    r"lawyer|lawyers|spokesman|spokeswoman|spokesperson|premiership|tenure|resignation|death|"
    r"funeral|assassination|re-election|ouster|removal|detention|conviction|pardon|deputy|"
    r"bodyguards|inauguration|birthday|memoir|remarks)\b"
)
_PLURAL_NOUN = re.compile(
    r"\s+(?:factions|gangs|militias|groups|parties|cartels|clans|movements)\b"
)


# "Place de l'Indépendance", "Plaza de Mayo", "Rue de Rivoli": a square or street in a city
_SQUARE_WORDS = re.compile(r"Place|Plaza|Piazza|Praça|Praca|Plac|Rue|Calle|Avenida|Largo")
_SQUARE_REST = re.compile(
    r"\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|del\s+|do\s+|da\s+|della\s+)[A-ZÀ-Ý][\w'’\-]*"
    r"|\s+(?:de\s+)?l['’][A-ZÀ-Ý][\w'’\-]*"
)


# the last word of a body's name that sits in a country rather than being named after it
_SITS_IN_A_COUNTRY = {"university", "institute", "school", "studies", "centre", "center", "college",
                      "academy", "foundation", "group", "council", "association", "society",
                      "network", "watch", "observatory", "research"}  # fmt: skip
# round 7: the same heads written first, as Spanish, French and Portuguese names are: "the
# Universidad de La Frontera in Temuco", "the Institut … in Dakar"
_SITS_IN_A_COUNTRY_FIRST = {"universidad", "université", "universidade", "instituto", "institut",
                            "escuela", "école", "colegio", "fundación", "fondation", "fundação",
                            "centro", "centre", "observatorio", "academia", "académie"}  # fmt: skip


# brothers and sisters named with one surname: "his sons Saddam and Khaled Haftar"
_SIBLINGS_BEFORE = re.compile(r"\b(?:sons|brothers|daughters|sisters|twins|cousins|siblings)\s+$")
# a number that opens a name: "the 444 Combat Brigade", "the gang known as 400 Mawozo"
_NUMBER_BEFORE = re.compile(r"\b(?:[Tt]he|as|called|named)\s+(\d{2,4})\s+$")


# plural nouns that end a band's name: "Tatay Digong Warriors", "Amba Boys", "Kashmir Tigers"
_GROUP_PLURALS = {"warriors", "tigers", "boys", "lions", "eagles", "hawks", "knights",
                  "guardians", "martyrs", "partisans", "patriots", "rangers", "riders", "wolves",
                  "falcons", "panthers", "scorpions", "commandos", "fighters", "mujahideen",
                  "mujahidin", "soldiers", "defenders", "avengers", "sons", "heroes", "youths"}  # fmt: skip
# what a body publishes: "Acled said in a report", "Airwars found in its latest count"
_REPORTED_IN = re.compile(
    r"\s+(?:said|says|found|finds|estimated|estimates|reported|reports|noted|counted|recorded)"
    r"\s+in\s+(?:a|an|its|their)\s+(?:(?:new|latest|recent|annual|monthly|weekly|quarterly|"
    r"first|last)\s+)?(?:report|study|survey|analysis|bulletin|tally|count|dataset|assessment|"
    r"update|database|index|audit)\b"
)
# endings of English nouns and adjectives (long words only): "Electoral Processes", "Human Rights"
_NOUN_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ion", "ions", "es", "ment", "ments", "ity",
                 "ies", "ness", "ance", "ence", "ship", "hood", "ism", "ists", "ers", "ing")  # fmt: skip
_TWO_CAPITALS = re.compile(r"[A-Z][a-z]{2,}-[A-Z][a-z]{2,}")
_NAME_PREFIXES = {"abu", "ben", "bin", "ibn", "abd", "abdel", "abdul", "el", "al", "ould", "mac"}
_DESCRIBING_COMPOUND = re.compile(
    r"-(?:led|backed|based|born|run|owned|linked|aligned|allied|controlled|funded|sponsored|"
    r"affiliated|dominated|held|leaning|friendly|made|built)$"
)
_SUBNATIONAL_BODY = re.compile(
    r" (?:state|provincial|regional|county|district|municipal|city) (?:government|assembly|police|"
    r"council|administration|legislature)$"
)
# shapes of surnames: "McDonald", "O'Brien", "Petrov", "Kovalenko", "Kapanadze", "Hakobyan"
_SURNAME_SHAPE = re.compile(
    r"^(?:Mc|Mac|O['’]|Fitz)[A-Z]|(?:son|sen|ov|ova|ev|eva|enko|sky|ski|ska|ić|vic|vich|yan|dze|"
    r"shvili|oglu|oğlu|escu|opoulos|idis|stein|berg|mann)$"
)
_TRADES_UNION = re.compile(
    r"\b((?:(?!The\s)[A-Z][\w'’\-]+\s+)*(?!The\s)[A-Z][a-z]+s(?:,\s+[A-Z][a-z]+s)+,?\s+(?:and|&)\s+[A-Z][a-z]+s\s+"
    r"(?:Union|Association|Federation|Council|Society|Alliance|Network|Guild|Syndicate|"
    r"Confederation|Congress))\b"
)
# round 7: a body whose name lists words with commas, after a determiner or a possessive: "the
# UK's Foreign, Commonwealth and Development Office", "the Ownership, Unity and Responsibility
# Party", "whose Organ on Politics, Defence and Security Cooperation"
# a body named in French or Spanish with its adjectives and nouns in lower case: "the Agence
# française de développement", "the Front de libération nationale", "the Office national des forêts"
_ROMANCE_BODY = re.compile(
    r"(?<![\w'’\-])(?:Agence|Agencia|Banque|Banco|Caisse|Caja|Office|Oficina|Institut|Instituto|"
    r"Conseil|Consejo|Autorité|Autoridad|Direction|Dirección|Comité|Commission|Comisión|"
    r"Fédération|Federación|Confédération|Confederación|Mouvement|Movimiento|Parti|Partido|"
    r"Front|Frente|Rassemblement|Syndicat|Sindicato|Ligue|Liga|Fondation|Fundación|Société|"
    r"Sociedad|Servicio|Service|Centre|Centro|Observatoire|Observatorio|Union|Unión|Alliance|"
    r"Alianza|Coordination|Coordinadora|Collectif|Colectivo|Association|Asociación|Haute Autorité)"
    r"(?:\s+(?:[a-zà-ÿ]{3,}(?:e|es|s|al|ale|ales|aux|ique|iques|ico|ica|ais|aise|ien|ienne|ano|ana))"
    r"(?=\s+(?:de|du|des|del|d['’]|pour|para|por)\b))?"
    r"\s+(?:(?:de|du|des|del|pour|para|por)\s+|d['’])(?:la\s+|las\s+|los\s+|les\s+|l['’]|el\s+)?"
    r"[a-zà-ÿ]{3,}(?:\s+(?:et|y|e)\s+(?:de\s+(?:la\s+|l['’])?)?[a-zà-ÿ]{3,}|"
    r"\s+(?!(?:has|have|had|was|were|is|are|and|the|said|says|will|would|to|in|on|of|for|that|"
    r"which|who)\b)[a-zà-ÿ]{3,}(?:al|ale|ales|aux|ique|iques|ico|ica|icos|icas|aise|ienne|"
    r"ana|ano|nal|nale|naux|ntal|ntale|ire|aria|ario))?(?![\w\-])"
)
# a person named by one name: what the article says of him or her around the name
_ONE_NAME_WORK = (
    r"(?:teacher|nurse|trader|farmer|driver|student|shopkeeper|fisherman|herder|herdsman|widow|"
    r"resident|doctor|lawyer|activist|engineer|mechanic|vendor|pensioner|miner|labourer|"
    r"laborer|shepherd|midwife|tailor|baker|butcher|carpenter|mother|father|grandmother|"
    r"grandfather|cleric|imam|priest|pastor|villager|refugee|veteran|smuggler|guide|porter)"
)
_ONE_NAME_BEFORE = re.compile(
    r"(?:\b(?:called|named|identified|known)\s+only\s+(?:as\s+|by\s+)?|"
    r"\b(?:gave|give|gives)\s+only\s+(?:his|her|the)\s+(?:first\s+)?name\s+(?:as\s+)?|"
    rf"\b[Tt]he\s+(?:[a-z\-]+\s+)?{_ONE_NAME_WORK}\s+)$"
)
_ONE_NAME_AFTER = re.compile(
    rf",\s+(?:a|an)\s+(?:[a-z\-]+\s+){{0,2}}{_ONE_NAME_WORK}\b(?:\s+(?:in|at|from|of|who)\b|,)"
)
_ERA_PREFIX = re.compile(r"[A-Z][\w]+-era\s+(?=[A-Z])")
_SAINT_BODY = re.compile(
    r"(?<![\w'’\-])(?:St\.?|Saint|Ste\.?|Sainte|San|Santa|São)\s+[A-Z][\w\-]+(?:['’]s)?"
    r"(?:\s+[A-Z][\w\-]+){0,3}?\s+(?:School|College|Hospital|Church|Cathedral|University|"
    r"Seminary|Parish|Academy|Clinic|Basilica|Monastery|Orphanage|Institute)\b"
)
_OF_THE_HEADS = {
    "Office", "Forces", "Commission", "Committee", "Council", "Secretariat", "Bureau", "Agency",
    "Authority", "Organisation", "Organization", "Institute", "Programme", "Program", "Mission",
    "Army", "Navy", "Corps", "Directorate", "Department", "Tribunal", "Assembly",
}  # fmt: skip
# "of the" and a capitalised run, its inner words "of", "for", "and", "the", "on" (not "and
# the", which begins another name)
_OF_THE_TAIL = re.compile(
    r"\s+of\s+the\s+[A-Z][\w’'\-]*(?:\s+(?:(?:of|for|and(?!\s+the\b)|on|the)\s+)*[A-Z][\w’'\-]*)*"
)
_ROMANCE_HEAD = (
    r"(?:Réseau|Rede|Red|Convention|Association|Associação|Asociación|Associazione|Institut|"
    r"Instituto|Observatoire|Observatório|Observatorio|Conseil|Conselho|Consejo|Comité|Comissão|"
    r"Comisión|Commission|Mouvement|Movimento|Movimiento|Ligue|Liga|Collectif|Coletivo|Colectivo|"
    r"Centre|Centro|Fondation|Fundação|Fundación|Union|União|Unión|Frente|Front|Rassemblement|"
    r"Plateforme|Plataforma|Coalition|Coalizão|Coalición|Syndicat|Sindicato|Action|Ação|Acción|"
    r"Agence|Agência|Agencia|Alliance|Aliança|Alianza|Coordination|Coordenação|Coordinadora|"
    r"Maison|Casa|Cercle|Groupe|Grupo|Organisation|Organização|Organización|Federação|Fédération)"
)
_ROMANCE_LINK = (
    r"(?:de|du|des|d['’]|pour|contre|sur|en|au|aux|à|do|da|dos|das|del|para|por|contra|e|et|y)"
)
# the link words may be followed by an article: "pour le Respect", "de la Femme", "dos Direitos"
_ROMANCE_NAME = re.compile(
    rf"(?<![\w'’\-]){_ROMANCE_HEAD}"
    r"(?:(?:,\s+|\s+)?(?:\s*" + _ROMANCE_LINK + r"(?:\s+|(?<=['’])))"
    r"(?:(?:le|la|les|l['’]|o|a|os|as|el|los|las)\s*)?"
    r"[A-ZÀ-Ýa-zà-ÿ][\w\-]*"
    r"(?:\s+[A-ZÀ-Ý][\w\-]*)*"
    r"(?:,\s+[A-ZÀ-Ý][\w\-]*(?=(?:,\s+[A-ZÀ-Ý][\w\-]*)*\s+(?:e|et|y)\s+[A-ZÀ-Ý]))*"
    r")+"
    r"|(?<![\w'’\-])" + _ROMANCE_HEAD + r"(?:\s+[A-ZÀ-Ý][\w\-]*)+(?:,\s+[A-ZÀ-Ý][\w\-]*)*"
    r"\s+(?:e|et|y)\s+[A-ZÀ-Ý][\w\-]*"
)
# after a lower-case description of a body and a comma, its name: "the social security fund,
# Cafat, afloat", "the main forestry groups, Arauco and CMPC"
_NAMED_AFTER_KIND = re.compile(
    r"\b(?:the|its|their|a|an)\s+(?:[a-z\-]+\s+){0,3}(?P<kind>fund|agency|utility|insurer|"
    r"regulator|broadcaster|airline|lender|carrier|operator|miner|producer|charity|pollster|"
    r"watchdog|newspaper|daily|weekly|outlet|firm|company|groups|firms|companies|outlets|"
    r"newspapers|pollsters|insurers|lenders|miners|producers|broadcasters|charities)"
    r",\s+(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3})"
    r"(?:\s+and\s+(?P<second>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3}))?(?=\s*[,.;)]|$)"
    # round 8: a broadcaster or paper named right after its kind, without a comma: "read on the
    # state broadcaster Gabon 1ère that …", "the daily Le Pays reported"
    r"|\b(?:the|its|their|a|an)\s+(?:[a-z\-]+\s+){0,2}(?P<kind2>broadcaster|newspaper|daily|"
    r"weekly|news agency|television channel|radio station)\s+"
    r"(?P<third>[A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’\-]+|\d\w*)){0,3})"
    r"(?=\s*[,.;)]|\s+(?:that|which|said|says|reported|reports|aired|showed|quoted|on|in|at)\b|$)"
)
_MONTHS_AND_DAYS_LOW = {w.lower() for w in MONTH_NAMES | WEEKDAY_NAMES}
_LISTED_NAME = re.compile(
    r"(?:\b(?:the|its|their|his|her|whose|of|at|by)\s+|['’]s\s+)"
    r"(?P<name>(?:(?P<lead>[A-Z][a-z]+)\s+(?:on|of|for)\s+)?"
    r"(?P<items>[A-Z][a-z]+(?:,\s+[A-Z][a-z]+){1,3}),?\s+(?:and|&)\s+"
    r"(?P<last>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))(?![\w\-])"
)
_SMALL_WORDS = {"a", "an", "the", "of", "in", "to", "for", "and", "or", "on", "at", "by", "with",
                "from", "as", "is", "vs", "v", "but", "nor", "into", "over"}  # fmt: skip
_CREDIT_LINE = re.compile(
    r"^\s*(?:By\b|Sources?\b|Credits?\b|Photo|Reporting|Writing|Editing|Additional|Contributing|"
    r"Produced|Compiled|Follow)|;|/|\bby\s+[A-Z]|\(AP\b|\(Reuters\)|\(AFP\)"
)


def _title_case(text: str) -> bool:
    """A headline or subhead written in title case ("How the Junta Lost the North"): no full
    stop at its end, and nearly every word capitalised (not a credit or a byline)."""
    stripped = text.strip()
    if (
        not stripped
        or stripped[-1] in ".!\"”'’:"
        or "\n" in stripped
        or _CREDIT_LINE.search(stripped)
    ):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’\-]*", stripped) if w.lower() not in _SMALL_WORDS]
    if len(words) < 4:
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals / len(words) >= 0.85 and any(
        w[0].isupper() and w.lower() not in COMMON and not w.isupper() for w in words[1:]
    )


# what names an event or a prize, not a body: "World Cup", "Human Rights Day"
_NOT_BODY_EVENTS = {"cup", "games", "olympics", "day", "prize", "award", "week", "summit", "war",
                    "championship", "expo", "forum", "conference", "festival", "revolution",
                    "staff"}  # fmt: skip
# adjectives that open a sentence before "officials" or "chief": "Federal officials were not told"
_WHOSE_OFFICIALS = {"federal", "national", "state", "local", "regional", "provincial", "municipal",
                    "senior", "junior", "western", "eastern", "northern", "southern", "central",
                    "top", "government", "military", "city", "county", "district", "village",
                    "tribal", "election", "electoral", "prison", "border", "customs", "health",
                    "security", "foreign", "defence", "defense", "interior", "justice", "finance",
                    "trade", "energy", "agriculture", "police", "army", "party", "court",
                    "palace", "campaign", "administration", "ministry", "embassy", "union"}  # fmt: skip
# posts whose office is a body named after them: "the Public Defender's Office"
_OFFICE_HOLDERS = {"defender", "general", "ombudsman", "prosecutor", "auditor", "inspector",
                   "controller", "comptroller", "registrar", "commissioner", "advocate",
                   "protector", "mediator", "procurator", "solicitor", "counsel", "defensor"}  # fmt: skip
# continents and regions that open names of outlets and bodies, never of people
_PLACE_FIRST = {"Africa", "Asia", "Europe", "Eurasia", "Oceania", "Arabia", "Caribbean", "Balkan",
                "Sahel", "Maghreb", "Levant", "Pacific", "Atlantic", "Mekong"}  # fmt: skip
# fields of study and policy that name what a body works on: "… Policy Analysis and Research Centre"
_FIELD_WORDS = {"policy", "politics", "defence", "defense", "security", "strategy", "strategic",
                "governance", "research", "studies", "trade", "energy", "climate", "health",
                "media", "conflict", "rights", "legal", "economics", "finance", "budget",
                "statistics", "census", "gender", "environment", "land", "water", "food"}  # fmt: skip
# English abstract nouns that open the names of causes and NGOs, never a given name: "Transparency
# …", "Reconciliation …" (not "-ity", "-ence": "Felicity", "Florence")
_CAUSE_ENDINGS = ("tion", "sion", "ment", "ness", "ency", "ancy", "ship")
_CAUSE_NOT = {"clement", "laurent", "vincent"}
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ity", "ness", "ance", "ence", "dom", "ship")
# "of" and a person's full name after a name: "Otzma Yehudit of Itamar Ben-Gvir"
_OF_A_PERSON = re.compile(
    r"\s+of\s+([A-Z][\w'’]+(?:\s+(?:[A-Z][\w'’\-]+|al-[A-Z][\w'’]+|bin|ibn)){1,3})\b(?!['’]s)"
)
# a person's full name, then "of": "Daniel Chapo of Frelimo"
_MEMBER_OF = re.compile(r"(?:^|[^\w'’\-])([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3})\s+of\s+$")
# the first word of a numbered unit: "Unit 8200", "Task Force 88", "Brigade 313"
_NUMBERED_UNITS = {"unit", "task", "brigade", "battalion", "division", "regiment", "squadron",
                   "corps", "group", "team", "force", "detachment", "company", "column"}  # fmt: skip


# what only a group does or has: "claimed responsibility", ", which controls the mines", ", whose
# fighters …", "'s fighters"
_GROUP_CLAUSE = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+)?claimed\s+(?:responsibility|the\s+(?:attack|killing|"
    r"bombing|ambush|kidnapping|abduction|raid|strike|assault))\b"
    r"|\s*,?\s+which\s+(?:has\s+|had\s+|have\s+|also\s+|now\s+|still\s+)?(?:claimed|controls?|"
    r"controlled|fights?|fought|recruits?|recruited|operates?|operated|seized|attacked|kidnapped|"
    r"abducted|split|broke away|was founded|was formed|was set up|was created|emerged|is led|"
    r"was led|is allied|is linked|is backed|pledged|governs|governed|runs|ran)\b"
    r"|\s*,?\s+whose\s+(?:fighters|militants|members|leader|leaders|leadership|founder|"
    r"commanders?|spokesman|spokesperson|militiamen|cadres|affiliates|branches)\b"
)
# (not "fighters": "Haftar's fighters" are a person's)
_GROUP_POSSESSION = re.compile(
    r"\s+(?:affiliates|rank and file|armed wing|political wing|founder|co-founder|emir)\b"
)


# the endings of the adjectives in a body's name: "Electoral", "Independent", "Constitutional"
_ADJECTIVE_ENDINGS = ("al", "ent", "ic", "ary", "ive", "ous")
# last words of capitalised runs that name no person and no body: plans and strategies, and the
# people of island states ("Solomon Islanders", "Marshall Islanders")
_NOBODY_LAST = {"Plan", "Plans", "Strategy", "Roadmap", "Islanders"}


# a ship is named after its kind: "the tanker Eagle S", "the destroyer USS Carney"
_VESSEL_BEFORE = (
    r"\b(?:tanker|oil tanker|ship|vessel|freighter|frigate|destroyer|corvette|cruiser|carrier|"
    r"aircraft carrier|submarine|cargo ship|container ship|bulk carrier|yacht|ferry|trawler|"
    r"flagship|warship)\s+$"
)
# the last word of a prize, a resolution or a law: no body ("Nobel Peace Prize", "Resolution
# 2231", "Foreign Agents Act")
_THING_HEADS = {"prize", "award", "medal", "trophy", "resolution", "act", "bill", "treaty",
                "accords", "protocol", "doctrine", "memorandum"}  # fmt: skip


class NameRules:
    def classify(self, sentence_id: str, sentence: str) -> list[_Mention]:
        found: list[_Mention] = []
        if _CAPS_BYLINE.match(sentence):
            # "By EVELYNE MUSAMBI and RODNEY MUHUMUZA": names in capitals, read as written
            # (same length, so every offset holds)
            sentence = _CAPS_WORD.sub(
                lambda m: m[0] if m[0] in KNOWN_ORGS or len(m[0]) <= 3 else m[0].title(),
                sentence,
            )
        tokens = _tokens(sentence)
        # acronyms glued to a hyphen: "UN-supervised"
        for index, tok in enumerate(tokens):
            head = tok.text.split("-")[0]
            nxt = tokens[index + 1] if index + 1 < len(tokens) else None
            if (
                "-" in tok.text
                and head in KNOWN_ORGS
                # "EU-Turkey Joint Committee" is one name, not the EU's
                and not (tok.text.split("-")[-1][:1].isupper() and nxt is not None and nxt.capital)
            ):
                found.append(
                    _Mention(
                        "org", head, tok.start, tok.start + len(head), org_kind=KNOWN_ORGS[head]
                    )
                )
        # 'Ismael "El Mayo" Zambada': one person, the nickname an alias
        nicknamed = []
        for match in _NICKNAME.finditer(sentence):
            name = f"{match.group('first')} {match.group('last')}"
            found.append(_Mention("person", name, match.start(), match.end()))
            self.nicknames.setdefault(name, match.group("nick"))
            nicknamed.append((match.start(), match.end()))
        for run in self.split_of_a_person(self.join_inner_possessive(_runs(tokens))):
            if any(s <= run[0].start < e for s, e in nicknamed):
                continue
            plural = _PLURAL_NOUN.match(sentence[run[-1].end :])
            if plural and any(t.low == "and" and not t.capital for t in run):
                # "the Chapitos and Mayos factions", "the Los Lobos and Los Choneros gangs"
                for piece in _split_and(run):
                    found.append(
                        _Mention(
                            "org",
                            _text_plain(piece),
                            piece[0].start,
                            piece[-1].end,
                            org_kind="armed group",
                        )
                    )
                continue
            found.extend(self.classify_whole_run(sentence, run, tokens))
        # "the UN refugee agency, UNHCR", "UNAMA, the UN mission in Afghanistan": one body of a
        # union of states, described in lower case, its acronym an alias
        # (the union itself is named too: keys differ on whether it acts)
        for match in _AGENCY.finditer(sentence):
            if any(w in _NOT_DESCRIPTIVE or w.endswith("ed") for w in match.group("desc").split()):
                continue  # "the European Union launched a naval mission"
            name = f"{match.group('org')} {match.group('desc')}"
            found.append(
                _Mention(
                    "org",
                    name,
                    match.start("org"),
                    match.end("desc"),
                    org_kind="international body",
                )
            )
            acronym = match.group("after") or match.group("before")
            if acronym and acronym not in NOT_ACRONYMS:
                self.bracketed.setdefault(acronym, name)
        for mention, nxt in itertools.pairwise(found):
            if (
                mention.kind == "single"
                and nxt.kind == "person"
                and len(nxt.name.split()) == 2
                and re.fullmatch(r"\s+and\s+", sentence[mention.end : nxt.start])
                and _SIBLINGS_BEFORE.search(sentence, 0, mention.start)
            ):  # "his sons Saddam and Khaled Haftar": the surname is both brothers'
                mention.kind, mention.name = "person", f"{mention.name} {nxt.name.split()[1]}"
        for mention in found:
            number = _NUMBER_BEFORE.search(sentence, 0, mention.start)
            if (
                mention.kind == "org"
                and number
                and mention.name not in KNOWN_ORGS
                and not 1900 <= int(number.group(1)) <= 2100
            ):  # "the 444 Combat Brigade", "known as 400 Mawozo": the number is in the name
                mention.name = f"{number.group(1)} {mention.name}"
                mention.start = number.start(1)
        taken = [(m.start, m.end) for m in found if m.kind == "org"]
        for body in bodies(sentence):
            inside = [
                m
                for m in found
                if m.kind == "org"
                and body.start <= m.start
                and m.end <= body.end
                and (m.end - m.start) < (body.end - body.start)
            ]
            if inside and (
                _SUBNATIONAL_BODY.search(body.name)
                or "diocese" in body.name
                # "arrested by US authorities": the state's body, not the state, acted
                or all(COUNTRY_ALIASES.get(m.name, m.name) in COUNTRIES for m in inside)
            ):
                # "the Sindh provincial assembly": the province's name is inside the body's
                found = [m for m in found if m not in inside]
                taken = [(m.start, m.end) for m in found if m.kind == "org"]
            # "the office of the UN special envoy" holds the UN's name and is a body of its own
            if body.name.startswith("office of the ") or not any(
                s < body.end and body.start < e for s, e in taken
            ):
                found.append(body)
        found.sort(key=lambda m: m.start)
        self.listed_names(sentence, found)
        self.slashed_names(sentence, found)
        self.romance_bodies(sentence, found)
        self.romance_names(sentence, found)
        self.of_the_names(sentence, found)
        self.saint_bodies(sentence, found)
        self.era_and_description(sentence, found)
        self.named_after_kind(sentence, found)
        for match in _TRADES_UNION.finditer(sentence):
            # "the Kenya Medical Practitioners, Pharmacists and Dentists Union": trades listed
            # inside one body's name
            start, end = match.span(1)
            found = [m for m in found if m.end <= start or m.start >= end]
            found.append(_Mention("org", match.group(1), start, end, org_kind="movement"))
            found.sort(key=lambda m: m.start)
        self.lists_of_organisations(sentence, found)
        self.paired_with_an_organisation(sentence, found)
        return found

    def listed_names(self, sentence: str, found: list[_Mention]) -> None:
        """ "the UK's Foreign, Commonwealth and Development Office": after a determiner or a
        possessive, common words listed with commas and "and" before a head noun of a body (or
        after "Organ on", "Council for") make one name; not a list of places, people or bodies."""
        for match in _LISTED_NAME.finditer(sentence):
            lead, last = match.group("lead"), match.group("last").split()
            head = last[-1].lower()
            items = [w.strip() for w in match.group("items").split(",")] + last[:1]
            if head not in ORG_CUES and lead is None:
                continue
            if lead is not None and (
                self.is_place(lead) or lead in KNOWN_ORGS or self.find_person(lead) is not None
            ):
                continue
            if any(
                word.lower() in ORG_CUES
                or word in KNOWN_ORGS
                or word in self.demonyms
                or self.is_place(word)
                or self.find_person(word) is not None
                or word.lower() in _MONTHS_AND_DAYS_LOW
                for word in items
            ):
                continue  # "the Senate, House and Supreme Court"; "Mali, Niger and Chad Basin"
            start, end = match.span("name")
            found[:] = [m for m in found if m.end <= start or m.start >= end]
            kind = ORG_CUES.get(head, "movement")
            if head == "office":
                kind = "government"
            found.append(_Mention("org", match.group("name"), start, end, org_kind=kind))
            found.sort(key=lambda m: m.start)

    @staticmethod
    def slashed_names(sentence: str, found: list[_Mention]) -> None:
        """ "Radio Free Europe/Radio Liberty": two names of bodies, each of two words or more,
        glued by a slash with no space, are one body's name ("Reuters/Ipsos", a poll by two
        firms, and "AP Photo/…", a credit, stay apart)."""
        for first, second in itertools.pairwise(list(found)):
            if (
                first.kind == "org"
                and second.kind == "org"
                and sentence[first.end : second.start] == "/"
                and len(first.name.split()) >= 2
                and len(second.name.split()) >= 2
                and first in found
                and second in found
            ):
                name = sentence[first.start : second.end]
                index = found.index(first)
                found[index : index + 2] = [
                    _Mention(
                        "org",
                        name,
                        first.start,
                        second.end,
                        org_kind=first.org_kind or second.org_kind,
                    )
                ]

    @staticmethod
    def romance_bodies(sentence: str, found: list[_Mention]) -> None:
        """ "the Agence française de développement": a French or Spanish body's head noun, then
        its name in lower case after "de", "du", "pour" … is one name (the capitalised run
        stops at the head)."""
        for match in _ROMANCE_BODY.finditer(sentence):
            start, end = match.span()
            if any(m.kind == "org" and m.start <= start and end <= m.end for m in found):
                continue
            found[:] = [m for m in found if m.end <= start or m.start >= end]
            found.append(_Mention("org", match.group(), start, end, org_kind="movement"))
            found.sort(key=lambda m: m.start)

    @staticmethod
    def romance_names(sentence: str, found: list[_Mention]) -> None:
        """Round 8: a body named in French, Portuguese or Spanish with capitalised words joined by
        "des", "pour le", "d'", "e" …: "Réseau des Défenseurs des Droits Humains en Afrique
        Centrale", "Convention pour le Respect des Droits Humains", "Associação Justiça, Paz e
        Democracia", "Institut d'études de sécurité" — one name, never a person's."""
        for match in _ROMANCE_NAME.finditer(sentence):
            start, end = match.span()
            if any(m.kind == "org" and m.start <= start and end <= m.end for m in found):
                continue
            if any(m.start < start < m.end or m.start < end < m.end for m in found):
                continue  # a longer name runs across it
            found[:] = [m for m in found if m.end <= start or m.start >= end]
            found.append(_Mention("org", match.group(), start, end, org_kind="movement"))
            found.sort(key=lambda m: m.start)

    def era_and_description(self, sentence: str, found: list[_Mention]) -> None:
        """Round 8: "the Soviet-era KGB" is the KGB (the era is no part of its name); "a Tajik
        NGO", "an Angolan NGO" describe a body named next to them and name none."""
        for mention in list(found):
            if mention.kind != "org":
                continue
            era = _ERA_PREFIX.match(mention.name)
            if era:
                mention.start += era.end()
                mention.name = mention.name[era.end() :]
                continue
            words = mention.name.split()
            if (
                len(words) == 2
                and words[1] in ("NGO", "NGOs")
                and words[0] in self.demonyms
                and re.search(r"\b(?:an?|another)\s+$", sentence[: mention.start])
            ):
                found.remove(mention)

    @staticmethod
    def saint_bodies(sentence: str, found: list[_Mention]) -> None:
        """Round 8: a school, hospital or church named after a saint, with the saint's
        possessive: "St. Paul's Secondary School", "Saint Mary's Hospital" — one body."""
        for match in _SAINT_BODY.finditer(sentence):
            start, end = match.span()
            if any(m.kind == "org" and m.start <= start and end <= m.end for m in found):
                continue
            found[:] = [m for m in found if m.end <= start or m.start >= end]
            found.append(_Mention("org", match.group(), start, end, org_kind="movement"))
            found.sort(key=lambda m: m.start)

    @staticmethod
    def of_the_names(sentence: str, found: list[_Mention]) -> None:
        """Round 8: a body's name that goes on with "of the" and a capitalised run is one name:
        "the UN Office of the High Commissioner for Human Rights", "the Armed Forces of the
        Democratic Republic of the Congo" (not two bodies, nor a body and a place)."""
        for mention in list(found):
            if mention.kind != "org" or mention not in found:
                continue
            if mention.name.split()[-1] not in _OF_THE_HEADS:
                continue
            tail = _OF_THE_TAIL.match(sentence, mention.end)
            if tail is None:
                continue
            end = tail.end()
            inside = [m for m in found if m is not mention and mention.end <= m.start < end]
            if any(m.end > end or m.kind == "person" for m in inside):
                continue
            found[:] = [m for m in found if m not in inside]
            mention.name = sentence[mention.start : end]
            mention.end = end

    def named_after_kind(self, sentence: str, found: list[_Mention]) -> None:
        """ "the social security fund, Cafat,", "the main forestry groups, Arauco and CMPC": a
        word the rules could not place, named right after a lower-case kind of body and a comma,
        is that body's name (never a person, a place or a people)."""
        for match in _NAMED_AFTER_KIND.finditer(sentence):
            for group in ("name", "second", "third"):
                if match.group(group) is None:
                    continue
                start, end = match.span(group)
                name = match.group(group)
                if (
                    (self.is_place(name) and group != "third")
                    or name in COUNTRIES
                    or name in self.demonyms
                    or self.find_person(name) is not None
                    or name.split()[0].lower() in TITLES
                ):
                    continue
                inside = [m for m in found if m.start < end and start < m.end]
                # (a broadcaster's name may hold a place's: "Gabon 1ère", "Radio Okapi")
                blocking = ("org", "person") if group == "third" else ("org", "person", "place")
                if any(m.kind in blocking for m in inside):
                    continue
                found[:] = [m for m in found if m not in inside]
                found.append(_Mention("org", name, start, end, org_kind="movement"))
                found.sort(key=lambda m: m.start)

    def paired_with_an_organisation(self, sentence: str, found: list[_Mention]) -> None:
        """ "organised on Discord and TikTok", "Frelimo and Renamo": a lone unknown word joined
        by "and" / "or" to a name that is surely an organisation's (known, or ending in a word
        of what bodies are) is one too, of its kind; not a place, a person already named, or a
        leader named by surname."""
        for first, second in itertools.pairwise(found):
            if not re.fullmatch(r"\s+(?:and|or)\s+(?:the\s+)?", sentence[first.end : second.start]):
                continue
            for single, other in ((first, second), (second, first)):
                if (
                    single.kind == "single"
                    and other.kind == "org"
                    and (other.name in KNOWN_ORGS or other.name.split()[-1].lower() in ORG_CUES)
                    and other.name.split()[-1].lower() not in BODY_WORDS | {"government"}
                    # a platform, a firm, an outlet, a party (not "talks between Hamas and X")
                    and other.org_kind in ("movement", "outlet", "party")
                    and single.name not in FAMOUS_SURNAMES
                    and not self.is_place(single.name)
                    and single.name not in self.demonyms
                    and self.find_person(single.name) is None
                    and not any(single.name in p.name.split() for p in self.people.values())
                    # a surname the article gives with a given name somewhere
                    and not re.search(rf"[A-Z][\w'’.\-]*\s+{re.escape(single.name)}\b", self.text)
                    and sentence[single.end : single.end + 2] not in ("'s", "’s")
                ):
                    single.kind = "org"
                    single.org_kind = other.org_kind or "movement"

    @staticmethod
    def lists_of_organisations(sentence: str, found: list[_Mention]) -> None:
        """ "26 platforms, including Facebook, YouTube and X": a lone word in a list of three or
        more whose other items are all organisations is one too, of their kind."""
        gap = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
        lists: list[list[_Mention]] = []
        for mention in found:
            if lists and gap.fullmatch(sentence[lists[-1][-1].end : mention.start]):
                lists[-1].append(mention)
            else:
                lists.append([mention])
        for items in lists:
            singles = [m for m in items if m.kind == "single"]
            orgs = [m for m in items if m.kind == "org"]
            if (
                len(items) >= 3
                and len(singles) == 1
                and len(orgs) == len(items) - 1
                # "Unity – National Movement": the word opens a longer name
                and not re.match(r"\s*[–—-]\s*[A-Z]", sentence[singles[0].end :])
            ):
                kinds = {m.org_kind for m in orgs}
                singles[0].kind = "org"
                singles[0].org_kind = kinds.pop() if len(kinds) == 1 else "movement"

    def join_inner_possessive(self, runs: list[list[_Tok]]) -> list[list[_Tok]]:
        """ "Lloyd's List Intelligence": a lone word's possessive, then an organisation's name
        right after it, is one name when the word is nobody's (no person, place or organisation
        of the article or the gazetteer); "Hasina's Awami League" stays two."""
        out: list[list[_Tok]] = []
        for run in runs:
            whole = out[-1] if out else None
            prev = whole[-1:] if whole else None
            if (
                whole
                and prev[0].text != prev[0].bare
                and prev[0].low in _OFFICE_HOLDERS
                and run[0].start == prev[0].end + 1
                and run[0].low in ("office", "bureau", "department", "chambers", "directorate")
            ):  # "the Public Defender's Office", "the Attorney General's Office": an office
                # named after the post that heads it is one name
                head = whole
                while len(head) > 1 and head[0].low in STARTERS:
                    head = head[1:]
                out[-1] = head + run
                continue
            if (
                prev is not None
                # the word alone, or after words that open a sentence ("According to Lloyd's")
                and (len(whole) == 1 or not whole[-2].capital)
                and prev[0].text != prev[0].bare
                and not prev[0].text.endswith(("s'", "s’"))
                and run[0].start == prev[0].end + 1
                and len(run) >= 2
                and _is_orgish(run)
                and run[0].low not in ORG_CUES
                and prev[0].low not in STARTERS
                and prev[0].bare not in KNOWN_ORGS
                and prev[0].bare not in self.demonyms
                and not self.is_place(prev[0].bare)
                and self.find_person(prev[0].bare) is None
                # a surname the article gives with a given name somewhere ("Sheikh Hasina")
                and not re.search(rf"[A-Z][\w'’.\-]*\s+{re.escape(prev[0].bare)}\b", self.text)
            ):
                head = whole[:-1]
                while head and not head[-1].capital:
                    head = head[:-1]
                out[-1:] = [head, prev + run] if head else [prev + run]
            else:
                out.append(run)
        return out

    def split_of_a_person(self, runs: list[list[_Tok]]) -> list[list[_Tok]]:
        """ "the Badr Organization of Hadi al-Amiri": an organisation's name, then "of" and a
        person's full name (a given name and a surname, no word of a place, a body or a common
        noun) is two names, the group's and its leader's ("University of the Philippines" stays
        one)."""
        out = []
        for run in runs:
            cut = next(
                (
                    i
                    for i, tok in enumerate(run)
                    if tok.low == "of"
                    and not tok.capital
                    and i >= 1
                    and (run[i - 1].low in ORG_CUES or _text_plain(run[:i]) in KNOWN_ORGS)
                ),
                None,
            )
            rest = run[cut + 1 :] if cut is not None else []
            if (
                cut is not None
                and 2 <= len(rest) <= 3
                and all(t.capital for t in rest)
                and rest[0].low not in PARTICLES
                and not any(
                    t.low in COMMON
                    or t.low in TITLES
                    or t.low in ORG_CUES
                    or t.bare in KNOWN_ORGS
                    or self.is_place(t.bare)
                    or t.bare in self.demonyms
                    or t.bare.isupper()
                    or t.low in POLITICAL_NOUNS
                    # "Office of Electoral Processes": words of what a body does, not a name's
                    or (len(t.low) > 6 and t.low.endswith(_NOUN_ENDINGS))
                    for t in rest
                )
                and not self.is_place(_text_plain(rest))
            ):
                out.extend([run[:cut], rest])
            else:
                out.append(run)
        return out

    @staticmethod
    def looks_like_not_a_name(run: list[_Tok]) -> bool:
        """A word of what bodies are or do ("Socialist", "Democratic") in the run."""
        return any(t.low in NOT_NAME_WORDS for t in run)

    def titled_by_a_body(self, run: list[_Tok]) -> _Mention | None:
        """ "Interior Cabinet Secretary Kipchumba Murkomen", "Party Secretary Li Wei", "Council
        Chairman Ali Saleh": a title that names a body, then a person's full name, is the person
        with that title (the body word belongs to the title, not to a name)."""
        for i in range(1, len(run) - 2):
            rest = run[i + 1 :]
            if (
                run[i].capital
                and run[i].low.rstrip(".") in ROLE_HEADS
                and all(t.capital for t in run[: i + 1])
                and (
                    any(t.low in ORG_CUES for t in run[:i])
                    or _text_plain(run[:i]) in KNOWN_ORGS
                    # "Foreign Affairs Minister Penny Wong": a portfolio's words
                    or (
                        run[0].low not in STARTERS
                        and all(t.low in TITLES | {"affairs"} for t in run[:i])
                    )
                )
                and rest[-1].low not in PLACE_HEADS  # "The Sheikh Zayed Grand Mosque"
                and 2 <= len(rest) <= 4
                and all(t.capital or t.low in PARTICLES for t in rest)
                and rest[0].capital
                and rest[0].low not in ROLE_HEADS | TITLES
                and self.looks_like_name(rest)
                and not _is_orgish(rest)
                and not self.is_place(_text_plain(rest))
            ):
                prefix = _text_plain(run[: i + 1])
                return _Mention(
                    "person", _text_plain(rest), rest[0].start, rest[-1].end, role_prefix=prefix
                )
        return None

    def classify_whole_run(
        self, sentence: str, run: list[_Tok], tokens: list[_Tok]
    ) -> list[_Mention]:
        """An organisation's name keeps its connectors ("Movement for Peace and Justice"); a run
        that only ends in one ("Abdullah Qarluq of the National … Council") is split first, and
        two organisations joined by "and" ("Arakan Army and the Ta'ang … Army") are two."""
        after = sentence[run[-1].end :]
        if person := self.titled_by_a_body(run):
            return [person]
        if body := self.named_like_a_cause(run):
            return [body]
        for i in range(1, len(run) - 1):
            if (
                run[i].low in ("for", "against", "without")
                and not run[i].capital
                and run[i - 1].capital
                and re.fullmatch(
                    r"[A-Z][a-z]{3,}(?:ers|ors|ists|ians|ens|ics|ves|ies|ts|ds|es)", run[i - 1].bare
                )
                and run[i + 1].capital
                and all(t.capital or t.low in CONNECTORS for t in run)
                and not self.is_place(_text_plain(run))
            ):  # "Lawyers for Human Rights", "Mothers Against Violence", "Zimbabwe Lawyers for
                # Human Rights": people of a trade or a cause, for something, is a body's name
                start = 1 if run[0].low in STARTERS else 0
                body = run[start:]
                return [
                    _Mention(
                        "org", _text_plain(body), body[0].start, body[-1].end, org_kind="movement"
                    )
                ]
        for i in range(1, len(run) - 2):
            if run[i].low == "and" and run[i + 1].low == "of" and not run[i + 1].capital:
                # "a member of the International Fact-Checking Network and of Code for Africa":
                # "and of" joins two names of the same kind
                first = self.classify_whole_run(sentence, run[:i], tokens)
                second_run = run[i + 2 :]
                plain = _text_plain(second_run)
                if (
                    first
                    and all(m.kind == "org" for m in first)
                    and not self.is_place(plain)
                    and not (
                        self.looks_like_name(second_run)
                        and len(second_run) <= 3
                        and all(t.capital for t in second_run)
                    )
                ):
                    kind = first[-1].org_kind or "movement"
                    return [
                        *first,
                        _Mention(
                            "org", plain, second_run[0].start, second_run[-1].end, org_kind=kind
                        ),
                    ]
                return [*first, *self.classify_whole_run(sentence, second_run, tokens)]
        if len(run) > 1 and _SQUARE_WORDS.fullmatch(run[0].text) and run[1].low in PARTICLES:
            # "Place de l'Indépendance", "Plaza de Mayo": a square ("… in Bamako" is not in it)
            cut = next(
                (i for i, t in enumerate(run) if not t.capital and t.low not in PARTICLES),
                len(run),
            )
            square, rest = run[:cut], run[cut + 1 :]
            place = _Mention("place", _text_plain(square), square[0].start, square[-1].end)
            return [place, *(self.classify_whole_run(sentence, rest, tokens) if rest else [])]
        spelt = re.match(r"\s+(?:[a-z]+\s+)?\(([A-Z]{3,})\)", after)
        if (
            spelt
            and len(run) > 2
            and any(t.low == "and" and not t.capital for t in run)
            and spelt.group(1) in (_initials(_text_plain(run)), _initials(_text_plain(run), True))
        ):  # "the Armed Conflict Location and Event Data project (ACLED)": the acronym spells
            # the whole run, "and" and all: one name
            name = _text_plain(run[1:] if run[0].low in STARTERS else run)
            self.bracketed.setdefault(spelt.group(1), name)
            return [_Mention("org", name, run[0].start, run[-1].end, org_kind="movement")]
        if (
            len(run) > 2
            and run[0].low in PLACE_PREFIXES
            and run[1].low == "of"
            and not run[1].capital
            and not _is_orgish(run)
        ):  # "the Cape of Good Hope", "the Gulf of Aden": one place, "of" and all
            return [_Mention("place", _text_plain(run), run[0].start, run[-1].end)]
        noun = _ORG_NOUN.match(after)
        of_the = next(
            (
                i
                for i, (t, n) in enumerate(itertools.pairwise(run))
                if t.low == "of" and not t.capital and n.low == "the" and not n.capital
            ),
            None,
        )
        if (
            noun
            and of_the is not None
            and 2 <= of_the <= 4
            and all(t.capital for t in run[:of_the])
            and self.looks_like_name(run[:of_the])
            and not _is_orgish(run[:of_the])
            and not self.is_place(_text_plain(run[:of_the]))
            and len(run) > of_the + 2
        ):  # "Kalonzo Musyoka of the Wiper party": a person, then the party
            return [
                *self.classify_run(sentence, run[:of_the], tokens),
                *self.classify_whole_run(sentence, run[of_the + 2 :], tokens),
            ]
        if (
            noun
            and of_the is not None
            and len(run) > of_the + 2
            and all(t.low in COMMON for t in run[:of_the])
        ):  # "Members of the Wiper party": the party
            return [
                *self.classify_run(sentence, run[:of_the], tokens),
                *self.classify_whole_run(sentence, run[of_the + 2 :], tokens),
            ]
        halves = _split_and(run)
        if (
            len(halves) == 2
            and _text_plain(halves[-1]) in self.demonyms
            and any(t.low == "and" and n.low == "the" for t, n in itertools.pairwise(run))
        ):  # "the diocese of Ziguinchor and the Gambian government": a name, then a demonym's body
            return [
                m for half in halves[:1] for m in self.classify_whole_run(sentence, half, tokens)
            ]
        person_then_org = self.person_and_the(run)
        if (
            noun
            and len(run) > 1
            and not _is_orgish(run)
            and any(t.low in CONNECTORS and not t.capital for t in run)
            and not person_then_org
        ):
            if run[0].low in STARTERS and len(run) > 2:
                run = run[1:]  # "The Law and Justice party"
            name = f"{_text_plain(run)} {noun.group(1)}"  # "State of Law coalition"
            return [
                _Mention(
                    "org",
                    name,
                    run[0].start,
                    run[-1].end + noun.end(),
                    org_kind=ORG_NOUNS[noun.group(1)],
                )
            ]
        if (
            len(run) > 2
            and any(t.low in ("to", "for", "of") and not t.capital for t in run)
            and not any(t.low in ("in", "on", "and") and not t.capital for t in run)
            and run[0].low not in STARTERS
            and not re.search(r"-[a-z]", run[0].text)  # "Chisinau-based …" is cut elsewhere
            and not any(self.is_place(t.bare) for t in run if t.capital)
            and (kind := org_by_context(run, sentence[: run[0].start], after)) is not None
        ):  # "Its parliamentary bloc, Loyalty to the Resistance, has …": the words before say
            # what the whole name is, connectors and all
            return [_Mention("org", _text_plain(run), run[0].start, run[-1].end, org_kind=kind)]
        if not _is_orgish(run):
            return [
                m
                for piece in _split_connectors(run)
                for m in self.classify_run(sentence, piece, tokens)
            ]
        # "By Rodney Muhumuza Associated Press": a name, then an outlet known by its whole name
        body = run[1:] if run[0].low in STARTERS or run[0].low == "by" else run
        for cut in range(2, len(body) - 1):
            head, tail = body[:cut], body[cut:]
            pieces = _split_connectors(head)
            if (
                (
                    _text_plain(tail) in KNOWN_ORGS
                    or (ORG_CUES.get(tail[-1].low) == "outlet" and not _is_orgish(tail[:-1]))
                )
                and head[-1].capital
                and all(
                    2 <= len(piece) <= 4
                    and all(t.capital for t in piece)
                    and self.looks_like_name(piece)
                    and not _is_orgish(piece)
                    and not self.is_place(_text_plain(piece))
                    for piece in pieces
                )
            ):
                return [
                    *self.classify_whole_run(sentence, head, tokens),
                    *self.classify_whole_run(sentence, tail, tokens),
                ]
        named = run[1:] if run[0].low in STARTERS else run
        for index, tok in enumerate(named[1:-2], start=1):
            if tok.low == "and" and self.is_place(_text_plain(named[: index + 2])):
                rest = named[index + 2 :]
                if (
                    rest
                    and _is_orgish(rest)
                    # "… Liberation Front and the Hurriyat Conference": another name follows
                    and not any(
                        t.low == "and" and n.low == "the" and not n.capital
                        for t, n in itertools.pairwise(rest)
                    )
                ):  # "Jammu and Kashmir Police"
                    plain = _text_plain(named)
                    return [self.org_mention(named, plain, named[0].start, named[-1].end)]
        # "Mainland Affairs Council in Taipei": a place after "in" / "on" / "to" is not in the name
        # "Islamic State Somalia in the Cal Miskaad mountains": a place noun ends the place
        place_follows = _PLACE_NOUN_AFTER.match(sentence[run[-1].end :])
        for index, tok in enumerate(run[1:-1], start=1):
            if (
                tok.low in ("in", "to", "on")
                and not tok.capital
                and (_is_orgish(run[:index]) or place_follows)
            ):
                rest = run[index + 1 :]
                if rest and rest[0].low == "the" and not rest[0].capital:
                    rest = rest[1:]
                # "the ECOWAS Mission in The Gambia": a country whose name opens with "The"
                country = _text_plain(rest)
                country = country[4:] if country.startswith("The ") else country
                country = COUNTRY_ALIASES.get(country, country)
                head_first = run[1] if run[0].low in STARTERS and len(run) > 1 else run[0]
                # "Islamic Resistance in Iraq", "Facility for Refugees in Turkey": an organisation
                # is named after a country, and sits in a city
                if (
                    (
                        rest
                        and self.is_place(_text_plain(rest))
                        and country not in COUNTRIES
                        and _text_plain(rest) not in _WORLD_REGIONS
                    )
                    or (rest and place_follows)
                    # "Zitamar News on the Rwandan deployment": a people's adjective ends it
                    or (rest and len(rest) == 1 and rest[0].bare in self.demonyms)
                    # "Government Girls Secondary School in Maga": an institution sits in a town
                    or (
                        rest
                        and tok.low == "in"
                        and len(rest) <= 2
                        and (
                            run[index - 1].low in _SITS_IN_A_COUNTRY
                            or head_first.low in _SITS_IN_A_COUNTRY_FIRST
                        )
                        and all(t.capital for t in rest)
                        and not _is_orgish(rest)
                        and _text_plain(run) not in KNOWN_ORGS
                    )
                    # "School of International Studies in Singapore", "Norwegian Refugee Council
                    # in Iraq": an institute sits in a country (not "Mission in South Sudan")
                    or (
                        rest
                        and run[index - 1].low in _SITS_IN_A_COUNTRY
                        and COUNTRY_ALIASES.get(_text_plain(rest), _text_plain(rest)) in COUNTRIES
                        and _text_plain(run) not in KNOWN_ORGS
                    )
                    or (
                        # "Democrats in Congress", "Republicans in the Senate": a party in a chamber
                        rest
                        and _text_plain(run[:index]) in KNOWN_ORGS
                        and len(rest) == 1
                        and rest[0].low in ("congress", "senate", "parliament", "assembly")
                    )
                ):
                    return [
                        *self.classify_whole_run(sentence, run[:index], tokens),
                        *self.classify_whole_run(sentence, rest, tokens),
                    ]
        # "Digital Forensic Research Lab of the Atlantic Council": an organisation of another
        for index, tok in enumerate(run[1:-2], start=1):
            if (
                tok.low == "of"
                and run[index + 1].low == "the"
                and not run[index + 1].capital
                and run[index - 1].low in ORG_CUES
                and _is_orgish(run[index + 2 :])
                and _text_plain(run[index + 2 :]) not in self.places_set
                # "Joint Command of the Armed Forces": a common body is part of the name
                and not all(t.low in COMMON | ORG_CUES.keys() | {"armed"} for t in run[index + 2 :])
                # "International Committee of the Red Cross": a name that says only what it is
                # is not complete before "of the"
                and not all(t.low in COMMON | ORG_CUES.keys() for t in run[:index])
            ):
                return [
                    *self.classify_whole_run(sentence, run[:index], tokens),
                    *self.classify_whole_run(sentence, run[index + 2 :], tokens),
                ]
        # "Human Rights Watch and the Collective Against Impunity and …": "and the" after a
        # complete name starts another
        for index, (tok, nxt) in enumerate(itertools.pairwise(run)):
            first = run[:index]
            if (
                tok.low == "and"
                and not tok.capital
                and nxt.low == "the"
                and not nxt.capital
                and first
                and (first[-1].low in ORG_CUES or _text_plain(first) in KNOWN_ORGS)
                and len(run) > index + 2
            ):
                return [
                    *self.classify_whole_run(sentence, first, tokens),
                    *self.classify_whole_run(sentence, run[index + 2 :], tokens),
                ]
        halves = _split_and(run)
        if (
            len(halves) == 2
            and _is_orgish(halves[0])
            and not _is_orgish(halves[1])
            and any(t.low == "and" and n.low == "the" for t, n in itertools.pairwise(run))
            and _ORG_NOUN.match(sentence[run[-1].end :])
        ):  # "Lashkar-e-Jhangvi and the Hafiz Gul Bahadur group": two groups
            return [m for half in halves for m in self.classify_whole_run(sentence, half, tokens)]
        if person_then_org and _ORG_NOUN.match(sentence[run[-1].end :]):
            # "Robert Kocharyan and the I Have Honor bloc": a person, then a party
            return [m for half in halves for m in self.classify_whole_run(sentence, half, tokens)]
        if (
            len(halves) == 2
            and (halves[0][-1].low in ORG_CUES or _text_plain(halves[0]) in KNOWN_ORGS)
            and not _is_orgish(halves[1])
            and 2 <= len(halves[1]) <= 4
            and all(t.capital for t in halves[1])
            and self.looks_like_name(halves[1])
            and not self.is_place(_text_plain(halves[1]))
        ):  # "Deuba of the Nepali Congress and Pushpa Kamal Dahal": a party, then a person
            return [m for half in halves for m in self.classify_whole_run(sentence, half, tokens)]
        # "the European Union and Turkey": an organisation and a place are two; "the diocese of
        # Ziguinchor and the Gambian government": a place, then a demonym's body
        of_places = (
            len(halves) == 2
            and len(halves[0]) > 2
            and _is_orgish(halves[0][:-1])
            and any(t.low == "of" and not t.capital for t in halves[0][-3:-1])
            and self.is_place(_text_plain(halves[0][-1:]))
            and self.is_place(_text_plain(halves[1]))
        )  # "the African Party for the Independence of Guinea and Cape Verde": one name
        if (
            len(halves) > 1
            and not of_places
            and (
                any(self.is_place(_text_plain(h)) for h in halves)
                or (
                    _text_plain(halves[-1]) in self.demonyms
                    and any(t.low == "and" and n.low == "the" for t, n in itertools.pairwise(run))
                )
            )
        ):
            return [m for half in halves for m in self.classify_whole_run(sentence, half, tokens)]
        if (
            len(halves) > 1
            and all(_is_orgish(h) for h in halves)
            and (
                any(t.low == "and" and n.low == "the" for t, n in itertools.pairwise(run))
                or all(h[-1].low in ORG_CUES or _text_plain(h) in KNOWN_ORGS for h in halves)
                # "the Haitian Times and Radio Télé Métronome": a complete name, then another
                or (halves[0][-1].low in ORG_CUES and all(_is_orgish(h) for h in halves[1:]))
                # "Operation Hadin Kai and Operation Fansan Yamma": one cue word opens each
                or (len({h[0].low for h in halves}) == 1 and halves[0][0].low in ORG_CUES)
                or all(
                    h[0].low.split("-")[0] in GROUP_HEADS
                    or _text_plain(h) in KNOWN_ORGS
                    or _known_prefix(h)
                    for h in halves
                )
                # "the Volunteers for the Defence of the Homeland and JNIM": a known name or an
                # acronym after "and" is a name of its own
                or (
                    len(halves[-1]) == 1
                    and (
                        halves[-1][0].bare in KNOWN_ORGS
                        or re.fullmatch(r"[A-Z][A-Z0-9]{2,8}", halves[-1][0].bare)
                    )
                )
            )
        ):  # "the Arakan Army and the Ta'ang … Army"; not "Union Solidarity and Development Party"
            return [m for half in halves for m in self.classify_whole_run(sentence, half, tokens)]
        parts = _split_connectors(run)
        first_cue = next((i for i, part in enumerate(parts) if _is_orgish(part)), 0)
        # "Legal and Human Rights Centre", "Democracy for Citizens Party": only common words
        # before "and" or "for" and a name with a head noun after it make one name
        joined_by_and = first_cue > 0 and run[run.index(parts[first_cue][0]) - 1].low in (
            "and",
            "for",
        )
        if (
            first_cue == 0
            or (
                joined_by_and
                and all(
                    t.low in COMMON | TITLES | ORG_CUES.keys() | POLITICAL_NOUNS
                    # "National Independent Electoral and Boundaries Commission": adjectives
                    or (len(t.low) >= 5 and t.low.endswith(_ADJECTIVE_ENDINGS))
                    # "Reconstituted Joint Monitoring and Evaluation Commission", "Peoples'
                    # Equality and Democracy Party": participles and a people's possessive
                    or (len(t.low) >= 7 and t.low.endswith(("ed", "ing")))
                    or t.low.rstrip("'’") in ("peoples", "people's", "people’s")
                    # "Reconstruction and Development Coalition": abstract nouns
                    or (len(t.low) > 6 and t.low.endswith(_ABSTRACT_ENDINGS))
                    # round 7: "Eswatini Economic Policy Analysis and Research Centre": fields
                    # of study and policy, and the country the body serves as its first word
                    or t.low in _FIELD_WORDS
                    or (t is parts[0][0] and self.is_place(t.bare))
                    for part in parts[:first_cue]
                    for t in part
                )
            )
        ):  # "National Defence and Security Council": only common words before the cue
            return self.classify_run(sentence, run, tokens, org=True)
        org_run = run[run.index(parts[first_cue][0]) :]
        mentions = [
            m for part in parts[:first_cue] for m in self.classify_run(sentence, part, tokens)
        ]
        if len(org_run) < len(run) and any(
            t.low in ("in", "on", "to") and not t.capital for t in org_run
        ):  # "Senator Rand Paul and Democrats in Congress": the rest is read as a run of its own
            return mentions + self.classify_whole_run(sentence, org_run, tokens)
        return mentions + self.classify_run(sentence, org_run, tokens, org=True)

    def named_like_a_cause(self, run: list[_Tok]) -> _Mention | None:
        """ "Humanity & Inclusion", "Transparency Solomon Islands", "Reconciliation Now": a name
        of capitalised words joined by "&", or opening with an English abstract noun ("-ency",
        "-tion", "-ness", …) before a place or another such noun, is a body's (an NGO's, its
        national chapter's), never a person's."""
        words = run[1:] if run[0].low in STARTERS and len(run) > 1 else run
        if not 2 <= len(words) <= 6 or self.is_place(_text_plain(words)):
            return None
        if (
            len(words) >= 4
            and words[0].capital
            and words[-1].capital
            and any(t.low in ("à", "aux", "pour") and not t.capital for t in words[1:-1])
        ):  # "Touche Pas à Ma Constitution": French words that join a name join no person's
            return _Mention(
                "org", _text_plain(words), words[0].start, words[-1].end, org_kind="movement"
            )
        amp = [i for i, t in enumerate(words) if t.text == "&"]
        if (
            amp
            and all(
                0 < i < len(words) - 1 and words[i - 1].capital and words[i + 1].capital
                for i in amp
            )
            and all((t.capital and len(t.bare) >= 3) or t.text == "&" for t in words)
        ):
            # (not "Q & A", "R & D")
            name = _text_plain(words)
        elif (
            all(t.capital for t in words)
            and len(words[0].low) > 6
            and words[0].low.endswith(_CAUSE_ENDINGS)
            and words[0].low not in _CAUSE_NOT
            and (
                self.is_place(_text_plain(words[1:]))
                or (len(words[-1].low) > 6 and words[-1].low.endswith(_CAUSE_ENDINGS))
            )
        ):
            name = _text_plain(words)
        else:
            return None
        return _Mention("org", name, words[0].start, words[-1].end, org_kind="movement")

    def person_and_the(self, run: list[_Tok]) -> bool:
        """A person's full name, then "and the" and another name: "Robert Kocharyan and the I
        Have Honor bloc"."""
        halves = _split_and(run)
        return (
            len(halves) == 2
            and 2 <= len(halves[0]) <= 4
            and all(t.capital for t in halves[0])
            and self.looks_like_name(halves[0])
            and not _is_orgish(halves[0])
            and not self.is_place(_text_plain(halves[0]))
            and any(t.low == "and" and n.low == "the" for t, n in itertools.pairwise(run))
        )

    def classify_run(
        self, sentence: str, run: list[_Tok], tokens: list[_Tok], org: bool = False
    ) -> list[_Mention]:
        # leading words that start sentences: "The", "Notably", "Also", "Members"; an organisation
        # keeps its adjectives ("National Assembly"), a name does not ("New" is kept for places)
        strip = STARTERS if org or _ORG_NOUN.match(sentence[run[-1].end :]) else COMMON
        if re.search(
            r"\b(?:PHOTO|Photo|photo|Photos|PHOTOS)\s*(?:/|:|by)\s*$", sentence[: run[0].start]
        ):
            # "AFP PHOTO / Christian Mbei Ewane": a credit names a person, "Christian" and all
            strip = STARTERS - {"christian"}
        if (
            len(run) > 1
            and run[0].low in _KIND_WORDS
            and run[0].start == 0
            and _text_plain(run) not in KNOWN_ORGS
        ):
            # "Pollster Ipsos Peru puts …": a sentence that opens with what the name is
            rest = run[1:]
            return [
                _Mention("org", _text_plain(rest), rest[0].start, rest[-1].end, org_kind="outlet")
            ]
        if run[0].low in EVENT_HEADS or (len(run) == 1 and run[0].low in EVENT_WORDS):
            return []  # "Hurricane Melissa", "Eid al-Fitr": a storm or a feast, not a name
        if len(run) > 1 and run[-1].bare in _NOBODY_LAST:
            # "the Joint Response Plan", "58% of Solomon Islanders": a document or a people
            return []
        if run[-2:-1] and run[-2].low in ("gen", "generation") and len(run[-1].text) == 1:
            return []  # "the Gen Z protests": a generation
        if (
            len(run) > 1
            and run[-1].low in ("photo", "photos", "pool")
            and re.match(r"\s*/", sentence[run[-1].end :])
        ):  # "(AP Photo/Ebrahim Hamid)": a photo credit names the agency
            run = run[:-1]
        if (
            len(run) == 1
            and re.search(
                r"-(?:led|backed|based|aligned|allied|linked|controlled|run|made|owned|funded|language|speaking|"
                r"born)$",
                run[0].bare,
            )
            and not re.match(
                r"\s+(?:coalition|alliance|government|administration)\b", sentence[run[-1].end :]
            )
        ):
            return []  # "the Lagos-based consultancy": an adjective; "the US-led coalition" a name
        if (
            len(run) == 2
            and run[0].text == "The"
            and run[0].start > 0
            and run[1].low in ORG_CUES
            and ORG_CUES[run[1].low] == "outlet"
        ):  # "a correspondent for The Economist"
            return [_Mention("org", _text_plain(run), run[0].start, run[-1].end, org_kind="outlet")]
        outlet = re.match(r"\s+(?:newspaper|daily|weekly|magazine)\b", sentence[run[-1].end :])
        if (
            outlet
            and run[0].low == "the"
            and len(run) > 1
            and not self.is_place(_text_plain(run[1:]))  # "The Caracas newspaper El Nacional"
            and _text_plain(run[1:]) not in self.demonyms  # "The Kuwaiti daily Al-Qabas"
            and not re.search(r"-(?:language|speaking|based|owned|run)$", run[-1].bare)
        ):
            plain = _text_plain(run)  # "The Hindu newspaper": the article is in the name
            return [_Mention("org", plain, run[0].start, run[-1].end, org_kind="outlet")]
        for _ in range(2):  # "The Kremlin-linked Wagner Group": both kinds of leading word
            while len(run) > 1 and re.search(
                r"-(?:led|backed|based|aligned|allied|linked|controlled|run|made|owned|funded|language|speaking|"
                r"born)$",
                run[0].bare,
            ):
                run = run[1:]  # "Kurdish-led Syrian Democratic Forces"
            while (
                run
                and run[0].low in strip
                and not self.is_place(_text_plain(run))
                and not (
                    len(run) > 1
                    and run[0].low not in ("the", "a", "an")
                    and self.is_place(f"{run[0].bare} {run[1].bare}")
                )  # "South Asia Terrorism Portal" keeps "South"
                and _text_plain(run) not in KNOWN_ORGS
                # "Islamic State Khorasan Province": a known group's branch keeps its words
                and not _known_prefix(run)
                # a title before a name stays for the role: "President Joe Biden", "Prime Minister …"
                and not (len(run) > 1 and run[0].low.rstrip(".") in TITLES | HONORIFICS)
                # "Christian Schmidt": a given name, not a faith, before one surname
                and not (
                    run[0].low == "christian"
                    and len(run) == 2
                    and run[1].low not in COMMON | PEOPLES | ORG_CUES.keys()
                    and not run[1].low.endswith("s")
                    and not _ORG_NOUN.match(sentence[run[-1].end :])
                )
            ):
                run = run[1:]
        while run and not run[-1].capital and not run[-1].text.isdigit():
            run = run[:-1]
        if not run:
            return []
        if (
            len(run) >= 2
            and re.fullmatch(r"(?:[A-Z]\.){2,3}", run[0].text)
            and run[0].text not in COUNTRY_ALIASES
            and run[0].text.replace(".", "") not in KNOWN_ORGS
            and all(t.capital for t in run[1:])
            and self.looks_like_name(run[1:])
            and not _is_orgish(run)
            and not self.is_place(_text_plain(run[1:]))
        ):  # "Air Marshal A.K. Bharti": initials, then a surname
            return [_Mention("person", _text_plain(run), run[0].start, run[-1].end)]
        if len(run) == 1 and (
            run[0].bare in NOT_ACRONYMS
            or (
                re.search(r"-(?:language|speaking|based|led|backed|run|owned)$", run[0].bare)
                and not _ORG_NOUN.match(sentence[run[-1].end :])
            )
        ):
            return []  # "the opposition TV channel", "The Urdu-language daily": no name here
        plain = _text_plain(run)
        start, end = run[0].start, run[-1].end
        after = sentence[end:]
        before = sentence[:start]
        if (
            (
                run[0].low in _PLACE_NAME_OPENERS
                or any(t.low in _PLACE_PARTICLES and not t.capital for t in run[1:-1])
            )
            and len(run) > 1
            and run[-1].text == run[-1].bare
            and _PLACE_BEFORE.search(before)
            and not _is_orgish(run)
            and plain not in KNOWN_ORGS
            and self.find_person(plain) is None
        ):  # "in Sheikh Jarrah", "at Abu Ghraib", "near Bin Jawad": a place named like a person
            return [_Mention("place", plain, start, end)]
        cued = self.classify_by_cue(run, plain, start, end, before, after)
        if cued is not None:
            return cued
        # "formally called Ansar Allah", "widely known as Hemedti": another name for what came before
        if re.search(
            r"\b(?:formally|officially|also|widely|better|locally|once|previously|formerly)\s+(?:called|named|known\s+(?:as|by\s+(?:the\s+)?(?:name|nom de guerre|alias|title)))\s+$",
            before,
        ) or re.search(
            # "known in Arabic as al-Hashd al-Shaabi"; "(ARSA), known in the camps as …"
            r"\b(?:known|called)\s+in\s+[A-Z][a-z]+\s+as\s+$"
            r"|(?:\)|\b[A-Z][\w’'\-]*)\s*,\s+known\s+(?:(?:in|among|to)\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+)?as\s+$",
            before,
        ):
            # "known in Arabic as al-Hashd al-Shaabi"
            return [_Mention("alias", plain, start, end)]
        # "X government", "X regime", "X forces"
        noun = _ORG_NOUN.match(after)
        if (
            noun
            and noun.group(1) in ("forces", "militia", "militias", "cartel", "gang", "clan")
            and self.is_place(plain)
            and COUNTRY_ALIASES.get(plain, plain) not in COUNTRIES
        ):  # "Jubaland forces", "Tigray forces": a region's armed body (a country's is its state)
            name = f"{plain} {noun.group(1)}"
            return [_Mention("org", name, start, end + noun.end(), org_kind="armed group")]
        if noun and not _is_orgish(run) and not self.is_place(plain):
            kind = ORG_NOUNS[noun.group(1)]
            if all(t.low in COMMON | PEOPLES for t in run):
                return []  # "the largest Christian party", "a mostly Uyghur group"
            if run[-1].text != run[-1].bare and noun.group(1) in (
                "government",
                "administration",
                "regime",
            ):
                # "Prime Minister Abiy Ahmed's government": the person, and the government
                body = _Mention(
                    "org",
                    noun.group(1),
                    end + noun.start(1),
                    end + noun.end(1),
                    org_kind="government",
                )
                return [*self.classify_run(sentence[:end], run, tokens), body]
            if run[-1].text != run[-1].bare and noun.group(1) in NAME_WITHOUT_NOUN:
                return [_Mention("single", plain, start, end)] if len(run) == 1 else []
                # "Hasina's party" is a person's party, not one named "Hasina"
            if re.search(r"-(?:led|backed|based|aligned|allied|linked)$", plain) and (
                noun.group(1) not in ("coalition", "alliance", "government", "administration")
            ):
                return []  # "the Iran-backed group" names no group; "the US-led coalition" does
            if plain in self.demonyms and noun.group(1) in (
                "government",
                "regime",
                "administration",
            ):
                # "the Rwandan government": the government, also standing for the state
                state = self.demonyms[plain]
                self.state_aliases.setdefault(f"{plain} {noun.group(1)}", state)
                return [
                    _Mention(
                        "org",
                        f"{plain} {noun.group(1)}",
                        start,
                        end + noun.end(),
                        org_kind="government",
                    )
                ]
            if plain in KNOWN_ORGS:
                return [_Mention("org", plain, start, end, org_kind=KNOWN_ORGS[plain])]
            if plain in self.demonyms:
                if noun.group(1) == "forces" and not re.match(
                    r"\s+(?:and|or)\s+[a-z]", after[noun.end() :]
                ):
                    # "Russian forces": the armed body, standing for its state
                    name = f"{plain} forces"
                    self.state_aliases.setdefault(name, self.demonyms[plain])
                    return [_Mention("org", name, start, end + noun.end(), org_kind="armed group")]
                if noun.group(1) in BODY_WORDS:
                    return []  # "the Malian army": a body of its own (organisations.bodies)
                return [_Mention("org", self.demonyms[plain], start, end, org_kind="state")]
            named_after_a_person = (
                noun.group(1) in ("group", "faction", "network")
                and 2 <= len(run) <= 4
                and all(t.capital and t.low not in PARTICLES for t in run)
                and self.looks_like_name(run)
                and not _is_orgish(run)
                and not re.match(r"\s+of\b", after[noun.end() :])  # "the X group of NGOs"
            )  # "the Hafiz Gul Bahadur group": a person's name, the noun makes it a group's
            # "the G9 family of gangs" is named without its noun; "the Bucak clan of Siverek"
            # (a clan of a place) keeps it
            of_what = re.match(r"\s+of\s+(\S)", after[noun.end() :])
            if (
                noun.group(1) in NAME_WITHOUT_NOUN
                or (of_what and not of_what.group(1).isupper())
                or (of_what and noun.group(1) not in ("clan", "tribe", "family", "network"))
            ) and not (re.search(r"-(?:led|backed|based)$", plain) or named_after_a_person):
                # "the Tren de Aragua gang", "Vente Venezuela party", "the G9 family of gangs";
                # but "the US-led coalition" is named by its noun
                return [_Mention("org", plain, start, end, org_kind=kind)]
            mentions = [
                _Mention("org", f"{plain} {noun.group(1)}", start, end + noun.end(), org_kind=kind)
            ]
            if re.search(r"\b[Aa]n?\s+$", before) and noun.group(1) in (
                "government",
                "administration",
            ):
                mentions = []  # "a Lee government would …": one that does not exist yet
            if re.search(r"\b(?:[Aa]n?|one|each|every|another)\s+$", before) and noun.group(1) in (
                "brigade",
                "battalion",
                "regiment",
                "force",
                "brigades",
                "battalions",
            ):
                # "paid through a PMF brigade": one unit of the PMF, which is the name
                mentions = [_Mention("org", plain, start, end, org_kind=kind)]
            if (
                len(run) <= 3
                and all(t.low not in COMMON | TITLES for t in run)
                and noun.group(1) in ("government", "regime")
                # "the Sandinista government", "the Baathist regime": a movement's adjective
                and not re.search(r"(?:ista|istas|ist|ists|ite|ites|ian|ic)$", run[-1].bare)
                and not self.looks_like_not_a_name(run)
            ):
                # "the Najibullah government" names its leader; "the Trump administration" is
                # the name of a government (its leader is drafted only where named as a person)
                mentions.append(_Mention("person", plain, start, end))
            return mentions
        if len(run) > 1 and re.fullmatch(r"\d+(?:st|nd|rd|th)", run[0].text):
            # "3rd Military Region", "6th Infantry Division": a numbered unit
            return [_Mention("org", plain, start, end, org_kind="armed group")]
        if plain in self.demonyms:
            if re.match(BODY_AFTER_DEMONYM, after):
                return []  # "Pakistani intelligence services": a body (organisations.bodies)
            troops = re.match(r"\s+(forces|troops)\b(?!\s+(?:and|or)\s+[a-z])", after)
            if troops:
                # "Russian forces", "Israeli troops": the armed body, standing for its state
                name = f"{plain} {troops.group(1)}"
                self.state_aliases.setdefault(name, self.demonyms[plain])
                return [_Mention("org", name, start, end + troops.end(), org_kind="armed group")]
            if re.match(
                r"\s+(withdrawal|invasion|occupation|forces|troops|army|government|officials|era|regime|military|intelligence|embassy)\b",
                after,
            ):
                return [_Mention("org", self.demonyms[plain], start, end, org_kind="state")]
            return []
        if self.is_place(plain):
            return self.place_mention(plain, start, end, before, after)
        if len(run) > 1 and run[0].low in PLACE_PREFIXES and not _is_orgish(run):
            return [_Mention("place", plain, start, end)]  # "Port Sudan", "Jebel Amer"
        if _known_prefix(run):
            # "Islamic State Sahel Province", "Islamic State Khorasan Province": a known group's
            # branch, named after a place
            return [_Mention("org", plain, start, end, org_kind=KNOWN_ORGS[_text_plain(run[:2])])]
        if run[-1].low in PLACE_HEADS or (
            re.match(r"\s+(?:" + "|".join(PLACE_NOUNS) + r")\b", after)
            # "the Public Defender's Office of Rio de Janeiro state": the place noun ends the
            # place the body is of, not the body's name
            and not (_is_orgish(run) and any(t.low == "of" and not t.capital for t in run))
        ):
            return [
                _Mention("place", plain, start, end)
            ]  # "Green Zone", "the Bab al-Mandab strait"
        if plain in KNOWN_ORGS:
            return [_Mention("org", plain, start, end, org_kind=KNOWN_ORGS[plain])]
        if (
            len(run) > 1
            and run[0].bare in KNOWN_ORGS
            and run[0].text == run[0].bare
            and not any(t.low.rstrip(".") in TITLES | ROLE_HEADS for t in run[1:])
        ):
            return [_Mention("org", plain, start, end, org_kind=KNOWN_ORGS[run[0].bare])]
        if (
            re.search(r"(?<![A-Za-z])the\s+$", before)
            and len(run) >= 2
            and re.fullmatch(r"[A-Z][a-z]+s", run[-1].bare)
            and run[-1].low not in COMMON
        ):
            return [
                _Mention("org", plain, start, end, org_kind="armed group")
            ]  # "the Kashmir Tigers"
        if (kind := org_by_context(run, before, after)) is not None:
            number = re.match(r" (\d{1,4})\b(?![.,]\d|\s*(?:%|percent|per cent))", after)
            if number and not re.fullmatch(r"(?:19|20)\d\d", number.group(1)):
                # "the studio Kvartal 95": a number that ends the name
                plain, end = f"{plain} {number.group(1)}", end + number.end()
            return [_Mention("org", plain, start, end, org_kind=kind)]
        if re.match(
            r"\s+(?:news outlet|news agency|newspaper|broadcaster|channel|has reported|reported)\b(?!\s+from)",
            after,
        ) and not re.search(
            r"\b(?:writer|reporter|correspondent|journalist|photographer|editor)\s+$", before
        ):
            return [_Mention("org", plain, start, end, org_kind="outlet")]
        if re.search(
            r"\b(?:companies|firms|groups|organi[sz]ations|agencies|outlets|militias|parties|banks|"
            r"tabloids|newspapers|papers|dailies|channels|broadcasters|websites|unions|charities|"
            r"NGOs|gangs|cartels|makers|manufacturers|contractors|miners|lenders|insurers|airlines)"
            r"\s+(?:such as|like|including)\s+"
            # "tabloids such as Informer and Alo!": the second name of the list too
            r"(?:[A-Z][\w'’\-!]*(?:\s+[A-Z][\w'’\-!]*){0,3}\s*(?:,\s*|\s+)(?:and|or)?\s*)?"
            r"(?:the\s+)?(?:[\w\-]+-(?:born|based|led|backed|run)\s+)?$",
            before,
        ) or (
            re.search(
                r"\b(?:coalition|group|alliance|movement|militia|gang|party|organi[sz]ation|faction|"
                r"network|newspaper|agency|company|bloc|mission|operation|force|wing|arm|"
                r"programme|program|initiative|unit|brigade|tabloid|channel|broadcaster|website)"
                r"\s*,\s+(?:the\s+)?$",
                before,
            )
            # not "a member of the opposition Armenia Alliance bloc, Artur Vanetsyan"
            and not re.search(
                r"\b(?:member|leader|head|founder|chairman|chair|spokesman|spokeswoman|"
                r"spokesperson|official|lawmaker|deputy|commander)\s+(?:of|for|in)\b[^,]*,\s+"
                r"(?:the\s+)?$",
                before,
            )
        ):
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if _is_orgish(run):
            if len(run) == 1:
                known = [p for p in run[0].bare.split("-") if p in KNOWN_ORGS]
                if known and run[0].bare.startswith(known[0] + "-"):
                    return []  # "Hamas-led": the organisation is taken from the token itself
                if not known and run[0].bare.count("-") < 2:
                    return []  # "Council", "Government" alone name nothing ("This Council" is resolved later)
            return [self.org_mention(run, plain, start, end)]
        if (
            len(run) == 1
            and run[0].bare.isupper()
            and 2 <= len(run[0].bare) <= 8
            and run[0].bare not in NOT_ACRONYMS
            and not re.search(r"-\d|\d-", run[0].bare)  # "J-10C", "A-18": a weapon, not a group
        ):
            return [_Mention("org", plain, start, end, org_kind="movement")]  # an acronym: MINUSMA
        if (
            len(run) == 1
            and run[0].text == run[0].bare  # "Tinubu's spokesman" is a person's
            and run[0].low not in _WHOSE_OFFICIALS  # "Federal officials": officials of what kind
            and re.match(
                r"\s+(?:chief|director|head|spokesman|spokeswoman|spokesperson|official|officials|commander)\b",
                after,
            )
        ):
            return [
                _Mention("org", plain, start, end, org_kind="movement")
            ]  # "Mossad chief David Barnea"
        if len(run) == 1 and re.fullmatch(r"[A-Z][a-z]+ists", run[0].bare):
            return [_Mention("org", plain, start, end, org_kind="movement")]  # "the Sadrists"
        # titles before a name: "Taliban Foreign Minister Amir Khan Muttaqi", "President Joe Biden"
        heads = [
            i
            for i, t in enumerate(run[:-1])
            if (
                t.low.rstrip(".") in ROLE_HEADS | HONORIFICS
                or t.low in HONORIFICS
                # "Vice-President Sara Duterte", "Major-General Ali Hassan": a hyphenated title
                or ("-" in t.low and t.low.rsplit("-", 1)[1] in ROLE_HEADS)
            )
            # "Hassan Sheikh Mohamud": after a given name, "Sheikh" is part of the name
            and not (
                i > 0
                and t.low in ("sheikh", "mullah", "emir", "sultan", "imam", "haji")
                and run[i - 1].capital
                and run[i - 1].low not in TITLES | ROLE_HEADS | COMMON | ORG_CUES.keys()
                and not self.is_place(run[i - 1].bare)
                and run[i - 1].bare not in KNOWN_ORGS
                and run[i - 1].bare not in self.demonyms
            )
        ]
        if heads:
            cut = heads[-1] + 1
            role_run, name_run = run[:cut], run[cut:]
            if (
                len(name_run) == 1
                and len(role_run) > 1
                and role_run[-1].low in ("sheikh", "sultan", "emir", "mullah")
                and self.looks_like_name(name_run)
            ):  # "Prime Minister Sheikh Hasina": the honorific is part of the name
                role_run, name_run = role_run[:-1], [role_run[-1], *name_run]
                mentions = [
                    _Mention(
                        "person",
                        _text_plain(name_run),
                        name_run[0].start,
                        name_run[-1].end,
                        role_prefix=_text_plain(role_run),
                    )
                ]
            else:
                mentions = self.classify_run(sentence, name_run, tokens)
            for mention in mentions:
                if mention.kind in ("person", "single"):
                    # a lone titled name ("President Yoon") may be a known person's: decided later
                    mention.role_prefix = _text_plain(role_run)
            for tok in role_run:
                if tok.bare in KNOWN_ORGS or (tok.bare.isupper() and 2 <= len(tok.bare) <= 8):
                    kind = KNOWN_ORGS.get(tok.bare, "movement")
                    mentions.append(
                        _Mention(
                            "org", tok.bare, tok.start, tok.start + len(tok.bare), org_kind=kind
                        )
                    )
            return mentions
        if (
            len(run) == 1
            and len(run[0].bare) >= 4
            and run[0].bare[1:].islower()
            and run[0].bare.upper() in KNOWN_ORGS
            and run[0].low not in COMMON
        ):  # "Nato", "Unicef", "Caricom": an acronym written as a word, as some papers do
            kind = KNOWN_ORGS[run[0].bare.upper()]
            return [_Mention("org", plain, start, end, org_kind=kind)]
        if run[0].text == "Air" and len(run) == 2 and run[1].low.rstrip(".") not in TITLES:
            return [_Mention("org", plain, start, end, org_kind="movement")]  # "Air France"
        if len(run) > 1 and run[0].bare in self.demonyms and _text_plain(run[1:]) in KNOWN_ORGS:
            # "the Afghan Taliban", "the Pakistani Taliban": a known group's national branch
            return [_Mention("org", plain, start, end, org_kind=KNOWN_ORGS[_text_plain(run[1:])])]
        if any(re.fullmatch(r"[A-Z]+-?\d+[A-Z]?", t.bare) for t in run):
            return []  # "M1 Abrams", "T-72", "F-16 Fighting Falcon": a weapon's model, nobody
        if (
            (
                len(run) >= 2
                and run[0].capital
                and run[-1].capital
                and any(t.low in NOT_NAME_WORDS for t in run if t.capital)
                and not all(t.low in NOT_NAME_WORDS | COMMON for t in run if t.capital)
            )
            or (
                len(run) >= 2
                and run[-1].capital
                and run[-1].low in NOT_NAME_WORDS
                and run[0].low not in COMMON
                and run[0].bare not in self.demonyms
            )
        ) and not (
            self.is_place(plain)
            or any(t.low.rstrip(".") in ROLE_HEADS | HONORIFICS for t in run)
            or any(t.low in _NOT_BODY_EVENTS for t in run)
        ):  # "World Vision", "Tullow Oil", "Peace Now": a word of what a body is or does, beside
            # a word of a name, makes a body's name (a person's has no such word)
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if not self.looks_like_name(run):
            return []
        if run[0].text in ("Los", "Las", "Les") and len(run) > 1:
            # "Los Lobos", "Los Comandos de la Frontera": a plural article opens no one's name
            return [_Mention("org", plain, start, end, org_kind="armed group")]
        if len(run) == 1 and all(self.is_place(p) for p in run[0].bare.split("-")) and "-" in plain:
            return []  # "the Iraq-Turkey pipeline": places joined as an adjective
        if (
            len(run) == 2
            and run[0].bare in self.demonyms
            and run[1].low not in TITLES
            and run[1].low not in PEOPLES  # "Bosnian Serb politics": a people
            and not self.is_place(run[1].bare)  # "Iraqi Kurdistan" is a place
        ):
            # "Georgian Dream", "Afghan International": a people's adjective opens no one's name
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if (
            plain.removesuffix("s") in self.demonyms
            or (len(run) == 1 and run[0].low in PEOPLES)
            # "Bosnian Serb politics", "Iraqi Kurds": a country's people
            or (
                len(run) == 2
                and run[0].bare in self.demonyms
                and run[1].low.removesuffix("s") in PEOPLES
            )
        ):
            return []  # "Filipinos", "the Druze": a people, nobody's name
        if len(run) == 1 and _CAMEL.fullmatch(run[0].bare):
            return [_Mention("org", plain, start, end, org_kind="movement")]  # "TotalEnergies"
        if (
            _THE_BEFORE_NAME.search(before)
            and plain.removesuffix("s") not in self.demonyms  # "the Egyptians": a people
            # "south of the Litani", "across the Drina": a river or a range, not a body
            and not re.search(
                r"\b(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
                r"\s+of|across|along|beyond|crossed|cross|crossing|up|down|banks\s+of)\s+the\s+$",
                before,
            )
            and (
                # not a name used as an adjective: "the Amazon mining town", "the Bush era"
                not re.match(
                    r"\s+(?:[a-z]+ing|of|era|years|doctrine|brothers|sisters|twins|household|"
                    r"dynasty|name|case|trial|affair|plan|effect|way|camp|presidency|government|"
                    r"administration|army|navy|military|police|forces|troops|coast guard|"
                    r"air force|border|states|countries|nations|republics|region|regions|people|"
                    r"peoples|communities|diaspora|side|town|towns|city|village|villages|province|"
                    r"nation|country|republic|kingdom|emirate|monarchy|politics|politicians|"
                    r"district|area|valley|basin|river|rainforest|forest|coast|port|corridor|"
                    r"highway|road|route|line|front|laureate|prize|winner|award|"
                    # round 6: "the Hakari checkpoint", "the Lachin crossing": a place
                    r"bridge|checkpoint|crossing|border post|pass|dam|canal|lake|mountains?|hills?|"
                    r"plain|plateau|desert|peninsula|island|islands|strait|gulf|sea)\b",
                    after,
                )
            )
        ):
            # English puts no article before a person's name: "the progressive Hankyoreh said"
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if len(run) == 1:
            return [_Mention("single", plain, start, end)]
        return [_Mention("person", plain, start, end)]

    def classify_by_cue(
        self, run: list[_Tok], plain: str, start: int, end: int, before: str, after: str
    ) -> list[_Mention] | None:
        """What the words right around a name make it, before its own words are read (None when
        they say nothing)."""
        if len(run) == 1 and _SQUARE_WORDS.fullmatch(plain):
            rest = _SQUARE_REST.match(after)
            if rest:  # "the Place de l'Indépendance", "Plaza de Mayo": a square
                return [_Mention("place", plain + rest.group(), start, end + rest.end())]
        dissidents = re.match(r"\s+(dissidents|hardliners)\b", after)
        if dissidents and (_is_orgish(run) or (len(run) == 1 and run[0].bare.isupper())):
            # "FARC dissidents": the groups that broke away, named after the one they left
            # (the group they left is named too)
            name = f"{plain} {dissidents.group(1)}"
            kind = KNOWN_ORGS.get(plain, "armed group")
            return [
                _Mention("org", plain, start, end, org_kind=kind),
                _Mention("org", name, start, end + dissidents.end(), org_kind="armed group"),
            ]
        armed = re.match(
            r"\s+(militias|militia|brigades|fighters|parties)\b(?!\s+(?:and|or)\s+[a-z])", after
        )
        if (
            armed
            and len(run) == 1
            # not what something is: "FDLR, a Hutu militia", "a network of Amhara fighters"
            and not re.search(r"\b(?:[Aa]n?|of)\s+(?:[a-z\-]+\s+)?$", before)
            and (
                run[0].low in PEOPLES
                or (
                    armed.group(1) not in ("fighters", "parties")
                    and self.is_place(plain)
                    and COUNTRY_ALIASES.get(plain, plain) not in COUNTRIES
                )
            )
        ):  # "Druze fighters", "allied Arab militias", "the Misrata brigades": a people's or a
            # city's armed men (a country's are its state's); "the Bosniak parties"
            name = f"{plain} {armed.group(1)}"
            return [_Mention("org", name, start, end + armed.end(), org_kind="armed group")]
        if (
            len(run) >= 2 and any(t.text.isdigit() for t in run) and run[0].low in _NUMBERED_UNITS
        ):  # "Unit 8200", "Task Force 88", "Brigade 313": a numbered unit, nobody's name
            return [_Mention("org", plain, start, end, org_kind="armed group")]
        if re.search(_VESSEL_BEFORE, before) and not _is_orgish(run):
            return []  # "the tanker Eagle S", "the frigate Admiral Grigorovich": a ship
        if run[-1].low in _THING_HEADS and plain not in KNOWN_ORGS:
            return []  # "the Nobel Peace Prize", "Security Council Resolution 2231": no body
        if (
            len(run) >= 2
            and re.fullmatch(r"[Aa]l-[A-Z][\w'’]+", run[0].bare)
            and not any(t.low in ("bin", "ibn", "abu", "bint") for t in run)
            and plain not in KNOWN_ORGS
            and self.find_person(plain) is None
        ):  # "Al-Qard Al-Hassan", "Al-Masirah TV": a name that opens with the article is a
            # body's (a person's opens with a given name)
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if self.is_place(plain) or plain in KNOWN_ORGS:
            return None
        possessive = run[-1].text != run[-1].bare
        if (
            not self.looks_like_title_run(run)
            and self.find_person(plain) is None
            and (
                (not possessive and _GROUP_CLAUSE.match(after))
                or (possessive and _GROUP_POSSESSION.match(after))
            )
        ):  # "Ansaru claimed responsibility", "Fano, which has fought the army", "Wazalendo,
            # whose fighters …", "the group's founder": what only a group does or has
            return [_Mention("org", plain, start, end, org_kind="armed group")]
        led_by = _OF_A_PERSON.match(after)
        if (
            led_by
            and 2 <= len(run) <= 3
            and run[-1].text == run[-1].bare
            and not any(t.low.rstrip(".") in TITLES | ROLE_HEADS | HONORIFICS for t in run)
            and self.find_person(plain) is None
            and not self.is_place(led_by.group(1))
            and not any(w.lower() in COMMON | TITLES for w in led_by.group(1).split())
            and not any(w.lower() in ORG_CUES or w in KNOWN_ORGS for w in led_by.group(1).split())
            and not any(self.is_place(w) for w in led_by.group(1).split())
        ):  # "Otzma Yehudit of Itamar Ben-Gvir": a person's party, not a person
            return [_Mention("org", plain, start, end, org_kind="party")]
        if (
            len(run) == 1
            and re.search(
                r"\b(?:made|built|manufactured|produced)\s+by\s+(?:the\s+)?$",
                before,
            )
            and self.find_person(plain) is None
        ):  # "long-range drones made by Ukroboronprom": a maker
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if (
            run[-1].text == run[-1].bare
            and not any(t.low.rstrip(".") in TITLES | ROLE_HEADS | HONORIFICS for t in run)
            and self.find_person(plain) is None
            and _REPORTED_IN.match(after)
        ):  # "Acled said in a report", "Airwars found in its latest count": what bodies publish
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if len(run) >= 2 and run[-1].low in _GROUP_PLURALS and self.find_person(plain) is None:
            # "Tatay Digong Warriors", "Amba Boys", "Kashmir Tigers": a band, not a person
            return [_Mention("org", plain, start, end, org_kind="armed group")]
        member_of = _MEMBER_OF.search(before)
        if (
            member_of
            and len(run) == 1
            and run[0].text == run[0].bare
            and not any(
                w.lower().rstrip(".") in TITLES | ROLE_HEADS | HONORIFICS | COMMON
                for w in member_of.group(1).split()
            )
            and self.find_person(plain) is None
            and not re.match(r"\s+(?:region|province|state|district|city|town|village)\b", after)
        ):  # "Daniel Chapo of Frelimo": a person's party or organisation (not "Bishop … of Pemba")
            return [_Mention("org", plain, start, end, org_kind="movement")]
        fighters = re.match(
            r"\s+(?:fighters|militants|militiamen|gunmen|insurgents|jihadists)\b", after
        )
        if (
            fighters
            and len(run) == 1
            and run[0].text == run[0].bare  # "Hemedti's fighters" are a person's
            and run[0].low not in COMMON | PEOPLES | TITLES
            and run[0].bare not in self.demonyms
            and not re.search(r"\b(?:[Aa]n?|of)\s+(?:[a-z\-]+\s+)?$", before)
            and self.find_person(plain) is None
            and not any(ch.isdigit() for ch in plain)  # "J-10C fighters" are jets
            # an adjective of faith or kind: "Islamist fighters", "Shiite militiamen"
            and not re.fullmatch(r"[A-Z][a-z]+(?:ist|ic|ite|ian|ese|i|ern)", run[0].bare)
        ):  # "Lakurawa fighters attacked": the group they fight for
            return [_Mention("org", plain, start, end, org_kind="armed group")]
        if len(run) == 1 and re.fullmatch(
            r"[A-Z][A-Za-z]*\d+[A-Z]?[a-z]{2,}[A-Za-z]*", run[0].bare
        ):  # "B2Gold", "G4S"-like brands written with a figure inside: a company
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if re.search(r"\balias\s+$", before) and self.looks_like_name(run):
            return [_Mention("person", plain, start, end)]  # "led by alias Calarcá"
        if (
            len(run) <= 3
            and not _is_orgish(run)
            and re.search(
                r"\b(?:founder|co-founder|founders|owner|owners|shareholders?|subsidiary|"
                r"chief executive|CEO|chairman of the board|board|employees|staff|clients?)"
                r"\s+of\s+(?:the\s+)?$",
                before,
            )
            and not re.match(r"\s+(?:and|of)\b", after)
            and (len(run) == 1 or not self.looks_like_name(run))
        ):  # "the founder of Blackwater": what is founded and owned is a body
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if re.search(
            r"\b(?:network|group|movement|coalition|campaign|collective|alliance|association|"
            r"band|organi[sz]ation|initiative|page|account|channel|blog|website)\b[^.;:]{0,40}?\b(?:called|named|calling "
            r"(?:itself|themselves))\s+[\"“‘']$",
            before,
        ):  # 'a network of daily marchers called "Daitove"'
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if re.search(
            r"\b(?:[Cc]oalition|[Aa]lliance|[Bb]loc|[Pp]latform|[Ff]ront|[Ff]ederation|[Uu]nion)\b"
            r"[^.;:]{0,40}?\b(?:includes|included|including|comprises|comprising|made up of|"
            r"brings together|bringing together|groups|grouping)\s+"
            r"(?:(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}\s*(?:,\s*(?:and\s+)?|\s+and\s+))*"
            r"(?:the\s+)?$",
            before,
        ) and not (
            (len(run) > 1 and self.looks_like_name(run) and not _is_orgish(run))
            or re.match(r"\s*[–—-]\s*[A-Z]", after)  # "Unity – National Movement": one name
        ):
            # "the Coalition for Change, which includes Akhali and Droa": its members
            return [_Mention("org", plain, start, end, org_kind="party")]
        if (
            len(run) == 2
            and run[1].low in ("prince", "king", "sheikh")
            and run[0].capital
            and run[0].low not in COMMON | TITLES | ORG_CUES.keys() | PEOPLES
            and run[0].bare not in self.demonyms
            and run[0].text == run[0].bare
        ):  # "Erik Prince", "Stephen King", "Abdi Sheikh": a surname that is also a title
            return [_Mention("person", plain, start, end)]
        return None

    @staticmethod
    def looks_like_title_run(run: list[_Tok]) -> bool:
        """A run that opens with a title ("President Tinubu", "General Burhan"): a person."""
        return run[0].low.rstrip(".") in TITLES | ROLE_HEADS | HONORIFICS

    @staticmethod
    def looks_like_name(run: list[_Tok]) -> bool:
        """No title, cue or common word at either end, and at most one inside ("Mohammed Shia al-Sudani")."""

        def bad(tok: _Tok) -> bool:
            return tok.capital and (
                tok.low in COMMON | TITLES | ORG_CUES.keys() or tok.low in NOT_NAME_WORDS
            )

        # "Christian Schmidt": a given name that is also a faith's adjective
        given = len(run) >= 2 and run[0].low == "christian"
        if (bad(run[0]) and not given) or bad(run[-1]):
            return False
        # "Socialist-led", "Tehran-backed", "Nairobi-based": a compound that says who leads or
        # where from describes a noun; it is nobody's name
        if any(_DESCRIBING_COMPOUND.search(tok.low) for tok in run):
            return False
        # "Africa Uncensored", "Sahel Intelligence": a name that opens with a continent's or a
        # region's name is a body's or a place's, not a person's (not a country's: "Sudan Gurung"
        # is a Nepali name)
        if len(run) >= 2 and run[0].bare in _PLACE_FIRST and run[1].low not in PARTICLES:
            return False
        return sum(1 for tok in run[1:-1] if bad(tok)) <= 1

    def is_place(self, text: str) -> bool:
        if text in self.places_set:
            return True  # "The Hague"
        text = text.removeprefix("the ").removeprefix("The ")
        if text in self.places_set or (text.isupper() and text.title() in self.places_set):
            return True
        # "Yaoundé", "Bogotá": the gazetteer spells some places without their accents
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return plain != text and plain in self.places_set

    def place_mention(
        self, plain: str, start: int, end: int, before: str, after: str
    ) -> list[_Mention]:
        """A place; a country also acts as a state when it does something, has something done to
        it, or stands in a list with one that does ("Qatar, Egypt and the United States resumed")."""
        name = plain.removeprefix("The ").removeprefix("the ")
        if name.isupper() and name.title() in self.places_set:
            name = name.title()  # "BRUSSELS"
        country = COUNTRY_ALIASES.get(name, name)
        mentions = [_Mention("place", name, start, end)]
        state = (
            country if country in COUNTRIES or country in FORMER_STATES else self.capitals.get(name)
        )
        if state is None:
            return mentions
        verb = r"(?:\s+(?:(?:also|has|have|had|will|would|did|does|not)\s+)?(?:is|are|was|were|has|have|had|said|says|will|would|wants|seeks|sent|backed|accused|announced|denied|called|urged|warned|began|begin|must|should|could|can|[a-z]+ed)\b)"
        listed = r"(?:\s*,\s*(?:and\s+)?(?:the\s+)?[A-Z][\w'’\- ]{1,30}?)*\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*"
        located = re.search(
            r"\b(?:in|within|across|to|into|inside|throughout|near|around|over|at|from|of)\s+(?:the\s+)?$",
            before,
        )
        clause = re.match(
            r",\s+(?:whose|which|under|led by|backed by)\b[^,.;]{0,80}?(?:,\s+[a-z]+|\s+[a-z]+ed\b)",
            after,
        )
        acting = not located and (re.match(verb, after) or re.match(listed + verb, after) or clause)
        acted_on = re.search(
            r"(?i:request of|pressure from|backed by|mediated by|brokered by|hosted by|talks with|sanctions on|accused|by|governments? of|negotiators from|delegations? from|officials from|troops from|envoys? from)\s+(?:the\s+)?$",
            before,
        ) or re.search(
            r"(?i:governments? of|negotiators from|delegations? from|hosted by)\s+(?:the\s+)?[A-Z][\w'’\- ]*?(?:,\s+(?:the\s+)?[A-Z][\w'’\- ]*?)*,?\s+(?:and|or)\s+(?:the\s+)?$",
            before,
        )
        in_list_before = re.search(
            r"(?:^|[.;:]\s*)(?:the\s+)?[A-Z][\w'’\- ]{1,30}?(?:,\s+(?:the\s+)?[A-Z][\w'’\- ]{1,30}?)*,?\s+(?:and|or)\s+(?:the\s+)?$",
            before,
        )
        list_verb = in_list_before and re.match(verb, after)
        if acting or acted_on or list_verb:
            mentions.append(_Mention("org", state, start, end, org_kind="state"))
        return mentions

    def register(
        self,
        sentence_id: str,
        mentions: list[_Mention],
        text: str,
        singles: list[tuple[str, _Mention, str]],
    ) -> None:
        """Each mention of a sentence into the article's people, organisations and places."""
        for mention in mentions:
            if mention.kind == "person":
                self.add_person(mention.name, text)
            elif mention.kind == "org":
                self.add_org(mention.name, mention.org_kind or "movement", text)
            elif mention.kind == "place" and mention.name not in self.places:
                self.places.append(mention.name)
            elif mention.kind == "single":
                singles.append((sentence_id, mention, text))
            elif mention.kind == "alias":
                self.attach_alias(mention, mentions)

    def known_name(self, mention: _Mention) -> bool:
        """A name the rest of the article, or the gazetteer, already knows."""
        name = mention.name
        if mention.kind in ("place", "alias"):
            return True
        if name in KNOWN_ORGS or name in self.orgs or self.find_person(name) is not None:
            return True
        if re.fullmatch(r"[A-Z][A-Z0-9\-]{1,9}", name):
            return True  # an acronym
        words = name.split()
        return any(
            name in p.name.split() or (len(words) > 1 and p.name.endswith(words[-1]))
            for p in self.people.values()
        ) or any(o.lower() == name.lower() or name in org.aliases for o, org in self.orgs.items())

    def names(self) -> None:
        sentences = [
            s for p in self.article.paragraphs if p.id not in self.heading_ids for s in p.sentences
        ]
        singles: list[tuple[str, _Mention, str]] = []
        titled: list[tuple[str, list[_Mention], str]] = []
        for sentence in sentences:
            text = sentence.text
            offset = 0
            if self.dateline_sentence is not None and sentence.id == self.dateline_sentence.id:
                offset = self.dateline_end  # the dateline's place and outlet are handled apart
            mentions = [m for m in self.classify(sentence.id, text) if m.start >= offset]
            self.mentions[sentence.id] = mentions
            for mention in mentions:
                bracket = re.match(r"\s*\(([A-Z][A-Z0-9\-]{1,9})\)", text[mention.end :])
                if bracket and mention.kind in ("org", "person") and mention.name != bracket[1]:
                    self.bracketed.setdefault(bracket[1], mention.name)
            if sources := _SOURCES_LINE.match(text):
                # "Sources: L'Orient-Le Jour; An-Nahar": outlets, not people
                mentions = [m for m in mentions if m.start >= sources.end()]
                self.mentions[sentence.id] = mentions
                for mention in mentions:
                    if mention.kind in ("person", "single"):
                        mention.kind, mention.org_kind = "org", "outlet"
            for before, mention in itertools.pairwise(mentions):
                if (
                    before.kind == "org"
                    and mention.kind in ("person", "single")
                    and re.fullmatch(r"\s*\(", text[before.end : mention.start])
                    and text[mention.end : mention.end + 1] == ")"
                ):  # "Communist Party of Nepal (Unified Marxist-Leninist)": the party's other name
                    mention.kind = "alias"
            for mention in mentions:
                # round 8: "asked to be called only Davlatsho", "Nisorbek, a teacher in …",
                # "the trader Davlatsho": a person named by one name
                if (
                    mention.kind in ("single", "org")
                    and " " not in mention.name
                    and not mention.name.isupper()
                    and mention.name not in KNOWN_ORGS
                    and not self.is_place(mention.name)
                    and mention.name not in self.demonyms
                    and (
                        _ONE_NAME_BEFORE.search(text, 0, mention.start)
                        or _ONE_NAME_AFTER.match(text, mention.end)
                    )
                ):
                    mention.kind, mention.org_kind = "person", None
            if _title_case(text):
                titled.append((sentence.id, mentions, text))
                continue
            self.register(sentence.id, mentions, text, singles)
        for sentence_id, mentions, text in titled:
            # "Why Mali's Generals Keep Losing Ground": in a line written in title case every
            # word is capitalised, so only names the article or the gazetteer knows are names
            kept = [m for m in mentions if self.known_name(m)]
            self.mentions[sentence_id] = kept
            self.register(sentence_id, kept, text, singles)
        if self.place and self.place not in self.places:
            self.places.insert(0, self.place)
        if self.outlet:
            self.add_org(
                self.outlet, "outlet", self.dateline_sentence.text if self.dateline_sentence else ""
            )
            self.orgs[self.outlet].kind = "outlet"
        for sentence_id, mention, text in singles:
            self.single(sentence_id, mention, text)
        for name, nick in self.nicknames.items():
            if (person := self.find_person(name)) is not None:
                person.aliases.add(nick)
        self.merge_lone_names()
        self.match_acronyms()
        self.merge_orgs()
        self.people_who_are_orgs()

    def merge_lone_names(self) -> None:
        """A one-word person ("Lee", from "a Lee government") who is one word of exactly one
        person named in full ("Lee Jae-myung") is that person, whichever came first."""
        for name in [n for n in self.people if " " not in n]:
            owners = [
                p
                for p in self.people.values()
                if p.name != name
                and name in [w for w in p.name.split() if w.lower() not in PARTICLES]
            ]
            if len(owners) != 1:
                continue
            owners[0].aliases.add(name)
            owners[0].aliases |= self.people.pop(name).aliases
            for mentions in self.mentions.values():
                for mention in mentions:
                    if mention.kind == "person" and mention.name == name:
                        mention.name = owners[0].name

    def people_who_are_orgs(self) -> None:
        """ "Georgian Dream" typed as an organisation in one sentence ("the ruling Georgian Dream
        party") is that organisation in the others ("founder of Georgian Dream")."""
        org_names = set(self.orgs) | {a for o in self.orgs.values() for a in o.aliases}
        for name in [n for n in self.people if n in org_names]:
            del self.people[name]
            for mentions in self.mentions.values():
                for mention in mentions:
                    if mention.kind == "person" and mention.name == name:
                        mention.kind, mention.name = "org", self.canonical_org(name) or name

    def attach_alias(self, alias: _Mention, mentions: list[_Mention]) -> None:
        """ "… Ahmed al-Sharaa, once known as Abu Mohammed al-Jolani": a name for what came just before."""
        earlier = [m for m in mentions if m.end <= alias.start and m.kind in ("person", "org")]
        if not earlier:
            return
        target = earlier[-1]
        if target.kind == "person" and (person := self.find_person(target.name)):
            person.aliases.add(alias.name)
        elif target.kind == "org" and (name := self.canonical_org(target.name)) in self.orgs:
            self.orgs[name].aliases.add(alias.name)

    def single(self, sentence_id: str, mention: _Mention, text: str) -> None:
        """A lone capitalised word: a known person's surname, or a person by context."""
        name = mention.name
        owners = [
            p
            for p in self.people.values()
            if name in p.aliases
            or name in [w for w in p.name.split() if w.lower() not in PARTICLES]
        ]
        if len(owners) == 1:
            if name != owners[0].name:
                owners[0].aliases.add(name)
            mention.kind, mention.name = "person", owners[0].name
            return
        if len(owners) > 1:
            return  # "Guzmán's sons" with three Guzmáns named: one of them, not a fourth
        before, after = text[: mention.start], text[mention.end :]
        if (
            re.match(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*[,.)]", after)
            or re.search(
                r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)\s+(?:son|daughter|brother|sister|cousin|wife|husband|"
                r"mother|father|uncle|aunt|nephew|niece|friend|neighbou?r|grandson|granddaughter|"
                r"grandmother|grandfather|colleague)\s*,?\s*$",
                before,
            )
        ) and not (self.is_place(name) or name in KNOWN_ORGS):
            # "said Abdoulaye, 41, a cattle trader", "his cousin Moussa": a person by first name
            self.add_person(name, text)
            mention.kind = "person"
            return
        if (
            name in FAMOUS_SURNAMES
            and not self.is_place(name)
            # not a surname the article gives in full ("Bashar al-Assad")
            and not re.search(rf"\b(?:[A-Z][\w'’.\-]*[ \t]+|al-|el-){re.escape(name)}\b", self.text)
        ):
            # "Trump said", "talks between Hamas and Putin": a leader reporting names by surname
            self.add_person(name, text)
            mention.kind = "person"
            return
        if (
            _TWO_CAPITALS.fullmatch(name)
            and name.split("-")[0].lower() not in PARTICLES | _NAME_PREFIXES
            and not self.is_place(name)
            and not re.search(rf"[A-Z][\w'’.]*\s+{re.escape(name)}\b", self.text)
            and re.match(rf"\s*,?\s+(?:{'|'.join(PERSON_VERBS)})\b", after)
        ):  # "Hapag-Lloyd said …": two capitalised names joined, with no given name anywhere in
            # the article (a person's double surname comes with one: "Itamar Ben-Gvir")
            self.add_org(name, "movement", text)
            mention.kind, mention.org_kind = "org", "movement"
            return
        if re.search(r"\b(?:met|meets|meeting|phoned|met with|spoke with)\s+$", before) and not (
            self.is_place(name) or name in KNOWN_ORGS
        ):  # "Tshisekedi and Kagame met Trump in Washington": one meets a person
            self.add_person(name, text)
            mention.kind = "person"
            return
        if re.search(r"\b(?:told|interview with|speaking to|spoke to|quoted by)\s+$", before) and (
            re.match(r"\s*(?:[,.;:]|$|\s+(?:on|in|last|this|that|earlier|after|before)\b)", after)
        ):
            # "she told Publika", "in an interview with Imedi": an outlet (a person told is named
            # in full, or is one already named)
            self.add_org(name, "outlet", text)
            mention.kind, mention.org_kind = "org", "outlet"
            return
        if (
            not mention.role_prefix
            and re.match(rf"\s*,?\s+(?:{'|'.join(PERSON_VERBS)})\b", after)
            and not re.search(r"\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+$", before)
            and name not in self.nicknames.values()
            and name not in self.demonyms
            and not self.is_place(name)
            # nowhere in the article with a given name or a title before it ("Colonel X")
            and not re.search(
                rf"\b(?:[A-Z][\w'’.\-]*[ \t]+|al-|el-|Al-|El-){re.escape(name)}\b", self.text
            )
            and not re.search(rf"\b{re.escape(name)}[ \t]+[A-Z][a-z]", self.text)
            # "Fatima, 34, who asked that her surname not be used": a person by first name
            and not re.search(
                rf"\b{re.escape(name)}\s*(?:,\s*(?:\d+|who|whose|a|an|the|his|her|whom)\b|\()",
                self.text,
            )
            and not re.search(rf"\b(?:said|says|told|asked|added)\s+{re.escape(name)}\b", self.text)
            # "Bishop António Juliasse of Pemba said": the word ends a phrase, it opens none
            and not re.search(r"\b(?:of|in|from|at|near|to|for|with|by|on)\s+$", before)
            and not _SURNAME_SHAPE.search(name)  # "McDonald said so"
            and len(name) > 2
        ):  # "Safaricom said", "Ukrenergo says": a lone word never given as anyone's name, acting
            # as a speaker, is a body (people are introduced by their full name first)
            self.add_org(name, "movement", text)
            mention.kind, mention.org_kind = "org", "movement"
            return
        if (
            mention.role_prefix
            or re.match(rf"\s*,?\s+(?:{'|'.join(PERSON_VERBS)})\b", after)
            or re.search(
                r"\b(?:Mr|Mrs|Ms|Dr|President|Minister|General|Gen|Sheikh|Mullah|Commander|spokesperson|spokesman|leader)\.?\s+$",
                before,
            )
            # "Yoon's impeachment", "Tinubu's aides": what only a person has
            or (text[mention.end - 2 : mention.end] in ("'s", "’s") and _PERSONS_THING.match(after))
        ):
            self.add_person(name, text)
            mention.kind = "person"

    def add_person(self, name: str, sentence: str) -> None:
        if " " not in name and _DESCRIBING_COMPOUND.search(name.lower()):
            return  # "Spain's Socialist-led government": "Socialist-led" is nobody
        folded = fold(name)
        for person in self.people.values():
            if name == person.name or name in person.aliases:
                return
        for person in self.people.values():
            whole = fold(person.name)
            # "Jose Jeri" is "José Jerí" without accents; "López Aliaga" is "Rafael López
            # Aliaga" by his two surnames
            if whole == folded or (" " in folded and whole.endswith(" " + folded)):
                person.aliases.add(name)
                return
        self.people[name] = Person(name, first_sentence=sentence)

    def find_person(self, name: str) -> Person | None:
        return self.people.get(name) or next(
            (p for p in self.people.values() if name in p.aliases), None
        )
