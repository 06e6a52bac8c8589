use super::*;
use app::auth::model::Role;

#[tokio::test]
async fn national_admins_edit_the_everyday_words_and_the_search_uses_them_at_once() {
    let db = seeded().await;
    let app = app_for(&db);
    let admin = super::equipe::account(&app, &db, "admin@itineraire.example", "mobil-comminges", Role::Admin).await;
    let local = super::equipe::account(&app, &db, "local@mobil.example", "mobil-comminges", Role::AdminStructure).await;
    assert!(send(&app, get("/catalogue?q=tartine")).await.body.contains("Aucune offre ne correspond"));
    let page = send(&app, with_cookie(get("/pro/synonymes/difficulte_financiere"), &admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("manger : alimentaire, epicerie, colis, repas, courses"), "{}", page.body);
    let form = |mots: &str, version: &str| format!("version={version}&mots={}", app::text::urlencode(mots));
    // A structure's admin may not change the national list.
    let r = send(
        &app,
        with_cookie(post("/pro/synonymes/difficulte_financiere", ORIGIN, &form("tartine : épicerie", "1")), &local),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(send(&app, with_cookie(get("/pro/synonymes"), &local)).await.status, StatusCode::FORBIDDEN);
    // A line without its colon: a French message naming the line, nothing saved.
    let r = send(
        &app,
        with_cookie(
            post("/pro/synonymes/difficulte_financiere", ORIGIN, &form("manger : colis\ntartine épicerie", "1")),
            &admin,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Ligne 2 : écrivez le mot, deux-points"), "{}", r.body);
    // Saved: the search finds the grocery from "tartine", with the word that matched highlighted.
    let r = send(
        &app,
        with_cookie(
            post("/pro/synonymes/difficulte_financiere", ORIGIN, &form("manger : colis\ntartine : épicerie", "1")),
            &admin,
        ),
    )
    .await;
    assert_eq!(
        (r.status, r.headers[header::LOCATION].to_str().unwrap()),
        (StatusCode::SEE_OTHER, "/pro/synonymes?ok=1")
    );
    let found = send(&app, get("/catalogue?q=tartine")).await;
    assert!(found.body.contains("<mark>Épicerie</mark> solidaire"), "{}", found.body);
    // A second admin who opened the page before: 409, their text kept, the stored one shown.
    let r = send(
        &app,
        with_cookie(post("/pro/synonymes/difficulte_financiere", ORIGIN, &form("tartine : pain", "1")), &admin),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.body.contains("tartine : pain") && r.body.contains("Valeur enregistrée : « manger : colis"),
        "{}",
        r.body
    );
    // An unknown theme: 404.
    let r = send(&app, with_cookie(post("/pro/synonymes/astrologie", ORIGIN, &form("a : b", "2")), &admin)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    db.drop().await;
}

#[tokio::test]
async fn the_open_today_filter_and_each_card_say_whether_the_place_is_open_today() {
    let db = seeded().await;
    let app = app_for(&db);
    let all = send(&app, get("/catalogue?q=hebergement")).await;
    // The shelter is open day and night, whatever today is.
    assert!(all.body.contains("Ouvert aujourd’hui : toute la journée"), "{}", all.body);
    let open = send(&app, get("/catalogue?ouvert=1&q=hebergement")).await;
    assert_eq!(open.status, StatusCode::OK);
    assert!(open.body.contains(">1 offre</h2>"), "{}", open.body);
    let tags = start_tags(&open.body, "id=\"filtre-ouvert\"");
    assert!(tags.len() == 1 && tags[0].contains("checked"), "{tags:?}");
    let bad = send(&app, get("/catalogue?ouvert=peut-etre")).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(bad.body.contains("Le filtre « ouvert aujourd’hui » n’est pas compris."));
    // The offer's page gives the coming week, holidays named.
    let id = all.body.split("/offres/").nth(1).map(|s| s[..36].to_owned()).unwrap();
    let page = send(&app, get(&format!("/offres/{id}"))).await;
    assert!(page.body.contains("Horaires des 7 prochains jours"), "{}", page.body);
    db.drop().await;
}

#[tokio::test]
async fn letters_carry_a_short_link_that_opens_the_territory_then_expires_into_a_human_contact() {
    let db = seeded().await;
    let app = app_for(&db);
    // Professionals only.
    let r = send(&app, post("/pro/invitations", ORIGIN, "territoire=comminges&nombre=2")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let pro = super::equipe::account(&app, &db, "ref@mobil.example", "mobil-comminges", Role::Referent).await;
    let r = send(&app, with_cookie(post("/pro/invitations", ORIGIN, "territoire=atlantide&nombre=900"), &pro)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("Choisissez un territoire dans la liste.") && r.body.contains("entre 1 et 200"),
        "{}",
        r.body
    );
    let r = send(&app, with_cookie(post("/pro/invitations", ORIGIN, "territoire=comminges&nombre=2"), &pro)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.matches("class=\"lettre\"").count(), 2, "{}", r.body);
    assert!(r.body.contains("<svg") && r.body.contains("05 99 00 31 12"), "{}", r.body);
    // What is printed never says why the person is invited.
    let letter = r.body.split("class=\"lettre\"").nth(1).unwrap();
    assert!(!letter.to_uppercase().contains("RSA"), "{letter}");
    let link = letter.split("/i/").nth(1).map(|s| s[..14].to_owned()).unwrap();
    // Typed from paper, in lower case: on to the territory's next steps.
    let r = send(&app, get(&format!("/i/{}", link.to_lowercase()))).await;
    assert_eq!(
        (r.status, r.headers[header::LOCATION].to_str().unwrap()),
        (StatusCode::FOUND, "/bienvenue?territoire=comminges"),
        "{}",
        r.body
    );
    // An expired link: a kind page with the territory's phone number, never an error.
    let staff = super::equipe::staff(&db, &pro).await;
    let old = app::itineraire::invitation::service::create(
        &db.db,
        &staff,
        "comminges",
        1,
        60,
        chrono::Utc::now() - chrono::Duration::days(61),
    )
    .await
    .unwrap();
    let r = send(&app, get(&format!("/i/{}", old[0]))).await;
    assert_eq!(r.status, StatusCode::GONE);
    assert!(r.body.contains("Ce lien n’est plus valable") && r.body.contains("href=\"tel:0599003112\""), "{}", r.body);
    let r = send(&app, get("/i/AAAA-BBBB-CCCC")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Ce lien n’existe pas") && r.body.contains("href=\"tel:"), "{}", r.body);
    db.drop().await;
}

#[tokio::test]
async fn a_referent_orients_someone_and_the_structure_accepts_from_its_emailed_link() {
    let db = seeded().await;
    let app = app_for(&db);
    let permis =
        send(&app, get("/catalogue?q=permis")).await.body.split("/offres/").nth(1).map(|s| s[..36].to_owned()).unwrap();
    let offer = send(&app, get(&format!("/offres/{permis}"))).await;
    assert!(offer.body.contains(&format!("href=\"/pro/orienter/{permis}\"")), "{}", offer.body);
    // Not signed in: the sign-in page first.
    let r = send(&app, post(&format!("/pro/orienter/{permis}"), ORIGIN, "personne_nom=L%C3%A9a")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let pro = super::equipe::account(&app, &db, "ref@ccas.example", "ccas-montrejeau", Role::Referent).await;
    let page = send(&app, with_cookie(get(&format!("/pro/orienter/{permis}")), &pro)).await;
    assert!(page.body.contains("La personne est d’accord pour que son nom"), "{}", page.body);
    // No consent: 422, French message, what was typed kept.
    let typed = "personne_nom=L%C3%A9a+Martin&personne_contact=06+12+34+56+78&preference=sms&objet=Passer+le+permis+B";
    let r = send(&app, with_cookie(post(&format!("/pro/orienter/{permis}"), ORIGIN, typed), &pro)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Sans l’accord de la personne") && r.body.contains("Passer le permis B"), "{}", r.body);
    // A cross-site post is refused before anything.
    let r = send(
        &app,
        with_cookie(
            post(
                &format!("/pro/orienter/{permis}"),
                Some("https://ailleurs.example"),
                &format!("{typed}&consentement=oui"),
            ),
            &pro,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(
        &app,
        with_cookie(post(&format!("/pro/orienter/{permis}"), ORIGIN, &format!("{typed}&consentement=oui")), &pro),
    )
    .await;
    assert_eq!(
        (r.status, r.headers[header::LOCATION].to_str().unwrap()),
        (StatusCode::SEE_OTHER, "/pro/orientations?ok=1")
    );
    let list = send(&app, with_cookie(get("/pro/orientations"), &pro)).await;
    assert!(list.body.contains("Léa Martin") && list.body.contains("En attente de réponse"), "{}", list.body);
    // The structure opens the link from its e-mail, without an account, and answers.
    let all = app::outbox::entity::Entity::find().all(&db.db).await.unwrap();
    let link = all.iter().rev().find(|m| m.kind == "orientation").and_then(|m| m.lien.clone()).unwrap();
    let page = send(&app, get(&link)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Passer le permis B") && page.body.contains("noindex"), "{}", page.body);
    let r = send(&app, post(&link, ORIGIN, "reponse=refusee&motif=")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Pour refuser, écrivez le motif"), "{}", r.body);
    let r = send(&app, post(&link, ORIGIN, "reponse=acceptee")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(send(&app, get(&link)).await.body.contains("Acceptée"));
    let r = send(&app, post(&link, ORIGIN, "reponse=refusee&motif=complet")).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(send(&app, get("/orientation/inconnu")).await.status, StatusCode::NOT_FOUND);
    assert!(send(&app, with_cookie(get("/pro/orientations"), &pro)).await.body.contains("Acceptée"));
    db.drop().await;
}

#[tokio::test]
async fn a_filtered_list_prints_with_contacts_and_downloads_as_a_file() {
    let db = seeded().await;
    let app = app_for(&db);
    let list = send(&app, get("/catalogue?theme=mobilite")).await;
    assert!(list.body.contains("href=\"/catalogue/imprimer?theme=mobilite\""), "{}", list.body);
    let page = send(&app, get("/catalogue/imprimer?theme=mobilite")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Permis de conduire solidaire") && page.body.contains("Téléphone : "), "{}", page.body);
    assert!(!page.body.contains("Faire une demande de logement social"), "{}", page.body);
    let file = send(&app, get("/catalogue/imprimer?theme=mobilite&fichier=1")).await;
    assert_eq!(file.headers[header::CONTENT_DISPOSITION], "attachment; filename=\"aides-itineraire.html\"");
    assert_eq!(send(&app, get("/catalogue/imprimer?theme=astrologie")).await.status, StatusCode::BAD_REQUEST);
    db.drop().await;
}

#[tokio::test]
async fn a_structure_admin_sets_how_often_its_offers_are_checked_and_a_referent_cannot() {
    let db = seeded().await;
    let app = app_for(&db);
    let admin = super::equipe::account(&app, &db, "admin@mobil.example", "mobil-comminges", Role::AdminStructure).await;
    let second =
        super::equipe::account(&app, &db, "admin2@mobil.example", "mobil-comminges", Role::AdminStructure).await;
    let referent = super::equipe::account(&app, &db, "ref@mobil.example", "mobil-comminges", Role::Referent).await;
    let stale = |body: &str| body.matches("class=\"tag tag-stale\"").count();
    let page = send(&app, with_cookie(get("/pro"), &admin)).await;
    assert!(page.body.contains("depuis 180 jours (durée habituelle)"), "{}", page.body);
    assert_eq!(start_tags(&page.body, "name=\"jours\"").len(), 1, "{}", page.body);
    let stale_before = stale(&page.body);
    let offers = page.body.matches("class=\"offre-card\"").count();
    // A référent reads the rule but has no form, and a post of theirs is refused.
    let theirs = send(&app, with_cookie(get("/pro"), &referent)).await;
    assert!(
        theirs.body.contains("depuis 180 jours") && start_tags(&theirs.body, "name=\"jours\"").is_empty(),
        "{}",
        theirs.body
    );
    let r = send(&app, with_cookie(post("/pro", ORIGIN, "version=0&jours=30"), &referent)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(
        send(&app, with_cookie(post("/pro", None, "version=0&jours=30"), &admin)).await.status,
        StatusCode::FORBIDDEN
    );
    // Words or a period out of bounds: 422, a French message, what was typed kept.
    let r = send(&app, with_cookie(post("/pro", ORIGIN, "version=0&jours=trois+mois"), &admin)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("Écrivez un nombre de jours en chiffres, entre 14 et 335")
            && r.body.contains("value=\"trois mois\""),
        "{}",
        r.body
    );
    let r = send(&app, with_cookie(post("/pro", ORIGIN, "version=0&jours=400"), &admin)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Choisissez une durée entre 14 et 335 jours."), "{}", r.body);
    let r = send(&app, with_cookie(post("/pro", ORIGIN, "jours=30"), &admin)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Every 30 days: the sample (loaded 36 days old) is older than that, so each offer asks for an update.
    let r = send(&app, with_cookie(post("/pro", ORIGIN, "version=0&jours=30"), &admin)).await;
    assert_eq!((r.status, r.headers[header::LOCATION].to_str().unwrap()), (StatusCode::SEE_OTHER, "/pro?ok=periode"));
    let page = send(&app, with_cookie(get("/pro?ok=periode"), &admin)).await;
    assert!(
        page.body.contains("La durée est enregistrée.")
            && page.body.contains("depuis 30 jours (durée choisie par votre structure)"),
        "{}",
        page.body
    );
    assert_eq!(stale(&page.body), offers, "{}", page.body);
    // The second admin opened the page before: 409, their number kept, the stored one shown.
    let r = send(&app, with_cookie(post("/pro", ORIGIN, "version=0&jours=60"), &second)).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.body.contains("Quelqu’un a changé la durée") && r.body.contains("Valeur enregistrée : « 30 »"),
        "{}",
        r.body
    );
    assert!(r.body.contains("value=\"60\"") && r.body.contains("name=\"version\" value=\"1\""), "{}", r.body);
    // Back to the usual period: the list is as it was.
    let r = send(&app, with_cookie(post("/pro", ORIGIN, "version=1&jours=30&action=habituelle"), &second)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = send(&app, with_cookie(get("/pro"), &admin)).await;
    assert!(page.body.contains("(durée habituelle)") && stale(&page.body) == stale_before, "{}", page.body);
    db.drop().await;
}
