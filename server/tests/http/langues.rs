use super::*;

/// Every message key of the French files: none may ever reach a page as text.
fn message_keys() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/locales/fr");
    std::fs::read_dir(dir)
        .unwrap()
        .flat_map(|f| {
            std::fs::read_to_string(f.unwrap().path()).unwrap().lines().map(str::to_owned).collect::<Vec<_>>()
        })
        .filter_map(|l| {
            l.split_once(" = ")
                .map(|(k, _)| k.to_owned())
                .filter(|k| k.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        })
        // One-word keys ("chargement") are ordinary words that offer texts may contain.
        .filter(|k| k.contains('-'))
        .collect()
}

fn in_language(req: Request<Body>, code: &str) -> Request<Body> {
    with_cookie(req, &format!("langue={code}"))
}

/// The `<html …>` start tag of a page.
fn html_tag(body: &str) -> &str {
    start_tags(body, "html lang=").first().copied().unwrap_or("")
}

/// The offers' links of a result page, in order.
fn offer_ids(body: &str) -> Vec<&str> {
    body.split("href=\"/offres/").skip(1).map(|s| &s[..36]).collect()
}

#[tokio::test]
async fn a_first_visit_offers_the_languages_and_follows_the_browser() {
    let db = seeded().await;
    let app = app_for(&db);
    // No cookie, no preference: French, left to right, and the five languages offered on top.
    let home = send(&app, get("/")).await;
    assert_eq!(html_tag(&home.body), "html lang=\"fr\" dir=\"ltr\"");
    assert!(home.body.contains("Choisissez votre langue"), "{}", home.body);
    for (code, name) in
        [("fr", "Français"), ("en", "English"), ("ar", "العربية"), ("uk", "Українська"), ("fa-AF", "دری")]
    {
        let tags = start_tags(&home.body, &format!("value=\"{code}\""));
        assert!(
            tags.iter().any(|t| t.starts_with("button") && t.contains(&format!("lang=\"{code}\""))),
            "{code}: {tags:?}"
        );
        assert!(home.body.contains(name));
    }
    // A browser in Arabic gets the page in Arabic, right to left, the choice still offered.
    let mut req = get("/");
    req.headers_mut().insert(header::ACCEPT_LANGUAGE, "ar-MA,ar;q=0.9,fr;q=0.5".parse().unwrap());
    let ar = send(&app, req).await;
    assert_eq!(html_tag(&ar.body), "html lang=\"ar\" dir=\"rtl\"");
    assert!(ar.body.contains("المجالات العشرة التي يمكن أن نساعدك فيها"), "{}", ar.body);
    assert!(ar.body.contains("<h3 id=\"theme-logement\">السكن</h3>"), "{}", ar.body);
    assert!(ar.body.contains("Choisissez votre langue") || ar.body.contains("اختر لغتك"));
    db.drop().await;
}

#[tokio::test]
async fn the_chosen_language_is_remembered_and_pro_pages_stay_french() {
    let db = seeded().await;
    let app = app_for(&db);
    // The choice is a form post back to the same page (with the query), kept a year.
    let r = send(&app, post("/langue", ORIGIN, "langue=uk&retour=%2Fcatalogue%3Fq%3Dcv")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/catalogue?q=cv");
    let cookie = r.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with("langue=uk;") && cookie.contains("Max-Age=31536000") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let uk = send(&app, in_language(get("/catalogue?q=cv"), "uk")).await;
    assert_eq!(html_tag(&uk.body), "html lang=\"uk\" dir=\"ltr\"");
    assert!(uk.body.contains("Знайти допомогу поруч"), "{}", uk.body);
    // Chosen: no banner any more, a link to change it in the menu.
    assert!(!uk.body.contains("Choisissez votre langue") && uk.body.contains("href=\"/langue\""));
    // The language never narrows the search: the same offers, in the same order.
    let fr = send(&app, get("/catalogue?q=cv")).await;
    assert!(!offer_ids(&fr.body).is_empty());
    assert_eq!(offer_ids(&uk.body), offer_ids(&fr.body));
    // Offer texts stay in French, said so and marked for screen readers.
    assert!(uk.body.contains("Тексти пропозицій — французькою мовою."));
    assert!(uk.body.contains("<h3 lang=\"fr\">"), "{}", uk.body);
    // The professionals' pages stay in French, whatever the cookie.
    let pro = send(&app, in_language(get("/pro/connexion"), "ar")).await;
    assert_eq!(html_tag(&pro.body), "html lang=\"fr\" dir=\"ltr\"");
    db.drop().await;
}

#[tokio::test]
async fn the_language_form_refuses_other_sites_other_places_and_unknown_languages() {
    let db = seeded().await;
    let app = app_for(&db);
    let r = send(&app, post("/langue", Some("https://evil.example"), "langue=en&retour=%2F")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(&app, post("/langue", ORIGIN, "langue=en&retour=%2F%2Fevil.example")).await;
    assert_eq!((r.status, r.headers[header::LOCATION].to_str().unwrap()), (StatusCode::SEE_OTHER, "/"));
    let r = send(&app, post("/langue", ORIGIN, "langue=klingon&retour=%2F")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Langue inconnue"), "{}", r.body);
    assert!(!r.headers.contains_key(header::SET_COOKIE));
    db.drop().await;
}

#[tokio::test]
async fn every_person_page_exists_in_every_language_with_no_message_key_shown() {
    let db = seeded().await;
    let app = app_for(&db);
    let keys = message_keys();
    assert!(keys.len() > 200, "{}", keys.len());
    let seance = first_seance(&app).await;
    let offre = offer_ids(&send(&app, get("/catalogue")).await.body)[0].to_owned();
    let pages = [
        "/".to_owned(),
        "/bienvenue?territoire=comminges".into(),
        "/etapes".into(),
        "/etapes/droits-et-devoirs".into(),
        "/catalogue".into(),
        "/catalogue?q=zzzzzz".into(),
        format!("/offres/{offre}"),
        "/mes-offres".into(),
        "/ateliers".into(),
        format!("/ateliers/{seance}"),
        "/mes-badges".into(),
        "/langue".into(),
        "/page-qui-n-existe-pas".into(),
    ];
    for (code, dir, word) in [
        ("en", "ltr", "Find help"),
        ("ar", "rtl", "البحث عن مساعدة"),
        ("uk", "ltr", "Знайти допомогу"),
        ("fa-AF", "rtl", "پیدا کردن کمک"),
    ] {
        for page in &pages {
            let r = send(&app, in_language(get(page), code)).await;
            assert!(r.status == StatusCode::OK || page.contains("n-existe-pas"), "{code} {page}: {}", r.status);
            assert_eq!(html_tag(&r.body), format!("html lang=\"{code}\" dir=\"{dir}\""), "{code} {page}");
            assert!(r.body.contains(word), "{code} {page}: the menu is not translated");
            // Text between tags only: attribute values (ids, classes) may look like keys.
            let text: String =
                r.body.split('<').filter_map(|t| t.split_once('>').map(|(_, x)| x)).collect::<Vec<_>>().join(" ");
            for k in &keys {
                assert!(!text.contains(k.as_str()), "{code} {page}: message key {k} shown");
            }
        }
    }
    // A mistyped letter's link: the kind page and its human contact, in the person's language.
    let r = send(&app, in_language(get("/i/AAAA-BBBB-CCCC"), "uk")).await;
    assert_eq!(html_tag(&r.body), "html lang=\"uk\" dir=\"ltr\"");
    assert!(r.body.contains("Такого посилання не існує") && r.body.contains("Поговоріть із людиною"), "{}", r.body);
    // The steps and their pages are written in the language, the territory's delay included.
    let en = send(&app, in_language(get("/etapes?territoire=comminges"), "en")).await;
    assert!(en.body.contains("Within 3 weeks of your application"), "{}", en.body);
    let page = send(&app, in_language(get("/etapes/droits-et-devoirs"), "ar")).await;
    assert!(page.body.contains("<h2>حقوقك</h2>"), "{}", page.body);
    db.drop().await;
}

#[tokio::test]
async fn a_registration_form_refused_speaks_the_persons_language() {
    let db = seeded().await;
    let app = app_for(&db);
    let seance = first_seance(&app).await;
    let r = send(
        &app,
        as_page(in_language(post(&format!("/ateliers/{seance}"), ORIGIN, "prenom=&nom=&telephone=&courriel="), "en")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Enter your first name.") && r.body.contains("The form has 4 errors"), "{}", r.body);
    assert!(r.body.contains("First name (required)"), "{}", r.body);
    db.drop().await;
}

#[tokio::test]
async fn a_lost_badge_link_request_refused_speaks_the_persons_language() {
    let db = seeded().await;
    let app = app_for(&db);
    let r = send(&app, as_page(in_language(post("/mes-badges", ORIGIN, "contact=pas-un-contact"), "ar"))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("اكتب رقم الهاتف المحمول (06 أو 07)"), "{}", r.body);
    assert_eq!(html_tag(&r.body), "html lang=\"ar\" dir=\"rtl\"");
    db.drop().await;
}
