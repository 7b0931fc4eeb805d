"""The text of the demo workshop: a home-care challenge in the fictional municipality of Sjövik."""

from __future__ import annotations

TITLE = "Idéverkstad: Trygg och delaktig hemma"
ORGANISATION = "Sjöviks kommun"
UNIT = "Vård- och omsorgsförvaltningen"
PLACE = "Medborgarhuset, Storgatan 12, Sjövik"
ORGANISER = "Vård- och omsorgsnämnden"
FACILITATOR = "Karin Lindqvist, utvecklingsenheten"
CASE_NUMBER = "VON 2026/0142"
CHALLENGE = (
    "Många äldre som får hemtjänst i Sjövik berättar att de känner sig ensamma och att de "
    "sällan vet vem som kommer eller när. Samtidigt har personalen svårt att hinna med mer "
    "än det som står i biståndsbeslutet.\n\n"
    "Hur kan vi göra vardagen tryggare och mer delaktig för dem som bor hemma med hemtjänst – "
    "med de resurser vi har i dag?"
)

#: (role, organisation, origin, name or "", consent, how many)
PARTICIPANTS: list[tuple[str, str, str, str, bool, int]] = [
    ("employee", "Hemtjänsten Norra", "internal", "Amira Hassan", True, 1),
    ("employee", "Hemtjänsten Norra", "internal", "", False, 2),
    ("employee", "Hemtjänsten Söder", "internal", "Jonas Berg", True, 1),
    ("leader", "Vård- och omsorgsförvaltningen", "internal", "Eva Sjöberg", True, 1),
    ("employee", "Biståndsenheten", "internal", "", False, 1),
    ("user", "", "external", "", False, 2),
    ("citizen", "", "external", "", False, 3),
    ("civil_society", "PRO Sjövik", "external", "Gunnar Åkesson", True, 1),
    ("civil_society", "Röda korset, Sjöviks krets", "external", "", False, 1),
    ("business", "Sjöviks Taxi AB", "external", "", False, 1),
    ("academia", "Högskolan i Norrvik, vårdvetenskap", "external", "Lena Øverby", True, 1),
    ("politician", "Vård- och omsorgsnämnden", "internal", "", False, 1),
]

#: (name, colour)
CLUSTERS = [
    ("Kontinuitet och bemötande", "#0072B2"),
    ("Gemenskap och aktiviteter", "#E69F00"),
    ("Digitala verktyg", "#009E73"),
    ("Information och kommunikation", "#CC79A7"),
]

#: (cluster index or None, title, text, type, novelty, depth, anonymous, backing or "")
IDEAS: list[tuple[int | None, str, str, str, str, str, bool, str]] = [
    (
        0,
        "Fast omsorgskontakt för varje brukare",
        "Varje brukare får två namngivna medarbetare som gör de flesta besöken. Färre nya ansikten ger trygghet.",
        "method",
        "new_to_us",
        "incremental",
        False,
        "Tack! Det här är precis vad brukarna själva har bett om.",
    ),
    (
        0,
        "Veckoschema med foto på dem som kommer",
        "Ett enkelt schema på kylskåpet med bild och namn på den som kommer varje dag.",
        "service",
        "new_to_us",
        "incremental",
        False,
        "Enkelt och konkret – det kan vi pröva redan nästa månad.",
    ),
    (
        0,
        "Tid för en kopp kaffe i varje besök",
        "Fem minuter i varje besök som bara är till för samtal, inte för insatser.",
        "method",
        "new_to_us",
        "incremental",
        True,
        "Modigt att lyfta tiden – det är just det som gör skillnad.",
    ),
    (
        1,
        "Fikavänner från gymnasiet",
        "Elever på vård- och omsorgsprogrammet besöker äldre en eftermiddag i veckan som en del av praktiken.",
        "service",
        "new_to_us",
        "incremental",
        False,
        "Fint att koppla ihop generationerna. Tack för idén!",
    ),
    (
        1,
        "Samåkning till träffpunkten",
        "Taxi och frivilliga samordnar resor så att fler kan komma till träffpunkten på torsdagar.",
        "service",
        "new_to_us",
        "incremental",
        False,
        "Bra att tänka på resan – den är ofta det som stoppar.",
    ),
    (
        1,
        "Kvarterssoppa en gång i veckan",
        "Grannar i samma kvarter äter soppa tillsammans i en lokal som föreningarna redan har.",
        "service",
        "new_to_us",
        "radical",
        False,
        "Härligt initiativ som bygger på det som redan finns i kvarteret.",
    ),
    (
        1,
        "Promenadvänner via Röda korset",
        "Frivilliga som går en fast promenad med samma person varje vecka.",
        "service",
        "new_to_us",
        "incremental",
        False,
        "",
    ),
    (
        2,
        "Surfplatta med en enda knapp för videosamtal",
        "En förenklad surfplatta där anhöriga och hemtjänsten kan ringa upp med ett tryck.",
        "product",
        "new_to_us",
        "incremental",
        False,
        "Tack – spännande att pröva tillsammans med brukarna.",
    ),
    (
        2,
        "Digital tillsyn nattetid där brukaren vill",
        "Kamera eller sensor i stället för nattbesök som väcker, alltid med samtycke.",
        "service",
        "new_to_country",
        "radical",
        False,
        "Viktig idé som vi behöver granska noga – tack för att du tog upp den.",
    ),
    (
        2,
        "Röststyrd påminnelse om mat och medicin",
        "En högtalare som påminner med en bekant röst, inspelad av en anhörig.",
        "product",
        "new_to_country",
        "radical",
        True,
        "",
    ),
    (
        3,
        "Sms när besöket blir sent",
        "Automatiskt sms eller samtal till brukaren när personalen blir mer än 15 minuter sen.",
        "service",
        "new_to_us",
        "incremental",
        False,
        "Så enkelt och så viktigt. Tack!",
    ),
    (
        3,
        "Informationsträff för nya brukare och anhöriga",
        "En träff i månaden där nya brukare och anhöriga får möta hemtjänsten och ställa frågor.",
        "method",
        "new_to_us",
        "incremental",
        False,
        "Bra – det ger ett ansikte åt verksamheten från början.",
    ),
    (
        3,
        "Brukarråd för hemtjänsten",
        "Ett råd med brukare och anhöriga som träffar enhetscheferna varje kvartal.",
        "process",
        "new_to_us",
        "incremental",
        False,
        "Tack för att du vill ge brukarna en röst i utvecklingen.",
    ),
    (
        None,
        "Gemensam planering med biståndshandläggaren",
        "Handläggare och hemtjänst planerar tillsammans med brukaren vid första besöket.",
        "process",
        "new_to_us",
        "incremental",
        False,
        "Klokt att börja samarbetet redan vid starten.",
    ),
    (
        None,
        "Äldrelots i varje kommundel",
        "En person som äldre kan ringa om allt som inte är hemtjänstens uppdrag.",
        "service",
        "new_to_us",
        "radical",
        False,
        "",
    ),
    (
        0,
        "Introduktion för vikarier hos brukaren",
        "Nya vikarier går första passet tillsammans med ordinarie personal.",
        "method",
        "new_to_us",
        "incremental",
        False,
        "Tack – det här handlar om trygghet på riktigt.",
    ),
]

#: Words for further ideas when the demo is asked for more than the ones above.
MORE_WHAT = [
    "Frukostträff",
    "Läsecirkel",
    "Trädgårdsgrupp",
    "Telefonvän",
    "Matlåda med lapp",
    "Måltidsvän",
    "Musikstund",
    "Seniorgympa",
    "Hjälp med digitala ärenden",
    "Fixartjänst",
    "Bokbuss",
    "Anhörigkafé",
    "Kvällspromenad",
    "Språkcafé",
    "Stickcafé",
    "Minnesalbum",
]
MORE_WHERE = [
    "i Norra Sjövik",
    "i Hamnområdet",
    "på biblioteket",
    "i kyrkans lokaler",
    "på träffpunkten",
    "i skolans matsal",
    "hemma hos brukaren",
    "i föreningshuset",
    "på vårdcentralen",
    "i Östra byn",
]
MORE_HOW = [
    "tillsammans med PRO",
    "med gymnasieelever",
    "med hjälp av taxibolaget",
    "med frivilliga från Röda korset",
    "med stöd av biblioteket",
    "som pilot under hösten",
    "varannan vecka",
    "med anhöriga som värdar",
]

#: Round 1 of the demo: three dots each, the ideas the room liked best (by index in IDEAS, most
#: liked first), the line after four ideas and why the group settled the tie at it as it did.
ROUND_TITLE = "Vilka idéer ska gå vidare till kritisk genomlysning?"
VOTE_DOTS = 3
FAVOURITES = (0, 10, 3, 1, 5, 7, 13, 4, 11, 8, 14, 2)
SHORTLIST = 4
TIE_REASON = (
    "Lika många prickar. Gruppen enades efter en kort diskussion om att låta den idé gå vidare "
    "som kan prövas först; den andra tas upp igen vid uppföljningen."
)

DEFAULT_IDEAS = len(IDEAS)
DEFAULT_PARTICIPANTS = sum(row[5] for row in PARTICIPANTS)
MAX_IDEAS = 10_000
MAX_PARTICIPANTS = 2_000

#: Pictures on some of the ideas above: (idea title, drawing, caption, words on the picture).
PICTURES: list[tuple[str, str, str, list[str]]] = [
    (
        "Kvarterssoppa en gång i veckan",
        "sticky_note",
        "Lappen från gruppövningen",
        ["Kvarterssoppa!", "Torsdagar kl 12", "PRO-lokalen, Storgatan", "Grannar lagar i tur", "och ordning"],
    ),
    (
        "Veckoschema med foto på dem som kommer",
        "schedule",
        "Skiss: schemat på kylskåpet",
        [
            "Vem kommer i veckan?",
            "Mån",
            "Tis",
            "Ons",
            "Tor",
            "Fre",
            "Amira",
            "Jonas",
            "Amira",
            "Sara",
            "Jonas",
        ],
    ),
    (
        "Surfplatta med en enda knapp för videosamtal",
        "tablet",
        "Skiss av surfplattan med en knapp",
        ["Ring Anna", "Tryck en gång, Anna svarar"],
    ),
]
