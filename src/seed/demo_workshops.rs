//! The fifth and sixth Innovationswerkstatt of the office (texts from its own pages, the
//! learnings word for word) and one upcoming workshop to try registering, for `seed-demo`.

use crate::db::{self, Db, workshops::WorkshopFields};
use crate::domain::workshop::{AgendaRow, WorkshopFormat, parse_agenda};
use crate::web::datetime::berlin_to_unix;
use time::{Date, Month, Time};

pub struct DemoWorkshop {
    pub title: &'static str,
    /// Berlin wall-clock date and times: (year, month, day), (hour, minute) twice.
    pub date: (i32, Month, u8),
    pub start: (u8, u8),
    pub end: (u8, u8),
    pub format: WorkshopFormat,
    pub location: &'static str,
    pub seats: i64,
    pub registration_open: bool,
    pub theme: &'static str,
    /// Plain text paragraphs (no Markdown in them; `*` of gendered words is escaped on save).
    pub description: &'static str,
    pub report: &'static str,
    /// As typed into the form: `time | item | person, organisation`.
    pub agenda: &'static str,
    /// (short title, text word for word from the office's page, titles of demo ideas to link)
    pub learnings: &'static [(&'static str, &'static str, &'static [&'static str])],
    /// E-mail addresses of demo accounts registered for it.
    pub registered: &'static [&'static str],
}

pub const WORKSHOPS: &[DemoWorkshop] = &[
    DemoWorkshop {
        title: "Fünfte Innovationswerkstatt: Wie können Verwaltung und Zivilgesellschaft in der Krise zusammenarbeiten?",
        // The office's page names no date for the fifth workshop. The format runs quarterly
        // and the sixth was on 9 December 2020, so 9 September 2020 at the same evening hour
        // is assumed here (a summer-time date, which the calendar export also shows).
        date: (2020, Month::September, 9),
        start: (17, 0),
        end: (18, 30),
        // Held during the pandemic; digital is assumed like the sixth.
        format: WorkshopFormat::Digital,
        location: "",
        seats: 30,
        registration_open: false,
        theme: "neue-wege-der-beratung",
        description: "Bei der fünften Innovationswerkstatt ging es um die Zusammenarbeit von Verwaltung und Zivilgesellschaft und insbesondere um die Frage, wie man Beratungsangebote besser digitalisieren kann.

Wie können die öffentliche Verwaltung und die Zivilgesellschaft in Zeiten der Coronakrise bestmöglich zusammenarbeiten? Und was kann die Verwaltung aus der Krise lernen?",
        report: "Einen ersten Input gab Adriana Groh vom Prototype Fund und Mitinitiatorin des WirvsVirus Hackathons der Bundesregierung. Zwischen dem Moment, an dem mehrere Menschen zur gleichen Zeit die gleiche Idee hatten, bis zum Wochenende, an dem über 40.000 Menschen 1.500 Lösungen hackten, verging gerade mal eine Woche, berichtet Groh.

Was bleibt nach dem Wochenende voller Euphorie und Innovation? Da sind die 36 Lösungen, die 42 Tage nach dem Hackathon live sind. Da sind die vielen Projekte, von denen 83 % weiterverfolgt werden. Da sind die 77 % der Teilnehmenden, die das Gefühl hatten, einen gesellschaftlichen Beitrag zu leisten. Da ist das Umsetzungsprogramm, das weiterhin hilft, die Projekte auf die Straße zu bringen. Da ist das verstärkte Vertrauen in die Regierung, das bei 56 % der Teilnehmenden eintrat. „Wir müssen radikale Kooperationen zwischen der Zivilgesellschaft, Unternehmen und der Verwaltung vorantreiben“, so Groh abschließend.

Im zweiten Teil berichteten mehrere Referate des Bundesfamilienministeriums, vor welche Herausforderungen die Coronakrise sie gestellt hat und wie die Zivilgesellschaft hier helfen konnte.

Im Anschluss erörterten die 30 bunt gemischten Teilnehmenden Herausforderungen in Gruppenarbeiten. Wie kann eine wirklich anonyme und doch auch persönliche Beratung gelingen? Wie erfahren die Menschen überhaupt von den neuen Online Beratungsangeboten und wie können die Mitarbeitenden bestmöglich Kompetenzen im Bereich Online Beratung aufbauen?",
        // The page gives the order of the evening and who spoke, but no times.
        agenda: "| Input: Der WirVsVirus-Hackathon der Bundesregierung und was von ihm bleibt | Adriana Groh, Prototype Fund
| Wie die Zivilgesellschaft in der Coronakrise helfen konnte | Mehrere Referate des Bundesfamilienministeriums
| Gruppenarbeit: anonyme und doch persönliche Online-Beratung, Bekanntheit der Angebote, Kompetenzen der Mitarbeitenden",
        learnings: &[
            (
                "Strukturen schaffen, bevor die Krise kommt",
                "Es braucht Strukturen, die schon angelegt sind, damit man in der Krise reagieren kann, etwa eine Infrastruktur, die aufgebaut und gepflegt wird, über die man dann im Krisenfall loslegen kann – leichtgewichtige Förderprogramme etwa, die es ermöglichen, aus dem Nichts etwas zu stemmen.",
                &[
                    "Open-Source-Werkzeugkasten für die Vereinsverwaltung",
                    "Leihgeräte für Familien mit wenig Geld über die Stadtbibliothek",
                ],
            ),
            (
                "Vor der nächsten Krise besser aufstellen",
                "Man kann den Digitalisierungsrückstau nicht von einen Tag auf den anderen aufholen, aber: vor der nächsten Krise kann man sich besser aufstellen. Offene Datengrundlagen, Schnittstellen, Integration.",
                &[
                    "Open-Data-Portal für Familienleistungen und Förderangebote",
                    "Gemeinsame Online-Terminbuchung für alle Beratungsstellen einer Region",
                ],
            ),
            (
                "Die digitale Zivilgesellschaft pflegen",
                "Eine aktive, digitale Zivilgesellschaft ist sehr viel wert! Diese muss man pflegen, denn mit ihnen kann man Co-Creation-Prozesse anstoßen, die hohes Innovationspotential haben.",
                &[
                    "Innovationswerkstätten auch in Kleinstädten und auf dem Land",
                    "Ehrenamtsbörse für kleine Vereine in jeder Kommune",
                ],
            ),
            (
                "Radikale Kooperationen vorantreiben",
                "Man muss radikale Kooperationen zwischen der Zivilgesellschaft, Unternehmen und der Verwaltung vorantreiben. Dabei geht es nicht um die Profilierung Einzelner, sondern um das Zusammenbringen von Expertise, Erfahrung und Support.",
                &[
                    "Online-Beratung per Chat für Eltern mit zugeschaltetem Dolmetscher",
                    "Gemeinsame Karte sozialer Angebote aus offenen Vereinsdaten",
                ],
            ),
        ],
        registered: &[],
    },
    DemoWorkshop {
        title: "Sechste Innovationswerkstatt: Wie können Daten den Alltag von Familien erleichtern?",
        // "am 09.12. um 17:00 Uhr", in 2020 (the learnings look back on "das Jahr 2020").
        date: (2020, Month::December, 9),
        start: (17, 0),
        end: (18, 30),
        format: WorkshopFormat::Digital,
        location: "",
        seats: 30,
        registration_open: false,
        theme: "begleitender-sozialstaat",
        description: "Daten haben heute schon in vielen Fällen einen großen Einfluss auf unsere Gesellschaft. Unsere Kommunikation, unser Alltagsleben oder unsere Kaufentscheidungen werden immer stärker von Algorithmen beeinflusst, die auf der Analyse unserer persönlichen Daten basieren. Doch wie können Daten eingesetzt werden, um den Alltag von Familien zu erleichtern? Wie kann der Staat durch datenbasierte Anwendungen Familien unterstützen? Welche Rolle kann die Zivilgesellschaft hier einnehmen? Und welche Daten sind rund um den Bereich Familienleben eigentlich heute schon verfügbar? Diesen Fragen wollen wir in der nächsten Innovationswerkstatt nachgehen. Wir wollen einen Blick darauf werfen, welche BestPractice-Beispiele es bereits gibt. Und wir wollen zusammen erarbeiten, was noch fehlt und Lösungsansätze entwickeln.

Die Innovationswerkstatt am 9. Dezember startet mit einem Input von Holger Dieterich. Er ist Vorstand von Sozialhelden e.V. sowie Gründer von Wheelmap.org. Er spricht über die Potentiale, wie Daten in der Zivilgesellschaft nutzbar gemacht werden können. Anschließend stellt uns Luise Springer vom Deutschen Roten Kreuz das Projekt Eltern Campus vor. Eltern Campus führt die akut von der Pandemielage betroffene Gruppe der jungen Familien in Zeiten von Social Distancing zusammen und schafft mit einem Prototypen eine zeitnah einsetzbare, zentrale Plattform für die Buchung und virtuelle Durchführung von Kursen. Im zweiten Teil soll in einer Gruppenphase gemeinsam an festgestellten Herausforderungen gearbeitet und Lösungsansätze entwickelt werden.

Die Innovationswerkstatt wird digital stattfinden. Wir freuen uns auf Euch!",
        report: "Bei der sechsten Innovationswerkstatt ging es um Daten und die Frage, wie sie den Alltag von Familien erleichtern können.

Den ersten Input gab Holger Dieterich von SOZIALHELD*INNEN e.V. Holger stellte drei Projekte der Sozialheld*innen vor, die auf Daten basieren. Ihr Handeln ist geprägt von der Forderung der gleichberechtigten Teilhabe für Menschen mit Behinderung.

Dahinter steckt unter anderem die Frage, wo Menschen mit eingeschränkter Mobilität ohne Probleme am sozialen Leben teilhaben können. Wo können sie beispielsweise barrierefrei ein Café besuchen oder die Bahn nutzen? Solche Fragen und Herausforderungen lassen sich durch die Sammlung, Aufbereitung und Veröffentlichung von (Zugangs-) Daten lösen. Übergeordnetes Ziel ist es zudem, durch die Sammlung von Daten, die für viele Menschen oft nur eingeschränkt mögliche Teilhabe am öffentlichen und sozialen Leben sichtbarer zu machen. Weiterhin sollen die Aktivismus-Initiativen, die dies thematisieren, gestärkt werden.

Zu den Sozialheld*innen-Projekten gehört bspw. die Plattform wheelmap.org. Auf einer offenen Karte werden hier durch Crowdsourcing – also durch ein gemeinsames Sammeln von Daten durch viele Menschen – Orte markiert und mit Informationen sowie Fotos versehen, die für Menschen mit eingeschränkter Mobilität zugänglich sind. Die Wheelmap konnte durch das Engagement der vielen Freiwilligen, die Daten sammeln, bis heute eine Million Orte identifizieren.

Eine zweite Methode, Daten zu nutzen, ist für die Sozialheld*innen die Vereinbarung von Daten-Partnerschaften. Durch das gemeinsame Sammeln und Teilen von Daten mit heute 79 (nicht-)kommerziellen Partnerorganisationen in der Accessibility.Cloud konnte die Wheelmap nochmals um eine Million Orte erweitert werden.

Die dritte Methode, die Holger vorstellte, ist das Schaffen von Daten durch Maschinen. Als Mitgründer Raul Krauthausen eines Nachts mit seinem elektrischen Rollstuhl vor einem kaputten Aufzug auf einem U-Bahn-Bahnsteig strandete, wurde den Sozialheld*innen klar: Daten zu sammeln reicht manchmal nicht aus. Daten müssen auch geschaffen werden. Aus dieser Erkenntnis entstand ein Förderprojekt, bei dem Sensoren an Aufzügen angebracht werden. Sie geben Auskunft, ob Aufzüge funktionieren oder nicht. So werden die Daten, ob ein Aufzug an einem Ort verfügbar ist um die Echtzeit-Information erweitert, ob der Aufzug auch funktioniert.

Zum Schluss fasste Holger zusammen: „Daten müssen gesammelt, für alle geteilt und standardisiert werden, damit sie einen Mehrwert für die Menschen haben. So wird das Wissen, was (nicht) barrierefrei ist, in der Gesellschaft omnipräsent und eine gleichberechtigte Teilhabe ermöglicht.“

Im zweiten Teil stellte Luise Springer vom Deutschen Roten Kreuz das Projekt Eltern Campus vor. Das Projekt ist eine Online Plattform, die jungen Eltern über die Teilnahme an Live-Kursen nicht nur Wissen zu Themen wie „Babyernährung und Beikost“, „Erste Hilfe am Kind“ oder „Familienstart: Baby & ich von A-Z“ vermittelt, sondern auch Raum für Rückfragen an die zertifizierten Kursleiterinnen und Kursleitern bietet.

Damit führt Eltern Campus akut von der Pandemielage betroffene jungen Familien in Zeiten von Social Distancing zusammen und schafft eine zentrale Plattform für die Buchung und virtuelle Durchführung von Kursen. Daten spielen hier vor allem für die Optimierung des Kursangebots eine Rolle. Was brauchen die Eltern? Wann haben sie Zeit? Welche Hindernisse gibt es für sie, nicht an Kursen teilzunehmen? Dies alles kann erfasst und das Kursprogramm entsprechend gestaltet werden. Es scheint sich bereits abzuzeichnen, dass das digitale Live-Programm nicht nur in Zeiten der Pandemie auf große Nachfrage stoßen wird. Schon nach der ersten Phase zeichnete sich ab, dass die bisherigen physischen Angebote zum Teil Menschen ausgeschlossen hatten, die nun einfacher teilnehmen konnten.

Im Anschluss diskutierten die 30 bunt gemischten Teilnehmenden in Break Out Sessions über Fragen wie: „Was sind die Hindernisse der Nutzung von Daten im Familienbereich? Und wie könnte man diesen konkret begegnen?“

Die Innovationswerkstatt endete mit den abschließenden Worten von Friederike Schubart aus dem BMFSFJ: Sie wies auf die gerade entstehende Datenstrategie des BMFSFJ hin und betonte dabei besonders die Rolle des dritten Sektors. Diese wird auf dem Weg zu datenbasierten, gemeinwohlorientierten Innovationen immer wichtiger.",
        agenda: "17:00 | Begrüßung
17:10 | Wie sammelt man Daten? | Holger Dieterich, Sozialhelden e.V.
17:30 | Vorstellung DRK Elterncampus | Luise Springer, Deutsches Rotes Kreuz
17:50 | Arbeitsphase
18:30 | Ende",
        learnings: &[
            (
                "Sorglos mit Daten – und ohne Alternativen",
                "Einerseits gehen wir mit unseren Daten viel zu oft viel zu sorglos um, andererseits fehlen aber auch Alternativen (wie beispielsweise eine alternative Cloud-Infrastruktur) für einen verantwortungsvolleren Umgang. Das hat besonders auch das Jahr 2020 gezeigt, in dem viele Freizeitangebote mit der Herausgabe zusätzlicher Daten verbunden wurden (etwa Freibad- oder Restaurantbesuche). Anhand wissenschaftlicher Studien könnte hier angesetzt werden, um genauer zu untersuchen, wie verschiedene gesellschaftliche Gruppen mit ihren Daten umgehen und inwiefern sich ihr Verhalten im Alltag dadurch verändert.",
                &[
                    "Kinderfotos im Netz: Kampagne für mehr Zurückhaltung",
                    "Prüfsiegel für datensparsame Kita-Apps",
                ],
            ),
            (
                "Daten strategisch für das Gemeinwohl nutzen",
                "Daten spielen für unsere Gesellschaft eine immer größere Rolle – für ökonomische Wertschöpfung, wissenschaftlich-technische Entwicklung oder die Unterstützung von evidenzbasierten Entscheidungen in den unterschiedlichsten Bereichen. Eine strategische, bedarfsorientierte und inklusive Weichenstellung in Bezug auf Daten kann von zentraler Bedeutung für das Familien- und Gemeinwohl sein.",
                &[
                    "Open-Data-Portal für Familienleistungen und Förderangebote",
                    "Familienleistungen automatisch vorschlagen statt suchen lassen",
                ],
            ),
            (
                "Mit Transparenz Skeptikerinnen und Skeptiker überzeugen",
                "Ein vorsichtiger Umgang, eine zielgerichtete Vorgehensweise und Transparenz bei der Sammlung von Daten sind wichtige Punkte, wenn es darum geht, Skeptikerinnen und Skeptiker von den damit verbundenen Vorteilen zu überzeugen. Dies gilt insbesondere, wenn es sich um sehr sensible Daten handelt.",
                &[
                    "Öffentliches Verzeichnis der Algorithmen in Familienbehörden",
                    "Ethik-Leitlinien für KI in der Kinder- und Jugendhilfe",
                ],
            ),
        ],
        registered: &[],
    },
    DemoWorkshop {
        title: "Innovationswerkstatt: Gute Online-Beratung für Familien gemeinsam gestalten",
        // A made-up upcoming date (winter time), so newcomers can try registering.
        date: (2027, Month::March, 10),
        start: (17, 0),
        end: (18, 30),
        format: WorkshopFormat::OnSite,
        location: "Innovationsbüro Digitales Leben, Berlin (Raum und Anfahrt folgen mit der Bestätigung)",
        seats: 12,
        registration_open: true,
        theme: "neue-wege-der-beratung",
        description: "Demo-Termin: Online-Beratung ist seit der Pandemie für viele Familien selbstverständlich geworden – aber längst nicht für alle. Wie finden Menschen die Angebote, die zu ihnen passen? Wie bleibt eine Beratung anonym und trotzdem persönlich? Und was brauchen Beraterinnen und Berater, damit sie digital genauso gut helfen können wie im Gespräch vor Ort?

Wir knüpfen an die Learnings der fünften und sechsten Innovationswerkstatt an und arbeiten in kleinen Gruppen an den Ideen, die dazu auf Mitdenken eingereicht wurden. Die Plätze sind begrenzt; wer keinen mehr bekommt, landet auf der Warteliste und rückt nach, sobald jemand absagt.",
        report: "",
        agenda: "17:00 | Begrüßung | Innovationsbüro Digitales Leben
17:10 | Rückblick: Was die fünfte und sechste Werkstatt gelernt haben | Innovationsbüro Digitales Leben
17:30 | Arbeitsphase in kleinen Gruppen
18:15 | Ergebnisse und nächste Schritte
18:30 | Ende",
        learnings: &[],
        registered: &[
            "lena.schaefer@demo.mitdenken.example",
            "yusuf.demir@demo.mitdenken.example",
        ],
    },
];

pub struct SeededWorkshops {
    pub workshops: u64,
    pub learnings: u64,
    pub links: u64,
}

/// The seed texts are plain; on the page description and report are Markdown, where the
/// gender star of a quoted name ("Sozialheld*innen") would start an emphasis.
fn markdown_text(plain: &str) -> String {
    plain.replace('*', "\\*")
}

fn instant(date: (i32, Month, u8), (hour, minute): (u8, u8)) -> Result<i64, String> {
    let d = Date::from_calendar_date(date.0, date.1, date.2).map_err(|e| e.to_string())?;
    let t = Time::from_hms(hour, minute, 0).map_err(|e| e.to_string())?;
    berlin_to_unix(d, t).map_err(|e| format!("{e:?}"))
}

/// Adds the demo workshops that are not there yet (by title), with their agenda, learnings,
/// links to demo ideas (by title; missing ideas are skipped) and registrations.
pub async fn seed(db: &Db) -> Result<SeededWorkshops, Box<dyn std::error::Error>> {
    let mut report = SeededWorkshops {
        workshops: 0,
        learnings: 0,
        links: 0,
    };
    let mut tx = db.begin_write().await?;
    // The links are recorded as made by the demo admin.
    let linker = db::users::by_email(&mut *tx, "admin@demo.mitdenken.example")
        .await?
        .map(|u| u.id);
    for w in WORKSHOPS {
        if db::workshops::by_title(&mut *tx, w.title).await?.is_some() {
            continue;
        }
        let theme = db::themes::by_slug(&mut *tx, w.theme).await?;
        let agenda: Vec<AgendaRow> = parse_agenda(w.agenda).map_err(|e| format!("{e:?}"))?;
        let description = markdown_text(w.description);
        let report_text = markdown_text(w.report);
        let id = db::workshops::create(
            &mut tx,
            &WorkshopFields {
                title: w.title,
                starts_at: instant(w.date, w.start)?,
                ends_at: instant(w.date, w.end)?,
                format: w.format,
                location: w.location,
                description: &description,
                seats: w.seats,
                registration_open: w.registration_open,
                theme_id: theme.map(|t| t.id),
                report: &report_text,
            },
            &agenda,
        )
        .await?;
        report.workshops += 1;
        for (title, text, ideas) in w.learnings {
            let Some(lid) =
                db::workshops::add_learning(&mut tx, db.backend, id, title, text).await?
            else {
                continue;
            };
            report.learnings += 1;
            for idea_title in *ideas {
                let (Some(idea), Some(by)) = (
                    db::workshops::idea_by_title(&mut *tx, idea_title).await?,
                    linker,
                ) else {
                    continue;
                };
                if db::workshops::link(&mut *tx, lid, idea, by).await? {
                    report.links += 1;
                }
            }
        }
        for email in w.registered {
            if let Some(user) = db::users::by_email(&mut *tx, email).await? {
                db::workshops::register(&mut tx, db.backend, id, user.id).await?;
            }
        }
    }
    tx.commit().await?;
    Ok(report)
}
