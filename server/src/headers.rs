//! Response headers that protect people on shared computers and hostile networks: private pages
//! are never stored by a browser or a shared cache (`Cache-Control: no-store`), and an https
//! site tells browsers to never come back over plain http (`Strict-Transport-Security`).
use axum::{
    extract::Request,
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

/// Pages that show or change someone's data: a professional's, a person's private link, her
/// carnet. (Public pages are the page cache's list; everything under these is private.)
const PRIVATE: [&str; 7] =
    ["/pro", "/inscription/", "/orientation/", "/mes-badges/", "/messages/", "/mon-carnet", "/i/"];

/// Whether the request carries one of our session cookies (a professional or a person signed in).
fn signed_in(req: &Request) -> bool {
    req.headers().get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).any(|v| v.contains("itineraire_"))
}

/// Whether a response to this request must never be stored.
pub fn is_private(path: &str, signed_in: bool, sets_cookie: bool) -> bool {
    !path.starts_with("/pkg/") && (signed_in || sets_cookie || PRIVATE.iter().any(|p| path.starts_with(p)))
}

/// `Cache-Control: no-store` on every private page and on every answer to a signed-in visitor:
/// after signing out on a shared computer, the back button shows nothing of the carnet.
pub async fn private_no_store(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let signed = signed_in(&req);
    let mut res = next.run(req).await;
    if is_private(&path, signed, res.headers().contains_key(header::SET_COOKIE)) {
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Two years, subdomains included: what HSTS preload lists ask for.
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

#[cfg(test)]
mod tests {
    use super::is_private;

    #[test]
    fn private_pages_and_signed_in_visitors_are_never_stored() {
        for p in [
            "/pro",
            "/pro/carnets/x",
            "/inscription/tok",
            "/orientation/tok",
            "/mes-badges/tok",
            "/messages/arret/t",
            "/mon-carnet",
            "/i/ABCD",
        ] {
            assert!(is_private(p, false, false), "{p}");
        }
        for p in ["/", "/catalogue", "/ateliers/x", "/badges/x", "/etapes"] {
            assert!(!is_private(p, false, false), "{p}");
            assert!(is_private(p, true, false), "{p} signed in");
        }
        assert!(is_private("/langue", false, true), "a response that sets a cookie");
        assert!(!is_private("/pkg/itineraire.css", true, false), "the bundle is public");
    }
}
