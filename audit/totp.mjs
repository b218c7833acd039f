// Two-factor codes (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) for the demo staff
// accounts, whose shared key `mitdenken seed-demo` prints (src/seed/mod.rs DEMO_TOTP_SECRET).
import { createHmac } from "node:crypto";

export const DEMO_TOTP_SECRET = "MITDENKENDEMOZWEIFAKTORANMELDUNG";
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(secret) {
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of secret.replace(/[\s=]/g, "").toUpperCase()) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The code of one time step. */
export function codeAtStep(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac("sha1", base32(secret)).update(counter).digest();
  const offset = hash[19] & 0x0f;
  const bin = hash.readUInt32BE(offset) & 0x7fffffff;
  return String(bin % 1_000_000).padStart(6, "0");
}

/** The step of a unix time in seconds. */
export const stepOf = (unixSeconds) => Math.floor(unixSeconds / 30);

// The server accepts each step once per account (no replay) and one step ahead of its clock.
const used = new Map();

/**
 * A code for `account` whose step it has not used yet: the current step, or the next one;
 * waits for the clock when both are used (several logins of one account within a minute).
 */
export async function freshCode(account, secret = DEMO_TOTP_SECRET) {
  for (;;) {
    const now = stepOf(Date.now() / 1000);
    const step = Math.max(now, (used.get(account) ?? -1) + 1);
    if (step <= now + 1) {
      used.set(account, step);
      return codeAtStep(secret, step);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
