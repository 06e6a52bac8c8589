//! The offre socle on SQLite and (with DATABASE_URL) PostgreSQL: seats never overbooked, the
//! waiting list, cancellations, organisers' rights, the roll call, retention, the outbox.
#![allow(clippy::unwrap_used)] // Tests stop at the first unexpected answer.
use super::db::{inscription, seance};
use super::inscriptions::RegisterError;
use super::inscriptions::Registration;
use super::model::{Presence, Statut};
use super::seances::SeanceContent;
use super::{agenda, conservation, inscriptions};
use super::{appel, regles, seances};
use crate::auth::model::{Role, Staff};
use crate::db::testing::TestDb;
use crate::error::EditError;
use crate::outbox;
use crate::test_support::{atelier_of, form, load_sample, session_at, staff_of, Recorder};
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use std::sync::Arc;

/// The sample catalogue, an organiser of Mobil'Comminges, a workshop and a session tomorrow.
async fn setup(db: &DatabaseConnection, capacite: i32) -> (Staff, String) {
    load_sample(db).await;
    let staff = staff_of(db, "mobil-comminges", Role::Referent).await;
    let atelier = atelier_of(db, &staff).await;
    let s =
        seances::create_seance(db, &staff, &atelier, session_at(Utc::now() + Duration::days(1), capacite), Utc::now())
            .await
            .unwrap();
    (staff, s)
}

fn person(i: usize) -> Registration {
    Registration {
        prenom: format!("Prénom{i}"),
        nom: "Martin".into(),
        telephone: Some(format!("06 00 00 {:02} {:02}", i / 100, i % 100)),
        courriel: None,
        attente: false,
        langue: Default::default(),
    }
}

async fn seats(db: &DatabaseConnection, id: &str) -> (i32, i32) {
    let s = seance::Entity::find_by_id(id.to_owned()).one(db).await.unwrap().unwrap();
    (s.inscrits, s.en_attente)
}

async fn messages(db: &DatabaseConnection, kind: &str) -> Vec<outbox::entity::Model> {
    outbox::entity::Entity::find().filter(outbox::entity::Column::Kind.eq(kind)).all(db).await.unwrap()
}

/// A registration form posted with these fields, checked as the server checks it.
fn validate_registration(
    fields: &[(String, String)],
    l: crate::i18n::Langue,
) -> Result<inscriptions::Registration, Vec<(String, String)>> {
    let form: inscriptions::RegistrationForm = crate::ui::form::parse_fields(fields).unwrap();
    form.validate(l).map_err(|e| e.0)
}

#[tokio::test]
async fn fifty_people_at_once_for_ten_seats_give_ten_seats_and_forty_clear_full_answers() {
    for t in TestDb::all().await {
        let b = t.backend();
        let (_, id) = setup(&t.db, 10).await;
        let tasks: Vec<_> = (0..50)
            .map(|i| {
                let (db, id) = (t.db.clone(), id.clone());
                tokio::spawn(async move { inscriptions::register(&db, &id, &person(i), Utc::now()).await })
            })
            .collect();
        let (mut ok, mut full) = (0, 0);
        for task in tasks {
            match task.await.unwrap() {
                Ok(r) if r.statut == Statut::Inscrit => ok += 1,
                Err(RegisterError::Full) => full += 1,
                other => panic!("{b}: unexpected {other:?}"),
            }
        }
        assert_eq!((ok, full), (10, 40), "{b}");
        assert_eq!(seats(&t.db, &id).await, (10, 0), "{b}");
        let stored = inscription::Entity::find()
            .filter(inscription::Column::SeanceId.eq(&id))
            .filter(inscription::Column::Statut.eq("inscrit"))
            .count(&t.db)
            .await
            .unwrap();
        assert_eq!(stored, 10, "{b}");
        // The next ones may ask for the waiting list, also at once.
        let tasks: Vec<_> = (50..55)
            .map(|i| {
                let (db, id) = (t.db.clone(), id.clone());
                tokio::spawn(async move {
                    inscriptions::register(&db, &id, &Registration { attente: true, ..person(i) }, Utc::now()).await
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.unwrap().unwrap().statut, Statut::Attente, "{b}");
        }
        assert_eq!(seats(&t.db, &id).await, (10, 5), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn the_same_person_cannot_take_two_seats_even_at_once() {
    for t in TestDb::all().await {
        let b = t.backend();
        let (_, id) = setup(&t.db, 10).await;
        let me = Registration { courriel: Some("lea@example.org".into()), ..person(1) };
        inscriptions::register(&t.db, &id, &me, Utc::now()).await.unwrap();
        let again = Registration { prenom: "Léa".into(), telephone: None, ..me.clone() };
        assert!(
            matches!(
                inscriptions::register(&t.db, &id, &again, Utc::now()).await,
                Err(RegisterError::AlreadyRegistered)
            ),
            "{b}"
        );
        // Typed another way, the number is the same number.
        let fields =
            form(&[("prenom", "Léa"), ("nom", "M"), ("telephone", "+33 6 00 00 00 01"), ("consentement", "oui")]);
        let typed = validate_registration(&fields, crate::i18n::Langue::Fr).unwrap();
        assert!(
            matches!(
                inscriptions::register(&t.db, &id, &typed, Utc::now()).await,
                Err(RegisterError::AlreadyRegistered)
            ),
            "{b}"
        );
        // Ten clicks at once of one new person: one seat.
        let tasks: Vec<_> = (0..10)
            .map(|_| {
                let (db, id) = (t.db.clone(), id.clone());
                tokio::spawn(async move { inscriptions::register(&db, &id, &person(7), Utc::now()).await })
            })
            .collect();
        let mut ok = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => ok += 1,
                Err(RegisterError::AlreadyRegistered) => {}
                other => panic!("{b}: unexpected {other:?}"),
            }
        }
        assert_eq!(ok, 1, "{b}");
        assert_eq!(seats(&t.db, &id).await, (2, 0), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn a_cancellation_gives_the_seat_to_the_first_waiting_and_tells_them() {
    for t in TestDb::all().await {
        let b = t.backend();
        let (_, id) = setup(&t.db, 1).await;
        let now = Utc::now();
        let a = inscriptions::register(&t.db, &id, &person(1), now).await.unwrap();
        assert!(matches!(inscriptions::register(&t.db, &id, &person(2), now).await, Err(RegisterError::Full)), "{b}");
        let waiting = |i| Registration { attente: true, ..person(i) };
        let second = inscriptions::register(&t.db, &id, &waiting(2), now).await.unwrap();
        let third = inscriptions::register(&t.db, &id, &waiting(3), now + Duration::seconds(1)).await.unwrap();
        assert_eq!((second.statut, third.statut), (Statut::Attente, Statut::Attente), "{b}");
        let mine = agenda::mon_inscription(&t.db, &third.token, now).await.unwrap().unwrap();
        assert_eq!(mine.rang, Some(2), "{b}");

        assert_eq!(inscriptions::cancel(&t.db, &a.token, now).await.unwrap(), Statut::Inscrit, "{b}");
        assert_eq!(seats(&t.db, &id).await, (1, 1), "{b}");
        let promoted = agenda::mon_inscription(&t.db, &second.token, now).await.unwrap().unwrap();
        assert_eq!(promoted.statut, Statut::Inscrit, "{b}");
        let told = messages(&t.db, "promotion").await;
        assert_eq!(told.len(), 1, "{b}");
        assert_eq!(told[0].destinataire, "06 00 00 00 02", "{b}");
        assert!(told[0].corps.contains("une place s’est libérée"), "{b}");
        let next = agenda::mon_inscription(&t.db, &third.token, now).await.unwrap().unwrap();
        assert_eq!((next.statut, next.rang), (Statut::Attente, Some(1)), "{b}");
        // Cancelling twice changes nothing; the cancelled person's contact is gone.
        assert_eq!(inscriptions::cancel(&t.db, &a.token, now).await.unwrap(), Statut::Annule, "{b}");
        assert_eq!(seats(&t.db, &id).await, (1, 1), "{b}");
        let gone = agenda::mon_inscription(&t.db, &a.token, now).await.unwrap().unwrap();
        assert_eq!(gone.statut, Statut::Annule, "{b}");
        // The person waiting leaves: the count follows.
        inscriptions::cancel(&t.db, &third.token, now).await.unwrap();
        assert_eq!(seats(&t.db, &id).await, (1, 0), "{b}");
        assert!(
            matches!(inscriptions::cancel(&t.db, "not-a-token", now).await, Err(inscriptions::CancelError::NotFound)),
            "{b}"
        );
        t.drop().await;
    }
}

#[tokio::test]
async fn registration_form_gives_a_french_message_per_field() {
    let errs = |pairs: &[(&str, &str)]| {
        validate_registration(&form(pairs), crate::i18n::Langue::Fr)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|(k, _)| k)
            .collect::<Vec<_>>()
    };
    assert_eq!(errs(&[]), ["prenom", "nom", "telephone", "consentement"]);
    assert_eq!(
        errs(&[("prenom", "Léa"), ("nom", "M"), ("telephone", "05 61 00 00 00"), ("consentement", "oui")]),
        ["telephone"]
    );
    assert_eq!(errs(&[("prenom", "Léa"), ("nom", "M"), ("courriel", "lea@"), ("consentement", "oui")]), ["courriel"]);
    assert_eq!(
        errs(&[("prenom", &"x".repeat(81)), ("nom", "M"), ("courriel", "lea@example.org"), ("consentement", "oui")]),
        ["prenom"]
    );
    let ok = validate_registration(
        &form(&[
            ("prenom", " Léa "),
            ("nom", "Martin"),
            ("telephone", "07.12.34.56.78"),
            ("courriel", "Lea@Example.org"),
            ("consentement", "oui"),
        ]),
        crate::i18n::Langue::Fr,
    )
    .unwrap();
    assert_eq!(ok.prenom, "Léa");
    assert_eq!(ok.telephone.as_deref(), Some("07 12 34 56 78"));
    assert_eq!(ok.courriel.as_deref(), Some("lea@example.org"));
    assert!(!ok.attente);
}

#[tokio::test]
async fn organisers_manage_only_their_own_structures_sessions() {
    for t in TestDb::all().await {
        let b = t.backend();
        let (mine, id) = setup(&t.db, 5).await;
        let other = staff_of(&t.db, "ccas-montrejeau", Role::AdminStructure).await;
        let (_, atelier) = seances::load_seance(&t.db, &mine, &id).await.unwrap();
        let now = Utc::now();
        assert!(matches!(regles::load_atelier(&t.db, &other, &atelier.id).await, Err(EditError::Forbidden)), "{b}");
        assert!(matches!(appel::inscrits(&t.db, &other, &id, now).await, Err(EditError::Forbidden)), "{b}");
        assert!(matches!(appel::roll_call(&t.db, &other, &id, &[], now).await, Err(EditError::Forbidden)), "{b}");
        assert!(
            matches!(seances::cancel_seance(&t.db, &other, &id, 1, "test", now).await, Err(EditError::Forbidden)),
            "{b}"
        );
        let c = session_at(now + Duration::days(2), 5);
        assert!(
            matches!(
                seances::create_seance(&t.db, &other, &atelier.id, c.clone(), now).await,
                Err(EditError::Forbidden)
            ),
            "{b}"
        );
        assert!(
            matches!(seances::update_seance(&t.db, &other, &id, 1, c, now).await, Err(EditError::Forbidden)),
            "{b}"
        );
        // Admins manage every structure's; the organiser sees names and contacts.
        let admin = Staff { role: Role::Admin, structure_id: None, structure_nom: None, ..other.clone() };
        inscriptions::register(&t.db, &id, &person(1), now).await.unwrap();
        let list = appel::inscrits(&t.db, &admin, &id, now).await.unwrap();
        assert_eq!(list.personnes[0].telephone.as_deref(), Some("06 00 00 00 01"), "{b}");
        assert!(appel::inscrits(&t.db, &mine, &id, now).await.is_ok(), "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn cancelling_a_session_tells_everyone_registered_or_waiting() {
    for t in TestDb::all().await {
        let b = t.backend();
        let (staff, id) = setup(&t.db, 2).await;
        let now = Utc::now();
        for i in 1..=2 {
            inscriptions::register(&t.db, &id, &person(i), now).await.unwrap();
        }
        let email =
            Registration { telephone: None, courriel: Some("sam@example.org".into()), attente: true, ..person(3) };
        inscriptions::register(&t.db, &id, &email, now).await.unwrap();
        assert!(
            matches!(seances::cancel_seance(&t.db, &staff, &id, 1, " ", now).await, Err(EditError::Invalid(_))),
            "{b}"
        );
        assert_eq!(seances::cancel_seance(&t.db, &staff, &id, 1, "Animateur malade", now).await.unwrap(), 3, "{b}");
        let told = messages(&t.db, "seance_annulee").await;
        assert_eq!(told.len(), 3, "{b}");
        assert!(told.iter().any(|m| m.canal == "courriel" && m.destinataire == "sam@example.org"), "{b}");
        assert!(told.iter().all(|m| m.corps.contains("Animateur malade")), "{b}");
        assert!(
            matches!(inscriptions::register(&t.db, &id, &person(9), now).await, Err(RegisterError::Closed(_))),
            "{b}"
        );
        // An outdated form cannot cancel again or edit.
        assert!(
            matches!(
                seances::cancel_seance(&t.db, &staff, &id, 1, "encore", now).await,
                Err(EditError::Conflict { .. })
            ),
            "{b}"
        );
        t.drop().await;
    }
}

#[tokio::test]
async fn session_edits_keep_seats_taken_notify_changes_and_refuse_outdated_versions() {
    for t in TestDb::all().await {
        let b = t.backend();
        let (staff, id) = setup(&t.db, 1).await;
        let now = Utc::now();
        let (s, _) = seances::load_seance(&t.db, &staff, &id).await.unwrap();
        inscriptions::register(&t.db, &id, &person(1), now).await.unwrap();
        inscriptions::register(&t.db, &id, &Registration { attente: true, ..person(2) }, now).await.unwrap();
        // More seats: the person waiting gets one.
        let bigger = SeanceContent { capacite: 3, ..session_at(s.debut, 3) };
        seances::update_seance(&t.db, &staff, &id, 1, bigger.clone(), now).await.unwrap();
        assert_eq!(seats(&t.db, &id).await, (2, 0), "{b}");
        assert_eq!(messages(&t.db, "promotion").await.len(), 1, "{b}");
        // Two organisers saved version 2 at once: one wins, the other sees the stored values.
        let later = session_at(s.debut + Duration::days(1), 3);
        let (x, y) = tokio::join!(
            seances::update_seance(&t.db, &staff, &id, 2, later.clone(), now),
            seances::update_seance(&t.db, &staff, &id, 2, bigger.clone(), now)
        );
        assert_eq!([x.is_ok(), y.is_ok()].iter().filter(|ok| **ok).count(), 1, "{b}");
        assert!(matches!(x.err().or(y.err()), Some(EditError::Conflict { .. })), "{b}");
        // Fewer seats than people registered: refused with the reason.
        let smaller = SeanceContent { capacite: 1, ..later.clone() };
        match seances::update_seance(&t.db, &staff, &id, 3, smaller, now).await {
            Err(EditError::Invalid(e)) => assert!(e[0].1.contains("2 personnes sont déjà inscrites"), "{b}: {e:?}"),
            other => panic!("{b}: {other:?}"),
        }
        t.drop().await;
    }
}

#[tokio::test]
async fn session_moves_are_sent_to_registrants() {
    let t = TestDb::sqlite().await;
    let (staff, id) = setup(&t.db, 4).await;
    let now = Utc::now();
    inscriptions::register(&t.db, &id, &person(1), now).await.unwrap();
    let (s, _) = seances::load_seance(&t.db, &staff, &id).await.unwrap();
    seances::update_seance(&t.db, &staff, &id, 1, session_at(s.debut + Duration::days(7), 4), now).await.unwrap();
    let told = messages(&t.db, "seance_modifiee").await;
    assert_eq!(told.len(), 1);
    assert!(told[0].corps.contains("Nouveau rendez-vous"), "{}", told[0].corps);
    t.drop().await;
}

#[tokio::test]
async fn the_roll_call_opens_at_the_start_and_marks_only_people_with_a_seat() {
    for t in TestDb::all().await {
        let b = t.backend();
        let (staff, id) = setup(&t.db, 1).await;
        let now = Utc::now();
        let a = inscriptions::register(&t.db, &id, &person(1), now).await.unwrap();
        inscriptions::register(&t.db, &id, &Registration { attente: true, ..person(2) }, now).await.unwrap();
        let list = appel::inscrits(&t.db, &staff, &id, now).await.unwrap();
        assert!(!list.appel_ouvert, "{b}");
        let ids: Vec<String> = list.personnes.iter().map(|p| p.id.clone()).collect();
        let marks: Vec<(String, String)> = ids.iter().map(|i| (i.clone(), "present".to_string())).collect();
        assert!(matches!(appel::roll_call(&t.db, &staff, &id, &marks, now).await, Err(EditError::Invalid(_))), "{b}");
        // Two hours later the session is under way.
        let during = now + Duration::days(1) + Duration::hours(1);
        assert!(appel::inscrits(&t.db, &staff, &id, during).await.unwrap().appel_ouvert, "{b}");
        assert_eq!(appel::roll_call(&t.db, &staff, &id, &marks, during).await.unwrap(), 1, "{b}");
        let bad = vec![(ids[0].clone(), "peut-être".to_string())];
        assert!(matches!(appel::roll_call(&t.db, &staff, &id, &bad, during).await, Err(EditError::Invalid(_))), "{b}");
        let after = appel::inscrits(&t.db, &staff, &id, during).await.unwrap();
        let seated = after.personnes.iter().find(|p| p.statut == Statut::Inscrit).unwrap();
        let waiting = after.personnes.iter().find(|p| p.statut == Statut::Attente).unwrap();
        assert_eq!((seated.presence, waiting.presence), (Some(Presence::Present), None), "{b}");
        // Cancelling after the session is over is refused (nothing to free).
        let over = now + Duration::days(2);
        assert!(
            matches!(inscriptions::cancel(&t.db, &a.token, over).await, Err(inscriptions::CancelError::Past)),
            "{b}"
        );
        t.drop().await;
    }
}

#[tokio::test]
async fn names_and_contacts_are_erased_after_the_retention_period() {
    for t in TestDb::all().await {
        let b = t.backend();
        let (staff, old) = setup(&t.db, 5).await;
        let now = Utc::now();
        let (_, atelier) = seances::load_seance(&t.db, &staff, &old).await.unwrap();
        let recent = seances::create_seance(&t.db, &staff, &atelier.id, session_at(now + Duration::days(10), 5), now)
            .await
            .unwrap();
        // Registrations made when `old` was upcoming; then time passes: `old` ended 94 days ago.
        let a = inscriptions::register(&t.db, &old, &person(1), now).await.unwrap();
        let kept = inscriptions::register(&t.db, &recent, &person(2), now).await.unwrap();
        let later = now + Duration::days(95);
        let report = conservation::purge(&t.db, later, 90).await.unwrap();
        assert_eq!(report.inscriptions, 1, "{b}");
        assert_eq!(report.messages, 2, "{b}");
        let erased = inscription::Entity::find()
            .filter(inscription::Column::SeanceId.eq(&old))
            .one(&t.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (erased.prenom.as_str(), erased.telephone.as_deref(), erased.jeton_hash.as_deref()),
            ("", None, None),
            "{b}"
        );
        assert_eq!(erased.statut, Statut::Inscrit, "{b}");
        assert!(agenda::mon_inscription(&t.db, &a.token, later).await.unwrap().is_none(), "{b}");
        // The recent session's registrant is untouched; a second run erases nothing more.
        let mine = agenda::mon_inscription(&t.db, &kept.token, now).await.unwrap().unwrap();
        assert_eq!(mine.prenom, "Prénom2", "{b}");
        assert_eq!(conservation::purge(&t.db, later, 90).await.unwrap().inscriptions, 0, "{b}");
        t.drop().await;
    }
}

#[tokio::test]
async fn the_outbox_sends_each_message_once_with_its_link_and_retries_failures() {
    let t = TestDb::sqlite().await;
    let (_, id) = setup(&t.db, 5).await;
    let now = Utc::now();
    let r = inscriptions::register(&t.db, &id, &person(1), now).await.unwrap();
    let sender = Arc::new(Recorder::default());
    let senders = outbox::Senders { sms: Some(sender.clone()), ..Default::default() };
    sender.failing(Some(outbox::SendError::Temporary("gateway down".into())));
    assert_eq!(outbox::deliver_pending(&t.db, &senders, "https://itineraire.example", now).await.unwrap(), 0);
    let pending = messages(&t.db, "inscription").await;
    assert_eq!(
        (pending[0].attempts, pending[0].sent_at, pending[0].last_error.as_deref()),
        (1, None, Some("gateway down"))
    );
    sender.failing(None);
    // The retry waits a minute.
    assert_eq!(outbox::deliver_pending(&t.db, &senders, "https://itineraire.example", now).await.unwrap(), 0);
    let later = now + Duration::minutes(1);
    assert_eq!(outbox::deliver_pending(&t.db, &senders, "https://itineraire.example", later).await.unwrap(), 1);
    assert_eq!(outbox::deliver_pending(&t.db, &senders, "https://itineraire.example", later).await.unwrap(), 0);
    let sent = sender.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!((sent[0].canal.as_str(), sent[0].destinataire.as_str()), ("sms", "06 00 00 00 01"));
    assert!(
        sent[0].texte.ends_with(&format!("https://itineraire.example/inscription/{}", r.token)),
        "{}",
        sent[0].texte
    );
    // The words (not the random token of the link, which may hold any letters) never say RSA.
    let words = sent[0].texte.replace(&r.token, "");
    assert!(!words.to_lowercase().contains("rsa"), "{words}");
    t.drop().await;
}

#[tokio::test]
async fn the_calendar_file_holds_the_session() {
    let t = TestDb::sqlite().await;
    let (_, id) = setup(&t.db, 5).await;
    let r = inscriptions::register(&t.db, &id, &person(1), Utc::now()).await.unwrap();
    let ics = agenda::calendar(&t.db, &r.token).await.unwrap().unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR"), "{ics}");
    assert!(ics.contains("SUMMARY:Faire son CV"), "{ics}");
    assert!(ics.contains("LOCATION:4 rue Thiers\\, Saint-Gaudens"), "{ics}");
    assert!(ics.lines().any(|l| l.starts_with("DTSTART:") && l.ends_with('Z')), "{ics}");
    assert!(!ics.contains("STATUS:CANCELLED"), "{ics}");
    assert!(agenda::calendar(&t.db, "nope").await.unwrap().is_none());
    t.drop().await;
}

#[tokio::test]
async fn session_forms_check_dates_places_and_capacity() {
    let t = TestDb::sqlite().await;
    let now = Utc::now();
    let tomorrow = crate::dates::local_fields(now + Duration::days(1)).0;
    let errs = |pairs: Vec<(&str, String)>, inscrits| {
        let f: Vec<(String, String)> = pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let db = t.db.clone();
        async move {
            let form: seances::SeanceForm = crate::ui::form::parse_fields(&f).unwrap();
            match seances::validate_seance(&db, &form, now, inscrits).await {
                Ok(_) => vec![],
                Err(crate::error::EditError::Invalid(e)) => e.into_iter().map(|(k, _)| k).collect::<Vec<_>>(),
                Err(other) => panic!("{other:?}"),
            }
        }
    };
    let ok = |d: &str| {
        vec![
            ("date", d.to_string()),
            ("heure_debut", "09:30".to_string()),
            ("heure_fin", "11:00".to_string()),
            ("code_insee", "31483".to_string()),
            ("capacite", "12".to_string()),
        ]
    };
    assert!(errs(ok(&tomorrow), 0).await.is_empty());
    assert_eq!(errs(vec![], 0).await, ["date", "code_insee", "capacite"]);
    assert_eq!(errs(ok("2020-01-01"), 0).await, ["date"]);
    let mut reversed = ok(&tomorrow);
    reversed[2].1 = "08:00".into();
    assert_eq!(errs(reversed, 0).await, ["heure_fin"]);
    assert_eq!(errs(ok(&tomorrow), 20).await, ["capacite"]);
    let mut online = ok(&tomorrow);
    online[3] = ("lien_visio", "javascript:alert(1)".into());
    assert_eq!(errs(online, 0).await, ["lien_visio"]);
    t.drop().await;
}

#[tokio::test]
async fn the_day_before_at_six_each_seated_person_is_reminded_once_with_a_link_that_opens_her_registration() {
    use chrono::TimeZone;
    for t in TestDb::all().await {
        let b = t.backend();
        load_sample(&t.db).await;
        let staff = staff_of(&t.db, "mobil-comminges", Role::Referent).await;
        let atelier = atelier_of(&t.db, &staff).await;
        let paris = |d: u32, h: u32, m: u32| {
            chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 12, d, h, m, 0).unwrap().with_timezone(&Utc)
        };
        let created = paris(1, 10, 0);
        // Monday 7 December, 9:30.
        let s = seances::create_seance(&t.db, &staff, &atelier, session_at(paris(7, 9, 30), 3), created).await.unwrap();
        let seated =
            inscriptions::register(&t.db, &s, &Registration { langue: crate::i18n::Langue::En, ..person(1) }, created)
                .await
                .unwrap();
        let cancelled = inscriptions::register(&t.db, &s, &person(2), created).await.unwrap();
        inscriptions::cancel(&t.db, &cancelled.token, paris(2, 10, 0)).await.unwrap();
        inscriptions::register(&t.db, &s, &person(3), created).await.unwrap();
        // 17:59 on Sunday: not yet. 18:00: the two seated people, once, whatever the number of servers.
        assert_eq!(super::rappels::remind(&t.db, paris(6, 17, 59)).await.unwrap(), 0, "{b}");
        let (x, y) = tokio::join!(
            super::rappels::remind(&t.db, paris(6, 18, 0)),
            super::rappels::remind(&t.db, paris(6, 18, 0))
        );
        assert_eq!(x.unwrap() + y.unwrap(), 2, "{b}");
        assert_eq!(super::rappels::remind(&t.db, paris(6, 19, 0)).await.unwrap(), 0, "{b}");
        // Someone registering on Sunday evening has just had her confirmation: no reminder.
        let late = inscriptions::register(&t.db, &s, &person(5), paris(6, 19, 30)).await.unwrap();
        assert_eq!(late.statut, Statut::Inscrit, "{b}");
        assert_eq!(super::rappels::remind(&t.db, paris(6, 20, 0)).await.unwrap(), 0, "{b}");
        let reminders = messages(&t.db, "rappel_seance").await;
        assert_eq!(reminders.len(), 2, "{b}");
        let mine = reminders.iter().find(|m| m.destinataire == "06 00 00 00 01").expect(b);
        // In her language, with the hour and place, a short private link, and « STOP »; not at night.
        assert!(
            mine.corps.starts_with(
                "Itinéraire, reminder: tomorrow at 9:30, \"Faire son CV\", 4 rue Thiers, Saint-Gaudens. To cancel:"
            ),
            "{b}: {}",
            mine.corps
        );
        assert!(mine.corps.contains("\nNo more reminders: {site}/messages/arret/"), "{b}: {}", mine.corps);
        assert!(!mine.urgent, "{b}");
        let link = mine.lien.clone().expect(b);
        let short = link.strip_prefix("/inscription/").expect(b);
        assert_eq!(short.len(), 16, "{b}");
        let page = agenda::mon_inscription(&t.db, short, paris(6, 18, 5)).await.unwrap().expect(b);
        assert_eq!(page.prenom, "Prénom1", "{b}");
        // The confirmation's link still works too; the reminder's link cancels like it.
        assert!(agenda::mon_inscription(&t.db, &seated.token, paris(6, 18, 5)).await.unwrap().is_some(), "{b}");
        assert_eq!(inscriptions::cancel(&t.db, short, paris(6, 18, 10)).await.unwrap(), Statut::Inscrit, "{b}");
        t.drop().await;
    }
}
