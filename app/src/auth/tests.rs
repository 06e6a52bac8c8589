//! Sign-in and session tests, on SQLite and (with DATABASE_URL) PostgreSQL.
#![allow(clippy::unwrap_used)] // Tests stop at the first unexpected answer.
use super::model::Role;
use super::session::*;
use crate::db::testing::TestDb;
use chrono::{Duration, Utc};

const SAMPLE: &[u8] = include_bytes!("../../../server/seed/catalogue-exemple.json");

async fn account(db: &sea_orm::DatabaseConnection, email: &str, password: &str) -> String {
    crate::catalogue::db::import::import_json(db, SAMPLE, |_, _| {}).await.unwrap();
    let s = crate::catalogue::db::find_structure(db, "itineraire-exemple:mobil-comminges").await.unwrap().unwrap();
    let input = AccountInput {
        email: email.into(),
        nom: "Camille Martin".into(),
        role: Role::AdminStructure,
        structure_id: Some(s.id.clone()),
        password: password.into(),
    };
    assert!(put_account(db, input).await.unwrap(), "created");
    s.id
}

#[tokio::test]
async fn right_password_opens_a_session_that_expires() {
    for t in TestDb::all().await {
        let b = t.backend();
        let structure = account(&t.db, "Camille@Example.org", "un mot de passe long").await;
        let now = Utc::now();
        // E-mail compared without case or surrounding spaces.
        let token = sign_in(&t.db, " camille@example.ORG ", "un mot de passe long", now).await.expect(b);
        let staff = staff_for_token(&t.db, &token, now).await.unwrap().expect(b);
        assert_eq!(
            (staff.nom.as_str(), staff.role, staff.structure_id.as_deref()),
            ("Camille Martin", Role::AdminStructure, Some(structure.as_str())),
            "{b}"
        );
        assert_eq!(staff.structure_nom.as_deref(), Some("Association Mobil’Comminges (exemple)"), "{b}");
        assert!(staff_for_token(&t.db, "not-a-token", now).await.unwrap().is_none(), "{b}");
        // 12 hours later the session is over.
        assert!(staff_for_token(&t.db, &token, now + Duration::hours(13)).await.unwrap().is_none(), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn wrong_passwords_are_refused_then_lock_the_account() {
    for t in TestDb::all().await {
        let b = t.backend();
        account(&t.db, "camille@example.org", "un mot de passe long").await;
        let now = Utc::now();
        assert!(
            matches!(
                sign_in(&t.db, "inconnu@example.org", "un mot de passe long", now).await,
                Err(SignInError::Invalid)
            ),
            "{b}"
        );
        for _ in 0..MAX_FAILED_LOGINS {
            assert!(
                matches!(sign_in(&t.db, "camille@example.org", "mauvais", now).await, Err(SignInError::Invalid)),
                "{b}"
            );
        }
        // Locked: even the right password is refused, with the waiting time.
        let locked = sign_in(&t.db, "camille@example.org", "un mot de passe long", now).await;
        assert!(matches!(locked, Err(SignInError::Locked { minutes: 15 })), "{b}: {locked:?}");
        // A quarter of an hour later, the right password works again.
        let later = now + Duration::minutes(LOCK_MINUTES + 1);
        assert!(sign_in(&t.db, "camille@example.org", "un mot de passe long", later).await.is_ok(), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn sign_out_and_password_change_close_sessions() {
    for t in TestDb::all().await {
        let b = t.backend();
        let structure = account(&t.db, "camille@example.org", "un mot de passe long").await;
        let now = Utc::now();
        let token = sign_in(&t.db, "camille@example.org", "un mot de passe long", now).await.expect(b);
        let mut headers = http::HeaderMap::new();
        headers.insert(http::header::COOKIE, format!("autre=1; {COOKIE}={token}").parse().unwrap());
        assert!(staff_from_headers(&t.db, &headers).await.unwrap().is_some(), "{b}");
        sign_out(&t.db, &headers).await.unwrap();
        assert!(staff_from_headers(&t.db, &headers).await.unwrap().is_none(), "{b}");

        let token = sign_in(&t.db, "camille@example.org", "un mot de passe long", now).await.expect(b);
        let input = AccountInput {
            email: "camille@example.org".into(),
            nom: "Camille Martin".into(),
            role: Role::Referent,
            structure_id: Some(structure),
            password: "un autre mot de passe".into(),
        };
        assert!(!put_account(&t.db, input).await.unwrap(), "{b}: updated, not created");
        assert!(staff_for_token(&t.db, &token, now).await.unwrap().is_none(), "{b}");
        assert!(
            matches!(
                sign_in(&t.db, "camille@example.org", "un mot de passe long", now).await,
                Err(SignInError::Invalid)
            ),
            "{b}"
        );
        t.drop().await;
    }
}

#[tokio::test]
async fn weak_or_incomplete_accounts_are_refused() {
    let t = TestDb::sqlite().await;
    let input = |email: &str, password: &str, structure: Option<String>, role| AccountInput {
        email: email.into(),
        nom: "X".into(),
        role,
        structure_id: structure,
        password: password.into(),
    };
    assert!(put_account(&t.db, input("pas-un-email", "un mot de passe long", None, Role::Admin)).await.is_err());
    assert!(put_account(&t.db, input("a@example.org", "court", None, Role::Admin)).await.is_err());
    assert!(put_account(&t.db, input("a@example.org", "un mot de passe long", None, Role::Referent)).await.is_err());
    assert!(put_account(&t.db, input("a@example.org", "un mot de passe long", None, Role::Admin)).await.is_ok());
    t.drop().await;
}
