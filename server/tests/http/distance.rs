use super::*;

/// The sample catalogue, plus an offer with a place of its own (in Valentine, though its
/// commune is Saint-Gaudens) and one done only at a distance.
async fn with_places() -> TestDb {
    let db = seeded().await;
    let today = chrono::Utc::now().date_naive().to_string();
    let extra = serde_json::json!({
        "structures": [],
        "services": [
            {
                "id": "permanence-valentine", "source": "itineraire-exemple", "structure_id": "mobil-comminges",
                "nom": "Permanence emploi à Valentine", "description": "Une permanence pour chercher un emploi près de chez vous.",
                "date_maj": today, "thematiques": ["trouver-un-emploi--repondre-a-des-offres-demploi"], "modes_accueil": ["en-presentiel"],
                "code_insee": "31483", "commune": "Saint-Gaudens", "latitude": 43.0905, "longitude": 0.7070,
                "telephone": "05 99 00 31 77"
            },
            {
                "id": "budget-telephone", "source": "itineraire-exemple", "structure_id": "mobil-comminges",
                "nom": "Conseil budget par téléphone", "description": "Faire le point sur son budget par téléphone, sans se déplacer.",
                "date_maj": today, "thematiques": ["gestion-financiere--apprendre-a-gerer-son-budget"], "modes_accueil": ["a-distance"],
                "telephone": "05 99 00 31 78"
            }
        ]
    });
    let report = app::catalogue::import::import_json(&db.db, extra.to_string().as_bytes(), |_, _| {}).await.unwrap();
    assert_eq!((report.created, report.rejected.len()), (2, 0), "{report:?}");
    db
}

/// Each card's distance in the list sorted by distance, in page order (0: less than 1 km), and
/// the card's text.
fn distances(body: &str) -> Vec<(u32, String)> {
    let main = body.split("id=\"a-distance\"").next().unwrap_or(body);
    main.split("class=\"offre-card\"")
        .skip(1)
        .map(|card| {
            let line = card.split("class=\"muted\">").nth(1).and_then(|s| s.split("</p>").next()).unwrap_or_default();
            let km = if line.contains("à moins de 1 km") {
                0
            } else {
                let after = line.rsplit(" · à ").next().unwrap_or_default();
                after.trim_end_matches(" km").parse().unwrap_or_else(|_| panic!("no distance in {line:?}"))
            };
            (km, card.chars().take(400).collect())
        })
        .collect()
}

/// The number of offers a page's heading announces.
fn announced(body: &str) -> u64 {
    let h = body.split("id=\"resultats\">").nth(1).and_then(|s| s.split(" offre").next()).unwrap_or_default();
    h.parse().unwrap_or_else(|_| panic!("no count in {h:?}"))
}

#[tokio::test]
async fn the_nearest_offers_come_first_from_a_typed_commune() {
    let db = with_places().await;
    let app = app_for(&db);
    let all = announced(&send(&app, get("/catalogue?page=5")).await.body);

    for typed in ["Saint-Gaudens", "st+gaudens", "SAINT-GAUDENS"] {
        let r = send(&app, get(&format!("/catalogue?pres={typed}&page=5"))).await;
        assert_eq!(r.status, StatusCode::OK, "{typed}");
        assert!(
            r.body.contains("Les offres les plus proches de Saint-Gaudens d’abord. Distances à vol d’oiseau."),
            "{typed}"
        );
        let d = distances(&r.body);
        // Every offer one can go to is listed, nearest first; Saint-Gaudens' own come first.
        assert_eq!(d.len() as u64, announced(&r.body));
        assert!(d.windows(2).all(|w| w[0].0 <= w[1].0), "{:?}", d.iter().map(|x| x.0).collect::<Vec<_>>());
        assert_eq!(d[0].0, 0);
        assert!(d.iter().take_while(|x| x.0 == 0).all(|x| x.1.contains("Saint-Gaudens")));
        // The offer placed in Valentine is 4 km away, though its commune is Saint-Gaudens.
        let valentine = d.iter().find(|x| x.1.contains("Permanence emploi à Valentine")).expect("listed");
        assert_eq!(valentine.0, 4);
        // Toulouse is 78 km away.
        assert!(
            d.iter().any(|x| x.0 == 78 && x.1.contains("Toulouse")),
            "{:?}",
            d.iter().map(|x| x.0).collect::<Vec<_>>()
        );
        // Offers done only at a distance are beside the list, marked, and none is lost.
        let remote = r.body.split("id=\"a-distance\"").nth(1).expect("the remote offers' section");
        assert!(remote.starts_with(">Aussi à distance, sans vous déplacer</h2>"), "{remote:.200}");
        assert!(remote.contains("Conseil budget par téléphone") && remote.contains(">À distance</span>"));
        assert_eq!(announced(&r.body) + remote.matches("class=\"offre-card\"").count() as u64, all);
    }

    // A postcode shared by several communes: the person chooses; the list is not sorted yet.
    let r = send(&app, get("/catalogue?pres=31800")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Plusieurs communes correspondent. Choisissez la vôtre :"));
    assert!(r.body.contains("<a href=\"/catalogue?pres=Saint-Gaudens\">Saint-Gaudens</a>"), "{}", r.body);
    assert!(!r.body.contains("les plus proches de"));
    // A postcode of one commune, and a name with a typo.
    let r = send(&app, get("/catalogue?pres=31300")).await;
    assert!(r.body.contains("Les offres les plus proches de Toulouse d’abord."));
    let r = send(&app, get("/catalogue?pres=Montrejau")).await;
    assert!(r.body.contains("Les offres les plus proches de Montréjeau d’abord."));
    // With other filters: the theme still filters, the order is by distance.
    let r = send(&app, get("/catalogue?pres=Montr%C3%A9jeau&theme=mobilite")).await;
    let d = distances(&r.body);
    assert!(!d.is_empty() && d.windows(2).all(|w| w[0].0 <= w[1].0));
    // The printed list follows the same order, distances written.
    let r = send(&app, get("/catalogue/imprimer?pres=Saint-Gaudens")).await;
    assert!(r.body.contains("Les plus proches de Saint-Gaudens d’abord"), "{}", r.body);
    assert!(r.body.contains("À moins de 1 km") && r.body.contains("À 4 km"));
    assert!(r.body.contains("Aussi à distance") && r.body.contains("Conseil budget par téléphone"));
    db.drop().await;
}

#[tokio::test]
async fn the_phones_position_sorts_the_list_and_is_not_kept_precisely() {
    let db = with_places().await;
    let app = app_for(&db);
    // What the button sends from a phone in Valentine.
    let r = send(&app, get("/catalogue?position=43.09,0.71")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Les offres les plus proches de vous d’abord."));
    let d = distances(&r.body);
    assert!(d[0].1.contains("Permanence emploi à Valentine") && d[0].0 == 0, "{:?}", d[0]);
    assert!(d[1..].iter().all(|x| x.0 >= 3));
    // The form keeps it for the next search; a typed commune wins over it.
    assert!(r.body.contains("name=\"position\" value=\"43.09,0.71\""));
    let r = send(&app, get("/catalogue?position=43.09,0.71&pres=Aspet")).await;
    assert!(r.body.contains("Les offres les plus proches de Aspet d’abord."));
    db.drop().await;
}

#[tokio::test]
async fn a_commune_or_position_not_understood_gets_a_400_in_the_persons_language() {
    let db = with_places().await;
    let app = app_for(&db);
    // The French messages are checked with the other bad filters (`catalogue_bad_filters_get_a_french_400`).
    let long = "a".repeat(300);
    let r = send(&app, get(&format!("/catalogue?pres={long}"))).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = send(&app, with_cookie(get("/catalogue?pres=Paris"), "langue=uk")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Ми не знаходимо «Paris» у Верхній Гаронні."), "{}", r.body);
    db.drop().await;
}
