#!/usr/bin/env bash
# Real-browser audits (issue 6): installs Debian's Chromium and the pinned npm packages if
# missing, then runs the route coverage check and the browser audit with node's test runner.
#
#   MITDENKEN_BIN=/path/to/mitdenken bash audit/run.sh     (default: target/debug/mitdenken)
#   AUDIT_LANGS=de,en   AUDIT_ONLY=Konto   AUDIT_SKIP_LIGHTHOUSE=1   AUDIT_OUT=/tmp/audit-out
#
# Ends with one line "N passed, M failed"; exits non-zero when anything failed.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || {
      echo "apt-get install chromium failed"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "/usr/bin/chromium is missing and this is not root: install the chromium package"
    echo "0 passed, 1 failed"; exit 1
  fi
fi
if ! command -v java >/dev/null; then
  echo "java (17+) is needed for the Nu HTML Checker"; echo "0 passed, 1 failed"; exit 1
fi

# The pinned packages; --ignore-scripts: vnu-jar's postinstall would fetch a JDK (we use the
# machine's Java), and nothing else needs an install script.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.package-lock.json.src 2>/dev/null; then
  echo "== npm ci (audit/)"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
  cp package-lock.json node_modules/.package-lock.json.src
fi

export MITDENKEN_BIN="${MITDENKEN_BIN:-$here/../target/debug/mitdenken}"
echo "== audit of $MITDENKEN_BIN ($(chromium --version 2>/dev/null), languages ${AUDIT_LANGS:-de})"

log="$(mktemp)"
start=$(date +%s)
node --test --test-concurrency=1 --test-reporter=spec routes.test.mjs audit.test.mjs 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
end=$(date +%s)

pass=$(grep -E '^ℹ pass [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
fail=$(grep -E '^ℹ fail [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
pass=${pass:-0}
fail=${fail:-0}
if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
rm -f "$log"
echo "audit took $((end - start)) s"
echo "${pass} passed, ${fail} failed"
exit "$status"
