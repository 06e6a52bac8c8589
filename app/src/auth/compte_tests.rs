//! Password links and password change: single use, expiry, sessions closed — on SQLite and (with
//! DATABASE_URL) PostgreSQL.
use crate::auth::compte::{self, PasswordError};
use crate::auth::model::Role;
use crate::auth::session::{sign_in, staff_for_token};
use crate::db::testing::TestDb;
use crate::test_support::{last_message, load_sample, with_password, PASSWORD};
use chrono::{Duration, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};

/// The token of the last password link e-mailed to `to` (kind `mot_de_passe` or `invitation`).
async fn link_sent_to(db: &DatabaseConnection, kind: &str, to: &str) -> Option<String> {
    let m = last_message(db, kind, to).await?;
    assert!(!m.corps.contains("RSA"));
    m.lien?.strip_prefix("/pro/mot-de-passe/").map(str::to_owned)
}

#[tokio::test]
async fn a_forgotten_password_is_replaced_once_through_an_emailed_link() {
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        with_password(db, "camille@mobil.example", "mobil-comminges", Role::Referent).await;
        let old_session = sign_in(db, "camille@mobil.example", PASSWORD, now).await.unwrap();

        // An unknown address: the same answer, and nothing is sent.
        compte::request_reset(db, "personne@nulle-part.example", now).await.unwrap();
        assert!(link_sent_to(db, "mot_de_passe", "personne@nulle-part.example").await.is_none(), "{b}");
        compte::request_reset(db, " Camille@Mobil.example ", now).await.unwrap();
        let token = link_sent_to(db, "mot_de_passe", "camille@mobil.example").await.expect(b);
        assert_eq!(
            compte::link_account(db, &token, now).await.unwrap().map(|(a, k)| (a.email, k)),
            Some(("camille@mobil.example".into(), compte::Kind::Reinitialisation)),
            "{b}"
        );

        // Bad passwords are refused with a message on the field, and the link stays usable.
        assert!(
            matches!(
                compte::set_password_with_link(db, &token, "court", "court", now).await,
                Err(PasswordError::Field("mot_de_passe", _))
            ),
            "{b}"
        );
        assert!(
            matches!(
                compte::set_password_with_link(db, &token, "un autre mot de passe", "un autre mot", now).await,
                Err(PasswordError::Field("confirmation", _))
            ),
            "{b}"
        );
        compte::set_password_with_link(db, &token, "un autre mot de passe", "un autre mot de passe", now)
            .await
            .expect(b);
        // Once only; the old password and the old session are over; the new password works.
        assert!(
            matches!(
                compte::set_password_with_link(db, &token, "encore un autre mot", "encore un autre mot", now).await,
                Err(PasswordError::Expired)
            ),
            "{b}"
        );
        assert!(staff_for_token(db, &old_session, now).await.unwrap().is_none(), "{b}: old session closed");
        assert!(sign_in(db, "camille@mobil.example", PASSWORD, now).await.is_err(), "{b}");
        assert!(sign_in(db, "camille@mobil.example", "un autre mot de passe", now).await.is_ok(), "{b}");

        // A link is good for an hour; at most three are sent in an hour.
        compte::request_reset(db, "camille@mobil.example", now).await.unwrap();
        let late = link_sent_to(db, "mot_de_passe", "camille@mobil.example").await.unwrap();
        assert!(compte::link_account(db, &late, now + Duration::minutes(61)).await.unwrap().is_none(), "{b}");
        assert!(
            matches!(
                compte::set_password_with_link(
                    db,
                    &late,
                    "un troisième mot de passe",
                    "un troisième mot de passe",
                    now + Duration::minutes(61)
                )
                .await,
                Err(PasswordError::Expired)
            ),
            "{b}"
        );
        compte::request_reset(db, "camille@mobil.example", now).await.unwrap();
        let before = crate::outbox::entity::Entity::find().all(db).await.unwrap().len();
        compte::request_reset(db, "camille@mobil.example", now).await.unwrap();
        assert_eq!(
            crate::outbox::entity::Entity::find().all(db).await.unwrap().len(),
            before,
            "{b}: a fourth link in the hour is not sent"
        );
        t.drop().await;
    }
}

#[tokio::test]
async fn changing_ones_password_closes_the_other_sessions() {
    for t in TestDb::all().await {
        let b = t.backend();
        let db = &t.db;
        load_sample(db).await;
        let now = Utc::now();
        let me = with_password(db, "sam@ccas.example", "ccas-montrejeau", Role::Referent).await;
        let phone = sign_in(db, "sam@ccas.example", PASSWORD, now).await.unwrap();
        let wrong =
            compte::change_password(db, &me.id, "pas le bon", "nouveau mot de passe", "nouveau mot de passe", now)
                .await;
        assert!(matches!(wrong, Err(PasswordError::Field("actuel", _))), "{b}");
        assert!(staff_for_token(db, &phone, now).await.unwrap().is_some(), "{b}: nothing changed");
        let fresh = compte::change_password(db, &me.id, PASSWORD, "nouveau mot de passe", "nouveau mot de passe", now)
            .await
            .expect(b);
        assert!(staff_for_token(db, &phone, now).await.unwrap().is_none(), "{b}: the other session is closed");
        assert_eq!(
            staff_for_token(db, &fresh, now).await.unwrap().map(|s| s.id),
            Some(me.id.clone()),
            "{b}: this browser stays signed in"
        );
        t.drop().await;
    }
}
