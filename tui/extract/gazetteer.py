"""A small built-in gazetteer and the word lists the article importer's rules use.

Countries with their capitals and demonyms, a few major cities and regions, organisation cue
words, titles and honorifics, and the capitalised words that start sentences without naming anyone.
"""

from __future__ import annotations

# country: (capital, demonym)
COUNTRIES: dict[str, tuple[str, str]] = {
    "Afghanistan": ("Kabul", "Afghan"),
    "Albania": ("Tirana", "Albanian"),
    "Algeria": ("Algiers", "Algerian"),
    "Argentina": ("Buenos Aires", "Argentine"),
    "Armenia": ("Yerevan", "Armenian"),
    "Australia": ("Canberra", "Australian"),
    "Austria": ("Vienna", "Austrian"),
    "Azerbaijan": ("Baku", "Azerbaijani"),
    "Bahrain": ("Manama", "Bahraini"),
    "Bangladesh": ("Dhaka", "Bangladeshi"),
    "Belarus": ("Minsk", "Belarusian"),
    "Belgium": ("Brussels", "Belgian"),
    "Bolivia": ("La Paz", "Bolivian"),
    "Bosnia": ("Sarajevo", "Bosnian"),
    "Brazil": ("Brasilia", "Brazilian"),
    "Bulgaria": ("Sofia", "Bulgarian"),
    "Burkina Faso": ("Ouagadougou", "Burkinabe"),
    "Cambodia": ("Phnom Penh", "Cambodian"),
    "Cameroon": ("Yaounde", "Cameroonian"),
    "Canada": ("Ottawa", "Canadian"),
    "Chad": ("N'Djamena", "Chadian"),
    "Chile": ("Santiago", "Chilean"),
    "China": ("Beijing", "Chinese"),
    "Colombia": ("Bogota", "Colombian"),
    "Congo": ("Kinshasa", "Congolese"),
    "Croatia": ("Zagreb", "Croatian"),
    "Cuba": ("Havana", "Cuban"),
    "Cyprus": ("Nicosia", "Cypriot"),
    "Czech Republic": ("Prague", "Czech"),
    "Denmark": ("Copenhagen", "Danish"),
    "Ecuador": ("Quito", "Ecuadorian"),
    "Egypt": ("Cairo", "Egyptian"),
    "El Salvador": ("San Salvador", "Salvadoran"),
    "Eritrea": ("Asmara", "Eritrean"),
    "Estonia": ("Tallinn", "Estonian"),
    "Ethiopia": ("Addis Ababa", "Ethiopian"),
    "Finland": ("Helsinki", "Finnish"),
    "France": ("Paris", "French"),
    "Georgia": ("Tbilisi", "Georgian"),
    "Germany": ("Berlin", "German"),
    "Ghana": ("Accra", "Ghanaian"),
    "Greece": ("Athens", "Greek"),
    "Guatemala": ("Guatemala City", "Guatemalan"),
    "Haiti": ("Port-au-Prince", "Haitian"),
    "Honduras": ("Tegucigalpa", "Honduran"),
    "Hungary": ("Budapest", "Hungarian"),
    "India": ("New Delhi", "Indian"),
    "Indonesia": ("Jakarta", "Indonesian"),
    "Iran": ("Tehran", "Iranian"),
    "Iraq": ("Baghdad", "Iraqi"),
    "Ireland": ("Dublin", "Irish"),
    "Israel": ("Jerusalem", "Israeli"),
    "Italy": ("Rome", "Italian"),
    "Japan": ("Tokyo", "Japanese"),
    "Jordan": ("Amman", "Jordanian"),
    "Kazakhstan": ("Astana", "Kazakh"),
    "Kenya": ("Nairobi", "Kenyan"),
    "Kosovo": ("Pristina", "Kosovar"),
    "Kuwait": ("Kuwait City", "Kuwaiti"),
    "Kyrgyzstan": ("Bishkek", "Kyrgyz"),
    "Laos": ("Vientiane", "Lao"),
    "Latvia": ("Riga", "Latvian"),
    "Lebanon": ("Beirut", "Lebanese"),
    "Libya": ("Tripoli", "Libyan"),
    "Lithuania": ("Vilnius", "Lithuanian"),
    "Mali": ("Bamako", "Malian"),
    "Malaysia": ("Kuala Lumpur", "Malaysian"),
    "Mexico": ("Mexico City", "Mexican"),
    "Moldova": ("Chisinau", "Moldovan"),
    "Mongolia": ("Ulaanbaatar", "Mongolian"),
    "Morocco": ("Rabat", "Moroccan"),
    "Mozambique": ("Maputo", "Mozambican"),
    "Myanmar": ("Naypyidaw", "Burmese"),
    "Nepal": ("Kathmandu", "Nepali"),
    "Netherlands": ("Amsterdam", "Dutch"),
    "New Zealand": ("Wellington", "New Zealander"),
    "Nicaragua": ("Managua", "Nicaraguan"),
    "Niger": ("Niamey", "Nigerien"),
    "Nigeria": ("Abuja", "Nigerian"),
    "North Korea": ("Pyongyang", "North Korean"),
    "Norway": ("Oslo", "Norwegian"),
    "Oman": ("Muscat", "Omani"),
    "Pakistan": ("Islamabad", "Pakistani"),
    "Palestine": ("Ramallah", "Palestinian"),
    "Panama": ("Panama City", "Panamanian"),
    "Paraguay": ("Asuncion", "Paraguayan"),
    "Peru": ("Lima", "Peruvian"),
    "Philippines": ("Manila", "Filipino"),
    "Poland": ("Warsaw", "Polish"),
    "Portugal": ("Lisbon", "Portuguese"),
    "Qatar": ("Doha", "Qatari"),
    "Romania": ("Bucharest", "Romanian"),
    "Russia": ("Moscow", "Russian"),
    "Rwanda": ("Kigali", "Rwandan"),
    "Saudi Arabia": ("Riyadh", "Saudi"),
    "Senegal": ("Dakar", "Senegalese"),
    "Serbia": ("Belgrade", "Serbian"),
    "Singapore": ("Singapore", "Singaporean"),
    "Slovakia": ("Bratislava", "Slovak"),
    "Somalia": ("Mogadishu", "Somali"),
    "South Africa": ("Pretoria", "South African"),
    "South Korea": ("Seoul", "South Korean"),
    "South Sudan": ("Juba", "South Sudanese"),
    "Spain": ("Madrid", "Spanish"),
    "Sri Lanka": ("Colombo", "Sri Lankan"),
    "Sudan": ("Khartoum", "Sudanese"),
    "Sweden": ("Stockholm", "Swedish"),
    "Switzerland": ("Bern", "Swiss"),
    "Syria": ("Damascus", "Syrian"),
    "Taiwan": ("Taipei", "Taiwanese"),
    "Tajikistan": ("Dushanbe", "Tajik"),
    "Tanzania": ("Dodoma", "Tanzanian"),
    "Thailand": ("Bangkok", "Thai"),
    "Tunisia": ("Tunis", "Tunisian"),
    "Turkey": ("Ankara", "Turkish"),
    "Turkmenistan": ("Ashgabat", "Turkmen"),
    "Uganda": ("Kampala", "Ugandan"),
    "Ukraine": ("Kyiv", "Ukrainian"),
    "United Arab Emirates": ("Abu Dhabi", "Emirati"),
    "United Kingdom": ("London", "British"),
    "United States": ("Washington", "American"),
    "Uruguay": ("Montevideo", "Uruguayan"),
    "Uzbekistan": ("Tashkent", "Uzbek"),
    "Venezuela": ("Caracas", "Venezuelan"),
    "Vietnam": ("Hanoi", "Vietnamese"),
    "Yemen": ("Sanaa", "Yemeni"),
    "Zambia": ("Lusaka", "Zambian"),
    "Zimbabwe": ("Harare", "Zimbabwean"),
}
# The rest of the world's states, so that two-word names ("Sierra Leone", "Costa Rica") are places.
COUNTRIES.update({
    "Angola": ("Luanda", "Angolan"), "Benin": ("Porto-Novo", "Beninese"),
    "Bhutan": ("Thimphu", "Bhutanese"), "Bosnia and Herzegovina": ("Sarajevo", "Bosnian"),
    "Botswana": ("Gaborone", "Motswana"), "Burundi": ("Gitega", "Burundian"),
    "Central African Republic": ("Bangui", "Central African"), "Costa Rica": ("San Jose", "Costa Rican"),
    "Djibouti": ("Djibouti", "Djiboutian"), "Dominican Republic": ("Santo Domingo", "Dominican"),
    "Equatorial Guinea": ("Malabo", "Equatoguinean"), "Gabon": ("Libreville", "Gabonese"),
    "Gambia": ("Banjul", "Gambian"), "Guinea": ("Conakry", "Guinean"),
    "Guinea-Bissau": ("Bissau", "Bissau-Guinean"), "Guyana": ("Georgetown", "Guyanese"),
    "Iceland": ("Reykjavik", "Icelandic"), "Ivory Coast": ("Yamoussoukro", "Ivorian"),
    "Jamaica": ("Kingston", "Jamaican"), "Liberia": ("Monrovia", "Liberian"),
    "Madagascar": ("Antananarivo", "Malagasy"), "Malawi": ("Lilongwe", "Malawian"),
    "Maldives": ("Male", "Maldivian"), "Malta": ("Valletta", "Maltese"),
    "Mauritania": ("Nouakchott", "Mauritanian"), "Montenegro": ("Podgorica", "Montenegrin"),
    "Namibia": ("Windhoek", "Namibian"), "North Macedonia": ("Skopje", "Macedonian"),
    "Papua New Guinea": ("Port Moresby", "Papua New Guinean"), "Sierra Leone": ("Freetown", "Sierra Leonean"),
    "Slovenia": ("Ljubljana", "Slovenian"), "Suriname": ("Paramaribo", "Surinamese"),
    "Timor-Leste": ("Dili", "Timorese"), "Togo": ("Lome", "Togolese"),
    "Trinidad and Tobago": ("Port of Spain", "Trinidadian"), "Western Sahara": ("Laayoune", "Sahrawi"),
})  # fmt: skip
# Former states that still act in history.
FORMER_STATES = {"Soviet Union": "Soviet", "Yugoslavia": "Yugoslav", "Ottoman Empire": "Ottoman"}
COUNTRY_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "America": "United States",
    "UK": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "UAE": "United Arab Emirates", "DRC": "Congo", "Burma": "Myanmar", "USSR": "Soviet Union",
}  # fmt: skip
CITIES_AND_REGIONS = {
    "Aleppo", "Basra", "Mosul", "Erbil", "Kandahar", "Herat", "Mazar-i-Sharif", "Jalalabad", "Panjshir",
    "Kunduz", "Helmand", "Peshawar", "Karachi", "Lahore", "Quetta", "Mumbai", "Kolkata", "Istanbul",
    "Gaza", "West Bank", "Golan Heights", "Rafah", "Khan Younis", "Tel Aviv", "Haifa", "Idlib", "Homs",
    "Raqqa", "Donetsk", "Luhansk", "Crimea", "Kharkiv", "Odesa", "Bakhmut", "Mariupol", "Zaporizhzhia",
    "Kherson", "Darfur", "El Fasher", "Omdurman", "Tigray", "Amhara", "Goma", "Kivu", "Sahel",
    "Nagorno-Karabakh", "Kashmir", "Xinjiang", "Tibet", "Hong Kong", "Geneva", "New York", "Vienna",
    "Brussels", "The Hague", "Dubai", "Jeddah", "Mecca", "Medina", "Sinai", "Benghazi", "Misrata",
    "Marib", "Hodeidah", "Aden", "Balochistan", "Waziristan", "Khyber Pakhtunkhwa", "Middle East",
    "Central Asia", "South Asia", "Europe", "Africa", "Asia", "Latin America", "Gulf", "Persian Gulf",
    "Red Sea", "Black Sea", "Caucasus", "Balkans", "Levant", "Maghreb", "Horn of Africa", "Bogota",
    "Medellin", "Cali", "Catatumbo", "Cauca", "Seoul", "Busan", "Incheon", "Pyongyang", "Mindanao",
    "Marawi", "Cox's Bazar", "Rakhine", "Shan", "Kachin", "Sanaa", "Tripoli", "Caracas", "Maracaibo",
    "Sulaymaniyah", "Kirkuk", "Fallujah", "Ramadi", "Najaf", "Karbala", "Beirut", "Tyre", "Sidon",
    "Damascus", "Daraa", "Deir ez-Zor", "Latakia", "Tartus", "Nineveh", "Sinjar", "Kabul", "Doha",
    # seas, oceans and straits
    "Arabian Sea", "Gulf of Aden", "Gulf of Oman", "Gulf of Guinea", "Mediterranean", "Mediterranean Sea",
    "South China Sea", "East China Sea", "Yellow Sea", "Sea of Japan", "Taiwan Strait", "Caspian Sea",
    "Sea of Azov", "Baltic Sea", "Aegean Sea", "Pacific", "Pacific Ocean", "Indian Ocean", "Atlantic",
    "Atlantic Ocean", "Arctic", "Strait of Hormuz", "Bab al-Mandab", "Suez Canal", "Lake Chad",
    # Sahel and West Africa
    "Gao", "Timbuktu", "Kidal", "Mopti", "Menaka", "Segou", "Djibo", "Dori", "Kaya", "Fada N'Gourma",
    "Tillaberi", "Agadez", "Diffa", "Zinder", "Maiduguri", "Borno", "Liptako-Gourma", "Azawad",
    # Horn of Africa and East Africa
    "Hiraan", "Middle Shabelle", "Lower Shabelle", "Jubaland", "Puntland", "Somaliland", "Kismayo",
    "Baidoa", "Beledweyne", "Hargeisa", "Berbera", "Bosaso", "Galmudug", "Port Sudan", "Nyala",
    "Kordofan", "Blue Nile", "Kassala", "Gedaref", "Wad Madani", "Jebel Amer", "Mekelle", "Gondar",
    "Bahir Dar", "Oromia", "Afar", "Ogaden", "Juba", "Kampala", "Mombasa", "Lamu", "Eastleigh",
    # South and Central Asia
    "Gwadar", "Chabahar", "Saravan", "Zahedan", "Sistan and Baluchestan", "Turbat", "Bannu", "Dera Ismail Khan",
    "Kurram", "Bajaur", "Chaman", "Torkham", "Spin Boldak", "Badakhshan", "Nangarhar", "Kunar", "Khost",
    "Paktika", "Ghazni", "Rawalpindi", "Islamabad", "Jammu", "Srinagar", "Ladakh", "Manipur", "Chittagong",
    "Jammu and Kashmir", "Pir Panjal", "Kurdistan", "Iraqi Kurdistan",
    # Middle East
    "Qusayr", "al-Qaim", "Al-Qaim", "Tal Afar", "Sweida", "Hama", "Manbij", "Kobani", "Qamishli",
    "Hasakah", "Afrin", "Tikrit", "Samarra", "Anbar", "Diyala", "Kurdistan Region", "Jenin", "Nablus",
    "Hebron", "Khan Yunis", "Deir al-Balah", "Jabalia", "Ramallah", "Taiz", "Saada", "Mukalla",
    # Latin America
    "Guayaquil", "Esmeraldas", "Manabi", "Narino", "Putumayo", "Antioquia", "Choco", "Arauca",
    "Tumaco", "Cucuta", "San Jose", "San Salvador", "Tegucigalpa", "Port-au-Prince", "Tijuana",
    "Sinaloa", "Culiacan", "Michoacan", "Rio de Janeiro", "Sao Paulo", "Valparaiso",
    # Eastern Europe and the Caucasus
    "Transnistria", "Tiraspol", "Gagauzia", "Comrat", "Abkhazia", "South Ossetia", "Dnipro", "Lviv",
    "Sumy", "Chernihiv", "Pokrovsk", "Avdiivka", "Kursk", "Belgorod", "Sevastopol", "Kaliningrad",
    # East and Southeast Asia
    "Lashio", "Myawaddy", "Sagaing", "Mandalay", "Yangon", "Naypyitaw", "Kaohsiung", "Kinmen", "Matsu",
    "Penghu", "Okinawa", "Guam", "Shanghai", "Fujian", "Guangdong", "Panmunjom", "Kaesong",
}  # fmt: skip

# Words that make a capitalised sequence an organisation, and the kind each suggests.
ORG_CUES: dict[str, str] = {
    "council": "coalition", "coalition": "coalition", "alliance": "coalition", "front": "movement",
    "consensus": "coalition", "movement": "movement", "party": "party", "assembly": "movement",
    "congress": "party", "league": "party", "union": "coalition", "organisation": "movement",
    "organization": "movement", "committee": "movement", "association": "movement",
    "brigade": "armed group", "brigades": "armed group", "army": "armed group", "forces": "armed group",
    "militia": "armed group", "guard": "armed group", "corps": "armed group", "battalion": "armed group",
    "government": "government", "ministry": "government", "administration": "government",
    "regime": "government", "cabinet": "government", "parliament": "government", "senate": "government",
    "court": "government", "commission": "government", "agency": "government", "office": "government",
    "department": "government", "police": "government", "presidency": "government",
    "news": "outlet", "press": "outlet", "times": "outlet", "post": "outlet", "tv": "outlet",
    "television": "outlet", "radio": "outlet", "gazette": "outlet", "herald": "outlet",
    "tribune": "outlet", "journal": "outlet", "daily": "outlet", "broadcasting": "outlet",
    "nations": "international body", "bank": "international body", "fund": "international body",
    "institute": "movement", "foundation": "movement", "group": "movement", "network": "movement",
    "center": "movement", "centre": "movement", "watch": "movement", "initiative": "movement",
    "federation": "coalition", "bloc": "coalition", "authority": "government", "republic": "state",
    "international": "movement", "programme": "international body", "program": "international body",
    "conference": "movement", "church": "movement", "framework": "coalition", "community": "coalition",
    "services": "government", "intelligence": "government", "mission": "international body",
    "company": "movement", "corporation": "movement", "board": "government",
    "university": "movement", "universidad": "movement", "université": "movement",
    "college": "movement", "academy": "movement", "school": "movement", "polytechnic": "movement",
    "agence": "outlet", "presse": "outlet", "command": "armed group", "fleet": "armed group",
    "division": "armed group", "regiment": "armed group", "navy": "armed group",
    "observatory": "movement", "advisory": "movement", "consulting": "movement",
    "research": "movement", "studies": "movement", "monitor": "movement", "gallup": "movement",
    "ilbo": "outlet", "pravda": "outlet", "gazeta": "outlet", "nacional": "outlet", "universo": "outlet",
    "komsomolskaya": "outlet", "nation": "outlet", "guardian": "outlet", "economist": "outlet",
    # armed groups with Arabic names: Jaish al-Adl, Kataib Hezbollah, Asaib Ahl al-Haq, Harakat …
    "jaish": "armed group", "kataib": "armed group", "kata'ib": "armed group", "asaib": "armed group",
    "harakat": "armed group", "jama'at": "armed group", "jamaat": "armed group", "jabhat": "armed group",
    "hayat": "armed group", "hay'at": "armed group", "ansar": "armed group", "liwa": "armed group",
    "saraya": "armed group", "hizb": "armed group", "tanzim": "armed group", "tehreek": "armed group",
    "tehrik": "armed group", "lashkar": "armed group", "sipah": "armed group", "jund": "armed group",
    "fatah": "movement", "estado": "armed group", "ejército": "armed group", "ejercito": "armed group",
    "frente": "armed group", "clan": "armed group", "cartel": "armed group", "hezb": "armed group",
    "force": "armed group", "service": "government", "lab": "movement", "laboratory": "movement",
    "jaysh": "armed group", "ahrar": "armed group", "faylaq": "armed group", "katiba": "armed group",
    "firqat": "armed group", "haraka": "armed group", "jabha": "armed group", "usbat": "armed group",
    "tajammu": "party", "tayyar": "party", "ittihad": "coalition", "ittilaf": "coalition",
    # "Ahlu Sunnah Wal Jamaa", "Jamaah Islamiyah": Arabic for "people (of)" and "community"
    "ahlu": "armed group", "ahlus": "armed group", "jamaa": "armed group",
    "jama'a": "armed group", "jamaah": "armed group", "jamaatul": "armed group",
    "operation": "armed group",  # "Operation Hadin Kai": a named military operation
    # round 5: head nouns of bodies that unseen reporting ended names with ("Kenyatta National
    # Hospital", "Law Society of Kenya", "Sahrawi Red Crescent", "Tamil Tigers")
    "hospital": "movement", "clinic": "movement", "society": "movement", "trust": "movement",
    "cooperative": "movement", "legion": "armed group", "brotherhood": "movement",
    "crescent": "international body", "syndicate": "movement", "legislature": "government",
    "municipality": "government", "railways": "movement", "exchange": "movement",
    "rangers": "armed group", "commandos": "armed group", "guards": "armed group",
    "seminary": "movement", "museum": "movement", "archive": "movement", "archives": "movement",
    "patrol": "armed group", "warriors": "armed group", "tigers": "armed group",
    "ombudsman": "government", "gendarmes": "armed group", "utilities": "movement",
    # plural nouns that end names of bodies, not of people: "Social Weather Stations"
    "stations": "movement", "partners": "movement", "associates": "movement",
    "analytics": "movement", "insights": "movement", "strategies": "movement",
    "consultants": "movement", "reporters": "movement", "defenders": "movement",
    "volunteers": "movement", "mothers": "movement", "veterans": "movement",
    "eye": "outlet", "insight": "outlet",  # "Middle East Eye", "Balkan Insight"
    # makers by their trade: "Dassault Aviation", "Elbit Systems", "General Dynamics"
    "aviation": "movement", "aerospace": "movement", "systems": "movement",
    "dynamics": "movement", "electronics": "movement", "technologies": "movement",
    "express": "outlet", "telegraph": "outlet", "mirror": "outlet", "chronicle": "outlet",
    "observer": "outlet", "courier": "outlet", "dispatch": "outlet", "standard": "outlet",
    "house": "movement", "tracker": "movement", "portal": "movement", "labs": "movement", "coordination": "movement",
    "partido": "party", "parti": "party", "movimiento": "movement", "mouvement": "movement",
    "alianza": "coalition", "fuerza": "party", "unidad": "party", "popular": "party",
    "rassemblement": "party", "podemos": "party", "channel": "outlet",
    # programmes, funds and projects: "European Peace Facility", "… Event Data Project"
    "facility": "international body", "project": "movement", "resistance": "movement",
    "syndicat": "movement", "sindicato": "movement", "confederation": "coalition",
    "collective": "movement", "collectif": "movement", "internationale": "movement",
    "chamber": "movement", "kendra": "movement", "sangstha": "movement", "sangathan": "movement", "parishad": "coalition",
    # companies by their trade: "Barrick Mining", "Turkish Airlines", "Gazprom Neft"
    "airlines": "movement", "airways": "movement", "mining": "movement", "energies": "movement",
    "petroleum": "movement", "telecom": "movement", "motors": "movement", "holdings": "movement",
    "minerals": "movement", "resources": "movement", "shipping": "movement",
    "industries": "movement", "pharmaceuticals": "movement", "inc": "movement", "ltd": "movement",
    "metals": "movement", "steel": "movement", "chemicals": "movement", "logistics": "movement",
    "ventures": "movement", "investments": "movement", "capital": "movement",
    # foundations, associations and institutes named in Spanish, French, Portuguese and German:
    # "Fundación País Libre", "Fondation Hirondelle", "Instituto Igarapé"
    "fundación": "movement", "fundacion": "movement", "fundação": "movement",
    "fondation": "movement", "stiftung": "movement", "asociación": "movement",
    "associação": "movement", "instituto": "movement", "institut": "movement",
    "comité": "movement", "comision": "government", "comisión": "government",
    "consejo": "government", "conseil": "government", "corporación": "movement",
    "defensoría": "government", "observatorio": "movement", "centro": "movement",
    # offices of state: "Directorate of Criminal Investigations", "Federal Bureau of
    # Investigation", "International Criminal Tribunal", "Supreme National Security Council"
    "directorate": "government", "secretariat": "government", "inspectorate": "government",
    "bureau": "government", "commissariat": "government", "prefecture": "government",
    "gendarmerie": "armed group", "registry": "government", "tribunal": "government",
    "chancellery": "government", "taskforce": "government", "forum": "movement",
    "caucus": "party", "shura": "coalition", "jirga": "coalition", "squad": "armed group",
    "networks": "movement",  # "Electric Networks of Armenia"
    # Urdu and Arabic words for an assembly or a front: "Jamiat Ulema-e-Islam", "Majlis-e-Amal",
    # "Muttahida Qaumi Movement", "Markaz Dawat-ul-Irshad"
    "jamiat": "party", "jamiyat": "party", "majlis": "party", "muttahida": "party",
    "markaz": "movement", "mahaz": "movement", "ittehad": "coalition", "tahreek": "movement",
}  # fmt: skip
# Arabic, Persian and Urdu words that open an armed group's name ("Jaish al-Adl", "Kataib
# Hezbollah", "Harakat Hezbollah al-Nujaba", "Liwa Fatemiyoun", "Lashkar-e-Taiba"): a name that
# starts with one is a name of its own, so "Kataib Hezbollah and Harakat … al-Nujaba" are two.
GROUP_HEADS = {"jaish", "kataib", "kata'ib", "asaib", "harakat", "jama'at", "jamaat", "jabhat",
               "hayat", "hay'at", "ansar", "liwa", "saraya", "hizb", "tanzim", "tehreek", "tehrik",
               "lashkar", "sipah", "jund", "hezb", "junud", "quwat", "firqat", "majlis", "jaysh",
               "ahrar", "faylaq", "katiba", "haraka", "jabha", "usbat", "tajammu", "tayyar",
               "ittihad", "ittilaf", "ahlu", "ahlus", "jamaah"}  # fmt: skip
# Lowercase nouns after a capitalised name that make it a place: "the Bab al-Mandab strait".
PLACE_NOUNS = {"strait", "river", "sea", "valley", "province", "region", "district", "border",
               "crossing", "mountains", "island", "islands", "city", "port", "airport", "base", "camp",
               "state", "governorate", "county", "plain", "desert", "peninsula", "corridor", "canal"}  # fmt: skip
# Capitalised last words that make a name a place: "Green Zone", "Tahrir Square".
PLACE_HEADS = {"zone", "square", "street", "strait", "valley", "province", "airport", "bridge",
               "island", "mountains", "river", "sea", "gulf", "corridor", "region", "district",
               "governorate", "city", "port", "base", "camp", "heights", "desert", "plain", "ocean",
               "lake", "coast", "highway", "mountain", "hills", "delta", "basin", "oasis",
               "shoal", "reef", "atoll", "cay", "archipelago", "bay", "lagoon", "pass",
               "gorge", "plateau", "dam",
               # buildings and sites: "Sheikh Zayed Grand Mosque", "Evin Prison" (not "Church":
               # "the Catholic Church" is a body)
               "mosque", "cathedral", "temple", "shrine", "synagogue", "prison",
               "stadium", "market", "bazaar", "airbase", "neighbourhood", "neighborhood",
               # streets and crossings: "Rustaveli Avenue", "Airport Road", "Nevsky Prospekt"
               "avenue", "boulevard", "road", "lane", "prospekt", "roundabout", "checkpoint", "route",
               "embankment"}  # fmt: skip
# Capitalised first words that make a name a place: "Port Sudan", "Jebel Amer", "Lake Chad".
PLACE_PREFIXES = {"port", "jebel", "jabal", "mount", "lake", "cape", "gulf", "bay", "wadi", "ras",
                  "bab", "fort", "camp", "sea", "strait", "mar", "rio", "san", "santa", "sao"}  # fmt: skip
# Lowercase nouns that turn a preceding capitalised name into an organisation: "Najibullah government".
ORG_NOUNS = {"government": "government", "regime": "government", "administration": "government",
             "forces": "armed group", "militia": "armed group", "army": "armed group",
             "movement": "movement", "party": "party", "coalition": "coalition",
             "alliance": "coalition", "bloc": "coalition", "group": "movement",
             "mission": "international body", "network": "armed group", "clan": "armed group",
             "family": "armed group", "gang": "armed group", "cartel": "armed group",
             "militias": "armed group", "gangs": "armed group"}  # fmt: skip
KNOWN_ORGS: dict[str, str] = {
    "Taliban": "armed group", "Hamas": "armed group", "Hezbollah": "armed group",
    "Houthis": "armed group", "Houthi": "armed group", "Islamic State": "armed group",
    "ISIS": "armed group", "ISIL": "armed group", "Daesh": "armed group", "al-Qaeda": "armed group",
    "Al-Qaeda": "armed group", "al-Shabaab": "armed group", "Al-Shabaab": "armed group",
    # a party by its members: "Democrats in Congress", "Republicans in the Senate"
    "Democrats": "party", "Republicans": "party",
    # the same names spelled with a space, as some wires do: "al Qaeda's Sahel affiliate"
    "al Qaeda": "armed group", "Al Qaeda": "armed group", "al Shabaab": "armed group",
    "Al Shabaab": "armed group", "al-Shabab": "armed group", "Al-Shabab": "armed group",
    "Boko Haram": "armed group", "Wagner": "armed group", "Mujahedin": "armed group",
    "Mujahideen": "armed group", "Tatmadaw": "armed group", "Polisario": "movement",
    "Reuters": "outlet", "AFP": "outlet", "AP": "outlet", "BBC": "outlet", "CNN": "outlet",
    "Al Jazeera": "outlet", "Xinhua": "outlet", "TASS": "outlet", "Yonhap": "outlet", "IANS": "outlet",
    "PTI": "outlet", "ANI": "outlet", "NationPress": "outlet", "Bloomberg": "outlet", "EFE": "outlet",
    "Kremlin": "government", "Pentagon": "government", "White House": "government",
    "United Nations": "international body", "UN": "international body", "NATO": "international body",
    "European Union": "international body", "EU": "international body",
    "African Union": "international body", "ICC": "international body", "IAEA": "international body",
    "IMF": "international body", "World Bank": "international body", "Red Cross": "international body",
    "ICRC": "international body", "UNHCR": "international body", "UNICEF": "international body",
    "WHO": "international body", "OSCE": "international body", "ASEAN": "international body",
    "Arab League": "international body", "OPEC": "international body", "Security Council": "international body",
    "FARC": "armed group", "ELN": "armed group", "PKK": "armed group", "YPG": "armed group",
    "SDF": "armed group", "RSF": "armed group", "M23": "armed group", "HTS": "armed group",
    "JNIM": "armed group", "ISWAP": "armed group", "TTP": "armed group", "BLA": "armed group",
    "Facebook": "movement", "Telegram": "movement", "WhatsApp": "movement", "YouTube": "movement",
    "TikTok": "movement", "Instagram": "movement", "Gazprom": "movement", "Rosneft": "movement",
    "Kuomintang": "party", "KMT": "party", "Fatah": "movement",
    "ECOWAS": "international body", "SADC": "international body", "IGAD": "international body",
    "Interpol": "international body", "Europol": "international body", "Frontex": "international body",
    "Anadolu": "outlet", "Tasnim": "outlet", "IRNA": "outlet", "Fars": "outlet", "SANA": "outlet",
    "RIA Novosti": "outlet", "Interfax": "outlet", "Ukrinform": "outlet", "KCNA": "outlet",
    "NHK": "outlet", "Kyodo": "outlet", "Al Arabiya": "outlet", "Asharq Al-Awsat": "outlet",
    "Hurriyet": "outlet", "Dawn": "outlet", "Irrawaddy": "outlet", "Mizzima": "outlet",
    "Teleamazonas": "outlet", "Semana": "outlet", "Haaretz": "outlet", "Al-Akhbar": "outlet",
    "Realmeter": "movement", "Ipsos": "movement", "YouGov": "movement", "Gallup": "movement",
    "Afrobarometer": "movement", "Cedatos": "movement", "Datafolha": "movement", "Levada": "movement",
    "Médecins Sans Frontières": "international body", "Doctors Without Borders": "international body",
    "MSF": "international body", "Amnesty International": "movement", "Human Rights Watch": "movement",
    "Amnesty": "movement",
    "International Crisis Group": "movement", "ACLED": "movement", "Oxfam": "movement",
    "Save the Children": "movement", "OCHA": "international body", "WFP": "international body",
    "UNRWA": "international body", "UNDP": "international body", "IOM": "international body",
    "U.N.": "international body", "E.U.": "international body", "Getty Images": "outlet",
    "Shin Bet": "government", "Mossad": "government", "Likud": "party",
}  # fmt: skip
# Outlets, agencies, pollsters, monitors, think tanks and firms that conflict reporting cites by a
# bare name ("he told Rappler", "reviewed by Efecto Cocuyo"): a name never taken for a person's.
_OUTLET_NAMES = {
    "Rappler", "Inquirer", "ABS-CBN", "GMA", "Kompas", "Antara", "Bernama", "Malaysiakini",
    "Straits Times", "Mainichi", "Asahi", "Yomiuri", "Nikkei", "Hankyoreh", "Chosun", "JoongAng",
    "Dong-a", "Jiji", "CCTV", "Caixin", "Sputnik", "RT", "Izvestia", "Kommersant", "Vedomosti",
    "Meduza", "Novaya Gazeta", "Ukrainska Pravda", "Kyiv Independent", "Hromadske", "Suspilne",
    "Euronews", "Deutsche Welle", "DW", "Der Spiegel", "Spiegel", "Le Monde", "Le Figaro",
    "Mediapart", "France 24", "RFI", "Jeune Afrique", "El País", "El Pais",
    "El Mundo", "Clarín", "Clarin", "La Nación", "Folha", "Estadão", "Globo", "El Tiempo",
    "El Espectador", "El Universal", "Milenio", "Animal Político",
    "Efecto Cocuyo", "El Pitazo", "Armando.info", "Tal Cual", "El Faro", "Confidencial", "Infobae",
    "La Prensa", "Ynet", "Times of Israel", "Jerusalem Post", "Maariv", "Al-Monitor",
    "Al Mayadeen", "Al Manar", "Al-Araby", "Enab Baladi", "Syria Direct", "Rudaw", "Kurdistan 24",
    "Shafaq", "Alsumaria", "Cumhuriyet", "Daily Sabah", "Bianet", "Medyascope", "Mehr", "ISNA",
    "Press TV", "Kayhan", "Etemad", "Shargh", "Iran International", "IranWire", "Geo",
    "Express Tribune", "Jang", "ARY", "Samaa", "Tolo", "Tolo News", "TOLOnews", "Pajhwok",
    "Khaama", "Amu", "Etilaatroz", "Hindustan Times", "Indian Express", "NDTV", "Scroll",
    "ThePrint", "Firstpost", "Prothom Alo", "Daily Star", "Kathmandu Post", "Frontier Myanmar",
    "Myanmar Now", "DVB", "Addis Standard", "Addis Fortune", "Fana", "Walta", "Daily Monitor",
    "New Vision", "Garowe Online", "Hiiraan", "Shabelle", "Sudan Tribune", "Dabanga",
    "Radio Dabanga", "Premium Times", "ThisDay", "Daily Trust",
    "Sahara Reporters", "HumAngle", "Studio Tamani", "Lefaso", "Sidwaya", "Africa Check",
    "DUBAWA", "PesaCheck", "Misbar", "Fatabyyano", "Bellingcat", "Airwars", "Crisis Group",
    "Chatham House", "RUSI", "IISS", "SIPRI", "Brookings", "RAND", "Carnegie", "CSIS",
    "Atlantic Council", "Wilson Center", "Stimson Center", "Hudson Institute",
    "Heritage Foundation", "Lowy Institute", "ISW", "Critical Threats", "Long War Journal",
    "Small Arms Survey", "Global Witness", "Forensic Architecture", "Sentinel",
    "Conflict Armament Research", "InSight Crime", "Quaest", "AtlasIntel", "Atlas Intel",
    "Datanálisis", "Datanalisis", "Delphos", "Meganálisis", "Gallup Korea", "Embrain",
    "Hankook Research", "Pulse Asia", "Social Weather Stations", "SWS", "Levada Center", "FOM",
    "VTsIOM", "KIIS", "Razumkov", "Arab Barometer", "Kantar", "Nielsen", "Morning Consult",
    "Pew", "Pew Research Center",
}  # fmt: skip
_FIRMS = {
    "ExxonMobil", "Chevron", "BP", "TotalEnergies", "Eni", "Equinor", "Hess", "CNOOC",
    "Sinopec", "PetroChina", "Aramco", "Lukoil", "Novatek", "Rosatom", "Huawei", "ZTE",
    "Starlink", "SpaceX", "Lockheed Martin", "Raytheon", "RTX", "Boeing", "Airbus", "Rheinmetall",
    "BAE Systems", "Baykar", "Elbit", "Glencore", "Barrick", "Trafigura", "Vitol", "Maersk",
    "Wagner Group", "Africa Corps",
    # platforms
    "VKontakte", "VK", "Weibo", "WeChat", "Truth Social", "Bluesky", "Viber", "Odnoklassniki",
    "Threads", "Signal",
}  # fmt: skip
for _name in _OUTLET_NAMES:
    KNOWN_ORGS.setdefault(_name, "outlet")
for _name in _FIRMS:
    KNOWN_ORGS.setdefault(_name, "movement")

# Round 5: well-known bodies that reporting names bare, by kind (a broader gazetteer so that text
# the rules have not seen does not depend on a cue word): international bodies and missions,
# platforms and firms, armed groups, outlets and monitors.
_WELL_KNOWN = {
    "international body": (
        "AU", "UNESCO", "FAO", "UNCTAD", "WTO", "OAS", "CARICOM", "Mercosur", "BRICS", "G7", "G20",
        "OIC", "GCC", "EAC", "COMESA", "CEEAC", "ECCAS", "MONUSCO", "UNMISS", "MINUSMA",
        "MINUSCA", "UNIFIL", "UNAMA", "UNAMI", "UNSMIL", "UNDOF", "MINURSO", "UNFICYP",
        "AMISOM", "ATMIS", "AUSSOM", "UNOCHA", "UNFPA", "UNEP", "UNOPS", "OHCHR", "UNODC",
        "ICJ", "ILO", "ITU", "IFAD", "OPCW", "CTBTO", "NSG", "SCO", "CSTO", "APEC", "AfDB",
        "ADB", "EBRD", "EIB", "AIIB", "Eurojust", "Europol", "Frontex", "Mercosul",
    ),
    "government": ("AFRICOM", "CENTCOM", "INDOPACOM", "EUCOM", "SOUTHCOM", "FBI", "CIA", "NSA",
                   "DEA", "ATF", "MI5", "MI6", "GCHQ", "FSB", "GRU", "SVR", "ISI", "RAW", "NIA",
                   "Stasi", "Savak", "DGSE", "DGSI", "BND", "Shabak", "Sepah", "Basij",
                   "SBU", "HUR", "NABU", "SAPO", "Rosgvardia", "Duma", "Knesset", "Majlis",
                   "Bundestag", "Bundeswehr", "Storting", "Riksdag", "Sejm", "Verkhovna Rada",
                   "Lok Sabha", "Rajya Sabha", "Dáil", "Oireachtas", "Cortes", "Itamaraty"),
    "movement": (
        "Twitter", "Discord", "Google", "Meta", "Apple", "Microsoft", "Netflix",
        "OpenAI", "ByteDance", "Tencent", "Alibaba", "Palantir", "Anduril", "Snapchat",
        "Reddit", "LinkedIn", "Rumble", "Skype", "Wikipedia", "WikiLeaks", "Wikileaks",
        "Shell", "Petrobras", "Pemex", "PDVSA", "Sonatrach", "NNPC", "Ecopetrol", "Gécamines",
        "Gecamines", "Safaricom", "MTN", "Airtel", "Vodacom", "Vale", "Orano", "Areva",
        "Adani", "Tata", "Sinohydro", "COSCO", "MSC", "CMA CGM", "Cargill",
        "Nestlé", "Unilever", "Siemens", "Ericsson", "Nokia", "Samsung", "Hyundai", "Toyota",
        "Tesla", "Nvidia", "Rostec", "Roscosmos", "Sberbank", "VTB", "Transneft", "Naftogaz",
        "Energoatom", "Ukrenergo", "Eskom", "Transnet", "Kenya Power", "Senelec",
        "Glencore", "Freeport-McMoRan", "Rio Tinto", "BHP", "Anglo American",
        "De Beers", "Newmont", "Moody's", "Fitch", "Euroclear", "SWIFT",
        "NetBlocks", "Cloudflare", "Kentik", "Access Now", "Citizen Lab",
        "HRW", "CPJ", "Amnesty", "Freedom House", "Front Line Defenders", "Insecurity Insight",
        "Control Risks", "Eurasia Group", "Verisk Maplecroft", "Crisis24", "Ushahidi",
        "Harvard", "Yale", "Sorbonne", "Stanford",
    ),
    "armed group": (
        "Janjaweed", "Fano", "TPLF", "OLA", "ADF", "CODECO", "Wazalendo", "Mai-Mai",
        "Anti-balaka", "Seleka", "ISCAP", "ISSP", "Ansaru", "Lakurawa", "KIA", "TNLA", "MNDAA",
        "NPA", "MILF", "Abu Sayyaf", "ULFA", "LTTE", "ISKP", "IS-K", "JeM", "LeT", "CJNG",
        "MS-13", "Barrio 18", "PCC", "Comando Vermelho", "Terceiro Comando Puro", "Tren de Aragua",
        "Sinaloa Cartel", "Gulf Clan", "Clan del Golfo", "Jalisco cartel", "Viv Ansanm",
        "Hayat Tahrir al-Sham", "Jaish al-Adl", "Islamic Jihad", "PIJ", "Hashd", "Hashd al-Shaabi",
        "Kataib Hezbollah", "Ansar Allah", "Hasm", "PKK", "PJAK", "YPJ", "Peshmerga",
        "ETA", "IRA", "Shining Path",
        "Sendero Luminoso", "Zetas", "Los Zetas", "Los Choneros", "Los Lobos", "Barrio Azteca",
        "Rusich", "Kadyrovtsy", "Boko Haram", "Al-Nusra", "Nusra",
    ),
    "outlet": (
        "Politico", "Axios", "Semafor", "Al-Ahram", "Ahram Online", "Daily Maverick", "News24",
        "Mwananchi", "EastAfrican", "Sahara Reporters", "Africanews",
        "Radio Okapi", "Actualite.cd", "Jeune Afrique", "Le Temps", "Le Soir", "Libération",
        "Liberation", "Corriere della Sera", "La Repubblica", "Süddeutsche Zeitung", "FAZ",
        "Bild", "Die Zeit", "ANSA", "DPA", "dpa", "Agence France-Presse", "Lusa",
        "Kyiv Post", "Novaya Gazeta Europe", "TV Rain", "Dozhd", "Mediazona", "iStories",
        "Daraj", "Alhurra", "Asharq", "Al-Quds Al-Arabi", "L'Orient-Le Jour", "Naharnet",
        "Ahval", "T24", "Kurdistan24", "Hawar", "ANHA", "Dawn", "The Hindu", "Scroll.in",
        "The Wire", "Prothom Alo", "Al-Masry Al-Youm", "Mada Masr", "G1", "UOL",
        "Globo", "O Globo", "Piauí", "Agência Pública", "Animal Político", "Proceso",
        "El Comercio", "La República", "IDL-Reporteros", "Ojo Público", "Cuestión Pública",
        "La Silla Vacía", "Prensa Libre", "Plaza Pública", "El Faro", "Divergentes",
        "100% Noticias", "Runrunes", "Efecto Cocuyo", "Nation Africa",
        "Daily Nation", "Citizen TV", "NTV", "Capital FM", "Radio Dabanga", "Ayin",
        "The Continent", "Semafor Africa", "Devex", "The New Humanitarian", "IRIN",
        "Zitamar", "Carta de Moçambique", "Lusa", "Kossyam", "Le Faso", "Wakat Séra",
        "Sahel Intelligence", "Mosaique FM", "TVM", "RNM", "ORTM", "RTB", "RTS", "ORTB",
    ),
}
for _kind, _names in _WELL_KNOWN.items():
    for _name in _names:
        KNOWN_ORGS.setdefault(_name, _kind)

# Titles and roles that stand before a name ("Foreign Minister Amir Khan Muttaqi").
TITLES = {
    "president", "vice-president", "minister", "prime", "premier", "chancellor", "secretary",
    "secretary-general", "general", "gen.", "colonel", "col.", "major", "captain", "commander",
    "lieutenant", "admiral", "marshal", "sergeant", "spokesperson", "spokesman", "spokeswoman",
    "leader", "chief", "head", "chairman", "chairwoman", "chair", "director", "ambassador", "envoy",
    "deputy", "governor", "mayor", "senator", "representative", "speaker", "king", "queen", "prince",
    "princess", "emir", "sheikh", "mullah", "ayatollah", "imam", "cleric", "judge", "prosecutor",
    "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "sir", "lord", "official", "officer",
    "founder", "negotiator", "mediator", "adviser", "advisor", "analyst", "researcher", "professor",
    "journalist", "correspondent", "editor", "writer", "reporter", "photographer", "lecturer", "coordinator", "rapporteur", "commissioner", "justice",
    "warlord", "strongman", "dictator", "monarch", "sultan", "caliph", "pope", "bishop", "archbishop",
    "patriarch", "rabbi", "catholicos", "cardinal", "mufti", "defence", "defense", "foreign", "interior", "finance", "education", "health", "higher", "information", "culture", "trade", "economy", "energy",
    "intelligence", "security", "national", "supreme", "acting", "former", "interim", "opposition",
    # military and police ranks: "Brigadier Omar Khan", "Air Commodore Edward Gabkwet"
    "brigadier", "commodore", "corporal", "private", "superintendent", "inspector", "constable",
    "wing", "squadron", "field", "rear", "vice", "air", "staff", "warrant",
    # abbreviated ranks, written with their full stop: "Brig. Nabil Abdallah"
    "lt.", "maj.", "brig.", "adm.", "capt.", "sgt.", "cpl.", "cmdr.", "supt.", "insp.",
}  # fmt: skip
ROLE_HEADS = {
    "president", "minister", "chancellor", "secretary", "secretary-general", "general", "colonel",
    "commander", "spokesperson", "spokesman", "spokeswoman", "leader", "chief", "head", "chairman",
    "chairwoman", "director", "ambassador", "envoy", "governor", "mayor", "senator", "speaker", "king",
    "queen", "prince", "emir", "sheikh", "mullah", "ayatollah", "judge", "prosecutor", "official",
    "founder", "negotiator", "adviser", "advisor", "analyst", "researcher", "professor", "journalist",
    "correspondent", "editor", "coordinator", "commissioner", "premier", "admiral", "captain",
    "major", "lieutenant", "marshal", "imam", "cleric", "rapporteur", "officer", "dictator",
    "archbishop", "bishop", "patriarch", "catholicos", "pope", "cardinal", "rabbi", "mufti",
    "brigadier", "commodore", "corporal", "superintendent", "inspector", "constable",
    # plural titles before two names: "Presidents Félix Tshisekedi and Paul Kagame"
    "presidents", "ministers", "generals", "leaders", "commanders", "senators", "ambassadors",
    # a judge of a high court: "Justice Alexandre de Moraes"
    "justice",
}  # fmt: skip
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "gen.",
    "col.",
    "lt.",
    "capt.",
    # wire-style abbreviated ranks, with their full stop: "Brig. Nabil Abdallah" (not "Gen Z")
    *("maj.", "brig.", "adm.", "sgt.", "cpl.", "cmdr.", "supt.", "insp."),
}
# Particles inside personal names: "Osama bin Laden", "Andrés Manuel López Obrador", "Ursula von der Leyen".
# (and inside names of bodies: "Causa en Común", "Ain o Salish Kendra")
PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "del", "della", "der", "den", "van", "von",
             "da", "dos", "das", "du", "le", "la", "y", "ul", "ud", "abu", "ben", "di", "do",
             "en", "o", "los", "las"}  # fmt: skip
# "&" joins the words of one name: "Armed Conflict Location & Event Data Project"
# and their French: "Syndicat National des Chauffeurs et Conducteurs Routiers du Mali"
CONNECTORS = {"of", "for", "and", "the", "on", "in", "to", "&", "des", "et"}

# Full month names only: "Jan Egeland" and "Theresa May" are people; "Jan." is caught by its dot.
MONTH_NAMES = {"january", "february", "march", "april", "june", "july", "august",
               "september", "october", "november", "december"}  # fmt: skip
WEEKDAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

# Capitalised words that start sentences or headings without naming anyone.
COMMON = {
    "a", "an", "the", "in", "on", "at", "to", "of", "for", "from", "by", "with", "without", "this",
    "that", "these", "those", "other", "others", "many", "several", "some", "all", "both", "each",
    "every", "no", "not", "also", "however", "according", "among", "members", "member",
    "representatives", "previous", "currently", "notably", "key", "while", "after", "before",
    "during", "when", "as", "but", "and", "or", "it", "he", "she", "they", "we", "i", "you", "his",
    "her", "their", "its", "our", "my", "your", "since", "until", "despite", "under", "over", "if",
    "yet", "so", "then", "there", "here", "what", "who", "why", "how", "where", "which", "earlier",
    "later", "last", "next", "first", "second", "third", "one", "two", "three", "four", "five",
    "meanwhile", "moreover", "furthermore", "still", "even", "only", "just", "already", "now",
    "today", "yesterday", "tomorrow", "recently", "soon", "synopsis", "takeaways", "takeaway",
    "summary", "background", "analysis", "update", "breaking", "exclusive", "opinion", "photo",
    "video", "read", "more", "related", "q", "question", "answer", "is", "are", "was", "were",
    "will", "would", "could", "should", "can", "may", "might", "must", "has", "have", "had", "do",
    "does", "did", "be", "being", "been", "people", "officials", "sources", "source", "reports",
    "report", "observers", "analysts", "experts", "critics", "supporters", "residents", "witnesses",
    "authorities", "government", "opposition", "leaders", "talks", "agreement", "deal", "statement",
    "joint", "new", "old", "former", "local", "regional", "international", "national", "foreign",
    "president", "minister", "prime", "general", "state", "states", "security", "military", "army",
    "police", "troops", "forces", "rebels", "militants", "fighters", "protesters", "voters", "citizens",
    "around", "about", "above", "below", "between", "into", "through", "across", "against", "along",
    "amid", "within", "beyond", "toward", "towards", "upon", "via", "per", "than", "like", "unlike",
    "such", "most", "much", "few", "fewer", "less", "least", "any", "either", "neither",
    "nor", "whether", "because", "although", "though", "unless", "whereas", "thus", "hence",
    "therefore", "instead", "otherwise", "likewise", "similarly", "indeed", "perhaps", "maybe",
    "certainly", "clearly", "reportedly", "allegedly", "apparently", "officially", "separately",
    "elsewhere", "nearly", "almost", "roughly", "approximately", "once", "twice",
    "ago", "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades",
    "century", "morning", "evening", "night", "afternoon", "western", "eastern", "northern",
    "southern", "central", "north", "south", "east", "west", "islamic", "muslim", "christian",
    "jewish", "arab", "kurdish", "sunni", "shia", "shiite", "catholic", "hindu", "buddhist",
    "ethnic", "tribal", "civil", "war", "peace", "ceasefire", "truce", "election", "elections",
    "vote", "referendum", "constitution", "law", "laws", "ban", "sanctions", "aid", "economy",
    "junta", "regime", "negotiators", "lawmakers", "mediators", "diplomats",
    # people by what befell them or what they do, opening a sentence: "Survivors told MSF …"
    "survivors", "refugees", "villagers", "locals", "families", "relatives", "doctors", "nurses",
    "medics", "migrants", "mourners", "worshippers", "fishermen", "lawyers", "victims",
    "fact", "check", "claim", "verdict", "rating", "false", "misleading", "true", "context",
    "parliament", "human",  # "Human rights group Amnesty Kenya"
    # portfolios ("the European Commissioner for Internal Affairs, Magnus Brunner") and languages
    # ("which means 'Army of Justice' in Arabic") name nobody
    "jihadists", "islamists", "separatists", "nationalists", "loyalists", "royalists",
    "extremists", "activists", "terrorists", "insurgents", "militias", "gangs", "hardliners",
    "reformists", "conservatives", "liberals", "moderates", "dissidents", "mercenaries",
    "affairs", "arabic", "persian", "farsi", "dari", "pashto", "urdu", "hebrew", "english",
    "amharic", "swahili", "hausa", "hindi", "bengali", "tamil", "mandarin", "cantonese", "tigrinya",
}  # fmt: skip
# Peoples, faiths and sects: "a mostly Uyghur group" names no group.
PEOPLES = {"uyghur", "uighur", "druze", "alawite", "pashtun", "tuareg", "fulani", "hazara",
           "rohingya", "baloch", "baluch", "oromo", "tigrayan", "yazidi", "bedouin", "tajik",
           "uzbek", "turkmen", "berber", "amazigh", "hutu", "tutsi", "masalit", "zaghawa",
           "somali", "afar", "amhara", "igbo", "yoruba", "hausa", "kanuri", "sahrawi", "kachin",
           "karen", "shan", "chin", "rakhine", "bamar", "maronite", "coptic", "ismaili",
           "salafist", "salafi", "wahhabi", "sufi", "evangelical", "orthodox", "arab",
           "serb", "croat", "bosniak", "kurd", "shia", "shiite", "sunni"}  # fmt: skip
# Abstract nouns that parties and councils are named with: "Freedom and Justice Party", "Law and
# Justice", "Peace and Development Council" (one name, not a person "Freedom" and a party).
POLITICAL_NOUNS = {"freedom", "justice", "law", "peace", "progress", "development", "unity",
                   "democracy", "labour", "labor", "liberty", "solidarity", "reform", "renewal",
                   "hope", "order", "truth", "dignity", "equality", "prosperity", "reconciliation",
                   "welfare", "salvation", "independence", "change", "construction"}  # fmt: skip
# First words of named storms and feasts: "Hurricane Melissa", "Cyclone Ditwah", "Eid al-Fitr"
# name an event, not a person; alone, "Ramadan" or "Christmas" is a time of year.
EVENT_HEADS = {"hurricane", "cyclone", "typhoon", "storm", "eid"}
EVENT_WORDS = {"ramadan", "christmas", "easter", "nowruz", "diwali", "ashura", "hanukkah",
               "passover", "lent", "muharram", "holi", "tet"}  # fmt: skip
# Capitalised acronyms that name no organisation.
NOT_ACRONYMS = {"AI", "GDP", "TV", "CEO", "ID", "PM", "AM", "OK", "HIV", "AIDS", "DNA", "GPS",
                "NGO", "NGOs", "VIP", "FAQ", "CLAIM", "VERDICT", "RATING", "FACT", "CHECK", "UPDATE",
                "EDITOR", "NOTE", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "FILE", "PHOTO"}  # fmt: skip

PERSON_VERBS = {"said", "says", "told", "added", "noted", "stated", "warned", "argued", "claimed",
                "insisted", "announced", "denied", "confirmed", "wrote", "tweeted", "explained",
                "stressed", "urged", "called", "met", "visited", "travelled", "traveled"}  # fmt: skip


def place_names() -> set[str]:
    names = set(COUNTRIES) | set(FORMER_STATES) | set(COUNTRY_ALIASES) | CITIES_AND_REGIONS
    names |= {capital for capital, _ in COUNTRIES.values()}
    return names


def demonyms() -> dict[str, str]:
    """Demonym → country or former state: "Soviet" → "Soviet Union"."""
    found = {demonym: country for country, (_, demonym) in COUNTRIES.items()}
    found.update({demonym: state for state, demonym in FORMER_STATES.items()})
    for variant, country in DEMONYM_VARIANTS.items():
        found.setdefault(variant, country)
    return found


# demonyms spelt another way than COUNTRIES spells them: "the Ecuadorean navy"
DEMONYM_VARIANTS = {"Ecuadorean": "Ecuador", "Burkinabè": "Burkina Faso",
                    "Kyrgyzstani": "Kyrgyzstan", "Tajikistani": "Tajikistan",
                    "Uzbekistani": "Uzbekistan", "Turkmenistani": "Turkmenistan",
                    "Kazakhstani": "Kazakhstan", "Salvadorean": "El Salvador",
                    "Guinean": "Guinea", "Congolese": "DR Congo", "Emirian": "United Arab Emirates"}  # fmt: skip
