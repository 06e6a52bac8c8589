//! Catalogue service tests, on SQLite and (with DATABASE_URL) PostgreSQL: same answers on both.
use crate::catalogue::export::export_json;
use crate::catalogue::import::import_json;
use crate::catalogue::index::SearchIndex;
use crate::catalogue::model::Resultats;
use crate::catalogue::query::Recherche;

/// A search with a fresh index (built from the database; the incremental path is tested with
/// the offer editing).
async fn search(db: &sea_orm::DatabaseConnection, r: &Recherche) -> Result<Resultats, sea_orm::DbErr> {
    crate::catalogue::query::search(db, &SearchIndex::default(), r).await
}
use crate::catalogue::search::query_terms;
use crate::db::testing::TestDb;

const SAMPLE: &[u8] = include_bytes!("../../../../server/seed/catalogue-exemple.json");

fn q(text: &str) -> Recherche {
    Recherche { terms: query_terms(text), page: 1, ..Default::default() }
}

async fn names(db: &sea_orm::DatabaseConnection, r: Recherche) -> Vec<String> {
    search(db, &r).await.unwrap().offres.into_iter().map(|o| o.nom.into_iter().map(|(t, _)| t).collect()).collect()
}

#[tokio::test]
async fn sample_imports_once_and_reimport_changes_nothing() {
    for t in TestDb::all().await {
        let first = import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        assert_eq!((first.created, first.rejected.len()), (15 + 32, 0), "{} {:?}", t.backend(), first.rejected);
        let again = import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 47), "{}", t.backend());
        let all = search(&t.db, &Recherche { page: 1, ..Default::default() }).await.unwrap();
        assert_eq!(all.total, 32, "{}", t.backend());
        t.drop().await;
    }
}

#[tokio::test]
async fn search_tolerates_accents_case_plurals_prefixes_and_typos() {
    for t in TestDb::all().await {
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        let b = t.backend();
        // Prefix: "permi" finds "permis"; the offer named after it comes first.
        let permis = names(&t.db, q("permi")).await;
        assert_eq!(permis.first().map(String::as_str), Some("Permis de conduire solidaire"), "{b}");
        // Accents and case: "sante" and "SANTÉ" give the same offers.
        let a = names(&t.db, q("sante")).await;
        assert!(!a.is_empty(), "{b}");
        assert_eq!(a, names(&t.db, q("SANTÉ")).await, "{b}");
        // Plural: "logements" finds what "logement" finds.
        assert_eq!(names(&t.db, q("logements")).await, names(&t.db, q("logement")).await, "{b}");
        // A typo is corrected against the catalogue's words, and said so.
        let r = search(&t.db, &q("logment")).await.unwrap();
        assert!(r.total > 0, "{b}");
        assert_eq!(r.corrections, vec![("logment".to_string(), "logement".to_string())], "{b}");
        // Every word must match.
        assert!(names(&t.db, q("permis xyzzyq")).await.is_empty(), "{b}");
        // Matched words are marked for display.
        let r = search(&t.db, &q("scooter")).await.unwrap();
        assert!(r.offres[0].nom.iter().any(|(w, hit)| *hit && w == "scooters"), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn filters_combine_with_search() {
    for t in TestDb::all().await {
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        let b = t.backend();
        let mobilite =
            search(&t.db, &Recherche { theme: Some("mobilite".into()), page: 1, ..Default::default() }).await.unwrap();
        assert_eq!(mobilite.total, 5, "{b}");
        assert!(mobilite.offres.iter().all(|o| o.themes.contains(&"mobilite".to_string())));
        let gratuit_mobilite =
            Recherche { theme: Some("mobilite".into()), gratuit: true, page: 1, ..Default::default() };
        assert_eq!(names(&t.db, gratuit_mobilite).await, ["Conseil en mobilité : trouver comment se déplacer"], "{b}");
        let montrejeau = Recherche { commune: Some("31390".into()), page: 1, ..Default::default() };
        assert_eq!(search(&t.db, &montrejeau).await.unwrap().total, 4, "{b}");
        let distance =
            Recherche { mode: Some("a-distance".into()), terms: query_terms("budget"), page: 1, ..Default::default() };
        assert_eq!(names(&t.db, distance).await, ["Faire le point sur son budget"], "{b}");
        // "tous-publics" offers are offered to every public.
        let exiles =
            search(&t.db, &Recherche { public: Some("personnes-exilees".into()), page: 1, ..Default::default() })
                .await
                .unwrap();
        assert!(exiles.offres.iter().any(|o| o.structure.starts_with("Lire et écrire")), "{b}");
        assert!(exiles.total > 1, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn bad_rows_are_rejected_with_a_reason_and_never_abort_the_others() {
    let t = TestDb::sqlite().await;
    let doc = serde_json::json!({
        "structures": [
            {"id": "s1", "source": "test", "nom": "Structure 1", "date_maj": "2026-01-01"},
            {"id": "s2", "source": "test", "nom": "", "date_maj": "2026-01-01"}
        ],
        "services": [
            {"id": "ok", "source": "test", "structure_id": "s1", "nom": "Bonne offre", "description": "Une description correcte.", "date_maj": "2026-01-01", "thematiques": ["mobilite--preparer-un-permis"]},
            {"id": "theme", "source": "test", "structure_id": "s1", "nom": "Thème inconnu", "description": "Une description correcte.", "date_maj": "2026-01-01", "thematiques": ["n-existe-pas"]},
            {"id": "date", "source": "test", "structure_id": "s1", "nom": "Date", "description": "Une description correcte.", "date_maj": "hier"},
            {"id": "orphan", "source": "test", "structure_id": "absente", "nom": "Sans structure", "description": "Une description correcte.", "date_maj": "2026-01-01"},
            {"id": "mail", "source": "test", "structure_id": "s1", "nom": "Courriel", "description": "Une description correcte.", "date_maj": "2026-01-01", "courriel": "pas-un-courriel"},
            {"id": "insee", "source": "test", "structure_id": "s1", "nom": "Insee", "description": "Une description correcte.", "date_maj": "2026-01-01", "code_insee": "123"},
            42
        ]
    });
    let r = import_json(&t.db, doc.to_string().as_bytes(), |_, _| {}).await.unwrap();
    assert_eq!(r.created, 2, "s1 and the good offer");
    let reasons: Vec<String> = r.rejected.iter().map(|x| format!("{} {}: {}", x.list, x.row, x.reason)).collect();
    assert_eq!(r.rejected.len(), 7, "{reasons:#?}");
    assert!(reasons[0].contains("structures 2") && reasons[0].contains("« nom » est obligatoire"));
    assert!(reasons.iter().any(|m| m.contains("valeur inconnue dans « thematiques » : « n-existe-pas »")));
    assert!(reasons.iter().any(|m| m.contains("date AAAA-MM-JJ")));
    assert!(reasons.iter().any(|m| m.contains("structure « absente » inconnue")));
    assert!(reasons.iter().any(|m| m.contains("courriel invalide")));
    assert!(reasons.iter().any(|m| m.contains("« code_insee » doit faire 5 caractères")));
    assert!(reasons.iter().any(|m| m.contains("services 7") && m.contains("pas un objet")));
    assert!(import_json(&t.db, b"{ pas du json", |_, _| {}).await.is_err());
    assert!(import_json(&t.db, b"[1, 2]", |_, _| {}).await.is_err());
    t.drop().await;
}

#[tokio::test]
async fn export_round_trips_through_import() {
    let a = TestDb::sqlite().await;
    import_json(&a.db, SAMPLE, |_, _| {}).await.unwrap();
    let first = export_json(&a.db).await.unwrap();
    for b in TestDb::all().await {
        let r = import_json(&b.db, first.to_string().as_bytes(), |_, _| {}).await.unwrap();
        assert!(r.rejected.is_empty(), "{:?}", r.rejected);
        assert_eq!(export_json(&b.db).await.unwrap(), first, "{}", b.backend());
        b.drop().await;
    }
    a.drop().await;
}

#[tokio::test]
async fn reimport_updates_in_place_and_keeps_the_offer_url() {
    let t = TestDb::sqlite().await;
    import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
    let before = search(&t.db, &q("scooter")).await.unwrap().offres[0].id.clone();
    let mut doc: serde_json::Value = serde_json::from_slice(SAMPLE).unwrap();
    doc["services"][1]["nom"] = "Location de scooters électriques".into();
    let r = import_json(&t.db, doc.to_string().as_bytes(), |_, _| {}).await.unwrap();
    assert_eq!((r.created, r.updated), (0, 1));
    let after = search(&t.db, &q("électriques")).await.unwrap();
    assert_eq!(after.total, 1);
    assert_eq!(after.offres[0].id, before);
    t.drop().await;
}

#[tokio::test]
async fn a_renamed_structure_shows_its_new_name_in_results_and_is_found_by_it() {
    for t in TestDb::all().await {
        let b = t.backend();
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        // One index kept across the import, as a server keeps it: the rename reaches it.
        let index = SearchIndex::default();
        let search = |r: Recherche| {
            let (db, index) = (&t.db, &index);
            async move { crate::catalogue::query::search(db, index, &r).await.unwrap() }
        };
        let before = search(q("scooter")).await;
        assert_eq!(before.offres[0].structure, "Association Mobil’Comminges (exemple)", "{b}");
        assert_eq!(search(q("zephyrine")).await.total, 0, "{b}");
        let mut doc: serde_json::Value = serde_json::from_slice(SAMPLE).unwrap();
        let structure = doc["structures"].as_array_mut().unwrap().iter_mut().find(|s| s["id"] == "mobil-comminges");
        structure.unwrap()["nom"] = "Association Zéphyrine".into();
        import_json(&t.db, doc.to_string().as_bytes(), |_, _| {}).await.unwrap();
        let after = search(q("scooter")).await;
        assert_eq!(after.offres[0].structure, "Association Zéphyrine", "{b}");
        assert_eq!(after.offres[0].id, before.offres[0].id, "{b}");
        // Its four offers, and only them, are found by its new name.
        let by_name = search(q("zephyrine")).await;
        assert_eq!(by_name.total, 4, "{b}");
        assert!(by_name.offres.iter().all(|o| o.structure == "Association Zéphyrine"), "{b}");
        t.drop().await;
    }
}

/// The sample as the two CSV files data·inclusion publishes (lists: JSON arrays for
/// `thematiques`, comma-separated values elsewhere; `;` as separator for the services).
fn sample_as_csv() -> (Vec<u8>, Vec<u8>) {
    let doc: serde_json::Value = serde_json::from_slice(SAMPLE).unwrap();
    let table = |rows: &Vec<serde_json::Value>, delimiter: u8| {
        let mut columns: Vec<String> = Vec::new();
        for r in rows {
            for k in r.as_object().unwrap().keys() {
                if !columns.contains(k) {
                    columns.push(k.clone());
                }
            }
        }
        let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(vec![]);
        w.write_record(&columns).unwrap();
        for r in rows {
            let cells: Vec<String> = columns
                .iter()
                .map(|c| match &r[c] {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Array(a) if c == "thematiques" => serde_json::to_string(a).unwrap(),
                    serde_json::Value::Array(a) => a.iter().map(|v| v.as_str().unwrap()).collect::<Vec<_>>().join(","),
                    other => other.to_string(),
                })
                .collect();
            w.write_record(&cells).unwrap();
        }
        w.into_inner().unwrap()
    };
    (table(doc["structures"].as_array().unwrap(), b','), table(doc["services"].as_array().unwrap(), b';'))
}

#[tokio::test]
async fn csv_import_gives_the_same_catalogue_as_json() {
    use crate::catalogue::datainclusion::csv_is_services;
    use crate::catalogue::import::import_csv;
    let (structures, services) = sample_as_csv();
    assert!(csv_is_services(&services) && !csv_is_services(&structures));
    let from_json = TestDb::sqlite().await;
    import_json(&from_json.db, SAMPLE, |_, _| {}).await.unwrap();
    let expected = export_json(&from_json.db).await.unwrap();
    for t in TestDb::all().await {
        let r = import_csv(&t.db, &structures, &services, |_, _| {}).await.unwrap();
        assert_eq!((r.created, r.rejected.len()), (15 + 32, 0), "{}: {:?}", t.backend(), r.rejected);
        assert_eq!(export_json(&t.db).await.unwrap(), expected, "{}", t.backend());
        // Idempotent like JSON.
        let again = import_csv(&t.db, &structures, &services, |_, _| {}).await.unwrap();
        assert_eq!(again.unchanged, 47, "{}", t.backend());
        t.drop().await;
    }
    from_json.drop().await;
}

#[tokio::test]
async fn a_bad_csv_row_is_reported_and_the_others_imported() {
    use crate::catalogue::datainclusion::ImportError;
    use crate::catalogue::import::import_csv;
    let t = TestDb::sqlite().await;
    let structures = "id,source,nom,date_maj\ns1,essai,Structure essai,2026-11-01\n";
    let services = "id,source,structure_id,nom,description,date_maj,thematiques\n\
        a,essai,s1,Aide au loyer,Une aide pour payer le loyer.,2026-11-01,logement-hebergement\n\
        b,essai,s1,Offre cassée,Une description.,pas une date,logement-hebergement\n\
        c,essai,s1,Autre,Une description.,2026-11-01,astrologie\n";
    let r = import_csv(&t.db, structures.as_bytes(), services.as_bytes(), |_, _| {}).await.unwrap();
    assert_eq!(r.created, 2);
    let reasons: Vec<(usize, &str)> = r.rejected.iter().map(|x| (x.row, x.reason.as_str())).collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0].0 == 2 && reasons[0].1.contains("date_maj"), "{reasons:?}");
    assert!(reasons[1].0 == 3 && reasons[1].1.contains("astrologie"), "{reasons:?}");
    // Not a CSV of the schema at all: a clear error, nothing imported.
    let e = import_csv(&t.db, b"bonjour\n", services.as_bytes(), |_, _| {}).await.unwrap_err();
    assert!(matches!(e, ImportError::NotCsv(_)), "{e}");
    assert!(e.to_string().contains("« id »"));
    t.drop().await;
}

#[tokio::test]
async fn open_today_and_freshness_follow_the_clock() {
    use chrono::TimeZone;
    let paris =
        |y, m, d, h| chrono_tz::Europe::Paris.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().with_timezone(&chrono::Utc);
    for t in TestDb::all().await {
        let b = t.backend();
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        let open = |now| Recherche {
            ouvert_aujourdhui: true,
            page: crate::catalogue::model::MAX_PLUS,
            now,
            ..Default::default()
        };
        // Saturday 5 December 2026: only the shelter (24/7) is open.
        assert_eq!(names(&t.db, open(paris(2026, 12, 5, 10))).await, ["Hébergement d’urgence et mise à l’abri"], "{b}");
        // Tuesday 1 December: the weekday offers and the grocery (Tu,Th), not the French lessons (Mo,We).
        let tuesday = names(&t.db, open(paris(2026, 12, 1, 10))).await;
        assert!(tuesday.contains(&"Épicerie solidaire : faire ses courses à petit prix".to_string()), "{b}");
        assert!(!tuesday.contains(&"Ateliers pour apprendre le français".to_string()), "{b}");
        let all = search(&t.db, &Recherche { page: 1, ..Default::default() }).await.unwrap();
        let open_tuesday = search(&t.db, &open(paris(2026, 12, 1, 10))).await.unwrap();
        assert_eq!(open_tuesday.total, all.total - 1, "{b}: every offer but the Monday/Wednesday lessons");
        // Friday 25 December is a public holiday: the weekday offers say "PH off".
        assert_eq!(search(&t.db, &open(paris(2026, 12, 25, 10))).await.unwrap().total, 1, "{b}");
        // The cards say it, with today's hours.
        let card = open_tuesday
            .offres
            .iter()
            .find(|o| o.aujourdhui.as_ref().is_some_and(|a| a.plages == ["9 h – 12 h", "14 h – 17 h"]));
        assert!(card.is_some_and(|c| c.aujourdhui.as_ref().unwrap().maintenant), "{b}: open at 10:00");
        // Freshness: the sample is dated 2026-10-15; hidden once older than the limit.
        let f = crate::catalogue::fraicheur::Fraicheur { a_mettre_a_jour_jours: 180, masquee_jours: 365 };
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let visible_on =
            |today| Recherche { a_jour_depuis: Some(f.visible_depuis(today)), page: 1, ..Default::default() };
        assert_eq!(search(&t.db, &visible_on(day(2027, 10, 15))).await.unwrap().total, 32, "{b}");
        assert_eq!(search(&t.db, &visible_on(day(2027, 10, 16))).await.unwrap().total, 0, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn everyday_words_find_offers_through_the_synonyms_and_admins_edit_them() {
    use crate::catalogue::synonymes;
    for t in TestDb::all().await {
        let b = t.backend();
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        let ix = SearchIndex::default();
        let found = |text: &'static str| {
            let (db, ix) = (&t.db, &ix);
            async move {
                crate::catalogue::query::search(db, ix, &q(text))
                    .await
                    .unwrap()
                    .offres
                    .into_iter()
                    .map(|o| o.nom.into_iter().map(|(t, _)| t).collect::<String>())
                    .collect::<Vec<_>>()
            }
        };
        // None of the food offers says "manger"; the list says what it means.
        let manger = found("manger").await;
        assert!(manger.contains(&"Colis alimentaires d’urgence".to_string()), "{b}: {manger:?}");
        assert!(manger.contains(&"Épicerie solidaire : faire ses courses à petit prix".to_string()), "{b}: {manger:?}");
        assert!(!manger.iter().any(|n| n.contains("Permis")), "{b}: {manger:?}");
        assert_eq!(found("psy").await.first().map(String::as_str), Some("Parler à un psychologue"), "{b}");
        assert!(found("douche").await.contains(&"Hébergement d’urgence et mise à l’abri".to_string()), "{b}");
        assert!(
            found("nounou").await.contains(&"Places en crèche pour les parents en recherche d’emploi".to_string()),
            "{b}"
        );
        assert!(found("loyer").await.contains(&"Loyers impayés : être conseillé rapidement".to_string()), "{b}");
        // The words found through a synonym are highlighted.
        let r = crate::catalogue::query::search(&t.db, &ix, &q("manger")).await.unwrap();
        assert!(r.offres.iter().any(|o| o.nom.iter().any(|(w, hit)| *hit && w.contains("alimentaire"))), "{b}");
        // An admin adds a word: the search uses it at once; an outdated save is refused.
        assert!(found("tartine").await.is_empty(), "{b}");
        let (liste, version) = synonymes::load(&t.db).await.unwrap();
        let mut words = liste["difficulte_financiere"].clone();
        words.insert("tartine".into(), vec!["épicerie".into()]);
        synonymes::save(&t.db, "difficulte_financiere", &words, version as i32).await.expect(b);
        assert_eq!(found("tartine").await, ["Épicerie solidaire : faire ses courses à petit prix"], "{b}");
        let again = synonymes::save(&t.db, "difficulte_financiere", &words, version as i32).await;
        assert!(
            matches!(again, Err(crate::error::EditError::Conflict { version: v, .. }) if i64::from(v) == version + 1),
            "{b}"
        );
        t.drop().await;
    }
}

#[tokio::test]
async fn sorted_by_distance_nearest_first_with_positions_kept_through_export() {
    use crate::catalogue::distance::Position;
    use crate::catalogue::model::Origine;
    for t in TestDb::all().await {
        let b = t.backend();
        import_json(&t.db, SAMPLE, |_, _| {}).await.unwrap();
        // One offer placed by its own position (Valentine, 4 km from Saint-Gaudens' centre).
        let own = serde_json::json!({"structures": [], "services": [{
            "id": "valentine", "source": "itineraire-exemple", "structure_id": "mobil-comminges", "nom": "Permanence à Valentine",
            "description": "Une permanence près de chez vous.", "date_maj": "2026-11-30", "modes_accueil": ["en-presentiel"],
            "code_insee": "31483", "commune": "Saint-Gaudens", "latitude": "43.0905", "longitude": "0.7070"}]});
        import_json(&t.db, own.to_string().as_bytes(), |_, _| {}).await.unwrap();
        let saint_gaudens = Position::new(43.1261, 0.7303).unwrap();
        let near = |terms: &str| Recherche {
            terms: query_terms(terms),
            origine: Some((saint_gaudens, Origine::Commune("Saint-Gaudens".into()))),
            page: 5,
            ..Default::default()
        };
        let r = search(&t.db, &near("")).await.unwrap();
        let km: Vec<u32> = r.offres.iter().map(|o| o.km.expect("every offer has a place")).collect();
        assert!(km.windows(2).all(|w| w[0] <= w[1]), "{b}: {km:?}");
        assert_eq!(km.iter().filter(|k| **k == 0).count(), 14, "{b}: Saint-Gaudens' 14 offers first");
        let valentine = r.offres.iter().find(|o| o.nom.iter().any(|(t, _)| t.contains("Valentine"))).unwrap();
        assert_eq!(valentine.km, Some(4), "{b}");
        assert_eq!(r.origine, Some(Origine::Commune("Saint-Gaudens".into())));
        // No offer of the sample is done only at a distance: nothing is left beside the list.
        assert_eq!((r.total, r.a_distance_total), (33, 0), "{b}");
        // A search keeps its matches, ordered by distance.
        let budget = search(&t.db, &near("budget")).await.unwrap();
        let plain = search(&t.db, &q("budget")).await.unwrap();
        assert_eq!(budget.total, plain.total, "{b}");
        assert!(budget.offres.windows(2).all(|w| w[0].km <= w[1].km), "{b}");
        // The export gives the position back as data·inclusion numbers.
        let export = crate::catalogue::export::export_json(&t.db).await.unwrap();
        let row = export["services"].as_array().unwrap().iter().find(|s| s["id"] == "valentine").unwrap().clone();
        assert_eq!((row["latitude"].as_f64(), row["longitude"].as_f64()), (Some(43.0905), Some(0.707)), "{b}");
        assert!(export["services"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["id"] != "valentine")
            .all(|s| s.get("latitude").is_none()));
        // A position out of range is refused with its reason.
        let bad = serde_json::json!({"structures": [], "services": [{
            "id": "ailleurs", "source": "itineraire-exemple", "structure_id": "mobil-comminges", "nom": "Ailleurs",
            "description": "Une offre mal placée.", "date_maj": "2026-11-30", "latitude": 143.0, "longitude": 0.7}]});
        let report = import_json(&t.db, bad.to_string().as_bytes(), |_, _| {}).await.unwrap();
        assert!(report.rejected[0].reason.contains("position impossible"), "{b}: {:?}", report.rejected);
        t.drop().await;
    }
}

#[test]
fn the_sample_is_dated_from_the_day_it_is_loaded_keeping_the_distances_between_its_dates() {
    let doc = br#"{"structures": [{"id": "s", "date_maj": "2026-10-15"}], "services": [{"id": "a", "date_maj": "2026-09-15"}, {"id": "b"}]}"#;
    let today = chrono::NaiveDate::from_ymd_opt(2031, 3, 1).unwrap();
    let moved: serde_json::Value =
        serde_json::from_slice(&crate::catalogue::datainclusion::redated(doc, today).unwrap()).unwrap();
    assert_eq!(moved["structures"][0]["date_maj"], "2031-01-24", "36 days before");
    assert_eq!(moved["services"][0]["date_maj"], "2030-12-25", "a month before that, as in the file");
    assert!(moved["services"][1].get("date_maj").is_none());
}
