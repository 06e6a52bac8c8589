//! Invitation links: read well on paper, single territory, expiry — on SQLite and PostgreSQL.
use super::model::*;
use super::service::*;
use crate::db::testing::TestDb;
use crate::itineraire::content;
use chrono::{Duration, Utc};

#[test]
fn tokens_read_well_on_paper() {
    let t = new_token().unwrap();
    assert_eq!(t.len(), 12);
    assert_eq!(normalize(&grouped(&t).to_lowercase()), Some(t.clone()));
    assert_eq!(normalize("7kq2-m9xd-4htr"), Some("7KQ2M9XD4HTR".into()));
    assert_eq!(normalize("OIL0-0000-0000"), Some("011000000000".into()));
    assert_eq!(normalize("7KQ2-M9XD"), None);
    assert_eq!(normalize("<script>alert(1)</script>"), None);
}

#[test]
fn nothing_printed_says_rsa() {
    let contact = content::territoire(Some("comminges")).unwrap().contact;
    let printed = texte_lettre(&contact).join(" ") + &texte_sms("https://x.example/i/AAAA-BBBB-CCCC");
    assert!(!printed.to_uppercase().contains("RSA"), "{printed}");
    assert!(!printed.to_lowercase().contains("revenu de solidarit"), "{printed}");
    assert!(printed.contains("05 99 00 31 12"), "{printed}");
}

#[tokio::test]
async fn links_open_the_territory_until_they_expire_then_a_human_contact() {
    for t in TestDb::all().await {
        let b = t.backend();
        crate::test_support::load_sample(&t.db).await;
        let staff = crate::test_support::staff_of(&t.db, "mobil-comminges", crate::auth::model::Role::Referent).await;
        let now = Utc::now();
        let tokens = create(&t.db, &staff, "comminges", 3, 60, now).await.unwrap();
        assert_eq!(tokens.len(), 3, "{b}");
        assert_eq!(
            open(&t.db, &grouped(&tokens[0]).to_lowercase(), now).await.unwrap(),
            Ouverture::Valide("comminges".into()),
            "{b}"
        );
        // 61 days later: the Comminges contact, not an error.
        match open(&t.db, &tokens[1], now + Duration::days(61)).await.unwrap() {
            Ouverture::Expiree(ter) => assert_eq!(ter.contact.telephone, "05 99 00 31 12", "{b}"),
            other => panic!("{b}: {other:?}"),
        }
        assert!(matches!(open(&t.db, "AAAA-BBBB-CCCC", now).await.unwrap(), Ouverture::Inconnue(_)), "{b}");
        assert!(matches!(open(&t.db, "n'importe quoi", now).await.unwrap(), Ouverture::Inconnue(_)), "{b}");
        t.drop().await;
    }
}
