"""Unseen questions about the seeds: written by a second engineer who read the five
documents, without looking at how the engine answers, in the style of the dev set.

Other facts and other wording than tests/test_questions_dev.py and
tests/test_questions_heldout.py; ten questions share the documents' vocabulary but
nothing in them answers the question (they must be declined).

First run, before any engine change (this file as written): 36/50 right (72 %): 26 of
the 40 answerable right, 9 answerable declined, 10 of 10 unanswerable declined.

LATER_CASES (written after the first round of engine changes, run once before the next):
19/27 right (70 %): 15 of 22 answerable right (2 declined), 4 of 5 unanswerable declined.

After the second round (general mechanisms only): CASES 47/50 (94 %, 1 answerable declined,
no unanswerable answered); LATER_CASES 21/27 (78 %, 1 answerable declined, 1 unanswerable
answered). The later batch is the fairer estimate of questions nobody has seen.

THIRD_CASES (session 2, a third reader who saw neither the engine nor the questions above;
60 questions, 12 unanswerable), run once before any change: 35/60 right (58 %): 18
answerable declined, 3 unanswerable answered. Most declines came from everyday words the
minutes never use ("Hvor lå …", "Hvad bad vi …", "lagt på is"), the reason for
minutes/lexicon.py. After the session's general changes: 45/60 (75 %), 6 answerable
declined, 3 unanswerable answered.

FOURTH_CASES (session 2, a fourth reader, written after those changes and run once before
any further change): 25/40 right (62 %): 9 answerable declined, 3 of 8 unanswerable
answered. This is the honest estimate for questions nobody has seen; the aim of 95 % is
not met. After session 3's general changes (school years "19/20", numbers with leading
zeros, "dialogmødet den …" no meeting date, "konklusionen"/"opsummere" framing, the
committee written as one word, synonyms of a verb's base form): 30/40 (75 %); third
45/60 (75 %). The floors below guard these against regressions; they are not the aim.
Later in session 3: third 50/60 (83 %), fourth 32/40 (80 %).

FIFTH_CASES (session 3, a fifth reader who saw neither the engine nor the questions above;
50 questions, 10 unanswerable), run once after session 3's changes and before any other:
37/50 right (74 %): 2 answerable declined, 4 of 10 unanswerable answered. This is the
current honest estimate. One general change afterwards ("hvorfor" quotes a sentence that
gives a reason): third 51/60, fifth 38/50.

SIXTH_CASES and SEVENTH_CASES (session 4, two more readers who saw neither the engine nor
any question above; 60 questions each, 12 unanswerable). The sixth was run once after the
session's first changes ("hvem" needs someone named, "hvor mange ekstra X" counts X, an
attachment cites the item it is filed under, title words count more): 50/60 (83 %), 1
answerable declined, 3 unanswerable answered. The seventh was run once after all of the
session's changes: 44/60 (73 %), 4 answerable declined, 6 unanswerable answered; it has
informal wording and typos. Together with the fifth batch these are the honest estimate:
between 73 % and 83 % right at the first answer. The 95 % aim is not met.

EIGHTH_CASES, NINTH_CASES and TENTH_CASES (session 5, three more readers who saw neither
the engine nor any question above; 60 questions each, 12 unanswerable). The eighth was run
once before any of the session's changes: 44/60 (73 %), 7 answerable declined, 4
unanswerable answered. The ninth (typos, informal wording) was run once after the first
round of changes (frequency, place-less "hvor høj", idioms, particles, descriptions):
39/60 (65 %), 5 answerable declined, 5 unanswerable answered. The tenth was run once after
the second round (typos, "hvor blev … holdt", "hvem er leder" needs a person, "hvilke
fire X" needs a list, reasons given before "på baggrund af"): 53/60 (88 %), 3 answerable
declined, 1 unanswerable answered. ELEVENTH_CASES (a sixth reader of session 5's kind) was
run once after the third round (a long word finds the minutes' own misspelling, "kommer …
tilbage", the event verb of "hvornår skal X godkende", initials spelled out, record fields,
the tail of an Aarhus document): 43/60 (72 %), 10 answerable declined, 3 unanswerable
answered. TWELFTH_CASES, written by a seventh reader of session 5, was run once after all
of the session's changes: 52/60 (87 %), 4 answerable declined, no unanswerable answered.
Across session 5's five batches the first runs were 73 %, 65 %, 88 %, 72 % and 87 %. The
95 % aim is still not met.
"""

from __future__ import annotations

import pytest

from minutes.answer import QuestionEngine
from tests.questions_support import engine, score_cases, seeded_url

__all__ = ["engine", "seeded_url"]  # fixtures

# (question, seed prefix or None to decline, item number or None, phrases one of which
# must be in the answer)
CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    # Hedensted, 2 March 2020
    ("Hvem fremlægger de nyeste kortlægningsresultater for dagtilbud og skole?",
     "000", 21, ("Lone Roesen", "Finn Gatten")),
    ("Hvor mange dagtilbud deltager i programmet for læringsledelse?", "000", 21, ("175",)),
    ("Hvad ønskede udvalget sig efter orienteringen om Styrke på Tværs?",
     "000", 20, ("overslag",)),
    ("Hvornår skal byrådet behandle kvalitetsrapporten?", "000", 22, ("marts",)),
    ("Hvor mange millioner bevilgede A.P. Møller fonden til Program for læringsledelse?",
     "000", 21, ("21 millioner",)),
    ("Hvor mange penge kom fra Sundhedsstyrelsen til projektet om de første 1000 dage?",
     "000", 20, ("1.2",)),
    ("Deltager alle udvalgsmedlemmer i seminaret 5.-6. marts?",
     "000", 23, ("udvalgsmedlemmer deltager",)),
    # Hedensted, 30 November 2020
    ("For hvilken aldersgruppe skal anonym rådgivning hos private aktører gælde?",
     "001", 91, ("13-25",)),
    ("Hvorfor blev den anden konference i Småbørnsløftet aflyst?", "001", 92, ("COVID",)),
    ("Hvor mange penge sættes af til Fælles om børn i dagtilbud?", "001", None, ("100.000",)),
    ("Hvilke kriterier er vigtige for at den nye dagplejestruktur lykkes?",
     "001", 94, ("dagplejere", "kapacitet", "lokalområde")),
    ("Hvordan endte sagen om de 10 mio. til skoleområdet?", "001", 95, ("undtagelse",)),
    ("Hvem skal have besked om beslutningen om dagplejens midler?",
     "001", 93, ("Dagplejelederen",)),
    ("Fra hvornår skal den nye organisering af dansk som andetsprog gælde?",
     "001", 96, ("august 2021",)),
    ("Hvad stod der på dagsordenen den 30. november 2020?", "001", None, ("småbørnsløftet",)),
    ("Hvornår godkendte udvalget første gang afprøvningen i Glud og Daugård?",
     "001", 94, ("5. december 2018",)),
    ("Blev udvalgsseminaret i marts 2021 aflyst?", "001", 97, ("primo maj", "fastholder")),
    ("Hvor meget blev der afsat til handleteam og styrket visitation?", "001", 95, ("1.500",)),
    # Hedensted, 12 April 2023
    ("Hvor mange børn må der højst være pr. voksen i vuggestuerne?", "002", 27, ("3 børn",)),
    ("Hvornår godkendte Sundhedssamarbejdsudvalget udkastet til aftalen om amning?",
     "002", 25, ("19. december 2022",)),
    ("Hvem mødes i september ifølge den nye model for dialogmøder?",
     "002", 26, ("bestyrelsesformænd",)),
    ("Hvorfor kan Tofteskovens Børnehuse ikke samles på én matrikel?",
     "002", 28, ("børnetal", "tilflyttere")),
    ("Hvor mange kommuner deltog i alt i Ungeprofilundersøgelsen på landsplan?",
     "002", 29, ("35",)),
    ("Hvilke klassetrin svarede på Ungeprofilundersøgelsen?", "002", 29, ("7.-9.",)),
    ("Fra hvornår kommer pengene til minimumsnormeringer via bloktilskuddet?",
     "002", 27, ("Fra 2024",)),
    ("Hvem er værter for dialogmøderne med bestyrelserne?", "002", 26, ("værter",)),
    # Aarhus, rådmandsmøde and its attachments
    ("Hvem holdt oplæg om Flere i folkeskolen på rådmandsmødet?",
     "003", 2, ("RS og KMOM", "Rikke Slot")),
    ("Hvad besluttede rådmanden om egenskoleandelen i folkeskolerne?", "003", 2, ("godkendte",)),
    ("Hvor mange høringssvar handlede om dagtilbudsområdet?", "003", None, ("39",)),
    ("Hvor mange læringssamtaler skal der holdes i en toårig periode?", "003", None, ("fire",)),
    ("Hvor mange ledelsesopfølgninger om året lægger rammen op til?",
     "003", None, ("6 årlige", "seks")),
    ("Hvad går trilledagtilbud ud på?", "003", None, ("ladcykel",)),
    ("Hvor mange fuldtidsstillinger foreslås til den nye uddannelsesenhed?",
     "003", None, ("3 fuldtidsstillinger",)),
    ("Hvor mange penge af innovationsmidlerne går til klima og bæredygtighed?",
     "003", None, ("500.000", "0,5 mio")),
    ("Hvad skulle rettes i materialet til børn og unge-udvalgsmødet?", "003", 4, ("2. juni",)),
    ("Hvem følger op på evalueringen af de administrative fællesskaber?",
     "003", 3, ("HP følger op",)),
    # Hedensted action plan (004)
    ("Hvor stor ubalance forventes der på skoleområdet i 2023?", "004", None, ("20 mio",)),
    ("Hvilke skoler får fælles økonomiansvar i skoleklyngen om Skolen i Midten?",
     "004", None, ("Hornsyld",)),
    ("Hvornår oprettes der en erhvervsklasse på Hedensted Skole?", "004", None, ("2023-24",)),
    ("Hvilke modeller peger KL på til styring af udgifterne til specialundervisning?",
     "004", None, ("Central pulje", "samarbejdsmodel")),
    # nothing in the documents answers these
    ("Hvad besluttede udvalget om mobiltelefoner i skolerne?", None, None, ()),
    ("Hvor mange børn står på venteliste til vuggestue i Hedensted?", None, None, ()),
    ("Hvornår skal Stouby Skole renoveres?", None, None, ()),
    ("Hvad blev besluttet om åbningstiderne i daginstitutionerne?", None, None, ()),
    ("Hvor meget stiger forældrebetalingen i børnehaverne i 2024?", None, None, ()),
    ("Hvem blev ansat som ny skoleleder på Hedensted Skole?", None, None, ()),
    ("Hvad besluttede rådmanden om lukning af en folkeskole i Aarhus?", None, None, ()),
    ("Hvad har udvalget besluttet om skolebuskørsel til Tørring Skole?", None, None, ()),
    ("Hvad koster en plads i SFO om måneden?", None, None, ()),
    ("Hvor mange lærere mangler der på skolerne i Aarhus?", None, None, ()),
]


# A second batch, written after the engine changes that the first batch led to, and run
# once before any further change (see the module docstring): an estimate that is not
# tuned to its own questions.
LATER_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    ("Hvem leder Program for læringsledelse?", "000", 21, ("LSP", "Aalborg Universitet")),
    ("Hvor mange lærere og pædagoger deltog i programmet for læringsledelse?",
     "000", 21, ("10.000",)),
    ("Hvornår afrundes deltagelsen i Program for læringsledelse?", "000", 21, ("medio 2020",)),
    ("Hvad har man gode erfaringer med i Styrke på Tværs?",
     "000", 20, ("forældrekurser", "screening", "Overgangsbesøg", "Samarbejdet")),
    ("Hvad koster kategori B for Barrit Special-SFO og Korning SFO?", "001", 95, ("1.375",)),
    ("Hvornår modtog Hedensted hyrdebrevet om dansk som andetsprog?",
     "001", 96, ("11.november 2020", "11. november 2020")),
    ("Hvilken aldersgruppe har krav på basisundervisning?", "001", 96, ("5-18",)),
    ("Hvem varetager i dag de anonyme ungesamtaler?", "001", 91, ("psykologer",)),
    ("Hvornår blev den første konference i Småbørnsløftet holdt?",
     "001", 92, ("efteråret 2019",)),
    ("Hvor mange dagtilbudsledere deltog i den første konference?", "001", 92, ("seks",)),
    ("Hvem skal have beslutningen om amningsaftalen tilsendt?", "002", 25, ("Fælleskommunalt",)),
    ("Hvornår havde udvalget en indledende drøftelse af dialogmøderne?",
     "002", 26, ("6. marts 2023",)),
    ("Hvad er normeringskravet i børnehaver?", "002", 27, ("6 børn",)),
    ("Hvor mange besvarelser fra hele landet sammenlignes resultaterne med?",
     "002", 29, ("45.953",)),
    ("Hvem leder Ungdomsskolen?", "002", 29, ("Jakob Klode",)),
    ("Hvornår var der høringsperiode for rammen for kvalitetsopfølgning?",
     "003", None, ("16. november",)),
    ("Hvor mange penge får Grønne Spirer?", "003", None, ("100.000",)),
    ("Hvor stor en andel af forældrene i Odense cykler nu på arbejde?", "003", None, ("75",)),
    ("Hvad blev der orienteret om under eventuelt på rådmandsmødet?",
     "003", 5, ("test i dagtilbud",)),
    ("Hvor mange procent underskud må en skole nærme sig, før der skal laves en handleplan?",
     "004", None, ("5 pct",)),
    ("Hvornår skal forslaget om solidarisk reduktion præsenteres for udvalget?",
     "004", None, ("juni 2023",)),
    ("Hvilke skoler skal formalisere deres samarbejde om mellemformer?",
     "004", None, ("Stjernevej", "Løsning")),
    ("Hvad besluttede udvalget om lektiecafé på skolerne?", None, None, ()),
    ("Hvor mange pædagoger skal ansættes i dagplejen i 2024?", None, None, ()),
    ("Hvornår åbner den nye børnehave i Juelsminde?", None, None, ()),
    ("Hvad koster skolemælk?", None, None, ()),
    ("Hvem er skoleleder på Løsning Skole?", None, None, ()),
]



# A third batch by a third reader (session 2): written from the five documents and the dev
# set only, without seeing the engine or the questions above; run once before any change
# (see the module docstring for that score).
THIRD_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    ('Hvilke punkter var på dagsordenen, da Udvalget for Læring mødtes i marts 2020?',
     '000', None, ('Erhvervscampus', 'Kvalitetsrapport for folkeskolen', 'Styrke på Tværs')),
    ('Hvem stod for oplægget om erhvervscampus?', '000', 19, ('Petter Hüttel',)),
    ('Hvor mange mio. fik Styrke på tværs fra Sundhedsstyrelsen?', '000', 20, ('3.7 mil.kr',)),
    ('hvor meget skal kommunen selv finansiere af 1000 dages-projektet med sundhedsplejen?',
     '000', 20, ('0,936 mil.kr',)),
    ('Hvad bad vi forvaltningen om efter midtvejsevalueringen af Styrke på Tværs?',
     '000', 20, ('overslag', 'Stor ros')),
    ('Hvordan er det gået med screeningen af de 3½-årige?',
     '000', 20, ('stor succes', 'ressourcekrævende')),
    ('Hvor stort et beløb bevilgede A.P. Møller Fonden til læringsledelsesprogrammet?',
     '000', 21, ('21 millioner',)),
    ('Hvornår er deadline for at vedtage kvalitetsrapporten på skoleområdet?',
     '000', 22, ('31. marts',)),
    ('Blev kvalitetsrapporten 2019-20 sendt videre på mødet i marts 2020?',
     '000', 22, ('anbefales godkendt', 'byrådsbehandling i marts')),
    ('Hvor lå dialogmødet i starten af marts 2020, og skulle hele udvalget med?',
     '000', 23, ('Stouby Skole', 'Alle udvalgsmedlemmer')),
    ('Hvad behandlede udvalget på mødet sidst i november 2020?',
     '001', None, ('Anonyme samtaler', 'småbørnsløftet', 'dansk som andetsprog')),
    ('Hvor mange penge er der afsat i 2021 til at udvide de anonyme samtaler for unge med '
     'private aktører?',
     '001', 91, ('1 million',)),
    ('Hvor mange private udbydere vil man lave aftaler med om de anonyme ungesamtaler?',
     '001', 91, ('3-5 udbydere',)),
    ('Hvorfor går kommunen ikke med i flere initiativer under Småbørnsløftet?',
     '001', 92, ('lille effekt', 'ikke været i det omfang')),
    ('Hvordan bliver de 2 mio. til dagplejen fordelt fremover?',
     '001', 93, ('1, 5 mio.', '400.000 kr.', '100.000 kr.')),
    ('Kører forsøget med Fælles om børn videre i Glud i 2021?',
     '001', 94, ('fortsætter i Glud', 'Alle indstillingspunkter godkendt')),
    ('Hvilken post blev ikke godkendt, da vi fordelte de 10 mio. til skoleområdet?',
     '001', 95, ('1.375.000', 'Barrit special SFO')),
    ('Hvor meget af de 10 millioner er øremærket segregeret specialundervisning?',
     '001', 95, ('3.500',)),
    ('Hvad skal forvaltningen lave omkring dansk som andetsprog, og hvornår kommer det '
     'tilbage til udvalget?',
     '001', 96, ('11.1.2021', 'central og en lokal')),
    ('Bliver seminaret i marts 2021 aflyst pga. corona?',
     '001', 97, ('fastholder seminaret', 'primo maj')),
    ('Hvem fra udvalget kommer med i byggeudvalget for Skolen i Midten?',
     '001', 99, ('Torsten Sonne Petersen',)),
    ('Hvad var på dagsordenen til udvalgsmødet i april 2023?',
     '002', None, ('amning', 'minimumsnormering', 'Ungeprofilundersøgelsen')),
    ('Hvad koster det cirka at få uddannet en IBCLC-ammekonsulent?', '002', 25, ('80.000 kr.',)),
    ('Sagde vi ja til samarbejdsaftalen med regionen om amning og børns ernæring?',
     '002', 25, ('Indstilling godkendt', 'godkendes')),
    ('Hvor længe anbefaler Sundhedsstyrelsen at man ammer fuldt?', '002', 25, ('6 måneder',)),
    ('Hvornår rykker børnene op i børnehave i Hedensted i dag?',
     '002', 27, ('fylder 2 år og', '11 måneder')),
    ('Hvad blev udfaldet af punktet om minimumsnormeringer på aprilmødet 2023 – kommer det igen?',
     '002', 27, ('maj mødet',)),
    ('Hvorfor kan Tofteskovens Børnehuse alligevel ikke samles på én adresse?',
     '002', 28, ('tilvækst i børnetallet', 'ukrainske')),
    ('Hvor mange besvarelser kom der i ungeprofilundersøgelsen 22-23?',
     '002', 29, ('1.300-1.325',)),
    ('Hvem fremlagde tallene fra ungeprofilundersøgelsen for os?', '002', 29, ('Jakob Klode',)),
    ('Hvad blev aftalt under til orientering den 12. april 2023?',
     '002', 30, ('unge og muligheder i lovgivningen',)),
    ('Hvilke sager var oppe på rådmandsmødet op til børn og unge-udvalgsmødet den 3. marts 2021?',
     '003', None, ('Flere i folkeskolen', 'Administrative Fællesskaber')),
    ('Hvad besluttede rådmanden om afrapporteringen fra Flere i folkeskolen?',
     '003', 2, ('Rådmanden godkendte',)),
    ('Hvornår skal 6-byerne orienteres om Flere i folkeskolen?', '003', 2, ('17. marts',)),
    ('Hvad kom der ud af drøftelsen om evalueringen af de administrative fællesskaber?',
     '003', 3, ('udvalgsbehandling', 'rådmandsbehandling')),
    ('Hvad orienterede MØC om under eventuelt?', '003', 5, ('test i dagtilbud',)),
    ('Hvor mange høringssvar kom der ind på den nye ramme for lokal kvalitetsopfølgning og tilsyn?',
     '003', None, ('91 høringssvar',)),
    ('Hvad blev der pillet ud af kvalitetsrammen efter høringen?',
     '003', None, ('læringsmiljøobservationer',)),
    ('Hvor mange fuldtidsstillinger skal den nye uddannelses-/udviklingsenhed for '
     'dagtilbudspersonale have?',
     '003', None, ('3 fuldtidsstillinger',)),
    ('Hvad går idéen med trilledagtilbud ud på?', '003', None, ('ladcykel',)),
    ('Hvorfor er idéen om grønne tage på Beder Skole lagt på is?',
     '003', None, ('bæreevne', 'tunge')),
    ('Hvor stort et underskud regner man med på skoleområdet i 2023 pga. segregerede elever?',
     '004', None, ('20 mio. kr.',)),
    ('Hvor meget skal skolernes almenramme skæres ned solidarisk i handleplanen for almen '
     'og special?',
     '004', None, ('15 mio. kr.',)),
    ('Hvilke skoler er med i klyngen omkring Skolen i Midten med fælles økonomiansvar?',
     '004', None, ('Hornsyld Skole', 'Rårup Skole', 'Stenderup Skole')),
    ('Hvor skal den nye erhvervsklasse i Hedensted-Løsning-området ligge?',
     '004', None, ('Hedensted Skole',)),
    ('Hvilke enheder skal slås sammen i den nye tværfaglige enhed for læring og trivsel?',
     '004', None, ('(PPR)', 'Pædagogisk Psykologisk', 'Inkluderende Pædagogik')),
    ('Ligger Hedensted over eller under landsgennemsnittet for elever i specialtilbud?',
     '004', None, ('smule over', '6,6%')),
    ('Hvilke modeller nævner KL til at styre udgifterne på specialundervisning?',
     '004', None, ('Central pulje', 'samarbejdsmodel')),
    ('Hvad kommer nybyggeriet af Skolen i Midten til at koste?', None, None, ()),
    ('Hvad viste brugertilfredshedsundersøgelsen blandt skoler og SFO i 2020 – hvor '
     'tilfredse var forældrene?',
     None, None, ()),
    ('Forventede månedsopfølgningen for oktober 2020 et merforbrug, og hvor stort?',
     None, None, ()),
    ('Hvilke temaer valgte udvalget til dialogmøderne i skoleåret 23/24?', None, None, ()),
    ('Hvor meget stiger forældrebetalingen for en vuggestueplads, når minimumsnormeringen '
     'træder i kraft?',
     None, None, ()),
    ('Hvad er egenskoleandelen i Aarhus Kommune i dag?', None, None, ()),
    ('Hvor stor en andel af mødrene i Hedensted ammer fuldt efter 6 måneder?', None, None, ()),
    ('Har udvalget besluttet noget om mobilforbud i folkeskolerne?', None, None, ()),
    ('Hvornår åbner erhvervscampus, og hvor skal den ligge?', None, None, ()),
    ('Hvad blev der besluttet om skolebuskørslen?', None, None, ()),
    ('Hvor mange elever går der på Stouby Skole?', None, None, ()),
    ('Hvem blev ansat som leder af den nye uddannelses-/udviklingsenhed i Aarhus?',
     None, None, ()),
]


# A fourth batch by a fourth reader (session 2, after the changes the third batch led to):
# written from the five documents and the dev set only, run once before any further change
# (see the module docstring).
FOURTH_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    ('Hvad stod der på dagsordenen da Udvalget for Læring mødtes 2. marts 2020?',
     '000', None, ('Erhvervscampus', 'Kvalitetsrapport', 'Styrke på Tværs')),
    ('hvad ville udvalget gerne have mere at vide om styrke på tværs efter midtvejsevalueringen?',
     '000', 20, ('overslag',)),
    ('Hvor mange penge har Sundhedsstyrelsen givet til Styrke på Tværs?',
     '000', 20, ('3.7 mil',)),
    ('Hvor stort et beløb bevilgede A.P. Møller fonden til programmet for læringsledelse?',
     '000', 21, ('21 millioner',)),
    ('Hvad gjorde udvalget med kvalitetsrapporten for skoleåret 19/20 på mødet i marts 2020?',
     '000', 22, ('anbefales godkendt', 'PKØ')),
    ('Hvor blev dialogmødet den 5. marts 2020 holdt?',
     '000', 23, ('Stouby Skole',)),
    ('kan du opsummere hvad læringsudvalget behandlede på mødet sidst i november 2020?',
     '001', None, ('dagplejen', 'dansk som andetsprog', 'Anonyme samtaler')),
    ('Hvad blev konklusionen ang. småbørnsløftet?',
     '001', 92, ('deltager ikke i flere', 'efterretning')),
    ('Hvordan skal de 2 mio. til dagplejen fordeles fremover?',
     '001', 93, ('1, 5 mio', '400.000')),
    ('Blev hele forslaget om de 10 mio. til skoleområdet godkendt i november 2020?',
     '001', 95, ('1.375.000', 'Barrit')),
    ('Hvornår skal udvalget tage stilling til hvordan dansk som andetsprog skal organiseres?',
     '001', 96, ('11.1.2021', '11/1 2021')),
    ('bliver seminaret i marts 2021 til noget pga corona?',
     '001', 97, ('primo maj', 'fastholder seminaret')),
    ('Hvem fra udvalget kommer med i byggeudvalget på Skolen i Midten?',
     '001', 99, ('Torsten Sonne Petersen',)),
    ('Hvilke sager havde udvalget på dagsordenen på mødet i april 2023?',
     '002', None, ('amning', 'Tusindfryd', 'minimumsnormering')),
    ('Hvad koster det at få uddannet en IBCLC ammekonsulent?',
     '002', 25, ('80.000',)),
    ('Hvad blev der besluttet om minimumsnormeringerne på mødet 12. april 2023?',
     '002', 27, ('maj mødet',)),
    ('hvornår rykker børnene op i børnehave i Hedensted i dag?',
     '002', 27, ('2 år og', '11 måneder')),
    ('Hvorfor blev beslutningen om at lukke Tusindfryd rullet tilbage?',
     '002', 28, ('tilvækst i børnetallet', 'ukrainske')),
    ('Hvor mange unge svarede på ungeprofilundersøgelsen 22/23?',
     '002', 29, ('1.300-1.325',)),
    ('Hvad blev aftalt efter orienteringen om personalesituationen på skolerne i april 2023?',
     '002', 30, ('unge og muligheder',)),
    ('Hvilke punkter blev behandlet på rådmandsmødet hvor udvalgsmødet 3. marts 2021 blev '
     'forberedt?',
     '003', None, ('Flere i folkeskolen', 'Administrative Fællesskaber')),
    ('Godkendte rådmanden afrapporteringen om Flere i folkeskolen?',
     '003', 2, ('godkendte',)),
    ('Hvad er næste skridt med evalueringen af de administrative fællesskaber?',
     '003', 3, ('udvalgsbehandling', 'rådmandsbehandling')),
    ('var der noget under eventuelt på rådmandsmødet i 2021?',
     '003', 5, ('test i dagtilbud',)),
    ('Hvor mange høringssvar kom der ind på forslaget til ny ramme for lokal '
     'kvalitetsopfølgning og tilsyn i Aarhus?',
     '003', None, ('91 høringssvar',)),
    ('Hvor mange stillinger skal den nye uddannelses- og udviklingsenhed for dagtilbud have?',
     '003', None, ('3 fuldtidsstillinger',)),
    ('Hvad koster afprøvningen af trilledagtilbud i alt?',
     '003', None, ('479.377', '454.857')),
    ('Hvor stort forventes underskuddet på det segregerede specialområde at være i 2023?',
     '004', None, ('20 mio',)),
    ('Hvilke skoler skal afprøve den nye samarbejdsmodel med fælles økonomiansvar?',
     '004', None, ('Hornsyld Skole', 'Rårup Skole')),
    ('hvor meget skal skolernes almenramme skæres for at betale for segregering?',
     '004', None, ('15 mio',)),
    ('Hvad skal den nye tværfaglige enhed for læring og trivsel bestå af?',
     '004', None, ('PPR', 'Team for Inkluderende')),
    ('Hvorfor dækker handleplanen for almen og special også dagtilbud og ikke kun skolerne?',
     '004', None, ('inden skolestart',)),
    ('Hvor mange børn er der plads til i Børnehaven Tuen?',
     None, None, ()),
    ('Hvad kommer byggeriet af Skolen i Midten til at koste?',
     None, None, ()),
    ('Hvad var karaktergennemsnittet ved 9. klasses prøverne i Hedensted ifølge '
     'kvalitetsrapporten 2019-20?',
     None, None, ()),
    ('Hvem vandt udbuddet om anonyme rådgivningssamtaler til unge?',
     None, None, ()),
    ('Hvad besluttede udvalget om børnehavestart og minimumsnormering på mødet i maj 2023?',
     None, None, ()),
    ('Hvor mange ukrainske børn er startet i Tofteskovens Børnehuse?',
     None, None, ()),
    ("Hvor tilfredse var forældrene med SFO'erne i brugertilfredshedsundersøgelsen i 2020?",
     None, None, ()),
    ("Hvad er egenskoleandelen i Aarhus' folkeskoler lige nu?",
     None, None, ()),
]

FIFTH_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    # 000 - Hedensted, Udvalget for Læring, møde 2. marts 2020 (pkt. 19-23)
    ("Hvem stod for orienteringen om Erhvervscampus?", "000", 19, ("Petter Hüttel",)),
    ("hvor mange penge har Sundhedsstyrelsen givet til Styrke på Tværs?", "000", 20, ("3.7 mil",)),
    ("Hvad bad udvalget om efter orienteringen om Styrke på Tværs i marts 2020?",
     "000", 20, ("overslag",)),
    ("hvor mange kommuner var med i Program for læringsledelse?", "000", 21, ("13",)),
    ("Blev kvalitetsrapporten for folkeskolen 2019-20 godkendt af Udvalget for Læring?",
     "000", 22, ("anbefales godkendt", "PKØ")),
    ("Hvad er deadline for at vedtage kvalitetsrapporten for folkeskolen?",
     "000", 22, ("31. marts",)),
    ("Skal hele udvalget med på seminaret 5.-6. marts 2020?",
     "000", 23, ("Alle udvalgsmedlemmer",)),
    ("Hvad blev behandlet på mødet i Udvalget for Læring den 2. marts 2020?",
     "000", None, ("Erhvervscampus", "Kvalitetsrapport", "Styrke på Tværs")),

    # 001 - Hedensted, Udvalget for Læring, møde 30. november 2020 (pkt. 91-100)
    ("Hvor mange penge er der sat af i budget 2021 til at udvide de anonyme samtaler "
     "for unge med private aktører?",
     "001", 91, ("1 million",)),
    ("hvorfor vil kommunen ikke deltage i flere initiativer i Småbørnsløftet?",
     "001", 92, ("lille effekt", "ikke været i det omfang")),
    ("Hvor meget af de 2 mio. til dagplejen skal bruges på fleksible løsninger ift. kapacitet?",
     "001", 93, ("400.000",)),
    ("Hvor skal afprøvningen af Fælles om børn i dagtilbud fortsætte i 2021?",
     "001", 94, ("Glud",)),
    ("Blev hele forslaget til udmøntning af de 10 mio. på skoleområdet godkendt?",
     "001", 95, ("1.375.000", "kategori B")),
    ("Hvornår skal forslaget om den fremtidige organisering af dansk som andetsprog "
     "på som beslutningssag?",
     "001", 96, ("11.1.2021", "11/1 2021")),
    ("Hvad blev der besluttet om udvalgsseminaret i marts 2021?", "001", 97, ("primo maj",)),
    ("hvem fra udvalget kommer med i byggeudvalget for Skolen i Midten?",
     "001", 99, ("Torsten Sonne Petersen",)),

    # 002 - Hedensted, Udvalget for Læring 2022-2025, møde 12. april 2023 (pkt. 25-31)
    ("Hvad koster det ca. at uddanne én IBCLC-ammekonsulent?", "002", 25, ("80.000",)),
    ("Godkendte udvalget samarbejdsaftalen med Region Midtjylland om amning og barnets ernæring?",
     "002", 25, ("godkendt",)),
    ("Hvornår rykker børnene op i børnehave i Hedensted i dag?", "002", 27, ("11 måneder",)),
    ("hvorfor blev lukningen af Tusindfryd i Tofteskovens Børnehuse rullet tilbage?",
     "002", 28, ("tilvækst i børnetallet", "ukrainske", "tilflyttere")),
    ("Hvor mange besvarelser fik kommunen i Ungeprofilundersøgelsen 2022-23?",
     "002", 29, ("1.300-1.325",)),
    ("Hvem fremlagde resultaterne fra ungeprofilundersøgelsen for udvalget?",
     "002", 29, ("Jakob Klode", "Damgaard")),
    ("Hvad blev behandlet på mødet i Udvalget for Læring den 12. april 2023?",
     "002", None, ("amning", "minimumsnormering", "Tofteskovens")),

    # 003 - Aarhus, Børn og Unge, rådmandsmøde (forberedelse af udvalgsmøde 3. marts 2021) med
    # bilag:
    # byrådsindstilling + ramme for lokal kvalitetsopfølgning og tilsyn (pkt. 2), høringsopsamling,
    # notat om fremtidig arbejdskraft i dagtilbud (intet punktnr.),
    # klimamemo/trilledagtilbud/0,5 mio. (pkt. 4)
    ("Hvad besluttede rådmanden om afrapporteringen for Flere i folkeskolen?",
     "003", 2, ("godkendte",)),
    ("Hvem deltog i punktet om evaluering af de administrative fællesskaber?",
     "003", 3, ("Flemming Staub",)),
    ("Hvad skulle rettes i materialet til børn og unge-udvalgsmødet den 3. marts 2021?",
     "003", 4, ("2. juni",)),
    ("hvad orienterede MØC om under eventuelt?", "003", 5, ("test i dagtilbud",)),
    ("Hvor mange høringssvar kom der ind om den nye ramme for lokal kvalitetsopfølgning og tilsyn?",
     "003", 2, ("91",)),
    ("Hvorfor blev læringsmiljøobservationerne taget ud af rammen for kvalitetsopfølgning?",
     "003", 2, ("ressourcetræk",)),
    ("Hvornår skal den nye ramme for kvalitetsopfølgning og tilsyn evalueres?",
     "003", 2, ("foråret 2024",)),
    ("Hvornår skal trilledagtilbud afprøves i praksis?", "003", 4, ("august",)),
    ("hvor mange penge af de 500.000 kr. til klima går til Grønne Spirer i dagtilbud?",
     "003", 4, ("100.000",)),
    ("Hvor mange fuldtidsstillinger skal den nye uddannelses-/udviklingsenhed for "
     "dagtilbud i Aarhus have?",
     "003", None, ("3 fuldtidsstillinger",)),

    # 004 - Hedensted, handleplan for balancen mellem almen og special (ingen punktnumre)
    ("Hvor stor en ubalance forventer man på skoleområdet i 2023 pga. segregerede elever?",
     "004", None, ("20 mio",)),
    ("hvorfor er der økonomisk ubalance på skoleområdet ifølge handleplanen for almen og special?",
     "004", None, ("segregerede elever", "udgiftsniveau")),
    ("Hvilke skoler skal have fælles økonomiansvar i skoleklyngen om Skolen i Midten?",
     "004", None, ("Hornsyld", "Rårup", "Stenderup")),
    ("Hvor meget skal skolernes almenramme skæres solidarisk?", "004", None, ("15 mio",)),
    ("Hvor skal der oprettes en erhvervsklasse fra skoleåret 2023-24?",
     "004", None, ("Hedensted Skole",)),
    ("Hvornår holdt Udvalget for Læring temadag om balancen mellem almen og special?",
     "004", None, ("23. januar 2023",)),
    ("Hvilke enheder skal samles i den nye tværfaglige enhed for læring og trivsel?",
     "004", None, ("PPR", "CPU", "TIP")),

    # Ubesvarelige - lyder som om de hører til referaterne, men intet i dokumenterne svarer på dem
    ("Hvor mange unge står på venteliste til ungesamtalerne hos PPR?", None, None, ()),
    ("Hvad kommer Erhvervscampus til at koste kommunen?", None, None, ()),
    ("Hvilke skoler skal have megaklasserne?", None, None, ()),
    ("Hvor mange ekstra dagplejere skal ansættes pga. minimumsnormeringen?", None, None, ()),
    ("Hvad var karaktergennemsnittet i dansk ved 9.-klasseprøven i Hedensted i 2019?",
     None, None, ()),
    ("Hvem er blevet leder af den nye uddannelses-/udviklingsenhed i Børn og Unge i Aarhus?",
     None, None, ()),
    ("Hvor mange pladser er der i Børnehuset Tuen?", None, None, ()),
    ("Hvad besluttede udvalget om skolernes ferieplan for skoleåret 2021/22?", None, None, ()),
    ("Hvor mange elever går i Basen på Tørring Skole?", None, None, ()),
    ("Hvad blev besluttet om minimumsnormeringen på majmødet 2023?", None, None, ()),
]


@pytest.mark.asyncio(loop_scope="module")
async def test_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, CASES, "unseen")
    assert accuracy >= 0.9, "\n".join(wrong)
    assert answered_unanswerable == 0, "\n".join(wrong)


@pytest.mark.asyncio(loop_scope="module")
async def test_later_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, _, wrong = await score_cases(engine, LATER_CASES, "later")
    assert accuracy >= 0.75, "\n".join(wrong)



@pytest.mark.asyncio(loop_scope="module")
async def test_third_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, THIRD_CASES, "third")
    assert accuracy >= 0.72, "\n".join(wrong)  # a floor against regressions, not the aim
    assert answered_unanswerable <= 3, "\n".join(wrong)


@pytest.mark.asyncio(loop_scope="module")
async def test_fourth_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, FOURTH_CASES, "fourth")
    assert accuracy >= 0.72, "\n".join(wrong)  # a floor against regressions, not the aim
    assert answered_unanswerable <= 3, "\n".join(wrong)


@pytest.mark.asyncio(loop_scope="module")
async def test_fifth_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, FIFTH_CASES, "fifth")
    assert accuracy >= 0.72, "\n".join(wrong)  # a floor against regressions, not the aim
    assert answered_unanswerable <= 4, "\n".join(wrong)


SIXTH_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    # 000: Hedensted Kommune, Udvalget for Læring, møde 2. marts 2020 (pkt. 19-23)
    ("Hvem stod for orienteringen om Erhvervscampus?", "000", 19, ("Petter Hüttel",)),
    ("Hvor mange penge har Sundhedsstyrelsen givet til Styrke på Tværs?", "000", 20, ("3.7 mil",)),
    ("hvilken aldersgruppe er styrke på tværs rettet mod", "000", 20, ("0-6 år",)),
    ("Hvad bad udvalget om efter midtvejsevalueringen af Styrke på Tværs?",
     "000", 20, ("overslag",)),
    ("Hvor meget skulle kommunen selv finansiere af projektet om sundhedsplejebesøg de første 1000 "
     "dage?",
     "000", 20, ("0,936",)),
    ("Hvor mange millioner gav A.P. Møller fonden til Program for læringsledelse?",
     "000", 21, ("21 millioner",)),
    ("Hvem fremlagde de nyeste kortlægningsresultater fra læringsledelse-programmet?",
     "000", 21, ("Lone Roesen", "Finn Gatten")),
    ("Blev kvalitetsrapporten for folkeskolen 2019-20 godkendt?",
     "000", 22, ("anbefales godkendt", "PKØ")),
    ("Hvad er fristen for at vedtage kvalitetsrapporten?", "000", 22, ("31. marts",)),
    ("Hvad blev behandlet på mødet i Udvalget for Læring den 2. marts 2020?",
     "000", None, ("Erhvervscampus", "Styrke på Tværs", "læringsledelse", "Kvalitetsrapport")),

    # 001: Hedensted Kommune, Udvalget for Læring, møde 30. november 2020 (pkt. 91-100)
    ("Hvor mange penge er der sat af i budget 2021 til at udvide de anonyme samtaler for unge?",
     "001", 91, ("1 million",)),
    ("hvor mange private udbydere skal vælges til den anonyme rådgivning",
     "001", 91, ("3-5 udbydere",)),
    ("Hvornår tilsluttede kommunen sig Småbørnsløftet?", "001", 92, ("7. oktober 2019",)),
    ("Hvorfor blev den anden konference i 'Hvem vil børnene' ikke holdt?",
     "001", 92, ("COVID-19",)),
    ("Hvordan skal de 2 mio. til styrkelse af dagplejen fordeles fremover?",
     "001", 93, ("1, 5 mio.", "400.000 kr.", "100.000 kr.")),
    ("Hvad besluttede udvalget om Fælles om børn i dagtilbud for 2021?",
     "001", 94, ("Alle indstillingspunkter godkendt", "fortsætter i Glud")),
    ("Hvilken del af udmøntningen af de 10 millioner til skoleområdet blev ikke godkendt?",
     "001", 95, ("kategori B", "1.375.000")),
    ("Hvornår skal forvaltningen komme med forslag til organisering af dansk som andetsprog?",
     "001", 96, ("11.1.2021", "11/1 2021")),
    ("Bliver udvalgsseminaret i marts 2021 holdt som planlagt?", "001", 97, ("primo maj",)),
    ("Hvem skal deltage i byggeudvalget for Skolen i Midten?",
     "001", 99, ("Torsten Sonne Petersen",)),

    # 002: Hedensted Kommune, Udvalget for Læring 2022-2025, møde 12. april 2023 (pkt. 25-31)
    ("Hvad koster en IBCLC-uddannelse for en ammekonsulent?", "002", 25, ("80.000 kr",)),
    ("Blev samarbejdsaftalen med Region Midtjylland om amning godkendt?",
     "002", 25, ("Indstilling godkendt",)),
    ("Hvor længe anbefaler Sundhedsstyrelsen at spædbørn bliver ammet fuldt?",
     "002", 25, ("6 måneder",)),
    ("hvor mange måneder for tidligt rykker børnene op i børnehave i forhold til loven om "
     "minimumsnormering",
     "002", 27, ("2 måneder",)),
    ("Hvad skal der ske med sagen om minimumsnormering efter aprilmødet?",
     "002", 27, ("maj mødet",)),
    ("Hvorfor kunne Tofteskovens Børnehuse alligevel ikke samles på én matrikel?",
     "002", 28, ("tilvækst i børnetallet", "tilflyttere", "ukrainske")),
    ("Hvor mange besvarelser kom der i Ungeprofilundersøgelsen 2022-23?",
     "002", 29, ("1.300-1.325",)),
    ("Hvem præsenterede resultaterne fra ungeprofilundersøgelsen for udvalget?",
     "002", 29, ("Jakob Klode",)),
    ("Hvilke punkter var på dagsordenen for læringsudvalgets møde i april 2023?",
     "002", None, ("amning", "Dialogmøder", "minimumsnormering", "Tusindfryd",
                   "Ungeprofilundersøgelsen")),

    # 003: Aarhus Kommune, Børn og Unge, rådmandsmøde (pkt. 1-5) med bilag fra rådmandsmøde 9. marts
    # 2021 (pkt. 2 lokal ramme, pkt. 4 klima)
    ("Hvad besluttede rådmanden om afrapporteringen for Flere i folkeskolen?",
     "003", 2, ("godkendte at-punkt 1", "Rådmanden godkendte")),
    ("Hvornår skal de 6 byer orienteres om Flere i folkeskolen?",
     "003", 2, ("efter den 17. marts",)),
    ("Hvem havde sat evalueringen af de administrative fællesskaber på dagsordenen?",
     "003", 3, ("Hardy Pedersen",)),
    ("hvornår blev spørgeskemaundersøgelsen om administrative fællesskaber lavet",
     "003", 3, ("slutningen af 2020",)),
    ("Hvad blev der orienteret om under eventuelt på rådmandsmødet?",
     "003", 5, ("test i dagtilbud",)),
    ("Hvor mange høringssvar kom der til forslaget om ramme for lokal kvalitetsopfølgning og "
     "tilsyn?",
     "003", 2, ("91 høringssvar",)),
    ("Hvorfor blev læringsmiljøobservationerne taget ud af rammen for kvalitetsopfølgning?",
     "003", 2, ("ressourcetræk",)),
    ("Hvornår skal den nye ramme for kvalitetsopfølgning og tilsyn evalueres?",
     "003", 2, ("foråret 2024",)),
    ("Hvad forventes afprøvningen af trilledagtilbud at koste i alt?", "003", 4, ("479.377",)),
    ("Hvilket udvalgsmøde skal budgettemaet om bæredygtig dannelse behandles på?",
     "003", 4, ("udvalgsmøde den 17. marts",)),

    # 004: Hedensted Kommune, Udvalget for Læring: handleplan for balancen mellem almen og special
    # (uden punktnumre)
    ("Hvor stor en ubalance forventes der på det segregerede specialområde i 2023?",
     "004", None, ("20 mio",)),
    ("Hvor meget skal skolernes almenramme reduceres solidarisk?", "004", None, ("15 mio",)),
    ("Hvilke skoler skal have fælles økonomiansvar i skoleklyngen om Skolen i Midten?",
     "004", None, ("Hornsyld", "Rårup", "Stenderup", "Stouby")),
    ("fra hvornår kommer der en erhvervsklasse på Hedensted Skole", "004", None, ("2023-24",)),
    ("Hvilke tre modeller for styring af udgifterne til specialundervisning peger KL på?",
     "004", None, ("Central pulje", "decentral udlægning", "samarbejdsmodel")),
    ("Hvad er landsgennemsnittet for andelen af elever i specialtilbud?", "004", None, ("6,6%",)),
    ("Hvilke afdelinger skal samles i den nye tværfaglige enhed for læring og trivsel?",
     "004", None, ("PPR", "CPU", "TIP", "Pædagogisk Psykologisk")),
    ("Hvornår holdt udvalget temadag om balancen mellem almen og special?",
     "004", None, ("23. januar 2023",)),
    ("Hvad skal skoler gøre, hvis de nærmer sig 5 pct. i underskud?",
     "004", None, ("handleplan med kompenserende besparelser",)),

    # Unanswerable: the documents do not give the answer
    ("Hvor mange unge står på venteliste til unge samtalerne?", None, None, ()),
    ("Hvilke private aktører blev valgt til at give anonym rådgivning til unge?", None, None, ()),
    ("Hvad vil det koste at udbygge Børnehuset Tuen?", None, None, ()),
    ("Hvad var karaktergennemsnittet i dansk ved 9.-klasseprøverne i Hedensted?", None, None, ()),
    ("Hvor mange elever går i erhvervsklassen på Juelsminde Skole?", None, None, ()),
    ("hvor mange forældre har meldt deres børn til trilledagtilbud", None, None, ()),
    ("Hvor mange lærerstillinger er ubesatte på skolerne lige nu?", None, None, ()),
    ("Hvad bliver taksten for forældrebetaling i SFO i 2024?", None, None, ()),
    ("Hvad har udvalget besluttet om skolebuskørsel og befordring af elever?", None, None, ()),
    ("Er der vedtaget et mobilforbud i folkeskolerne?", None, None, ()),
    ("Hvornår åbner den nye svømmehal?", None, None, ()),
    ("Hvad blev besluttet om sommerferielukning i daginstitutionerne?", None, None, ()),
]


SEVENTH_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    # 000: Hedensted Kommune, Udvalget for Læring, møde 2. marts 2020 (pkt. 19-23)
    ("Hvem gav orienteringen om Erhvervscampus på mødet i marts 2020?",
     "000", 19, ("Petter Hüttel",)),
    ("hvor mange penge har sundhedsstyrelsen givet til styrke på tværs", "000", 20, ("3.7 mil",)),
    ("Hvad viste midtvejsevalueringen af Styrke på Tværs om screeningen af de 3½-årige?",
     "000", 20, ("stor succes", "ressourcekrævende")),
    ("Hvad bad udvalget om, efter at have hørt om Styrke på Tværs?", "000", 20, ("overslag",)),
    ("Hvor stort et beløb bevilgede A.P. Møller fonden til Program for læringsledelse?",
     "000", 21, ("21 millioner",)),
    ("Hvad skete der med punktet om læringsledelse på udvalgsmødet den 3. februar 2020?",
     "000", 21, ("udskydes",)),
    ("Blev kvalitetsrapporten for folkeskolen 2019-20 godkendt?",
     "000", 22, ("anbefales godkendt",)),
    ("Hvornår er fristen for at vedtage kvalitetsrapporten for folkeskolen?",
     "000", 22, ("31. marts",)),
    ("hvornår var der dialogmøde på stouby skole", "000", 23, ("05. marts 2020",)),
    ("Hvad var på dagsordenen til læringsudvalgets møde den 2. marts 2020?",
     "000", None, ("Erhvervscampus", "Styrke på Tværs", "læringsledelse", "Kvalitetsrapport")),

    # 001: Hedensted Kommune, Udvalget for Læring, møde 30. november 2020 (pkt. 91-100)
    ("Hvor mange penge er der sat af i budget 2021 til at udvide de anonyme samtaler for unge?",
     "001", 91, ("1 million",)),
    ("hvor mange private udbydere skal vælges til den anonyme rådgivning",
     "001", 91, ("3-5 udbydere",)),
    ("Hvorfor deltager kommunen ikke i flere initiativer under Småbørnsløftet?",
     "001", 92, ("lille effekt", "ikke været i det omfang")),
    ("Hvor meget af de 2 mio. til dagplejen går til fleksible løsninger i forhold til kapacitet?",
     "001", 93, ("400.000",)),
    ("Hvad går 'Fælles om børn i dagtilbud' ud på?",
     "001", 94, ("dagplejer en del af daginstitutionsledelsen",
                 "gæstepasningen foregår i daginstitutionen")),
    ("Blev hele forslaget til udmøntning af de 10 mio. på skoleområdet godkendt?",
     "001", 95, ("med undtagelse", "1.375.000")),
    ("hvor mange penge gik til segregeret specialundervisning af de 10 mil", "001", 95, ("3.500",)),
    ("Hvornår skal udvalget tage stilling til, hvordan dansk som andetsprog skal organiseres?",
     "001", 96, ("11.1.2021", "11/1 2021")),
    ("Bliver udvalgsseminaret i marts 2021 gennemført pga. corona?",
     "001", 97, ("primo maj", "fastholder seminaret")),
    ("Hvem fra udvalget kommer med i byggeudvalget for Skolen i Midten?",
     "001", 99, ("Torsten Sonne Petersen",)),

    # 002: Hedensted Kommune, Udvalget for Læring 2022-2025, møde 12. april 2023 (pkt. 25-31)
    ("Hvad koster det at uddanne en IBCLC-ammekonsulent?", "002", 25, ("80.000",)),
    ("Hvad skal samarbejdsaftalen om amning og barnets ernæring gerne føre til?",
     "002", 25, ("øget ammefrekvens",)),
    ("Hvad skal der ske i september i den nye model for dialogmøder med bestyrelserne?",
     "002", 26, ("bestyrelsesformænd/næstformænd",)),
    ("hvornår starter børnene i børnehave i hedensted i dag", "002", 27, ("2 år og",)),
    ("Kommer sagen om minimumsnormering tilbage på et senere udvalgsmøde?",
     "002", 27, ("maj mødet", "beslutningsoplæg")),
    ("Hvorfor kan Tofteskovens Børnehuse alligevel ikke samles på en matrikel?",
     "002", 28, ("tilvækst i børnetallet", "ukrainske")),
    ("hvor mange besvarelser var der i ungeprofilundersøgelsen", "002", 29, ("1.300-1.325",)),
    ("Hvem fremlagde resultaterne fra Ungeprofilundersøgelsen for udvalget?",
     "002", 29, ("Jakob Klode",)),
    ("Hvad skal der forberedes til næste møde efter orienteringen om personalesituationen på "
     "skolerne?",
     "002", 30, ("unge og muligheder i lovgivningen",)),
    ("Hvad var på dagsordenen i Udvalget for Læring den 12. april 2023?",
     "002", None, ("amning", "Dialogmøder", "minimumsnormering", "Tusindfryd",
                   "Ungeprofilundersøgelsen")),

    # 003: Aarhus Kommune, Børn og Unge, rådmandsmøder (februar/marts 2021) med bilag
    ("Hvad besluttede rådmanden om afrapporteringen for Flere i folkeskolen?",
     "003", 2, ("godkendte at-punkt 1", "Rådmanden godkendte")),
    ("Hvad blev resultatet af drøftelsen af evalueringen af de administrative fællesskaber?",
     "003", 3, ("udvalgsbehandling",)),
    ("hvad orienterede MØC om under eventuelt", "003", 5, ("test i dagtilbud",)),
    ("Hvor mange høringssvar kom der ind om rammen for lokal kvalitetsopfølgning og tilsyn?",
     "003", 2, ("91 høringssvar",)),
    ("Hvorfor er læringsmiljøobservationerne taget ud af den nye ramme for kvalitetsopfølgning?",
     "003", 2, ("ressourcetræk",)),
    ("Hvornår skal den nye ramme for kvalitetsopfølgning og tilsyn evalueres?",
     "003", 2, ("foråret 2024",)),
    ("hvad går trilledagtilbud ud på?", "003", 4, ("ladcykel",)),
    ("Hvor mange penge regner man med at få fra Klimafonden til at afprøve trilledagtilbud?",
     "003", 4, ("454.857",)),
    ("Hvor mange fuldtidsstillinger skal den nye uddannelses-/udviklingsenhed for dagtilbud have?",
     "003", None, ("3 fuldtidsstillinger",)),

    # 004: Hedensted Kommune, Handleplan for balancen mellem almen og special (0-16 år), 2023 (ingen
    # punktnumre)
    ("Hvor stor en økonomisk ubalance forventes der på det segregerede område i 2023?",
     "004", None, ("20 mio",)),
    ("hvilke skoler er med i skoleklyngen omkring Skolen i Midten",
     "004", None, ("Hornsyld", "Rårup", "Stenderup", "Stouby")),
    ("Hvor meget skal skolernes almenramme reduceres solidarisk med?", "004", None, ("15 mio",)),
    ("Hvor skal der oprettes en ny erhvervsklasse fra skoleåret 2023-24?",
     "004", None, ("Hedensted Skole",)),
    ("Hvilke modeller peger KL på til styring af udgifterne til specialundervisning?",
     "004", None, ("Central pulje", "samarbejdsmodel")),
    ("Hvad er landsgennemsnittet for andelen af elever i specialtilbud?", "004", None, ("6,6%",)),
    ("Hvilke enheder skal samles i den nye tværfaglige enhed for læring og trivsel?",
     "004", None, ("PPR", "CPU", "TIP")),
    ("hvornår var temadagen om balancen mellem almen og speical",
     "004", None, ("23. januar 2023",)),
    ("Hvad skal en skole gøre, hvis den nærmer sig 5 procent i underskud?",
     "004", None, ("handleplan",)),

    # Unanswerable: the documents do not give the answer
    ("Hvad vil det koste at videreføre erfaringerne fra Styrke på Tværs efter projektets udløb?",
     None, None, ()),
    ("Hvilke private aktører blev valgt til at tilbyde de anonyme samtaler til unge?",
     None, None, ()),
    ("hvad viste brugertilfredshedsundersøgelsen blandt skoler og SFO", None, None, ()),
    ("Hvilket karaktergennemsnit fik eleverne i dansk ved 9.-klasseprøverne i kvalitetsrapporten "
     "2019-20?",
     None, None, ()),
    ("Hvilke datoer i maj blev udvalgsseminaret flyttet til?", None, None, ()),
    ("Hvad viste Ungeprofilundersøgelsen om de unges forbrug af alkohol?", None, None, ()),
    ("Hvornår står den nye skolebygning ved Skolen i Midten færdig?", None, None, ()),
    ("Hvor meget stiger forældrebetalingen i daginstitutionerne fra 2024?", None, None, ()),
    ("Hvem blev ansat som projektleder på trilledagtilbud?", None, None, ()),
    ("Hvad har udvalget besluttet om mobilforbud i skolerne?", None, None, ()),
    ("Hvad blev der besluttet om skolebuskørslen i landdistrikterne?", None, None, ()),
    ("hvad koster frokostordningen i børnehaverne om måneden", None, None, ()),
]


@pytest.mark.asyncio(loop_scope="module")
async def test_sixth_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, SIXTH_CASES, "sixth")
    assert accuracy >= 0.8, "\n".join(wrong)  # a floor against regressions, not the aim
    assert answered_unanswerable <= 3, "\n".join(wrong)


@pytest.mark.asyncio(loop_scope="module")
async def test_seventh_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, SEVENTH_CASES, "seventh")
    assert accuracy >= 0.68, "\n".join(wrong)  # a floor against regressions, not the aim
    assert answered_unanswerable <= 6, "\n".join(wrong)

EIGHTH_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    ("Hvor stort et tilskud har Sundhedsstyrelsen givet til projekt Styrke på Tværs?",
     "000", 20, ("3.7",)),
    ("Hvad ønskede udvalget sig efter orienteringen om midtvejsevalueringen af Styrke på Tværs?",
     "000", 20, ("overslag",)),
    ("Hvor meget bevilgede A.P. Møller fonden til Program for læringsledelse?",
     "000", 21, ("21 millioner",)),
    ("Blev kvalitetsrapporten for folkeskolen 2019-20 godkendt på mødet i marts 2020?",
     "000", 22, ("anbefales godkendt", "PKØ")),
    ("Hvor skulle dialogmødet den 5. marts 2020 holdes?", "000", 23, ("Stouby Skole",)),
    ("hvem var formand for læringsudvalget i foråret 2020", "000", None, ("Ole Vind",)),
    ("Hvad blev behandlet på mødet i Udvalget for Læring den 2. marts 2020?",
     "000", None, ("Erhvervscampus", "Kvalitetsrapport", "Styrke på Tværs")),
    ("Hvor mange penge er der sat af i budget 2021 til at udvide de anonyme samtaler med private "
     "aktører?",
     "001", 91, ("1 million",)),
    ("Hvorfor blev den anden konference i 'Hvem vil børnene' ikke til noget?",
     "001", 92, ("COVID-19",)),
    ("Hvor meget af de 2 mio. til dagplejen går fremover til fleksible kapacitetsløsninger?",
     "001", 93, ("400.000",)),
    ("Fortsætter forsøget med Fælles om børn i dagtilbud i 2021?",
     "001", 94, ("Glud", "Alle indstillingspunkter godkendt")),
    ("Hvilken del af fordelingen af de 10 mio. til skoleområdet godkendte udvalget ikke?",
     "001", 95, ("1.375", "Barrit")),
    ("Hvornår skal udvalget tage stilling til, hvordan dansk som andetsprog skal organiseres "
     "fremover?",
     "001", 96, ("11.1.2021", "11/1 2021")),
    ("holder vi fast i udvalgsseminaret i marts 2021?", "001", 97, ("primo maj",)),
    ("Hvem fra udvalget kommer med i byggeudvalget for Skolen i Midten?",
     "001", 99, ("Torsten Sonne Petersen",)),
    ("Hvilke sager var på dagsordenen på udvalgsmødet i november 2020?",
     "001", None, ("Anonyme samtaler", "Småbørnsløftet", "dansk som andetsprog")),
    ("Hvad koster det at uddanne en IBCLC-ammekonsulent?", "002", 25, ("80.000",)),
    ("Hvornår godkendte Sundhedssamarbejdsudvalget i Region Midtjylland udkastet til aftalen om "
     "amning?",
     "002", 25, ("19. december 2022",)),
    ("Hvor gamle er børn i Hedensted i dag, når de rykker op i børnehave?",
     "002", 27, ("11 måneder",)),
    ("Hvornår kommer sagen om minimumsnormering tilbage på udvalgets bord?",
     "002", 27, ("maj mødet",)),
    ("Hvorfor blev beslutningen om at lukke Tusindfryd rullet tilbage?",
     "002", 28, ("ukrainske", "tilflyttere")),
    ("Hvor mange besvarelser var der i Ungeprofilundersøgelsen 2022-23 i Hedensted?",
     "002", 29, ("1.300-1.325",)),
    ("Hvem fremlagde resultaterne af ungeprofilundersøgelsen på mødet den 12. april 2023?",
     "002", 29, ("Jakob Klode", "Damgaard")),
    ("Hvad blev behandlet på udvalgsmødet den 12. april 2023?",
     "002", None, ("amning", "minimumsnormering", "Ungeprofilundersøgelsen")),
    ("Hvem deltog i drøftelsen af Flere i folkeskolen på rådmandsmødet?",
     "003", 2, ("Rikke Slot", "Stine Fiedler Røge", "Karen Marie Overgaard Madsen")),
    ("Hvor tit skal chefteamet drøfte tiltrækning og fastholdelse af elever?",
     "003", 2, ("en gang årligt",)),
    ("Hvornår skal 6-byerne orienteres om Flere i folkeskolen?", "003", 2, ("17. marts",)),
    ("Hvornår blev spørgeskemaundersøgelsen om de administrative fællesskaber gennemført?",
     "003", 3, ("slutningen af 2020",)),
    ("Hvad besluttede rådmanden om evalueringen af Administrative Fællesskaber?",
     "003", 3, ("udvalgsbehandling", "rådmandsbehandling")),
    ("Hvad skulle rettes i materialet om budgettemaerne til udvalgsmødet den 3. marts 2021?",
     "003", 4, ("2. juni",)),
    ("Hvad orienterede MØC om under eventuelt?", "003", 5, ("test i dagtilbud",)),
    ("Hvor mange høringssvar kom der til den nye ramme for lokal kvalitetsopfølgning og tilsyn?",
     "003", 2, ("91",)),
    ("Hvornår var forslaget til ny tilsynsramme i høring?",
     "003", 2, ("16. november", "17. november", "18. december")),
    ("Hvor mange 1:1 ledelsesopfølgninger skal der være om året mellem Børn og Unge-chefen og "
     "den lokale leder?",
     "003", 2, ("6 årlige", "seks 1:1", "Seks samtaler")),
    ("Hvad blev taget ud af forslaget til kvalitetsramme efter høringen, og hvorfor?",
     "003", 2, ("læringsmiljøobservationer",)),
    ("Skal dialoghjulet stadig være obligatorisk i dagtilbuddene?",
     "003", 2, ("fastholdes obligatorisk",)),
    ("Hvornår skal trilledagtilbuddet afprøves?", "003", 4, ("august - oktober 2021",)),
    ("Hvor mange nye medlemmer fik Grønne Spirer i 2020?", "003", 4, ("48",)),
    ("Hvor mange penge regner man med at få fra Klimafonden til trilleprojektet?",
     "003", 4, ("454.857",)),
    ("hvorfor blev ideen om grønne tage på Beder Skole lagt på hylden?",
     "003", 4, ("bæreevne", "eksisterende tag")),
    ("Hvor stor en økonomisk ubalance forventes der på skoleområdet i 2023?",
     "004", None, ("20 mio",)),
    ("Hvor meget skal skolernes almenramme beskæres solidarisk ifølge handleplanen?",
     "004", None, ("15 mio",)),
    ("Hvilke skoler skal have fælles økonomiansvar i skoleklyngen om Skolen i Midten?",
     "004", None, ("Hornsyld", "Rårup", "Stenderup")),
    ("Hvornår holdt udvalget temadag om balancen mellem almen- og specialområdet?",
     "004", None, ("23. januar 2023",)),
    ("Hvad ligger landsgennemsnittet på for andelen af elever i specialtilbud?",
     "004", None, ("6,6",)),
    ("Hvilke modeller for styring af udgifterne til specialundervisning peger KL på?",
     "004", None, ("Central pulje", "samarbejdsmodel", "decentral udlægning")),
    ("Hvor skal der oprettes en ny erhvervsklasse fra skoleåret 2023-24?",
     "004", None, ("Hedensted Skole",)),
    ("Hvilke enheder skal lægges sammen i den nye tværfaglige enhed for læring og trivsel?",
     "004", None, ("Center for Pædagogiske Udvikling", "Team for Inkluderende Pædagogik", "PPR")),
    ("Hvor mange elever går der på Stouby Skole?", None, None, ()),
    ("Hvad er budgettet for byggeriet af Skolen i Midten?", None, None, ()),
    ("Hvem er næstformand i Udvalget for Læring?", None, None, ()),
    ("Hvor mange unge gjorde brug af de anonyme ungesamtaler i 2020?", None, None, ()),
    ("Hvilke private udbydere blev valgt til at levere de anonyme rådgivningssamtaler?",
     None, None, ()),
    ("Hvor stort et merforbrug viste månedsopfølgningen for oktober 2020?", None, None, ()),
    ("Hvor mange børn er der plads til i Børnehaven Tuen?", None, None, ()),
    ("Hvor mange IBCLC-certificerede ammekonsulenter har Hedensted Kommune i dag?", None, None, ()),
    ("Hvad var karaktergennemsnittet i dansk ved 9.-klasseprøverne i Hedensted i 2019?",
     None, None, ()),
    ("Hvad skal forældrene betale for en vuggestueplads i Hedensted i 2024?", None, None, ()),
    ("Hvor høj er egenskoleandelen i Aarhus' folkeskoler?", None, None, ()),
    ("Hvor mange besvarelser kom der i spørgeskemaundersøgelsen om de administrative "
     "fællesskaber?",
     None, None, ()),
]

NINTH_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    ("Hvor mange penge fik Styrke på Tværs fra Sundhedsstyrelsen?", "000", 20, ("3.7 mil",)),
    ("Hvilke kommuner havde også deres dagtilbud med i Program for læringsledelse?",
     "000", 21, ("175", "Nordfyn og Svendborg")),
    ("Hvornår er fristen for at vedtage kvalitetsrapporten for folkeskolen?",
     "000", 22, ("31. marts",)),
    ("Hvem fortalte om Erhvervscampus på mødet i marts 2020?", "000", 19, ("Petter Hüttel",)),
    ("Hvad var på dagsordenen i Udvalget for Læring i marts 2020?",
     "000", None, ("Erhvervscampus", "Kvalitetsrapport for folkeskolen", "Styrke på Tværs")),
    ("Hvor mange private udbydere vil man vælge til de anonyme samtaler for unge?",
     "001", 91, ("3-5 udbydere",)),
    ("Hvordan skal de 2 mio. til dagplejen fordeles fremover?",
     "001", 93, ("400.000 kr", "100.000 kr", "1, 5 mio")),
    ("hvorfor har dagplejen et økonomisk efterslæb",
     "001", 93, ("PAU", "efteruddannelse af dagplejere")),
    ("Blev hele udmøntningen af de 10 mio. til skoleområdet godkendt i november 2020?",
     "001", 95, ("1.375.000", "undtagelse")),
    ("Bliver udvalgsseminaret i marts 2021 aflyst pga corona?",
     "001", 97, ("primo maj", "fastholder seminaret")),
    ("hvem sidder med i byggeudvalget for skolen i midten", "001", 99, ("Torsten Sonne Petersen",)),
    ("hvad var på dagsordenen på mødet den 30. november 2020",
     "001", None, ("dansk som andetsprog", "Småbørnsløftet", "Udmøntning af 10 millioner")),
    ("Hvad koster en IBCLC uddanelse ca.?", "002", 25, ("80.000 kr",)),
    ("Hvor længe anbefaler Sundhedsstyrelsen at spædbørn ammes fuldt?", "002", 25, ("6 måneder",)),
    ("Hvornår rykker børnene i Hedensted i dag op i børnehave?", "002", 27, ("11 måneder",)),
    ("Hvorfor kan Tusindfryd alligevel ikke lukkes?",
     "002", 28, ("ukrainske", "tilflyttere", "tilvækst")),
    ("Hvor mange besvarelser fik Ungeprofilundersøgelsen 2022-23 i kommunen?",
     "002", 29, ("1.300-1.325",)),
    ("Hvem præsenterede ungeprofilundersøgelsen på mødet den 12. april 2023?",
     "002", 29, ("Jakob Klode", "Damgaard")),
    ("Hvor blev dialogmødet for skoleområdet holdt den 6. marts 2023?",
     "002", 26, ("Øster Snede Skole",)),
    ("Hvor stor en ubalance forventes der på specialområdet i 2023?", "004", None, ("20 mio",)),
    ("Hvor meget skal skolernes almenramme reduceres med?", "004", None, ("15 mio",)),
    ("Hvilke skoler kommer med i skoleklyngen omkring Skolen i Midten?",
     "004", None, ("Hornsyld Skole", "Rårup Skole", "Stenderup Skole")),
    ("hvornår skal kommunalbestyrelsen godkende forslaget om solidarisk reduktion af almenrammen",
     "004", None, ("oktober 2023",)),
    ("Hvor skal der oprettes en ny erhvervsklasse fra skoleåret 2023-24?",
     "004", None, ("Hedensted Skole",)),
    ("Hvilke enheder skal slås sammen i den nye tværfaglige enhed for læring og trivsel?",
     "004", None, ("Team for Inkluderende", "Center for Pædagogiske Udvikling", "PPR")),
    ("Hvem holdt oplæg om Flere i folkeskolen på rådmandsmødet?",
     "003", 2, ("Rikke Slot", "Karen Marie Overgaard")),
    ("Blev afrapporteringen for Flere i folkeskolen godkendt?",
     "003", 2, ("at-punkt 1", "tekstnære")),
    ("hvor tit skal chefteamet drøfte tiltrækning og fastholdelse af elever",
     "003", 2, ("en gang årligt",)),
    ("Hvornår skal de 6 byer orienteres om Flere i folkeskolen?", "003", 2, ("17. marts",)),
    ("Godkendte rådmanden indstillingen om evalueringen af de administrative fællesskaber?",
     "003", 3, ("udvalgsbehandling", "godkendte rådmanden indstillingen")),
    ("Hvad skulle rettes i materialet om budgettemaerne til udvalgsmødet den 3. marts 2021?",
     "003", 4, ("2. juni",)),
    ("Hvad orienterede MØC om under eventuelt?", "003", 5, ("test i dagtilbud",)),
    ("Hvor mange høringsvar kom der ind om den nye ramme for lokal kvalitetsopfølgning og "
     "tilsyn?",
     "003", 2, ("91 høringssvar",)),
    ("Hvornår lå høringsperioden for rammen for kvalitetsopfølgning?", "003", 2, ("18. december",)),
    ("Hvor mange 1:1 ledelsesopfølgninger skal der være om året mellem BU-chefen og lederen?",
     "003", 2, ("6 årlige", "seks 1:1", "Seks samtaler om året")),
    ("Hvorfor røg læringsmiljøobservationerne ud af rammen?", "003", 2, ("ressourcetræk",)),
    ("Hvem holder læringssamtalerne i de selvejende dagtilbud?",
     "003", 2, ("bestyrelsen afholder",)),
    ("hvornår er vidensdelingsarrangementet om børnenes perspektiv planlagt til",
     "003", 2, ("efteråret 2021",)),
    ("Skal dialoghjulet stadig være obligatorisk i dagtilbuddene?",
     "003", 2, ("fastholdes obligatorisk",)),
    ("I hvilke år får byrådet kvalitetsrapporten for 0-6-årsområdet?", "003", 2, ("ulige år",)),
    ("Hvem skulle ifølge høringsudkastet udføre læringsmiljøobservationerne?",
     "003", 2, ("andet tilbud",)),
    ("Hvor mange dagplejere og institutioner skal afprøve trilledagtilbudet?",
     "003", 4, ("fem dagplejere",)),
    ("Hvornår skal trilledagtilbud testes?", "003", 4, ("august - oktober 2021",)),
    ("Hvilken del af trilleprojektet vil Klimafonden ikke støtte?",
     "003", 4, ("24.920", "forundersøgelser")),
    ("Hvilken skole har søgt Klimafonden til Naturens Hus?", "003", 4, ("Skovvangskolen",)),
    ("Hvorfor blev idéen med grønne tage på Beder Skole lagt på is?",
     "003", 4, ("bæreevne", "tunge")),
    ("Hvor mange penge lægger budgettemaet om bæredygtig dannelse op til i 2022?",
     "003", 4, ("5.400",)),
    ("Hvor mange nye medlemmer fik Grønne Spirer i 2020?", "003", 4, ("48 nye medlemmer",)),
    ("Hvilke fire fokusområder skal forvaltningen bruge til at understøtte skolernes "
     "egenskoleandel?",
     None, None, ()),
    ("Hvor mange ukrainske børn er kommet til Tofteskovens Børnehuse?", None, None, ()),
    ("Hvem vandt udbuddet om anonyme samtaler til unge?", None, None, ()),
    ("Hvad var karaktergennemsnittet ved 9.-klasseprøverne i kvalitetsrapporten 2019-20?",
     None, None, ()),
    ("Hvor tilfredse var forældrene i brugertilfredshedsundersøgelsen for skoler og SFO i 2020?",
     None, None, ()),
    ("Hvem skal være leder af Naturcenter Aarhus?", None, None, ()),
    ("Hvad er budgettet for den nye tværfaglige enhed for læring og trivsel?", None, None, ()),
    ("Hvor mange ekstra dagplejere skal Hedensted ansætte pga. minimumsnormeringen?",
     None, None, ()),
    ("Hvor mange deltog i det virtuelle seminar om rammen den 30. september 2020?", None, None, ()),
    ("hvor mange børn blev screenet ved 3½-års screeningen i Styrke på Tværs", None, None, ()),
    ("Hvad har udvalget besluttet om skolebuskørsel?", None, None, ()),
    ("Hvem blev ansat som leder af den nye uddannelses-/udviklingsenhed i Personale?",
     None, None, ()),
]

TENTH_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    ("Hvor mange penge fik Styrke på Tværs fra Sundhedsstyrelsen?", "000", 20, ("3.7 mil",)),
    ("Hvad bad udvalget om, da de tog orienteringen om Styrke på Tværs til efterretning?",
     "000", 20, ("overslag",)),
    ("Hvem fremlagde de nyeste kortlægningsresultater fra Program for læringsledelse?",
     "000", 21, ("Lone Roesen", "Finn Gatten")),
    ("Hvad er fristen for at vedtage kvalitetsrapporten for folkeskolen?",
     "000", 22, ("31. marts",)),
    ("Blev kvalitetsrapporten 2019-20 godkendt i marts 2020?",
     "000", 22, ("anbefales godkendt", "PKØ")),
    ("hvornår er dialogmødet på Stouby Skole", "000", 23, ("05. marts 2020",)),
    ("Hvem var formand for Udvalget for Læring i marts 2020?", "000", None, ("Ole Vind",)),
    ("Hvor mange udbydere skal vælges i udbuddet af anonyme rådgivningssamtaler?",
     "001", 91, ("3-5 udbydere",)),
    ("Deltager kommunen fortsat i initiativer under Småbørnsløftet?",
     "001", 92, ("deltager ikke i flere",)),
    ("Hvorfor blev den anden konference i 'Hvem vil børnene' aflyst?", "001", 92, ("COVID-19",)),
    ("hvordan skal de 2 mio. til dagplejen fordeles fremover",
     "001", 93, ("400.000 kr", "1, 5 mio")),
    ("Hvilken post blev undtaget, da udvalget udmøntede de 10 millioner på skoleområdet?",
     "001", 95, ("1.375.000", "kategori B")),
    ("Hvornår skal udvalget tage stilling til den fremtidige organisering af dansk som "
     "andetsprog?",
     "001", 96, ("11.1.2021", "11/1 2021")),
    ("Hvad besluttede udvalget i november 2020 om seminaret i marts 2021?",
     "001", 97, ("primo maj",)),
    ("Hvem skal sidde i byggeudvalget for Skolen i Midten?",
     "001", 99, ("Torsten Sonne Petersen",)),
    ("hvad blev behandlet på mødet den 30. november 2020?",
     "001", None, ("Småbørnsløftet", "dansk som andetsprog", "Anonyme samtaler")),
    ("Hvad koster en IBCLC-uddannelse pr. medarbejder inkl. eksamen og vikartimer?",
     "002", 25, ("80.000 kr",)),
    ("Hvornår godkendte Sundhedssamarbejdsudvalget udkastet til samarbejdsaftalen om amning?",
     "002", 25, ("19. december 2022",)),
    ("Hvilke indsatser indgår i samarbejdsaftalen om amning og barnets ernæring?",
     "002", 25, ("implementeringsnetværk", "faglig ramme")),
    ("Hvornår rykker børn i dag op i børnehave i Hedensted?",
     "002", 27, ("fylder 2 år", "11 måneder")),
    ("hvorfor kunne Tofteskovens Børnehuse alligevel ikke samles på én matrikel",
     "002", 28, ("ukrainske", "tilflyttere")),
    ("Hvor mange besvarelser fik Ungeprofilundersøgelsen 2022-23 i kommunen?",
     "002", 29, ("1.300-1.325",)),
    ("Hvem præsenterede resultaterne fra Ungeprofilundersøgelsen på mødet den 12. april 2023?",
     "002", 29, ("Jakob Klode",)),
    ("Hvad blev besluttet under orienteringspunktet om personalesituationen på skolerne?",
     "002", 30, ("unge og muligheder",)),
    ("Hvilke sager behandlede Udvalget for Læring i april 2023?",
     "002", None, ("amning", "Ungeprofilundersøgelsen", "minimumsnormering")),
    ("blev referatet godkendt på rådmandsmødet?", "003", 1, ("Referatet blev godkendt",)),
    ("Hvem holdt oplæg på punktet om Flere i folkeskolen?", "003", 2, ("RS og KMOM", "Rikke Slot")),
    ("Hvad skal alle folkeskoler i Aarhus arbejde for at opnå ifølge indstillingen om Flere i "
     "folkeskolen?",
     "003", 2, ("egenskoleandel",)),
    ("Hvornår skal 6-byerne orienteres om Flere i folkeskolen?",
     "003", 2, ("efter den 17. marts",)),
    ("Hvad besluttede rådmanden om evalueringen af de administrative fællesskaber?",
     "003", 3, ("udvalgsbehandling",)),
    ("Hvornår blev spørgeskemaundersøgelsen om administrative fællesskaber gennemført?",
     "003", 3, ("slutningen af 2020",)),
    ("Hvilken fejl i materialet om budgettemaerne skulle rettes før udvalgsmødet den 3. marts "
     "2021?",
     "003", 4, ("2. juni",)),
    ("hvad orienterede MØC om under eventuelt", "003", 5, ("test i dagtilbud",)),
    ("Hvor mange høringssvar kom der på forslaget til ny ramme for lokal kvalitetsopfølgning og "
     "tilsyn?",
     "003", 2, ("91 høringssvar",)),
    ("Hvorfor røg læringsmiljøobservationerne ud af rammen for kvalitetsopfølgning?",
     "003", 2, ("ressourcetrækket", "udgår")),
    ("Hvor ofte kommer der en kvalitetsrapport for 0-6-årsområdet?", "003", 2, ("ulige år",)),
    ("Hvornår skal trilledagtilbud testes?", "003", 4, ("august - oktober 2021",)),
    ("Hvor mange dagplejere og institutioner skal være med i afprøvningen af trilledagtilbud?",
     "003", 4, ("fem dagplejere",)),
    ("Hvor mange penge er der afsat til genbrugsprojektet i Hasle-Ellekær?",
     "003", 4, ("30.000 kroner",)),
    ("Hvor stor en økonomisk ubalance forventes der på skoleområdet i 2023?",
     "004", None, ("20 mio",)),
    ("Med hvor meget skal skolernes almenramme reduceres solidarisk?", "004", None, ("15 mio",)),
    ("Hvilke skoler skal have fælles økonomiansvar i skoleklyngen om Skolen i Midten?",
     "004", None, ("Hornsyld Skole", "Rårup Skole", "Stenderup Skole")),
    ("Hvornår holdt udvalget temadag om balancen mellem almen og special?",
     "004", None, ("23. januar 2023",)),
    ("Hvad er landsgennemsnittet for andelen af elever i specialtilbud?", "004", None, ("6,6%",)),
    ("hvor skal der oprettes en erhvervsklasse fra skoleåret 2023-24",
     "004", None, ("Hedensted Skole",)),
    ("Hvilke enheder skal samles i den nye tværfaglige enhed for læring og trivsel?",
     "004", None, ("CPU", "Inkluderende Pædagogik")),
    ("Hvilke modeller peger KL på til styring af udgifterne til specialundervisning?",
     "004", None, ("Central pulje", "samarbejdsmodel")),
    ("Hvornår skal kommunalbestyrelsen godkende den solidariske reduktion af almenrammen?",
     "004", None, ("oktober 2023",)),
    ("Hvorfor blev punktet om Program for læringsledelse udskudt på mødet den 3. februar 2020?",
     None, None, ()),
    ("Hvor mange unge står i dag på venteliste til unge samtalerne?", None, None, ()),
    ("Hvilke private aktører blev valgt til at give anonym rådgivning til unge?", None, None, ()),
    ("Hvad viste brugertilfredshedsundersøgelsen blandt skoler og SFO i november 2020?",
     None, None, ()),
    ("Hvor mange ekstra dagplejere skal kommunen ansætte på grund af minimumsnormeringen?",
     None, None, ()),
    ("Hvor mange IBCLC-certificerede ammekonsulenter har Hedensted Kommune i dag?", None, None, ()),
    ("Hvad koster det at oprette NEST-lignende klasser i Hedensted-Løsning området?",
     None, None, ()),
    ("Hvad koster den nye tværfaglige enhed for læring og trivsel om året?", None, None, ()),
    ("Hvad var svarprocenten i spørgeskemaundersøgelsen om de administrative fællesskaber?",
     None, None, ()),
    ("Hvor stort er dagplejens økonomiske efterslæb efter PAU-uddannelsen i kroner?",
     None, None, ()),
    ("Hvor stor var kompetencedækningen i kvalitetsrapporten 2019-20?", None, None, ()),
    ("hvad er egenskoleandelen i Aarhus' folkeskoler i dag", None, None, ()),
]


@pytest.mark.asyncio(loop_scope="module")
async def test_eighth_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, EIGHTH_CASES, "eighth")
    assert accuracy >= 0.8, "\n".join(wrong)  # a floor against regressions, not the aim
    assert answered_unanswerable <= 2, "\n".join(wrong)


@pytest.mark.asyncio(loop_scope="module")
async def test_ninth_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, NINTH_CASES, "ninth")
    assert accuracy >= 0.72, "\n".join(wrong)  # a floor against regressions, not the aim
    assert answered_unanswerable <= 2, "\n".join(wrong)


@pytest.mark.asyncio(loop_scope="module")
async def test_tenth_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, TENTH_CASES, "tenth")
    assert accuracy >= 0.83, "\n".join(wrong)  # a floor against regressions, not the aim
    assert answered_unanswerable <= 2, "\n".join(wrong)


ELEVENTH_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    ("Hvor mange penge har Sundhedsstyrelsen givet til projektet Styrke på Tværs?",
     "000", 20, ("3.7 mil",)),
    ("hvad bad udvalget forvaltningen om efter orienteringen om styrke på tværs",
     "000", 20, ("overslag",)),
    ("Hvornår er den lovbestemte frist for at vedtage kvalitetsrapporten for folkeskolen?",
     "000", 22, ("31. marts",)),
    ("Blev kvalitetsrapporten 2019-20 godkendt af udvalget?",
     "000", 22, ("anbefales godkendt", "PKØ")),
    ("Hvem fremlagde de seneste kortlægningsresultater fra Program for læringsledelse?",
     "000", 21, ("Lone Roesen", "Finn Gatten")),
    ("Hvad blev behandlet på udvalgsmødet den 2. marts 2020?",
     "000", None, ("Erhvervscampus", "Kvalitetsrapport", "Styrke på Tværs")),
    ("Hvor mange penge er der sat af i budget 2021 til at udvide de anonyme samtaler med private "
     "aktører?",
     "001", 91, ("1 million",)),
    ("Hvorfor vil kommunen ikke deltage i flere initiativer under Småbørnsløftet?",
     "001", 92, ("lille effekt", "ikke været i det omfang")),
    ("hvordan skal de 2 mio til dagplejen fordeles fremover", "001", 93, ("400.000", "1, 5 mio")),
    ("Blev hele forslaget til fordeling af de 10 mio. på skoleområdet godkendt?",
     "001", 95, ("undtagelse", "1.375.000")),
    ("Hvilke partier stod bag budgetaftalen for 2021-2024?",
     "001", 95, ("Dansk Folkeparti", "Kristendemokraterne")),
    ("Bliver seminaret for udvalget og kompetencegruppelederne i marts 2021 til noget?",
     "001", 97, ("primo maj",)),
    ("hvem fra udvalget skal sidde i byggeudvalget for skolen i midten",
     "001", 99, ("Torsten Sonne Petersen",)),
    ("Hvad koster det cirka at uddanne en IBCLC-ammekonsulent?", "002", 25, ("80.000",)),
    ("Hvor gamle er børnene i dag, når de rykker op i børnehave i Hedensted?",
     "002", 27, ("2 år og", "11 måneder")),
    ("Hvorfor kan Tofteskovens Børnehuse alligevel ikke samles på én adresse?",
     "002", 28, ("tilvækst", "ukrainske")),
    ("hvor mange svar kom der i ungeprofilundersøgelsen 2022-23", "002", 29, ("1.300-1.325",)),
    ("Hvem præsenterede resultaterne af Ungeprofilundersøgelsen på mødet i april 2023?",
     "002", 29, ("Jakob Klode",)),
    ("Kommer sagen om minimumsnormeringer på dagsordenen igen?", "002", 27, ("maj mødet",)),
    ("Hvilke sager var på dagsordenen for Udvalget for Læring den 12. april 2023?",
     "002", None, ("amning", "minimumsnormering", "Tofteskovens")),
    ("Blev referatet godkendt på rådmandsmødet?", "003", 1, ("Referatet blev godkendt",)),
    ("Hvem havde sat Flere i folkeskolen på dagsordenen?",
     "003", 2, ("Helle Bach Lauridsen", "Ole Kiil Jacobsen")),
    ("Hvad skal alle folkeskoler i Aarhus arbejde aktivt for at opnå ifølge sagen om Flere i "
     "folkeskolen?",
     "003", 2, ("egenskoleandel",)),
    ("hvornår blev spørgeskemaet om de administrative fællesskaber sendt ud",
     "003", 3, ("slutningen af 2020",)),
    ("Hvad besluttede rådmanden om den videre behandling af evalueringen af Administrative "
     "Fællesskaber?",
     "003", 3, ("udvalgsbehandling", "rådmandsbehandling")),
    ("Hvilken fejl i materialet om budgettemaerne skulle rettes før udvalgsmødet den 3. marts "
     "2021?",
     "003", 4, ("2. juni",)),
    ("Hvad orienterede MØC om under eventuelt?", "003", 5, ("test i dagtilbud",)),
    ("Hvor mange høringssvar kom der i alt til forslaget om ny ramme for lokal "
     "kvalitetsopfølgning og tilsyn?",
     "003", 2, ("91 høringssvar",)),
    ("hvor mange 1:1 ledelsesopfølgninger skal der være om året mellem BU-chefen og lederen",
     "003", 2, ("seks 1:1", "minimum 6", "Seks samtaler om året")),
    ("Hvorfor blev læringsmiljøobservationerne taget ud af rammen?",
     "003", 2, ("ressourcetrækket", "høringerne udgår")),
    ("Hvor mange høringssvar kom der fra skoleområdet?", "003", 2, ("36 høringssvar",)),
    ("Hvad foreslog BUPL i deres høringssvar om tilsynet?", "003", 2, ("årligt tilsynsbesøg",)),
    ("Hvornår var rammen for kvalitetsopfølgning sendt i høring?",
     "003", 2, ("16. november", "17. november", "18. december")),
    ("Hvor mange læringssamtaler holdes der over en toårig periode?",
     "003", 2, ("fire læringssamtaler",)),
    ("Hvem foreslås tilføjet som faste deltagere i læringssamtalerne på FU-området?",
     "003", 2, ("afdelingslederrepræsentant", "ungerepræsentant")),
    ("hvornår skal ladcykel-forsøget med trilledagtilbud køre",
     "003", 4, ("august - oktober 2021",)),
    ("Hvor mange dagplejere eller institutioner skal være med i afprøvningen af trilledagtilbud?",
     "003", 4, ("fem dagplejere",)),
    ("Hvor mange nye medlemmer kom der i Grønne Spirer i 2020?", "003", 4, ("48 nye medlemmer",)),
    ("Hvor mange penge afsættes til Rappe-Skralde-handskedukker?", "003", 4, ("20.000",)),
    ("Hvorfor må MBU selv betale for evalueringen af trilleprojektet?",
     "003", 4, ("ikke støtter", "24.920")),
    ("Hvor stort et underskud forventes der på skoleområdets specialundervisning i 2023?",
     "004", None, ("20 mio",)),
    ("Hvor meget skal skolernes almenramme skæres solidarisk?", "004", None, ("15 mio",)),
    ("Hvilke skoler skal have fælles økonomiansvar i skoleklyngen om Skolen i Midten?",
     "004", None, ("Hornsyld Skole", "Rårup Skole", "Stenderup Skole")),
    ("hvor skal den nye erhvervsklasse oprettes fra skoleåret 23/24",
     "004", None, ("Hedensted Skole",)),
    ("Ligger Hedensted over eller under landsgennemsnittet for elever i specialtilbud?",
     "004", None, ("smule over", "6,6%")),
    ("Hvilke modeller peger KL på til at styre udgifterne til specialundervisning?",
     "004", None, ("Central pulje", "decentral udlægning")),
    ("Hvilke afdelinger skal lægges sammen i den nye tværfaglige enhed for læring og trivsel?",
     "004", None, ("Center for Pædagogiske Udvikling", "Team for Inkluderende Pædagogik")),
    ("Hvor længe løber kompetenceforløbet Fra pejlemærker til praksis?",
     "004", None, ("august 2022 til juni 2024",)),
    ("Hvor mange unge står på venteliste til unge samtalerne?", None, None, ()),
    ("Hvor tilfredse var forældrene med SFO i brugertilfredshedsundersøgelsen?", None, None, ()),
    ("Hvilke private psykologer blev valgt efter udbudsrunden i december 2020?", None, None, ()),
    ("Hvad var karaktergennemsnittet i dansk ved 9.-klasseprøverne i Hedensted?", None, None, ()),
    ("hvor skal erhvervscampus ligge", None, None, ()),
    ("Hvor mange IBCLC-ammekonsulenter skal Hedensted Kommune uddanne i 2024?", None, None, ()),
    ("Hvor mange kroner stiger forældrebetalingen, når minimumsnormeringen indføres?",
     None, None, ()),
    ("Hvad hedder institutionslederen i Tofteskovens Børnehuse?", None, None, ()),
    ("Hvornår starter de test i dagtilbud, som MØC orienterede om?", None, None, ()),
    ("Hvad er egenskoleandelen i Aarhus Kommunes folkeskoler i dag?", None, None, ()),
    ("Hvad koster det at oprette NEST-lignende klasser i Hedensted-Løsning området?",
     None, None, ()),
    ("Hvor mange penge er der afsat til den nye erhvervsklasse på Hedensted Skole?",
     None, None, ()),
]


@pytest.mark.asyncio(loop_scope="module")
async def test_eleventh_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, ELEVENTH_CASES,
                                                               "eleventh")
    assert accuracy >= 0.68, "\n".join(wrong)  # a floor against regressions, not the aim
    assert answered_unanswerable <= 3, "\n".join(wrong)


TWELFTH_CASES: list[tuple[str, str | None, int | None, tuple[str, ...]]] = [
    ("Hvor mange penge fik Styrke på Tværs fra Sundhedsstyrelsen?", "000", 20, ("3.7 mil",)),
    ("hvad bad udvalget om efter orienteringen om styrke på tværs i marts 2020",
     "000", 20, ("overslag",)),
    ("Hvem gennemgik de nyeste kortlægningsresultater fra Program for læringsledelse?",
     "000", 21, ("Lone Roesen", "Finn Gatten")),
    ("Hvad er den lovbestemte frist for at vedtage kvalitetsrapporten for folkeskolen?",
     "000", 22, ("31. marts",)),
    ("Hvor skulle kvalitetsrapporten 2019-20 sendes hen efter udvalgets behandling?",
     "000", 22, ("PKØ", "byrådsbehandling i marts")),
    ("hvornår var dialogmødet på stouby skole", "000", 23, ("05. marts 2020",)),
    ("Hvor mange penge er der sat af i budget 2021 til at udvide de anonyme samtaler med private "
     "aktører?",
     "001", 91, ("1 million",)),
    ("hvor mange private udbydere vil kommunen lave samarbejdsaftaler med om anonym rådgivning",
     "001", 91, ("3-5 udbydere",)),
    ("Hvorfor blev anden konference i 'Hvem vil børnene' ikke til noget?",
     "001", 92, ("COVID-19",)),
    ("Hvordan skal de 2 mio. til styrkelse af dagplejen fordeles fremover?",
     "001", 93, ("400.000", "1, 5 mio")),
    ("Hvilke rammekriterier er vigtige for at modellen fra Glud og Daugård lykkes?",
     "001", 94, ("Få dagplejere", "Fysisk kapacitet")),
    ("Fik Barrit special SFO og Korning USFO bevillingen på 1.375.000 kr.?",
     "001", 95, ("undtagelse",)),
    ("Hvornår skal udvalget have forslaget om organisering af dansk som andetsprog?",
     "001", 96, ("11.1.2021", "11/1 2021")),
    ("blev seminaret 25.-26. marts 2021 aflyst?", "001", 97, ("primo maj", "fastholder seminaret")),
    ("Hvem fra udvalget sidder i byggeudvalget for Skolen i Midten?",
     "001", 99, ("Torsten Sonne Petersen",)),
    ("Hvad koster det at uddanne en IBCLC-ammekonsulent?", "002", 25, ("80.000",)),
    ("Hvilket udvalg godkendte udkastet til samarbejdsaftalen om amning i december 2022?",
     "002", 25, ("Sundhedssamarbejdsudvalget",)),
    ("hvor længe skal spædbørn ammes fuldt ifølge sundhedsstyrelsen", "002", 25, ("6 måneder",)),
    ("Hvornår begynder børn i børnehave i Hedensted efter den nuværende praksis?",
     "002", 27, ("fylder 2 år", "11 måneder")),
    ("Hvornår kommer sagen om minimumsnormering tilbage på dagsordenen?",
     "002", 27, ("maj mødet",)),
    ("Hvorfor blev beslutningen om at lukke Tusindfryd rullet tilbage?",
     "002", 28, ("ukrainske", "tilflyttere", "tilvækst")),
    ("Hvor mange besvarelser fik Ungeprofilundersøgelsen 2022-23 i Hedensted?",
     "002", 29, ("1.300-1.325",)),
    ("Hvad skal forberedes til næste møde efter orienteringen om personalesituationen på "
     "skolerne?",
     "002", 30, ("unge og muligheder",)),
    ("Hvem deltog i punktet om Flere i folkeskolen på rådmandsmødet?",
     "003", 2, ("Rikke Slot", "Karen Marie Overgaard", "Stine Fiedler")),
    ("hvornår skal 6-byerne orienteres om flere i folkeskolen", "003", 2, ("17. marts",)),
    ("Hvad blev besluttet om evalueringen af de administrative fællesskaber?",
     "003", 3, ("udvalgsbehandling", "rådmandsbehandling")),
    ("Hvornår blev spørgeskemaundersøgelsen om administrative fællesskaber gennemført?",
     "003", 3, ("slutningen af 2020",)),
    ("Hvad skulle rettes i materialet til børn og unge-udvalgsmødet den 3. marts 2021?",
     "003", 4, ("2. juni",)),
    ("hvad blev der orienteret om under eventuelt", "003", 5, ("test i dagtilbud",)),
    ("Hvor mange høringssvar kom der ind til den nye ramme for lokal kvalitetsopfølgning og "
     "tilsyn?",
     "003", 2, ("91 høringssvar",)),
    ("Hvor mange læringssamtaler holdes der over en toårig periode i den nye ramme?",
     "003", 2, ("fire læringssamtaler", "fire")),
    ("Hvor mange 1:1 ledelsesopfølgninger om året skal der være mellem Børn og Unge-chef og "
     "lederen?",
     "003", 2, ("seks", "6 årlige")),
    ("Skal dialoghjulet stadig være obligatorisk i dagtilbuddene?",
     "003", 2, ("fastholdes obligatorisk",)),
    ("I hvilke år får byrådet kvalitetsrapporten for 0-6-årsområdet?", "003", 2, ("ulige år",)),
    ("Hvad foreslog BUPL i høringen om rammen for kvalitetsopfølgning?",
     "003", 2, ("årligt tilsynsbesøg",)),
    ("Hvornår skal trilledagtilbud afprøves?", "003", 4, ("august - oktober 2021", "oktober 2021")),
    ("hvor mange dagplejere/institutioner skal teste trilleordningen",
     "003", 4, ("fem dagplejere", "fem")),
    ("Hvorfor skal MBU selv betale for evalueringen af trilledagtilbud?",
     "003", 4, ("ikke støtter forundersøgelser", "24.920")),
    ("Hvor mange nye medlemmer fik Grønne Spirer i 2020?", "003", 4, ("48 nye medlemmer",)),
    ("Hvad er det samlede beløb for 2022 i budgettemaet om bæredygtig dannelse?",
     "003", 4, ("5.400",)),
    ("Hvornår holdt udvalget temadag om balancen mellem almen og special?",
     "004", None, ("23. januar 2023",)),
    ("Hvor stor en ubalance forventes der på specialundervisningen i 2023?",
     "004", None, ("20 mio",)),
    ("hvor meget skal skolernes almenramme skæres solidarisk", "004", None, ("15 mio",)),
    ("Hvilke skoler er med i skoleklyngen omkring Skolen i Midten?",
     "004", None, ("Hornsyld Skole", "Rårup Skole", "Stenderup Skole")),
    ("Hvad skal den nye tværfaglige enhed for læring og trivsel samle?",
     "004", None, ("Inkluderende Pædagogik", "Pædagogiske Udvikling")),
    ("Hvad er landsgennemsnittet for andelen af elever i specialtilbud?", "004", None, ("6,6%",)),
    ("Fra hvornår får Hedensted Skole en erhvervsklasse?", "004", None, ("fra skoleåret 2023-24",)),
    ("Hvilke modeller peger KL på for styring af udgifterne til specialundervisning?",
     "004", None, ("Central pulje", "samarbejdsmodel")),
    ("Hvad kommer byggeriet af Skolen i Midten til at koste?", None, None, ()),
    ("Hvor mange unge står på venteliste til unge samtalerne?", None, None, ()),
    ("Hvilken samlet tilfredshedsscore fik SFO'erne i brugertilfredshedsundersøgelsen?",
     None, None, ()),
    ("Hvor meget stiger forældrebetalingen pr. måned som følge af minimumsnormeringen?",
     None, None, ()),
    ("hvor mange IBCLC-certificerede ammekonsulenter har hedensted i dag", None, None, ()),
    ("Hvor stort et merforbrug forventes der i regnskab 2020 ifølge månedsopfølgningen for "
     "oktober?",
     None, None, ()),
    ("Hvor skal den nye Erhvervscampus ligge?", None, None, ()),
    ("Hvad er egenskoleandelen i Aarhus' folkeskoler i dag?", None, None, ()),
    ("Hvor meget søger Skovvangskolen fra Klimafonden til Naturens Hus?", None, None, ()),
    ("Hvad var svarprocenten i spørgeskemaundersøgelsen om de administrative fællesskaber?",
     None, None, ()),
    ("Hvad koster det at oprette NEST-lignende klasser i Hedensted-Løsning området?",
     None, None, ()),
    ("Hvilke udvalgsmedlemmer havde meldt afbud til mødet den 12. april 2023?", None, None, ()),
]


@pytest.mark.asyncio(loop_scope="module")
async def test_twelfth_unseen_accuracy(engine: QuestionEngine) -> None:
    accuracy, answered_unanswerable, wrong = await score_cases(engine, TWELFTH_CASES,
                                                               "twelfth")
    assert accuracy >= 0.82, "\n".join(wrong)  # a floor against regressions, not the aim
    assert answered_unanswerable <= 1, "\n".join(wrong)
