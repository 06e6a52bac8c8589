//! The Content-Security-Policy of HTML pages: scripts only from our origin or with this
//! response's nonce (Leptos' hydration script is inline), WASM allowed, no framing.
//! The server's middleware draws the nonce, passes it here in the request's extensions, and
//! writes the header itself, so every HTML response carries the policy matching its scripts.
use leptos::prelude::*;

/// The nonce of the response being rendered (set by the server's CSP middleware).
#[derive(Debug, Clone)]
pub struct PageNonce(pub String);

/// Gives Leptos this response's nonce, so its inline scripts carry it.
pub fn provide_page_nonce() {
    let from_request =
        use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<PageNonce>().cloned());
    match from_request {
        Some(PageNonce(n)) => provide_context(leptos::nonce::Nonce::from_value(n)),
        // Rendering outside the server's middleware (never in production): a fresh nonce.
        None => leptos::nonce::provide_nonce(),
    }
}

pub fn page_csp(nonce: &str) -> String {
    page_csp_with(&format!("'nonce-{nonce}'"))
}

/// The page policy, its inline scripts allowed by `sources` (a nonce, or the scripts' hashes for
/// a page served from the server's page cache).
pub fn page_csp_with(sources: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' {sources} 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}
