//! What a hostile visitor tries on a public deployment, and what the server answers: slow
//! clients, a hostile badge to check, rate limits behind a proxy and across processes, probing
//! who registered or who has an account, private pages in a shared browser, a forged `Host`.
use super::*;
use app::rate_limit::Limits;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The router served for real on loopback (with `serve`'s deadlines), and its address.
async fn served(app: Router, header_timeout: Duration) -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(server::serve::serve(listener, app, std::future::pending(), header_timeout));
    addr
}

/// Reads until the server closes the connection; how long it took.
async fn until_closed(stream: &mut tokio::net::TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout(limit.saturating_sub(started.elapsed()), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => continue,
            Err(_) => return None,
        }
    }
}

#[tokio::test]
async fn slow_and_idle_clients_are_cut_after_the_deadline() {
    let db = TestDb::chosen().await;
    let app = app_setup(&db, Setup { body_timeout: Some(Duration::from_secs(1)), ..Default::default() });
    let addr = served(app, Duration::from_secs(1)).await;
    // Connected, silent: cut.
    let mut idle = tokio::net::TcpStream::connect(addr).await.unwrap();
    let took = until_closed(&mut idle, Duration::from_secs(5)).await.expect("an idle connection is closed");
    assert!(took < Duration::from_secs(3), "{took:?}");
    // Headers trickled a byte every 300 ms: cut, though bytes keep coming.
    let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
    let started = Instant::now();
    let request = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lent: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    let mut cut = false;
    for b in request {
        if slow.write_all(&[*b]).await.is_err() {
            cut = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        if started.elapsed() > Duration::from_secs(5) {
            break;
        }
    }
    assert!(cut || until_closed(&mut slow, Duration::from_millis(500)).await.is_some(), "a trickling client is cut");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    // A body that never finishes: 408, the connection closed.
    let mut body = tokio::net::TcpStream::connect(addr).await.unwrap();
    body.write_all(b"POST /mes-badges HTTP/1.1\r\nHost: 127.0.0.1:3000\r\nOrigin: http://127.0.0.1:3000\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ncontact=06").await.unwrap();
    let mut answer = Vec::new();
    let started = Instant::now();
    let _ = tokio::time::timeout(Duration::from_secs(5), body.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(3));
    // Meanwhile the server answers everyone else.
    let mut ok = tokio::net::TcpStream::connect(addr).await.unwrap();
    ok.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").await.unwrap();
    let mut reply = String::new();
    ok.read_to_string(&mut reply).await.unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    db.drop().await;
}

/// A clique of blank nodes pointing to each other (RDFC-1.0's « poison graph »), as a badge.
fn poison(n: usize) -> String {
    let nodes: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let links: Vec<_> =
                (0..n).filter(|j| *j != i).map(|j| serde_json::json!({"id": format!("_:n{j}")})).collect();
            serde_json::json!({"id": format!("_:n{i}"), "https://example.org/lien": links})
        })
        .collect();
    let key = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    serde_json::json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiableCredential"],
        "issuer": format!("did:key:{key}"),
        "credentialSubject": {"id": "_:n0"},
        "evidence": nodes,
        "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofPurpose": "assertionMethod",
                  "verificationMethod": format!("did:key:{key}#{key}"), "proofValue": "z99eUso3aSbE9tqGSTXzo3TLfKb9RkMTURrHKQ1K7Zh3BbeqPevr5E1iCbpTjqHuTFLtfxTTD5ekfVuZFzQyEQf8"}
    })
    .to_string()
}

#[tokio::test]
async fn the_badge_checker_answers_hostile_documents_quickly_and_stays_up() {
    let db = TestDb::chosen().await;
    let app = app_for(&db);
    // Written as text: a 5,000-deep JSON value would overflow the test's own stack when dropped.
    let deep = format!("{}1{}", "[".repeat(5_000), "]".repeat(5_000));
    let many = serde_json::json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
        "issuer": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
        "evidence": (0..1200).map(|i| serde_json::json!({"n": i})).collect::<Vec<_>>(),
        "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofValue": "z99eUso3aSbE9tqGSTXzo3TLfKb9RkMTURrHKQ1K7Zh3BbeqPevr5E1iCbpTjqHuTFLtfxTTD5ekfVuZFzQyEQf8",
                  "verificationMethod": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}})
    .to_string();
    for (what, doc) in [("poison 12", poison(12)), ("poison 30", poison(30)), ("deep", deep), ("many statements", many)]
    {
        let body = format!("badge={}", form_urlencoded::byte_serialize(doc.as_bytes()).collect::<String>());
        let started = Instant::now();
        let r = send(&app, as_page(from_ip(post("/verifier", ORIGIN, &body), [10, 9, 8, 7]))).await;
        let took = started.elapsed();
        assert!(r.status.is_success() || r.status.is_client_error(), "{what}: {}", r.status);
        assert!(
            r.body.contains("trop complexe") || r.body.contains("pas un badge lisible"),
            "{what}: a French reason ({} {})",
            r.status,
            r.body.split("</textarea>").nth(1).unwrap_or(&r.body).chars().take(400).collect::<String>()
        );
        assert!(took < app::badges::proof::DEADLINE + Duration::from_secs(1), "{what}: {took:?}");
        assert_eq!(send(&app, get("/healthz")).await.status, StatusCode::OK, "{what}");
    }
    // One connection may check 20 a minute.
    let mut refused = 0;
    for _ in 0..25 {
        let r = send(&app, as_page(from_ip(post("/verifier", ORIGIN, "badge=%7B%7D"), [10, 9, 8, 6]))).await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            assert!(r.body.contains("Trop de vérifications"));
            refused += 1;
        }
    }
    assert_eq!(refused, 5);
    // Bigger than the server takes: a page says so in French, the server stays up.
    let huge = format!("badge={}", "a".repeat(70 * 1024));
    let r = send(&app, as_page(from_ip(post("/verifier", ORIGIN, &huge), [10, 9, 8, 5]))).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.body.contains("Envoi trop volumineux") && r.body.contains("dépasse 64 Ko"), "{}", r.body);
    // Sent without a length (chunked), cut by the limit while read: the same page, not an empty form.
    let mut req = as_page(from_ip(post("/verifier", ORIGIN, &huge), [10, 9, 8, 5]));
    req.headers_mut().remove(header::CONTENT_LENGTH);
    let r = send(&app, req).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.body.contains("Envoi trop volumineux"), "{}", r.body);
    assert_eq!(send(&app, get("/healthz")).await.status, StatusCode::OK);
    db.drop().await;
}

fn forwarded(mut req: Request<Body>, peer: &str, xff: &str) -> Request<Body> {
    let peer: std::net::IpAddr = peer.parse().unwrap();
    req.extensions_mut().insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(peer, 40000)));
    if !xff.is_empty() {
        req.headers_mut().insert("x-forwarded-for", xff.parse().unwrap());
    }
    req
}

#[tokio::test]
async fn limits_count_each_visitor_behind_the_proxy_once_across_server_processes() {
    for db in TestDb::all().await {
        let b = db.backend();
        server::cli::seed_demo(&db.db).await.unwrap();
        let limits = || Limits {
            inscriptions_par_ip_heure: 2,
            proxies: vec!["127.0.0.1/32".parse().unwrap()],
            ..Default::default()
        };
        // Two server processes on one database.
        let (one, two) = (
            app_setup(&db, Setup { limits: limits(), ..Default::default() }),
            app_setup(&db, Setup { limits: limits(), ..Default::default() }),
        );
        let seance = first_seance(&one).await;
        let page = format!("/ateliers/{seance}");
        let person = |n: u32| format!("prenom=P&nom=N{n}&telephone=06+11+22+33+{n:02}&consentement=oui");
        let statuses = |app: &Router, peer: &'static str, xff: &'static str, from: u32| {
            let (app, page) = (app.clone(), page.clone());
            async move {
                let mut out = vec![];
                for n in from..from + 3 {
                    out.push(send(&app, forwarded(post(&page, ORIGIN, &person(n)), peer, xff)).await.status.as_u16());
                }
                out
            }
        };
        // Behind the proxy, one visitor: the third attempt is refused, whichever process answers.
        let first = send(&one, forwarded(post(&page, ORIGIN, &person(1)), "127.0.0.1", "198.51.100.1")).await.status;
        let second = send(&two, forwarded(post(&page, ORIGIN, &person(2)), "127.0.0.1", "198.51.100.1")).await.status;
        let third = send(&one, forwarded(post(&page, ORIGIN, &person(3)), "127.0.0.1", "198.51.100.1")).await.status;
        assert_eq!([first, second, third].map(|s| s.as_u16()), [303, 303, 429], "{b}");
        // Another visitor behind the same proxy is not blocked by the first.
        assert_eq!(statuses(&two, "127.0.0.1", "198.51.100.2", 10).await, [303, 303, 429], "{b}");
        // A visitor writing their own header: the proxy's right-most entry counts.
        assert_eq!(statuses(&one, "127.0.0.1", "6.6.6.6, 198.51.100.3", 20).await, [303, 303, 429], "{b}");
        // Not behind a trusted proxy: the header is ignored, the peer counts.
        assert_eq!(statuses(&one, "203.0.113.5", "1.1.1.1", 30).await, [303, 303, 429], "{b}");
        // IPv6: one /64 is one visitor.
        let v6 = send(&one, forwarded(post(&page, ORIGIN, &person(40)), "2001:db8:1:2::a", "")).await.status;
        let v6b = send(&two, forwarded(post(&page, ORIGIN, &person(41)), "2001:db8:1:2::b", "")).await.status;
        let v6c = send(&one, forwarded(post(&page, ORIGIN, &person(42)), "2001:db8:1:2:ffff::1", "")).await.status;
        assert_eq!([v6, v6b, v6c].map(|s| s.as_u16()), [303, 303, 429], "{b}");
        db.drop().await;
    }
}

#[tokio::test]
async fn a_phone_already_registered_gets_the_same_answer_and_its_confirmation_again() {
    for db in TestDb::all().await {
        let b = db.backend();
        server::cli::seed_demo(&db.db).await.unwrap();
        let app = app_for(&db);
        let seance = first_seance(&app).await;
        let page = format!("/ateliers/{seance}");
        let first = send(&app, from_ip(post(&page, ORIGIN, LEA), [10, 1, 1, 1])).await;
        let again = send(
            &app,
            from_ip(
                post(&page, ORIGIN, "prenom=Autre&nom=Personne&telephone=06+12+34+56+78&consentement=oui"),
                [10, 1, 1, 2],
            ),
        )
        .await;
        assert_eq!((first.status, again.status), (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER), "{b}");
        assert_eq!(first.headers[header::LOCATION], again.headers[header::LOCATION], "{b}: nothing tells them apart");
        assert_eq!(first.headers[header::LOCATION], format!("{page}?inscription=envoyee").as_str(), "{b}");
        let shown = send(&app, get(first.headers[header::LOCATION].to_str().unwrap())).await;
        assert!(
            shown.body.contains("Vous recevez dans un instant un SMS ou un e-mail avec le lien de votre inscription"),
            "{b}"
        );
        // The phone on record got its confirmation twice, the second with a link that works.
        let sent: Vec<_> = app::outbox::entity::Entity::find()
            .all(&db.db)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.kind == "inscription")
            .collect();
        assert_eq!(sent.len(), 2, "{b}");
        assert!(sent.iter().all(|m| m.destinataire == "06 12 34 56 78"), "{b}");
        let links: Vec<String> = sent.iter().filter_map(|m| m.lien.clone()).collect();
        assert_ne!(links[0], links[1], "{b}");
        for l in &links {
            let mine = send(&app, get(l)).await;
            assert_eq!(mine.status, StatusCode::OK, "{b}: {l}");
            assert!(mine.body.contains("Votre place est réservée") && !mine.body.contains("Autre"), "{b}");
        }
        db.drop().await;
    }
}

#[tokio::test]
async fn sign_in_answers_an_unknown_address_like_a_wrong_password() {
    let db = seeded_with_account().await;
    let app = app_for(&db);
    let unknown = send(
        &app,
        as_page(from_ip(
            post("/pro/connexion", ORIGIN, "email=personne%40mobil.example&mot_de_passe=un+mot+de+passe+long"),
            [10, 2, 2, 2],
        )),
    )
    .await;
    let wrong = send(
        &app,
        as_page(from_ip(
            post("/pro/connexion", ORIGIN, "email=camille%40mobil.example&mot_de_passe=mauvais"),
            [10, 2, 2, 2],
        )),
    )
    .await;
    assert_eq!((unknown.status, wrong.status), (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED));
    let message =
        "Adresse e-mail ou mot de passe incorrect. Après 5 essais manqués, attendez 15 minutes avant de réessayer.";
    assert!(unknown.body.contains(message) && wrong.body.contains(message));
    // Someone trying the account from elsewhere does not lock its owner out.
    for _ in 0..6 {
        send(
            &app,
            from_ip(
                post("/pro/connexion", ORIGIN, "email=camille%40mobil.example&mot_de_passe=mauvais"),
                [10, 3, 3, 3],
            ),
        )
        .await;
    }
    let owner = send(
        &app,
        from_ip(
            post(
                "/pro/connexion",
                ORIGIN,
                "email=camille%40mobil.example&mot_de_passe=un+mot+de+passe+long&suite=%2Fpro",
            ),
            [10, 4, 4, 4],
        ),
    )
    .await;
    assert_eq!(owner.status, StatusCode::SEE_OTHER);
    db.drop().await;
}

#[tokio::test]
async fn private_pages_are_never_stored_by_a_browser() {
    let db = seeded_with_account().await;
    let app = app_for(&db);
    let cookie = sign_in(&app).await;
    let no_store = |r: &Reply| r.headers.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()) == Some("no-store");
    for path in [
        "/pro",
        "/pro/carnets",
        "/pro/connexion",
        "/mon-carnet",
        "/inscription/inconnu",
        "/mes-badges/inconnu",
        "/orientation/inconnu",
        "/messages/arret/inconnu",
        "/i/AAAA-BBBB-CCCC",
    ] {
        assert!(no_store(&send(&app, with_cookie(get(path), &cookie)).await), "{path}, signed in");
        assert!(no_store(&send(&app, get(path)).await), "{path}");
    }
    // A public page may be stored — unless the visitor is signed in.
    assert!(!no_store(&send(&app, get("/catalogue")).await));
    assert!(no_store(&send(&app, with_cookie(get("/catalogue"), &cookie)).await));
    db.drop().await;
}

#[tokio::test]
async fn an_https_site_asks_for_https_and_builds_links_from_its_public_address_never_from_host() {
    let db = seeded_with_account().await;
    let app = app_setup(&db, Setup { public_origin: Some("https://itineraire.example".into()), ..Default::default() });
    let origin = Some("https://itineraire.example");
    let r = send(&app, get("/")).await;
    assert_eq!(r.headers[header::STRICT_TRANSPORT_SECURITY], "max-age=63072000; includeSubDomains");
    // Signed in, a professional prints invitation letters through a proxy that passed a forged Host.
    let login = send(
        &app,
        post("/pro/connexion", origin, "email=camille%40mobil.example&mot_de_passe=un+mot+de+passe+long&suite=%2Fpro"),
    )
    .await;
    assert_eq!(login.status, StatusCode::SEE_OTHER, "{}", login.body);
    let cookie = login.headers[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    let mut req = with_cookie(as_page(post("/pro/invitations", origin, "territoire=comminges&nombre=1")), &cookie);
    req.headers_mut().insert(header::HOST, "evil.example".parse().unwrap());
    let letters = send(&app, req).await;
    assert_eq!(letters.status, StatusCode::OK, "{}", letters.body);
    assert!(letters.body.contains("itineraire.example/i/"), "the link names the public site");
    assert!(!letters.body.contains("evil.example"), "never the request's Host");
    // An http site (a local one) gets no HSTS.
    assert!(send(&app_for(&db), get("/")).await.headers.get(header::STRICT_TRANSPORT_SECURITY).is_none());
    db.drop().await;
}
