//! Sign-in and session tests, on SQLite and (with DATABASE_URL) PostgreSQL.
#![allow(clippy::unwrap_used)] // Tests stop at the first unexpected answer.
use super::model::Role;
use super::session::*;
use crate::db::testing::TestDb;
use chrono::{Duration, Utc};

const SAMPLE: &[u8] = include_bytes!("../../../server/seed/catalogue-exemple.json");

async fn account(db: &sea_orm::DatabaseConnection, email: &str, password: &str) -> String {
    crate::catalogue::import::import_json(db, SAMPLE, |_, _| {}).await.unwrap();
    let s = crate::organisation::service::find(db, "itineraire-exemple:mobil-comminges").await.unwrap().unwrap();
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
async fn sign_in_says_the_same_for_every_refusal_and_nobody_can_keep_an_account_locked() {
    use crate::rate_limit::Limits;
    let limits = Limits::default();
    let (a, b_ip): (std::net::IpAddr, std::net::IpAddr) =
        ("198.51.100.7".parse().unwrap(), "203.0.113.9".parse().unwrap());
    for t in TestDb::all().await {
        let b = t.backend();
        account(&t.db, "camille@example.org", "un mot de passe long").await;
        let now = Utc::now();
        let from = |ip, email: &'static str, pw: &'static str, at| {
            let (db, limits) = (t.db.clone(), limits.clone());
            async move { sign_in_from(&db, &limits, ip, email, pw, at).await }
        };
        // An unknown address and a wrong password: the same answer, the same message.
        let unknown = from(a, "inconnu@example.org", "un mot de passe long", now).await;
        let wrong = from(a, "camille@example.org", "mauvais", now).await;
        assert!(matches!(unknown, Err(SignInError::Invalid)) && matches!(wrong, Err(SignInError::Invalid)), "{b}");
        for _ in 1..MAX_FAILED_LOGINS {
            assert!(matches!(from(a, "camille@example.org", "mauvais", now).await, Err(SignInError::Invalid)), "{b}");
        }
        // From this connection, even the right password now gets the same answer, for 15 minutes…
        let waiting = from(a, "camille@example.org", "un mot de passe long", now).await;
        assert!(matches!(waiting, Err(SignInError::Invalid)), "{b}: {waiting:?}");
        assert_eq!(waiting.unwrap_err().to_string(), SignInError::Invalid.to_string(), "{b}");
        // …while the account's owner signs in from her own connection: not locked out by anyone.
        assert!(from(b_ip, "camille@example.org", "un mot de passe long", now).await.is_ok(), "{b}");
        let later = now + Duration::minutes(LOCK_MINUTES + 1);
        assert!(from(a, "camille@example.org", "un mot de passe long", later).await.is_ok(), "{b}");
        // One connection trying many accounts is throttled, whatever the accounts.
        let c: std::net::IpAddr = "192.0.2.44".parse().unwrap();
        let mut throttled = 0;
        for _ in 0..32 {
            if matches!(from(c, "inconnu@example.org", "x", later).await, Err(SignInError::Throttled)) {
                throttled += 1;
            }
        }
        assert_eq!(throttled, 2, "{b}: 30 attempts per 15 minutes from one connection");
        t.drop().await;
    }
}

#[tokio::test]
async fn an_unknown_address_takes_as_long_as_a_wrong_password() {
    let t = TestDb::sqlite().await;
    account(&t.db, "camille@example.org", "un mot de passe long").await;
    let now = Utc::now();
    // Other tests hash passwords at the same time on a loaded machine: measure the two in turns
    // and compare the fastest of each (waiting only ever adds time).
    let (mut unknown, mut wrong) = (std::time::Duration::MAX, std::time::Duration::MAX);
    for _ in 0..7 {
        for (email, best) in [("inconnu@example.org", &mut unknown), ("camille@example.org", &mut wrong)] {
            let start = std::time::Instant::now();
            assert!(matches!(sign_in(&t.db, email, "mauvais", now).await, Err(SignInError::Invalid)));
            *best = (*best).min(start.elapsed());
        }
    }
    // Both hash a password (argon2id, tens of milliseconds): neither answers at once.
    assert!(unknown * 2 > wrong && wrong * 2 > unknown, "unknown {unknown:?} vs wrong {wrong:?}");
    t.drop().await;
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

#[tokio::test]
async fn ended_sessions_and_used_or_expired_password_links_are_purged() {
    use super::db::{lien, session};
    use sea_orm::EntityTrait;
    for t in TestDb::all().await {
        let b = t.backend();
        account(&t.db, "camille@example.org", "un mot de passe long").await;
        let now = Utc::now();
        let token = sign_in(&t.db, "camille@example.org", "un mot de passe long", now).await.expect(b);
        let acc = super::db::account::Entity::find().one(&t.db).await.unwrap().unwrap();
        super::compte::request_reset(&t.db, "camille@example.org", now).await.unwrap();
        assert_eq!(purge(&t.db, now + Duration::minutes(30)).await.unwrap(), 0, "{b}: all still valid");
        assert_eq!(session::Entity::find().all(&t.db).await.unwrap().len(), 1, "{b}");
        // 13 hours later: the session (12 h) and the reset link (60 min) are gone.
        assert_eq!(purge(&t.db, now + Duration::hours(13)).await.unwrap(), 2, "{b}");
        assert!(session::Entity::find().all(&t.db).await.unwrap().is_empty(), "{b}");
        assert!(lien::Entity::find().all(&t.db).await.unwrap().is_empty(), "{b}");
        assert!(staff_for_token(&t.db, &token, now + Duration::hours(13)).await.unwrap().is_none(), "{b}");
        assert_eq!(acc.email, "camille@example.org", "{b}: the account stays");
        t.drop().await;
    }
}
