//! The office's six themes (created on first start) and the demo content of `seed-demo`
//! (ideas and discussions here, workshops in `demo_workshops`).

pub mod demo_content;
pub mod demo_workshops;

use crate::db::{self, Db};
use crate::domain::{Acting, Role, UserId};

/// The themes of the Innovationsbüro, with "Was wir beobachten" from its own page.
pub const THEMES: &[(&str, &str, &str)] = &[
    (
        "digitale-zivilgesellschaft",
        "Digitale Zivilgesellschaft",
        "Die Digitalisierung ist für die Zivilgesellschaft eine große Chance. Auf Herausforderungen, die bisher kaum lösbar erschienen, können nun Antworten gegeben werden. Neue Formen der Vernetzung können zum Beispiel das Ehrenamt neu beleben und bereichern. Menschen können viel leichter als bislang miteinander kommunizieren, sich informieren und organisieren. Potentiale, die von der Wirtschaft schon genutzt werden, müssen auch für soziale Innovationen Anwendung finden.",
    ),
    (
        "digitale-kompetenzen",
        "Digitale Kompetenzen",
        "Nicht jede_r ist mit einem Smartphone in der Tasche aufgewachsen. Und selbst für diese Menschen heißt Bedienen digitaler Technologien nicht gleich auch Beherrschen. Trotzdem möchten und sollen alle Menschen am gesellschaftlichen Leben teilnehmen, das immer mehr auch digital stattfindet – zum Beispiel in und durch soziale Medien. Die Vermittlung von digitalen Grundkompetenzen ist Voraussetzung dafür, dass alle mitmachen, mitgestalten und dabei sein können. Die Potenziale sind enorm, nicht nur für ältere Menschen und den Kampf gegen Vereinsamung. Der soziale Zusammenhalt ist wichtiger denn je.",
    ),
    (
        "neue-wege-der-beratung",
        "Neue Wege der Beratung",
        "Digitalisierung verändert Lebens- und Alltagswelten: Informationen sind eine Suchmaschine entfernt, „Freunde“ sind nicht mehr nur diejenigen, mit denen man die Freizeit teilt. Wir nehmen digitale Medien als selbstverständlich an und vergessen dabei hin und wieder, dass nicht das ganze Leben schon ‚digital‘ ist. Wir haben Zugriff auf viel mehr Informationen, Netzwerke und Angebote – wenn wir sie denn finden oder sie uns finden.\n\nGerade für die vielfältigen Unterstützungs- und Beratungssysteme - zum Beispiel in der Sozialen Arbeit - ist das eine Herausforderung. Viele neue Wege werden eröffnet, aber sie verlangen nach Orientierung und neuen Kompetenzen – bei Fachkräften, Organisationen und Klient_innen. Für die Beratung in Deutschland geht die Digitalisierung mit großen Chancen einher. Doch wie müssen Beratungsangebote in der digitalen Gesellschaft aussehen, damit sie ankommen und genutzt werden?",
    ),
    (
        "begleitender-sozialstaat",
        "Begleitender Sozialstaat für die digitale Gesellschaft",
        "Digitale Technologien können Kommunikation einfacher, enger und direkter machen, egal ob zwischen Menschen oder zwischen Bürgerinnen und Bürgern und Staat. Diese Chance zu ergreifen wird vom Staat – zu Recht – erwartet. Aber es reicht nicht, Leistungen lediglich online anzubieten. Die Potenziale digitaler Technologien, Leistungen auch dort ankommen zu lassen, wo sie gebraucht werden und Anspruch besteht, sollen genutzt werden.",
    ),
    (
        "digitale-ethik",
        "Digitale Ethik",
        "Mit großer Macht geht große Verantwortung einher – das trifft auch auf die Möglichkeiten digitaler Technologien zu. Deshalb stellen sich auch immer mehr ethische Fragen gerade da, wo es rechtliche Rahmen (noch) nicht gibt oder sie der Lebenswirklichkeit nicht angemessen scheinen. Wenn Künstliche Intelligenz Entscheidungen trifft (oder nur vorbereitet), wenn bestimmte Kommunikationsmedien der einzige - aber eigentlich nicht legale – Weg zu Zielgruppen sind, wenn mehr Daten zu sammeln vielleicht nicht notwendig, aber lohnenswert ist – dann treten ethische Fragen und Dilemmata auf. Es ist wichtiger denn je, eine digitale Ethik für digitale Systeme zu etablieren.",
    ),
    (
        "chancengerechtigkeit",
        "Chancengerechtigkeit",
        "Digitale Technologien haben große Potenziale, gesellschaftliche Spaltungen zu überwinden, indem Hürden abgebaut und Zugänge verbessert werden. Aber sie sind nicht automatisch Gleichmacher. Weil digitale Technologien selbst ausgrenzen können, weil sie nicht voraussetzungslos sind, weil nicht jede_r Zugang zu ihnen hat, oder sie zu bedienen weiß, können sie bestehende Ungleichheiten vergrößern und neue schaffen. Es kommt deshalb nicht nur darauf an, Zugänge zu erleichtern und Kompetenzen zu stärken. Gerechte Chancen müssen auch durch entsprechende Rahmenbedingungen geschaffen werden, die Ausgrenzungen und Benachteiligungen abbauen und verhindern.",
    ),
];

/// On a board without themes, create the office's six. A board whose moderators have
/// changed them is left alone.
pub async fn ensure_themes(db: &Db) -> Result<(), sqlx::Error> {
    let mut tx = db.begin_write().await?;
    if db::themes::count(&mut *tx).await? == 0 {
        for (slug, name, description) in THEMES {
            db::themes::insert(&mut *tx, slug, name, description).await?;
        }
    }
    tx.commit().await
}

/// The password of every demo account; printed by `seed-demo`.
pub const DEMO_PASSWORD: &str = "Mitdenken-Demo-2026";

pub struct SeedReport {
    pub accounts: Vec<(String, String, &'static str)>,
    pub ideas: u64,
    pub comments: u64,
    pub supports: u64,
}

const DAY: i64 = 24 * 3600;

/// Demo users, ideas, comments and supports; running it again adds nothing twice.
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
        let role = Role::parse(u.role).unwrap_or(Role::Participant);
        let id = match db::users::by_email(&mut *tx, u.email).await? {
            Some(existing) => existing.id,
            None => db::users::insert(&mut *tx, u.email, u.name, &hash, role).await?,
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
        let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM ideas WHERE title = $1")
            .bind(idea.title)
            .fetch_one(&mut *tx)
            .await?;
        if exists > 0 {
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
        let idea_id: i64 = sqlx::query_scalar(
            "INSERT INTO ideas (theme_id, author_id, title, body, status, support_count,
                                comment_count, created_at)
             VALUES ($1, $2, $3, $4, 'submitted', 0, 0, $5) RETURNING id",
        )
        .bind(theme.id)
        .bind(author)
        .bind(idea.title)
        .bind(idea.body)
        .bind(created)
        .fetch_one(&mut *tx)
        .await?;
        report.ideas += 1;
        let mut comment_ids: Vec<i64> = Vec::new();
        for (k, (who, text, parent)) in idea.comments.iter().enumerate() {
            let Some(&by) = ids.get(*who) else { continue };
            let parent_id = parent.and_then(|p| comment_ids.get(p).copied());
            let at = created + (k as i64 + 1) * 5 * 3600;
            let cid: i64 = sqlx::query_scalar(
                "INSERT INTO comments (idea_id, author_id, parent_id, body, created_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(idea_id)
            .bind(by)
            .bind(parent_id)
            .bind(*text)
            .bind(at.min(now))
            .fetch_one(&mut *tx)
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
            let inserted = sqlx::query(
                "INSERT INTO supports (idea_id, user_id, theme_id, created_at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (idea_id, user_id) DO NOTHING",
            )
            .bind(idea_id)
            .bind(*user)
            .bind(theme.id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            report.supports += inserted.rows_affected();
        }
    }
    recount(&mut tx).await?;
    curate_demo(&mut tx, &ids, now).await?;
    tx.commit().await?;
    Ok(report)
}

/// Walk some demo ideas along the road to the ministry, with notes and answers as real
/// moderators and ministry staff would write them, and found a verified demo organisation.
async fn curate_demo(tx: &mut db::Tx, ids: &[UserId], now: i64) -> Result<(), sqlx::Error> {
    use crate::db::curation::{ActorInfo, LogEntry};
    use crate::domain::Status::*;
    use crate::domain::{Action, IdeaId, Subject};
    let (Some(&moderator), Some(&ministry)) = (ids.get(1), ids.get(3)) else {
        return Ok(());
    };
    let already: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM idea_transitions WHERE from_status IS NOT NULL")
            .fetch_one(&mut **tx)
            .await?;
    if already > 0 {
        return Ok(());
    }
    let names: Vec<(UserId, String, Role)> =
        sqlx::query_as("SELECT id, display_name, role FROM users WHERE id IN ($1, $2)")
            .bind(moderator)
            .bind(ministry)
            .fetch_all(&mut **tx)
            .await?;
    let who = |id: UserId| {
        names
            .iter()
            .find(|(i, _, _)| *i == id)
            .map(|(_, n, r)| (n.clone(), *r))
            .unwrap_or((String::new(), Role::Moderator))
    };
    let (mod_name, mod_role) = who(moderator);
    let (min_name, min_role) = who(ministry);
    // The most supported demo ideas go furthest.
    let top: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, title FROM ideas WHERE status = 'submitted' AND listed = 1
         ORDER BY support_count DESC, id LIMIT 6",
    )
    .fetch_all(&mut **tx)
    .await?;
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
    for (k, ((idea, _title), road)) in top.iter().zip(roads).enumerate() {
        let mut from = Submitted;
        for (step, (to, by_ministry, note)) in road.iter().enumerate() {
            let (actor_id, name, role) = if *by_ministry {
                (ministry, &min_name, &min_role)
            } else {
                (moderator, &mod_name, &mod_role)
            };
            let at = now - (6 - k as i64) * DAY + step as i64 * 3600;
            sqlx::query("UPDATE ideas SET status = $1 WHERE id = $2")
                .bind(to.as_str())
                .bind(idea)
                .execute(&mut **tx)
                .await?;
            let actor = ActorInfo {
                id: Some(actor_id),
                role: Acting::Person(*role),
                name,
            };
            let idea_id = IdeaId(*idea);
            db::curation::add_transition(&mut **tx, idea_id, Some(from), *to, &actor, note, at)
                .await?;
            let entry = LogEntry {
                action: Action::Status(*to),
                reason: None,
                note,
                actor_role: Acting::Person(*role),
                item_type: Subject::Idea,
                item_id: *idea,
            };
            db::curation::log_at(&mut **tx, &entry, at).await?;
            from = *to;
        }
    }
    // A verified organisation whose member speaks for it.
    if let Some(&member) = ids.get(8) {
        let exists: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM organisations WHERE slug = 'digitalwerkstatt-kiez-e-v'",
        )
        .fetch_one(&mut **tx)
        .await?;
        if exists == 0 {
            let org: i64 = sqlx::query_scalar(
                "INSERT INTO organisations (slug, name, website, description, owner_id, verified_at, created_at)
                 VALUES ('digitalwerkstatt-kiez-e-v', 'Digitalwerkstatt Kiez e.V.', '',
                         'Ehrenamtliche helfen Nachbarinnen und Nachbarn jeden Alters beim Einstieg in die digitale Welt.', $1, $2, $2)
                 RETURNING id",
            )
            .bind(member)
            .bind(now - 30 * DAY)
            .fetch_one(&mut **tx)
            .await?;
            sqlx::query("INSERT INTO organisation_members (organisation_id, user_id, added_at) VALUES ($1, $2, $3)")
                .bind(org)
                .bind(member)
                .bind(now - 30 * DAY)
                .execute(&mut **tx)
                .await?;
            sqlx::query("UPDATE ideas SET organisation_id = $1 WHERE author_id = $2")
                .bind(org)
                .bind(member)
                .execute(&mut **tx)
                .await?;
        }
    }
    Ok(())
}

/// Recompute every denormalised count from the rows themselves (after bulk inserts).
async fn recount(tx: &mut db::Tx) -> Result<(), sqlx::Error> {
    // Every idea's trail starts with its submission by its author.
    sqlx::query(
        "INSERT INTO idea_transitions
           (idea_id, from_status, to_status, actor_id, actor_role, actor_name, note, created_at)
         SELECT i.id, NULL, 'submitted', i.author_id, u.role, u.display_name, '', i.created_at
         FROM ideas i JOIN users u ON u.id = i.author_id
         WHERE NOT EXISTS (SELECT 1 FROM idea_transitions t WHERE t.idea_id = i.id)",
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE ideas SET
           support_count = (SELECT COUNT(*) FROM supports s WHERE s.idea_id = ideas.id),
           comment_count = (SELECT COUNT(*) FROM comments c
                            WHERE c.idea_id = ideas.id AND c.deleted_at IS NULL)",
    )
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE themes SET idea_count = (SELECT COUNT(*) FROM ideas i
                                         WHERE i.theme_id = themes.id AND i.withdrawn_at IS NULL)",
    )
    .execute(&mut **tx)
    .await?;
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
    let batch_tag: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM users")
        .fetch_one(&mut *tx)
        .await?;
    sqlx::query(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < $1)
         INSERT INTO users (email, display_name, password_hash, role, created_at)
         SELECT 'bulk-' || $2 || '-' || k || '@demo.mitdenken.example',
                'Testperson ' || $2 || '-' || k, $3, 'participant', $4 - k * 60
         FROM n",
    )
    .bind(people)
    .bind(batch_tag.to_string())
    .bind(&hash)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let first_user: i64 = sqlx::query_scalar("SELECT MIN(id) FROM users WHERE id > $1")
        .bind(batch_tag)
        .fetch_one(&mut *tx)
        .await?;
    let first_idea: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM ideas")
        .fetch_one(&mut *tx)
        .await?;

    // Ideas: built in Rust (titles and texts), inserted 500 rows per statement.
    let two_years = 2 * 365 * DAY;
    let mut done: u64 = 0;
    while done < ideas {
        let batch = (ideas - done).min(500);
        let mut sql = String::from(
            "INSERT INTO ideas (theme_id, author_id, title, body, status, support_count,
                                comment_count, created_at) VALUES ",
        );
        for j in 0..batch {
            let p = (j * 5) as usize;
            if j > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, ${}, 'submitted', 0, 0, ${})",
                p + 1,
                p + 2,
                p + 3,
                p + 4,
                p + 5
            ));
        }
        let mut q = sqlx::query(&sql);
        for j in 0..batch {
            let i = (done + j) as usize;
            let theme = &themes[i % themes.len()];
            let title = format!(
                "{} {}",
                TITLE_STARTS[i % TITLE_STARTS.len()],
                TITLE_TOPICS[(i / TITLE_STARTS.len()) % TITLE_TOPICS.len()]
            );
            let body = format!(
                "{}\n\n{}",
                BODY_PARAGRAPHS[i % BODY_PARAGRAPHS.len()],
                BODY_PARAGRAPHS[(i * 7 + 3) % BODY_PARAGRAPHS.len()]
            );
            let author = first_user + (i as i64 * 7919) % people;
            let created = now - (i as i64 * 6311) % two_years;
            q = q
                .bind(theme.id)
                .bind(author)
                .bind(title)
                .bind(body)
                .bind(created);
        }
        q.execute(&mut *tx).await?;
        done += batch;
    }

    // Supports: 0 to 20 per idea (10 on average), from distinct people, at times between the
    // idea's creation and now.
    let supports = sqlx::query(
        "WITH RECURSIVE ks(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM ks WHERE k < 19)
         INSERT INTO supports (idea_id, user_id, theme_id, created_at)
         SELECT i.id, $1 + ((i.id * 7919 + ks.k * 104729) % $2), i.theme_id,
                i.created_at + ((i.id * 131 + ks.k * 86413) % ($3 - i.created_at + 1))
         FROM ideas i JOIN ks ON ks.k < (i.id * 31) % 21
         WHERE i.id >= $4
         ON CONFLICT (idea_id, user_id) DO NOTHING",
    )
    .bind(first_user)
    .bind(people)
    .bind(now)
    .bind(first_idea)
    .execute(&mut *tx)
    .await?
    .rows_affected();

    // Comments: 0 to 6 per idea (3 on average), texts from a small table of snippets.
    sqlx::query("CREATE TEMPORARY TABLE seed_snippets (n BIGINT PRIMARY KEY, body TEXT NOT NULL)")
        .execute(&mut *tx)
        .await?;
    for (n, s) in COMMENT_SNIPPETS.iter().enumerate() {
        sqlx::query("INSERT INTO seed_snippets (n, body) VALUES ($1, $2)")
            .bind(n as i64)
            .bind(*s)
            .execute(&mut *tx)
            .await?;
    }
    let comments = sqlx::query(
        "WITH RECURSIVE ks(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM ks WHERE k < 5)
         INSERT INTO comments (idea_id, author_id, parent_id, body, created_at)
         SELECT i.id, $1 + ((i.id * 104729 + ks.k * 7919) % $2), NULL, sn.body,
                i.created_at + ((i.id * 17 + ks.k * 3571) % ($3 - i.created_at + 1))
         FROM ideas i
         JOIN ks ON ks.k < (i.id * 17) % 7
         JOIN seed_snippets sn ON sn.n = (i.id + ks.k) % $4
         WHERE i.id >= $5",
    )
    .bind(first_user)
    .bind(people)
    .bind(now)
    .bind(COMMENT_SNIPPETS.len() as i64)
    .bind(first_idea)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("DROP TABLE seed_snippets")
        .execute(&mut *tx)
        .await?;
    recount(&mut tx).await?;
    tx.commit().await?;
    Ok(SeedReport {
        accounts: vec![],
        ideas,
        comments,
        supports,
    })
}
