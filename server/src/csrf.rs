//! CSRF protection for every state-changing request (forms, server functions): the browser must
//! say the request comes from our own origin. Leptos server functions have none of their own.
use axum::{
    extract::{Request, State},
    http::{header, HeaderMap, Method, StatusCode},
    middleware::Next,
    response::{Html, IntoResponse, Response},
};
use std::sync::Arc;

#[derive(Debug, Clone, Default)]
pub struct CsrfPolicy {
    /// `scheme://host[:port]` expected in `Origin`; when `None`, the request's own `Host`.
    pub public_origin: Option<String>,
}

pub async fn guard(State(policy): State<Arc<CsrfPolicy>>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    match check(req.headers(), policy.public_origin.as_deref()) {
        Ok(()) => next.run(req).await,
        Err(reason) => {
            tracing::warn!(reason, method = %req.method(), path = %crate::redact_tokens(req.uri().path()), "cross-site request refused");
            refused()
        }
    }
}

/// Why a request is refused, or `Ok` when it demonstrably comes from our own pages.
pub fn check(headers: &HeaderMap, public_origin: Option<&str>) -> Result<(), &'static str> {
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if let Some(site) = fetch_site {
        if site != "same-origin" && site != "none" {
            return Err("sec-fetch-site");
        }
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        // Browsers send Origin on every POST; a request without one must at least carry
        // Sec-Fetch-Site from the same origin.
        return if fetch_site == Some("same-origin") { Ok(()) } else { Err("missing origin") };
    };
    let expected_host = match public_origin {
        Some(expected) => return if origin == expected { Ok(()) } else { Err("foreign origin") },
        None => headers.get(header::HOST).and_then(|v| v.to_str().ok()).ok_or("missing host")?,
    };
    let origin_host = origin.split_once("://").map(|(_, rest)| rest).ok_or("malformed origin")?;
    if origin_host.eq_ignore_ascii_case(expected_host) {
        Ok(())
    } else {
        Err("foreign origin")
    }
}

fn refused() -> Response {
    (
        StatusCode::FORBIDDEN,
        Html(
            "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Demande refusée – Itinéraire</title></head>\
             <body><h1>Demande refusée</h1><p>Cette demande ne vient pas d’une page d’Itinéraire, elle a été bloquée pour votre sécurité.</p>\
             <p><a href=\"/\">Revenir à l’accueil</a></p></body></html>",
        ),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn same_origin_is_accepted() {
        let h = headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000"),
            ("sec-fetch-site", "same-origin"),
        ]);
        assert_eq!(check(&h, None), Ok(()));
        assert_eq!(check(&h, Some("http://127.0.0.1:3000")), Ok(()));
    }

    #[test]
    fn cross_site_is_refused() {
        let h = headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
        ]);
        assert!(check(&h, None).is_err());
        let h = headers(&[("host", "127.0.0.1:3000"), ("origin", "https://evil.example")]);
        assert_eq!(check(&h, None), Err("foreign origin"));
        let h = headers(&[("host", "127.0.0.1:3000"), ("sec-fetch-site", "same-site")]);
        assert_eq!(check(&h, None), Err("sec-fetch-site"));
        let h = headers(&[("host", "127.0.0.1:3000")]);
        assert_eq!(check(&h, None), Err("missing origin"));
        let h = headers(&[("host", "127.0.0.1:3000"), ("origin", "null")]);
        assert!(check(&h, None).is_err());
        // Configured public origin wins over a forged Host header.
        let h = headers(&[("host", "evil.example"), ("origin", "http://evil.example")]);
        assert_eq!(check(&h, Some("https://itineraire.example.fr")), Err("foreign origin"));
    }
}
