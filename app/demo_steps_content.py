"""The text of the demo's steps 4-10: reviews, analyses, a plan, decisions, resources and follow-up.

Two shortlisted ideas go on after the vote: the fixed care contacts all the way to realisation,
the upper-secondary coffee friends back for rework. Days are counted from the workshop's date
(a Tuesday), so the story reads the same whenever the demo is made.
"""

from __future__ import annotations

from decimal import Decimal

#: The idea that goes all the way (GO, resources, follow-up), and the one sent back for rework.
GOING_ON = "Fast omsorgskontakt för varje brukare"
REWORKED = "Fikavänner från gymnasiet"

#: How long ago the workshop was held, in weeks before the demo is made.
WEEKS_AGO = 18

#: A reviewer as a name (a participant named with consent) or as "role|organisation" (one unnamed).
#: (kind, reviewer, text)
GOING_ON_NOTES: list[tuple[str, str, str]] = [
    (
        "strength",
        "Amira Hassan",
        "Brukarna slipper berätta sin historia för nya ansikten varje vecka – det är det de oftast "
        "klagar på.",
    ),
    (
        "strength",
        "Gunnar Åkesson",
        "PRO:s medlemmar nämner kontinuiteten som det viktigaste i hemtjänsten. Idén svarar mot ett "
        "verkligt behov.",
    ),
    (
        "strength",
        "Lena Øverby",
        "Studier av kontinuitet i hemtjänsten visar mindre oro och färre fall när personalen är känd.",
    ),
    ("weakness", "Jonas Berg", "Vid sjukdom och semester räcker inte två personer. Vem tar över då?"),
    (
        "weakness",
        "citizen|",
        "Det är oklart vad brukaren kan göra om det inte fungerar med kontaktpersonen.",
    ),
    (
        "risk",
        "Eva Sjöberg",
        "Schemaläggningen blir tyngre och kan ge personalen fler delade turer.",
    ),
    (
        "risk",
        "Lena Øverby",
        "Om bara några brukare får fasta kontakter kan det uppfattas som orättvist.",
    ),
    (
        "question",
        "Amira Hassan",
        "Hur mäter vi kontinuiteten i dag? Finns det ett mått i planeringssystemet?",
    ),
    ("question", "user|", "Får brukaren vara med och välja sina kontaktpersoner?"),
    (
        "suggestion",
        "Gunnar Åkesson",
        "Börja med en pilot i ett område och fråga brukarna efter tre månader.",
    ),
    (
        "suggestion",
        "Jonas Berg",
        "Låt kontaktpersonerna göra första besöket tillsammans med biståndshandläggaren.",
    ),
]
GOING_ON_RECOMMENDATION = "proceed"
GOING_ON_REASONS = (
    "Gruppen ser ett tydligt behov, och idén har stöd i forskningen. Riskerna kring schemaläggning "
    "och frånvaro prövas i en pilot innan arbetssättet sprids till hela hemtjänsten."
)

#: The rework: a pre-mortem ("a year from now it failed: why?").
REWORKED_NOTES: list[tuple[str, str, str]] = [
    (
        "strength",
        "Lena Øverby",
        "Eleverna som var med tyckte att mötena gav mer än resten av praktiken.",
    ),
    (
        "weakness",
        "Jonas Berg",
        "Besöken byggde på elevernas praktikperiod, som bara varar några veckor – relationerna hann "
        "aldrig växa.",
    ),
    (
        "risk",
        "Amira Hassan",
        "Eleverna visste inte vad de fick berätta om brukarna; tystnadsplikten gicks aldrig igenom.",
    ),
    (
        "risk",
        "civil_society|Röda korset, Sjöviks krets",
        "Det fanns ingen vuxen att ringa när en elev blev orolig för en brukare.",
    ),
    (
        "question",
        "Eva Sjöberg",
        "Ville brukarna själva ha besök av gymnasieelever? Vi frågade dem aldrig.",
    ),
    (
        "suggestion",
        "Gunnar Åkesson",
        "Låt besöken löpa över hela läsåret och para ihop eleverna med frivilliga från PRO eller "
        "Röda korset.",
    ),
]
REWORKED_RECOMMENDATION = "rework"
REWORKED_REASONS = (
    "Idén har stöd, men den behöver omarbetas: besöken ska löpa över hela läsåret, eleverna ska få "
    "en introduktion om tystnadsplikt och brukarna ska tillfrågas först."
)

#: The in-depth analyses: complete for the idea going on, partial for the one being reworked.
GOING_ON_ANALYSIS: dict[str, object] = {
    "benefit": (
        "Tryggare brukare som möter färre olika medarbetare, färre samtal till enheten om vem som "
        "kommer och en bättre arbetsmiljö när personalen känner sina brukare."
    ),
    "beneficiaries": (
        "Brukare med hemtjänst i Norra Sjövik (cirka 140 personer), deras anhöriga och personalen i "
        "Hemtjänsten Norra."
    ),
    "cost_hours": Decimal("410"),
    "cost_money": Decimal("185000"),
    "external_information": (
        "Kontinuitetsmåttet i Socialstyrelsens brukarundersökning; erfarenheter från två grannkommuner "
        "som infört fasta kontaktpersoner i hemtjänsten."
    ),
    "rights": "Inga immateriella rättigheter berörs. Rutinen och materialet delas fritt med andra kommuner.",
    "financing": (
        "Piloten ryms till största delen i ordinarie budget; 185 000 kr söks ur nämndens "
        "utvecklingsmedel för schemaläggning och utvärdering."
    ),
    "skills": (
        "Schemaläggarna behöver lära sig planeringssystemets funktion för kontinuitet; enhetscheferna "
        "behöver stöd i uppföljningen."
    ),
    "partners": "PRO Sjövik, och Högskolan i Norrvik (vårdvetenskap) som hjälper till med utvärderingen.",
}
REWORKED_ANALYSIS: dict[str, object] = {
    "benefit": "Mindre ensamhet för äldre och en meningsfull praktik för eleverna.",
    "beneficiaries": "Äldre med hemtjänst som vill ha sällskap; elever på vård- och omsorgsprogrammet.",
    "external_information": "Samtal med Sjövikens gymnasium om hur praktikperioderna är lagda under läsåret.",
}

#: The development plan of the idea going on.
PLAN: dict[str, str] = {
    "concept": (
        "Varje brukare i Hemtjänsten Norra får två namngivna kontaktpersoner som gör minst hälften av "
        "besöken. Piloten pågår i sex månader och utvärderas tillsammans med brukarna innan arbetssättet "
        "sprids till Hemtjänsten Söder."
    ),
    "factors": (
        "Personalomsättning och sjukfrånvaro; hur planeringssystemet stöder fasta kontakter; brukarnas "
        "egna önskemål; de fackliga organisationernas syn på delade turer."
    ),
    "responsible": "Eva Sjöberg, verksamhetschef hemtjänsten",
    "mandate": (
        "Verksamhetschefen får ändra schemaläggningen i Hemtjänsten Norra under pilotperioden inom "
        "beviljade medel."
    ),
    "risk_bearer": "Vård- och omsorgsförvaltningen",
    "pilot_plan": (
        "Pilot i Hemtjänsten Norra i sex månader. Kontinuiteten mäts varje månad och jämförs med "
        "Hemtjänsten Söder."
    ),
    "user_involvement": (
        "Brukarna får önska kontaktpersoner vid start och intervjuas efter tre och sex månader. "
        "PRO Sjövik deltar i utvärderingen."
    ),
    "operations_handover": (
        "Faller piloten väl ut skrivs arbetssättet in i hemtjänstens rutiner och införs i Hemtjänsten "
        "Söder under nästa år."
    ),
}

#: The plan's actions: (title, owner, due in days after the workshop, status, followed up within).
#: The third is still in progress two weeks after its date: overdue whenever the demo is made.
ACTIONS: list[tuple[str, str, int, str, str]] = [
    ("Ta fram en rutin för fasta kontaktpersoner", "Amira Hassan", 7 * 8, "done", "2 veckor"),
    (
        "Ställ in kontinuitetsmåttet i planeringssystemet",
        "Schemaläggare, Hemtjänsten Norra",
        7 * 10,
        "done",
        "2 veckor",
    ),
    ("Informera brukare och anhöriga om piloten", "Jonas Berg", 7 * 16 + 3, "in_progress", "4 veckor"),
    (
        "Intervjua brukarna efter tre månader",
        "Lena Øverby, Högskolan i Norrvik",
        7 * 22,
        "not_started",
        "nästa uppföljning",
    ),
    ("Besluta om införande i Hemtjänsten Söder", "Eva Sjöberg", 7 * 30, "not_started", "vid pilotens slut"),
]

#: The committee's meeting, in days after the workshop (a Wednesday), and its first § for these.
MEETING_DAYS = 7 * 6 + 1
DECIDED_BY = "Vård- och omsorgsnämnden"
FIRST_PARAGRAPH = 27
GO_REASONS = (
    "Nämnden ställer sig bakom utvecklingsplanen. Idén fick flest prickar i idéverkstaden, och den "
    "kritiska genomlysningen rekommenderade att gå vidare."
)
GO_LESSONS = "Förvaltningen redovisar piloten och lärdomarna för nämnden efter sex månader."
POSTPONED_REASONS = (
    "Nämnden avvaktar den omarbetade idén. Gymnasieskolan ska först bekräfta att besöken kan ingå i "
    "elevernas praktik under hela läsåret, och frågan om tystnadsplikt ska vara utredd."
)

#: Resources on the GO, given by the responsible leader a week after the meeting:
#: (kind, amount, description).
ALLOCATED_AFTER_DAYS = MEETING_DAYS + 8
ALLOCATED_BY = "Eva Sjöberg, verksamhetschef hemtjänsten"
RESOURCES: list[tuple[str, Decimal | None, str]] = [
    ("money", Decimal("180000"), "Utvecklingsmedel för schemaläggning och utvärdering under piloten."),
    ("hours", Decimal("320"), "Tid för schemaläggare och kontaktpersoner att komma i gång med arbetssättet."),
    (
        "support",
        None,
        "Kommunikationsenheten hjälper till med informationsbrevet till brukare och anhöriga.",
    ),
]

#: Follow-up meetings on the plan: (days after the workshop, text, status).
AUTHOR = "Karin Lindqvist"
CHECK_INS: list[tuple[int, str, str]] = [
    (
        7 * 11 + 1,
        "Rutinen är klar och kontinuitetsmåttet syns i planeringssystemet. 46 av 140 brukare har fått "
        "sina kontaktpersoner.",
        "enligt plan",
    ),
    (
        7 * 15 + 3,
        "Sjukfrånvaro i två arbetslag gör att kontaktpersonerna inte hinner med alla sina besök, och "
        "informationsbrevet till anhöriga är försenat. Verksamhetschefen tar in en extra schemaläggare "
        "i fyra veckor.",
        "försenad",
    ),
]
LESSON_DAYS = 7 * 15 + 3
LESSON = (
    "Bjud in schemaläggarna redan till idéverkstaden: de vet vad som går att planera och hade kunnat "
    "förutse problemen med frånvaro."
)
LESSONS_SUMMARY = (
    "Idéverkstaden gav många idéer om kontinuitet och gemenskap. Att medarbetare, brukare och "
    "föreningar granskade idéerna tillsammans gjorde riskerna tydliga tidigt.\n\n"
    "Till nästa gång: bjud in schemaläggare och gymnasieskolan från början."
)
#: The next follow-up meeting, in days after the workshop (three weeks or so after the demo is made).
NEXT_FOLLOW_UP_DAYS = 7 * 21
