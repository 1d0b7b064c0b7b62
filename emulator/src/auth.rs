//! Credentials: `/oauth/access_token` tokens, account-management tokens (JWTs)
//! and password hashes.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// What an `/oauth/access_token` token was granted as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccessKind {
    Implicit,
    ClientCredentials,
}

impl AccessKind {
    pub fn identifier(self) -> &'static str {
        match self {
            Self::Implicit => "implicit",
            Self::ClientCredentials => "client_credentials",
        }
    }
}

/// An opaque access token shaped like Commerce's (40 hex characters).
pub fn new_access_token() -> String {
    let bytes: [u8; 20] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Claims of an Account Management Authentication Token (docs/commerce-api.md §5.4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmClaims {
    /// Account member id (= user-authentication-info id).
    pub sub: String,
    /// Account id.
    pub scope: String,
    pub realm_id: String,
    pub store_id: String,
    /// The store setting when the token was issued.
    pub account_member_self_management: String,
    pub ancestors: String,
    pub iat: i64,
    pub exp: i64,
}

type HmacSha256 = Hmac<Sha256>;

fn mac(key: &[u8]) -> HmacSha256 {
    // HMAC takes a key of any length, so this never fails.
    match HmacSha256::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC accepts keys of any length"),
    }
}

/// A compact HS256 JWT.
pub fn sign_am_token(key: &[u8], claims: &AmClaims) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap_or_default());
    let signing_input = format!("{header}.{payload}");
    let mut mac = mac(key);
    mac.update(signing_input.as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    format!("{signing_input}.{signature}")
}

/// The claims of a token this process signed, if it has not expired at `now_secs`.
pub fn verify_am_token(key: &[u8], token: &str, now_secs: i64) -> Option<AmClaims> {
    let (signing_input, signature) = token.rsplit_once('.')?;
    let (_header, payload) = signing_input.split_once('.')?;
    let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
    let mut mac = mac(key);
    mac.update(signing_input.as_bytes());
    mac.verify_slice(&signature).ok()?;
    let claims: AmClaims = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    (now_secs < claims.exp).then_some(claims)
}

/// Argon2id with deliberately cheap parameters: this is an emulator, and tests hash often.
fn hasher() -> Argon2<'static> {
    let params = Params::new(1024, 1, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>()).map_err(|e| e.to_string())?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: i64) -> AmClaims {
        AmClaims {
            sub: "member".into(),
            scope: "account".into(),
            realm_id: "realm".into(),
            store_id: "store".into(),
            account_member_self_management: "update_only".into(),
            ancestors: String::new(),
            iat: 0,
            exp,
        }
    }

    #[test]
    fn am_token_round_trip_and_tamper() {
        let key = [7u8; 32];
        let token = sign_am_token(&key, &claims(100));
        assert_eq!(token.split('.').count(), 3);
        assert_eq!(verify_am_token(&key, &token, 99), Some(claims(100)));
        assert_eq!(verify_am_token(&key, &token, 100), None, "expired");
        assert_eq!(verify_am_token(&[8u8; 32], &token, 0), None, "other key");
        let forged = sign_am_token(&[8u8; 32], &claims(100));
        assert_eq!(verify_am_token(&key, &forged, 0), None);
        assert_eq!(verify_am_token(&key, "not a token", 0), None);
    }

    #[test]
    fn password_hash_round_trip() {
        let hash = hash_password("Password-123").unwrap();
        assert!(verify_password("Password-123", &hash));
        assert!(!verify_password("password-123", &hash));
        assert!(!verify_password("Password-123", "garbage"));
    }

    #[test]
    fn access_tokens_look_like_commerce() {
        let token = new_access_token();
        assert_eq!(token.len(), 40);
        assert!(token.chars().all(|c| c.is_ascii_hexdigit()));
    }
}
