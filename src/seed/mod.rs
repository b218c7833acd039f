//! The office's six themes (created on first start) and the demo content of `seed-demo`
//! (ideas and discussions here, workshops in `demo_workshops`).

pub mod demo_content;
pub mod demo_workshops;

use crate::db::{self, Db};
use crate::domain::{Acting, CommentId, Role, UserId};

/// The themes of the Innovationsbüro, with "Was wir beobachten" from its own page.
pub const THEMES: &[(&str, &str, &str)] = &[
    (
        "digitale-zivilgesellschaft",
        "Digitale Zivilgesellschaft",
        "Die Digitalisierung ist für die Zivilgesellschaft eine große Chance. Auf Herausforderungen, die bisher kaum lösbar erschienen, können nun Antworten gegeben werden. Neue Formen der Vernetzung können zum Beispiel das Ehrenamt neu beleben und bereichern. Menschen können viel leichter als bislang miteinander kommunizieren, sich informieren und organisieren. Potentiale, die von der Wirtschaft schon genutzt werden, müssen auch für soziale Innovationen Anwendung finden.\n\n**Was wir tun:** Wir unterstützen bei der Analyse der Bedarfe der Zivilgesellschaft, damit diese die digitalen Technologien möglichst gut nutzen kann. Wir entwickeln gemeinsam Formate, die der Zivilgesellschaft dienen, um sich bestmöglich zu vernetzen. Wir gehen gemeinsam mit der Zivilgesellschaft auf Entdeckungsreise, testen Innovationen und Tools.",
    ),
    (
        "digitale-kompetenzen",
        "Digitale Kompetenzen",
        "Nicht alle Menschen sind mit einem Smartphone in der Tasche aufgewachsen. Und selbst für diese Menschen heißt Bedienen digitaler Technologien nicht gleich auch Beherrschen. Trotzdem möchten und sollen alle Menschen am gesellschaftlichen Leben teilnehmen, das immer mehr auch digital stattfindet – zum Beispiel in und durch soziale Medien. Die Vermittlung von digitalen Grundkompetenzen ist Voraussetzung dafür, dass alle mitmachen, mitgestalten und dabei sein können. Die Potenziale sind enorm, nicht nur für ältere Menschen und den Kampf gegen Vereinsamung. Der soziale Zusammenhalt ist wichtiger denn je.\n\n**Was wir tun:** Wir entwickeln konkrete Schritte, um die digitalen Kompetenzen von allen Menschen auszubauen, und unterstützen das BMFSFJ bei der Vermittlung dieser Kompetenzen.",
    ),
    (
        "neue-wege-der-beratung",
        "Neue Wege der Beratung",
        "Digitalisierung verändert Lebens- und Alltagswelten: Informationen sind eine Suchmaschine entfernt, „Freunde“ sind nicht mehr nur diejenigen, mit denen man die Freizeit teilt. Wir nehmen digitale Medien als selbstverständlich an und vergessen dabei hin und wieder, dass nicht das ganze Leben schon ‚digital‘ ist. Wir haben Zugriff auf viel mehr Informationen, Netzwerke und Angebote – wenn wir sie denn finden oder sie uns finden.\n\nGerade für die vielfältigen Unterstützungs- und Beratungssysteme - zum Beispiel in der Sozialen Arbeit - ist das eine Herausforderung. Viele neue Wege werden eröffnet, aber sie verlangen nach Orientierung und neuen Kompetenzen – bei Fachkräften, Organisationen und Ratsuchenden. Für die Beratung in Deutschland geht die Digitalisierung mit großen Chancen einher. Doch wie müssen Beratungsangebote in der digitalen Gesellschaft aussehen, damit sie ankommen und genutzt werden?\n\n**Was wir tun:** Wir unterstützen bei der Definition und Analyse des Bedarfs der Beratungseinrichtungen und der Beratungssuchenden. Wir identifizieren und arbeiten mit Best-Practice-Beispielen. Gemeinsam designen und durchlaufen wir einen maßgeschneiderten Prozess, um neue, praktische Anwendungen für relevante Felder zu entwickeln, zu testen und einer breiteren Community bereitzustellen.",
    ),
    (
        "begleitender-sozialstaat",
        "Begleitender Sozialstaat für die digitale Gesellschaft",
        "Digitale Technologien können Kommunikation einfacher, enger und direkter machen, egal ob zwischen Menschen oder zwischen Bürgerinnen und Bürgern und Staat. Diese Chance zu ergreifen wird vom Staat – zu Recht – erwartet. Aber es reicht nicht, Leistungen lediglich online anzubieten. Die Potenziale digitaler Technologien, Leistungen auch dort ankommen zu lassen, wo sie gebraucht werden und Anspruch besteht, sollen genutzt werden.\n\n**Was wir tun:** Wir unterstützen bei der Gestaltung und Weiterentwicklung staatlicher Angebote und analysieren, welche digitalen Formate geeignet sind. Darauf aufbauend begleiten wir das Ministerium bei der Entwicklung und der Implementierung von innovativen, digitalen Tools.",
    ),
    (
        "digitale-ethik",
        "Digitale Ethik",
        "Mit großer Macht geht große Verantwortung einher – das trifft auch auf die Möglichkeiten digitaler Technologien zu. Deshalb stellen sich auch immer mehr ethische Fragen gerade da, wo es rechtliche Rahmen (noch) nicht gibt oder sie der Lebenswirklichkeit nicht angemessen scheinen. Wenn Künstliche Intelligenz Entscheidungen trifft (oder nur vorbereitet), wenn bestimmte Kommunikationsmedien der einzige - aber eigentlich nicht legale – Weg zu Zielgruppen sind, wenn mehr Daten zu sammeln vielleicht nicht notwendig, aber lohnenswert ist – dann treten ethische Fragen und Dilemmata auf. Es ist wichtiger denn je, eine digitale Ethik für digitale Systeme zu etablieren.\n\n**Was wir tun:** Wir setzen uns damit auseinander, wie eine digitale Ethik – nicht nur für Big Data und Künstliche Intelligenz – aussehen kann, und entwickeln Strategien, wie ethische Erwägungen in einer immer schneller werdenden technischen Entwicklung ganz praktisch etabliert werden können.",
    ),
    (
        "chancengerechtigkeit",
        "Chancengerechtigkeit",
        "Digitale Technologien haben große Potenziale, gesellschaftliche Spaltungen zu überwinden, indem Hürden abgebaut und Zugänge verbessert werden. Aber sie sind nicht automatisch Gleichmacher. Weil digitale Technologien selbst ausgrenzen können, weil sie nicht voraussetzungslos sind, weil nicht alle Zugang zu ihnen haben oder sie zu bedienen wissen, können sie bestehende Ungleichheiten vergrößern und neue schaffen. Es kommt deshalb nicht nur darauf an, Zugänge zu erleichtern und Kompetenzen zu stärken. Gerechte Chancen müssen auch durch entsprechende Rahmenbedingungen geschaffen werden, die Ausgrenzungen und Benachteiligungen abbauen und verhindern.\n\n**Was wir tun:** Wir legen ein wachsames Auge auf ausgrenzende und benachteiligende Strukturen und Tendenzen in der digitalen Gesellschaft und identifizieren wirksame Ansätze und Prinzipien, um Ungleichheiten und Chancenungerechtigkeit zu überwinden.",
    ),
];

/// The same six themes in English (slug, name, description), for English pages. Filled in
/// where a board still has the office's German name and no English text of its own.
pub const THEMES_EN: &[(&str, &str, &str)] = &[
    (
        "digitale-zivilgesellschaft",
        "Digital civil society",
        "Digitalisation is a great opportunity for civil society. Challenges that seemed almost impossible to solve can now be answered. New ways of connecting can, for example, revive and enrich volunteering. People can talk to each other, find information and organise themselves far more easily than before. Potential that business already uses must also serve social innovation.\n\n**What we do:** We help to analyse what civil society needs so that it can make the best use of digital technologies. Together we develop formats that help civil society connect as well as possible. We go on voyages of discovery with civil society and test innovations and tools.",
    ),
    (
        "digitale-kompetenzen",
        "Digital skills",
        "Not everyone grew up with a smartphone in their pocket. And even for those who did, using digital technology is not the same as mastering it. Still, everyone wants and ought to take part in social life, which more and more happens digitally too – for example in and through social media. Teaching basic digital skills is what lets everyone join in, help shape things and be part of it. The potential is enormous, not only for older people and in the fight against loneliness. Social cohesion matters more than ever.\n\n**What we do:** We develop concrete steps to build up everyone's digital skills and support the Federal Ministry for Family Affairs (BMFSFJ) in teaching them.",
    ),
    (
        "neue-wege-der-beratung",
        "New ways of counselling",
        "Digitalisation changes how people live and go about their day: information is a search engine away, and “friends” are no longer only the people we spend our free time with. We take digital media for granted and sometimes forget that not all of life is ‘digital’ yet. We have access to far more information, networks and services – if we find them, or they find us.\n\nThis is a challenge especially for the many support and counselling services – in social work, for example. Many new paths open up, but they call for orientation and new skills – among professionals, organisations and the people seeking advice. For counselling in Germany, digitalisation brings great opportunities. But what must counselling look like in a digital society so that it reaches people and is used?\n\n**What we do:** We help to define and analyse the needs of counselling services and of the people seeking advice. We identify good examples and work with them. Together we design and go through a tailored process to develop new, practical applications for the fields that matter, to test them and to make them available to a wider community.",
    ),
    (
        "begleitender-sozialstaat",
        "A supportive welfare state for the digital society",
        "Digital technologies can make communication simpler, closer and more direct – between people as well as between citizens and the state. The state is rightly expected to seize this opportunity. But offering services online is not enough. The potential of digital technologies to bring services to where they are needed and where people are entitled to them should be used.\n\n**What we do:** We help to design and develop public services and analyse which digital formats are suitable. Building on this, we support the ministry in developing and introducing innovative digital tools.",
    ),
    (
        "digitale-ethik",
        "Digital ethics",
        "With great power comes great responsibility – and that is true of what digital technologies make possible, too. This is why more and more ethical questions arise exactly where there is no legal framework (yet), or where the framework does not seem to fit real life. When artificial intelligence makes decisions (or only prepares them), when certain means of communication are the only – but not actually legal – way to reach a group, when collecting more data may not be necessary but pays off – then ethical questions and dilemmas arise. It is more important than ever to establish digital ethics for digital systems.\n\n**What we do:** We look at what digital ethics could look like – not only for big data and artificial intelligence – and develop strategies for establishing ethical considerations in practice, in a technical development that keeps getting faster.",
    ),
    (
        "chancengerechtigkeit",
        "Equal opportunities",
        "Digital technologies have great potential to overcome divisions in society by lowering barriers and improving access. But they do not make everyone equal by themselves. Because digital technologies can exclude people themselves, because they need skills and means, because not everyone has access to them or knows how to use them, they can widen existing inequalities and create new ones. So it is not only about making access easier and building skills. Fair chances must also be created by the right conditions, which reduce and prevent exclusion and disadvantage.\n\n**What we do:** We keep a watchful eye on structures and tendencies in the digital society that exclude or disadvantage people, and identify effective approaches and principles to overcome inequality and unequal opportunities.",
    ),
];

/// On a board without themes, create the office's six. A board whose moderators have
/// changed them is left alone.
pub async fn ensure_themes(db: &Db) -> Result<(), Box<dyn std::error::Error>> {
    let mut tx = db.begin_write().await?;
    if db::themes::count(&mut *tx).await? == 0 {
        for (slug, name, description) in THEMES {
            // The office's own texts; moderators add English versions in the theme form.
            let texts = db::themes::ThemeTexts {
                name,
                description,
                name_en: "",
                description_en: "",
            };
            db::themes::insert(&mut *tx, slug, &texts).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The password of every demo account; printed by `seed-demo`.
pub const DEMO_PASSWORD: &str = "Mitdenken-Demo-2026";

/// The two-factor key of every demo staff account (staff must sign in with a second factor);
/// printed by `seed-demo`, to be typed into any authenticator app. Demo only: a real board's
/// staff set up their own on /account/zwei-faktor.
pub const DEMO_TOTP_SECRET: &str = "MITDENKENDEMOZWEIFAKTORANMELDUNG";

pub struct SeedReport {
    pub accounts: Vec<(String, String, &'static str)>,
    pub ideas: u64,
    pub comments: u64,
    pub supports: u64,
}

const DAY: i64 = 24 * 3600;

/// Demo users, ideas, comments and supports; running it again adds nothing twice.
/// How long ago the demo accounts registered (90 days).
const DEMO_ACCOUNT_AGE: i64 = 90 * 86_400;

pub async fn seed_demo(db: &Db) -> Result<SeedReport, Box<dyn std::error::Error>> {
    use demo_content::{IDEAS, USERS};
    let hash = tokio::task::spawn_blocking(|| password_auth::generate_hash(DEMO_PASSWORD)).await?;
    let now = db::now();
    let mut tx = db.begin_write().await?;
    let mut ids: Vec<UserId> = Vec::with_capacity(USERS.len());
    let mut report = SeedReport {
        accounts: Vec::new(),
        ideas: 0,
        comments: 0,
        supports: 0,
    };
    for u in USERS {
        let Some(role) = Role::parse(u.role) else {
            return Err(format!("unknown role {:?} of demo account {}", u.role, u.email).into());
        };
        let id = match db::users::by_email(&mut *tx, u.email).await? {
            Some(existing) => existing.id,
            None => {
                let id = db::users::insert(&mut *tx, u.email, u.name, &hash, role).await?;
                // The demo's ideas date back weeks; its people are no newcomers either, so
                // reports, posting limits and links behave as for established accounts.
                db::seed::backdate_account(&mut *tx, id, now - DEMO_ACCOUNT_AGE).await?;
                if role != Role::Participant {
                    db::two_factor::enable(&mut tx, id, DEMO_TOTP_SECRET, 0, &[]).await?;
                }
                id
            }
        };
        ids.push(id);
        report
            .accounts
            .push((u.email.to_string(), u.name.to_string(), u.role));
    }
    let participants: Vec<UserId> = USERS
        .iter()
        .zip(&ids)
        .filter(|(u, _)| u.role == "participant")
        .map(|(_, id)| *id)
        .collect();
    for (n, idea) in IDEAS.iter().enumerate() {
        let n = n as i64;
        if db::seed::idea_titled(&mut *tx, idea.title).await? {
            continue;
        }
        let Some(theme) = db::themes::by_slug(&mut *tx, idea.theme).await? else {
            continue;
        };
        let (Some(&author), Some(_)) = (ids.get(idea.author), ids.first()) else {
            continue;
        };
        // Spread the demo over the last seven weeks, so every sort shows something different.
        let created = now - (n * 2 + 1) * DAY - n * 3607;
        let idea_id =
            db::seed::insert_idea(&mut *tx, theme.id, author, idea.title, idea.body, created)
                .await?;
        report.ideas += 1;
        let mut comment_ids: Vec<CommentId> = Vec::new();
        for (k, (who, text, parent)) in idea.comments.iter().enumerate() {
            let Some(&by) = ids.get(*who) else { continue };
            let parent_id = parent.and_then(|p| comment_ids.get(p).copied());
            let at = created + (k as i64 + 1) * 5 * 3600;
            let cid = db::seed::insert_comment(&mut *tx, idea_id, by, parent_id, text, at.min(now))
                .await?;
            comment_ids.push(cid);
            report.comments += 1;
        }
        // A varied number of supporters; newer ideas got theirs recently, so "Im Trend" lives.
        let supporters = (n * 5 + 3) as usize % (participants.len() + 1);
        for (k, user) in participants
            .iter()
            .cycle()
            .skip(n as usize)
            .take(supporters)
            .enumerate()
        {
            let at = (created + (k as i64 + 1) * 7 * 3600).min(now);
            report.supports +=
                db::seed::insert_support(&mut *tx, idea_id, *user, theme.id, at).await?;
        }
    }
    for ((slug, name, _), (_, name_en, description_en)) in THEMES.iter().zip(THEMES_EN) {
        db::themes::add_english(&mut *tx, slug, name, name_en, description_en).await?;
    }
    recount(&mut tx, db.backend).await?;
    curate_demo(&mut tx, db.backend, &ids, now).await?;
    tx.commit().await?;
    Ok(report)
}

/// Walk some demo ideas along the road to the ministry, with notes and answers as real
/// moderators and ministry staff would write them, and found a verified demo organisation.
async fn curate_demo(
    tx: &mut db::Tx,
    backend: db::Backend,
    ids: &[UserId],
    now: i64,
) -> Result<(), Box<dyn std::error::Error>> {
    use crate::db::curation::{ActorInfo, LogEntry};
    use crate::domain::Status::*;
    use crate::domain::{Action, Subject};
    let (Some(&moderator), Some(&ministry)) = (ids.get(1), ids.get(3)) else {
        return Ok(());
    };
    if db::seed::road_started(&mut **tx).await? {
        return Ok(());
    }
    let who = |u: Option<db::users::UserRow>| {
        u.map(|u| (u.display_name, u.role))
            .unwrap_or((String::new(), Role::Moderator))
    };
    let (mod_name, mod_role) = who(db::users::by_id(&mut **tx, moderator).await?);
    let (min_name, min_role) = who(db::users::by_id(&mut **tx, ministry).await?);
    // The most supported demo ideas go furthest.
    let top = db::seed::top_submitted(&mut **tx, 6).await?;
    let roads: [&[(crate::domain::Status, bool, &str)]; 6] = [
        &[
            (Discussion, false, ""),
            (
                Review,
                false,
                "Viele Unterstützungen und ein konkreter Vorschlag, den das Ministerium prüfen kann.",
            ),
            (
                Forwarded,
                false,
                "Mit Bezug zur Datenstrategie des BMFSFJ an das Fachreferat weitergeleitet.",
            ),
            (
                Accepted,
                true,
                "Danke für diesen Vorschlag. Das Referat nimmt ihn in die Planung für 2027 auf und meldet sich mit einem ersten Konzept.",
            ),
        ],
        &[
            (Discussion, false, ""),
            (
                Review,
                false,
                "Gut begründet; die Diskussion hat offene Fragen geklärt.",
            ),
            (Forwarded, false, "An das Ministerium weitergeleitet."),
            (
                InProgress,
                true,
                "Ein Pilot mit drei Familienzentren läuft bereits; wir berichten hier über die Ergebnisse.",
            ),
        ],
        &[
            (Discussion, false, ""),
            (Review, false, "Zur Prüfung vorgemerkt."),
            (Forwarded, false, "An das Ministerium weitergeleitet."),
        ],
        &[
            (Discussion, false, ""),
            (Review, false, "Für die nächste Runde vorgemerkt."),
        ],
        &[(Discussion, false, "")],
        &[
            (Discussion, false, ""),
            (Review, false, "Zur Prüfung vorgemerkt."),
            (Forwarded, false, "Weitergeleitet."),
            (
                Rejected,
                true,
                "Der Vorschlag überschneidet sich mit einem laufenden Bundesprogramm; wir haben ihn dorthin weitergegeben.",
            ),
        ],
    ];
    for (k, (idea, road)) in top.iter().zip(roads).enumerate() {
        let mut from = Submitted;
        // The road starts a day after the idea was submitted (or later, spread over the last
        // week), so every trail reads in time order: submitted first, the answer last.
        let created = db::ideas::detail(&mut **tx, *idea)
            .await?
            .map_or(now, |i| i.created_at);
        let start = (now - (6 - k as i64) * DAY)
            .max(created + DAY)
            .min(now - 6 * 3600);
        // The steps spread over the time left (hours to two days apart), so the ministry's
        // answer takes a believable while after the forwarding.
        let gap = ((now - 3600 - start) / road.len() as i64).clamp(3600, 2 * DAY);
        for (step, (to, by_ministry, note)) in road.iter().enumerate() {
            let (actor_id, name, role) = if *by_ministry {
                (ministry, &min_name, &min_role)
            } else {
                (moderator, &mod_name, &mod_role)
            };
            let at = start + step as i64 * gap;
            if !db::ideas::set_status(tx, backend, *idea, from, *to).await? {
                break;
            }
            let actor = ActorInfo {
                id: Some(actor_id),
                role: Acting::Person(*role),
                name,
            };
            db::curation::add_transition(&mut **tx, *idea, Some(from), *to, &actor, note, at)
                .await?;
            let entry = LogEntry {
                action: Action::Status(*to),
                reason: None,
                note,
                actor_role: Acting::Person(*role),
                item_type: Subject::Idea,
                item_id: idea.0,
            };
            db::curation::log_at(&mut **tx, &entry, at).await?;
            from = *to;
        }
    }
    // A verified organisation whose member speaks for it.
    if let Some(&member) = ids.get(8) {
        let slug = "digitalwerkstatt-kiez-e-v";
        if db::organisations::by_slug(&mut **tx, slug).await?.is_none() {
            let founded = now - 30 * DAY;
            let org = db::seed::insert_verified_organisation(
                &mut **tx,
                slug,
                "Digitalwerkstatt Kiez e.V.",
                "Ehrenamtliche helfen Nachbarinnen und Nachbarn jeden Alters beim Einstieg in die digitale Welt.",
                member,
                founded,
            )
            .await?;
            db::organisations::add_member_at(&mut **tx, org, member, founded).await?;
            db::seed::attribute_ideas(&mut **tx, org, member).await?;
        }
    }
    Ok(())
}

/// Every idea's first trail step, every count and the search index afresh from the rows
/// (after the inserts above, which skip the per-write doors).
async fn recount(tx: &mut db::Tx, backend: db::Backend) -> Result<(), Box<dyn std::error::Error>> {
    db::seed::add_missing_submissions(tx).await?;
    db::ideas::recount_all_counters(tx, backend).await?;
    db::search::rebuild(tx, backend).await?;
    Ok(())
}

/// `seed-demo --ideas N`: N more ideas with about ten supports and three comments each, for
/// benchmarks. Rows are generated in SQL where possible, so 100,000 ideas take seconds.
pub async fn seed_bulk(db: &Db, ideas: u64) -> Result<SeedReport, Box<dyn std::error::Error>> {
    use demo_content::{BODY_PARAGRAPHS, COMMENT_SNIPPETS, TITLE_STARTS, TITLE_TOPICS};
    let now = db::now();
    let themes = db::themes::all(&db.pool).await?;
    if themes.is_empty() || ideas == 0 {
        return Ok(SeedReport {
            accounts: vec![],
            ideas: 0,
            comments: 0,
            supports: 0,
        });
    }
    let hash = tokio::task::spawn_blocking(|| password_auth::generate_hash(DEMO_PASSWORD)).await?;
    // Enough people that ten supports per idea stay distinct and spread out.
    let people: i64 = (ideas as i64 / 5).clamp(50, 20_000);
    let mut tx = db.begin_write().await?;
    let first_user = db::seed::insert_people(&mut tx, people, &hash, now).await?;
    let first_idea = db::seed::next_idea_id(&mut tx).await?;

    // Ideas: built in Rust (titles and texts), inserted 500 rows per statement.
    let two_years = 2 * 365 * DAY;
    let mut done: u64 = 0;
    while done < ideas {
        let batch = (ideas - done).min(500);
        let rows: Vec<db::seed::BulkIdea> = (done..done + batch)
            .map(|i| {
                let i = i as usize;
                db::seed::BulkIdea {
                    theme: themes[i % themes.len()].id,
                    author: UserId(first_user.0 + (i as i64 * 7919) % people),
                    title: format!(
                        "{} {}",
                        TITLE_STARTS[i % TITLE_STARTS.len()],
                        TITLE_TOPICS[(i / TITLE_STARTS.len()) % TITLE_TOPICS.len()]
                    ),
                    body: format!(
                        "{}\n\n{}",
                        BODY_PARAGRAPHS[i % BODY_PARAGRAPHS.len()],
                        BODY_PARAGRAPHS[(i * 7 + 3) % BODY_PARAGRAPHS.len()]
                    ),
                    created_at: now - (i as i64 * 6311) % two_years,
                }
            })
            .collect();
        db::seed::insert_ideas(&mut tx, &rows).await?;
        done += batch;
    }

    // Supports (about ten per idea) and comments (about three), generated in SQL.
    let range = db::seed::BulkRange {
        first: first_user,
        count: people,
        first_idea,
        now,
    };
    let supports = db::seed::insert_supports(&mut tx, range).await?;
    let comments = db::seed::insert_comments(&mut tx, range, COMMENT_SNIPPETS).await?;
    recount(&mut tx, db.backend).await?;
    tx.commit().await?;
    Ok(SeedReport {
        accounts: vec![],
        ideas,
        comments,
        supports,
    })
}
