//! Offer editing by professionals, on SQLite and (with DATABASE_URL) PostgreSQL.
#![allow(clippy::unwrap_used)] // Tests stop at the first unexpected answer.
use super::service::{self, EditError};
use crate::auth::model::{Role, Staff};
use crate::catalogue::import::import_json;
use crate::catalogue::index::SearchIndex;
use crate::catalogue::query;
use crate::db::testing::TestDb;
use sea_orm::DatabaseConnection;

use crate::test_support::{form, staff_of, with_password, SAMPLE};

/// A complete, valid offer form (Saint-Gaudens, code INSEE 31483).
fn valid() -> Vec<(String, String)> {
    form(&[
        ("nom", "Atelier vélo partagé"),
        ("description", "Réparer son vélo avec un bénévole, emprunter un vélo pour aller au travail."),
        ("themes", "mobilite"),
        ("publics", "tous-publics"),
        ("frais", "gratuit"),
        ("modes_accueil", "en-presentiel"),
        ("code_insee", "31483"),
        ("adresse", "2 rue de la gare"),
        ("telephone", "+33 5 99 00 31 99"),
        ("courriel", "Velo@Example.org"),
    ])
}

/// The offer form these fields make, as the server reads a post of them.
fn offre_form(f: &[(String, String)]) -> service::OffreForm {
    crate::ui::form::parse_fields(f).unwrap()
}

fn with(mut f: Vec<(String, String)>, k: &str, v: &str) -> Vec<(String, String)> {
    f.retain(|(n, _)| n != k);
    f.push((k.into(), v.into()));
    f
}

async fn search_names(db: &DatabaseConnection, ix: &SearchIndex, text: &str) -> Vec<String> {
    let r = query::Recherche { terms: crate::catalogue::search::query_terms(text), page: 1, ..Default::default() };
    query::search(db, ix, &r)
        .await
        .unwrap()
        .offres
        .into_iter()
        .map(|o| o.nom.into_iter().map(|(t, _)| t).collect())
        .collect()
}

#[tokio::test]
async fn every_bad_field_gets_its_own_french_message() {
    let t = TestDb::sqlite().await;
    let errors = |f: Vec<(String, String)>| {
        let db = t.db.clone();
        async move {
            match service::validate(&db, &offre_form(&f)).await {
                Ok(_) => vec![],
                Err(EditError::Invalid(e)) => e,
                Err(other) => panic!("{other:?}"),
            }
        }
    };
    let fields = |e: &[(String, String)]| e.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    // An empty form: every required field is named.
    let e = errors(vec![]).await;
    for k in ["nom", "description", "themes", "frais", "modes_accueil", "telephone"] {
        assert!(fields(&e).contains(&k.to_string()), "{k} in {e:?}");
    }
    let cases = [
        ("telephone", "12", "Ce numéro de téléphone n’est pas valide"),
        ("courriel", "pas-un-email", "Cette adresse e-mail n’est pas valide"),
        ("lien", "javascript:alert(1)", "Cette adresse de site n’est pas valide"),
        ("code_insee", "75056", "Choisissez une commune de Haute-Garonne"),
        ("code_postal", "31000", "Ce code postal ne correspond pas à Saint-Gaudens"),
        ("themes", "astrologie", "Un des thèmes choisis n’existe pas"),
        ("frais", "offert", "Ce choix n’existe pas"),
        ("nom", "ab", "au moins 3 caractères"),
        ("position", "nord", "Écrivez la latitude puis la longitude"),
        // Toulouse's position for an offer in Saint-Gaudens: surely a mistake.
        ("position", "43.6045, 1.4440", "Cette position est à 78 km de Saint-Gaudens"),
    ];
    for (k, v, msg) in cases {
        let e = errors(with(valid(), k, v)).await;
        assert_eq!(fields(&e), vec![k.to_string()], "{k}={v}: {e:?}");
        assert!(e[0].1.contains(msg), "{k}={v}: {}", e[0].1);
    }
    // On-site offers need a commune.
    let e = errors(valid().into_iter().filter(|(k, _)| k != "code_insee").collect()).await;
    assert_eq!(fields(&e), vec!["code_insee".to_string()]);
    // The valid form: phone written the French way, postal code filled from the commune.
    let ok = service::validate(&t.db, &offre_form(&valid())).await.unwrap();
    assert_eq!(ok.telephone.as_deref(), Some("05 99 00 31 99"));
    assert_eq!(ok.courriel.as_deref(), Some("velo@example.org"));
    assert_eq!((ok.code_postal.as_deref(), ok.commune.as_deref()), (Some("31800"), Some("Saint-Gaudens")));
    assert_eq!(ok.thematiques, vec!["mobilite".to_string()]);
    t.drop().await;
}

#[tokio::test]
async fn a_professional_creates_edits_archives_their_own_offers_only() {
    for t in TestDb::all().await {
        let b = t.backend();
        // One index through the whole test: it follows each write incrementally.
        let ix = SearchIndex::default();
        assert!(search_names(&t.db, &ix, "permis").await.is_empty(), "{b}: empty catalogue");
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        assert_eq!(
            search_names(&t.db, &ix, "permis").await.first().map(String::as_str),
            Some("Permis de conduire solidaire"),
            "{b}"
        );
        let mobil = staff_of(&t.db, "mobil-comminges", Role::Referent).await;
        let ccas = staff_of(&t.db, "ccas-montrejeau", Role::AdminStructure).await;

        let content = service::validate(&t.db, &offre_form(&valid())).await.unwrap();
        let id = service::create(&t.db, &mobil, content).await.expect(b);
        // Visible at once in the catalogue's search, and in the structure's list.
        assert_eq!(search_names(&t.db, &ix, "velo partage").await, vec!["Atelier vélo partagé".to_string()], "{b}");
        let (list, _) =
            service::list(&t.db, &mobil, Default::default(), chrono::Utc::now().date_naive()).await.unwrap();
        assert!(list.iter().any(|o| o.id == id && o.themes == vec!["Mobilité".to_string()]), "{b}");
        assert!(
            !service::list(&t.db, &ccas, Default::default(), chrono::Utc::now().date_naive())
                .await
                .unwrap()
                .0
                .iter()
                .any(|o| o.id == id),
            "{b}"
        );

        // Another structure can neither read it for editing, nor change it, nor archive it.
        assert!(matches!(service::load(&t.db, &ccas, &id).await, Err(EditError::Forbidden)), "{b}");
        let edit =
            service::validate(&t.db, &offre_form(&with(valid(), "nom", "Atelier vélo solidaire"))).await.unwrap();
        assert!(matches!(service::update(&t.db, &ccas, &id, 1, edit.clone()).await, Err(EditError::Forbidden)), "{b}");
        assert!(matches!(service::set_archived(&t.db, &ccas, &id, 1, true).await, Err(EditError::Forbidden)), "{b}");

        // Its own structure edits it; the search follows.
        service::update(&t.db, &mobil, &id, 1, edit.clone()).await.expect(b);
        assert_eq!(search_names(&t.db, &ix, "velo solidaire").await, vec!["Atelier vélo solidaire".to_string()], "{b}");
        assert!(search_names(&t.db, &ix, "partage").await.is_empty(), "{b}");

        // An edit started from version 1 is now outdated: refused, with the stored values.
        match service::update(&t.db, &mobil, &id, 1, edit.clone()).await {
            Err(EditError::Conflict { stored, version }) => {
                assert_eq!(version, 2, "{b}");
                assert!(stored.contains(&("nom".to_string(), "Atelier vélo solidaire".to_string())), "{b}");
            }
            other => panic!("{b}: {other:?}"),
        }

        // Archived: gone from the catalogue, still in the structure's list; restored: back.
        service::set_archived(&t.db, &mobil, &id, 2, true).await.expect(b);
        assert!(search_names(&t.db, &ix, "velo solidaire").await.is_empty(), "{b}");
        assert!(
            service::list(&t.db, &mobil, Default::default(), chrono::Utc::now().date_naive())
                .await
                .unwrap()
                .0
                .iter()
                .any(|o| o.id == id && o.archived),
            "{b}"
        );
        assert!(query::offre_detail(&t.db, &id, chrono::Utc::now()).await.unwrap().is_none(), "{b}");
        service::set_archived(&t.db, &mobil, &id, 3, false).await.expect(b);
        assert_eq!(search_names(&t.db, &ix, "velo solidaire").await.len(), 1, "{b}");

        // A national admin may edit any structure's offer.
        let admin = Staff { role: Role::Admin, structure_id: None, structure_nom: None, ..ccas.clone() };
        assert!(service::load(&t.db, &admin, &id).await.is_ok(), "{b}");
        assert!(matches!(service::create(&t.db, &admin, edit).await, Err(EditError::NoStructure)), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn two_concurrent_saves_of_one_version_never_both_win() {
    for t in TestDb::all().await {
        let b = t.backend();
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        let mobil = staff_of(&t.db, "mobil-comminges", Role::Referent).await;
        let content = service::validate(&t.db, &offre_form(&valid())).await.unwrap();
        let id = service::create(&t.db, &mobil, content).await.expect(b);
        let mut tasks = Vec::new();
        for i in 0..8 {
            let (db, staff, id) = (t.db.clone(), mobil.clone(), id.clone());
            let edit =
                service::validate(&t.db, &offre_form(&with(valid(), "nom", &format!("Version {i}")))).await.unwrap();
            tasks.push(tokio::spawn(async move { service::update(&db, &staff, &id, 1, edit).await }));
        }
        let mut won = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(()) => won += 1,
                Err(EditError::Conflict { .. }) => {}
                Err(e) => panic!("{b}: {e:?}"),
            }
        }
        assert_eq!(won, 1, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn old_offers_are_flagged_then_hidden_until_their_structure_confirms_them() {
    use crate::catalogue::fraicheur::Fraicheur;
    let f = Fraicheur { a_mettre_a_jour_jours: 180, masquee_jours: 365 };
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for t in TestDb::all().await {
        let b = t.backend();
        let ix = SearchIndex::default();
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        let mobil = staff_of(&t.db, "mobil-comminges", Role::Referent).await;
        let ccas = staff_of(&t.db, "ccas-montrejeau", Role::AdminStructure).await;
        // The sample is dated 2026-10-15: current in December, to update in May, hidden after a year.
        let on = |today| service::list(&t.db, &mobil, f, today);
        let (list, _) = on(day(2026, 12, 1)).await.unwrap();
        assert!(list.iter().all(|o| !o.a_mettre_a_jour && !o.masquee), "{b}");
        let (list, _) = on(day(2027, 5, 1)).await.unwrap();
        assert!(list.iter().all(|o| o.a_mettre_a_jour && !o.masquee), "{b}");
        let (list, _) = on(day(2027, 11, 1)).await.unwrap();
        assert!(list.iter().all(|o| o.masquee), "{b}");
        let permis = list.iter().find(|o| o.nom == "Permis de conduire solidaire").expect(b).clone();
        let hidden_on = |today| query::Recherche {
            terms: crate::catalogue::search::query_terms("permis"),
            a_jour_depuis: Some(f.visible_depuis(today)),
            page: 1,
            ..Default::default()
        };
        assert_eq!(query::search(&t.db, &ix, &hidden_on(day(2027, 11, 1))).await.unwrap().total, 0, "{b}");
        // Another structure cannot confirm it; an outdated version is refused.
        let today = day(2027, 11, 1);
        assert!(
            matches!(
                service::confirm_up_to_date(&t.db, &ccas, &permis.id, permis.version, today).await,
                Err(EditError::Forbidden)
            ),
            "{b}"
        );
        assert!(
            matches!(
                service::confirm_up_to_date(&t.db, &mobil, &permis.id, permis.version + 7, today).await,
                Err(EditError::Conflict { .. })
            ),
            "{b}"
        );
        // Its structure confirms it: current again, back in the public's search at once.
        service::confirm_up_to_date(&t.db, &mobil, &permis.id, permis.version, today).await.expect(b);
        let (list, _) = on(today).await.unwrap();
        let again = list.iter().find(|o| o.id == permis.id).expect(b);
        assert_eq!((again.date_maj.as_str(), again.a_mettre_a_jour), ("2027-11-01", false), "{b}");
        assert_eq!(query::search(&t.db, &ix, &hidden_on(today)).await.unwrap().total, 1, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn an_offer_keeps_its_position_through_an_edit() {
    let t = TestDb::sqlite().await;
    let ok = service::validate(&t.db, &offre_form(&with(valid(), "position", "43,1090 0,7250"))).await.unwrap();
    assert_eq!(ok.position, crate::catalogue::distance::Position::new(43.109, 0.725));
    // Without a commune, a position has nothing to be checked against.
    let no_commune: Vec<_> =
        with(valid(), "position", "43.109, 0.725").into_iter().filter(|(k, _)| k != "code_insee").collect();
    let Err(EditError::Invalid(e)) = service::validate(&t.db, &offre_form(&no_commune)).await else {
        panic!("refused")
    };
    assert!(e.iter().any(|(k, m)| k == "code_insee" && m.contains("où se trouve cette position")), "{e:?}");

    import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
    let staff = staff_of(&t.db, "mobil-comminges", Role::Referent).await;
    let id = service::create(&t.db, &staff, ok).await.unwrap();
    let (stored, themes) = service::load(&t.db, &staff, &id).await.unwrap();
    let values = service::values_of(&stored, &themes);
    assert!(values.contains(&("position".to_string(), "43.109, 0.725".to_string())), "{values:?}");
    // Saving the form as shown changes nothing of the position.
    let again = service::validate(&t.db, &offre_form(&values)).await.unwrap();
    service::update(&t.db, &staff, &id, stored.version, again).await.unwrap();
    let (after, _) = service::load(&t.db, &staff, &id).await.unwrap();
    assert_eq!((after.latitude, after.longitude), (Some(43.109), Some(0.725)));
    t.drop().await;
}

#[tokio::test]
async fn a_structure_chooses_its_update_period_and_two_admins_never_overwrite_each_other() {
    use super::periode::{periode, set_periode};
    use crate::catalogue::fraicheur::Fraicheur;
    let f = Fraicheur { a_mettre_a_jour_jours: 180, masquee_jours: 365 };
    // The sample is dated 2026-10-15: 36 days old on this day.
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    for t in TestDb::all().await {
        let b = t.backend();
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        let (admin, other_admin) = (
            staff_of(&t.db, "mobil-comminges", Role::AdminStructure).await,
            staff_of(&t.db, "mobil-comminges", Role::AdminStructure).await,
        );
        let referent = staff_of(&t.db, "mobil-comminges", Role::Referent).await;
        let national = staff_of(&t.db, "ccas-montrejeau", Role::Admin).await;
        let shown = periode(&t.db, &admin, f).await.unwrap().expect(b);
        assert_eq!((shown.jours, shown.choisie, shown.modifiable, shown.version), (180, false, true, 0), "{b}");
        assert!(!periode(&t.db, &referent, f).await.unwrap().expect(b).modifiable, "{b}");
        let flagged = |staff: Staff| {
            let db = t.db.clone();
            async move {
                let (list, _) = service::list(&db, &staff, f, today).await.unwrap();
                let mut by: Vec<(String, bool)> = list.into_iter().map(|o| (o.nom, o.a_mettre_a_jour)).collect();
                by.sort();
                by
            }
        };
        let everything = flagged(national.clone()).await;
        assert!(everything.len() > 2 && everything.iter().all(|(_, a)| !a), "{b}: {everything:?}");

        // A référent may read the period, not change it; an account without a structure has none.
        assert!(matches!(set_periode(&t.db, &referent, f, 0, Some(30)).await, Err(EditError::Forbidden)), "{b}");
        let mut lost = national.clone();
        lost.structure_id = None;
        assert!(periode(&t.db, &lost, f).await.unwrap().is_none(), "{b}");
        assert!(matches!(set_periode(&t.db, &lost, f, 0, Some(30)).await, Err(EditError::NoStructure)), "{b}");

        // Monthly checks: this structure's offers are flagged after 30 days, the others' are not.
        set_periode(&t.db, &admin, f, 0, Some(30)).await.expect(b);
        let mine: Vec<String> = flagged(admin.clone()).await.into_iter().map(|(n, _)| n).collect();
        for (nom, a_mettre_a_jour) in flagged(national.clone()).await {
            assert_eq!(a_mettre_a_jour, mine.contains(&nom), "{b}: {nom}");
        }
        // Another admin who opened the page before that change is told, and shown the stored period.
        match set_periode(&t.db, &other_admin, f, 0, Some(60)).await {
            Err(EditError::Conflict { stored, version }) => {
                assert_eq!((stored, version), (vec![("jours".to_string(), "30".to_string())], 1), "{b}")
            }
            other => panic!("{b}: {other:?}"),
        }
        let shown = periode(&t.db, &admin, f).await.unwrap().expect(b);
        assert_eq!((shown.jours, shown.choisie, shown.version), (30, true, 1), "{b}");
        // Back to the usual period: nothing flagged on that day any more.
        set_periode(&t.db, &other_admin, f, 1, None).await.expect(b);
        assert_eq!(flagged(national.clone()).await, everything, "{b}");
        // A re-import of the structure's data keeps its choice.
        set_periode(&t.db, &admin, f, 2, Some(45)).await.expect(b);
        let newer = String::from_utf8_lossy(SAMPLE).replace("2026-10-15", "2026-10-16");
        import_json(&t.db, newer.as_bytes(), |_, _| {}).await.unwrap();
        assert_eq!(periode(&t.db, &admin, f).await.unwrap().expect(b).jours, 45, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn administrators_are_reminded_of_offers_to_update_at_most_once_a_month() {
    use super::periode::{remind, set_periode};
    use crate::catalogue::fraicheur::Fraicheur;
    use sea_orm::EntityTrait;
    let f = Fraicheur { a_mettre_a_jour_jours: 180, masquee_jours: 365 };
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    for t in TestDb::all().await {
        let b = t.backend();
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        let admin = with_password(&t.db, "admin@mobil.example", "mobil-comminges", Role::AdminStructure).await;
        with_password(&t.db, "ref@mobil.example", "mobil-comminges", Role::Referent).await;
        with_password(&t.db, "admin@ccas.example", "ccas-montrejeau", Role::AdminStructure).await;
        let sent = || {
            let db = t.db.clone();
            async move {
                let all = crate::outbox::entity::Entity::find().all(&db).await.unwrap();
                all.into_iter()
                    .filter(|m| m.kind == "offres_a_mettre_a_jour")
                    .map(|m| (m.destinataire, m.sujet, m.lien))
                    .collect::<Vec<_>>()
            }
        };
        let on = |today: chrono::NaiveDate| remind(&t.db, f, today, chrono::Utc::now());
        // The sample is dated 2026-10-15: nothing to update in November.
        assert_eq!(on(day(2026, 11, 1)).await.unwrap(), 0, "{b}");
        // Mobil'Comminges checks every 30 days: its administrator (not its référent) is told, once.
        set_periode(&t.db, &admin, f, 0, Some(30)).await.expect(b);
        assert_eq!(on(day(2026, 11, 20)).await.unwrap(), 1, "{b}");
        let mobil = sent().await;
        assert_eq!(mobil.len(), 1, "{b}: {mobil:?}");
        assert_eq!(mobil[0].0, "admin@mobil.example", "{b}");
        let (theirs, _) = service::list(&t.db, &admin, f, day(2026, 11, 20)).await.unwrap();
        let subject =
            format!("Itinéraire : {} offres de {} à vérifier", theirs.len(), admin.structure_nom.clone().unwrap());
        assert_eq!(mobil[0].1, subject, "{b}");
        assert_eq!(mobil[0].2.as_deref(), Some("/pro"), "{b}");
        assert_eq!(on(day(2026, 11, 21)).await.unwrap(), 0, "{b}");
        assert_eq!(on(day(2026, 12, 19)).await.unwrap(), 0, "{b}");
        // A month later, still not updated: told again. In April the CCAS's offers (usual period) too.
        assert_eq!(on(day(2026, 12, 20)).await.unwrap(), 1, "{b}");
        assert_eq!(on(day(2027, 4, 20)).await.unwrap(), 2, "{b}");
        let mut to: Vec<String> = sent().await.into_iter().map(|m| m.0).collect();
        to.sort();
        assert_eq!(
            to,
            ["admin@ccas.example", "admin@mobil.example", "admin@mobil.example", "admin@mobil.example"]
                .map(String::from),
            "{b}"
        );
        t.drop().await;
    }
}
