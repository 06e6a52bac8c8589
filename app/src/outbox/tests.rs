//! The outbox on SQLite and (with DATABASE_URL) PostgreSQL, with a fixed clock: each message
//! leaves once, its text is erased, temporary failures wait longer each time, refusals stop,
//! reminders wait for the morning, « STOP » holds, failures can be sent again.
use super::*;
use crate::db::testing::TestDb;
use crate::i18n::Langue;
use crate::test_support::Recorder;
use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::{DatabaseConnection, EntityTrait};
use std::sync::Arc;

const SITE: &str = "https://itineraire.example";

/// 10:00 in Paris on a Monday in December (outside the quiet hours).
fn morning() -> DateTime<Utc> {
    chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap().with_timezone(&Utc)
}

fn code(to: &str) -> Message {
    Message::new("code_personne", Canal::Sms, to.into(), "Votre code".into(), "Votre code : 123456.".into())
}

async fn all(db: &DatabaseConnection) -> Vec<entity::Model> {
    entity::Entity::find().all(db).await.unwrap()
}

async fn one(db: &DatabaseConnection) -> entity::Model {
    let mut rows = all(db).await;
    assert_eq!(rows.len(), 1);
    rows.remove(0)
}

#[tokio::test]
async fn a_message_leaves_once_with_its_link_then_only_its_trace_remains() {
    for t in TestDb::all().await {
        let b = t.backend();
        let now = morning();
        let m = code("06 12 34 56 78").lien("/mon-carnet").about("carnet:c1");
        enqueue(&t.db, m, now).await.unwrap();
        let r = Arc::new(Recorder::default());
        assert_eq!(deliver_pending(&t.db, &r.both(), SITE, now).await.unwrap(), 1, "{b}");
        assert_eq!(deliver_pending(&t.db, &r.both(), SITE, now + Duration::hours(1)).await.unwrap(), 0, "{b}");
        let sent = r.sent();
        assert_eq!(sent.len(), 1, "{b}");
        assert_eq!(sent[0].texte, "Votre code : 123456.\nhttps://itineraire.example/mon-carnet", "{b}");
        // What stays: kind, channel, masked recipient, status, times, attempts; never the code.
        let row = one(&t.db).await;
        assert_eq!(row.statut, Statut::Envoye, "{b}");
        assert_eq!((row.corps.as_str(), row.lien.as_deref()), ("", None), "{b}");
        assert_eq!(row.destinataire, "06 •• •• •• 78", "{b}");
        assert_eq!((row.attempts, row.sent_at), (1, Some(now)), "{b}");
        assert_eq!(row.fournisseur_ref.as_deref(), Some(format!("ref-{}", row.id).as_str()), "{b}");
        let seen = last_deliveries(&t.db, &["carnet:c1".to_owned()]).await.unwrap();
        assert_eq!(seen["carnet:c1"].libelle, "envoyé", "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn a_provider_away_is_tried_again_after_1_5_30_120_and_720_minutes_then_the_failure_is_kept() {
    for t in TestDb::all().await {
        let b = t.backend();
        let start = morning();
        enqueue(&t.db, code("06 12 34 56 78"), start).await.unwrap();
        let r = Arc::new(Recorder::default());
        r.failing(Some(SendError::Temporary("relais indisponible".into())));
        let mut now = start;
        for (attempt, wait) in [(1, 1), (2, 5), (3, 30), (4, 120), (5, 720)] {
            assert_eq!(deliver_pending(&t.db, &r.both(), SITE, now).await.unwrap(), 0, "{b}");
            let row = one(&t.db).await;
            assert_eq!((row.attempts, row.statut), (attempt, Statut::EnAttente), "{b}");
            assert_eq!(row.prochain_essai, Some(now + Duration::minutes(wait)), "{b}: try {attempt}");
            // Not before its time (the quiet hours do not hold back a code).
            deliver_pending(&t.db, &r.both(), SITE, now + Duration::minutes(wait) - Duration::seconds(1))
                .await
                .unwrap();
            assert_eq!(one(&t.db).await.attempts, attempt, "{b}");
            now += Duration::minutes(wait);
        }
        deliver_pending(&t.db, &r.both(), SITE, now).await.unwrap();
        let row = one(&t.db).await;
        assert_eq!((row.attempts, row.statut), (MAX_ATTEMPTS, Statut::Echec), "{b}");
        assert_eq!(row.last_error.as_deref(), Some("6 essais sans succès ; dernier : relais indisponible"), "{b}");
        // Kept for « Renvoyer »; never tried again on its own.
        assert_eq!(row.corps, "Votre code : 123456.", "{b}");
        deliver_pending(&t.db, &r.both(), SITE, now + Duration::days(1)).await.unwrap();
        assert_eq!(one(&t.db).await.attempts, MAX_ATTEMPTS, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn a_refusal_stops_at_once_with_its_reason_and_no_retry() {
    for t in TestDb::all().await {
        let b = t.backend();
        let now = morning();
        enqueue(&t.db, code("06 12 34 56 78").about("inscription:i1"), now).await.unwrap();
        let r = Arc::new(Recorder::default());
        r.failing(Some(SendError::Permanent("API SMS, réponse 400 : numéro invalide".into())));
        deliver_pending(&t.db, &r.both(), SITE, now).await.unwrap();
        deliver_pending(&t.db, &r.both(), SITE, now + Duration::days(1)).await.unwrap();
        let row = one(&t.db).await;
        assert_eq!((row.attempts, row.statut), (1, Statut::Echec), "{b}");
        let seen = last_deliveries(&t.db, &["inscription:i1".to_owned()]).await.unwrap();
        assert_eq!(seen["inscription:i1"].libelle, "échec : API SMS, réponse 400 : numéro invalide", "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn two_servers_sending_at_once_never_send_a_message_twice() {
    for t in TestDb::all().await {
        let b = t.backend();
        let now = morning();
        for i in 0..60 {
            enqueue(&t.db, code(&format!("06 00 00 00 {i:02}")), now).await.unwrap();
        }
        let r = Arc::new(Recorder::default());
        *r.delay.lock().unwrap() = std::time::Duration::from_millis(5);
        let senders = r.both();
        let (a, c) = tokio::join!(
            async {
                let mut n = 0;
                while let Ok(k @ 1..) = deliver_pending(&t.db, &senders, SITE, now).await {
                    n += k;
                }
                n
            },
            async {
                let mut n = 0;
                while let Ok(k @ 1..) = deliver_pending(&t.db, &senders, SITE, now).await {
                    n += k;
                }
                n
            }
        );
        assert_eq!(a + c, 60, "{b}");
        let mut ids: Vec<String> = r.sent().into_iter().map(|m| m.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 60, "{b}: each message once");
        assert_eq!(r.sent().len(), 60, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn reminders_wait_for_eight_in_the_morning_but_codes_go_at_night() {
    for t in TestDb::all().await {
        let b = t.backend();
        let night = chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 12, 7, 22, 30, 0).unwrap().with_timezone(&Utc);
        enqueue(&t.db, code("06 12 34 56 78"), night).await.unwrap();
        let reminder = Message::new(
            "rappel_seance",
            Canal::Sms,
            "06 12 34 56 78".into(),
            "Rappel".into(),
            "Rappel : demain.".into(),
        )
        .reminder(Langue::Fr);
        enqueue(&t.db, reminder, night).await.unwrap();
        let r = Arc::new(Recorder::default());
        assert_eq!(deliver_pending(&t.db, &r.both(), SITE, night).await.unwrap(), 1, "{b}");
        assert_eq!(r.sent()[0].kind, "code_personne", "{b}");
        let dawn = chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 12, 8, 7, 59, 0).unwrap().with_timezone(&Utc);
        assert_eq!(deliver_pending(&t.db, &r.both(), SITE, dawn).await.unwrap(), 0, "{b}");
        assert_eq!(deliver_pending(&t.db, &r.both(), SITE, dawn + Duration::minutes(1)).await.unwrap(), 1, "{b}");
        assert_eq!(r.sent()[1].kind, "rappel_seance", "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn a_channel_without_a_sender_keeps_its_messages_until_one_is_configured() {
    for t in TestDb::all().await {
        let b = t.backend();
        let now = morning();
        enqueue(&t.db, code("06 12 34 56 78"), now).await.unwrap();
        let r = Arc::new(Recorder::default());
        let mail_only = Senders { courriel: Some(r.clone()), ..Default::default() };
        assert_eq!(deliver_pending(&t.db, &mail_only, SITE, now).await.unwrap(), 0, "{b}");
        assert_eq!(deliver_pending(&t.db, &Senders::default(), SITE, now).await.unwrap(), 0, "{b}");
        let row = one(&t.db).await;
        assert_eq!((row.statut, row.attempts), (Statut::EnAttente, 0), "{b}");
        assert_eq!(queue(&t.db, now).await.unwrap().en_attente, 1, "{b}");
        assert_eq!(deliver_pending(&t.db, &r.both(), SITE, now + Duration::days(2)).await.unwrap(), 1, "{b}");
        t.drop().await;
    }
}

/// The « STOP » token in a reminder's text.
fn stop_token(texte: &str) -> String {
    texte.split("/messages/arret/").nth(1).unwrap().split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn stop_ends_reminders_not_the_codes_she_asks_for_and_can_be_undone() {
    for t in TestDb::all().await {
        let b = t.backend();
        let now = morning();
        let reminder = |n: u32| {
            Message::new("rappel_seance", Canal::Sms, "06 12 34 56 78".into(), "Rappel".into(), format!("Rappel {n}."))
                .reminder(Langue::Fr)
        };
        enqueue(&t.db, reminder(1), now).await.unwrap();
        let r = Arc::new(Recorder::default());
        deliver_pending(&t.db, &r.both(), SITE, now).await.unwrap();
        let texte = r.sent()[0].texte.clone();
        assert!(
            texte.starts_with("Rappel 1.\nPlus de rappels : https://itineraire.example/messages/arret/"),
            "{b}: {texte}"
        );
        let token = stop_token(&texte);
        assert_eq!(token.len(), 16, "{b}");
        // The page knows the contact only masked.
        let v = arret::view(&t.db, &token).await.unwrap().expect(b);
        assert_eq!((v.destinataire.as_str(), v.arrete), ("06 •• •• •• 78", false), "{b}");
        assert!(arret::view(&t.db, "inconnu").await.unwrap().is_none(), "{b}");
        arret::set(&t.db, &token, true, now).await.unwrap().expect(b);
        arret::set(&t.db, &token, true, now).await.unwrap().expect(b);
        // Written the same way (+33…): the same contact.
        enqueue(&t.db, Message { destinataire: "+33 6 12 34 56 78".into(), ..reminder(2) }, now).await.unwrap();
        enqueue(&t.db, code("06 12 34 56 78"), now).await.unwrap();
        deliver_pending(&t.db, &r.both(), SITE, now).await.unwrap();
        let kinds: Vec<String> = r.sent().iter().map(|m| m.kind.clone()).collect();
        assert_eq!(kinds, ["rappel_seance", "code_personne"], "{b}");
        let stopped = all(&t.db).await.into_iter().find(|m| m.statut == Statut::Arrete).expect(b);
        assert_eq!(stopped.corps, "", "{b}: not sent, text erased");
        // Undone: the next reminder goes.
        assert!(!arret::set(&t.db, &token, false, now).await.unwrap().expect(b).arrete, "{b}");
        enqueue(&t.db, reminder(3), now).await.unwrap();
        deliver_pending(&t.db, &r.both(), SITE, now).await.unwrap();
        assert!(r.sent().last().unwrap().texte.starts_with("Rappel 3."), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn a_failed_message_is_sent_again_once_by_its_own_structure_within_seven_days() {
    for t in TestDb::all().await {
        let b = t.backend();
        let now = morning();
        enqueue(&t.db, code("06 12 34 56 78").structure(Some("s1".into())), now).await.unwrap();
        let r = Arc::new(Recorder::default());
        r.failing(Some(SendError::Permanent("numéro inconnu".into())));
        deliver_pending(&t.db, &r.both(), SITE, now).await.unwrap();
        let listed = failures(&t.db, Some("s1"), now).await.unwrap();
        assert_eq!(listed.len(), 1, "{b}");
        assert!(listed[0].renvoyable, "{b}");
        assert!(failures(&t.db, Some("s2"), now).await.unwrap().is_empty(), "{b}");
        assert_eq!(failures(&t.db, None, now).await.unwrap().len(), 1, "{b}: national admins see all");
        let id = listed[0].id.clone();
        assert_eq!(resend(&t.db, Some("s2"), &id, now).await, Err(ResendError::NotFound), "{b}: another structure's");
        r.failing(None);
        resend(&t.db, Some("s1"), &id, now).await.expect(b);
        assert_eq!(resend(&t.db, Some("s1"), &id, now).await, Err(ResendError::NotFound), "{b}: once");
        assert_eq!(deliver_pending(&t.db, &r.both(), SITE, now).await.unwrap(), 1, "{b}");
        assert_eq!(one(&t.db).await.statut, Statut::Envoye, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn failures_older_than_seven_days_lose_their_text_and_old_messages_go() {
    for t in TestDb::all().await {
        let b = t.backend();
        let now = morning();
        enqueue(&t.db, code("06 12 34 56 78"), now).await.unwrap();
        let r = Arc::new(Recorder::default());
        r.failing(Some(SendError::Permanent("numéro inconnu".into())));
        deliver_pending(&t.db, &r.both(), SITE, now).await.unwrap();
        purge(&t.db, now - Duration::days(90), now + Duration::days(6)).await.unwrap();
        assert_eq!(one(&t.db).await.corps, "Votre code : 123456.", "{b}");
        purge(&t.db, now - Duration::days(90), now + Duration::days(8)).await.unwrap();
        let row = one(&t.db).await;
        assert_eq!((row.corps.as_str(), row.destinataire.as_str()), ("", "06 •• •• •• 78"), "{b}");
        assert!(resend(&t.db, None, &row.id, now + Duration::days(8)).await.is_err(), "{b}");
        assert_eq!(purge(&t.db, now + Duration::days(1), now + Duration::days(90)).await.unwrap(), 1, "{b}");
        assert!(all(&t.db).await.is_empty(), "{b}");
        t.drop().await;
    }
}

#[test]
fn undeliverable_demo_addresses_receive_nothing() {
    assert_eq!(to_person(None, Some("lea.exemple@exemple.invalid")), None);
    assert!(to_person(None, Some("lea@exemple.fr")).is_some());
    assert_eq!(channel_of("05 61 00 00 00"), None, "a landline cannot receive an SMS");
    assert_eq!(channel_of("06 12 34 56 78"), Some((Canal::Sms, "06 12 34 56 78".into())));
    assert_eq!(channel_of(" Lea@Exemple.fr "), Some((Canal::Courriel, "lea@exemple.fr".into())));
}
