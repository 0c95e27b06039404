"""Organisations: cue words, acronyms and their expansions, variants merged."""

from __future__ import annotations

import re

from .gazetteer import (
    CITIES_AND_REGIONS,
    COUNTRIES,
    KNOWN_ORGS,
    NOT_ACRONYMS,
    ORG_CUES,
    ORG_NOUNS,
    TITLES,
    demonyms,
    place_names,
)
from .results import Organisation
from .tokens import (
    STARTERS,
    _initials,
    _Mention,
    _Tok,
)

# -- an unknown name made an organisation by the words around it ---------------------------------
_KIND_BEFORE = [
    # "the newspaper Al-Sabah", "the polling firm Delphos", "the rights group Foro Penal"
    (
        r"\b(?:newspaper|daily|weekly|magazine|news agency|agency|broadcaster|news site|website|"
        r"news outlet|outlet|channel|station|pollster|polling firm|polling company|platform|site|"
        r"outlets|newspapers|channels|broadcasters|pollsters|news sites|websites|forum|"
        r"message board|app|messaging app|social network)\s+$",
        "outlet",
    ),
    (
        # "the oil major Shell", "the energy giant Gazprom", "the carmaker BYD"
        r"\b(?:major|giant|miner|lender|carmaker|automaker|maker|operator|contractor|conglomerate|"
        r"airline|carrier|insurer|manufacturer|exporter|trader|bank|utility|regulator|watchdog|"
        r"provider|distributor|refiner|shipper|developer|producer|publisher|retailer|startup|"
        r"start-up|chain|supplier|telecoms operator|mobile operator|hospital|clinic|university|"
        r"college|studio|label|consortium|subsidiary|outfit|cooperative|club)\s+$",
        "movement",
    ),
    # "Video verified by Africa Uncensored", "documents seen by Daraj", "footage aired by TVM":
    # what newsrooms do to material is said of a newsroom
    (
        r"\b(?:verified|geolocated|authenticated|published|obtained|seen|aired|broadcast|"
        r"fact-checked)\s+by\s+(?:the\s+)?$",
        "outlet",
    ),
    (
        r"\b(?:rights group|group|think tank|gang|militia|firm|company|monitor|network|cartel|fund|"
        r"faction|movement|organi[sz]ation|institute|charity|NGO|union|trade union|syndicate|"
        r"federation|association)\s+$",
        "movement",
    ),
    # "Its parliamentary bloc, Loyalty to the Resistance, …": a kind of body, then its name
    (
        r"\b(?:[a-z]+\s+)(?:bloc|party|coalition|alliance|militia|faction|list)\s*,\s+$",
        "movement",
    ),
    # "brokers at Marsh", "an economist at Barclays": people who work there by trade
    (
        r"\b(?:analysts?|economists?|strategists?|researchers?|brokers?|traders?|"
        r"lawyers?|auditors?|consultants?|engineers?|executives?|bankers?|scientists?)\s+at\s+$",
        "movement",
    ),
    # "His followers, known as La Mayiza": a name for a group of people
    (
        r"\b(?:followers|fighters|supporters|members|militias?|factions?|groups?|gangs?|men|"
        r"loyalists|forces|rebels|militants)\s*,?\s+(?:(?:also|locally|collectively)\s+)?"
        r"(?:known|called)\s+(?:locally\s+)?as\s+$",
        "armed group",
    ),
    # "a poll by Cedatos", "a survey by the Mogadishu-based Somali Public Agenda"
    (
        r"\b(?:poll|polls|survey|surveys|report|study|analysis|count|tally|data)\s+(?:\w+\s+)?by\s+"
        r"(?:the\s+)?(?:[\w'’\-]+-based\s+)?$",
        "movement",
    ),
    # "the opposition Kuomintang", "the outlawed Balochistan Liberation Army"
    (
        r"\b(?:[Tt]he|[Aa]n?)\s+(?:main\s+)?(?:opposition|ruling|outlawed|banned|separatist|militant|rebel|jihadist|"
        r"Islamist|armed|insurgent|paramilitary|far-right|far-left|ultra-Orthodox|ultranationalist|"
        r"hardline|centrist|right-wing|left-wing|pro-Russian|pro-Western)\s+$",
        "movement",
    ),
]
_KIND_AFTER = [
    (
        r"\s+(?:news site|news website|website|newspaper|daily|news agency|broadcaster|magazine|"
        r"weekly|monthly|tabloid|news portal|podcast|"
        r"polling firm|pollster|media channel|media arm|media outlet|propaganda outlet|"
        r"radio station|TV station|television channel)\b",
        "outlet",
    ),
    (r"\s+(?:think tank|rights group|gang|cartel|militia|faction|monitor)\b", "movement"),
    (
        r"\s+(?:security agency|intelligence agency|spy agency|security service|agency)\b",
        "government",
    ),
    (r"\s+(?:poll|polls|survey|surveys)\b", "movement"),  # "a Realmeter poll"
    # "Cabo Ligado, a conflict monitor run by …", "Realmeter is a polling firm": the noun that
    # ends the apposition says what the name is (not "a militia commander": the noun must end it)
    (
        r"(?:\s+is|,)\s+(?:an?|the)\s+(?:(?!(?:is|are|was|were|has|have|had)\b)[\w'’\-]+\s+){0,4}"
        r"(?:organi[sz]ation|group|agency|outlet|newspaper|party|"
        r"militia|movement|company|firm|think tank|NGO|charity|broadcaster|network|coalition|"
        r"monitor|project|pollster|consultancy|institute|university|watchdog|daily|weekly|"
        r"magazine|website|platform|alliance|bloc|front|union|association|foundation|initiative|"
        r"tracker|observatory|airline|bank|insurgency|rebel group|armed group|faction|studio|"
        r"developer|maker|manufacturer|producer|publisher|contractor|operator|carrier|lender|"
        r"insurer|retailer|startup|start-up|conglomerate|miner|refiner|shipper|gang|cartel|clan|"
        r"tribe|brigade|battalion|syndicate|militia|channel|station|television channel|TV channel|"
        # round 5: "Jirama, the state utility", "Kvartal 95, the studio he founded"
        r"utility|regulator|studio|hospital|clinic|school|college|academy|club|cooperative|"
        r"collective|consortium|joint venture|subsidiary|outfit|paramilitary|armed wing|"
        r"political wing|commission|committee|council|tribunal|police force|force|regiment|"
        r"federation|confederation|league|cartel|exchange|refinery|mine operator|producer|"
        # round 6: "Mimi Mefo Info, an independent news site"
        r"news site|news website|news portal|portal|site|news agency|wire service|radio)"
        r"(?=\s*[,.;:)]|\s+(?:that|which|run|based|founded|set|in|of|led|with|and|funded|backed|"
        r"close|linked|known|at|for|on|whose|from|active|it|they|he|she|we|the|its|their|was|is|"
        r"has|had|now|also)\b)",
        "movement",
    ),
    # "Gerindra, Prabowo's party, controls …": a person's party, movement or militia
    (
        r",\s+(?:[A-Z][\w\-]+\s+){0,2}[A-Z][\w\-]+['’]s\s+(?:[a-z\-]+\s+)?"
        r"(?:party|movement|militia|faction|group|coalition|alliance|bloc|newspaper|broadcaster|"
        r"company|firm)(?=\s*[,.;:)])",
        "movement",
    ),
]


def org_by_context(run: list[_Tok], before: str, after: str) -> str | None:
    """The kind of organisation that the words around an unknown name make it, or None.
    ``before`` and ``after`` are the sentence on either side of the name."""
    if any(t.low.rstrip(".") in TITLES for t in run[:1]):
        return None  # "the group's Commander X" is a person with a title
    if re.match(r"^\s*By\s+[^,|]{3,80}[,|]\s+$", before):
        return "outlet"  # "By Sara Creta and Ahmed Nagi, Misbar", "By Mohamed Osman | Beam Reports"
    if (
        len(run) == 1
        and run[0].text == "X"
        and re.search(
            r"\b(?:on|via|blocked|banned|suspended|restricted|unblocked|throttled|sued|fined)\s+$",
            before,
        )
    ):
        return "outlet"  # "shared on X"
    if len(run) == 1 and run[0].bare in NOT_ACRONYMS:
        return None  # "the opposition TV channel Formula": "TV" names nothing
    tail = before[-80:]
    # "the online outlets Batumelebi and Netgazeti": a plural kind covers the second name too
    tail = re.sub(
        r"(\b(?:outlets|newspapers|agencies|groups|firms|companies|militias|parties|"
        r"gangs|channels|broadcasters|pollsters|monitors)\s+)[A-Z][\w'’\-]*\s+and\s+$",
        r"\1",
        tail,
    )
    for pattern, kind in _KIND_BEFORE:
        if re.search(pattern, tail, re.I if "poll" in pattern else 0):
            return kind
    possessive = run[-1].text != run[-1].bare  # "Debretsion's faction" is a person's
    for pattern, kind in _KIND_AFTER:
        if not possessive and re.match(pattern, after):
            return kind
    if run[0].bare in KNOWN_ORGS and len(run) > 1 and KNOWN_ORGS[run[0].bare] == "outlet":
        return "outlet"  # "Reuters Fact Check", "AFP Fact Check"
    return None


# -- bodies written in lower case or behind a demonym ---------------------------------------------
# "the junta", "the interior ministry", "Pakistani intelligence services", "Mali's junta",
# "the Malian army", "Iranian border guards", "the island's government", "a rival government"
# the words of a ministry's portfolio: "ministry of higher education", "ministry of women's affairs"
_PORTFOLIO = (
    r"(?:higher|public|foreign|home|internal|religious|women['’]s|hajj|refugees|repatriation|"
    r"interior|defen[cs]e|justice|information|culture|economy|economic|finance|agriculture|"
    r"education|health|affairs|energy|water|mines|petroleum|oil|trade|commerce|industry|labou?r|"
    r"social|welfare|planning|transport|communications|telecommunications|tourism|youth|sports?|"
    r"environment|rural|urban|development|vice|virtue|propagation|prevention|national|security|"
    r"border|tribal|martyrs|disabled|science|technology|human|rights|immigration|migration|"
    r"housing|works|reconstruction|peace|reconciliation|displacement|humanitarian|relief|"
    r"disaster|management|emergency|emergencies|interior|local|administration|government)"
)
# a lower-case body named by its head noun after one or two words that say what it does: "the
# joint border commission", "a cross-party committee", "its security committee", "the passport
# office"; not "the same committee" or "a new office"
_NOT_A_BODY_WORD = (
    r"(?:same|new|other|first|last|next|whole|entire|own|previous|former|current|such|two|three|"
    r"several|many|few|one|each|every|main|only|top|senior|local|regional|tribal|village|"
    r"district|party|news|press|media|campaign|field|head|an|a|the|that|this|his|her|its|their|"
    # "the Rapid Intervention Battalion (BIR), an elite unit": what a named body is, not another
    r"elite|crack|shadowy|notorious|feared|powerful)"
)
_HEADED_BODY = (
    rf"(?:(?!{_NOT_A_BODY_WORD}\b)[a-z][a-z\-]+\s+){{1,2}}"
    r"(?:commission|committee|office|department|directorate|secretariat|tribunal|inspectorate|"
    r"unit|command|bureau|council)"
)
# "the opposition" as a body: not "the opposition leader" or "the opposition primary" (a noun
# after it makes it an adjective; "others from the opposition, have …" names no one body), but
# "the opposition says", "the opposition boycotted", "in the opposition?"
# "a military court", "an anti-terrorism court", "the appeals court" (not "a tennis court")
_COURT = (
    r"(?:military|appeals?|criminal|district|regional|federal|provincial|anti-terrorism|"
    r"anti-terror|special|administrative|juvenile|lower|magistrates['’]?|family|civil|martial|"
    r"sharia|religious|revolutionary|war crimes|national security|state security|islamic|"
    r"tribal|traditional|labou?r|county|municipal|city)\s+court"
)
_OPPOSITION = (
    r"opposition(?=\s*(?:[?!)\"”]|$)|\s+(?:and|or|says|said|say|would|will|has|had|have|is|"
    r"was|were|wants|claims|won|accuses|calls|\w+ed)\b|"
    # "backed by the opposition, including the Democracy for Citizens Party": named in part
    r"\s*,\s+(?:including|led by|which|whose|notably|among them)\b)"
)
_BODY = (
    r"(?:[Gg]overnment forces|[Gg]overnment troops|pro-government forces|"
    r"(?:interior|foreign|defen[cs]e|health|finance|justice|information|economy|education|"
    r"energy|oil|home|intelligence|security|religious affairs|foreign affairs|internal affairs|"
    r"unification|reunification|agriculture|trade|labou?r|transport|culture|mines|water|"
    r"environment|planning|communications|refugees|women['’]s affairs|social affairs)\s+"
    rf"ministry|ministry\s+of\s+(?:the\s+)?{_PORTFOLIO}(?:\s+(?:(?:and|&)\s+)?{_PORTFOLIO}){{0,3}}|"
    r"(?:prime minister|president|premier|governor|mayor)['’]s\s+office|"
    r"military junta|junta|military government|military authorities|judiciary|electoral college|"
    r"trade union|(?:(?!(?:the|a|an|its|their|his|her|our)\s)[a-z]+\s+)?[a-z]+s['’]\s+union|"
    + _OPPOSITION
    + r"|militaries|prosecutors|"
    # "the anti-graft agency", "the tax authority", "the customs service", "the political wing",
    # "the electoral body", "the presidential guard", "the gendarmerie", "the state broadcaster"
    r"(?!(?:news|travel|advertising|employment|talent|recruitment|same|new|other|an?|the|its|"
    r"their|that|this)\s)[a-z][a-z\-]+\s+agency|"
    r"(?:tax|port|aviation|civil aviation|customs|revenue|maritime|regulatory|communications|media|"
    r"telecommunications|nuclear|securities|competition|investment|electoral|transitional|interim|"
    r"migration|border|food and drug|oversight|anti-corruption|anti-graft)\s+authority|"
    r"(?:customs|prison|prisons|ambulance|fire|foreign|secret|immigration|tax|migration|"
    r"penitentiary|emergency|rescue|meteorological|diplomatic|press)\s+service|"
    r"(?:political|military|armed|media|youth|women['’]s|student|intelligence|propaganda|"
    r"paramilitary|external|internal|exiled|diaspora|civilian|negotiating|hardline)\s+wing|"
    r"(?:electoral|election|governing|regulatory|oversight|monitoring|umbrella|statutory)\s+body|"
    r"(?:presidential|republican|revolutionary)\s+guard|gendarmerie|de facto authorities|"
    r"state(?:-run|-owned)?\s+(?:broadcaster|television|news agency|oil company|energy company|"
    r"power company|airline|mining company|electricity company)(?!\s+[A-Z])|national oil company|"
    # a country's: "Thai authorities", "Chinese state firms" (not "the authorities")
    r"authorities|state firms|state companies|state media|" + _COURT + r"|"
    r"court(?=\s+in\s+[A-Z])|"  # "a court in Yerevan ordered him held"
    r"(?:parallel|rival)\s+administration|"
    # a person's: "Paudel's office", "Debretsion's faction" (checked in bodies)
    r"office(?!\s+(?:for|of)\s)|faction|peshmerga|"
    # "the administration of President Ferdinand Marcos Jr."
    r"administration(?=\s+of\s+(?:President|Prime Minister|Premier|Chancellor|[A-Z][a-z]+\s+[A-Z]))|"
    # "the city council", "local councils", "the country's top court", "security agencies"
    r"(?:city|town|municipal|district|county|local|village|tribal|state|provincial|regional)\s+"
    r"councils?|top court|highest court|"
    r"(?:security|intelligence|law enforcement|government|state|federal)\s+agencies|"
    rf"office\s+(?:for|of)\s+(?:the\s+)?{_PORTFOLIO}(?:\s+(?:(?:and|&)\s+)?{_PORTFOLIO}){{0,2}}|"
    r"electoral commission|election commission|supreme court|constitutional court|high court|"
    r"foreign office|home office|military rulers|"
    r"central bank|cabinet|presidency|attorney general['’]s office|prosecutor['’]s office|"
    r"prosecutor[- ]general['’]s office|"
    # "the auditor-general's office", "the ombudsman's office", "the vice-president's office"
    r"(?:attorney|auditor|inspector|solicitor|accountant|registrar|comptroller|controller|"
    r"ombudsman|public defender|special counsel|chief justice|speaker|vice[- ]president|"
    r"deputy prime minister|commissioner|chief minister|first minister)(?:[- ]general)?['’]s\s+"
    r"office|"
    # round 7: "the tax authorities", "the district administration", "the pharmacists'
    # association", "the Catholic diocese of Ziguinchor"
    # "the Chinese police liaison team", "a military training mission"
    r"(?:police|military|army|security|naval|defen[cs]e)\s+(?:liaison|training|advisory|"
    r"assistance|support|protection|cooperation)\s+(?:team|mission|unit|contingent)|"
    r"(?:tax|customs|revenue|immigration|migration|aviation|port|health|prison|judicial|"
    r"electoral|election|wildlife|forestry|mining)\s+authorities|"
    r"(?:district|county|municipal|city|civil|colonial|territorial)\s+administration|"
    r"(?:(?:Catholic|Anglican|Orthodox|Methodist|Lutheran|Evangelical|Episcopal)\s+|"
    r"(?!(?:the|a|an|its|their|his|her|our)\s)[a-z]+\s+)?[a-z]+s['’]\s+"
    r"(?:association|federation|syndicate|guild|council|network|collective|conference)|"
    r"(?:Catholic|Anglican|Orthodox|Methodist|Lutheran|Episcopal|Coptic|Presbyterian)\s+"
    r"(?:arch)?diocese(?:\s+of\s+[A-Z][\w’\-]+)?|national police|national guard|special forces|riot police|"
    r"transitional government|interim government|federal government|central government|"
    r"rival government|parallel government|de facto government|"
    # round 5: "the regime denied it" (not "the sanctions regime", "regime change"), "the election
    # watchdog", "the electoral board"
    r"regime(?!\s+(?:change|of|type|types))|"
    r"(?:election|electoral|media|rights|human rights|anti-corruption|anti-graft|nuclear|"
    r"financial|press|police|data|competition|consumer)\s+watchdog|"
    r"(?:electoral|election)\s+(?:board|council|tribunal|authority)|"
    r"government|armed forces|security forces|military|army|navy|air force|police|"
    r"intelligence services|intelligence service|intelligence agency|spy agency|border guards|"
    r"security services|"
    r"border guard|border police|coast guard|ruling bloc|ruling party|ruling coalition|"
    r"ruling military council|paramilitaries|"
    # round 8: "the upper house of parliament", "a new regional security council"
    r"(?:upper|lower)\s+house(?:\s+of\s+parliament)?|"
    # "the Togolese national football team"
    r"national\s+(?:football|soccer|rugby|cricket|basketball|volleyball|handball|hockey)\s+team|"
    r"(?:national|regional|district|municipal|provincial|county|state)\s+security\s+council|"
    r"(?:regional|interim|transitional|local|military|provincial|state)\s+administration|"
    r"defen[cs]e headquarters|embassy|"
    # "the coalition that intervened", "the U.S.-led coalition", "the coalition of the willing"
    # (not "the coalition of gangs", "the coalition government", "coalition partners")
    r"coalition of the willing|(?<=-led )coalition|"
    r"coalition(?=\s+(?:that|which|has|had|have|is|was|said|says|will|would|against|\w+ed)\b)|"
    + _HEADED_BODY
    + r")"
)
BODY_WORDS = {"army", "military", "navy", "police", "junta", "forces", "militia"}
BODY_AFTER_DEMONYM = (
    r"\s+(?:armed forces|security forces|security services|army|military|militaries|navy|air force|"
    r"police|intelligence|"
    r"authorities|state firms|state companies|state media|"
    r"border guards?|border police|coast guard|junta|(?:[a-z]+\s+)?ministry|paramilitaries|embassy)\b"
)
# lower-case nouns after a name that are not part of the name: "the Tren de Aragua gang"
NAME_WITHOUT_NOUN = {"gang", "party", "cartel", "group", "coalition", "alliance", "militias",
                     "gangs", "militia", "movement", "brigades"}  # fmt: skip
# what may follow a body word when it is only an adjective: "the army base", "military rule"
_NOT_A_BODY = (
    r"(?:base|bases|operation|operations|court|courts|officer|officers|convoy|convoys|camp|camps|rulers|"
    # "Madagascar's military ruler": a person who heads it
    r"ruler|strongman|"
    r"vehicle|vehicles|aircraft|jets?|helicopters?|planes?|budget|spending|service|rule|takeover|"
    r"coup|academy|hospital|personnel|posts?|checkpoints?|drills|exercises?|headquarters|"
    r"uniforms?|equipment|hardware|leadership|offensive|campaign|parade|escort|station|stations|"
    r"intelligence|junta|government|council|tribunal|prosecutor|spending|positions?|targets?|"
    r"sites?|installations?|facility|facilities|doctrine|pressure|presence|aid|help|support|"
    r"contractors?|equipment|ties|cooperation|strikes?|action|power|regime|era|dictatorship|"
    r"elections?|polls?|seats?|candidates?|buildings?|members?|"
    # round 7: "two military sources", "the military governments of the Sahel", "the military
    # command" (a body of its own, read whole by the headed-body rule)
    r"sources?|governments|juntas|regimes|command|commands|analysts?|experts?|observers?|"
    r"deployments?|interventions?)\b"
)
_REGIONS = CITIES_AND_REGIONS - {capital for capital, _ in COUNTRIES.values()}
_DEMONYM_ALT = "|".join(sorted(demonyms(), key=len, reverse=True))
# "the U.S. military", "the UK government": a country by its short name
_ALIAS_OWNERS = {"U.S.", "US", "UK", "U.K.", "UAE"}
_BODY_RE = re.compile(
    r"(?:(?P<own>[A-Z][\w’\-]+(?:\s(?:(?:al|el|ad|as|ash|at)-)?[A-Z][\w’\-]+){0,2})['’]s\s+"
    # "the Malian army", "the Iranian and Pakistani militaries"
    r"|(?P<dem>\b(?:"
    + _DEMONYM_ALT
    + r")(?:\s+and\s+(?:"
    + _DEMONYM_ALT
    + r")(?=\s+militaries))?)\s+"
    r"|(?P<det>\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Ww]hose|[Oo]ur)\s+(?:(?:country|island|nation|"
    r"region|state|kingdom|republic)['’]s\s+)?)"
    r"|(?P<rival>\b[Aa]n?\s+(?=(?:rival|parallel|transitional|interim|caretaker|technocratic|"
    r"unity)\s+(?:government|cabinet|administration)))"
    # "a joint border committee", "an anti-corruption unit", "an electoral college"
    rf"|(?P<indef>\b[Aa]n?\s+(?=(?:{_HEADED_BODY}|{_COURT}|electoral college|[a-z]+s['’]\s+union|"
    # "controls a coalition that has 70 percent of the seats": a coalition that acts
    r"coalition(?=\s+(?:that|which)\s+(?:has|had|have|is|was|will|would|\w+ed|\w+s)\b)|"
    r"court(?=\s+in\s+[A-Z]))\b))"
    # "the army's special forces", "the interior ministry's special tasks department"
    r"|(?P<poss>(?<=[a-z])['’]s\s+)"
    # a country's or a region's body: "Balochistan home department", "the Gaza health ministry"
    r"|(?P<country>\b(?:"
    # (not a capital's: "the Tripoli government" is a country's government written another way)
    + "|".join(
        re.escape(p)
        for p in sorted(set(COUNTRIES) | _REGIONS | _ALIAS_OWNERS, key=len, reverse=True)
    )
    + r"))\s+"
    r"|(?P<bare>\b(?=(?:[Pp]olice|[Pp]arliament|Congress|[Ss]ecurity forces|[Gg]overnment forces|"
    r"[Gg]overnment troops|[Ss]ecurity agencies|[Ii]ntelligence agencies|"
    r"(?:city|town|municipal|district|county|local|village|provincial|regional)\s+councils|[Pp]rosecutors(?=\s+(?:\w+ed|said|say|says|have|has|had|will|would|"
    r"are|were|want|wants|accuse|accuses|charged|issued|allege|alleges|argue|argues|claim|claims|"
    r"told|sought|seek|seeks|believe|believes|opened|dropped)\b))\b)))"
    r"(?P<adj>(?:(?:internationally|democratically|newly|officially|popularly)\s+)?"
    r"(?:recognised|recognized|elected|backed|installed|appointed|new|caretaker|civilian|state|"
    # "a number the outgoing government disputed", "the ousted government"
    r"outgoing|incoming|previous|ousted|deposed|toppled|current|military-led|civilian-led|"
    r"federal|provincial|regional|Union|transitional|interim|departmental|municipal|national|"
    r"parallel|rival|so-called|ruling|"
    r"two|both|"
    r"[A-Za-z.]+-(?:backed|led|installed|run|controlled|appointed|allied))\s+)?"
    rf"(?P<body>{_BODY}|parliament|Parliament|Police|Congress|Senate|Cabinet|Prosecutors)(?!\s+{_NOT_A_BODY})(?![\w\-])"
)
_PLACE_NAMES = place_names()
_DEMONYMS = demonyms()


_BODY_SAME = {
    "military junta": "junta",
    "military government": "junta",
    "military authorities": "junta",
    "ruling military council": "junta",
}
_BODY_NAME = re.compile(
    rf"^(?:(?P<owner>.+?)(?:['’]s|\s)\s*)?(?P<body>{_BODY}|parliament|police|congress|senate)$"
)


def _split_body(name: str) -> tuple[str | None, str | None]:
    """("Mali", "junta") for "Mali's junta", (None, "junta") for "junta"; (None, None) otherwise."""
    match = _BODY_NAME.match(name)
    if not match:
        return None, None
    owner = match.group("owner")
    if owner is not None and owner not in _DEMONYMS and not owner[:1].isupper():
        return None, None
    if owner is not None and " " in owner and owner not in _DEMONYMS and owner not in COUNTRIES:
        owner = owner.split()[0]  # "Yemen's internationally recognised" → "Yemen"
    return (_DEMONYMS.get(owner, owner) if owner else None), match.group("body")


# words that say when a body was formed, not which body it is
_OF_THE_MOMENT = {"new", "newly elected", "elected", "democratically elected", "newly appointed",
                  "appointed", "popularly elected"}  # fmt: skip
_LEGISLATURES = {"parliament", "congress", "senate"}
_OWNED_ONLY = {"authorities", "state firms", "state companies", "state media"}
# bodies described more often than named: the name beside them says which one they are
_NAMED_BESIDE = ("wing", "agency", "authority", "service", "body", "company", "broadcaster",
                 "television", "guard", "council", "bureau", "command")  # fmt: skip


# last words of a body's name that the name may go on from with "of" and the place it serves
_PLACE_SERVED_HEADS = {"office", "police", "ministry", "department", "directorate", "bureau",
                       "court", "council", "commission", "authority", "service", "agency",
                       "prosecutor", "ombudsman"}  # fmt: skip


def bodies(sentence: str) -> list[_Mention]:
    """State bodies named in lower case: each with its owner when the sentence gives one."""
    found = []
    for match in _BODY_RE.finditer(sentence):
        body = match.group("body").lower()
        own, dem = match.group("own"), match.group("dem") or match.group("country")
        adj = match.group("adj") or ""
        if own is not None and adj.strip() in _OF_THE_MOMENT and body in _LEGISLATURES:
            adj = ""  # "Iraq's newly elected parliament" is Iraq's parliament, newly elected
        if (
            match.group("bare") is not None
            and body
            not in (
                "police",
                "parliament",
                "congress",
                "security forces",
                "government forces",
                "government troops",
                "prosecutors",
                "security agencies",
                "intelligence agencies",
            )
            and not body.endswith(" councils")
        ):
            continue
        if (
            body == "presidency"
            and match.group("det")
            and match.group("det").split()[0].lower()
            in (
                "his",
                "her",
                "their",
            )
        ):
            continue  # "ended his presidency": a term of office
        if (
            body in _OWNED_ONLY
            and dem is None
            and (own is None or body == "authorities")
            # "the transitional authorities": a régime named by what it is
            and not (body == "authorities" and adj.strip() in ("transitional", "interim"))
        ):
            continue  # "the authorities", "state media": whose is not said here
        if body in ("office", "faction") and (own is None or own in COUNTRIES or own in _REGIONS):
            continue  # a person's office or faction ("Paudel's office"), not "the office"
        if (
            body == "embassy"
            and own is None
            and dem is None
            and (match.group("det") or "").split()[:1] not in (["its"], ["their"], ["Its"])
        ):
            continue  # "the embassy" alone: whose is not said here ("India reopened its embassy")
        if (
            body.endswith(_NAMED_BESIDE)
            and (
                re.match(r"\s*,\s+(?:the\s+)?[A-Z]", sentence[match.end("body") :])
                # (not a clause after "and": "…, and the country's electoral body delayed it")
                or re.search(
                    r"[\w)]\s*,\s+(?!(?:and|but|while|or|as|which|who|when|after|before|because|"
                    r"so|yet|then|although|though|whereas|since)\b)(?:[\w'’\-]+\s*){0,4}$",
                    sentence[: match.start()],
                )
            )
        ):
            continue  # "the military's media wing, Inter-Services Public Relations": its name
        if match.group("indef") is not None and re.search(
            r"[A-Z][\w'’\-]*\s*,\s*$", sentence[: match.start()]
        ):
            continue  # "its Majeed Brigade, a suicide unit": what the name before it is
        if own is not None:
            words = own.split()
            while len(words) > 1 and words[0].lower() in STARTERS:
                words = words[1:]  # "Can Pakistan's army chief …?": a headline's question word
            owner = words[-1] if own.split()[0] in ("The", "A") else " ".join(words)
            if owner.lower() in ("group", "bloc") or (owner in KNOWN_ORGS and body in BODY_WORDS):
                continue  # "the Taliban's army" is the Taliban's (its defence ministry a body)
            name = f"{owner}'s {adj}{body}"
            start = match.start("own") + (len(own) - len(owner))
            if owner in KNOWN_ORGS or (
                re.fullmatch(r"[A-Z]{2,8}", owner) and body not in BODY_WORDS | {"government"}
            ):
                # the group is a mention of its own: "Taliban's", "the MFDC's external wing"
                start = match.end("own") + 2
            if words[0].lower() in TITLES and len(words) > 1:
                # "Prime Minister Nawaf Salam's cabinet": a person's cabinet is the cabinet
                name, start = f"{adj}{body}", match.start("body") - len(adj)
                if body in ("office", "faction"):
                    # "Prime Minister Benjamin Netanyahu's office": the person's own
                    name = f"{words[-1]}'s {body}"
        elif dem is not None:
            name = f"{dem} {body}"
            start = match.start("dem") if match.group("dem") else match.start("country")
        elif adj.strip() in (
            "provincial",
            "regional",
            "state",
            "caretaker",
            "civilian",
            "federal",
            "transitional",
            "interim",
            "departmental",
            "municipal",
            "national",
            "caretaker",
            "parallel",
            "rival",
        ):
            name, start = f"{adj}{body}", match.start("adj")  # "the provincial government"
        elif body == "coalition" and adj.endswith("-led "):
            name, start = f"{adj}{body}", match.start("adj")  # "the U.S.-led coalition"
        elif "diocese" in body:
            name, start = match.group("body"), match.start("body")  # "the Catholic diocese of …"
        else:
            name, start = body, match.start("body")
        kind = (
            "coalition" if body.startswith(("ruling", "opposition", "coalition")) else "government"
        )
        found.append(_Mention("org", name, start, match.end("body"), org_kind=kind))
    for match in _SUBNATIONAL_RE.finditer(sentence):
        # "the Kaduna state government", "the Sindh provincial assembly": a state's, a province's
        if match.group(1) in STARTERS or any(
            m.start < match.end() and match.start() < m.end for m in found
        ):
            continue
        found.append(
            _Mention("org", match.group(), match.start(), match.end(), org_kind="government")
        )
    for match in _ENVOY_OFFICE_RE.finditer(sentence):
        # "the office of the UN special envoy": an office named by whose it is
        if not any(m.start < match.end() and match.start() < m.end for m in found):
            found.append(
                _Mention(
                    "org",
                    match.group(),
                    match.start(),
                    match.end(),
                    org_kind="international body",
                )
            )
    for match in _GUILD_RE.finditer(sentence):
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue
        found.append(
            _Mention("org", match.group(), match.start(), match.end(), org_kind="movement")
        )
    return found


_SUBNATIONAL_RE = re.compile(
    r"(?<![\w'’\-])(?!(?:The|A|An|This|That|Its|Their|His|Her|Federal|National|Central)\b)"
    r"([A-Z][a-z]+(?:[ \-][A-Z][a-z]+)?)\s+(?:state|provincial|regional|county|district|"
    r"municipal|city)\s+(?:government|assembly|police|council|administration|legislature)\b"
)
_ENVOY_OFFICE_RE = re.compile(
    r"\boffice\s+of\s+the\s+(?:[A-Z]{2,}|United Nations|African Union|European Union)\s+"
    r"(?:[a-z\-]+\s+){0,2}(?:envoy|representative|commissioner|coordinator|secretary-general|"
    r"rapporteur|prosecutor|ombudsman)\b"
)
# unions and federations of a trade, named in the plural or without an article: "coca growers'
# unions", "Truckers' federations", "Student unions", "trade unions"
_GUILD_RE = re.compile(
    r"(?<![\w'’\-])(?:(?!(?i:the|a|an|by|of|to|from|and|or|for|with|its|their|his|her|our|in|"
    r"on|at|as|that|which|who)\b)[A-Za-z]+\s+)?[A-Za-z]+s['’]\s+(?:unions|federations|associations|"
    r"syndicates)\b"
    r"|\b(?:[Ss]tudent|[Tt]rade|[Ll]abou?r)\s+unions\b"
    # armed men by who they are, unnamed: "backed by clan militias", "allied Arab militias",
    # "criminal syndicates", "armed gangs", "local vigilantes", "exiled opposition groups"
    r"|\b(?:(?:[Cc]lan|[Tt]ribal|[Ll]ocal|[Aa]llied|[Ee]thnic|[Cc]ommunity|[Ss]elf-defen[cs]e|"
    r"[Pp]ro-government|[Gg]overnment-backed|[Rr]ival)\s+militias|[Tt]ribal\s+forces|"
    r"(?:[Cc]riminal|[Aa]rmed)\s+"
    r"(?:gangs|syndicates)|(?:[Ll]ocal\s+)?vigilantes|(?:[Ee]xiled\s+)?opposition groups)\b"
)


class OrganisationRules:
    def org_mention(self, run: list[_Tok], plain: str, start: int, end: int) -> _Mention:
        kind = "movement"
        for tok in reversed(run):
            if tok.low in ORG_CUES:
                kind = ORG_CUES[tok.low]
                break
        return _Mention("org", plain, start, end, org_kind=kind)

    # whole article ----------------------------------------------------------------------------
    def match_acronyms(self) -> None:
        """An acronym and its expansion are one organisation ("TPLF", "Tigray People's Liberation
        Front"); a "person" whose initials spell a known acronym is that organisation ("HTS")."""
        self.fold_case()
        acronyms = [name for name in self.orgs if name.isupper() and 2 <= len(name) <= 8]
        for acronym in acronyms:
            bracketed = self.bracketed.get(acronym)  # "… (CSP-DPA)": the name just before it
            for name in list(self.orgs) + list(self.people):
                if name == acronym or (
                    _initials(name) != acronym
                    and _initials(name, connectors=True) != acronym
                    and name != bracketed
                ):
                    continue
                if name in self.people and any(
                    m.kind == "person" and m.name == name and m.role_prefix
                    for mentions in self.mentions.values()
                    for m in mentions
                ):
                    # "Crown Prince Mohammed bin Salman … MBS": a titled person's initials are
                    # what people call them, not an organisation
                    self.people[name].aliases.add(acronym)
                    for mentions in self.mentions.values():
                        for mention in mentions:
                            if mention.kind == "org" and mention.name == acronym:
                                mention.kind, mention.name = "person", name
                    del self.orgs[acronym]
                    break
                if name in self.people:
                    person = self.people.pop(name)
                    kind = self.orgs[acronym].kind
                    self.orgs.setdefault(
                        name, Organisation(name, kind, first_sentence=person.first_sentence)
                    )
                    for mentions in self.mentions.values():
                        for mention in mentions:
                            if mention.kind == "person" and mention.name == name:
                                mention.kind, mention.org_kind = "org", kind
                target = self.orgs[name]
                target.aliases.add(acronym)
                target.aliases |= self.orgs[acronym].aliases
                for mentions in self.mentions.values():
                    for mention in mentions:
                        if mention.kind == "org" and mention.name == acronym:
                            mention.name = name
                del self.orgs[acronym]
                break

    def fold_case(self) -> None:
        """ "REUTERS" in a photo credit is Reuters."""
        by_fold = {name.casefold(): name for name in self.orgs if not name.isupper()}
        for name in [n for n in self.orgs if n.isupper() and len(n) > 4]:
            other = by_fold.get(name.casefold())
            if other is not None:
                self.orgs[other].aliases.add(name)
                del self.orgs[name]

    def add_org(self, name: str, kind: str, sentence: str) -> None:
        if name not in self.orgs:
            self.orgs[name] = Organisation(name, kind, first_sentence=sentence)
            # "Public Defender's Office of Rio de Janeiro": the body is also named without the
            # place it serves ("the Public Defender's Office")
            head, of, place = name.rpartition(" of ")
            if (
                of
                and " " in head
                and self.is_place(place)
                and head.split()[-1].lower() in _PLACE_SERVED_HEADS
            ):
                self.orgs[name].aliases.add(head)

    def merge_orgs(self) -> None:
        """ "Mujahedin regime" and "Mujahedin government" are the Mujahedin; "Afghan International"
        is "Afghanistan International"."""
        names = list(self.orgs)
        for name in names:
            org = self.orgs.get(name)
            if org is None:
                continue
            words = name.split()
            base = None
            if (
                len(words) == 2
                and words[1] in ORG_NOUNS
                and words[0] in self.orgs
                and words[0][:1].isupper()  # "government forces" are not the government
            ):
                base = words[0]
            elif len(words) >= 2 and words[0] in self.demonyms:
                variant = " ".join([self.demonyms[words[0]], *words[1:]])
                # "Afghan International" → "Afghanistan International"
                country_words = [c for c, (_, d) in COUNTRIES.items() if d == words[0]]
                for country in country_words:
                    candidate = " ".join([country, *words[1:]])
                    if candidate in self.orgs:
                        base = candidate
                if base is None and variant in self.orgs:
                    base = variant
            if base is None and name + "s" in self.orgs:
                base = name + "s"  # "Sadrist" is the Sadrists
            if base is None and len(words) == 1 and name.endswith("s"):
                # "the Haqqanis" are the Haqqani network (or clan, or family)
                family = [
                    o
                    for o in self.orgs
                    if o.split()[0] == name[:-1]
                    and len(o.split()) == 2
                    and o.split()[1] in ("network", "clan", "family", "tribe", "brothers")
                ]
                if len(family) == 1:
                    base = family[0]
            if base is None and len(words) >= 2:
                # "National Consensus" is short for "National Consensus of Afghan Political …"
                longer = [o for o in self.orgs if o != name and o.startswith(name + " ")]
                if len(longer) == 1:
                    base = longer[0]
            if base and base != name:
                self.orgs[base].aliases.add(name)
                self.orgs[base].aliases |= org.aliases
                del self.orgs[name]
        self.merge_bodies()
        for name, state in self.state_aliases.items():
            if name in self.orgs and state not in self.orgs:
                self.orgs[name].aliases.add(state)

    def merge_bodies(self) -> None:
        """One body, however it is written: "the junta" is "Mali's junta" when the article names
        only one junta, and "Mali's military government" is the same junta."""
        groups: dict[str, list[str]] = {}
        for name in self.orgs:
            _owner, body = _split_body(name)
            if body is not None:
                groups.setdefault(_BODY_SAME.get(body, body), []).append(name)
        place = getattr(self, "place", None)
        home = place if place in COUNTRIES else self.capitals.get(place or "")
        for body, names in groups.items():
            owned = {_split_body(n)[0] for n in names} - {None}
            if len(owned) > 1:
                continue
            if body == "government" and home and owned and owned != {home}:
                continue  # from Bogota, "the government" is not the Venezuelan government
            if len(names) == 1:
                # "South Korea's ruling bloc", the only ruling bloc named: "the ruling bloc" later
                written = _split_body(names[0])[1]
                # (not "embassy": "the embassy" alone may be the host's or another country's)
                if owned and written and written != names[0] and written != "embassy":
                    self.orgs[names[0]].aliases.add(written)
                continue
            # the qualified name leads ("Mali's junta"), the first written among equals
            names.sort(key=lambda n: (_split_body(n)[0] is None, list(self.orgs).index(n)))
            base = self.orgs[names[0]]
            for name in names[1:]:
                base.aliases.add(name)
                base.aliases |= self.orgs[name].aliases
                del self.orgs[name]

    # roles, relations, attribution --------------------------------------------------------------
    def subject_org(self, sentence_id: str, mentions: list[_Mention], before: int) -> str | None:
        """The organisation a sentence is about: one named before ``before``, or for "This Council"
        the latest organisation named so far whose name has that word."""
        named = [m for m in mentions if m.kind == "org" and m.end <= before]
        if named:
            return self.canonical_org(named[0].name)
        sentence = self.sentence_map.get(sentence_id)
        this = re.match(r"\s*(?:This|The|That)\s+([A-Z]\w+)", sentence.text if sentence else "")
        if not this:
            return None
        word = this.group(1)
        order = list(self.sentence_map)
        for earlier in reversed(order[: self.sentence_index[sentence_id] + 1]):
            for mention in reversed(self.mentions.get(earlier, [])):
                if mention.kind == "org" and word in mention.name.split():
                    return self.canonical_org(mention.name)
        return None

    def canonical_org(self, name: str | None) -> str | None:
        if name is None:
            return None
        if name in self.orgs:
            return name
        return next((o.name for o in self.orgs.values() if name in o.aliases), name)
