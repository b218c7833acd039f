//! Organisations take members by invitation and consent only, and the invite form tells
//! nothing about which addresses have accounts (issue 10, finding 7).

use crate::helpers::*;
use mitdenken::domain::Role;
use reqwest::StatusCode;

const BODY: &str = "Eine Idee mit genug Text, damit sie eingereicht werden kann.";
const ORG: &str = "/organisations/kiezhelden-e-v";

/// An app with Olga's verified organisation "Kiezhelden e.V."; returns Olga's browser.
async fn with_verified_org(app: &TestApp) -> reqwest::Client {
    let owner = app
        .user("Olga Owner", "olga@example.org", Role::Participant)
        .await;
    app.post_with(
        &owner,
        "/organisations",
        &[
            ("name", "Kiezhelden e.V."),
            ("website", ""),
            ("description", "Wir helfen im Kiez, wo es nötig ist."),
        ],
    )
    .await
    .assert_redirect_to(ORG);
    let moderator = app.user("Mo", "mo@example.org", Role::Moderator).await;
    app.post_with(&moderator, &format!("{ORG}/verify"), &[])
        .await
        .assert_redirect_to(ORG);
    owner
}

async fn invite(app: &TestApp, owner: &reqwest::Client, email: &str) -> Page {
    app.post_with(owner, &format!("{ORG}/members"), &[("email", email)])
        .await
}

/// Posting an idea "for" the organisation: the redirect to the new idea, or the form again.
async fn post_for_org(app: &TestApp, client: &reqwest::Client, title: &str) -> Page {
    app.post_with(
        client,
        "/ideas",
        &[
            ("theme", "chancengerechtigkeit"),
            ("title", title),
            ("body", BODY),
            ("as_org", "kiezhelden-e-v"),
        ],
    )
    .await
}

async fn members(app: &TestApp) -> i64 {
    app.scalar(
        "SELECT COUNT(*) FROM organisation_members m JOIN organisations o
         ON o.id = m.organisation_id WHERE o.slug = 'kiezhelden-e-v' AND m.user_id <> $1",
        0,
    )
    .await
}

#[tokio::test]
async fn invited_people_become_members_only_when_they_accept() {
    let app = spawn_app().await;
    let owner = with_verified_org(&app).await;
    let max = app
        .user("Max Mitglied", "max@example.org", Role::Participant)
        .await;
    invite(&app, &owner, "max@example.org")
        .await
        .assert_redirect_to(&format!("{ORG}#mitglieder"));

    // Invited, not a member: not on the public page, cannot speak for it.
    assert_eq!(members(&app).await, 1, "only the owner");
    let public = app.get_with(&new_client(), ORG).await.body;
    assert!(!public.contains("Max Mitglied"), "{public}");
    let refused = post_for_org(&app, &max, "Kiezfest für alle").await;
    assert_eq!(refused.status, StatusCode::OK);
    assert!(refused.body.contains("nur für verifizierte Organisationen"));
    assert!(
        !refused.body.contains("value=\"kiezhelden-e-v\""),
        "no choice offered"
    );

    // The invitation shows in Max's account and as a new notice in the header.
    let account = app.get_with(&max, "/account").await.body;
    assert!(
        account.contains("Einladungen von Organisationen"),
        "{account}"
    );
    assert!(account.contains("Olga Owner lädt Sie ein"));
    assert!(account.contains(&format!("action=\"{ORG}/invitation/accept\"")));
    assert!(account.contains(&format!("action=\"{ORG}/invitation/decline\"")));
    assert!(account.contains("1 neu"), "the header counts the notice");
    let mine = app.get_with(&max, "/benachrichtigungen").await.body;
    assert!(mine.contains("Olga Owner lädt Sie ein, Mitglied der Organisation „Kiezhelden e.V.“"));

    // Accepting needs the form's token like every form.
    let forged = app
        .post_raw(&max, &format!("{ORG}/invitation/accept"), &[])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(members(&app).await, 1);

    app.post_with(&max, &format!("{ORG}/invitation/accept"), &[])
        .await
        .assert_redirect_to(ORG);
    assert_eq!(members(&app).await, 2);
    assert!(
        app.get_with(&new_client(), ORG)
            .await
            .body
            .contains("Max Mitglied")
    );
    assert!(
        !app.get_with(&max, "/account")
            .await
            .body
            .contains("Einladungen von Organisationen")
    );
    post_for_org(&app, &max, "Kiezfest für alle")
        .await
        .assert_redirect_to("/ideas/");
    // The owner learns that Max joined.
    assert!(
        app.get_with(&owner, "/benachrichtigungen")
            .await
            .body
            .contains("Max Mitglied hat Ihre Einladung angenommen")
    );
    // Accepting twice does nothing more.
    app.post_with(&max, &format!("{ORG}/invitation/accept"), &[])
        .await
        .assert_redirect_to("/account");
    assert_eq!(members(&app).await, 2);
}

#[tokio::test]
async fn a_declined_invitation_leaves_nothing() {
    let app = spawn_app().await;
    let owner = with_verified_org(&app).await;
    let max = app
        .user("Max Mitglied", "max@example.org", Role::Participant)
        .await;
    invite(&app, &owner, "max@example.org").await;
    app.post_with(&max, &format!("{ORG}/invitation/decline"), &[])
        .await
        .assert_redirect_to("/account");
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM organisation_invitations WHERE user_id > $1",
            0
        )
        .await,
        0
    );
    assert!(
        !app.get_with(&max, "/account")
            .await
            .body
            .contains("Einladungen von Organisationen")
    );
    // Declined is gone: accepting afterwards makes nobody a member.
    app.post_with(&max, &format!("{ORG}/invitation/accept"), &[])
        .await
        .assert_redirect_to("/account");
    assert_eq!(members(&app).await, 1);
    assert!(
        !app.get_with(&new_client(), ORG)
            .await
            .body
            .contains("Max Mitglied")
    );
    assert_eq!(
        post_for_org(&app, &max, "Kiezfest für alle").await.status,
        StatusCode::OK
    );
    // Nobody accepts an invitation that was never made.
    let otto = app
        .user("Otto", "otto@example.org", Role::Participant)
        .await;
    app.post_with(&otto, &format!("{ORG}/invitation/accept"), &[])
        .await
        .assert_redirect_to("/account");
    assert_eq!(members(&app).await, 1);
}

#[tokio::test]
async fn staff_appear_only_once_they_accept() {
    let app = spawn_app().await;
    let owner = with_verified_org(&app).await;
    let admin = app
        .user("Ada Administration", "ada@example.org", Role::Admin)
        .await;
    invite(&app, &owner, "ada@example.org").await;
    assert_eq!(members(&app).await, 1);
    assert!(
        !app.get_with(&new_client(), ORG)
            .await
            .body
            .contains("Ada Administration")
    );
    assert_eq!(
        post_for_org(&app, &admin, "Verwaltung für alle")
            .await
            .status,
        StatusCode::OK,
        "not for the organisation before accepting"
    );
    app.post_with(&admin, &format!("{ORG}/invitation/accept"), &[])
        .await
        .assert_redirect_to(ORG);
    assert!(
        app.get_with(&new_client(), ORG)
            .await
            .body
            .contains("Ada Administration")
    );
}

/// The page the owner sees after inviting `email`, without its CSRF tokens.
async fn answer_for(
    app: &TestApp,
    owner: &reqwest::Client,
    email: &str,
) -> (StatusCode, String, String) {
    let post = invite(app, owner, email).await;
    let location = post.location.clone().unwrap_or_default();
    let page = app.get_with(owner, &location).await.body;
    let token = csrf_of(&page).unwrap_or_default();
    assert!(!token.is_empty());
    (post.status, location, page.replace(&token, "TOKEN"))
}

#[tokio::test]
async fn the_invite_answer_is_the_same_for_every_address() {
    let app = spawn_app().await;
    let owner = with_verified_org(&app).await;
    app.user("Max Mitglied", "max@example.org", Role::Participant)
        .await;
    app.user("Mia Ministerium", "mia@example.org", Role::Ministry)
        .await;
    let unknown = answer_for(&app, &owner, "niemand@example.org").await;
    assert_eq!(unknown.0, StatusCode::SEE_OTHER);
    assert!(
        unknown
            .2
            .contains("Wenn es zu dieser Adresse ein Konto gibt")
    );
    for email in [
        "max@example.org",
        "Mia@Example.org",
        "max@example.org",
        "olga@example.org",
        "noch-niemand@example.org",
    ] {
        let known = answer_for(&app, &owner, email).await;
        assert_eq!(known.0, unknown.0, "{email}");
        assert_eq!(known.1, unknown.1, "{email}");
        assert_eq!(known.2, unknown.2, "{email}: the page differs");
    }
    // Max and Mia were invited (once each), nobody else.
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM organisation_invitations WHERE user_id > $1",
            0
        )
        .await,
        2
    );
    assert_eq!(
        app.scalar("SELECT COUNT(*) FROM notices WHERE message LIKE '%notice-org-invited%' AND user_id > $1", 0)
            .await,
        2,
        "one notice per invitation"
    );
}

#[tokio::test]
async fn only_the_owner_invites() {
    let app = spawn_app().await;
    let _owner = with_verified_org(&app).await;
    let otto = app
        .user("Otto", "otto@example.org", Role::Participant)
        .await;
    assert_eq!(
        invite(&app, &otto, "otto@example.org").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.scalar(
            "SELECT COUNT(*) FROM organisation_invitations WHERE user_id > $1",
            0
        )
        .await,
        0
    );
}

#[tokio::test]
async fn flooding_the_invite_form_gets_429() {
    let app = spawn_app().await;
    let owner = with_verified_org(&app).await;
    // 20 invitations an hour per owner, whatever the addresses.
    for i in 0..20 {
        invite(&app, &owner, &format!("person{i}@example.org"))
            .await
            .assert_redirect_to(ORG);
    }
    let refused = invite(&app, &owner, "person20@example.org").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn inviting_counts_against_the_address_budget_too() {
    // Registration takes one attempt of the budget per account made here.
    let app = spawn_app_with(|c| c.auth_rate_limit = 6).await;
    let owner = with_verified_org(&app).await;
    // Two registrations used two of six; four invitations remain.
    for i in 0..4 {
        invite(&app, &owner, &format!("person{i}@example.org"))
            .await
            .assert_redirect_to(ORG);
    }
    assert_eq!(
        invite(&app, &owner, "person4@example.org").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
}
