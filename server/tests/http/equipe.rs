use super::*;

/// A professional's account, signed in through the form: the `name=value` of their cookie.
pub(super) async fn account(
    app: &Router,
    db: &TestDb,
    email: &str,
    structure: &str,
    role: app::auth::model::Role,
) -> String {
    let s =
        app::organisation::service::find(&db.db, &format!("itineraire-exemple:{structure}")).await.unwrap().unwrap();
    let input = app::auth::session::AccountInput {
        email: email.into(),
        nom: format!("Nom de {email}"),
        role,
        structure_id: Some(s.id),
        password: "un mot de passe long".into(),
    };
    app::auth::session::put_account(&db.db, input).await.unwrap();
    let body = format!("email={}&mot_de_passe=un+mot+de+passe+long&suite=%2Fpro", email.replace('@', "%40"));
    let r = send(app, post("/pro/connexion", ORIGIN, &body)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.headers[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned()
}

pub(super) async fn staff(db: &TestDb, cookie: &str) -> app::auth::model::Staff {
    let token = cookie.split_once('=').unwrap().1;
    app::auth::session::staff_for_token(&db.db, token, chrono::Utc::now()).await.unwrap().unwrap()
}

/// The path of the last password link e-mailed to `to`.
async fn link_to(db: &TestDb, kind: &str, to: &str) -> String {
    let all = app::outbox::entity::Entity::find().all(&db.db).await.unwrap();
    all.into_iter()
        .rev()
        .find(|m| m.kind == kind && m.destinataire == to)
        .and_then(|m| m.lien)
        .expect("a link was sent")
}

#[tokio::test]
async fn a_forgotten_password_is_chosen_again_through_the_emailed_link() {
    let db = seeded_with_account().await;
    let app = app_for(&db);
    let old = sign_in(&app).await;
    assert!(send(&app, get("/pro/connexion")).await.body.contains("href=\"/pro/mot-de-passe-oublie\""));
    let r = send(&app, post("/pro/mot-de-passe-oublie", ORIGIN, "email=pas+une+adresse")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Indiquez votre adresse e-mail"), "{}", r.body);
    // Known or unknown, the same answer.
    for email in ["inconnu%40ailleurs.example", "camille%40mobil.example"] {
        let r = send(&app, post("/pro/mot-de-passe-oublie", ORIGIN, &format!("email={email}"))).await;
        assert_eq!(
            (r.status, r.headers[header::LOCATION].to_str().unwrap()),
            (StatusCode::SEE_OTHER, "/pro/mot-de-passe-oublie?envoye=1")
        );
    }
    assert!(send(&app, get("/pro/mot-de-passe-oublie?envoye=1"))
        .await
        .body
        .contains("Si un compte existe avec cette adresse"));
    let link = link_to(&db, "mot_de_passe", "camille@mobil.example").await;
    let r = send(&app, get(&link)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("camille@mobil.example") && r.body.contains("noindex"), "{}", r.body);
    let r = send(&app, post(&link, ORIGIN, "mot_de_passe=nouveau+mot+de+passe&confirmation=autre+chose+encore")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("Les deux mots de passe ne sont pas les mêmes") && !r.body.contains("nouveau mot de passe\""),
        "{}",
        r.body
    );
    let r =
        send(&app, post(&link, ORIGIN, "mot_de_passe=nouveau+mot+de+passe&confirmation=nouveau+mot+de+passe")).await;
    assert_eq!(
        (r.status, r.headers[header::LOCATION].to_str().unwrap()),
        (StatusCode::SEE_OTHER, "/pro/connexion?motdepasse=1")
    );
    // The old session is closed; the link is spent; the new password signs in.
    assert!(send(&app, with_cookie(get("/pro/carnets"), &old)).await.body.contains("Connexion nécessaire"));
    assert!(send(&app, get(&link)).await.body.contains("Ce lien n’est plus valable"));
    let r = send(&app, post(&link, ORIGIN, "mot_de_passe=encore+un+mot+de+passe&confirmation=encore+un+mot+de+passe"))
        .await;
    assert_eq!(r.status, StatusCode::GONE);
    let r = send(
        &app,
        post("/pro/connexion", ORIGIN, "email=camille%40mobil.example&mot_de_passe=nouveau+mot+de+passe&suite=%2Fpro"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    db.drop().await;
}

#[tokio::test]
async fn a_structure_administrator_invites_a_colleague_who_then_signs_in() {
    use app::auth::model::Role;
    let db = seeded().await;
    let app = app_for(&db);
    let admin = account(&app, &db, "admin@mobil.example", "mobil-comminges", Role::AdminStructure).await;
    let referent = account(&app, &db, "ref@mobil.example", "mobil-comminges", Role::Referent).await;
    let r = send(&app, with_cookie(get("/pro/equipe"), &referent)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!r.body.contains("admin@mobil.example"));
    assert!(!r.body.contains("href=\"/pro/equipe\""), "the team link is only for administrators");
    let r = send(&app, with_cookie(get("/pro/equipe"), &admin)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("Équipe : Association Mobil’Comminges (exemple)") && r.body.contains("ref@mobil.example"),
        "{}",
        r.body
    );
    let structure = staff(&db, &admin).await.structure_id.unwrap();
    // Bad input: 422, French messages, typed values kept.
    let r = send(
        &app,
        with_cookie(
            post("/pro/equipe", ORIGIN, &format!("structure={structure}&nom=Lou&email=lou&role=referent")),
            &admin,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Cette adresse e-mail n’est pas valide") && r.body.contains("value=\"Lou\""), "{}", r.body);
    // A referent cannot invite, even by posting the form.
    let r = send(
        &app,
        with_cookie(
            post(
                "/pro/equipe",
                ORIGIN,
                &format!("structure={structure}&nom=Lou&email=lou%40mobil.example&role=admin_structure"),
            ),
            &referent,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = send(
        &app,
        with_cookie(
            post(
                "/pro/equipe",
                ORIGIN,
                &format!("structure={structure}&nom=Lou+Nouvelle&email=lou%40mobil.example&role=referent"),
            ),
            &admin,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(send(&app, with_cookie(get("/pro/equipe"), &admin)).await.body.contains("Invitation envoyée"));
    // Lou's e-mail: choose a password, sign in.
    let link = link_to(&db, "invitation", "lou@mobil.example").await;
    assert!(send(&app, get(&link)).await.body.contains("Bienvenue, Lou Nouvelle"));
    let r = send(&app, post(&link, ORIGIN, "mot_de_passe=le+mot+de+passe+de+Lou&confirmation=le+mot+de+passe+de+Lou"))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = send(
        &app,
        post("/pro/connexion", ORIGIN, "email=lou%40mobil.example&mot_de_passe=le+mot+de+passe+de+Lou&suite=%2Fpro"),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let lou = r.headers[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    let lou_id = staff(&db, &lou).await.id;
    // Two administrators' pages opened at the same version: the second save is told, with the stored role.
    let r = send(
        &app,
        with_cookie(
            post(&format!("/pro/equipe/{lou_id}"), ORIGIN, "version=1&role=charge_orientation&etat=actif"),
            &admin,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = send(
        &app,
        with_cookie(
            post(&format!("/pro/equipe/{lou_id}"), ORIGIN, "version=1&role=admin_structure&etat=actif"),
            &admin,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("Valeur enregistrée : « Chargé d’orientation »"), "{}", r.body);
    // Disabled: Lou's session stops at once.
    let r = send(
        &app,
        with_cookie(
            post(&format!("/pro/equipe/{lou_id}"), ORIGIN, "version=2&role=charge_orientation&etat=desactive"),
            &admin,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(send(&app, with_cookie(get("/pro/carnets"), &lou)).await.body.contains("Connexion nécessaire"));
    // "Mon compte": a new password signs out the other sessions.
    let r = send(
        &app,
        post("/pro/connexion", ORIGIN, "email=ref%40mobil.example&mot_de_passe=un+mot+de+passe+long&suite=%2Fpro"),
    )
    .await;
    let second = r.headers[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    let r = send(
        &app,
        with_cookie(
            post(
                "/pro/mon-compte",
                ORIGIN,
                "actuel=faux&mot_de_passe=un+nouveau+mot+long&confirmation=un+nouveau+mot+long",
            ),
            &referent,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Ce n’est pas votre mot de passe actuel."));
    let r = send(
        &app,
        with_cookie(
            post(
                "/pro/mon-compte",
                ORIGIN,
                "actuel=un+mot+de+passe+long&mot_de_passe=un+nouveau+mot+long&confirmation=un+nouveau+mot+long",
            ),
            &second,
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let fresh = r.headers[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    assert!(send(&app, with_cookie(get("/pro/carnets"), &referent)).await.body.contains("Connexion nécessaire"));
    assert!(send(&app, with_cookie(get("/pro/carnets"), &fresh)).await.body.contains("Les carnets que je suis"));
    db.drop().await;
}

/// Every carnet page and form post, for everyone who is not a current member: the anonymous
/// visitor and the person themself (no professional session: sent to sign in), a colleague of the
/// same structure, a professional of another structure, a former member (403). Nothing of the
/// person is shown and nothing is written.
#[tokio::test]
async fn carnet_routes_refuse_everyone_who_is_not_a_member_and_leak_nothing() {
    use app::auth::model::Role;
    use app::carnet::{identite, membres, page, personne, plan, timeline};
    let db = seeded().await;
    let app = app_for(&db);
    let now = chrono::Utc::now();
    let member = account(&app, &db, "ref@cd.example", "mds-st-gaudens", Role::Referent).await;
    let colleague = account(&app, &db, "collegue@cd.example", "mds-st-gaudens", Role::AdminStructure).await;
    let other = account(&app, &db, "ft@ft.example", "ft-st-gaudens", Role::ChargeOrientation).await;
    let former = account(&app, &db, "ancien@ccas.example", "ccas-montrejeau", Role::Referent).await;
    let m = staff(&db, &member).await;
    /// A form's struct as the server reads a post of these fields.
    fn typed<T: serde::de::DeserializeOwned>(pairs: &[(&str, &str)]) -> T {
        let fields: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        app::ui::form::parse_fields(&fields).unwrap()
    }
    let identite = identite::validate_identite(
        &typed(&[("prenom", "Inès"), ("nom", "Durand"), ("date_naissance", "1988-05-17"), ("telephone", "0611223344")]),
        now.date_naive(),
    )
    .unwrap();
    let id = identite::create(&db.db, &m, identite, now).await.unwrap();
    let oid = plan::add_objective(&db.db, &m, &id, "logement", &typed(&[("libre", "Trouver un logement")]), now)
        .await
        .unwrap();
    let aid = plan::add_action(&db.db, &m, &id, &oid, &typed(&[("libre", "Déposer un dossier")]), now).await.unwrap();
    timeline::add(&db.db, &m, &id, &typed(&[("kind", "note"), ("texte", "Premier contact.")]), now).await.unwrap();
    let f = staff(&db, &former).await;
    membres::add_member(&db.db, &m, &id, &f.id, now).await.unwrap();
    let membre =
        page::open(&db.db, &m, &id, now).await.unwrap().membres.into_iter().find(|x| x.account_id == f.id).unwrap().id;
    membres::revoke_member(&db.db, &m, &id, &membre, now).await.unwrap();
    // The person, signed in with their code.
    let demande = personne::request_code(&db.db, "0611223344", now).await.unwrap().unwrap();
    let sms = app::outbox::entity::Entity::find()
        .all(&db.db)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.kind == "code_personne")
        .unwrap();
    let code: String = sms.corps.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 6).unwrap().to_owned();
    let person =
        format!("{}={}", personne::COOKIE, personne::verify_code(&db.db, &demande, &code, now).await.unwrap().unwrap());
    let history_before = page::open(&db.db, &m, &id, now).await.unwrap().historique.len();

    let base = format!("/pro/carnets/{id}");
    let pages = [
        base.clone(),
        format!("{base}/identite"),
        format!("{base}/diagnostic/logement"),
        format!("{base}/objectifs/logement"),
        format!("{base}/objectif/{oid}"),
        format!("{base}/objectif/{oid}/actions"),
        format!("{base}/action/{aid}"),
        format!("{base}/evenement"),
    ];
    let posts = [
        (format!("{base}/identite"), "version=1&prenom=Intrus&nom=Intrus&date_naissance=1990-01-01".to_owned()),
        (format!("{base}/diagnostic/logement"), "version=0&commentaire=Intrus".to_owned()),
        (base.clone(), format!("action=ajouter&compte={}", f.id)),
        (base.clone(), format!("action=retirer&membre={membre}")),
        (format!("{base}/objectifs/logement"), "libre=Intrus+objectif".to_owned()),
        (format!("{base}/objectif/{oid}"), "version=1&statut=abandonne".to_owned()),
        (format!("{base}/objectif/{oid}"), "version=1&libelle=Intrus&statut=abandonne".to_owned()),
        (format!("{base}/objectif/{oid}/actions"), "libre=Intrus+action".to_owned()),
        (format!("{base}/action/{aid}"), "version=1&statut=fait".to_owned()),
        (format!("{base}/evenement"), "kind=note&texte=Intrus".to_owned()),
    ];
    let visitors: [(&str, Option<&str>, bool); 5] = [
        ("anonymous", None, false),
        ("the person", Some(&person), false),
        ("a colleague who does not follow", Some(&colleague), true),
        ("another structure", Some(&other), true),
        ("a former member", Some(&former), true),
    ];
    let mut checked = 0;
    for (who, cookie, signed_in) in visitors {
        let with = |req: Request<Body>| match cookie {
            Some(c) => with_cookie(req, c),
            None => req,
        };
        for page in &pages {
            let r = send(&app, with(get(page))).await;
            if signed_in {
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}: GET {page}");
                assert!(r.body.contains("Accès refusé"), "{who}: GET {page}");
            } else {
                assert!(
                    r.status.is_redirection() || r.body.contains("Connexion nécessaire"),
                    "{who}: GET {page}: {}",
                    r.status
                );
            }
            assert!(
                !r.body.contains("Durand")
                    && !r.body.contains("06 11 22 33 44")
                    && !r.body.contains("Trouver un logement"),
                "{who}: GET {page} leaks"
            );
            checked += 1;
        }
        for (path, body) in &posts {
            let r = send(&app, with(post(path, ORIGIN, body))).await;
            if signed_in {
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{who}: POST {path} {body}");
            } else {
                assert_eq!(r.status, StatusCode::SEE_OTHER, "{who}: POST {path}");
                assert!(
                    r.headers[header::LOCATION].to_str().unwrap().starts_with("/pro/connexion"),
                    "{who}: POST {path}"
                );
            }
            assert!(!r.body.contains("Durand"), "{who}: POST {path} leaks");
            checked += 1;
        }
    }
    assert_eq!(checked, 5 * (pages.len() + posts.len()));
    // Nothing was written, nothing read by them is in the person's access log.
    let vue = page::open(&db.db, &m, &id, now).await.unwrap();
    assert_eq!(vue.historique.len(), history_before, "{:?}", vue.historique.first());
    assert!(vue.lectures.iter().all(|l| l.qui == m.nom), "{:?}", vue.lectures);
    // The member gets every page.
    for page in &pages {
        let r = send(&app, with_cookie(get(page), &member)).await;
        assert_eq!(r.status, StatusCode::OK, "member: GET {page}");
    }
    db.drop().await;
}
