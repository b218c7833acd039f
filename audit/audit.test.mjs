// Real-browser audit of every page in pages.mjs (issue 6): axe-core (WCAG 2.1 A/AA, light and
// dark), the Nu HTML Checker, reflow at 320 CSS px, 200 % text, a keyboard-only journey and
// Lighthouse. Starts the app itself on a fresh SQLite database with demo content.
//
//   MITDENKEN_BIN      the binary (default: ../target/debug/mitdenken)
//   AUDIT_LANGS        languages to audit, e.g. "de" (default) or "de,en"
//   AUDIT_ONLY         only pages whose name or url matches this regular expression (quick local
//                      runs; leaves out the keyboard test and Lighthouse)
//   AUDIT_SKIP_LIGHTHOUSE=1   leave Lighthouse out (local runs)
//   AUDIT_OUT          folder for the saved HTML and Lighthouse JSON (default: a temp folder)
//   CHROMIUM_PATH      default /usr/bin/chromium
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import {
  pages,
  lighthousePages,
  ACCOUNTS,
  DEMO_PASSWORD,
  withLang,
  acceptLanguage,
  auditLangs,
} from "./pages.mjs";
import { freshCode } from "./totp.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const execFileP = promisify(execFile);

const BIN = process.env.MITDENKEN_BIN || join(here, "..", "target", "debug", "mitdenken");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const LANGS = auditLangs();
const ONLY = process.env.AUDIT_ONLY ? new RegExp(process.env.AUDIT_ONLY, "i") : null;
const SKIP_LIGHTHOUSE = process.env.AUDIT_SKIP_LIGHTHOUSE === "1";
const OUT = process.env.AUDIT_OUT || mkdtempSync(join(tmpdir(), "mitdenken-audit-out-"));
mkdirSync(OUT, { recursive: true });

const CHROME_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const VNU_JAR = require.resolve("vnu-jar/build/dist/vnu.jar");
const LIGHTHOUSE_CLI = require.resolve("lighthouse/cli/index.js");
const LIGHTHOUSE_MIN = 0.95;
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 320, height: 640 };

/** Texts the keyboard test looks for, per language (English to be confirmed when it lands). */
const SKIP_LINK_TEXT = { de: "Zum Inhalt springen", en: "Skip to content" };

/** Fixtures are made through the German pages (their texts are what prepareFixtures reads). */
const SETUP_LANG = "de";
const CONTEXT_LANGS = [...new Set([SETUP_LANG, ...LANGS])];

const selected = pages.filter((p) => !ONLY || ONLY.test(p.name) || ONLY.test(p.url));

// ---------------------------------------------------------------- shared state

const state = {
  server: null, // { proc, base, dir, log }
  browser: null,
  contexts: {}, // lang -> role -> BrowserContext
  fixtures: {},
  setupError: null,
  saved: [], // { lang, entry, file }
};

function requireSetup(t) {
  if (state.setupError) {
    t.skip(`setup failed: ${state.setupError.message.split("\n")[0]}`);
    return false;
  }
  return true;
}

/** Replace {{fixture}} in a url or form action. */
function resolve(s) {
  return s.replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (!(name in state.fixtures)) throw new Error(`fixture {{${name}}} was not prepared`);
    return String(state.fixtures[name]);
  });
}

// ---------------------------------------------------------------- the app

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function startApp() {
  if (!existsSync(BIN)) throw new Error(`MITDENKEN_BIN ${BIN} does not exist; build it first (cargo build)`);
  const dir = mkdtempSync(join(tmpdir(), "mitdenken-audit-db-"));
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite://${join(dir, "a.db")}`,
    MITDENKEN_BIND: `127.0.0.1:${port}`,
    MITDENKEN_AUTH_RATE_LIMIT: "10000",
    // Without SMTP the server writes each mail as a .eml file here; the journeys read their
    // confirmation links from it (registration logs nobody in until the link is opened).
    MITDENKEN_MAIL_DIR: join(dir, "mail"),
    RUST_LOG: process.env.RUST_LOG || "warn",
  };
  const proc = spawn(BIN, ["serve"], { env, stdio: ["ignore", "pipe", "pipe"] });
  const server = { proc, base: `http://127.0.0.1:${port}`, dir, log: "" };
  const keep = (d) => {
    server.log = (server.log + d.toString()).slice(-20_000);
  };
  proc.stdout.on("data", keep);
  proc.stderr.on("data", keep);
  let exited = null;
  proc.on("exit", (code, sig) => {
    exited = `exited with ${code ?? sig}`;
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`mitdenken serve ${exited}:\n${server.log}`);
    try {
      const r = await fetch(`${server.base}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`/healthz did not answer within 30 s:\n${server.log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Only `serve` creates a database; the demo content goes into the one it made.
  const seeded = await execFileP(BIN, ["seed-demo"], { env, timeout: 120_000 }).catch((e) => {
    throw new Error(`seed-demo failed: ${e.message}\n${e.stdout ?? ""}\n${e.stderr ?? ""}`);
  });
  if (!/Mitdenken-Demo-2026/.test(seeded.stdout)) {
    throw new Error(`seed-demo did not print the demo accounts:\n${seeded.stdout}`);
  }
  return server;
}

// ---------------------------------------------------------------- browser helpers

async function newContext(lang, extra = {}) {
  return state.browser.newContext({
    baseURL: state.server.base,
    viewport: WIDE,
    locale: lang === "de" ? "de-DE" : lang,
    extraHTTPHeaders: { "Accept-Language": acceptLanguage(lang) },
    // The site's CSP (script-src 'self') would block the injected axe-core; the site's own
    // scripts (similar.js, share.js) are same-origin anyway, so bypassing it changes nothing else.
    bypassCSP: true,
    ...extra,
  });
}

async function logIn(context, lang, email) {
  const page = await context.newPage();
  try {
    await page.goto(withLang("/login", lang));
    await page.locator('form[action="/login"] [name="email"]').fill(email);
    await page.locator('form[action="/login"] [name="password"]').fill(DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== "/login"),
      page.locator('form[action="/login"] button[type="submit"]').click(),
    ]);
    // Staff accounts have two-factor sign-in: the second step asks for the app's code.
    if (new URL(page.url()).pathname === "/login/code") {
      await page.locator('form[action="/login/code"] [name="code"]').fill(await freshCode(email));
      await Promise.all([
        page.waitForURL((u) => u.pathname !== "/login/code"),
        page.locator('form[action="/login/code"] button[type="submit"]').click(),
      ]);
    }
    if ((await page.locator('form[action="/logout"]').count()) === 0) {
      throw new Error(`login as ${email} did not show the logout button (at ${page.url()})`);
    }
  } finally {
    await page.close();
  }
}

/**
 * Fill and send a form in the browser like a person would; returns the response of the
 * resulting navigation (after redirects) and the page's URL. The first visible form with the
 * action is used; a form inside closed <details> is opened first.
 */
async function submitForm(page, action, fields = {}) {
  const forms = page.locator(`form[action="${action}"]`);
  const n = await forms.count();
  if (n === 0) throw new Error(`no form with action ${action} on ${page.url()}`);
  let form = null;
  for (let i = 0; i < n; i++) {
    if (await forms.nth(i).isVisible()) {
      form = forms.nth(i);
      break;
    }
  }
  if (!form) {
    form = forms.first();
    await form.evaluate((f) => {
      for (let d = f.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
    });
  }
  // A field named like one of the form's submit buttons chooses that button (the idea form's
  // "Ähnliche Ideen prüfen" step); otherwise the primary button, else the first, is pressed.
  let button = form.locator('button[type="submit"].primary, input[type="submit"].primary');
  if ((await button.count()) === 0) button = form.locator('button[type="submit"], input[type="submit"]');
  for (const [name, value] of Object.entries(fields)) {
    const named = form.locator(`button[type="submit"][name="${name}"]`);
    let chosen = null;
    for (let i = 0; i < (await named.count()); i++) {
      if ((await named.nth(i).getAttribute("value")) === String(value)) chosen = named.nth(i);
    }
    if (chosen) {
      button = chosen;
      continue;
    }
    const els = form.locator(`[name="${name}"]`);
    if ((await els.count()) === 0) throw new Error(`form ${action} on ${page.url()} has no field "${name}"`);
    const kind = await els.first().evaluate((e) => `${e.tagName.toLowerCase()}:${e.type || ""}`);
    if (kind.startsWith("select") && value === FIRST_OPTION) {
      const first = await els.first().evaluate((e) => [...e.options].find((o) => o.value !== "")?.value);
      if (first === undefined) throw new Error(`select "${name}" of form ${action} on ${page.url()} offers nothing to choose`);
      await els.first().selectOption(first);
    } else if (kind.startsWith("select")) await els.first().selectOption(String(value));
    else if (kind.endsWith(":radio") || kind.endsWith(":checkbox")) {
      if (value) await form.locator(`[name="${name}"][value="${value}"]`).check();
    } else await els.first().fill(String(value));
  }
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: "load" }),
    button.first().click(),
  ]);
  return response;
}

/** The path of the newest confirmation link mailed to `email`, read from the .eml files the
 * server writes into MITDENKEN_MAIL_DIR (quoted-printable: soft line breaks are removed). */
async function mailedConfirmation(email) {
  const dir = join(state.server.dir, "mail");
  const deadline = Date.now() + 20_000;
  for (;;) {
    const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".eml")) : [];
    const found = names
      .map((n) => ({ n, at: statSync(join(dir, n)).mtimeMs, raw: readFileSync(join(dir, n), "utf8") }))
      .filter((m) => m.raw.split(/\r?\n/).some((l) => l.toLowerCase() === `to: ${email.toLowerCase()}`))
      .sort((a, b) => b.at - a.at)
      .map((m) => /\/konto\/bestaetigen\/[0-9a-f]{64}/.exec(m.raw.replace(/=\r?\n/g, "")))
      .find(Boolean);
    if (found) return found[0];
    if (Date.now() > deadline) throw new Error(`no confirmation mail to ${email} in ${dir} (${names.length} mails there)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A select value meaning "the first real option", whatever it is. */
const FIRST_OPTION = "(first option)";

async function openPage(role, url, lang = SETUP_LANG) {
  const page = await state.contexts[lang][role].newPage();
  const response = await page.goto(withLang(url, lang), { waitUntil: "load" });
  return { page, response };
}

function idFrom(url, re, what) {
  const m = re.exec(url);
  if (!m) throw new Error(`could not read ${what} from ${url}`);
  return m[1];
}

// ---------------------------------------------------------------- fixtures

/** Create or find everything the page list refers to, through the real forms. */
async function prepareFixtures() {
  const f = state.fixtures;
  const lang = SETUP_LANG;
  const use = async (role, url, fn) => {
    const { page } = await openPage(role, url, lang);
    try {
      return await fn(page);
    } finally {
      await page.close();
    }
  };
  const html = async (role, url) => use(role, url, (p) => p.content());
  const firstIdea = (h) => /href="\/ideas\/(\d+)"/.exec(h)?.[1];

  // The open theme with the most ideas, and the one with the fewest (to close).
  const home = await html("anonymous", "/");
  const themes = [...home.matchAll(/href="\/themes\/([a-z0-9-]+)"[\s\S]*?(\d+) Ideen?/g)].map((m) => ({
    slug: m[1],
    ideas: Number(m[2]),
  }));
  if (themes.length < 2) throw new Error(`home page lists ${themes.length} themes; expected the six demo themes`);
  themes.sort((a, b) => b.ideas - a.ideas);
  f.theme = themes[0].slug;
  f.closedTheme = themes[themes.length - 1].slug;

  f.discussedIdea = firstIdea(await html("anonymous", `/themes/${f.theme}?sort=diskutiert`));
  f.forwardedIdea = firstIdea(await html("ministry", "/review"));
  f.answeredIdea = firstIdea(await html("ministry", "/review?status=accepted"));
  for (const k of ["discussedIdea", "forwardedIdea", "answeredIdea"]) {
    if (!f[k]) throw new Error(`demo content has no ${k}`);
  }

  // Ideas of the participant.
  const submitIdea = (title) =>
    use("participant", `/ideas/new?theme=${f.theme}`, async (p) => {
      await submitForm(p, "/ideas", {
        theme: f.theme,
        title,
        body: `${title}: ein Vorschlag, den der Browser-Audit anlegt, damit jede Seite Inhalte zeigt.`,
      });
      return idFrom(p.url(), /\/ideas\/(\d+)/, "new idea id");
    });
  f.ownIdea = await submitIdea("Audit: eigene Idee");
  f.withdrawnIdea = await submitIdea("Audit: zurückgezogene Idee");
  f.mergedIdea = await submitIdea("Audit: doppelte Idee");
  f.hiddenIdea = await submitIdea("Audit: ausgeblendete Idee");
  await use("participant", `/ideas/${f.withdrawnIdea}/withdraw`, (p) =>
    submitForm(p, `/ideas/${f.withdrawnIdea}/withdraw`),
  );

  // Comments and reports of the participant.
  const comment = (body) =>
    use("participant", `/ideas/${f.discussedIdea}`, async (p) => {
      await submitForm(p, `/ideas/${f.discussedIdea}/comments`, { body });
      return idFrom(p.url(), /#comment-(\d+)/, "new comment id");
    });
  f.ownComment = await comment("Ein Kommentar aus dem Browser-Audit, mit **Markdown** und einer Liste:\n\n- eins\n- zwei");
  const hiddenComment = await comment("Ein zweiter Kommentar aus dem Browser-Audit, den die Moderation ausblendet.");
  f.otherComment = await use("participant", `/ideas/${f.discussedIdea}`, async (p) => {
    const h = await p.content();
    const m = /href="\/comments\/(\d+)\/report"/.exec(h);
    if (!m) throw new Error(`idea ${f.discussedIdea} has no comment of someone else to report`);
    return m[1];
  });
  await use("participant", `/comments/${f.otherComment}/report`, (p) =>
    submitForm(p, `/comments/${f.otherComment}/report`, { reason: "offtopic", details: "Audit: Meldung" }),
  );
  await use("participant", `/ideas/${f.discussedIdea}/report`, (p) =>
    submitForm(p, `/ideas/${f.discussedIdea}/report`, { reason: "spam", details: "" }),
  );

  // Moderation: merge, hide, move on, close a theme.
  await use("moderator", `/ideas/${f.mergedIdea}`, (p) =>
    submitForm(p, `/moderation/ideas/${f.mergedIdea}/merge`, { target: f.discussedIdea, note: "Gleicher Vorschlag." }),
  );
  await use("moderator", `/ideas/${f.hiddenIdea}`, (p) =>
    submitForm(p, `/moderation/ideas/${f.hiddenIdea}/hide`, { reason: "offtopic", note: "Audit: passt nicht zum Thema." }),
  );
  await use("moderator", `/ideas/${f.discussedIdea}`, (p) =>
    submitForm(p, `/moderation/comments/${hiddenComment}/hide`, { reason: "other", note: "Audit: ausgeblendet." }),
  );
  await use("moderator", `/ideas/${f.ownIdea}`, (p) =>
    submitForm(p, `/ideas/${f.ownIdea}/status`, { to: "discussion", note: "Zur Diskussion freigegeben." }),
  );
  await use("moderator", `/themes/${f.closedTheme}`, (p) => submitForm(p, `/themes/${f.closedTheme}/close`));

  // People: the participant's id, and a fresh account the moderator blocks.
  const userId = async (q) =>
    use("admin", `/admin/users?q=${encodeURIComponent(q)}`, async (p) => {
      const m = /href="\/users\/(\d+)"/.exec(await p.content());
      if (!m) throw new Error(`admin user search for ${q} found nobody`);
      return m[1];
    });
  f.participantId = await userId(ACCOUNTS.participant);
  const ctx = await newContext(lang);
  try {
    const p = await ctx.newPage();
    await p.goto(withLang("/register", lang));
    await submitForm(p, "/register", {
      display_name: "Audit Sperrkonto",
      email: "sperrkonto@audit.example",
      password: "Audit-Sperrkonto-2026",
      password_confirm: "Audit-Sperrkonto-2026",
      rules: "1",
    });
  } finally {
    await ctx.close();
  }
  f.blockedUserId = await userId("sperrkonto@audit.example");
  await use("moderator", `/users/${f.blockedUserId}`, (p) =>
    submitForm(p, `/moderation/users/${f.blockedUserId}/block`, { note: "Audit: gesperrt." }),
  );

  // Innovationswerkstatt: the upcoming workshop (the participant registers) and a past one
  // with learnings (the moderator links one to the discussed idea).
  const workshopIds = [...new Set([...(await html("anonymous", "/workshops")).matchAll(/href="\/workshops\/(\d+)"/g)].map((m) => m[1]))];
  let upcomingRegistered = false;
  for (const id of workshopIds) {
    const h = await html("participant", `/workshops/${id}`);
    const registered = h.includes(`action="/workshops/${id}/cancel"`);
    if (!f.upcomingWorkshop && (registered || h.includes(`action="/workshops/${id}/register"`))) {
      f.upcomingWorkshop = id;
      upcomingRegistered = registered;
    }
    const learning = /id="learning-(\d+)"/.exec(h);
    if (!f.pastWorkshop && learning) {
      f.pastWorkshop = id;
      f.learning = learning[1];
    }
  }
  if (!f.upcomingWorkshop) throw new Error(`no demo workshop open for registration among /workshops/${workshopIds.join(", ")}`);
  if (!f.pastWorkshop) throw new Error(`no demo workshop with learnings among /workshops/${workshopIds.join(", ")}`);
  if (!upcomingRegistered) {
    await use("participant", `/workshops/${f.upcomingWorkshop}`, (p) => submitForm(p, `/workshops/${f.upcomingWorkshop}/register`));
  }
  await use("moderator", `/ideas/${f.discussedIdea}`, (p) =>
    submitForm(p, `/ideas/${f.discussedIdea}/learnings`, { learning: FIRST_OPTION }),
  );

  // A message through the accessibility feedback form, so the admin's list is not empty.
  await use("anonymous", "/barrierefreiheit", (p) =>
    submitForm(p, "/barrierefreiheit", {
      message: "Audit: Der Kontrast der Fußzeile ist mir zu schwach.",
      contact: "audit@example.org",
      page: "/",
    }),
  );

  const orgs = await html("anonymous", "/organisations");
  f.organisation = [...orgs.matchAll(/href="\/organisations\/([a-z0-9-]+)"/g)].map((m) => m[1]).find((s) => s !== "new");
  if (!f.organisation) throw new Error("no organisation listed on /organisations");
}

// ---------------------------------------------------------------- checks run inside the page

function formatAxe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map(
          (n) =>
            `      at ${n.target.join(" ")}\n        ${n.html.replace(/\s+/g, " ").slice(0, 200)}\n        ${(
              n.failureSummary || ""
            )
              .replace(/\s+/g, " ")
              .slice(0, 300)}`,
        )
        .join("\n");
      const more = v.nodes.length > 8 ? `\n      … and ${v.nodes.length - 8} more` : "";
      return `    axe ${v.id} (${v.impact}): ${v.help}\n      ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
}

async function runAxe(page, options) {
  const has = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!has) await page.evaluate(AXE_SOURCE);
  return page.evaluate((opts) => window.axe.run(document, opts), options);
}

/** Elements whose content is cut off (overflow hidden/clip, or ellipsis). */
function findClipped() {
  const out = [];
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    if (el.classList.length) s += `.${[...el.classList].join(".")}`;
    const text = (el.innerText || "").replace(/\s+/g, " ").trim().slice(0, 60);
    return text ? `${s} "${text}"` : s;
  };
  for (const el of document.querySelectorAll("*")) {
    // A text field scrolls its own value; that is how fields work at any text size.
    if (el.tagName === "INPUT" || el.tagName === "TEXTAREA") continue;
    const cs = getComputedStyle(el);
    if (cs.display === "none" || cs.visibility === "hidden") continue;
    const r = el.getBoundingClientRect();
    // Visually hidden text (1 px boxes) and off-screen skip links are meant to be so.
    if (r.width <= 2 || r.height <= 2) continue;
    if (r.bottom <= 0 || r.right <= 0) continue;
    const hideX = cs.overflowX === "hidden" || cs.overflowX === "clip";
    const hideY = cs.overflowY === "hidden" || cs.overflowY === "clip";
    if (hideX && el.scrollWidth > el.clientWidth + 1) {
      out.push(`${describe(el)}: ${el.scrollWidth - el.clientWidth}px cut off horizontally (overflow-x: ${cs.overflowX})`);
    } else if (cs.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth + 1) {
      out.push(`${describe(el)}: text truncated with an ellipsis`);
    }
    if (hideY && el.scrollHeight > el.clientHeight + 1) {
      out.push(`${describe(el)}: ${el.scrollHeight - el.clientHeight}px cut off vertically (overflow-y: ${cs.overflowY})`);
    }
  }
  return out;
}

/** How wide the document is, and which elements stick out of the viewport on the right. */
function measureWidth() {
  const vw = window.innerWidth;
  const scrolls = (cs) => ["auto", "scroll", "hidden", "clip"].includes(cs.overflowX);
  // Whether a box is kept inside a scrolling/clipping ancestor (then it cannot widen the page).
  // An absolutely positioned box escapes every such ancestor below its containing block.
  const contained = (el) => {
    const pos = getComputedStyle(el).position;
    if (pos === "fixed") return false;
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      const cs = getComputedStyle(a);
      const isContainingBlock = cs.position !== "static" || cs.transform !== "none";
      if (pos === "absolute" && !isContainingBlock) continue;
      if (scrolls(cs)) return true;
      if (pos === "absolute") return contained(a);
    }
    return false;
  };
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += `#${el.id}`;
    if (el.classList.length) s += `.${[...el.classList].join(".")}`;
    const pos = getComputedStyle(el).position;
    if (pos === "absolute" || pos === "fixed") s += ` (position: ${pos})`;
    const text = (el.innerText || el.value || "").replace(/\s+/g, " ").trim().slice(0, 50);
    return `${s}${text ? ` "${text}"` : ""}`;
  };
  const out = new Set();
  const sticking = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right <= vw + 1 || contained(el)) continue;
    out.add(el);
    // Report the outermost culprit only.
    if (el.parentElement && out.has(el.parentElement)) continue;
    sticking.push(`${describe(el)} reaches x=${Math.round(r.right)}`);
    if (sticking.length >= 6) break;
  }
  return { scrollWidth: document.documentElement.scrollWidth, vw, sticking };
}

async function auditPage(page, lang, contentLang) {
  const problems = [];
  const langs = await page.evaluate(() => ({
    html: document.documentElement.getAttribute("lang") || "",
    content: document.querySelector("main[lang], main [lang]:not(a)")?.getAttribute("lang") || "",
  }));
  const base = (l) => l.toLowerCase().split("-")[0];
  if (base(langs.html) !== lang && !(contentLang && base(langs.html) === contentLang)) {
    problems.push(`  <html lang="${langs.html}"> but the page was asked for in "${lang}"`);
  }
  if (contentLang && contentLang !== lang && base(langs.html) !== contentLang && base(langs.content) !== contentLang) {
    problems.push(`  the content is in "${contentLang}" but neither <html lang> nor a lang attribute inside <main> says so`);
  }

  // axe, light colour scheme (default), then contrast in the dark scheme.
  await page.emulateMedia({ colorScheme: "light" });
  const light = await runAxe(page, { runOnly: { type: "tag", values: AXE_TAGS }, resultTypes: ["violations"] });
  if (light.violations.length) {
    problems.push(`  axe: ${light.violations.length} violation(s) (light):\n${formatAxe(light.violations)}`);
  }
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await runAxe(page, { runOnly: { type: "rule", values: ["color-contrast"] }, resultTypes: ["violations"] });
  if (dark.violations.length) {
    problems.push(`  axe: ${dark.violations.length} violation(s) (dark colour scheme):\n${formatAxe(dark.violations)}`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // 200 % text at 1280 px: the CSS sizes text in rem/em, so a 200 % root font size is what a
  // browser's text-size setting does.
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main") || document.body).fontSize));
  await page.evaluate(() => {
    document.documentElement.style.fontSize = "200%";
  });
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main") || document.body).fontSize));
  if (after < before * 1.9) {
    problems.push(`  200 % text: the main text grew from ${before}px to only ${after}px (sizes in px instead of rem/em?)`);
  }
  const clipped = await page.evaluate(findClipped);
  if (clipped.length) problems.push(`  200 % text: content cut off:\n${clipped.map((c) => `    ${c}`).join("\n")}`);
  const wide200 = await page.evaluate(measureWidth);
  if (wide200.scrollWidth > wide200.vw) {
    problems.push(
      `  200 % text: page scrolls horizontally at ${wide200.vw}px (scrollWidth ${wide200.scrollWidth}):\n${wide200.sticking
        .map((s) => `    ${s}`)
        .join("\n")}`,
    );
  }
  await page.evaluate(() => {
    document.documentElement.style.fontSize = "";
  });

  // Reflow at 320 CSS px (WCAG 1.4.10).
  await page.setViewportSize(NARROW);
  const narrow = await page.evaluate(measureWidth);
  if (narrow.scrollWidth > NARROW.width) {
    problems.push(
      `  320 px: page scrolls horizontally (scrollWidth ${narrow.scrollWidth}):\n${narrow.sticking.map((s) => `    ${s}`).join("\n")}`,
    );
  }
  await page.setViewportSize(WIDE);
  return problems;
}

function slugify(s) {
  return s
    .normalize("NFKD")
    .replace(/[^\w]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase()
    .slice(0, 60);
}

// ---------------------------------------------------------------- setup and teardown

before(async () => {
  try {
    state.server = await startApp();
    state.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROME_ARGS, headless: true });
    for (const lang of CONTEXT_LANGS) {
      state.contexts[lang] = { anonymous: await newContext(lang) };
      for (const role of ["participant", "moderator", "ministry", "admin"]) {
        const ctx = await newContext(lang);
        await logIn(ctx, lang, ACCOUNTS[role]);
        state.contexts[lang][role] = ctx;
      }
    }
    await prepareFixtures();
    console.log(`# audit: app at ${state.server.base}, output in ${OUT}, fixtures ${JSON.stringify(state.fixtures)}`);
  } catch (e) {
    state.setupError = e;
  }
});

after(async () => {
  await state.browser?.close().catch(() => {});
  if (state.server) {
    state.server.proc.kill("SIGTERM");
    await new Promise((r) => {
      if (state.server.proc.exitCode !== null) return r();
      state.server.proc.once("exit", r);
      setTimeout(r, 5000);
    });
    rmSync(state.server.dir, { recursive: true, force: true });
  }
});

test("setup: app with demo content, a browser, one logged-in context per role, fixtures", () => {
  if (state.setupError) {
    const log = state.server ? `\n--- server log (tail) ---\n${state.server.log.slice(-4000)}` : "";
    assert.fail(`${state.setupError.stack || state.setupError}${log}`);
  }
});

// ---------------------------------------------------------------- every page

let seq = 0;
for (const lang of LANGS) {
  for (const entry of selected) {
    const label = `[${lang}] ${entry.as} · ${entry.name} — ${entry.url}${entry.submit ? ` (+ POST ${entry.submit.form})` : ""}`;
    test(`page ${label}`, { timeout: 90_000 }, async (t) => {
      if (!requireSetup(t)) return;
      const page = await state.contexts[lang][entry.as].newPage();
      try {
        const url = withLang(resolve(entry.url), lang);
        let response = await page.goto(url, { waitUntil: "load" });
        if (entry.submit) {
          if (response.status() !== 200) {
            assert.fail(`${url} answered ${response.status()} before the form could be sent`);
          }
          const fields = Object.fromEntries(Object.entries(entry.submit.fields || {}).map(([k, v]) => [k, resolve(String(v))]));
          response = await submitForm(page, resolve(entry.submit.form), fields);
        }
        const problems = [];
        const expected = entry.status ?? 200;
        if (response.status() !== expected) {
          problems.push(`  HTTP ${response.status()} (expected ${expected}) at ${page.url()}`);
        }
        // The HTML exactly as the server sent it, for the Nu HTML Checker.
        const file = join(OUT, `${String(++seq).padStart(3, "0")}-${lang}-${slugify(`${entry.as}-${entry.name}`)}.html`);
        writeFileSync(file, await response.text());
        state.saved.push({ lang, entry, label, file });
        problems.push(...(await auditPage(page, lang, entry.contentLang)));
        assert.equal(problems.length, 0, `${label}\n  at ${page.url()}\n${problems.join("\n")}`);
      } finally {
        await page.close();
      }
    });
  }
}

// ---------------------------------------------------------------- Nu HTML Checker, one run

let vnuRun = null;
function runVnu() {
  vnuRun ??= (async () => {
    const files = state.saved.map((s) => s.file);
    if (files.length === 0) return new Map();
    const args = ["-Dnu.validator.servlet.allow-forbidden-hosts=true", "-jar", VNU_JAR, "--stdout", "--format", "json", "--errors-only", ...files];
    const { stdout } = await execFileP("java", args, { maxBuffer: 64 * 1024 * 1024, timeout: 180_000 }).catch((e) => {
      // vnu exits 1 when it found errors; its JSON is on stdout all the same.
      if (e.stdout) return e;
      throw e;
    });
    const byFile = new Map(files.map((f) => [f, []]));
    for (const m of JSON.parse(stdout).messages) {
      const file = m.url ? fileURLToPath(m.url) : null;
      const list = byFile.get(file) ?? byFile.get(files.find((f) => pathToFileURL(f).href === m.url));
      if (list) list.push(m);
      else throw new Error(`vnu: ${m.type}: ${m.message} (${m.url ?? "no file"})`);
    }
    return byFile;
  })();
  return vnuRun;
}

for (const lang of LANGS) {
  for (const entry of selected) {
    test(`vnu [${lang}] ${entry.as} · ${entry.name}`, { timeout: 240_000 }, async (t) => {
      if (!requireSetup(t)) return;
      const saved = state.saved.find((s) => s.lang === lang && s.entry === entry);
      if (!saved) return t.skip("the page test did not save this page");
      const errors = (await runVnu()).get(saved.file) ?? [];
      const text = errors
        .map(
          (m) =>
            `    line ${m.lastLine ?? "?"}: ${m.message}\n      ${(m.extract || "").replace(/\s+/g, " ").slice(0, 200)}`,
        )
        .join("\n");
      assert.equal(errors.length, 0, `${saved.label}\n  ${errors.length} HTML error(s) (${saved.file}):\n${text}`);
    });
  }
}

// ---------------------------------------------------------------- keyboard only

async function focusInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const form = el.closest("form");
    let desc = el.tagName.toLowerCase();
    if (el.id) desc += `#${el.id}`;
    if (el.getAttribute("name")) desc += `[name=${el.getAttribute("name")}]`;
    const text = (el.innerText || el.value || "").replace(/\s+/g, " ").trim().slice(0, 50);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute("name"),
      type: el.getAttribute("type"),
      href: el.getAttribute("href"),
      text,
      action: form ? form.getAttribute("action") : null,
      inMain: !!el.closest("main"),
      visibleFocus:
        (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow && cs.boxShadow !== "none"),
      inView: r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth,
      desc: `${desc}${text ? ` "${text}"` : ""}`,
    };
  });
}

// ---------------------------------------------------------------- layout and screenshots (issue 13)

/** The sizes a person meets the board at: a phone and a laptop, light and dark. */
const LAYOUTS = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
];

/** Text that sticks out of its card or is cut by it, per card on the page. */
function cardOverflow() {
  const out = [];
  const cards = document.querySelectorAll(".idea-card, .theme-card, .answer-card, .workshop-card, .steps-how > li, .road li");
  for (const card of cards) {
    const box = card.getBoundingClientRect();
    if (box.width === 0) continue;
    for (const el of [card, ...card.querySelectorAll("*")]) {
      const cs = getComputedStyle(el);
      if (cs.display === "none" || cs.visibility === "hidden" || el.closest(".visually-hidden")) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 2 || r.height <= 2) continue;
      const name = `${card.className.split(" ")[0] || card.tagName.toLowerCase()} "${(card.innerText || "").trim().slice(0, 40)}"`;
      if (r.right > box.right + 1 || r.left < box.left - 1) {
        out.push(`${name}: <${el.tagName.toLowerCase()}> "${(el.innerText || "").trim().slice(0, 40)}" sticks out by ${Math.round(Math.max(r.right - box.right, box.left - r.left))}px`);
      }
      if (el.scrollWidth > el.clientWidth + 1 && ["hidden", "clip"].includes(cs.overflowX)) {
        out.push(`${name}: <${el.tagName.toLowerCase()}> cuts its text off`);
      }
    }
  }
  return [...new Set(out)].slice(0, 10);
}

test(`layout [${LANGS.join(",")}]: the home page's call to action in the first screen, cards without overflow, screenshots`, { timeout: 240_000 }, async (t) => {
  if (!requireSetup(t)) return;
  const problems = [];
  for (const lang of LANGS) {
    for (const scheme of ["light", "dark"]) {
      for (const size of LAYOUTS) {
        for (const as of ["anonymous", "participant"]) {
          const page = await state.contexts[lang][as].newPage();
          try {
            await page.setViewportSize(size);
            await page.emulateMedia({ colorScheme: scheme });
            const where = `[${lang}] ${as} ${size.width}×${size.height} ${scheme}`;
            await page.goto(withLang("/", lang), { waitUntil: "load" });
            // The one primary button of the home page, fully inside the first screen.
            const primary = page.locator("main .button.primary");
            if ((await primary.count()) !== 1) {
              problems.push(`${where} /: ${await primary.count()} primary buttons in main (expected 1)`);
            } else {
              const box = await primary.boundingBox();
              if (!box || !(await primary.isVisible()) || box.y < 0 || box.y + box.height > size.height || box.x + box.width > size.width) {
                problems.push(`${where} /: the primary button is not in the first screen (${JSON.stringify(box)})`);
              }
            }
            for (const url of ["/", `/themes/${state.fixtures.theme}`, "/workshops", `/ideas/${state.fixtures.answeredIdea}`]) {
              if (url !== "/") await page.goto(withLang(url, lang), { waitUntil: "load" });
              for (const o of await page.evaluate(cardOverflow)) problems.push(`${where} ${url}: ${o}`);
              const wide = await page.evaluate(() => document.documentElement.scrollWidth);
              if (wide > size.width) problems.push(`${where} ${url}: the page scrolls sideways (${wide}px)`);
              if (as === "anonymous") {
                await page.screenshot({ path: join(OUT, `shot-${lang}-${slugify(url) || "home"}-${size.width}-${scheme}.png`), fullPage: true });
              }
            }
          } finally {
            await page.close();
          }
        }
      }
    }
    // The compact menu on a phone: keyboard only, no script.
    const page = await state.contexts[lang].anonymous.newPage();
    try {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(withLang("/", lang), { waitUntil: "load" });
      const nav = page.locator("header nav a[href='/workshops']");
      if (await nav.isVisible()) problems.push(`[${lang}] 375 px: the menu is open before anyone opens it`);
      let summary = false;
      for (let i = 0; i < 6 && !summary; i++) {
        await page.keyboard.press("Tab");
        summary = await page.evaluate(() => document.activeElement?.tagName === "SUMMARY");
      }
      if (!summary) problems.push(`[${lang}] 375 px: Tab never reached the menu button`);
      await page.keyboard.press("Enter");
      if (!(await nav.isVisible())) problems.push(`[${lang}] 375 px: Enter on the menu button did not show the navigation`);
      await page.keyboard.press("Tab");
      const inNav = await page.evaluate(() => !!document.activeElement?.closest("header nav"));
      if (!inNav) problems.push(`[${lang}] 375 px: Tab after opening the menu does not go into the navigation`);
      await page.screenshot({ path: join(OUT, `shot-${lang}-menu-open-375.png`) });
      // On a wide screen there is no menu button: the navigation is simply there.
      await page.setViewportSize(WIDE);
      if (!(await nav.isVisible())) problems.push(`[${lang}] 1280 px: the navigation is not visible`);
      if (await page.locator("header summary").isVisible()) problems.push(`[${lang}] 1280 px: the menu button shows on a wide screen`);
    } finally {
      await page.close();
    }
  }
  t.diagnostic(`screenshots in ${OUT}`);
  assert.deepEqual(problems, [], problems.join("\n"));
});

function pathOf(href) {
  return href ? new URL(href, "http://x").pathname : "";
}

test(`keyboard only [${LANGS.join(",")}]: register, submit an idea, support it, comment`, { timeout: 180_000 }, async (t) => {
  if (!requireSetup(t)) return;
  if (ONLY) return t.skip("AUDIT_ONLY is set");
  for (const lang of LANGS) {
    const ctx = await newContext(lang);
    const page = await ctx.newPage();
    const invisible = [];
    const trail = [];
    const press = async (key) => {
      await page.keyboard.press(key);
      const f = await focusInfo(page);
      trail.push(`${key} → ${f ? f.desc : "(nothing focused)"}`);
      if (trail.length > 12) trail.shift();
      if (f && f.id !== "main" && (!f.visibleFocus || !f.inView)) {
        invisible.push(`${page.url()}: ${f.desc} (${!f.visibleFocus ? "no outline/box-shadow" : "outside the viewport"})`);
      }
      return f;
    };
    const tabTo = async (pred, what, { back = false, max = 80 } = {}) => {
      for (let i = 0; i < max; i++) {
        const f = await press(back ? "Shift+Tab" : "Tab");
        if (f && pred(f)) return f;
      }
      throw new Error(`[${lang}] ${back ? "Shift+Tab" : "Tab"} never reached ${what} on ${page.url()}; last steps:\n  ${trail.join("\n  ")}`);
    };
    const activate = async (key, urlPred) => {
      await Promise.all([page.waitForURL(urlPred, { waitUntil: "load" }), page.keyboard.press(key)]);
    };
    try {
      // Skip link first, and it leads into main.
      await page.goto(withLang("/", lang));
      const first = await press("Tab");
      assert.ok(first, `[${lang}] the first Tab focused nothing`);
      assert.equal(first.href, "#main", `[${lang}] the first Tab should focus the skip link to #main, got ${first.desc}`);
      assert.equal(first.text, SKIP_LINK_TEXT[lang] ?? first.text, `[${lang}] skip link text`);
      await page.keyboard.press("Enter");
      const inMain = await page.evaluate(() => document.activeElement && document.activeElement.id);
      assert.equal(inMain, "main", `[${lang}] Enter on the skip link should move focus to <main id="main">`);
      const next = await press("Tab");
      assert.ok(next && next.inMain, `[${lang}] after the skip link, Tab should stay in main, got ${next && next.desc}`);

      // Back up into the header to "Registrieren".
      await tabTo((f) => f.tag === "a" && pathOf(f.href) === "/register" && !f.inMain, "the Registrieren link in the header", { back: true });
      await activate("Enter", (u) => u.pathname === "/register");

      // Register.
      // example.org, not a reserved top-level domain: mails to *.example are never written,
      // and this journey needs its confirmation mail.
      const email = `tastatur-${Date.now()}@example.org`;
      const password = "Tastatur-Audit-2026!";
      await tabTo((f) => f.name === "display_name", "the name field");
      // One name per language: a second "Tastatur Test" would be refused as a look-alike.
      await page.keyboard.type(`Tastatur Test ${lang}`);
      await tabTo((f) => f.name === "email", "the e-mail field");
      await page.keyboard.type(email);
      await tabTo((f) => f.name === "password", "the password field");
      await page.keyboard.type(password);
      await tabTo((f) => f.name === "password_confirm", "the password confirmation");
      await page.keyboard.type(password);
      // The rules are accepted with the keyboard too (Space ticks the box).
      await tabTo((f) => f.name === "rules", "the rules checkbox");
      await press("Space");
      assert.ok(await page.locator('input[name="rules"]').isChecked(), `[${lang}] Space did not tick the rules checkbox`);
      await tabTo((f) => f.tag === "button" && f.action === "/register", "the register button");
      await activate("Enter", (u) => u.pathname !== "/register");
      // Every registration answers "we sent you a mail" and logs nobody in; the mailed link
      // confirms the address and logs in (opened here as the mail program would).
      assert.equal(pathOf(page.url()), "/register/gesendet", `[${lang}] registering led to ${page.url()}`);
      assert.equal(await page.locator('form[action="/logout"]').count(), 0, `[${lang}] logged in before the mailed link`);
      await page.goto(withLang(await mailedConfirmation(email), lang), { waitUntil: "load" });
      assert.equal(await page.locator('form[action="/logout"]').count(), 1, `[${lang}] not logged in after the confirmation link (at ${page.url()})`);

      // Submit an idea from the home page.
      if (pathOf(page.url()) !== "/") await page.goto(withLang("/", lang));
      await tabTo((f) => f.tag === "a" && pathOf(f.href) === "/ideas/new", "an 'Idee einreichen' link");
      await activate("Enter", (u) => u.pathname === "/ideas/new");
      const theme = await tabTo((f) => f.name === "theme", "the theme select");
      if (!(await page.evaluate(() => document.activeElement.value))) await page.keyboard.press("ArrowDown");
      assert.ok(await page.evaluate(() => document.activeElement.value), `[${lang}] no theme chosen in ${theme.desc}`);
      await tabTo((f) => f.name === "title", "the title field");
      const title = `Tastaturidee ${lang} ${Date.now() % 100000}`;
      await page.keyboard.type(title);
      await tabTo((f) => f.name === "body", "the description field");
      await page.keyboard.type("Diese Idee wurde nur mit der Tastatur eingereicht, ohne Maus.");
      // Past "Ähnliche Ideen prüfen" (name="step") to the button that submits.
      await tabTo((f) => f.tag === "button" && f.action === "/ideas" && f.name !== "step", "the submit button");
      await activate("Space", (u) => /^\/ideas\/\d+$/.test(u.pathname));
      const ideaId = idFrom(page.url(), /\/ideas\/(\d+)/, "idea id");
      assert.ok((await page.locator("h1").innerText()).includes(title), `[${lang}] idea page does not show the title`);
      assert.ok((await page.locator('[role="status"]').count()) > 0, `[${lang}] no role=status message after submitting`);

      // Support it.
      await tabTo((f) => f.tag === "button" && f.action === `/ideas/${ideaId}/support`, "the support button");
      await activate("Space", (u) => u.pathname === `/ideas/${ideaId}` && u.hash === "#unterstuetzen");
      assert.equal(await page.locator(`form[action="/ideas/${ideaId}/unsupport"]`).count(), 1, `[${lang}] support did not register`);

      // Comment on it.
      await tabTo((f) => f.tag === "textarea" && f.action === `/ideas/${ideaId}/comments`, "the comment field");
      const text = `Tastaturkommentar ${lang}: funktioniert ohne Maus.`;
      await page.keyboard.type(text);
      await tabTo((f) => f.tag === "button" && f.action === `/ideas/${ideaId}/comments`, "the comment button");
      await activate("Enter", (u) => u.pathname === `/ideas/${ideaId}` && u.hash.startsWith("#comment-"));
      assert.ok((await page.locator(".comment, [id^=comment-]").filter({ hasText: text }).count()) > 0, `[${lang}] the comment is not on the page`);

      assert.deepEqual(invisible, [], `[${lang}] focus was not visible on:\n  ${invisible.join("\n  ")}`);
    } finally {
      await ctx.close();
    }
  }
});

// Issue 13: moderation forwards an idea in one step with the keyboard alone, the trail then
// shows "In Prüfung" before "Weitergeleitet", and the internal note stays off the public page.
test(`keyboard only [${LANGS.join(",")}]: moderation forwards an idea in one step`, { timeout: 180_000 }, async (t) => {
  if (!requireSetup(t)) return;
  if (ONLY) return t.skip("AUDIT_ONLY is set");
  for (const lang of LANGS) {
    // A fresh idea of the participant, so no page of the list changes under the other tests.
    const { page: author } = await openPage("participant", `/ideas/new?theme=${state.fixtures.theme}`, lang);
    await submitForm(author, "/ideas", {
      theme: state.fixtures.theme,
      title: `Tastatur-Weiterleitung ${lang} ${Date.now() % 100000}`,
      body: "Eine Idee, die die Moderation im Browser-Audit nur mit der Tastatur weiterleitet.",
    });
    const ideaId = idFrom(author.url(), /\/ideas\/(\d+)/, "idea id");
    await author.close();
    const page = await state.contexts[lang].moderator.newPage();
    const action = `/ideas/${ideaId}/forward`;
    const internal = `Interne Audit-Notiz ${lang}`;
    try {
      // The fragment sets where Tab starts: the status section.
      await page.goto(withLang(`/ideas/${ideaId}#status`, lang), { waitUntil: "load" });
      const tabTo = async (pred, what) => {
        for (let i = 0; i < 40; i++) {
          await page.keyboard.press("Tab");
          const f = await focusInfo(page);
          if (f && pred(f)) {
            assert.ok(f.visibleFocus && f.inView, `[${lang}] focus on ${f.desc} is not visible`);
            return f;
          }
        }
        throw new Error(`[${lang}] Tab never reached ${what} on ${page.url()}`);
      };
      await tabTo((f) => f.tag === "textarea" && f.name === "note" && f.action === action, "the public note of the one-step form");
      await page.keyboard.type("Im Audit nur mit der Tastatur weitergeleitet.");
      await tabTo((f) => f.tag === "textarea" && f.name === "internal" && f.action === action, "the internal note");
      await page.keyboard.type(internal);
      await tabTo((f) => f.tag === "button" && f.action === action, "the forward button");
      await Promise.all([
        page.waitForURL((u) => u.pathname === `/ideas/${ideaId}` && u.hash === "#verlauf", { waitUntil: "load" }),
        page.keyboard.press("Enter"),
      ]);
      const trail = await page.locator("#verlauf").innerText();
      const review = trail.indexOf(lang === "de" ? "In Prüfung" : "Under review");
      const forwarded = trail.indexOf(lang === "de" ? "An das Ministerium weitergeleitet" : "Forwarded to the ministry");
      assert.ok(review >= 0 && forwarded > review, `[${lang}] the trail should show review, then forwarded:\n${trail}`);
      assert.ok(trail.includes(internal), `[${lang}] moderation sees its internal note`);
      const { page: anon } = await openPage("anonymous", `/ideas/${ideaId}`, lang);
      assert.ok(!(await anon.content()).includes(internal), `[${lang}] the internal note is on the public page`);
      await anon.close();
    } finally {
      await page.close();
    }
  }
});

// ---------------------------------------------------------------- Lighthouse

for (const lang of LANGS) {
  for (const lp of lighthousePages) {
    test(`lighthouse [${lang}] ${lp.name} ${lp.url}: accessibility, best practices, SEO ≥ ${LIGHTHOUSE_MIN}`, { timeout: 240_000 }, async (t) => {
      if (!requireSetup(t)) return;
      if (SKIP_LIGHTHOUSE) return t.skip("AUDIT_SKIP_LIGHTHOUSE=1");
      if (ONLY) return t.skip("AUDIT_ONLY is set");
      const url = state.server.base + withLang(resolve(lp.url), lang);
      const out = join(OUT, `lighthouse-${lang}-${slugify(lp.name)}.json`);
      const args = [
        LIGHTHOUSE_CLI,
        url,
        "--output=json",
        `--output-path=${out}`,
        "--only-categories=accessibility,best-practices,seo",
        `--chrome-flags=--headless ${CHROME_ARGS.join(" ")}`,
        `--locale=${lang}`,
        "--quiet",
      ];
      try {
        await execFileP(process.execPath, args, {
          env: { ...process.env, CHROME_PATH: CHROMIUM },
          timeout: 200_000,
          maxBuffer: 64 * 1024 * 1024,
        });
      } catch (e) {
        if (!existsSync(out)) throw new Error(`lighthouse failed: ${e.message}\n${e.stderr ?? ""}`);
      }
      const report = JSON.parse(readFileSync(out, "utf8"));
      if (report.runtimeError) assert.fail(`lighthouse runtime error: ${JSON.stringify(report.runtimeError)}`);
      const lines = [];
      let low = false;
      for (const cat of Object.values(report.categories)) {
        const failing = cat.auditRefs
          .filter((r) => r.weight > 0)
          .map((r) => report.audits[r.id])
          .filter((a) => a && a.score !== null && a.score < 1);
        if (cat.score === null || cat.score < LIGHTHOUSE_MIN) low = true;
        lines.push(
          `  ${cat.title}: ${cat.score}${failing.map((a) => `\n    ✗ ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}${
            a.details?.items?.length ? `\n      ${a.details.items.slice(0, 3).map((i) => (i.node?.snippet || i.url || i.description || JSON.stringify(i)).toString().slice(0, 160)).join("\n      ")}` : ""
          }`).join("")}`,
        );
      }
      t.diagnostic(lines.join("\n"));
      assert.ok(!low, `${url}\n${lines.join("\n")}\n  (report: ${out})`);
    });
  }
}
