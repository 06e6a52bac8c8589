//! The Content-Security-Policy of HTML pages: scripts only from our origin or with this
//! response's nonce (Leptos' hydration script is inline), WASM allowed, no framing.
use leptos::prelude::*;

pub fn provide_page_csp() {
    leptos::nonce::provide_nonce();
    let Some(nonce) = leptos::nonce::use_nonce() else { return };
    let policy = page_csp(&nonce);
    if let (Some(res), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&policy),
    ) {
        res.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}
