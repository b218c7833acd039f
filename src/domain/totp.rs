//! Two-factor sign-in codes (TOTP, RFC 6238 with HMAC-SHA1, 6 digits, 30-second steps) and
//! recovery codes, so staff accounts are not protected by a password alone.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Digest;

/// Seconds per time step, as every authenticator app counts them.
pub const STEP: i64 = 30;
/// Recovery codes handed out at setup.
pub const RECOVERY_CODES: usize = 10;
const DIGITS: u32 = 6;
const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A shared secret in base32 (RFC 4648, no padding), as authenticator apps take it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// 160 random bits, the length RFC 4226 recommends for HMAC-SHA1.
    pub fn generate() -> Secret {
        let mut bytes = [0u8; 20];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Secret(base32_encode(&bytes))
    }

    /// A stored or typed secret; spaces and case do not matter. None if it is not base32.
    pub fn parse(s: &str) -> Option<Secret> {
        let clean: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let bytes = base32_decode(&clean)?;
        (bytes.len() >= 10).then_some(Secret(clean.trim_end_matches('=').to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// In groups of four, easier to type into an app by hand.
    pub fn grouped(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The `otpauth://` address the QR code holds (the format of Google Authenticator's key
    /// URI, which every common app reads).
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> String {
        let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        format!(
            "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits=6&period=30",
            enc(issuer).replace('+', "%20"),
            enc(account).replace('+', "%20"),
            self.0,
            enc(issuer).replace('+', "%20"),
        )
    }

    /// The code of one time step.
    pub fn code_at_step(&self, step: i64) -> String {
        let key = base32_decode(&self.0).unwrap_or_default();
        let Ok(mut mac) = Hmac::<sha1::Sha1>::new_from_slice(&key) else {
            return String::new();
        };
        mac.update(&step.to_be_bytes());
        let hash = mac.finalize().into_bytes();
        let offset = (hash[19] & 0x0f) as usize;
        let bin = u32::from_be_bytes([
            hash[offset] & 0x7f,
            hash[offset + 1],
            hash[offset + 2],
            hash[offset + 3],
        ]);
        format!(
            "{:0width$}",
            bin % 10u32.pow(DIGITS),
            width = DIGITS as usize
        )
    }

    /// The code for a unix time.
    pub fn code_at(&self, unix: i64) -> String {
        self.code_at_step(unix.div_euclid(STEP))
    }

    /// The time step whose code `code` is, within one step before or after `unix` (clocks of
    /// phones drift a little). The caller refuses steps already used (no replay).
    pub fn matching_step(&self, code: &str, unix: i64) -> Option<i64> {
        let code = normalise_code(code);
        if code.len() != DIGITS as usize {
            return None;
        }
        let now = unix.div_euclid(STEP);
        (now - 1..=now + 1).find(|&step| constant_time_eq(&self.code_at_step(step), &code))
    }
}

/// Whether the account must set up two-factor sign-in before it may do anything else: staff
/// (moderation, ministry, admin) without it whose grace period since getting the role is over.
pub fn setup_required(
    role: super::Role,
    enabled: bool,
    staff_since: i64,
    grace_secs: i64,
    now: i64,
) -> bool {
    role != super::Role::Participant && !enabled && now >= staff_since.saturating_add(grace_secs)
}

/// Digits only: people type "123 456" or paste with spaces.
pub fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Ten fresh recovery codes like "k7m2-x9qp-4hfw" (60 bits each), shown once.
pub fn recovery_codes() -> Vec<String> {
    // No 0/o, 1/l/i: codes are read off paper.
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 12];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let chars: Vec<char> = bytes
                .iter()
                .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
                .collect();
            chars
                .chunks(4)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// What is stored of a recovery code: SHA-256 of its letters (case, spaces and dashes do not
/// matter). The codes carry 60 random bits, so a fast hash suffices.
pub fn recovery_hash(code: &str) -> String {
    let clean: String = normalise_code(code).to_ascii_lowercase();
    sha2::Sha256::digest(clean.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            out.push(BASE32[((buffer >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(BASE32[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

fn base32_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in s.trim_end_matches('=').bytes() {
        let v = BASE32.iter().position(|&x| x == c)? as u32;
        buffer = (buffer << 5) | v;
        bits += 5;
        if bits >= 8 {
            out.push(((buffer >> (bits - 8)) & 0xff) as u8);
            bits -= 8;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, appendix B (SHA-1, the key "12345678901234567890"), last six digits.
    #[test]
    fn the_rfc_test_vectors_hold() {
        let secret = Secret(base32_encode(b"12345678901234567890"));
        assert_eq!(secret.as_str(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        for (time, code) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
            (20_000_000_000, "353130"),
        ] {
            assert_eq!(secret.code_at(time), code, "at {time}");
        }
    }

    #[test]
    fn codes_match_one_step_around_and_not_further() {
        let secret = Secret::generate();
        let t = 1_700_000_000;
        let step = t / STEP;
        assert_eq!(
            secret.matching_step(&secret.code_at(t - STEP), t),
            Some(step - 1)
        );
        assert_eq!(secret.matching_step(&secret.code_at(t), t), Some(step));
        let far = secret.code_at(t + 5 * STEP);
        if far != secret.code_at(t) && far != secret.code_at(t - STEP) {
            assert_eq!(secret.matching_step(&far, t), None);
        }
        assert_eq!(secret.matching_step("12345", t), None);
        assert_eq!(
            Secret::parse(&secret.grouped().to_lowercase()),
            Some(secret)
        );
        assert_eq!(Secret::parse("not base32!"), None);
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_hash_the_same_however_typed() {
        let codes = recovery_codes();
        assert_eq!(codes.len(), 10);
        let set: std::collections::HashSet<_> = codes.iter().collect();
        assert_eq!(set.len(), 10);
        assert_eq!(codes[0].len(), 14);
        assert_eq!(
            recovery_hash(&codes[0]),
            recovery_hash(&codes[0].to_uppercase().replace('-', " "))
        );
    }
}
