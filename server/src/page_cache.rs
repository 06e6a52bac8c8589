//! A micro-cache of the public pages for visitors without a session: a page a phone asks for is
//! rendered once, then served as stored bytes — compressed once, in brotli and gzip — until a
//! change is posted to the server (any form post) or the time to live has passed (changes made
//! elsewhere: the import command, sessions that start). Private pages (links with a token),
//! professionals' pages and anyone carrying one of our cookies always get a fresh render.
//!
//! A stored page cannot carry a per-response nonce, so its Content-Security-Policy names its
//! inline scripts by their SHA-256 instead (the hashes of exactly the scripts it contains).
use axum::{
    body::{to_bytes, Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::{engine::general_purpose::STANDARD, Engine};
use sha2::{Digest, Sha256};
use std::{
    io::Write,
    sync::{atomic::AtomicU64, atomic::Ordering, Arc, Mutex},
    time::{Duration, Instant},
};

/// Largest page stored (a page is ~40 KB).
const MAX_PAGE_BYTES: usize = 2 * 1024 * 1024;

pub struct PageCache {
    /// The most recently used pages, at most `capacity`: a stream of different searches evicts
    /// the least used ones, never the whole cache.
    entries: Mutex<lru::LruCache<String, Arc<Entry>>>,
    /// Form posts seen; a page stored before the last one is stale.
    writes: AtomicU64,
    ttl: Duration,
}

struct Entry {
    identity: Bytes,
    br: Bytes,
    gzip: Bytes,
    content_type: HeaderValue,
    csp: HeaderValue,
    writes: u64,
    at: Instant,
}

#[derive(Clone, Copy)]
enum Encoding {
    Br,
    Gzip,
    Identity,
}

impl Encoding {
    /// What the browser accepts, best first (a `q=0` refusal is honoured).
    fn of(headers: &HeaderMap) -> Encoding {
        let accepted = |name: &str| {
            headers
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|item| {
                    let mut parts = item.trim().split(';');
                    parts.next().is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
                        && !parts.any(|p| p.trim().replace(' ', "") == "q=0")
                })
        };
        if accepted("br") {
            Encoding::Br
        } else if accepted("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }
}

impl PageCache {
    pub fn new(ttl: Duration, capacity: usize) -> PageCache {
        let cap = std::num::NonZeroUsize::new(capacity).unwrap_or(std::num::NonZeroUsize::MIN);
        PageCache { entries: Mutex::new(lru::LruCache::new(cap)), writes: AtomicU64::new(0), ttl }
    }

    /// The key of a request that may be served from the cache.
    fn key(req: &Request) -> Option<String> {
        if req.method() != Method::GET {
            return None;
        }
        let path = req.uri().path();
        // Each room declares which of its pages are public (`app::PUBLIC_PAGES`).
        if !app::is_public_page(path) {
            return None;
        }
        // Signed in (professional or person): their pages are theirs.
        let ours = req
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(|v| v.contains("itineraire_"));
        if ours {
            return None;
        }
        // One stored page per language, and apart for visitors who have not chosen one yet
        // (their page offers the choice).
        let l = app::i18n::page_langue(path, req.headers());
        let page = req.uri().path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| path.to_owned());
        Some(format!("{}{}|{page}", l.langue.code(), if l.choisie { "" } else { "?" }))
    }

    fn fresh(&self, key: &str) -> Option<Arc<Entry>> {
        let mut entries = self.entries.lock().ok()?;
        let e = entries.get(key)?;
        (e.writes == self.writes.load(Ordering::Acquire) && e.at.elapsed() < self.ttl).then(|| e.clone())
    }

    fn store(&self, key: String, entry: Arc<Entry>) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.put(key, entry);
        }
    }
}

impl Entry {
    fn response(&self, encoding: Encoding, how: &'static str) -> Response {
        let (body, coding) = match encoding {
            Encoding::Br => (self.br.clone(), Some("br")),
            Encoding::Gzip => (self.gzip.clone(), Some("gzip")),
            Encoding::Identity => (self.identity.clone(), None),
        };
        let mut res = Response::new(Body::from(body));
        let h = res.headers_mut();
        h.insert(header::CONTENT_TYPE, self.content_type.clone());
        h.insert(header::CONTENT_SECURITY_POLICY, self.csp.clone());
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding, accept-language, cookie"));
        if let Some(c) = coding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(c));
        }
        h.insert("x-itineraire-cache", HeaderValue::from_static(how));
        res
    }
}

/// The SHA-256 sources (`'sha256-…'`) of the inline scripts the app itself wrote on a page: those
/// that carry the nonce it was rendered with. Any other inline script (none should exist) stays
/// untrusted when the page is served again from the cache.
pub fn inline_script_hashes(html: &str, nonce: &str) -> Vec<String> {
    let mut out = vec![];
    let mut rest = html;
    let ours = format!("nonce=\"{nonce}\"");
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else { break };
        let tag = &rest[..open_end];
        let body = &rest[open_end + 1..];
        let Some(close) = body.find("</script>") else { break };
        if !tag.contains(" src=") && !nonce.is_empty() && tag.contains(&ours) {
            out.push(format!("'sha256-{}'", STANDARD.encode(Sha256::digest(&body.as_bytes()[..close]))));
        }
        rest = &body[close..];
    }
    out
}

fn compress(html: &[u8]) -> (Bytes, Bytes) {
    let mut br = Vec::with_capacity(html.len() / 4);
    {
        // Quality 5 and a 256 KB window: a page is ~40 KB, and under a stream of form posts every
        // page is compressed again; q9 with a 4 MB window cost CPU and ~10 MB per compression.
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 5, 18);
        let _ = w.write_all(html);
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::with_capacity(html.len() / 3), flate2::Compression::new(6));
    let _ = gz.write_all(html);
    (Bytes::from(br), Bytes::from(gz.finish().unwrap_or_default()))
}

/// The middleware: counts form posts, serves stored public pages, stores fresh ones.
pub async fn serve(State(cache): State<Arc<PageCache>>, req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        // Server functions (/api/…) only read; every change is a form post that succeeded — but
        // choosing a language, which only sets the visitor's cookie (a first visit's usual post).
        let path = req.uri().path();
        let counts = !path.starts_with("/api/") && path != "/langue";
        let res = next.run(req).await;
        // A refused post (403, 422, 429…) changed nothing: the stored pages stay.
        if counts && (res.status().is_success() || res.status().is_redirection()) {
            cache.writes.fetch_add(1, Ordering::AcqRel);
        }
        return res;
    }
    let Some(key) = PageCache::key(&req) else { return next.run(req).await };
    let encoding = Encoding::of(req.headers());
    let nonce = req.extensions().get::<app::ui::security::PageNonce>().map(|n| n.0.clone()).unwrap_or_default();
    if let Some(hit) = cache.fresh(&key) {
        return hit.response(encoding, "hit");
    }
    let writes = cache.writes.load(Ordering::Acquire);
    let res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let plain =
        !res.headers().contains_key(header::SET_COOKIE) && !res.headers().contains_key(header::CONTENT_ENCODING);
    if res.status() != StatusCode::OK || !html || !plain {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_PAGE_BYTES).await else {
        return (StatusCode::SERVICE_UNAVAILABLE, app::error::AppError::Unavailable.to_string()).into_response();
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or(HeaderValue::from_static("text/html; charset=utf-8"));
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let sources = inline_script_hashes(&text, &nonce).join(" ");
    let Ok(csp) = HeaderValue::from_str(&app::ui::security::page_csp_with(&sources)) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let for_compression = bytes.clone();
    let Ok((br, gzip)) = tokio::task::spawn_blocking(move || compress(&for_compression)).await else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let entry = Arc::new(Entry { identity: bytes, br, gzip, content_type, csp, writes, at: Instant::now() });
    cache.store(key, entry.clone());
    entry.response(encoding, "miss")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> Arc<Entry> {
        Arc::new(Entry {
            identity: Bytes::new(),
            br: Bytes::new(),
            gzip: Bytes::new(),
            content_type: HeaderValue::from_static("text/html"),
            csp: HeaderValue::from_static("default-src 'none'"),
            writes: 0,
            at: Instant::now(),
        })
    }

    #[test]
    fn a_full_cache_forgets_the_least_used_page_not_every_page() {
        let cache = PageCache::new(Duration::from_secs(60), 2);
        cache.store("a".into(), entry());
        cache.store("b".into(), entry());
        assert!(cache.fresh("a").is_some());
        cache.store("c".into(), entry());
        assert!(cache.fresh("a").is_some() && cache.fresh("c").is_some());
        assert!(cache.fresh("b").is_none(), "the least recently used went");
    }

    #[test]
    fn only_the_scripts_the_app_wrote_are_trusted_in_a_stored_page() {
        let html = r#"<script nonce="abc">hydrate()</script><script>alert(1)</script><script nonce="other">x()</script><script src="/pkg/a.js"></script>"#;
        let hashes = inline_script_hashes(html, "abc");
        assert_eq!(hashes, vec![format!("'sha256-{}'", STANDARD.encode(Sha256::digest(b"hydrate()")))]);
        assert!(inline_script_hashes(html, "").is_empty());
    }
}
