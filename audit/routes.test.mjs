// Every route of the app is either audited (pages.mjs `pages`) or explicitly not a page
// (pages.mjs `notPages`, with a reason). A new route without an entry fails here, so no page
// can escape the browser audit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { pages, notPages, PSEUDO_ROUTES, ROLES, FIXTURES, lighthousePages, withLang } from "./pages.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const SRC = process.env.MITDENKEN_SRC || join(here, "..", "src");

function rustFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...rustFiles(p));
    else if (name.endsWith(".rs")) out.push(p);
  }
  return out.sort();
}

/** { path, file, line, methods } for every `.route("PATH", …)` / `.route_service("PATH", …)`. */
function rustRoutes() {
  const routes = [];
  for (const file of rustFiles(SRC)) {
    const text = readFileSync(file, "utf8");
    const re = /\.route(?:_service)?\(\s*"([^"]*)"/g;
    let m;
    while ((m = re.exec(text))) {
      // The arguments of this .route(…) call (balanced parentheses): which methods it answers.
      const open = text.indexOf("(", m.index);
      let depth = 0;
      let end = open;
      for (; end < text.length; end++) {
        if (text[end] === "(") depth++;
        else if (text[end] === ")" && --depth === 0) break;
      }
      const rest = text.slice(open, end);
      const methods = [...rest.matchAll(/\b(get|post|put|patch|delete|any)\s*\(/g)].map((x) => x[1]);
      routes.push({
        path: m[1],
        file: relative(join(SRC, ".."), file),
        line: text.slice(0, m.index).split("\n").length,
        methods: [...new Set(methods)],
      });
    }
  }
  return routes;
}

const found = rustRoutes();
const foundPaths = new Set(found.map((r) => r.path));
const pageRoutes = new Set(pages.map((p) => p.route));
const notPageRoutes = new Set(notPages.map((p) => p.route));

test("the route scan finds the app's routes", () => {
  assert.ok(found.length >= 10, `only ${found.length} routes found under ${SRC}; is the scan broken?`);
  assert.ok(foundPaths.has("/"), "the home route / was not found");
  const nested = rustFiles(SRC).filter((f) => /\.nest(?:_service)?\(/.test(readFileSync(f, "utf8")));
  assert.deepEqual(
    nested.map((f) => relative(join(SRC, ".."), f)),
    [],
    "nested routers prefix their routes; teach routes.test.mjs about .nest() before using it",
  );
});

test("every route has an entry in pages.mjs (pages or notPages)", () => {
  const missing = found.filter((r) => !pageRoutes.has(r.path) && !notPageRoutes.has(r.path));
  const lines = missing.map(
    (r) =>
      `  ${r.path}  [${r.methods.join(", ") || "?"}]  (${r.file}:${r.line})  → ` +
      (r.methods.includes("get")
        ? "add its pages to `pages` in audit/pages.mjs (or to `notPages` with a reason if it is no HTML page)"
        : "add it to `notPages` in audit/pages.mjs with a reason (e.g. POST only)"),
  );
  assert.equal(missing.length, 0, `routes without an audit entry:\n${lines.join("\n")}`);
});

test("routes answering only POST are not listed as pages", () => {
  const wrong = found.filter((r) => pageRoutes.has(r.path) && r.methods.length > 0 && !r.methods.includes("get"));
  assert.deepEqual(wrong.map((r) => r.path), [], "these routes have no GET handler, so they cannot be pages");
});

test("pages.mjs has no stale or contradictory entries", () => {
  const problems = [];
  for (const r of pageRoutes) {
    if (!foundPaths.has(r) && !PSEUDO_ROUTES.includes(r)) problems.push(`pages: route ${r} no longer exists in src/`);
  }
  for (const r of notPageRoutes) {
    if (!foundPaths.has(r)) problems.push(`notPages: route ${r} no longer exists in src/`);
  }
  for (const n of notPages) {
    if (!n.reason || !n.reason.trim()) problems.push(`notPages: ${n.route} has no reason`);
  }
  const seen = new Set();
  for (const p of pages) {
    if (seen.has(p.name)) problems.push(`pages: name "${p.name}" is used twice`);
    seen.add(p.name);
    if (!ROLES.includes(p.as)) problems.push(`pages: "${p.name}" has unknown role ${p.as}`);
    if (!p.url.startsWith("/")) problems.push(`pages: "${p.name}" url must start with /`);
    for (const [, f] of `${p.url} ${p.submit?.form ?? ""}`.matchAll(/\{\{(\w+)\}\}/g)) {
      if (!(f in FIXTURES)) problems.push(`pages: "${p.name}" uses unknown fixture {{${f}}}`);
    }
    // The url must be an instance of its route pattern.
    if (!PSEUDO_ROUTES.includes(p.route)) {
      const path = p.url.replace(/\{\{\w+\}\}/g, "X").split(/[?#]/)[0];
      const pattern = new RegExp(
        "^" + p.route.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+") + "$",
      );
      if (!pattern.test(path)) problems.push(`pages: "${p.name}" url ${p.url} does not match route ${p.route}`);
    }
  }
  for (const l of lighthousePages) {
    for (const [, f] of l.url.matchAll(/\{\{(\w+)\}\}/g)) {
      if (!(f in FIXTURES)) problems.push(`lighthousePages: "${l.name}" uses unknown fixture {{${f}}}`);
    }
  }
  assert.deepEqual(problems, []);
});

test("withLang keeps German URLs and adds lang for others", () => {
  assert.equal(withLang("/themes/x?sort=trend", "de"), "/themes/x?sort=trend");
  assert.equal(withLang("/themes/x?sort=trend", "en"), "/themes/x?sort=trend&lang=en");
  assert.equal(withLang("/", "en"), "/?lang=en");
  assert.equal(withLang("/ideas/1#kommentare", "en"), "/ideas/1?lang=en#kommentare");
});
