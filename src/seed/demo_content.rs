//! Hand-written German example content, so a newcomer to `seed-demo` sees a living board.

/// A demo account; every demo account shares the password printed by `seed-demo`.
pub struct DemoUser {
    pub name: &'static str,
    pub email: &'static str,
    pub role: &'static str,
}

/// One example idea with its discussion.
pub struct DemoIdea {
    /// Slug of the theme it belongs to.
    pub theme: &'static str,
    pub title: &'static str,
    /// Markdown.
    pub body: &'static str,
    /// Index into USERS of the author.
    pub author: usize,
    /// (index into USERS of the commenter, Markdown text, Some(index of the comment in this list it replies to) or None)
    pub comments: &'static [(usize, &'static str, Option<usize>)],
}

pub const USERS: &[DemoUser] = &[
    // 0
    DemoUser {
        name: "Admin Innovationsbüro",
        email: "admin@demo.mitdenken.example",
        role: "admin",
    },
    // 1
    DemoUser {
        name: "Jana Köhler",
        email: "jana.koehler@demo.mitdenken.example",
        role: "moderator",
    },
    // 2
    DemoUser {
        name: "Malte Steinbrück",
        email: "malte.steinbrueck@demo.mitdenken.example",
        role: "moderator",
    },
    // 3
    DemoUser {
        name: "Katrin Albers",
        email: "referat113@demo.mitdenken.example",
        role: "ministry",
    },
    // 4
    DemoUser {
        name: "Dr. Annegret Voß",
        email: "annegret.voss@demo.mitdenken.example",
        role: "ministry",
    },
    // 5
    DemoUser {
        name: "Lena Schäfer",
        email: "lena.schaefer@demo.mitdenken.example",
        role: "participant",
    },
    // 6
    DemoUser {
        name: "Yusuf Demir",
        email: "yusuf.demir@demo.mitdenken.example",
        role: "participant",
    },
    // 7
    DemoUser {
        name: "Gisela Brückner",
        email: "gisela.brueckner@demo.mitdenken.example",
        role: "participant",
    },
    // 8
    DemoUser {
        name: "Tobias Engel",
        email: "tobias.engel@demo.mitdenken.example",
        role: "participant",
    },
    // 9
    DemoUser {
        name: "Mareike Jürgens",
        email: "mareike.juergens@demo.mitdenken.example",
        role: "participant",
    },
    // 10
    DemoUser {
        name: "Sabine Groß",
        email: "sabine.gross@demo.mitdenken.example",
        role: "participant",
    },
    // 11
    DemoUser {
        name: "Karim Haddad",
        email: "karim.haddad@demo.mitdenken.example",
        role: "participant",
    },
    // 12
    DemoUser {
        name: "Henrike Maaß",
        email: "henrike.maass@demo.mitdenken.example",
        role: "participant",
    },
    // 13
    DemoUser {
        name: "Ole Petersen",
        email: "ole.petersen@demo.mitdenken.example",
        role: "participant",
    },
];

pub const IDEAS: &[DemoIdea] = &[
    // ───────────────────────── digitale-zivilgesellschaft ─────────────────────────
    DemoIdea {
        theme: "digitale-zivilgesellschaft",
        title: "Ehrenamtsbörse für kleine Vereine in jeder Kommune",
        body: "Viele kleine Vereine suchen händeringend Leute, die für ein paar Stunden im Monat mit anpacken: beim Sommerfest, bei der Hausaufgabenhilfe oder bei der Kassenprüfung. Gleichzeitig wollen sich viele Menschen engagieren, finden aber nichts, was zu ihrem Kalender passt.\n\nIch schlage eine **gemeinsame, kostenlose Ehrenamtsbörse** vor, die Kommunen mit wenig Aufwand einbinden können:\n\n- Vereine stellen kurze Einsätze mit Datum und Zeitaufwand ein\n- Interessierte filtern nach Ort, Uhrzeit und Thema\n- keine Registrierungspflicht, um Angebote anzusehen\n\nDer Bund könnte die Software einmal finanzieren und als Open Source bereitstellen.",
        author: 8,
        comments: &[
            (
                9,
                "Genau das fehlt bei uns im Landkreis. Ich würde sofort zwei Samstage im Monat anbieten, weiß aber nicht, wer mich braucht.",
                None,
            ),
            (
                10,
                "Wichtig wäre, dass auch Vereine ohne eigene Website mitmachen können. Unser Familienzentrum hat keine Kapazität für noch ein Portal, das gepflegt werden will.",
                None,
            ),
            (
                8,
                "Guter Punkt. Einträge sollten sich auch per E-Mail oder telefonisch über die örtliche Freiwilligenagentur anlegen lassen.",
                Some(1),
            ),
        ],
    },
    DemoIdea {
        theme: "digitale-zivilgesellschaft",
        title: "Open-Source-Werkzeugkasten für die Vereinsverwaltung",
        body: "Mitgliederlisten in Tabellen, Beitragseinzug per Hand, Protokolle in privaten Cloud-Ordnern: So sieht die Verwaltung in vielen Vereinen aus. Kommerzielle Vereinssoftware ist für kleine Initiativen oft zu teuer, und die Daten liegen dann bei Anbietern, deren Serverstandort niemand kennt.\n\nDas Ministerium könnte einen **geprüften Werkzeugkasten aus freier Software** zusammenstellen und dauerhaft pflegen lassen – mit Mitgliederverwaltung, Terminplanung, Dateiablage und Videokonferenz. Dazu gehören Anleitungen in verständlicher Sprache und eine Hotline für Vorstände, die keine IT-Profis sind.",
        author: 13,
        comments: &[
            (
                11,
                "Freie Software allein reicht nicht, irgendwer muss sie betreiben und Updates einspielen. Wer soll das bei einem Kleingartenverein machen?",
                None,
            ),
            (
                13,
                "Deshalb gehört der Betrieb mit zum Vorschlag: Ein gemeinnütziger Dienstleister hostet zentral, die Vereine nutzen es einfach.",
                Some(0),
            ),
        ],
    },
    DemoIdea {
        theme: "digitale-zivilgesellschaft",
        title: "Innovationswerkstätten auch in Kleinstädten und auf dem Land",
        body: "Die Innovationswerkstätten des Büros sind eine tolle Sache, aber online nehmen vor allem Menschen teil, die ohnehin gut vernetzt sind. In unserem Familienzentrum höre ich ständig gute Ideen von Leuten, die sich nie für ein digitales Format aus Berlin anmelden würden.\n\nMein Vorschlag: **Zweimal im Jahr eine Werkstatt vor Ort**, etwa in einem Mehrgenerationenhaus im ländlichen Raum. Mit Kinderbetreuung, warmem Essen und einer Zusammenfassung, die hinterher hier auf dem Board landet. So kommen Stimmen dazu, die sonst fehlen.",
        author: 10,
        comments: &[
            (
                7,
                "Da wäre ich dabei. Videokonferenzen sind für mich anstrengend, aber ins Gemeindehaus komme ich gern.",
                None,
            ),
            (
                3,
                "Danke für die Anregung. Wir prüfen gerade, ob sich eine Werkstatt im kommenden Jahr mit einem Mehrgenerationenhaus verbinden lässt, und melden uns hier.",
                None,
            ),
            (
                12,
                "Bitte auch an die Fahrtkosten denken. Ohne Auto ist man bei uns nach 18 Uhr praktisch abgeschnitten.",
                None,
            ),
            (
                10,
                "Vielleicht ließen sich Fahrgemeinschaften direkt über die Anmeldung organisieren.",
                Some(2),
            ),
        ],
    },
    DemoIdea {
        theme: "digitale-zivilgesellschaft",
        title: "Gemeinsame Karte sozialer Angebote aus offenen Vereinsdaten",
        body: "Wer in eine neue Stadt zieht, sucht mühsam zusammen, wo es Krabbelgruppen, Sprachcafés oder Schuldnerberatung gibt. Jede Stelle pflegt ihre eigene Liste, und die Hälfte ist veraltet.\n\nWenn Vereine und Träger ihre Angebote in einem **einfachen, offenen Datenformat** veröffentlichen, könnte daraus eine gemeinsame Karte entstehen – ähnlich wie bei Projekten, die Barrierefreiheit von Orten gemeinsam erfassen.\n\n- einheitliches Schema für Ort, Zeiten, Zielgruppe und Sprache\n- freie Lizenz, damit auch Kommunen und Apps die Daten nutzen dürfen\n- kleine Förderung für Vereine, die ihre Einträge aktuell halten",
        author: 11,
        comments: &[],
    },
    // ───────────────────────── digitale-kompetenzen ─────────────────────────
    DemoIdea {
        theme: "digitale-kompetenzen",
        title: "Digitalpaten in Seniorentreffs: Jugendliche erklären Tablet und Smartphone",
        body: "Ich bin 74 und habe mein Tablet von meinen Enkeln geschenkt bekommen. Die wohnen leider 400 Kilometer weit weg. In unserem Seniorentreff geht es vielen so: Man hat ein Gerät, traut sich aber nicht, Neues auszuprobieren.\n\nSchön wäre eine **feste Sprechstunde einmal pro Woche**, in der Schülerinnen und Schüler geduldig Fragen beantworten – zum Beispiel, wie man Fotos verschickt, einen Videoanruf startet oder einen Arzttermin online bucht. Für die Jugendlichen könnte das als Sozialpraktikum zählen. Wir Älteren bringen den Kuchen mit.",
        author: 7,
        comments: &[
            (
                13,
                "Wir haben so etwas im Jugendverband ausprobiert. Die Jugendlichen waren anfangs skeptisch und wollten dann gar nicht mehr aufhören.",
                None,
            ),
            (
                5,
                "Tolle Idee! Wichtig finde ich, dass die Paten vorher eine kurze Schulung bekommen, vor allem zu Passwörtern und Datenschutz.",
                None,
            ),
            (
                7,
                "Und dass man dieselbe Person wiedersieht. Beim dritten Mal traut man sich auch, die vermeintlich dummen Fragen zu stellen.",
                Some(1),
            ),
            (
                1,
                "Schöner Vorschlag, vielen Dank. Die Idee mit dem Sozialpraktikum habe ich in die Sammlung für die nächste Innovationswerkstatt aufgenommen.",
                None,
            ),
        ],
    },
    DemoIdea {
        theme: "digitale-kompetenzen",
        title: "Medienkompetenz-Abende für Eltern an Grundschulen",
        body: "Mein Sohn ist in der dritten Klasse, und fast alle Kinder haben schon ein eigenes Smartphone. In der Elternschaft herrscht große Unsicherheit: Ab wann ist ein Messenger in Ordnung? Wie richte ich Bildschirmzeiten ein, ohne dass es jeden Abend Streit gibt?\n\nIch wünsche mir **praktische Elternabende** mit Fachleuten aus der Medienpädagogik, die an jeder Grundschule mindestens einmal im Jahr stattfinden. Keine Vorträge über Gefahren, sondern Hilfe zum Ausprobieren: Geräte mitbringen, Einstellungen gemeinsam vornehmen, Erfahrungen austauschen.",
        author: 5,
        comments: &[
            (
                6,
                "Bitte mehrsprachig anbieten! Bei uns an der Schule sprechen viele Eltern besser Türkisch oder Arabisch als Deutsch.",
                None,
            ),
            (
                9,
                "Ich frage mich, ob die Schulen das zusätzlich stemmen können. Wäre das nicht eher etwas für die Familienbildungsstätten?",
                None,
            ),
        ],
    },
    DemoIdea {
        theme: "digitale-kompetenzen",
        title: "Sicher online im Alter: Kurse gegen Enkeltrick und Phishing",
        body: "Meine Mutter hat letzten Monat eine SMS bekommen, angeblich von mir, mit einer neuen Handynummer und der Bitte um eine dringende Überweisung. Sie hat zum Glück erst angerufen. Viele ihrer Bekannten hatten weniger Glück.\n\nMein Vorschlag sind **kurze, kostenlose Kurse** in Seniorenbegegnungsstätten, Apotheken oder Bankfilialen:\n\n- typische Betrugsmaschen an echten Beispielen zeigen\n- üben, wie man eine Nachricht prüft und wen man anruft\n- ein Merkblatt zum Mitnehmen in großer Schrift\n\nDie Polizei macht so etwas teilweise schon, aber es erreicht bei Weitem nicht alle.",
        author: 12,
        comments: &[
            (
                7,
                "Das Merkblatt bitte wirklich in großer Schrift. Die meisten Broschüren kann ich ohne Lupe nicht lesen.",
                None,
            ),
            (
                11,
                "Finde ich gut, aber man sollte es nicht nur auf Ältere beziehen. Auf Phishing fallen auch viele Jüngere herein.",
                None,
            ),
            (
                12,
                "Stimmt, der Titel ist etwas eng gefasst. Vielleicht als Familienkurs, zu dem man die Eltern einfach mitbringt?",
                Some(1),
            ),
            (
                2,
                "Hinweis aus der Moderation: Bitte in den Kommentaren keine echten Telefonnummern von Betrügern posten, auch nicht zur Warnung. Danke!",
                None,
            ),
            (
                4,
                "Wir nehmen das mit. Im Haus gibt es bereits Material zur digitalen Sicherheit im Alter, das wir hier verlinken, sobald die überarbeitete Fassung vorliegt.",
                None,
            ),
        ],
    },
    DemoIdea {
        theme: "digitale-kompetenzen",
        title: "Podcast in einfacher Sprache zu digitalen Alltagsfragen",
        body: "Viele Erklärangebote zur Digitalisierung sind lange Texte voller Fachbegriffe. Für Menschen mit Lernschwierigkeiten, mit wenig Deutschkenntnissen oder einfach mit wenig Zeit ist das eine echte Hürde.\n\nIch schlage eine **Podcast-Reihe in einfacher Sprache** vor, jede Folge höchstens zehn Minuten lang. Themen könnten sein: Was ist eine Cloud? Wie funktioniert die Online-Ausweisfunktion? Was mache ich, wenn mein Konto gehackt wurde?\n\nMenschen aus der Zielgruppe sollten die Folgen vorab anhören und bewerten, damit sie wirklich verständlich sind.",
        author: 9,
        comments: &[
            (
                10,
                "Einfache Sprache ist so wichtig. Wir haben gute Erfahrungen damit gemacht, Texte von einer Prüfgruppe lesen zu lassen, bevor sie veröffentlicht werden.",
                None,
            ),
            (
                6,
                "Gern auch als Video mit Untertiteln, dann kann man es im Bus ohne Ton schauen.",
                None,
            ),
        ],
    },
    // ───────────────────────── neue-wege-der-beratung ─────────────────────────
    DemoIdea {
        theme: "neue-wege-der-beratung",
        title: "Online-Beratung per Chat für Eltern mit zugeschaltetem Dolmetscher",
        body: "Als mein Vater nach Deutschland kam, hat er zu jedem Termin im Jugendamt jemanden aus der Familie zum Übersetzen mitgenommen. Meistens war das ich, mit zwölf Jahren. Das ist für Kinder eine Belastung und für die Beratung auch nicht gut.\n\nBeratungsstellen für Eltern sollten einen **Chat anbieten, in den bei Bedarf eine Dolmetscherin zugeschaltet wird** – per Text oder per Video. Die Dolmetschdienste könnten bundesweit über einen gemeinsamen Pool organisiert werden, damit auch seltene Sprachen abgedeckt sind. Wichtig sind klare Regeln zur Schweigepflicht für alle Beteiligten.",
        author: 6,
        comments: &[
            (
                10,
                "Dieses Problem kennen wir in der Familienberatung gut. Kinder als Übersetzer sind ein echtes Dilemma, weil dann über Dinge gesprochen wird, die sie nicht hören sollten.",
                None,
            ),
            (
                12,
                "Wie schnell kann man denn jemanden zuschalten? Wenn man erst eine Woche warten muss, hilft das in einer Krise wenig.",
                None,
            ),
            (
                6,
                "Für Krisen bräuchte es sicher einen Bereitschaftsdienst. Für planbare Termine würde schon eine Buchung mit zwei Tagen Vorlauf viel helfen.",
                Some(1),
            ),
        ],
    },
    DemoIdea {
        theme: "neue-wege-der-beratung",
        title: "Erziehungsberatung per Video auch abends nach 20 Uhr",
        body: "Die Öffnungszeiten vieler Beratungsstellen passen nicht zu Familien, in denen beide Eltern arbeiten. Tagsüber ist keine Zeit, und wenn die Kinder im Bett sind, hat die Beratungsstelle längst geschlossen.\n\nEin **Videotermin am Abend**, etwa zwischen 20 und 22 Uhr, würde vielen helfen. Man muss nicht durch die Stadt fahren, keinen Babysitter organisieren und kann in Ruhe sprechen. Die Beraterinnen und Berater könnten dafür an einem anderen Tag später anfangen.\n\nEine datenschutzkonforme Videolösung sollte zentral bereitgestellt werden, damit nicht jede Stelle selbst suchen muss.",
        author: 5,
        comments: &[(
            1,
            "Danke für den Vorschlag. Kennt jemand Beratungsstellen, die das schon so machen? Erfahrungsberichte wären hier sehr hilfreich.",
            None,
        )],
    },
    DemoIdea {
        theme: "neue-wege-der-beratung",
        title: "Anonymer Messenger-Kanal für Jugendliche in Krisen",
        body: "Jugendliche telefonieren kaum noch. Wer in einer schwierigen Lage steckt, schreibt lieber – oft spät in der Nacht. Viele Angebote setzen aber immer noch auf Telefon oder E-Mail.\n\nDer Vorschlag: ein **anonymer Kanal in einem verbreiteten, Ende-zu-Ende-verschlüsselten Messenger**, betreut von geschulten Fachkräften und Peer-Beraterinnen und -Beratern.\n\n- erreichbar auch am Wochenende und nachts\n- keine Angabe von Name oder Wohnort nötig\n- klarer Ablauf, wenn eine akute Gefahr erkennbar ist\n\nBestehende Angebote könnten sich zusammentun, statt dass jede Stelle einen eigenen Kanal aufbaut.",
        author: 13,
        comments: &[
            (
                8,
                "Die Frage ist, welcher Messenger. Die verbreitetsten sind datenschutzrechtlich nicht unproblematisch.",
                None,
            ),
            (
                13,
                "Ja, das ist ein Zielkonflikt. Ich würde trotzdem dorthin gehen, wo die Jugendlichen sind, und sehr offen über die Risiken informieren.",
                Some(0),
            ),
            (
                9,
                "Meine Tochter hat so ein Chat-Angebot einmal genutzt und war sehr dankbar. Das Wichtigste war für sie, dass niemand ihren Namen wissen wollte.",
                None,
            ),
            (
                3,
                "Zu bestehenden Online-Beratungsangeboten für Jugendliche stellen wir gern eine Übersicht zusammen. Die Idee der Bündelung finden wir spannend.",
                None,
            ),
        ],
    },
    DemoIdea {
        theme: "neue-wege-der-beratung",
        title: "Gemeinsame Online-Terminbuchung für alle Beratungsstellen einer Region",
        body: "Wer Hilfe sucht, telefoniert oft eine Stelle nach der anderen ab: Schwangerschaftsberatung, Schuldnerberatung, Erziehungsberatung. Jede hat eigene Sprechzeiten und eine eigene Warteliste.\n\nEine **gemeinsame Buchungsseite pro Landkreis** würde freie Termine aller Träger zeigen, ohne dass diese ihre Eigenständigkeit aufgeben. Ratsuchende sehen sofort, wo es schnell geht, und können angeben, ob sie persönlich, telefonisch oder per Video sprechen möchten.\n\nFür die Träger entfällt ein Teil der Telefonzeit, die heute allein mit Terminabsprachen verbracht wird.",
        author: 10,
        comments: &[
            (
                11,
                "Klingt praktisch. Aber dann sollte man Termine auch ohne Konto und ohne Klarnamen buchen können, sonst schreckt es gerade die ab, denen es unangenehm ist.",
                None,
            ),
            (
                10,
                "Einverstanden. Ein Vorname oder Kürzel und eine Telefonnummer für Rückfragen sollten reichen.",
                Some(0),
            ),
        ],
    },
    // ───────────────────────── begleitender-sozialstaat ─────────────────────────
    DemoIdea {
        theme: "begleitender-sozialstaat",
        title: "Barrierefreie Antragsformulare für das Elterngeld in einfacher Sprache",
        body: "Ich habe für mein zweites Kind Elterngeld beantragt und für die Formulare einen ganzen Abend gebraucht – mit Studium und guten Deutschkenntnissen. Wie soll das jemand schaffen, der eine Sehbehinderung hat oder gerade erst Deutsch lernt?\n\nAlle Antragsformulare rund um Familienleistungen sollten **barrierefrei und in einfacher Sprache** verfügbar sein:\n\n- mit Screenreadern vollständig bedienbar\n- Erklärungen direkt neben jedem Feld, nicht in einem separaten Merkblatt\n- Zwischenspeichern, damit man nicht alles auf einmal ausfüllen muss\n\nGetestet werden sollte das mit den Menschen, die es am Ende nutzen.",
        author: 12,
        comments: &[
            (
                9,
                "Das Zwischenspeichern ist für mich der wichtigste Punkt. Mit einem Neugeborenen hat man nie zwei Stunden am Stück.",
                None,
            ),
            (
                8,
                "Wir bieten im Verein Antragshilfe an und sehen jede Woche, an welchen Feldern Leute scheitern. Diese Erfahrung würden wir gern einbringen.",
                None,
            ),
            (
                4,
                "Vielen Dank, das ist sehr wertvoll. Nutzertests sind fest eingeplant; wir geben hier Bescheid, wenn Testpersonen gesucht werden.",
                Some(1),
            ),
        ],
    },
    DemoIdea {
        theme: "begleitender-sozialstaat",
        title: "Familienleistungen automatisch vorschlagen statt suchen lassen",
        body: "Viele Familien bekommen Leistungen nicht, auf die sie Anspruch hätten, weil sie schlicht nichts davon wissen. Kinderzuschlag, Bildungs- und Teilhabepaket, Wohngeld: Die Begriffe sind vielen fremd, und die Zuständigkeiten erst recht.\n\nNach der Geburt eines Kindes oder bei einem Umzug könnte die Verwaltung **von sich aus Hinweise geben**, welche Leistungen infrage kommen – nur mit ausdrücklicher Einwilligung und nur mit den Daten, die ohnehin schon vorliegen.\n\nSo käme der Staat weg vom Prinzip des Bittstellens und würde Familien aktiv begleiten.",
        author: 9,
        comments: &[
            (
                11,
                "Grundsätzlich gut, aber ich möchte genau wissen, welche Daten dafür zusammengeführt werden. Vertrauen entsteht nur durch Transparenz.",
                None,
            ),
            (
                5,
                "Das hätte ich mir nach der Geburt meiner Tochter sehr gewünscht. Vom Kinderzuschlag habe ich erst zwei Jahre später gehört.",
                None,
            ),
        ],
    },
    DemoIdea {
        theme: "begleitender-sozialstaat",
        title: "Open-Data-Portal für Familienleistungen und Förderangebote",
        body: "Es gibt unzählige Rechner und Ratgeber zu Familienleistungen, aber jeder pflegt Beträge und Fristen selbst ein. Fehler und veraltete Angaben sind die Folge.\n\nDas Ministerium könnte die Regeln zu Leistungen wie Kindergeld, Elterngeld oder Kinderzuschlag als **offene, maschinenlesbare Daten** veröffentlichen: Beträge, Einkommensgrenzen, Fristen, zuständige Stellen. Dann können Vereine, Kommunen und ehrenamtliche Entwicklerinnen verlässliche Anwendungen bauen, die immer auf dem aktuellen Stand sind.\n\nEine Schnittstelle mit Versionen würde außerdem zeigen, ab wann welche Regel gilt.",
        author: 11,
        comments: &[
            (
                13,
                "Großartig. Wir haben bei einem Hackathon genau daran gearbeitet und sind am Ende an veralteten PDF-Tabellen gescheitert.",
                None,
            ),
            (
                7,
                "Was ist denn eine maschinenlesbare Datei? Für Laien wäre eine kurze Erklärung schön.",
                None,
            ),
            (
                11,
                "Gemeint ist, dass ein Computerprogramm die Angaben direkt auslesen kann, statt dass jemand eine PDF-Tabelle abtippen muss.",
                Some(1),
            ),
            (
                2,
                "Danke für die verständliche Erklärung – genau so stellen wir uns die Diskussion hier vor.",
                None,
            ),
            (
                3,
                "Die Anregung passt gut zur Datenstrategie, an der wir arbeiten. Wir klären, welche Leistungsdaten sich kurzfristig offen bereitstellen lassen.",
                None,
            ),
            (
                8,
                "Bitte mit einer freien Lizenz, sonst dürfen Vereine die Daten am Ende doch nicht verwenden.",
                Some(4),
            ),
        ],
    },
    DemoIdea {
        theme: "begleitender-sozialstaat",
        title: "Digitaler Antragsstatus wie bei der Paketverfolgung",
        body: "Wenn ich ein Paket bestelle, sehe ich jederzeit, wo es gerade ist. Wenn ich einen Antrag auf Elterngeld stelle, höre ich wochenlang gar nichts und rufe irgendwann genervt bei der Hotline an.\n\nEin **einfacher Statusbalken** würde viel Unruhe nehmen: Antrag eingegangen, in Bearbeitung, Unterlagen fehlen, entschieden. Fehlt etwas, sollte direkt angezeigt werden, was genau und bis wann.\n\nDas entlastet auch die Sachbearbeitung, weil deutlich weniger Nachfragen per Telefon und E-Mail ankommen.",
        author: 6,
        comments: &[
            (
                12,
                "Unbedingt. Das Warten ohne jede Rückmeldung ist das Schlimmste, besonders wenn man auf das Geld angewiesen ist.",
                None,
            ),
            (
                1,
                "Kurzer Hinweis: Einen ähnlichen Vorschlag gab es schon zum Wohngeld. Vielleicht lohnt es sich, beides gemeinsam zu denken.",
                None,
            ),
        ],
    },
    // ───────────────────────── digitale-ethik ─────────────────────────
    DemoIdea {
        theme: "digitale-ethik",
        title: "Ethik-Leitlinien für KI in der Kinder- und Jugendhilfe",
        body: "In einigen Ländern werden bereits Algorithmen eingesetzt, um das Risiko einer Kindeswohlgefährdung einzuschätzen. Auch hierzulande wird über KI-gestützte Dokumentation und Entscheidungshilfen gesprochen.\n\nBevor solche Systeme eingeführt werden, braucht es **verbindliche Leitlinien**, die gemeinsam mit Fachkräften, Betroffenen und Zivilgesellschaft entwickelt werden:\n\n- eine Maschine entscheidet nie allein über Hilfen oder Eingriffe\n- Familien haben ein Recht zu erfahren, ob und wie KI eingesetzt wurde\n- Systeme werden regelmäßig unabhängig auf Verzerrungen geprüft\n\nLieber jetzt sorgfältig als später hektisch.",
        author: 8,
        comments: &[
            (
                10,
                "Volle Zustimmung. Ich habe die Sorge, dass KI am Ende vor allem genutzt wird, um Personal einzusparen.",
                None,
            ),
            (
                11,
                "Ich sehe auch Chancen, etwa wenn KI Fachkräften lästige Dokumentation abnimmt und mehr Zeit für Gespräche bleibt. Die Leitlinien sollten das nicht pauschal verhindern.",
                None,
            ),
            (
                8,
                "Einverstanden, es geht nicht um ein Verbot. Aber Entscheidungen über Familien müssen bei Menschen bleiben.",
                Some(1),
            ),
        ],
    },
    DemoIdea {
        theme: "digitale-ethik",
        title: "Kinderfotos im Netz: Kampagne für mehr Zurückhaltung",
        body: "Ultraschallbild, erster Zahn, erster Schultag: Viele Kinder haben ein öffentliches Fotoalbum, bevor sie sprechen können. Was heute niedlich wirkt, kann später peinlich oder sogar gefährlich werden.\n\nIch wünsche mir eine **freundliche, nicht belehrende Kampagne**, die Eltern, Großeltern und Vereine zum Nachdenken bringt. Zum Beispiel mit einfachen Faustregeln: Gesicht nicht erkennbar, kein Standort, keine Fotos in Badekleidung.\n\nKitas und Sportvereine könnten Aushänge bekommen, die erklären, warum sie vor dem Fotografieren nachfragen.",
        author: 12,
        comments: &[
            (
                5,
                "Ich habe selbst lange Fotos gepostet, ohne darüber nachzudenken. Eine Kampagne ohne erhobenen Zeigefinger hätte mich sicher erreicht.",
                None,
            ),
            (
                7,
                "Das gilt auch für uns Großeltern. Wir sind oft die, die stolz alles weiterschicken.",
                None,
            ),
        ],
    },
    DemoIdea {
        theme: "digitale-ethik",
        title: "Prüfsiegel für datensparsame Kita-Apps",
        body: "Immer mehr Kitas nutzen Apps, um mit Eltern zu kommunizieren: Krankmeldungen, Fotos vom Ausflug, Essenspläne. Für Leitungen ist kaum zu beurteilen, welche App Daten sparsam behandelt und welche sie für Werbung auswertet.\n\nEin **unabhängiges Prüfsiegel** mit klaren Kriterien würde Kitas und Trägern die Auswahl erleichtern:\n\n- Serverstandort und Verschlüsselung\n- keine Werbung und kein Tracking\n- feste Löschfristen\n- Export aller Daten bei einem Wechsel\n\nDie Kriterien sollten öffentlich sein, damit auch Anbieter wissen, woran sie arbeiten müssen.",
        author: 10,
        comments: &[
            (
                13,
                "Siegel gibt es schon viele. Wer soll das prüfen und wie oft? Apps ändern sich mit jedem Update.",
                None,
            ),
            (
                10,
                "Deshalb würde ich das Siegel befristen, zum Beispiel auf ein Jahr, und stichprobenartig nachprüfen lassen.",
                Some(0),
            ),
            (
                5,
                "Unsere Kita hat die App gewechselt, und alle Fotos waren weg. Der Punkt mit dem Datenexport ist also sehr berechtigt.",
                None,
            ),
        ],
    },
    DemoIdea {
        theme: "digitale-ethik",
        title: "Öffentliches Verzeichnis der Algorithmen in Familienbehörden",
        body: "Wenn Software mitentscheidet, wer zuerst einen Kitaplatz bekommt oder welche Anträge genauer geprüft werden, sollten Bürgerinnen und Bürger das wissen dürfen.\n\nIch schlage ein **öffentliches Verzeichnis** vor, in dem Behörden im Familienbereich eintragen, welche automatisierten Verfahren sie nutzen, wofür, mit welchen Daten und wer dafür verantwortlich ist. Das muss kein Quellcode sein, aber eine verständliche Beschreibung.\n\nEinige Städte im In- und Ausland führen solche Register bereits – daran könnte man sich orientieren.",
        author: 9,
        comments: &[(
            6,
            "Gute Idee. Ich wusste gar nicht, dass Kitaplätze teilweise per Software vergeben werden.",
            None,
        )],
    },
    // ───────────────────────── chancengerechtigkeit ─────────────────────────
    DemoIdea {
        theme: "chancengerechtigkeit",
        title: "Leihgeräte für Familien mit wenig Geld über die Stadtbibliothek",
        body: "Als die Schulen während der Pandemie geschlossen waren, hat sich gezeigt, wie viele Kinder zuhause kein eigenes Gerät haben. Das Problem ist nicht verschwunden: Hausaufgaben, Bewerbungen und Anträge laufen inzwischen fast nur noch digital.\n\nStadtbibliotheken sind ideale Orte für einen **Geräteverleih**: Laptops und Tablets mit vorinstallierter Lernsoftware, ausleihbar für mehrere Wochen, bei Bedarf mit mobilem Internet. Ein Bibliotheksausweis reicht, kein Einkommensnachweis. So muss niemand seine finanzielle Lage offenlegen, um ein Gerät zu bekommen.",
        author: 5,
        comments: &[
            (
                13,
                "Der Punkt mit dem Einkommensnachweis ist wichtig. Viele Familien nehmen Hilfen nicht an, weil sie sich schämen.",
                None,
            ),
            (
                11,
                "Wer kümmert sich um Reparaturen und das Zurücksetzen der Geräte? Das ist zusätzliche Arbeit für die Bibliotheken.",
                None,
            ),
            (
                8,
                "Bei uns übernimmt das ein Repair-Café. Ehrenamtliche setzen die Geräte jeden Donnerstag zurück, das klappt seit zwei Jahren gut.",
                Some(1),
            ),
        ],
    },
    DemoIdea {
        theme: "chancengerechtigkeit",
        title: "Kostenloses WLAN in Gemeinschaftsunterkünften und Frauenhäusern",
        body: "In vielen Gemeinschaftsunterkünften gibt es bis heute kein verlässliches Internet. Kinder machen Hausaufgaben mit dem Datenvolumen der Eltern, und wenn das aufgebraucht ist, geht nichts mehr. In Frauenhäusern ist stabiles Internet oft die einzige sichere Verbindung zu Familie, Anwältin und Schule.\n\nEin **Bundesprogramm für WLAN in solchen Einrichtungen** wäre vergleichsweise günstig und hätte große Wirkung. Gerade in Frauenhäusern braucht es dabei eine sichere Einrichtung, damit niemand über das Netz geortet werden kann.",
        author: 6,
        comments: &[
            (
                10,
                "Aus unserer Zusammenarbeit mit einem Frauenhaus kann ich das nur bestätigen. Die Sicherheitsfrage muss aber von Fachleuten gelöst werden, nicht nebenbei vom Hausmeister.",
                None,
            ),
            (
                4,
                "Danke für den Hinweis. Die sichere digitale Ausstattung von Frauenhäusern nehmen wir in die laufenden Gespräche mit den Ländern mit.",
                None,
            ),
        ],
    },
    DemoIdea {
        theme: "chancengerechtigkeit",
        title: "Online-Mentoring für Mädchen in MINT-Fächern",
        body: "Mädchen, die sich für Programmieren oder Technik interessieren, haben in ihrem Umfeld oft kein Vorbild. Besonders auf dem Land gibt es kaum passende Angebote.\n\nEin **Mentoring-Programm per Videokonferenz** könnte Schülerinnen ab Klasse 7 mit Studentinnen und berufstätigen Frauen aus IT, Ingenieurwesen und Naturwissenschaften zusammenbringen:\n\n- einmal im Monat eine Stunde Austausch\n- kleine gemeinsame Projekte zwischendurch\n- ein Treffen pro Jahr in Präsenz\n\nDas kostet wenig und erreicht Mädchen unabhängig vom Wohnort.",
        author: 9,
        comments: &[
            (
                12,
                "Ich arbeite als Softwareentwicklerin und würde mich sofort als Mentorin melden.",
                None,
            ),
            (
                13,
                "Gute Sache. Ich würde es aber nicht nur für Mädchen öffnen, sondern für alle, die sich in MINT unterrepräsentiert fühlen.",
                None,
            ),
            (
                9,
                "Darüber kann man reden. Mir ging es darum, dass der Raum geschützt ist und die Mädchen sich trauen, Fragen zu stellen.",
                Some(1),
            ),
        ],
    },
    DemoIdea {
        theme: "chancengerechtigkeit",
        title: "Sozialtarif für Internetanschlüsse von Familien mit geringem Einkommen",
        body: "Ein Internetanschluss ist heute fast so wichtig wie Strom und Wasser. Für Familien mit wenig Geld sind 30 oder 40 Euro im Monat aber ein großer Posten, der oft als Erstes gestrichen wird.\n\nAndere Länder haben **Sozialtarife** eingeführt, bei denen Anbieter einen günstigen Grundanschluss für Menschen mit geringem Einkommen bereitstellen. Ein solcher Tarif sollte schnell genug für Videounterricht sein und ohne lange Vertragslaufzeit auskommen.\n\nDie Berechtigung ließe sich einfach über einen vorhandenen Bescheid nachweisen.",
        author: 13,
        comments: &[
            (
                7,
                "Das wäre auch für viele Rentnerinnen in meinem Bekanntenkreis eine große Hilfe.",
                None,
            ),
            (
                11,
                "Wäre es nicht einfacher, den Regelsatz entsprechend zu erhöhen, statt einen neuen Tarif zu schaffen?",
                None,
            ),
        ],
    },
];

/// Fragments combined by the bulk generator (`seed-demo --ideas N`) into many distinct, plausible titles:
/// title = format!("{} {}", TITLE_STARTS[i], TITLE_TOPICS[j]).
pub const TITLE_STARTS: &[&str] = &[
    "Digitale Sprechstunde für",
    "Offene Werkstatt für",
    "Lotsendienst für",
    "Mehrsprachiger Beratungschat für",
    "Ehrenamtliche Technikhilfe für",
    "Leihgeräte-Pool für",
    "Barrierefreies Antragsportal für",
    "Wöchentliches Digitalcafé für",
    "Online-Austauschrunde für",
    "Mentoring-Programm für",
    "Digitale Anlaufstelle für",
    "Erklärvideos in einfacher Sprache für",
    "Anonyme Chatberatung für",
    "Datenschutz-Sprechstunde für",
    "Lernplattform für",
    "Vernetzungstreffen für",
    "Patenschaftsprogramm für",
    "Mobile Beratung im Bus für",
    "Smartphone-Kurs für",
    "Digitaler Wegweiser für",
    "Sichere Videoplattform für",
    "Online-Terminbuchung für",
    "Medienkompetenz-Training für",
    "Mitmach-App für",
    "Telefonische Digitalhilfe für",
    "Kleiner Digitalfonds für",
    "Peer-Beratung für",
    "Feierabend-Sprechstunde für",
    "Digitale Nachbarschaftshilfe für",
    "Online-Infoabend für",
    "Online-Selbsthilfegruppe für",
    "Zentrale Infoseite für",
    "Digitalpaten-Netzwerk für",
    "Videoberatung mit Dolmetschdienst für",
    "Offene Daten zu Angeboten für",
    "Wochenend-Hotline für",
    "Beteiligungsplattform für",
    "Beteiligungswerkstatt für",
    "Praxisleitfaden Datenschutz für",
    "Sprechstunde vor Ort und online für",
];

pub const TITLE_TOPICS: &[&str] = &[
    "Alleinerziehende im ländlichen Raum",
    "pflegende Angehörige",
    "Familien mit kleinen Kindern",
    "Großeltern mit Enkeln in der Ferne",
    "Jugendliche in Ausbildung",
    "Seniorinnen und Senioren in Pflegeheimen",
    "Eltern von Kindern mit Behinderung",
    "Familien mit Fluchterfahrung",
    "Ehrenamtliche in Sportvereinen",
    "kleine Vereine ohne Hauptamtliche",
    "Väter in Elternzeit",
    "junge Eltern im ersten Babyjahr",
    "Regenbogenfamilien",
    "Patchworkfamilien",
    "Kinder aus suchtbelasteten Familien",
    "Frauen nach einer Trennung",
    "Schülerinnen und Schüler ohne eigenes Gerät",
    "Studierende mit Kind",
    "kinderreiche Familien",
    "Menschen mit Sehbehinderung",
    "gehörlose Eltern",
    "Familien in Kleinstädten",
    "Mädchen mit Interesse an Technik",
    "Jugendliche in Wohngruppen",
    "Pflegefamilien",
    "Adoptiveltern",
    "Fachkräfte in Familienzentren",
    "Tagesmütter und Tagesväter",
    "Familien in Schichtarbeit",
    "Seniorinnen und Senioren ohne Internetanschluss",
    "Menschen mit geringen Deutschkenntnissen",
    "Eltern mit psychischen Belastungen",
    "berufstätige Mütter in Teilzeit",
    "Familien im Bürgergeldbezug",
    "junge Menschen mit Pflegeverantwortung",
    "ältere Menschen in Dörfern ohne Nahversorgung",
    "Eltern von Frühgeborenen",
    "Familien nach einem Umzug",
    "unbegleitete minderjährige Geflüchtete",
    "Bewohnerinnen von Frauenhäusern",
    "Fördervereine an Grundschulen",
    "Jugendverbände und Jugendinitiativen",
    "Engagierte in der Nachbarschaftshilfe",
    "Familien mit chronisch kranken Kindern",
    "Migrantenselbstorganisationen",
    "Eltern von Kita-Kindern",
    "Menschen mit Lernschwierigkeiten",
    "Mehrgenerationenfamilien",
    "werdende Eltern",
    "getrennt erziehende Eltern",
    "Fachkräfte der Kinder- und Jugendhilfe",
    "engagierte Ruheständlerinnen und Ruheständler",
    "Familien mit kleinem Einkommen",
    "allein lebende ältere Menschen",
    "Jugendliche im Freiwilligendienst",
    "Ehrenamtliche in der Hospizarbeit",
    "Nachbarschaftsinitiativen im Quartier",
    "Eltern von Teenagern",
    "Berufsrückkehrerinnen nach der Familienzeit",
    "Familien auf Inseln und Halligen",
];

/// Short comment texts reused by the bulk generator.
pub const COMMENT_SNIPPETS: &[&str] = &[
    "Gute Idee, das würde bei uns im Viertel sofort genutzt.",
    "Wer soll das finanzieren? Das fehlt mir im Vorschlag noch.",
    "Haben wir im Verein schon ausprobiert – funktioniert, wenn man einen langen Atem hat.",
    "Bitte unbedingt auch in einfacher Sprache anbieten.",
    "Klingt gut, aber wie erreicht man die Menschen, die gar nicht online sind?",
    "Ich unterstütze das und würde mich gern ehrenamtlich einbringen.",
    "Gibt es dafür schon ein Vorbild aus einer anderen Stadt?",
    "Der Datenschutz sollte von Anfang an mitgedacht werden.",
    "Endlich sagt das mal jemand!",
    "Ich bin skeptisch. Noch ein Portal, das nach zwei Jahren niemand mehr pflegt?",
    "Wichtig wäre, die Zielgruppe von Anfang an zu beteiligen.",
    "Bei uns auf dem Land scheitert so etwas leider schon am schlechten Netz.",
    "Wir haben damit gute Erfahrungen gemacht und tauschen uns gern aus.",
    "Könnte man das nicht mit bestehenden Angeboten verbinden, statt etwas Neues aufzubauen?",
    "Daumen hoch von einer Mutter dreier Kinder.",
    "Die Idee ist gut, der Zeitplan aber sehr ambitioniert.",
    "Mir fehlt noch, wie das barrierefrei umgesetzt werden soll.",
    "Das sollte es in jeder Kommune geben.",
    "Wie wird sichergestellt, dass die Daten nicht weitergegeben werden?",
    "Ein Pilotprojekt in zwei, drei Regionen wäre ein guter Anfang.",
    "Ich leite das direkt an unser Familienzentrum weiter.",
    "Bitte auch an Menschen denken, die nachts arbeiten.",
    "Sehr konkret und umsetzbar – so etwas wünsche ich mir hier öfter.",
    "Das kostet wenig und bringt viel. Warum gibt es das noch nicht?",
    "Gute Grundidee, aber es darf nicht allein an Ehrenamtlichen hängen.",
    "Mehrsprachigkeit wäre hier ein echter Gewinn.",
    "Ich habe als Großvater genau dieses Problem erlebt.",
    "Vielleicht könnte eine Hochschule das wissenschaftlich begleiten?",
    "Das passt gut zu dem, was in der letzten Innovationswerkstatt diskutiert wurde.",
    "Bitte nicht nur als App – nicht alle haben ein aktuelles Smartphone.",
    "Wir sind ein kleiner Verein und würden sofort mitmachen.",
    "Ich finde, das gehört eher in die Zuständigkeit der Länder.",
    "Klasse! Gibt es schon eine Gruppe, die das weiterdenkt?",
    "Ohne feste Ansprechperson vor Ort wird das schwierig.",
    "Kann jemand aus dem Ministerium sagen, ob es dazu schon Pläne gibt?",
    "Das würde gerade Alleinerziehenden viel Zeit sparen.",
    "Gute Idee, aber bitte ohne Zwang zur Registrierung.",
    "Ich habe meine Zweifel, ob das die richtigen Leute erreicht.",
    "Unterstützt! Ich teile das mal in unserem Elternnetzwerk.",
    "Wie wäre es, das erst ein halbes Jahr zu testen und dann auszuwerten?",
];

/// Short Markdown paragraphs combined into bulk idea bodies.
pub const BODY_PARAGRAPHS: &[&str] = &[
    "In vielen Familien fehlt im Alltag schlicht die Zeit, sich durch unübersichtliche Angebote zu arbeiten. Wer Unterstützung braucht, sollte sie schnell und ohne Umwege finden. Genau hier setzt dieser Vorschlag an.",
    "Der Vorschlag ist bewusst klein gedacht: **erst ausprobieren, dann ausweiten**. Ein Pilot in zwei oder drei Kommunen würde zeigen, was funktioniert und was nicht.",
    "Wichtig ist, dass die Menschen, um die es geht, von Anfang an mitreden. Ein Angebot, das allein am Schreibtisch entworfen wird, geht oft an der Wirklichkeit vorbei.",
    "Wir haben in unserem Verein ähnliche Erfahrungen gemacht. Viele Engagierte haben gute Ideen, aber wenig Zeit und kaum technische Unterstützung. Eine kleine, verlässliche Hilfe würde hier viel bewirken.",
    "Datenschutz darf dabei kein Nachgedanke sein. Es sollten nur die Daten erhoben werden, die wirklich gebraucht werden, und sie sollten nach einer festen Frist gelöscht werden.",
    "Nicht alle haben ein aktuelles Smartphone oder einen schnellen Internetanschluss. Deshalb sollte es immer auch einen **analogen Zugang** geben, etwa per Telefon oder vor Ort.",
    "Zur Umsetzung schlage ich drei Schritte vor:\n\n- eine feste Ansprechperson pro Region\n- Material in einfacher Sprache\n- eine ehrliche Auswertung nach einem Jahr",
    "Die Kosten halten sich in Grenzen, wenn man auf vorhandene Strukturen aufbaut. Familienzentren, Bibliotheken und Mehrgenerationenhäuser sind bereits vor Ort und genießen Vertrauen.",
    "Andere Länder sind hier schon weiter. Es lohnt sich, von deren Erfahrungen zu lernen, statt alles neu zu erfinden.",
    "Mehrsprachigkeit ist entscheidend. Viele Familien sprechen zuhause eine andere Sprache als Deutsch und fühlen sich von Behördentexten ausgeschlossen.",
    "Ich stelle mir vor, dass Ehrenamtliche und Fachkräfte Hand in Hand arbeiten. Die Ehrenamtlichen bringen Zeit und Nähe mit, die Fachkräfte das nötige Wissen.",
    "Gerade im ländlichen Raum sind die Wege weit, und der Bus fährt selten. **Digitale Angebote können Entfernungen überbrücken**, ersetzen aber nicht den persönlichen Kontakt.",
    "Offener Quellcode und freie Lizenzen würden dafür sorgen, dass andere Kommunen und Vereine das Angebot übernehmen und weiterentwickeln können. So wird jeder Euro Förderung mehrfach wirksam.",
    "Barrierefreiheit muss von Beginn an mitgedacht werden. Dazu gehören gut lesbare Schrift, verständliche Sprache, Bedienbarkeit mit Screenreader und Untertitel bei Videos.",
    "Viele Betroffene schämen sich, um Hilfe zu bitten. Ein niedrigschwelliger und auf Wunsch anonymer Zugang kann diese Hürde deutlich senken.",
    "Wichtig wäre eine **verlässliche Finanzierung über mehrere Jahre**. Projekte, die nach zwölf Monaten auslaufen, hinterlassen oft mehr Frust als Nutzen.",
    "Die Idee entstand bei einem Elternabend, an dem viele dieselben Fragen hatten. Offenbar geht es nicht nur uns so.",
    "Ich würde mich freuen, wenn das Innovationsbüro den Vorschlag in einer der nächsten Werkstätten aufgreift. Gern bringe ich meine Erfahrungen dort ein.",
    "Nach einem Jahr sollte ein kurzer Bericht zeigen, wie viele Menschen erreicht wurden und was es ihnen gebracht hat. Dabei zählen **nicht nur Klickzahlen**, sondern echte Rückmeldungen.",
    "Das Angebot sollte auch abends und am Wochenende erreichbar sein. Gerade Berufstätige und Menschen in Schichtarbeit haben sonst kaum eine Chance.",
    "Es gibt bereits gute Einzelprojekte, aber sie sind kaum bekannt. Eine bessere Vernetzung würde verhindern, dass jede Initiative wieder bei null anfängt.",
    "Künstliche Intelligenz kann hier unterstützen, etwa beim Übersetzen oder beim Sortieren von Anfragen. Die Entscheidung über Hilfen muss aber immer bei Menschen liegen.",
    "Für Kinder und Jugendliche braucht es eigene, altersgerechte Zugänge. Was für Erwachsene funktioniert, spricht junge Menschen oft überhaupt nicht an.",
    "Ich bin selbst betroffen und weiß, wie viel Kraft es kostet, sich neben Arbeit und Familie auch noch durch Formulare zu kämpfen. Jede Vereinfachung hilft.",
    "Für den Start würde schon eine einfache Lösung genügen. Perfektion ist nicht nötig – wichtig ist, dass es überhaupt losgeht.",
    "Seniorentreffs, Schulen und Vereine könnten als Multiplikatoren dienen. Sie kennen die Menschen vor Ort und wissen, wie man sie anspricht.",
    "Bei der Umsetzung sollte man auf **offene Standards** achten. So bleiben die Daten nutzbar, auch wenn sich der Anbieter einmal ändert.",
    "Vielleicht lässt sich der Vorschlag mit bestehenden Förderprogrammen verbinden. Dann müssten keine neuen Strukturen geschaffen werden.",
    "Am Ende geht es um Vertrauen. Menschen nutzen digitale Angebote nur, wenn sie verstehen, was mit ihren Daten passiert, und wenn jemand ansprechbar ist, falls etwas schiefgeht.",
    "Wer Lust hat, an der Idee weiterzuarbeiten, kann sich gern in den Kommentaren melden. Gemeinsam lässt sich daraus ein konkreter Plan machen.",
];
