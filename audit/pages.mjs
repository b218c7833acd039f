// THE list of pages the real-browser audit visits (issue 6).
//
// Every `.route("…")` in src/**/*.rs must appear here, either as the `route` of at least one
// entry in `pages` or in `notPages` with a reason; routes.test.mjs fails otherwise. When you
// add a route, add its pages here (each state worth seeing: empty, filled, with errors, per role).
//
// An entry:
//   route   the axum route pattern exactly as written in the Rust source ("/themes/{slug}"),
//           or "(fallback)" / "(method-not-allowed)" for pages no route pattern names
//   url     what the browser opens; {{name}} is a fixture the audit creates or finds before
//           the pages are visited (see FIXTURES below and prepareFixtures in audit.test.mjs)
//   as      who looks: anonymous | participant | moderator | ministry | admin
//   name    what the page is, for the report (unique)
//   status  the expected HTTP status (default 200)
//   contentLang  the language of the main content when it differs from the audited language
//           (<html lang> or a lang attribute on the content inside <main> must say so)
//   submit  optional: after opening `url`, fill and send a form in the browser, then audit the
//           page the POST answers with (failed forms with their error messages):
//             form    the form's action attribute (the first visible form with it is used)
//             fields  { fieldName: value } (select: option value; radio: the value to check)

/** The fixtures that {{name}} in a url or form action may use. */
export const FIXTURES = {
  theme: "an open theme with demo ideas",
  closedTheme: "a theme the moderator closed for new ideas",
  discussedIdea: "the most discussed idea of {{theme}} (comments, replies, supports)",
  forwardedIdea: "an idea forwarded to the ministry, waiting for its answer",
  answeredIdea: "an idea the ministry accepted, with its public answer",
  ownIdea: "an idea of the participant (editable; the moderator moved it to discussion)",
  withdrawnIdea: "an idea the participant withdrew",
  mergedIdea: "an idea the moderator merged into {{discussedIdea}}",
  hiddenIdea: "an idea of the participant the moderator hid",
  ownComment: "a comment of the participant on {{discussedIdea}}",
  otherComment: "a comment of someone else on {{discussedIdea}} (reported by the participant)",
  participantId: "user id of the participant",
  blockedUserId: "user id of a participant the moderator blocked",
  organisation: "slug of the verified demo organisation",
  upcomingWorkshop: "the demo workshop still open for registration (the participant registered)",
  pastWorkshop: "a past demo workshop with learnings",
  learning: "a learning of {{pastWorkshop}} (linked to {{discussedIdea}} by the moderator)",
};

const T = "{{theme}}";

export const pages = [
  // ---------------------------------------------------------------- home and themes
  { route: "/", url: "/", as: "anonymous", name: "Startseite" },
  { route: "/", url: "/", as: "participant", name: "Startseite (angemeldet)" },
  { route: "/", url: "/", as: "moderator", name: "Startseite (Moderation)" },
  { route: "/", url: "/", as: "ministry", name: "Startseite (Ministerium)" },
  { route: "/", url: "/", as: "admin", name: "Startseite (Admin)" },
  { route: "/themes/{slug}", url: `/themes/${T}`, as: "anonymous", name: "Thema (Standard-Sortierung)" },
  { route: "/themes/{slug}", url: `/themes/${T}?sort=neueste`, as: "anonymous", name: "Thema, Neueste" },
  { route: "/themes/{slug}", url: `/themes/${T}?sort=unterstuetzung`, as: "anonymous", name: "Thema, Meiste Unterstützung" },
  { route: "/themes/{slug}", url: `/themes/${T}?sort=diskutiert`, as: "anonymous", name: "Thema, Meistdiskutiert" },
  { route: "/themes/{slug}", url: `/themes/${T}?sort=trend`, as: "anonymous", name: "Thema, Im Trend" },
  { route: "/themes/{slug}", url: `/themes/${T}?sort=neueste&status=discussion`, as: "anonymous", name: "Thema, Statusfilter In Diskussion" },
  { route: "/themes/{slug}", url: `/themes/${T}?page=99`, as: "anonymous", name: "Thema, Seite hinter dem Ende (leer)" },
  { route: "/themes/{slug}", url: "/themes/{{closedTheme}}", as: "anonymous", name: "Thema, für neue Ideen geschlossen" },
  { route: "/themes/{slug}", url: `/themes/${T}?sort=trend`, as: "participant", name: "Thema, Im Trend (angemeldet)" },
  { route: "/themes/{slug}", url: `/themes/${T}`, as: "moderator", name: "Thema (Moderation)" },
  { route: "/themes/{slug}", url: "/themes/{{closedTheme}}", as: "moderator", name: "Thema geschlossen (Moderation)" },
  { route: "/themes/new", url: "/themes/new", as: "moderator", name: "Thema anlegen" },
  {
    route: "/themes/new", url: "/themes/new", as: "moderator", name: "Thema anlegen mit Fehlern",
    submit: { form: "/themes", fields: { name: "", slug: "new", description: "" } },
  },
  { route: "/themes/{slug}/edit", url: `/themes/${T}/edit`, as: "moderator", name: "Thema bearbeiten" },
  { route: "/themes/{slug}/tags", url: `/themes/${T}/tags`, as: "moderator", name: "Schlagwörter eines Themas" },
  {
    route: "/themes/{slug}/tags", url: `/themes/${T}/tags`, as: "moderator", name: "Schlagwörter mit Fehler",
    submit: { form: `/themes/${T}/tags`, fields: { name: "x" } },
  },
  {
    route: "/themes/{slug}/edit", url: `/themes/${T}/edit`, as: "moderator", name: "Thema bearbeiten mit Fehlern",
    submit: { form: `/themes/${T}/edit`, fields: { name: "x", description: "" } },
  },

  // ---------------------------------------------------------------- ideas
  { route: "/ideas/{id}", url: "/ideas/{{discussedIdea}}", as: "anonymous", name: "Idee mit Kommentaren" },
  { route: "/ideas/{id}", url: "/ideas/{{answeredIdea}}", as: "anonymous", name: "Idee mit Antwort des Ministeriums" },
  { route: "/ideas/{id}", url: "/ideas/{{forwardedIdea}}", as: "anonymous", name: "Idee weitergeleitet" },
  { route: "/ideas/{id}", url: "/ideas/{{mergedIdea}}", as: "anonymous", name: "Idee zusammengeführt" },
  { route: "/ideas/{id}", url: "/ideas/{{withdrawnIdea}}", as: "anonymous", name: "Idee zurückgezogen" },
  { route: "/ideas/{id}", url: "/ideas/{{hiddenIdea}}", as: "anonymous", name: "Idee ausgeblendet" },
  { route: "/ideas/{id}", url: "/ideas/{{discussedIdea}}", as: "participant", name: "Idee mit Kommentaren (angemeldet)" },
  { route: "/ideas/{id}", url: "/ideas/{{ownIdea}}", as: "participant", name: "Eigene Idee" },
  {
    route: "/ideas/{id}", url: "/ideas/{{discussedIdea}}", as: "participant", name: "Idee nach leerem Kommentar (Fehler)",
    submit: { form: "/ideas/{{discussedIdea}}/comments", fields: { body: "" } },
  },
  { route: "/ideas/{id}", url: "/ideas/{{discussedIdea}}", as: "moderator", name: "Idee (Moderation)" },
  { route: "/ideas/{id}", url: "/ideas/{{hiddenIdea}}", as: "moderator", name: "Ausgeblendete Idee (Moderation)" },
  { route: "/ideas/{id}", url: "/ideas/{{forwardedIdea}}", as: "ministry", name: "Idee weitergeleitet (Ministerium, Antwortformular)" },
  { route: "/ideas/{id}", url: "/ideas/{{answeredIdea}}", as: "ministry", name: "Idee beantwortet (Ministerium)" },
  { route: "/ideas/{id}", url: "/ideas/{{forwardedIdea}}", as: "admin", name: "Idee weitergeleitet (Admin)" },
  { route: "/ideas/new", url: "/ideas/new", as: "participant", name: "Idee einreichen (leer)" },
  { route: "/ideas/new", url: `/ideas/new?theme=${T}`, as: "participant", name: "Idee einreichen (Thema vorgewählt)" },
  {
    route: "/ideas/new", url: "/ideas/new", as: "participant", name: "Idee einreichen nach Fehler",
    submit: { form: "/ideas", fields: { title: "x", body: "zu kurz" } },
  },
  {
    route: "/ideas/new", url: `/ideas/new?theme=${T}`, as: "participant", name: "Idee einreichen, Schritt ähnliche Ideen",
    submit: { form: "/ideas", fields: { title: "Treffpunkt für Familien", body: "Ein Ort für **Familien** am Nachmittag.", step: "pruefen" } },
  },
  { route: "/ideas/{id}/edit", url: "/ideas/{{ownIdea}}/edit", as: "participant", name: "Idee bearbeiten" },
  {
    route: "/ideas/{id}/edit", url: "/ideas/{{ownIdea}}/edit", as: "participant", name: "Idee bearbeiten mit Fehlern",
    submit: { form: "/ideas/{{ownIdea}}/edit", fields: { title: "", body: "" } },
  },
  { route: "/ideas/{id}/withdraw", url: "/ideas/{{ownIdea}}/withdraw", as: "participant", name: "Idee zurückziehen (Bestätigung)" },

  // ---------------------------------------------------------------- comments
  { route: "/comments/{id}/edit", url: "/comments/{{ownComment}}/edit", as: "participant", name: "Kommentar bearbeiten" },
  {
    route: "/comments/{id}/edit", url: "/comments/{{ownComment}}/edit", as: "participant", name: "Kommentar bearbeiten mit Fehlern",
    submit: { form: "/comments/{{ownComment}}/edit", fields: { body: "" } },
  },
  { route: "/comments/{id}/delete", url: "/comments/{{ownComment}}/delete", as: "participant", name: "Kommentar löschen (Bestätigung)" },

  // ---------------------------------------------------------------- reports and moderation
  { route: "/ideas/{id}/report", url: "/ideas/{{discussedIdea}}/report", as: "participant", name: "Idee melden" },
  {
    route: "/ideas/{id}/report", url: "/ideas/{{discussedIdea}}/report", as: "participant", name: "Idee melden ohne Grund (Fehler)",
    submit: { form: "/ideas/{{discussedIdea}}/report", fields: { details: "" } },
  },
  { route: "/comments/{id}/report", url: "/comments/{{otherComment}}/report", as: "participant", name: "Kommentar melden" },
  { route: "/moderation", url: "/moderation", as: "moderator", name: "Moderation (nach Unterstützung)" },
  { route: "/moderation", url: "/moderation?sort=alter", as: "moderator", name: "Moderation (nach Alter)" },
  { route: "/moderation", url: "/moderation?sort=thema", as: "moderator", name: "Moderation (nach Thema)" },
  { route: "/moderation", url: "/moderation", as: "admin", name: "Moderation (Admin)" },
  { route: "/transparenz", url: "/transparenz", as: "anonymous", name: "Transparenzbericht" },
  { route: "/transparenz", url: "/transparenz?page=2", as: "anonymous", name: "Transparenzbericht Seite 2" },

  // ---------------------------------------------------------------- open data (issue 15)
  { route: "/api", url: "/api", as: "anonymous", name: "Offene Daten: API" },
  { route: "/daten", url: "/daten", as: "anonymous", name: "Offene Daten: Downloads" },
  { route: "/statistik", url: "/statistik", as: "anonymous", name: "Statistik" },

  // ---------------------------------------------------------------- ministry review
  { route: "/review", url: "/review", as: "ministry", name: "Prüfung (wartet auf Antwort)" },
  { route: "/review", url: "/review?status=alle", as: "ministry", name: "Prüfung (alle)" },
  { route: "/review", url: "/review?status=accepted&theme=", as: "ministry", name: "Prüfung (angenommen)" },
  { route: "/review", url: "/review?status=acknowledged", as: "ministry", name: "Prüfung (Eingang bestätigt)" },
  { route: "/review", url: `/review?theme=${T}&status=rejected`, as: "ministry", name: "Prüfung (Thema, abgelehnt)" },
  { route: "/review", url: "/review", as: "admin", name: "Prüfung (Admin)" },

  // ---------------------------------------------------------------- accounts
  { route: "/login", url: "/login", as: "anonymous", name: "Anmelden" },
  { route: "/login", url: "/login?abgemeldet=1", as: "anonymous", name: "Anmelden nach Abmeldung" },
  {
    route: "/login", url: "/login", as: "anonymous", name: "Anmelden mit falschem Passwort",
    submit: { form: "/login", fields: { email: "niemand@example.org", password: "falsch-falsch" } },
  },
  {
    route: "/login", url: "/login", as: "anonymous", name: "Anmelden leer (Fehler)",
    submit: { form: "/login", fields: { email: "", password: "" } },
  },
  { route: "/register", url: "/register", as: "anonymous", name: "Registrieren" },
  {
    route: "/register", url: "/register", as: "anonymous", name: "Registrieren mit Fehlern",
    submit: {
      form: "/register",
      fields: { display_name: "", email: "kein-at", password: "kurz", password_confirm: "anders" },
    },
  },
  { route: "/register/gesendet", url: "/register/gesendet", as: "anonymous", name: "Registriert, E-Mail geschickt" },
  { route: "/account", url: "/account", as: "participant", name: "Konto" },
  {
    route: "/account", url: "/account", as: "participant", name: "Konto, Name mit Fehler",
    submit: { form: "/account/name", fields: { display_name: "" } },
  },
  {
    route: "/account", url: "/account", as: "participant", name: "Konto, Passwort mit Fehlern",
    submit: {
      form: "/account/password",
      fields: { current_password: "falsch", new_password: "kurz", new_password_confirm: "" },
    },
  },
  { route: "/account", url: "/account", as: "admin", name: "Konto (Admin)" },
  // Two-factor sign-in: the login's second step (the demo moderator's password sent from the
  // anonymous browser), the setup page with its QR code (and its text alternative).
  {
    route: "/login", url: "/login", as: "anonymous", name: "Anmeldung bestätigen (zweiter Faktor)",
    submit: { form: "/login", fields: { email: "jana.koehler@demo.mitdenken.example", password: "Mitdenken-Demo-2026" } },
  },
  { route: "/account/zwei-faktor", url: "/account/zwei-faktor", as: "participant", name: "Zwei-Faktor-Anmeldung einrichten (QR-Code)" },
  {
    route: "/account/zwei-faktor", url: "/account/zwei-faktor", as: "participant", name: "Zwei-Faktor-Anmeldung, falscher Code",
    submit: { form: "/account/zwei-faktor", fields: { code: "12" } },
  },
  { route: "/account/zwei-faktor", url: "/account/zwei-faktor", as: "admin", name: "Zwei-Faktor-Anmeldung (eingeschaltet)" },
  // Privacy: the data download and the deletion (its errors only; nothing is deleted).
  { route: "/account/daten", url: "/account/daten", as: "participant", name: "Meine Daten" },
  { route: "/account/daten", url: "/account/daten", as: "admin", name: "Meine Daten (Admin)" },
  { route: "/account/loeschen", url: "/account/loeschen", as: "participant", name: "Konto löschen" },
  {
    route: "/account/loeschen", url: "/account/loeschen", as: "participant", name: "Konto löschen, falsches Passwort",
    submit: { form: "/account/loeschen", fields: { password: "falsch-falsch" } },
  },
  { route: "/admin/users/{id}/loeschen", url: "/admin/users/{{participantId}}/loeschen", as: "admin", name: "Konto löschen (Admin)" },
  { route: "/passwort-vergessen", url: "/passwort-vergessen", as: "anonymous", name: "Passwort vergessen" },
  {
    route: "/passwort-vergessen", url: "/passwort-vergessen", as: "anonymous", name: "Passwort vergessen, Link angefordert",
    submit: { form: "/passwort-vergessen", fields: { email: "niemand@example.org" } },
  },
  {
    route: "/passwort-vergessen", url: "/passwort-vergessen", as: "anonymous", name: "Passwort vergessen leer (Fehler)",
    submit: { form: "/passwort-vergessen", fields: { email: "" } },
  },
  { route: "/passwort-neu/{token}", url: "/passwort-neu/abgelaufen", as: "anonymous", name: "Neues Passwort, Link ungültig" },
  { route: "/konto/bestaetigen/{token}", url: "/konto/bestaetigen/abgelaufen", as: "anonymous", name: "Adresse bestätigen, Link ungültig" },
  { route: "/konto/adresse-bestaetigen/{token}", url: "/konto/adresse-bestaetigen/abgelaufen", as: "participant", name: "Neue Adresse bestätigen, Link ungültig" },
  { route: "/mine", url: "/mine", as: "participant", name: "Meine Beiträge (Ideen, Verweis auf die Benachrichtigungen)" },
  { route: "/benachrichtigungen", url: "/benachrichtigungen", as: "participant", name: "Benachrichtigungen" },
  { route: "/benachrichtigungen", url: "/benachrichtigungen", as: "ministry", name: "Benachrichtigungen (leer)" },
  { route: "/benachrichtigungen/einstellungen", url: "/benachrichtigungen/einstellungen", as: "participant", name: "Benachrichtigungen, Einstellungen" },
  { route: "/newsletter", url: "/newsletter", as: "anonymous", name: "Newsletter (Archiv und Bestellung)" },
  {
    route: "/newsletter", url: "/newsletter", as: "anonymous", name: "Newsletter bestellt",
    submit: { form: "/newsletter/abonnieren", fields: { email: "leserin@example.org" } },
  },
  {
    route: "/newsletter", url: "/newsletter", as: "anonymous", name: "Newsletter bestellen mit Fehler",
    submit: { form: "/newsletter/abonnieren", fields: { email: "keine-adresse" } },
  },
  { route: "/newsletter/bestaetigen/{token}", url: "/newsletter/bestaetigen/abgelaufen", as: "anonymous", name: "Newsletter bestätigen, Link ungültig" },
  { route: "/newsletter/abbestellen/{token}", url: "/newsletter/abbestellen/unbekannt", as: "anonymous", name: "Newsletter abbestellen (schon abbestellt)" },
  { route: "/admin/newsletter", url: "/admin/newsletter", as: "moderator", name: "Newsletter schreiben" },
  {
    route: "/admin/newsletter", url: "/admin/newsletter", as: "admin", name: "Newsletter schreiben, Vorschau",
    submit: { form: "/admin/newsletter", fields: { subject: "Neues aus dem Büro", body: "Im März laden wir zur **Werkstatt** ein." } },
  },
  { route: "/mine", url: "/mine", as: "ministry", name: "Meine Beiträge (leer)" },
  { route: "/users/{id}", url: "/users/{{participantId}}", as: "anonymous", name: "Profil" },
  { route: "/users/{id}", url: "/users/{{participantId}}", as: "participant", name: "Eigenes Profil" },
  { route: "/users/{id}", url: "/users/{{participantId}}", as: "moderator", name: "Profil (Moderation, Sperrformular)" },
  { route: "/users/{id}", url: "/users/{{blockedUserId}}", as: "moderator", name: "Profil gesperrt (Moderation)" },
  { route: "/admin/users", url: "/admin/users", as: "admin", name: "Nutzerverwaltung" },
  { route: "/admin/users", url: "/admin/users?q=demo", as: "admin", name: "Nutzerverwaltung, Suche" },
  { route: "/admin/users", url: "/admin/users?q=gibt-es-nicht", as: "admin", name: "Nutzerverwaltung, keine Treffer" },

  // ---------------------------------------------------------------- organisations
  { route: "/organisations", url: "/organisations", as: "anonymous", name: "Organisationen" },
  { route: "/organisations/{slug}", url: "/organisations/{{organisation}}", as: "anonymous", name: "Organisation" },
  { route: "/organisations/{slug}", url: "/organisations/{{organisation}}", as: "admin", name: "Organisation (Admin)" },
  { route: "/organisations/new", url: "/organisations/new", as: "participant", name: "Organisation anlegen" },
  {
    route: "/organisations/new", url: "/organisations/new", as: "participant", name: "Organisation anlegen mit Fehlern",
    submit: { form: "/organisations", fields: { name: "", website: "kein link", description: "" } },
  },

  // ---------------------------------------------------------------- Innovationswerkstatt
  // (/workshops/{id}.ics shares the route /workshops/{id}: a calendar file, not audited here.)
  { route: "/workshops", url: "/workshops", as: "anonymous", name: "Werkstätten" },
  { route: "/workshops", url: "/workshops", as: "participant", name: "Werkstätten (angemeldet)" },
  { route: "/workshops", url: "/workshops", as: "moderator", name: "Werkstätten (Moderation)" },
  { route: "/workshops/{id}", url: "/workshops/{{upcomingWorkshop}}", as: "anonymous", name: "Werkstatt demnächst" },
  { route: "/workshops/{id}", url: "/workshops/{{upcomingWorkshop}}", as: "participant", name: "Werkstatt demnächst (angemeldet zur Werkstatt)" },
  { route: "/workshops/{id}", url: "/workshops/{{upcomingWorkshop}}", as: "ministry", name: "Werkstatt demnächst (nicht angemeldet)" },
  { route: "/workshops/{id}", url: "/workshops/{{upcomingWorkshop}}", as: "moderator", name: "Werkstatt demnächst (Moderation)" },
  { route: "/workshops/{id}", url: "/workshops/{{pastWorkshop}}", as: "anonymous", name: "Werkstatt vergangen, mit Learnings" },
  { route: "/workshops/{id}", url: "/workshops/{{pastWorkshop}}", as: "moderator", name: "Werkstatt vergangen (Moderation)" },
  {
    route: "/workshops/{id}", url: "/workshops/{{pastWorkshop}}?learning={{learning}}&q=Daten", as: "moderator",
    name: "Werkstatt vergangen, Ideensuche zum Verknüpfen",
  },
  { route: "/workshops/new", url: "/workshops/new", as: "moderator", name: "Werkstatt anlegen" },
  {
    route: "/workshops/new", url: "/workshops/new", as: "moderator", name: "Werkstatt anlegen mit Fehlern",
    submit: { form: "/workshops", fields: { title: "", seats: "viele" } },
  },
  { route: "/workshops/mine", url: "/workshops/mine", as: "participant", name: "Meine Werkstätten" },
  { route: "/workshops/mine", url: "/workshops/mine", as: "ministry", name: "Meine Werkstätten (leer)" },
  { route: "/workshops/{id}/edit", url: "/workshops/{{upcomingWorkshop}}/edit", as: "moderator", name: "Werkstatt bearbeiten" },
  {
    route: "/workshops/{id}/edit", url: "/workshops/{{upcomingWorkshop}}/edit", as: "moderator", name: "Werkstatt bearbeiten mit Fehlern",
    submit: { form: "/workshops/{{upcomingWorkshop}}/edit", fields: { title: "", end: "00:00" } },
  },
  { route: "/workshops/{id}/delete", url: "/workshops/{{upcomingWorkshop}}/delete", as: "moderator", name: "Werkstatt löschen (Bestätigung)" },
  { route: "/workshops/{id}/participants", url: "/workshops/{{upcomingWorkshop}}/participants", as: "moderator", name: "Teilnehmende einer Werkstatt" },
  { route: "/workshops/{id}/learnings/new", url: "/workshops/{{pastWorkshop}}/learnings/new", as: "moderator", name: "Learning anlegen" },
  {
    route: "/workshops/{id}/learnings/new", url: "/workshops/{{pastWorkshop}}/learnings/new", as: "moderator", name: "Learning anlegen mit Fehlern",
    submit: { form: "/workshops/{{pastWorkshop}}/learnings", fields: { title: "", body: "" } },
  },
  { route: "/learnings/{id}/edit", url: "/learnings/{{learning}}/edit", as: "moderator", name: "Learning bearbeiten" },
  {
    route: "/learnings/{id}/edit", url: "/learnings/{{learning}}/edit", as: "moderator", name: "Learning bearbeiten mit Fehlern",
    submit: { form: "/learnings/{{learning}}/edit", fields: { body: "" } },
  },
  { route: "/learnings/{id}/delete", url: "/learnings/{{learning}}/delete", as: "moderator", name: "Learning löschen (Bestätigung)" },
  { route: "/ideas/new", url: "/ideas/new?learning={{learning}}", as: "participant", name: "Idee zu einem Learning einreichen" },

  // ---------------------------------------------------------------- search
  { route: "/suche", url: "/suche", as: "anonymous", name: "Suche (leer)" },
  { route: "/suche", url: "/suche?q=Familien", as: "anonymous", name: "Suche mit Treffern" },
  { route: "/ideen", url: "/ideen", as: "anonymous", name: "Alle Ideen" },
  { route: "/ideen", url: "/ideen?sort=unterstuetzung&status=discussion", as: "anonymous", name: "Alle Ideen, Unterstützung, Statusfilter" },
  { route: "/ideen", url: `/ideen?sort=neueste&theme=${T}&page=2&nach=9999999999.999999999`, as: "anonymous", name: "Alle Ideen eines Themas, Folgeseite über einen Schlüssel" },
  { route: "/suche", url: `/suche?q=digital*&theme=${T}&sort=newest`, as: "participant", name: "Suche mit Filtern (Präfix, Thema, Neueste)" },
  { route: "/suche", url: "/suche?q=x", as: "anonymous", name: "Suche, zu kurzer Suchbegriff" },
  { route: "/suche", url: "/suche?q=Zzyzxwort", as: "anonymous", name: "Suche ohne Treffer" },

  // ---------------------------------------------------------------- information pages
  { route: "/impressum", url: "/impressum", as: "anonymous", name: "Impressum" },
  { route: "/datenschutz", url: "/datenschutz", as: "anonymous", name: "Datenschutzerklärung" },
  { route: "/regeln", url: "/regeln", as: "anonymous", name: "Netiquette und Nutzungsbedingungen" },
  { route: "/barrierefreiheit", url: "/barrierefreiheit", as: "anonymous", name: "Erklärung zur Barrierefreiheit" },
  { route: "/barrierefreiheit", url: "/barrierefreiheit", as: "participant", name: "Erklärung zur Barrierefreiheit (angemeldet)" },
  {
    route: "/barrierefreiheit", url: "/barrierefreiheit", as: "anonymous", name: "Barriere melden mit Fehlern",
    submit: { form: "/barrierefreiheit", fields: { message: "kurz" } },
  },
  // Leichte Sprache is German by definition, whatever language the rest of the site is in.
  { route: "/leichte-sprache", url: "/leichte-sprache", as: "anonymous", name: "Leichte Sprache", contentLang: "de" },
  { route: "/admin/feedback", url: "/admin/feedback", as: "admin", name: "Rückmeldungen zur Barrierefreiheit" },

  // ---------------------------------------------------------------- error pages
  { route: "(fallback)", url: "/gibt-es-nicht", as: "anonymous", name: "Seite nicht gefunden", status: 404 },
  { route: "/ideas/{id}", url: "/ideas/999999", as: "anonymous", name: "Idee nicht gefunden", status: 404 },
  { route: "/moderation", url: "/moderation", as: "participant", name: "Kein Zugriff (Moderation als Teilnehmende)", status: 403 },
  { route: "(method-not-allowed)", url: "/logout", as: "participant", name: "Methode nicht erlaubt (GET /logout)", status: 405 },
];

/** Routes that are not HTML pages of their own, each with the reason. */
export const notPages = [
  { route: "/healthz", reason: "plain-text health check" },
  { route: "/readyz", reason: "plain-text readiness check (proves a write can commit)" },
  { route: "/static/app.css", reason: "stylesheet" },
  { route: "/static/icon.svg", reason: "icon" },
  { route: "/review.csv", reason: "CSV export" },
  { route: "/feeds/ideen.atom", reason: "Atom feed, not HTML" },
  { route: "/feeds/themen/{file}", reason: "Atom feed, not HTML (/feeds/themen/{slug}.atom)" },
  { route: "/feeds/ideen/{file}", reason: "Atom feed, not HTML (/feeds/ideen/{id}.atom)" },
  { route: "/feeds/antworten.atom", reason: "Atom feed, not HTML" },
  { route: "/feeds/werkstatt.atom", reason: "Atom feed, not HTML" },
  { route: "/api/v1/themes", reason: "JSON API" },
  { route: "/api/v1/ideas", reason: "JSON API" },
  { route: "/api/v1/ideas/{id}", reason: "JSON API" },
  { route: "/api/v1/ideas/{id}/comments", reason: "JSON API" },
  { route: "/api/v1/workshops", reason: "JSON API" },
  { route: "/api/v1/workshops/{id}", reason: "JSON API" },
  { route: "/api/v1/transparency", reason: "JSON API" },
  { route: "/api/v1/openapi.json", reason: "OpenAPI document (JSON)" },
  { route: "/api/openapi.json", reason: "OpenAPI document (JSON)" },
  { route: "/daten/{file}", reason: "CSV / JSON Lines downloads and datapackage.json (/daten/ideen.csv, …)" },
  { route: "/themes", reason: "GET redirects to /; POST creates a theme (its error page: 'Thema anlegen mit Fehlern')" },
  { route: "/ideas", reason: "GET redirects to /; POST submits an idea (its error page: 'Idee einreichen nach Fehler')" },
  { route: "/comments/{id}", reason: "GET redirects to the comment on its idea page" },
  { route: "/themes/{slug}/open", reason: "POST only" },
  { route: "/themes/{slug}/close", reason: "POST only" },
  { route: "/ideas/{id}/support", reason: "POST only" },
  { route: "/ideas/{id}/tags", reason: "POST only (moderators retag an idea)" },
  { route: "/themes/{slug}/tags/{id}/delete", reason: "POST only" },
  { route: "/static/similar.js", reason: "script of the idea form's suggestions" },
  { route: "/static/share.js", reason: "copy button of the idea page's share field (the field works without it)" },
  { route: "/ideen/aehnlich", reason: "HTML fragment for similar.js (the form's no-script step shows the same list)" },
  { route: "/konto/bestaetigung-senden", reason: "POST only (Link erneut senden)" },
  { route: "/benachrichtigungen/gelesen", reason: "POST only (mark all read)" },
  { route: "/newsletter/abonnieren", reason: "POST only (its pages: 'Newsletter bestellt', 'Newsletter bestellen mit Fehler')" },
  { route: "/newsletter/{id}", reason: "an issue: the demo data has none; tests/api/newsletter.rs reads the archive" },
  { route: "/benachrichtigungen/{id}/gelesen", reason: "POST only (mark one read)" },
  { route: "/folgen", reason: "POST only (follow button)" },
  { route: "/entfolgen", reason: "POST only (unfollow button)" },
  { route: "/abbestellen/{token}", reason: "only with a secret token from a mail; an unknown token is the 404 page" },
  { route: "/account/email", reason: "POST only (change of address; answers with a redirect to /account)" },
  { route: "/ideas/{id}/unsupport", reason: "POST only" },
  { route: "/ideas/{id}/status", reason: "POST only" },
  { route: "/ideas/{id}/forward", reason: "POST only (moderation's one-step forwarding form on the idea page)" },
  { route: "/ideas/{id}/comments", reason: "POST only (its error page: 'Idee nach leerem Kommentar (Fehler)')" },
  { route: "/logout", reason: "POST only (GET answers 405: 'Methode nicht erlaubt')" },
  { route: "/account/name", reason: "POST only (error page: 'Konto, Name mit Fehler')" },
  { route: "/account/password", reason: "POST only (error page: 'Konto, Passwort mit Fehlern')" },
  { route: "/admin/users/{id}/role", reason: "POST only" },
  { route: "/account/zwei-faktor/aus", reason: "POST only (participants turn two-factor sign-in off on /account/zwei-faktor)" },
  { route: "/admin/users/{id}/zwei-faktor", reason: "POST only (an admin resets someone's two-factor sign-in)" },
  { route: "/login/code", reason: "the login's second step, reached only through the login form: audited as 'Anmeldung bestätigen (zweiter Faktor)' (GET alone redirects to /login)" },
  { route: "/account/daten.json", reason: "JSON download of the data shown on /account/daten" },
  { route: "/account/sitzungen/{id}/beenden", reason: "POST only (the list is on /account)" },
  { route: "/account/sitzungen/andere-beenden", reason: "POST only (the list is on /account)" },
  { route: "/moderation/ideas/{id}/hide", reason: "POST only" },
  { route: "/moderation/ideas/{id}/unhide", reason: "POST only" },
  { route: "/moderation/ideas/{id}/merge", reason: "POST only" },
  { route: "/moderation/comments/{id}/hide", reason: "POST only" },
  { route: "/moderation/comments/{id}/unhide", reason: "POST only" },
  { route: "/moderation/reports/dismiss", reason: "POST only" },
  { route: "/moderation/users/{id}/block", reason: "POST only" },
  { route: "/moderation/users/{id}/unblock", reason: "POST only" },
  { route: "/organisations/{slug}/members", reason: "POST only" },
  { route: "/organisations/{slug}/members/{uid}/remove", reason: "POST only" },
  { route: "/organisations/{slug}/verify", reason: "POST only" },
  { route: "/organisations/{slug}/invitation/accept", reason: "POST only (the invitations are on /account)" },
  { route: "/organisations/{slug}/invitation/decline", reason: "POST only (the invitations are on /account)" },
  { route: "/workshops/{id}/register", reason: "POST only" },
  { route: "/workshops/{id}/cancel", reason: "POST only" },
  { route: "/workshops/{id}/participants.csv", reason: "CSV export" },
  { route: "/workshops/{id}/learnings", reason: "GET redirects to the workshop; POST adds a learning (error page: 'Learning anlegen mit Fehlern')" },
  { route: "/learnings/{id}", reason: "GET redirects to the learning on its workshop page" },
  { route: "/ideas/{id}/learnings", reason: "GET redirects to the idea; POST links a learning" },
  { route: "/ideas/{id}/learnings/remove", reason: "POST only" },
  { route: "/organisations/{slug}/unverify", reason: "POST only" },
];

/** Route names that stand for pages without a route pattern of their own. */
export const PSEUDO_ROUTES = ["(fallback)", "(method-not-allowed)"];

export const ROLES = ["anonymous", "participant", "moderator", "ministry", "admin"];

/** Demo accounts from `mitdenken seed-demo`; all share one password. */
export const DEMO_PASSWORD = "Mitdenken-Demo-2026";
export const ACCOUNTS = {
  admin: "admin@demo.mitdenken.example",
  moderator: "jana.koehler@demo.mitdenken.example",
  ministry: "referat113@demo.mitdenken.example",
  participant: "lena.schaefer@demo.mitdenken.example",
};

/** Pages Lighthouse scores (anonymous): home, a theme, an idea. */
export const lighthousePages = [
  { name: "Startseite", url: "/" },
  { name: "Thema", url: `/themes/${T}` },
  { name: "Idee", url: "/ideas/{{discussedIdea}}" },
];

/**
 * The URL of a page in a language. German is the default and needs nothing; other languages
 * are asked for with `?lang=xx` (the one place to change when the language switch lands).
 */
export function withLang(url, lang) {
  if (!lang || lang === "de") return url;
  const [pathAndQuery, hash] = url.split("#", 2);
  const sep = pathAndQuery.includes("?") ? "&" : "?";
  return `${pathAndQuery}${sep}lang=${encodeURIComponent(lang)}${hash !== undefined ? `#${hash}` : ""}`;
}

/** The Accept-Language header a browser of that language sends. */
export function acceptLanguage(lang) {
  return lang === "de" ? "de-DE,de;q=0.9" : `${lang};q=1.0,de;q=0.5`;
}

/** The languages this run audits: AUDIT_LANGS="de" (default) or "de,en". */
export function auditLangs(env = process.env) {
  return (env.AUDIT_LANGS || "de")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
