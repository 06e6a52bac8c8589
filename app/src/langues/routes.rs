//! The language choice's post: a cookie for a year, then back to the page (ssr only).
use crate::i18n::{Langue, COOKIE};
use crate::token::CookiePolicy;
use axum::{extract::State, http::header, response::IntoResponse, routing::post, Form, Router};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Choix {
    #[serde(default)]
    langue: String,
    #[serde(default)]
    retour: String,
}

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    CookiePolicy: axum::extract::FromRef<S>,
{
    Router::new().route("/langue", post(choose))
}

/// Only a path of this site (`/…`, not `//host`) is followed back, written as a `Location`
/// header may carry it (other than ASCII percent-encoded; control characters refused).
fn local(path: &str) -> String {
    if !path.starts_with('/') || path.starts_with("//") || path.contains('\\') || path.len() > 2000 {
        return "/".to_owned();
    }
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_control() {
            return "/".to_owned();
        } else if c == ' ' {
            out.push_str("%20");
        } else if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            out.extend(c.encode_utf8(&mut buf).bytes().map(|b| format!("%{b:02X}")));
        }
    }
    out
}

/// Keeps the chosen language for a year and goes back to the page.
async fn choose(State(cookies): State<CookiePolicy>, Form(c): Form<Choix>) -> axum::response::Response {
    let Some(l) = Langue::from_tag(&c.langue) else {
        return (
            axum::http::StatusCode::BAD_REQUEST,
            "Langue inconnue. Unknown language. Choisissez une langue dans la liste : /langue",
        )
            .into_response();
    };
    // Not HttpOnly: nothing secret, and a page may read it.
    let cookie = cookies.cookie(COOKIE, l.code(), 31_536_000, false);
    let mut res = crate::ui::form::see_other(&local(&c.retour));
    if let Ok(v) = axum::http::HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(super::local("/catalogue?q=cv"), "/catalogue?q=cv");
        assert_eq!(super::local("//evil.example"), "/");
        assert_eq!(super::local("https://evil.example"), "/");
        assert_eq!(super::local("/\\evil.example"), "/");
        assert_eq!(super::local("/catalogue?q=crèche garde"), "/catalogue?q=cr%C3%A8che%20garde");
        assert_eq!(super::local("/\r\nSet-Cookie: x=1"), "/");
        for path in ["/catalogue?q=crèche", "/a b", "/ateliers"] {
            assert!(axum::http::HeaderValue::from_str(&super::local(path)).is_ok(), "{path}");
        }
    }
}
