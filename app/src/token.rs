//! Secrets handed out by the site — session cookies, private links, one-time tokens: made at
//! random, stored only as their SHA-256, read back from a cookie.
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use http::HeaderMap;
use sea_orm::DbErr;
use sha2::{Digest, Sha256};

/// SHA-256 (hex) of a secret token: what the database keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// A random 256-bit token, URL-safe (session cookies, private links).
pub fn new_token() -> Result<String, DbErr> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| DbErr::Custom(format!("random: {e}")))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// How the site's cookies are written (from the server's configuration).
#[derive(Debug, Clone, Copy, Default)]
pub struct CookiePolicy {
    /// Only over HTTPS (set when the public URL is `https://`).
    pub secure: bool,
}

impl CookiePolicy {
    /// A `Set-Cookie` value: the whole site, SameSite=Lax, Secure on HTTPS; `http_only` for
    /// anything a script has no business reading (sessions).
    pub fn cookie(self, name: &str, value: &str, max_age_secs: i64, http_only: bool) -> String {
        let secure = if self.secure { "; Secure" } else { "" };
        let http_only = if http_only { "; HttpOnly" } else { "" };
        format!("{name}={value}; Path=/{http_only}; SameSite=Lax; Max-Age={max_age_secs}{secure}")
    }
}

/// A cookie's value in a request's `Cookie` headers (not empty).
pub fn cookie_value(headers: &HeaderMap, cookie: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == cookie && !value.is_empty())
        .map(|(_, value)| value.to_owned())
}
