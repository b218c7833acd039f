// The audit's TOTP against RFC 6238's own test vectors (SHA-1, key "12345678901234567890").
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeAtStep, stepOf } from "./totp.mjs";

test("RFC 6238 test vectors", () => {
  const key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  for (const [time, code] of [
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ]) {
    assert.equal(codeAtStep(key, stepOf(time)), code, `at ${time}`);
  }
});
