//! Orientation requests: sent, answered once, closed and erased on schedule — on SQLite and (with
//! DATABASE_URL) PostgreSQL.
#![allow(clippy::unwrap_used)]
use super::service::*;
use crate::auth::model::Role;
use crate::db::statement as sql;
use crate::db::testing::TestDb;
use crate::error::EditError;
use crate::test_support::{form, last_message, load_sample, pro};
use chrono::{Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};

/// The request posted with these fields, as the server reads and sends it.
async fn send(
    db: &DatabaseConnection,
    staff: &crate::auth::model::Staff,
    offre: &str,
    fields: &[(String, String)],
    now: chrono::DateTime<Utc>,
) -> Result<String, EditError> {
    super::service::send(db, staff, offre, &crate::ui::form::parse_fields(fields).unwrap(), now).await
}

/// The structure's answer posted with these fields.
async fn answer(
    db: &DatabaseConnection,
    jeton: &str,
    fields: &[(String, String)],
    now: chrono::DateTime<Utc>,
) -> Result<(), EditError> {
    super::service::answer(db, jeton, &crate::ui::form::parse_fields(fields).unwrap(), now).await
}

async fn offre(db: &DatabaseConnection, nom: &str) -> String {
    let r = db.query_one_raw(sql(db, "SELECT id FROM offre WHERE nom = ?", vec![nom.into()])).await.unwrap().unwrap();
    r.try_get("", "id").unwrap()
}

fn demande(carnet: &str) -> Vec<(String, String)> {
    form(&[
        ("personne_nom", "Léa Martin"),
        ("personne_contact", "06 12 34 56 78"),
        ("preference", "sms"),
        ("objet", "Passer le permis B avec un accompagnement"),
        ("message", "Léa a un entretien d’embauche qui demande le permis."),
        ("carnet", carnet),
        ("consentement", "oui"),
    ])
}

#[tokio::test]
async fn a_referent_orients_a_person_and_the_structure_answers_through_its_link() {
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let referent = pro(db, "ccas-montrejeau", Role::Referent, "Camille Référente").await;
        let stranger = pro(db, "adil-31", Role::Referent, "Autre Référent").await;
        let identite = crate::carnet::identite::Identite {
            prenom: "Léa".into(),
            nom: "Martin".into(),
            date_naissance: chrono::NaiveDate::from_ymd_opt(1990, 4, 12).unwrap(),
            numero_caf: None,
            telephone: None,
            courriel: None,
            adresse: None,
        };
        let carnet = crate::carnet::identite::create(db, &referent, identite, now).await.unwrap();
        let permis = offre(db, "Permis de conduire solidaire").await;
        // Without the person's consent, with a wrong contact, or someone else's carnet: refused, field by field.
        let mut bad = demande(&carnet);
        bad.retain(|(k, _)| k != "consentement");
        bad.retain(|(k, _)| k != "personne_contact");
        bad.push(("personne_contact".into(), "pas un contact".into()));
        match send(db, &referent, &permis, &bad, now).await {
            Err(EditError::Invalid(e)) => {
                let fields: Vec<&str> = e.iter().map(|(k, _)| k.as_str()).collect();
                assert_eq!(fields, ["personne_contact", "consentement"], "{b}");
            }
            other => panic!("{b}: {other:?}"),
        }
        assert!(
            matches!(send(db, &stranger, &permis, &demande(&carnet), now).await, Err(EditError::Invalid(e)) if e[0].0 == "carnet"),
            "{b}"
        );
        assert!(
            matches!(send(db, &referent, "inconnue", &demande(&carnet), now).await, Err(EditError::NotFound)),
            "{b}"
        );
        // Sent: the structure gets an e-mail with its link; the carnet says so.
        let token = send(db, &referent, &permis, &demande(&carnet), now).await.expect(b);
        let mail = last_message(db, "orientation", "contact@mobil-comminges.example").await.expect(b);
        assert_eq!(mail.lien.as_deref(), Some(format!("/orientation/{token}").as_str()), "{b}");
        let notes = crate::carnet::timeline::of(db, &carnet, now).await.unwrap();
        assert!(notes[0].texte.starts_with("Orientation envoyée vers « Permis de conduire solidaire »"), "{b}");
        let vue = by_token(db, &token, now).await.unwrap().expect(b);
        assert_eq!((vue.personne_contact.as_str(), vue.en_attente), ("06 12 34 56 78", true), "{b}");
        assert!(by_token(db, "x", now).await.unwrap().is_none(), "{b}");
        // A refusal needs its reason; then an acceptance lands, once.
        let refused = answer(db, &token, &form(&[("reponse", "refusee")]), now).await;
        assert!(matches!(refused, Err(EditError::Invalid(_))), "{b}");
        answer(db, &token, &form(&[("reponse", "acceptee")]), now).await.expect(b);
        assert!(
            matches!(
                answer(db, &token, &form(&[("reponse", "refusee"), ("motif", "complet")]), now).await,
                Err(EditError::Conflict { .. })
            ),
            "{b}"
        );
        assert_eq!(by_token(db, &token, now).await.unwrap().unwrap().statut, "Acceptée", "{b}");
        // The structure's link shows the answered request 30 days more, then nothing.
        assert!(by_token(db, &token, now + Duration::days(29)).await.unwrap().is_some(), "{b}");
        assert!(by_token(db, &token, now + Duration::days(31)).await.unwrap().is_none(), "{b}");
        assert!(last_message(db, "orientation_reponse", &referent.email).await.is_some(), "{b}");
        let notes = crate::carnet::timeline::of(db, &carnet, now).await.unwrap();
        assert_eq!(notes[0].texte, "Orientation vers « Permis de conduire solidaire » acceptée.", "{b}");
        assert!(notes[0].auteur.contains("(réponse à une orientation)"), "{b}");
        assert_eq!(sent_by(db, &referent).await.unwrap().len(), 1, "{b}");
        assert!(sent_by(db, &stranger).await.unwrap().is_empty(), "{b}");

        // Unanswered for 30 days: closed (noted in the carnet); after 2 years: the person's data erased.
        let other = send(db, &referent, &permis, &demande(&carnet), now).await.expect(b);
        assert_eq!(clean_up(db, now + Duration::days(29), 730).await.unwrap(), (0, 0), "{b}");
        assert_eq!(clean_up(db, now + Duration::days(31), 730).await.unwrap(), (1, 0), "{b}");
        // Closed: the professional sees it so; the structure's link opens nothing more.
        let mine = sent_by(db, &referent).await.unwrap();
        assert!(mine.iter().any(|o| o.statut == "Close sans réponse"), "{b}");
        assert!(by_token(db, &other, now + Duration::days(31)).await.unwrap().is_none(), "{b}");
        assert_eq!(clean_up(db, now + Duration::days(731), 730).await.unwrap(), (0, 2), "{b}");
        assert!(by_token(db, &other, now + Duration::days(731)).await.unwrap().is_none(), "{b}");
        let left = db
            .query_one_raw(sql(
                db,
                "SELECT COUNT(*) AS n FROM orientation WHERE personne_nom <> '' OR personne_contact <> ''",
                vec![],
            ))
            .await
            .unwrap()
            .unwrap();
        assert_eq!(left.try_get::<i64>("", "n").unwrap(), 0, "{b}");
        t.drop().await;
    }
}
