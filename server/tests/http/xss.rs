use super::*;

/// Markup typed by someone into every text a person or a professional can write.
const PAYLOAD: &str = "\"></title></textarea><script>alert(1)</script><img src=x onerror=alert(2)>";

/// Up to 200 characters on each side of the first `needle` in `body`.
fn around(body: &str, needle: &str) -> String {
    let Some(i) = body.find(needle) else { return "absent".into() };
    let before: Vec<char> = body[..i].chars().rev().take(200).collect();
    before.into_iter().rev().chain(body[i..].chars().take(200)).collect()
}

/// The page shows the payload as text (escaped), never as markup.
fn shows_as_text(page: &str, body: &str) {
    assert!(
        !body.contains("<script>alert(1)"),
        "{page}: a stored <script> is rendered as markup: {}",
        around(body, "<script>alert(1)")
    );
    assert!(
        !body.contains("<img src=x"),
        "{page}: a stored <img> is rendered as markup: {}",
        around(body, "<img src=x")
    );
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}: the payload is not on the page (the test proves nothing): {}",
        around(body, "alert(1)")
    );
}

#[tokio::test]
async fn text_stored_anywhere_is_shown_as_text_never_as_html() {
    use app::auth::model::Role;
    let db = seeded().await;
    let app = app_for(&db);
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let p = enc(PAYLOAD);
    // An offer of the catalogue, imported with the payload in its name and description.
    // Dated today: the offer stays public whenever the test runs.
    let today = app::dates::today(chrono::Utc::now()).format("%Y-%m-%d").to_string();
    let doc = serde_json::json!({
        "structures": [{"id": "xss", "source": "test", "nom": PAYLOAD, "telephone": "05 61 00 00 00", "date_maj": today}],
        "services": [{"id": "xss-offre", "source": "test", "structure_id": "xss", "nom": format!("Offre {PAYLOAD}"), "description": PAYLOAD,
            "thematiques": ["mobilite--preparer-un-permis"], "code_insee": "31483", "commune": "Saint-Gaudens", "code_postal": "31800",
            "telephone": "05 61 00 00 01", "conditions_acces": PAYLOAD, "date_maj": today}]
    });
    let report = app::catalogue::import::import_json(&db.db, doc.to_string().as_bytes(), |_, _| {}).await.unwrap();
    assert_eq!((report.created, report.rejected.len()), (2, 0), "{report:?}");
    let r = send(&app, get("/catalogue?q=offre")).await;
    shows_as_text("/catalogue", &r.body);
    let offre = r.body.split("/offres/").nth(1).map(|s| s[..36].to_owned());
    let offre = offre.expect("the offer is listed");
    shows_as_text("/offres/:id", &send(&app, get(&format!("/offres/{offre}"))).await.body);

    // A professional writes it everywhere they can.
    let s = app::organisation::service::find(&db.db, "itineraire-exemple:mobil-comminges").await.unwrap().unwrap();
    let input = app::auth::session::AccountInput {
        email: "xss@mobil.example".into(),
        nom: PAYLOAD.into(),
        role: Role::AdminStructure,
        structure_id: Some(s.id),
        password: "un mot de passe long".into(),
    };
    app::auth::session::put_account(&db.db, input).await.unwrap();
    let r = send(
        &app,
        post("/pro/connexion", ORIGIN, "email=xss%40mobil.example&mot_de_passe=un+mot+de+passe+long&suite=%2Fpro"),
    )
    .await;
    let pro = r.headers[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    let r = send(
        &app,
        with_cookie(
            post(
                "/pro/nouveau-carnet",
                ORIGIN,
                &format!("prenom={p}&nom={p}&date_naissance=1980-01-01&adresse={p}&telephone=0611223344"),
            ),
            &pro,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let carnet = r.headers[header::LOCATION].to_str().unwrap().split('?').next().unwrap().to_owned();
    for (path, body) in [
        (format!("{carnet}/diagnostic/logement"), format!("version=0&commentaire={p}")),
        (format!("{carnet}/objectifs/logement"), format!("libre={p}")),
        (format!("{carnet}/evenement"), format!("kind=rendez_vous&date=2099-01-01&heure=09%3A00&lieu={p}&texte={p}")),
    ] {
        let r = send(&app, with_cookie(post(&path, ORIGIN, &body), &pro)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}: {}", r.body);
    }
    let page = send(&app, with_cookie(get(&carnet), &pro)).await.body;
    let oid = page.split("/objectif/").nth(1).map(|s| s[..36].to_owned()).unwrap();
    let r =
        send(&app, with_cookie(post(&format!("{carnet}/objectif/{oid}/actions"), ORIGIN, &format!("libre={p}")), &pro))
            .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    for page in [
        carnet.clone(),
        format!("{carnet}/identite"),
        format!("{carnet}/diagnostic/logement"),
        format!("{carnet}/objectif/{oid}"),
        "/pro/carnets".into(),
        "/pro/equipe".into(),
        "/pro/mon-compte".into(),
    ] {
        shows_as_text(&page, &send(&app, with_cookie(get(&page), &pro)).await.body);
    }
    // A refused form shows what was typed, as text too.
    let r = send(
        &app,
        with_cookie(post("/pro/nouveau-carnet", ORIGIN, &format!("prenom={p}&nom={p}&date_naissance={p}")), &pro),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!r.body.contains("<script>alert(1)") && !r.body.contains("<img src=x"), "refused form");

    // The person's own pages (their words on a theme included).
    let demande = app::carnet::personne::request_code(&db.db, "0611223344", chrono::Utc::now()).await.unwrap().unwrap();
    let sms = app::outbox::entity::Entity::find()
        .all(&db.db)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.kind == "code_personne")
        .unwrap();
    let code: String = sms.corps.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 6).unwrap().to_owned();
    let token = app::carnet::personne::verify_code(&db.db, &demande, &code, chrono::Utc::now()).await.unwrap().unwrap();
    let person = format!("{}={token}", app::carnet::personne::COOKIE);
    let r = send(
        &app,
        with_cookie(post("/mon-carnet/theme/sante", ORIGIN, &format!("version=0&commentaire_personne={p}")), &person),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    for page in ["/mon-carnet", "/mon-carnet/imprimer"] {
        shows_as_text(page, &send(&app, with_cookie(get(page), &person)).await.body);
    }

    // A workshop with its badge, and a registrant, as the public and the organiser see them.
    let r = send(&app, with_cookie(post("/pro/nouvel-atelier", ORIGIN, &format!("titre={p}&description={p}&themes=emploi&competences={p}&accessibilite={p}&badge_nom={p}&badge_image=vert")), &pro)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let atelier = r.headers[header::LOCATION].to_str().unwrap().split('?').next().unwrap().to_owned();
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2)).format("%Y-%m-%d").to_string();
    let r = send(
        &app,
        with_cookie(
            post(
                &format!("{atelier}/nouvelle-seance"),
                ORIGIN,
                &format!("date={tomorrow}&heure_debut=09%3A00&heure_fin=11%3A00&lieu={p}&code_insee=31483&capacite=10"),
            ),
            &pro,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The new session is on its workshop's page.
    let page = send(&app, with_cookie(get(&atelier), &pro)).await.body;
    let seance = page.split("/pro/seances/").nth(1).map(|s| s[..36].to_owned()).expect("the session is listed");
    let r = send(
        &app,
        post(
            &format!("/ateliers/{seance}"),
            ORIGIN,
            &format!("prenom={p}&nom={p}&courriel=xss%40example.fr&consentement=oui"),
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let inscription = registration_link(&db, "xss@example.fr").await;
    shows_as_text("/ateliers", &send(&app, get("/ateliers")).await.body);
    shows_as_text("/ateliers/:id", &send(&app, get(&format!("/ateliers/{seance}"))).await.body);
    shows_as_text("/inscription/:jeton", &send(&app, get(&inscription)).await.body);
    shows_as_text(
        "/pro/seances/:id/inscrits",
        &send(&app, with_cookie(get(&format!("/pro/seances/{seance}/inscrits")), &pro)).await.body,
    );
    shows_as_text("/pro/ateliers/:id", &send(&app, with_cookie(get(&atelier), &pro)).await.body);
    db.drop().await;
}
