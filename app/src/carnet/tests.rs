//! The carnet's rules: who may do what (a matrix over every function and every kind of
//! professional), no lost update under concurrent edits, a history and an access log.
#![allow(clippy::unwrap_used)] // Tests stop at the first unexpected answer.
use super::diagnostic::DiagnosticContent;
use super::identite::Identite;
use super::{acces, avancement, diagnostic, identite, liste, membres, page};
use crate::auth::model::{Role, Staff};
use crate::db::testing::TestDb;
use crate::error::EditError;
use crate::test_support::{allowed, form, load_sample, pro, read, typed};
use chrono::{NaiveDate, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};

fn lea() -> Identite {
    Identite {
        prenom: "Léa".into(),
        nom: "Martin".into(),
        date_naissance: NaiveDate::from_ymd_opt(1990, 4, 12).unwrap(),
        numero_caf: Some("1234567".into()),
        telephone: Some("06 12 34 56 78".into()),
        courriel: None,
        adresse: None,
    }
}

/// The ids of the first two situations of a theme.
async fn situations(db: &DatabaseConnection, theme: &str) -> Vec<i32> {
    use crate::referentiel::db::situation;
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    situation::Entity::find()
        .filter(situation::Column::ThemeCode.eq(theme))
        .order_by_asc(situation::Column::Position)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect()
}

#[tokio::test]
async fn every_function_checks_who_is_asking() {
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let referent = pro(db, "mobil-comminges", Role::Referent, "Camille Référente").await;
        let colleague = pro(db, "mobil-comminges", Role::Referent, "Sam Collègue").await;
        let other = pro(db, "ccas-montrejeau", Role::Referent, "Autre Structure").await;
        let orientation = pro(db, "ccas-montrejeau", Role::ChargeOrientation, "Chargée Orientation").await;
        let admin_structure = pro(db, "mobil-comminges", Role::AdminStructure, "Admin Structure").await;
        let mut admin = pro(db, "mobil-comminges", Role::Admin, "Admin National").await;
        admin.structure_id = None;
        let former = pro(db, "ccas-montrejeau", Role::Referent, "Ancien Membre").await;

        let id = identite::create(db, &referent, lea(), now).await.unwrap();
        assert_eq!(allowed(&identite::create(db, &admin, lea(), now).await), "no-structure", "{b}");
        // The référent unique gives access to the orientation manager and to a future former member.
        membres::add_member(db, &referent, &id, &orientation.id, now).await.unwrap();
        membres::add_member(db, &orientation, &id, &former.id, now).await.unwrap();
        let vue = page::open(db, &referent, &id, now).await.unwrap();
        let former_membre = vue.membres.iter().find(|m| m.account_id == former.id).unwrap().id.clone();
        membres::revoke_member(db, &orientation, &id, &former_membre, now).await.unwrap();
        let logement = situations(db, "logement").await;
        let content = || DiagnosticContent { situations: [logement[0]].into_iter().collect(), commentaire: None };

        // (who, may read and edit, may manage members)
        let cases: [(&Staff, &str, &str); 7] = [
            (&referent, "ok", "ok"),
            (&orientation, "ok", "ok"),
            (&colleague, "403", "403"),
            (&other, "403", "403"),
            (&admin_structure, "403", "403"),
            (&admin, "403", "403"),
            (&former, "403", "403"),
        ];
        for (who, edit, manage) in cases {
            let name = &who.nom;
            let version = page::open(db, &referent, &id, now)
                .await
                .unwrap()
                .identite
                .iter()
                .find(|(k, _)| k == "version")
                .unwrap()
                .1
                .parse()
                .unwrap();
            assert_eq!(allowed(&acces::membership(db, who, &id).await), edit, "{b}: membership {name}");
            assert_eq!(allowed(&page::open(db, who, &id, now).await), edit, "{b}: open {name}");
            assert_eq!(allowed(&acces::read(db, who, &id, now).await), edit, "{b}: read {name}");
            assert_eq!(
                allowed(&diagnostic::theme_diagnostic(db, who, &id, "logement", now).await),
                edit,
                "{b}: theme {name}"
            );
            assert_eq!(
                allowed(&identite::update_identite(db, who, &id, version, lea(), now).await),
                edit,
                "{b}: identite {name}"
            );
            let d = page::open(db, &referent, &id, now)
                .await
                .unwrap()
                .diagnostic
                .into_iter()
                .find(|d| d.code == "logement")
                .unwrap();
            assert_eq!(
                allowed(&diagnostic::update_diagnostic(db, who, &id, "logement", d.version, content(), now).await),
                edit,
                "{b}: diagnostic {name}"
            );
            assert_eq!(
                allowed(&membres::add_member(db, who, &id, &colleague.id, now).await),
                manage,
                "{b}: add {name}"
            );
            // Undo the addition so the next row starts from the same members.
            if manage == "ok" {
                let m = page::open(db, &referent, &id, now)
                    .await
                    .unwrap()
                    .membres
                    .into_iter()
                    .find(|m| m.account_id == colleague.id)
                    .unwrap();
                membres::revoke_member(db, who, &id, &m.id, now).await.unwrap();
            }
            let orientation_membre = page::open(db, &referent, &id, now)
                .await
                .unwrap()
                .membres
                .into_iter()
                .find(|m| m.account_id == orientation.id)
                .unwrap();
            assert_eq!(
                allowed(&membres::set_referent_unique(db, who, &id, &orientation_membre.id, now).await),
                manage,
                "{b}: référent {name}"
            );
            // Back to the référent as référent unique.
            let first = page::open(db, &referent, &id, now)
                .await
                .unwrap()
                .membres
                .into_iter()
                .find(|m| m.account_id == referent.id)
                .unwrap();
            membres::set_referent_unique(db, &orientation, &id, &first.id, now).await.unwrap();
            let (list, total) = liste::list(db, who, &Default::default(), 1, now).await.unwrap();
            assert_eq!((total == 1, list.len() == 1), (edit == "ok", edit == "ok"), "{b}: list {name}");
        }
        // A member who only follows (not référent unique) cannot manage members, but may leave.
        membres::add_member(db, &orientation, &id, &colleague.id, now).await.unwrap();
        assert_eq!(allowed(&membres::add_member(db, &colleague, &id, &other.id, now).await), "403", "{b}");
        let mine = page::open(db, &colleague, &id, now)
            .await
            .unwrap()
            .membres
            .into_iter()
            .find(|m| m.account_id == colleague.id)
            .unwrap();
        let referent_row = page::open(db, &colleague, &id, now)
            .await
            .unwrap()
            .membres
            .into_iter()
            .find(|m| m.account_id == referent.id)
            .unwrap();
        assert_eq!(allowed(&membres::revoke_member(db, &colleague, &id, &referent_row.id, now).await), "403", "{b}");
        membres::revoke_member(db, &colleague, &id, &mine.id, now).await.unwrap();
        assert_eq!(allowed(&page::open(db, &colleague, &id, now).await), "403", "{b}");
        // Unknown or malformed carnets: 404, for everyone.
        assert_eq!(allowed(&page::open(db, &referent, &uuid::Uuid::new_v4().to_string(), now).await), "404", "{b}");
        assert_eq!(allowed(&page::open(db, &referent, "../../etc", now).await), "404", "{b}");
        // Every read by a member is in the log the person sees; refused reads are not.
        let vue = page::open(db, &referent, &id, now).await.unwrap();
        assert!(
            vue.lectures
                .iter()
                .all(|l| ["Camille Référente", "Chargée Orientation", "Sam Collègue"].contains(&l.qui.as_str())),
            "{b}"
        );
        assert!(vue.lectures.iter().any(|l| l.qui == "Sam Collègue"), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn concurrent_edits_of_one_item_conflict_and_of_different_items_both_land() {
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let a = pro(db, "mobil-comminges", Role::Referent, "Alice").await;
        let bob = pro(db, "ccas-montrejeau", Role::ChargeOrientation, "Bob").await;
        let id = identite::create(db, &a, lea(), now).await.unwrap();
        membres::add_member(db, &a, &id, &bob.id, now).await.unwrap();
        let logement = situations(db, "logement").await;
        let sante = situations(db, "sante").await;

        // Same theme, both from version 0 (never filled in), at the same moment: one lands, the
        // other is told and sees the stored values.
        let one =
            DiagnosticContent { situations: [logement[0]].into_iter().collect(), commentaire: Some("Alice".into()) };
        let two =
            DiagnosticContent { situations: [logement[1]].into_iter().collect(), commentaire: Some("Bob".into()) };
        let (x, y) = tokio::join!(
            diagnostic::update_diagnostic(db, &a, &id, "logement", 0, one, now),
            diagnostic::update_diagnostic(db, &bob, &id, "logement", 0, two, now)
        );
        let outcomes = [allowed(&x), allowed(&y)];
        assert!(outcomes.contains(&"ok") && outcomes.contains(&"conflict"), "{b}: {outcomes:?}");
        let conflict = if x.is_err() { x } else { y };
        let Err(EditError::Conflict { stored, version }) = conflict else { unreachable!() };
        assert_eq!(version, 1, "{b}");
        assert!(stored.iter().any(|(k, v)| k == "commentaire" && (v == "Alice" || v == "Bob")), "{b}");

        // Same theme again, both from version 1: still exactly one.
        let c = |s: i32, who: &str| DiagnosticContent {
            situations: [s].into_iter().collect(),
            commentaire: Some(who.into()),
        };
        let (x, y) = tokio::join!(
            diagnostic::update_diagnostic(db, &a, &id, "logement", 1, c(logement[2], "Alice 2"), now),
            diagnostic::update_diagnostic(db, &bob, &id, "logement", 1, c(logement[3], "Bob 2"), now)
        );
        assert_eq!([allowed(&x), allowed(&y)].iter().filter(|o| **o == "ok").count(), 1, "{b}");
        // Different themes at once: both land.
        let (x, y) = tokio::join!(
            diagnostic::update_diagnostic(db, &a, &id, "sante", 0, c(sante[0], "santé"), now),
            diagnostic::update_diagnostic(
                db,
                &bob,
                &id,
                "emploi",
                0,
                DiagnosticContent { situations: Default::default(), commentaire: Some("emploi".into()) },
                now
            )
        );
        assert_eq!((allowed(&x), allowed(&y)), ("ok", "ok"), "{b}");
        // The identity and a theme at once: both land.
        let v = page::open(db, &a, &id, now)
            .await
            .unwrap()
            .identite
            .iter()
            .find(|(k, _)| k == "version")
            .unwrap()
            .1
            .parse()
            .unwrap();
        let mut renamed = lea();
        renamed.adresse = Some("4 rue Thiers, Saint-Gaudens".into());
        let (x, y) = tokio::join!(
            identite::update_identite(db, &a, &id, v, renamed, now),
            diagnostic::update_diagnostic(db, &bob, &id, "sante", 1, c(sante[1], "santé 2"), now)
        );
        assert_eq!((allowed(&x), allowed(&y)), ("ok", "ok"), "{b}");
        // A stale identity form: conflict with the stored values, nothing overwritten.
        assert_eq!(allowed(&identite::update_identite(db, &bob, &id, v, lea(), now).await), "conflict", "{b}");
        let vue = page::open(db, &a, &id, now).await.unwrap();
        assert!(vue.identite.contains(&("adresse".into(), "4 rue Thiers, Saint-Gaudens".into())), "{b}");

        // The history tells who changed what, with before and after.
        let sante_changes: Vec<_> = vue.historique.iter().filter(|h| h.objet == "Diagnostic : Santé").collect();
        assert_eq!(sante_changes.len(), 2, "{b}: {:?}", vue.historique);
        assert_eq!(sante_changes[0].qui, "Bob (CCAS de Montréjeau (exemple))", "{b}");
        assert!(
            sante_changes[0].avant.contains(&("commentaire".into(), "santé".into())),
            "{b}: {:?}",
            sante_changes[0]
        );
        assert!(sante_changes[0].apres.contains(&("commentaire".into(), "santé 2".into())), "{b}");
        let identity = vue.historique.iter().find(|h| h.objet == "Identité et contact").unwrap();
        assert!(
            identity.apres.contains(&("adresse".into(), "4 rue Thiers, Saint-Gaudens".into())),
            "{b}: {identity:?}"
        );
        t.drop().await;
    }
}

#[tokio::test]
async fn bad_input_gets_french_messages_and_changes_nothing() {
    let t = TestDb::sqlite().await;
    let db = &t.db;
    load_sample(db).await;
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let errors = identite::validate_identite(
        &typed(&[
            ("prenom", ""),
            ("nom", &"x".repeat(101)),
            ("date_naissance", "2030-01-01"),
            ("numero_caf", "12ab"),
            ("telephone", "12"),
            ("courriel", "a@"),
        ]),
        today,
    )
    .unwrap_err();
    let keys: Vec<&str> = errors.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, vec!["prenom", "nom", "date_naissance", "numero_caf", "telephone", "courriel"]);
    assert!(identite::validate_identite(
        &typed(&[("prenom", "Léa"), ("nom", "Martin"), ("date_naissance", "31/12/1990")]),
        today
    )
    .is_err());
    let ok = identite::validate_identite(
        &typed(&[("prenom", "Léa"), ("nom", "Martin"), ("date_naissance", "1990-12-31"), ("telephone", "0612345678")]),
        today,
    )
    .unwrap();
    assert_eq!(ok.telephone.as_deref(), Some("06 12 34 56 78"));
    // A situation of another theme, a theme not in the référentiel.
    let sante = situations(db, "sante").await;
    let refused = |r: Result<diagnostic::DiagnosticContent, crate::error::EditError>| matches!(r, Err(crate::error::EditError::Invalid(e)) if e.iter().all(|(k, _)| k == "situations"));
    let other = diagnostic_form(&[("situations", &sante[0].to_string())]);
    assert!(refused(diagnostic::validate_diagnostic(db, "logement", &other).await));
    assert!(refused(diagnostic::validate_diagnostic(db, "astrologie", &diagnostic_form(&[])).await));
    let injected = diagnostic_form(&[("situations", "1; DROP TABLE carnet")]);
    assert!(refused(diagnostic::validate_diagnostic(db, "logement", &injected).await));
    t.drop().await;
}

/// A theme's diagnostic form posted with these fields, as the server reads it.
fn diagnostic_form(pairs: &[(&str, &str)]) -> diagnostic::DiagnosticForm {
    crate::ui::form::parse_fields(&form(pairs)).unwrap()
}

/// The last code sent to `to` (read from the outbox, as the person reads their phone).
async fn code_sent_to(db: &DatabaseConnection, to: &str) -> Option<String> {
    let m = crate::test_support::last_message(db, "code_personne", to).await?;
    assert!(!m.corps.contains("RSA"), "nothing on a lock screen says RSA");
    m.corps.split(|c: char| !c.is_ascii_digit()).find(|w| w.len() == 6).map(str::to_owned)
}

#[tokio::test]
async fn the_person_signs_in_with_a_one_time_code_and_edits_what_is_theirs() {
    use super::personne as p;
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let referent = pro(db, "mobil-comminges", Role::Referent, "Camille").await;
        let id = identite::create(db, &referent, lea(), now).await.unwrap();
        page::open(db, &referent, &id, now).await.unwrap();

        // Unknown contact: the same answer, no message. Not a contact: a French message.
        assert!(p::request_code(db, "07 99 99 99 99", now).await.unwrap().is_ok(), "{b}");
        assert_eq!(code_sent_to(db, "07 99 99 99 99").await, None, "{b}");
        assert_eq!(p::request_code(db, "bonjour", now).await.unwrap(), Err(p::CONTACT_MESSAGE), "{b}");
        // Known (typed another way): a code by SMS.
        let demande = p::request_code(db, "+33 6 12 34 56 78", now).await.unwrap().unwrap();
        let code = code_sent_to(db, "06 12 34 56 78").await.expect("a code");
        // Wrong code: told; the right one then works once.
        let wrong = if code == "000000" { "111111" } else { "000000" };
        assert_eq!(p::verify_code(db, &demande, wrong, now).await.unwrap(), Err(p::WRONG_MESSAGE), "{b}");
        let token = p::verify_code(db, &demande, &code, now).await.unwrap().unwrap();
        assert_eq!(p::verify_code(db, &demande, &code, now).await.unwrap(), Err(p::EXPIRED_MESSAGE), "{b}: single use");
        assert_eq!(p::carnet_for_token(db, &token, now).await.unwrap().as_deref(), Some(id.as_str()), "{b}");
        // Expired after 10 minutes; five wrong tries end a code.
        let late = p::request_code(db, "06 12 34 56 78", now).await.unwrap().unwrap();
        let late_code = code_sent_to(db, "06 12 34 56 78").await.unwrap();
        assert_eq!(
            p::verify_code(db, &late, &late_code, now + chrono::Duration::minutes(11)).await.unwrap(),
            Err(p::EXPIRED_MESSAGE),
            "{b}"
        );
        let tried = p::request_code(db, "06 12 34 56 78", now).await.unwrap().unwrap();
        let tried_code = code_sent_to(db, "06 12 34 56 78").await.unwrap();
        for _ in 0..p::MAX_ATTEMPTS {
            let _ = p::verify_code(db, &tried, "999999x", now).await.unwrap();
        }
        assert!(p::verify_code(db, &tried, &tried_code, now).await.unwrap().is_err(), "{b}: blocked after five tries");
        // A fourth code within a quarter of an hour is not sent (each may cost an SMS).
        p::request_code(db, "06 12 34 56 78", now).await.unwrap().unwrap();
        let sent = crate::outbox::entity::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.kind == "code_personne")
            .count();
        assert_eq!(sent, 3, "{b}");

        // What the person sees: their carnet, who follows them, who read it.
        let mine = p::view(db, &id).await.unwrap();
        assert_eq!(mine.prenom, "Léa", "{b}");
        assert_eq!(mine.membres[0].nom, "Camille", "{b}");
        assert!(mine.lectures.iter().any(|l| l.qui == "Camille"), "{b}");
        // Their contact details: saved, in the history under their name; name and birth date untouched.
        let version = mine.contact.iter().find(|(k, _)| k == "version").unwrap().1.parse().unwrap();
        let fields = form(&[
            ("telephone", "07 11 22 33 44"),
            ("courriel", "lea@example.org"),
            ("adresse", ""),
            ("prenom", "Pirate"),
        ]);
        p::update_contact(db, &id, version, &read(&fields), now).await.unwrap();
        let mine = p::view(db, &id).await.unwrap();
        assert!(mine.contact.contains(&("telephone".into(), "07 11 22 33 44".into())), "{b}");
        assert_eq!(mine.prenom, "Léa", "{b}: the person cannot rename themself");
        assert_eq!(mine.historique[0].qui, "Léa Martin (la personne)", "{b}");
        assert_eq!(
            allowed(&p::update_contact(db, &id, version, &read(&fields), now).await),
            "conflict",
            "{b}: a stale form"
        );
        assert_eq!(
            allowed(&p::update_contact(db, &id, version + 1, &typed(&[("telephone", "12")]), now).await),
            "invalid",
            "{b}"
        );
        // Their own words on a theme, next to the professionals' (who see them).
        p::update_commentaire(db, &id, "logement", 0, "Je cherche un T2 près de Saint-Gaudens.", now).await.unwrap();
        let logement = page::open(db, &referent, &id, now)
            .await
            .unwrap()
            .diagnostic
            .into_iter()
            .find(|d| d.code == "logement")
            .unwrap();
        assert_eq!(logement.commentaire_personne, "Je cherche un T2 près de Saint-Gaudens.", "{b}");
        assert_eq!(allowed(&p::update_commentaire(db, &id, "astrologie", 0, "x", now).await), "404", "{b}");
        assert_eq!(
            allowed(&p::update_commentaire(db, &id, "logement", 1, &"x".repeat(2001), now).await),
            "invalid",
            "{b}"
        );
        // All their data, as a file.
        let data = p::export(db, &id).await.unwrap();
        assert_eq!(data["identite"]["telephone"], "07 11 22 33 44", "{b}");
        assert_eq!(data["diagnostic"][0]["votre_commentaire"], "Je cherche un T2 près de Saint-Gaudens.", "{b}");
        assert!(data["consultations"].as_array().unwrap().iter().any(|r| r["qui"] == "Camille"), "{b}");
        // Signing out closes the session.
        p::sign_out(db, &token).await.unwrap();
        assert_eq!(p::carnet_for_token(db, &token, now).await.unwrap(), None, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn members_set_objectives_and_actions_and_the_person_marks_theirs_done() {
    use super::{personne as p, plan};
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let referent = pro(db, "mobil-comminges", Role::Referent, "Camille").await;
        let stranger = pro(db, "ccas-montrejeau", Role::Referent, "Autre").await;
        let id = identite::create(db, &referent, lea(), now).await.unwrap();
        // An objective from the référentiel of the theme; one in free words; a bad choice.
        let choix = plan::objective_form(db, &referent, &id, "mobilite").await.unwrap();
        let (ref_id, ref_label) = choix.referentiel[0].clone();
        let oid = plan::add_objective(db, &referent, &id, "mobilite", &typed(&[("ref", &ref_id)]), now).await.unwrap();
        plan::add_objective(db, &referent, &id, "mobilite", &typed(&[("libre", "Acheter un vélo")]), now)
            .await
            .unwrap();
        assert_eq!(
            allowed(&plan::add_objective(db, &referent, &id, "mobilite", &typed(&[("ref", "999999")]), now).await),
            "invalid",
            "{b}"
        );
        assert_eq!(
            allowed(
                &plan::add_objective(db, &referent, &id, "astrologie", &typed(&[("libre", "Lire les étoiles")]), now)
                    .await
            ),
            "404",
            "{b}"
        );
        assert_eq!(
            allowed(&plan::add_objective(db, &stranger, &id, "mobilite", &typed(&[("libre", "Intrus")]), now).await),
            "403",
            "{b}"
        );
        // An action that prescribes an offer of the catalogue on the theme; a bad date.
        let actions = plan::action_form(db, &referent, &id, &oid).await.unwrap();
        let (offre_id, offre_label) =
            actions.offres.iter().find(|(_, l)| l.contains("Permis")).cloned().expect("an offer on mobility");
        // Due dates are written from today: the test never expires.
        let due = crate::dates::today(now) + chrono::Duration::days(60);
        let (in_two_months, shown) = (due.format("%Y-%m-%d").to_string(), due.format("%d/%m/%Y").to_string());
        let aid = plan::add_action(
            db,
            &referent,
            &id,
            &oid,
            &typed(&[("offre", &offre_id), ("echeance", &in_two_months)]),
            now,
        )
        .await
        .unwrap();
        assert_eq!(
            allowed(&plan::add_action(db, &referent, &id, &oid, &typed(&[("offre", "inconnue")]), now).await),
            "invalid",
            "{b}"
        );
        assert_eq!(
            allowed(
                &plan::add_action(
                    db,
                    &referent,
                    &id,
                    &oid,
                    &typed(&[("libre", "Réviser le code"), ("echeance", "31/01/2027")]),
                    now
                )
                .await
            ),
            "invalid",
            "{b}"
        );
        assert_eq!(allowed(&plan::action_form(db, &stranger, &id, &oid).await), "403", "{b}");
        // The person sees it, with the offer, and marks it done; a stale click is a conflict.
        let mine = p::view(db, &id).await.unwrap();
        let mobilite = mine.diagnostic.iter().find(|d| d.code == "mobilite").unwrap();
        assert_eq!(mobilite.objectifs.len(), 2, "{b}");
        assert_eq!(mobilite.objectifs[0].libelle, ref_label, "{b}");
        let a = &mobilite.objectifs[0].actions[0];
        assert_eq!(a.offre.as_ref().map(|(id, _)| id.as_str()), Some(offre_id.as_str()), "{b}");
        assert!(offre_label.starts_with(&a.offre.as_ref().unwrap().1), "{b}");
        assert_eq!(a.echeance.as_deref(), Some(shown.as_str()), "{b}");
        let me = p::author(db, &id).await.unwrap();
        avancement::set_action_status(db, &me, &id, &aid, a.version, "fait", now).await.unwrap();
        assert_eq!(
            allowed(&avancement::set_action_status(db, &me, &id, &aid, a.version, "a_faire", now).await),
            "conflict",
            "{b}"
        );
        // Members change statuses; strangers cannot; unknown statuses are refused.
        assert_eq!(
            allowed(&avancement::set_objective_status(db, &referent, &id, &oid, 1, "atteint", now).await),
            "ok",
            "{b}"
        );
        assert_eq!(
            allowed(&avancement::set_objective_status(db, &referent, &id, &oid, 2, "envolé", now).await),
            "invalid",
            "{b}"
        );
        assert_eq!(
            allowed(&avancement::set_objective_status(db, &stranger, &id, &oid, 2, "en_cours", now).await),
            "403",
            "{b}"
        );
        assert_eq!(
            allowed(&avancement::set_action_status_as_member(db, &stranger, &id, &aid, 2, "en_cours", now).await),
            "403",
            "{b}"
        );
        let vue = page::open(db, &referent, &id, now).await.unwrap();
        let done = vue
            .historique
            .iter()
            .find(|h| h.objet == "Action : Mobilité" && h.qui == "Léa Martin (la personne)")
            .expect("the person's change");
        assert!(done.apres.contains(&("statut".into(), "Fait".into())), "{b}: {done:?}");
        let data = p::export(db, &id).await.unwrap();
        let objectifs = &data["diagnostic"][0]["objectifs"];
        assert_eq!(objectifs[0]["statut"], "Atteint", "{b}: {data}");
        assert_eq!(objectifs[0]["actions"][0]["statut"], "Fait", "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn appointments_and_notes_go_on_the_timeline_the_person_reads() {
    use super::{personne as p, timeline};
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let referent = pro(db, "mobil-comminges", Role::Referent, "Camille").await;
        let stranger = pro(db, "ccas-montrejeau", Role::Referent, "Autre").await;
        let id = identite::create(db, &referent, lea(), now).await.unwrap();
        let rdv = form(&[
            ("kind", "rendez_vous"),
            ("date", "2099-03-02"),
            ("heure", "09:30"),
            ("lieu", "Maison des solidarités"),
            ("texte", "Faire le point sur le logement."),
        ]);
        timeline::add(db, &referent, &id, &read(&rdv), now).await.unwrap();
        timeline::add(db, &referent, &id, &typed(&[("kind", "note"), ("texte", "A trouvé un garage solidaire.")]), now)
            .await
            .unwrap();
        assert_eq!(allowed(&timeline::add(db, &stranger, &id, &read(&rdv), now).await), "403", "{b}");
        for bad in [
            form(&[("kind", "fête"), ("texte", "x")]),
            form(&[("kind", "rendez_vous"), ("date", "2099-02-30"), ("heure", "09:30"), ("texte", "x")]),
            form(&[("kind", "note"), ("texte", "")]),
        ] {
            assert_eq!(allowed(&timeline::add(db, &referent, &id, &read(&bad), now).await), "invalid", "{b}: {bad:?}");
        }
        let mine = p::view(db, &id).await.unwrap();
        assert_eq!(mine.evenements.len(), 2, "{b}");
        assert!(
            mine.evenements[0].rendez_vous && mine.evenements[0].a_venir,
            "{b}: the appointment (2099) comes first"
        );
        assert_eq!(mine.evenements[0].quand, "lundi 2 mars 2099 à 9 h 30", "{b}");
        assert_eq!(mine.evenements[1].texte, "A trouvé un garage solidaire.", "{b}");
        assert!(mine.historique.iter().any(|h| h.objet == "Rendez-vous et notes"), "{b}");
        assert_eq!(p::export(db, &id).await.unwrap()["rendez_vous_et_notes"].as_array().unwrap().len(), 2, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn two_referents_editing_one_objective_one_lands_and_the_other_sees_the_stored_wording() {
    use super::plan;
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let cd = pro(db, "mds-st-gaudens", Role::Referent, "Référente CD").await;
        let ft = pro(db, "ft-st-gaudens", Role::Referent, "Conseiller FT").await;
        let stranger = pro(db, "ccas-montrejeau", Role::Referent, "Autre").await;
        let id = identite::create(db, &cd, lea(), now).await.unwrap();
        membres::add_member(db, &cd, &id, &ft.id, now).await.unwrap();
        let oid =
            plan::add_objective(db, &cd, &id, "emploi", &typed(&[("libre", "Trouver un emploi de cariste")]), now)
                .await
                .unwrap();
        let aid = plan::add_action(db, &cd, &id, &oid, &typed(&[("libre", "Passer le CACES")]), now).await.unwrap();
        let item = avancement::item(db, &ft, &id, true, &oid).await.unwrap();
        assert!(item.values.contains(&("libelle".into(), "Trouver un emploi de cariste".into())), "{b}");
        assert_eq!(allowed(&avancement::item(db, &stranger, &id, true, &oid).await), "403", "{b}");

        // Both from version 1 at once: exactly one lands; the other gets the stored wording.
        let mine = form(&[("libelle", "Trouver un emploi de cariste à Saint-Gaudens"), ("statut", "en_cours")]);
        let theirs = form(&[("libelle", "Trouver un emploi en logistique"), ("statut", "en_cours")]);
        let (mine, theirs) = (read(&mine), read(&theirs));
        let (x, y) = tokio::join!(
            avancement::update_item(db, &cd, &id, true, &oid, 1, &mine, now),
            avancement::update_item(db, &ft, &id, true, &oid, 1, &theirs, now)
        );
        let outcomes = [allowed(&x), allowed(&y)];
        assert!(outcomes.contains(&"ok") && outcomes.contains(&"conflict"), "{b}: {outcomes:?}");
        let Err(EditError::Conflict { stored, version }) = (if x.is_err() { x } else { y }) else { unreachable!() };
        assert_eq!(version, 2, "{b}");
        let stored_wording = stored.iter().find(|(k, _)| k == "libelle").unwrap().1.clone();
        let vue = page::open(db, &cd, &id, now).await.unwrap();
        let emploi = vue.diagnostic.iter().find(|d| d.code == "emploi").unwrap();
        assert_eq!(emploi.objectifs[0].libelle, stored_wording, "{b}: the conflict shows what is stored");
        // An action of the same carnet edited meanwhile: it lands (different items).
        let due = crate::dates::today(now) + chrono::Duration::days(120);
        let (in_four_months, shown) = (due.format("%Y-%m-%d").to_string(), due.format("%d/%m/%Y").to_string());
        let done = form(&[("libelle", "Passer le CACES R489"), ("statut", "en_cours"), ("echeance", &in_four_months)]);
        avancement::update_item(db, &ft, &id, false, &aid, 1, &read(&done), now).await.expect(b);
        // Bad input: French messages per field, nothing written.
        let bad = avancement::update_item(
            db,
            &cd,
            &id,
            false,
            &aid,
            2,
            &typed(&[("libelle", "x"), ("statut", "envolé"), ("echeance", "1999-01-01")]),
            now,
        )
        .await;
        assert!(matches!(&bad, Err(EditError::Invalid(e)) if e.len() == 3), "{b}: {bad:?}");
        assert_eq!(
            allowed(&avancement::update_item(db, &stranger, &id, false, &aid, 2, &read(&done), now).await),
            "403",
            "{b}"
        );
        let vue = page::open(db, &cd, &id, now).await.unwrap();
        let action = &vue.diagnostic.iter().find(|d| d.code == "emploi").unwrap().objectifs[0].actions[0];
        assert_eq!(
            (action.libelle.as_str(), action.echeance.as_deref(), action.version),
            ("Passer le CACES R489", Some(shown.as_str()), 2),
            "{b}"
        );
        let h =
            vue.historique.iter().find(|h| h.objet == "Action : Emploi" && h.qui.starts_with("Conseiller FT")).unwrap();
        assert!(
            h.avant.contains(&("libellé".into(), "Passer le CACES".into()))
                && h.apres.contains(&("échéance".into(), shown.clone())),
            "{b}: {h:?}"
        );
        t.drop().await;
    }
}

#[tokio::test]
async fn the_list_filters_by_appointments_and_shows_the_last_and_next_one() {
    use super::{liste::ListFilter, timeline};
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let referent = pro(db, "mobil-comminges", Role::Referent, "Camille").await;
        let rdv = |days: i64| {
            let (date, heure) = crate::dates::local_fields(now + chrono::Duration::days(days));
            form(&[("kind", "rendez_vous"), ("date", &date), ("heure", &heure), ("texte", "Point")])
        };
        let named = |nom: &str| Identite { nom: nom.into(), ..lea() };
        let upcoming = identite::create(db, &referent, named("Avenir"), now).await.unwrap();
        timeline::add(db, &referent, &upcoming, &read(&rdv(-200)), now).await.unwrap();
        timeline::add(db, &referent, &upcoming, &read(&rdv(10)), now).await.unwrap();
        let recent = identite::create(db, &referent, named("Recent"), now).await.unwrap();
        timeline::add(db, &referent, &recent, &read(&rdv(-20)), now).await.unwrap();
        let old = identite::create(db, &referent, named("Ancien"), now).await.unwrap();
        timeline::add(db, &referent, &old, &read(&rdv(-120)), now).await.unwrap();
        let never = identite::create(db, &referent, named("Jamais"), now).await.unwrap();
        timeline::add(
            db,
            &referent,
            &never,
            &typed(&[("kind", "note"), ("texte", "Une note n’est pas un rendez-vous.")]),
            now,
        )
        .await
        .unwrap();
        let me = &referent;
        let names = |rdv: &str| {
            let f = ListFilter { rdv: rdv.into(), ..Default::default() };
            async move {
                let (rows, total) = liste::list(db, me, &f, 1, now).await.unwrap();
                let mut n: Vec<String> = rows.into_iter().map(|r| r.nom.replace("Léa ", "")).collect();
                n.sort();
                assert_eq!(total as usize, n.len());
                n
            }
        };
        assert_eq!(names("a_venir").await, vec!["Avenir"], "{b}");
        assert_eq!(names("sans_recent").await, vec!["Ancien", "Jamais"], "{b}");
        assert_eq!(names("aucun").await, vec!["Jamais"], "{b}");
        assert_eq!(names("").await.len(), 4, "{b}");
        let (rows, _) =
            liste::list(db, &referent, &ListFilter { q: "avenir".into(), ..Default::default() }, 1, now).await.unwrap();
        assert_eq!(rows[0].dernier_rdv, Some(crate::dates::jour(now - chrono::Duration::days(200))), "{b}");
        assert_eq!(rows[0].prochain_rdv, Some(crate::dates::jour(now + chrono::Duration::days(10))), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn the_person_hears_of_tomorrows_appointment_and_of_new_actions_once_a_day_in_words_that_reveal_nothing() {
    use super::{plan, rappels, timeline};
    use chrono::TimeZone;
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let paris = |d: u32, h: u32, m: u32| {
            chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 12, d, h, m, 0).unwrap().with_timezone(&Utc)
        };
        let referent = pro(db, "mobil-comminges", Role::Referent, "Camille Référente").await;
        let id = identite::create(db, &referent, lea(), paris(1, 9, 0)).await.unwrap();
        let silent = identite::create(
            db,
            &referent,
            Identite { telephone: None, nom: "Sans contact".into(), ..lea() },
            paris(1, 9, 0),
        )
        .await
        .unwrap();
        let rdv = form(&[
            ("kind", "rendez_vous"),
            ("date", "2026-12-08"),
            ("heure", "14:00"),
            ("lieu", "Maison des solidarités"),
            ("texte", "Point sur la dette de loyer"),
        ]);
        timeline::add(db, &referent, &id, &read(&rdv), paris(1, 9, 5)).await.unwrap();
        timeline::add(db, &referent, &silent, &read(&rdv), paris(1, 9, 5)).await.unwrap();
        assert_eq!(rappels::remind_rendez_vous(db, paris(7, 17, 0)).await.unwrap(), 0, "{b}");
        assert_eq!(
            rappels::remind_rendez_vous(db, paris(7, 18, 0)).await.unwrap(),
            1,
            "{b}: the person without a contact is not written to"
        );
        assert_eq!(rappels::remind_rendez_vous(db, paris(7, 19, 0)).await.unwrap(), 0, "{b}: once");
        let sent = crate::outbox::entity::Entity::find().all(db).await.unwrap();
        let m = sent.iter().find(|m| m.kind == "rappel_rendez_vous").expect(b);
        assert!(m.corps.starts_with("Itinéraire : rappel, demain à 14 h : rendez-vous avec Camille Référente (Association Mobil’Comminges (exemple)). Lieu : Maison des solidarités. Votre carnet :"), "{b}: {}", m.corps);
        assert!(!m.corps.contains("loyer"), "{b}: the reason of the appointment stays in the carnet");
        assert_eq!((m.lien.as_deref(), m.urgent), (Some("/mon-carnet"), false), "{b}");
        // The professional sees it beside the carnet.
        let vue = page::open(db, &referent, &id, paris(7, 18, 5)).await.unwrap();
        assert_eq!(vue.messages[0].quoi, "Rappel de la veille (rendez-vous)", "{b}");

        // Three actions in a meeting: one message half an hour after the last, then nothing for a day.
        let oid = plan::add_objective(
            db,
            &referent,
            &id,
            "mobilite",
            &typed(&[("libre", "Acheter un vélo")]),
            paris(8, 14, 0),
        )
        .await
        .unwrap();
        for (n, h) in [(1, 0), (2, 10), (3, 20)] {
            plan::add_action(db, &referent, &id, &oid, &typed(&[("libre", &format!("Action {n}"))]), paris(8, 14, h))
                .await
                .unwrap();
        }
        assert_eq!(rappels::announce_actions(db, paris(8, 14, 40)).await.unwrap(), 0, "{b}: the meeting is not over");
        assert_eq!(rappels::announce_actions(db, paris(8, 14, 50)).await.unwrap(), 1, "{b}");
        let news = crate::outbox::entity::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.kind == "nouvelles_actions")
            .collect::<Vec<_>>();
        assert_eq!(news.len(), 1, "{b}");
        assert!(
            news[0]
                .corps
                .starts_with("Itinéraire : 3 nouvelles actions ont été ajoutées à votre carnet. Pour les voir :"),
            "{b}: {}",
            news[0].corps
        );
        assert!(news[0].corps.contains("Plus de rappels : {site}/messages/arret/"), "{b}");
        plan::add_action(db, &referent, &id, &oid, &typed(&[("libre", "Action 4")]), paris(8, 16, 0)).await.unwrap();
        assert_eq!(rappels::announce_actions(db, paris(9, 14, 49)).await.unwrap(), 0, "{b}: at most one a day");
        assert_eq!(rappels::announce_actions(db, paris(9, 14, 51)).await.unwrap(), 1, "{b}");
        assert_eq!(rappels::announce_actions(db, paris(10, 15, 0)).await.unwrap(), 0, "{b}: nothing new");
        t.drop().await;
    }
}

#[tokio::test]
async fn a_carnet_nobody_changed_for_two_years_keeps_only_its_statistics() {
    use super::{db, personne as p, plan, timeline};
    use chrono::Duration;
    for t in TestDb::all().await {
        let b = t.backend();
        let database = &t.db;
        load_sample(database).await;
        let now = Utc::now();
        let referent = pro(database, "mobil-comminges", Role::Referent, "Camille").await;
        let id = identite::create(database, &referent, lea(), now).await.unwrap();
        let kept =
            identite::create(database, &referent, Identite { nom: "Récente".into(), ..lea() }, now).await.unwrap();
        let oid =
            plan::add_objective(database, &referent, &id, "mobilite", &typed(&[("libre", "Quitter le foyer")]), now)
                .await
                .unwrap();
        timeline::add(database, &referent, &id, &typed(&[("kind", "note"), ("texte", "Confidences")]), now)
            .await
            .unwrap();
        page::open(database, &referent, &id, now).await.unwrap();
        // The person's code and session expire; purged a day later.
        let demande = p::request_code(database, "06 12 34 56 78", now).await.unwrap().unwrap();
        assert_eq!(p::purge(database, now + Duration::hours(2)).await.unwrap(), 0, "{b}");
        assert!(p::purge(database, now + Duration::days(2)).await.unwrap() >= 1, "{b}");
        assert!(p::verify_code(database, &demande, "000000", now + Duration::days(2)).await.unwrap().is_err(), "{b}");
        // Changed 23 months ago: kept. Then 25 months without change: anonymised, once.
        let later = now + Duration::days(25 * 30);
        assert_eq!(identite::anonymise_inactive(database, now + Duration::days(23 * 30), 24).await.unwrap(), 0, "{b}");
        let _ = &kept;
        assert_eq!(identite::anonymise_inactive(database, later, 24).await.unwrap(), 2, "{b}");
        assert_eq!(identite::anonymise_inactive(database, later, 24).await.unwrap(), 0, "{b}: once");
        let c = db::carnet::Entity::find_by_id(id.clone()).one(database).await.unwrap().unwrap();
        assert_eq!((c.prenom.as_str(), c.nom.as_str(), c.telephone.as_deref()), ("", "", None), "{b}");
        assert_eq!(chrono::Datelike::year(&c.date_naissance), 1990, "{b}: the year stays");
        assert_eq!(chrono::Datelike::ordinal(&c.date_naissance), 1, "{b}: not the day");
        let o = db::objectif::Entity::find_by_id(oid).one(database).await.unwrap().unwrap();
        assert_eq!(
            (o.libelle.as_str(), o.theme_code.as_str()),
            ("", "mobilite"),
            "{b}: the theme stays, not the words"
        );
        use sea_orm::{ColumnTrait, QueryFilter};
        assert!(
            db::historique::Entity::find()
                .filter(db::historique::Column::CarnetId.eq(&id))
                .all(database)
                .await
                .unwrap()
                .is_empty(),
            "{b}"
        );
        assert!(
            db::lecture::Entity::find()
                .filter(db::lecture::Column::CarnetId.eq(&id))
                .all(database)
                .await
                .unwrap()
                .is_empty(),
            "{b}"
        );
        let notes =
            db::evenement::Entity::find().filter(db::evenement::Column::CarnetId.eq(&id)).all(database).await.unwrap();
        assert!(notes.iter().all(|n| n.texte.is_empty()), "{b}");
        t.drop().await;
    }
}
