//! What the socle writes to the people registered to a session, in the language they registered
//! in: the confirmation, a seat freed from the waiting list, a change, a cancellation, and the
//! reminder the day before (ssr only). An SMS keeps to two parts at most (tested below).
use super::db::{atelier, inscription, seance};
use super::model::Statut;
use crate::i18n::{tr, Langue};
use crate::outbox::{self, Message, Urgence};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

/// What the messages about a session say of it.
#[derive(Debug, Clone)]
pub struct SeanceInfo {
    pub titre: String,
    pub debut: DateTime<Utc>,
    pub fin: DateTime<Utc>,
    /// The place, with its commune (`4 rue Thiers, Saint-Gaudens`).
    pub lieu: Option<String>,
    pub visio: bool,
    pub structure_id: String,
}

pub async fn seance_info(db: &impl ConnectionTrait, seance_id: &str) -> Result<SeanceInfo, DbErr> {
    let s = seance::Entity::find_by_id(seance_id.to_owned())
        .one(db)
        .await?
        .ok_or(DbErr::RecordNotFound("seance".into()))?;
    let a = atelier::Entity::find_by_id(s.atelier_id.clone())
        .one(db)
        .await?
        .ok_or(DbErr::RecordNotFound("atelier".into()))?;
    let commune = match &s.code_insee {
        Some(code) => crate::referentiel::service::commune_nom(db, code).await?,
        None => None,
    };
    let lieu = match (s.lieu, commune) {
        (Some(l), Some(c)) if !l.contains(&c) => Some(format!("{l}, {c}")),
        (Some(l), _) => Some(l),
        (None, c) => c,
    };
    Ok(SeanceInfo {
        titre: a.titre,
        debut: s.debut,
        fin: s.fin,
        lieu,
        visio: s.lien_visio.is_some(),
        structure_id: a.structure_id,
    })
}

/// The language a registrant registered in (French for registrations made before it was kept).
pub fn langue_of(i: &inscription::Model) -> Langue {
    i.langue.as_deref().and_then(Langue::from_tag).unwrap_or_default()
}

/// (subject, text) of the confirmation of a seat or of a place on the waiting list.
pub fn confirmation(l: Langue, s: &SeanceInfo, statut: Statut) -> (String, String) {
    let args = [("titre", s.titre.as_str().into()), ("quand", crate::i18n::quand_en(l, s.debut, s.fin).into())];
    let key = if statut == Statut::Inscrit { "message-inscription" } else { "message-attente" };
    (tr(l, "message-inscription-sujet", &args), tr(l, key, &args))
}

/// The person cancelled her registration herself.
pub fn desinscription(l: Langue, s: &SeanceInfo) -> (String, String) {
    let args = [("titre", s.titre.as_str().into()), ("quand", crate::i18n::quand_en(l, s.debut, s.fin).into())];
    (tr(l, "message-desinscription-sujet", &args), tr(l, "message-desinscription", &args))
}

/// A seat taken from the waiting list.
pub fn promotion(l: Langue, s: &SeanceInfo) -> (String, String) {
    let args = [("titre", s.titre.as_str().into()), ("quand", crate::i18n::quand_en(l, s.debut, s.fin).into())];
    (tr(l, "message-promotion-sujet", &args), tr(l, "message-promotion", &args))
}

/// The session moved (a new date or place).
pub fn modifiee(l: Langue, s: &SeanceInfo) -> (String, String) {
    let args = [("titre", s.titre.as_str().into()), ("quand", crate::i18n::quand_en(l, s.debut, s.fin).into())];
    let mut corps = tr(l, "message-modifiee", &args);
    if let Some(ou) = ou(l, s) {
        corps = format!("{corps} {ou}");
    }
    (tr(l, "message-modifiee-sujet", &args), corps)
}

/// The session is cancelled, with the organiser's reason.
pub fn annulee(l: Langue, s: &SeanceInfo, motif: &str) -> (String, String) {
    let args = [
        ("titre", s.titre.as_str().into()),
        ("quand", crate::i18n::quand_en(l, s.debut, s.fin).into()),
        ("motif", motif.trim().into()),
    ];
    (tr(l, "message-annulee-sujet", &args), tr(l, "message-annulee", &args))
}

/// The day-before reminder (its private link and « STOP » link are added after it): short, so
/// that the SMS keeps to two parts.
pub fn rappel(l: Langue, s: &SeanceInfo) -> (String, String) {
    let ou = match (&s.lieu, s.visio) {
        (Some(lieu), _) => lieu.clone(),
        (None, true) => tr(l, "message-rappel-visio", &[]),
        _ => String::new(),
    };
    let args =
        [("titre", s.titre.as_str().into()), ("heure", crate::i18n::heure_en(l, s.debut).into()), ("ou", ou.into())];
    let corps = tr(l, "message-rappel", &args).replace(", .", ".").replace("، .", ".");
    (tr(l, "message-rappel-sujet", &args), corps)
}

/// Where: the place, or « online ».
fn ou(l: Langue, s: &SeanceInfo) -> Option<String> {
    match (&s.lieu, s.visio) {
        (Some(lieu), _) => Some(tr(l, "message-lieu", &[("lieu", lieu.as_str().into())])),
        (None, true) => Some(tr(l, "message-visio", &[])),
        _ => None,
    }
}

/// News about a booking goes at night only when the session is close (the person must know
/// before she leaves home); otherwise it waits for the morning.
pub fn urgence_before(s: &SeanceInfo, now: DateTime<Utc>) -> Urgence {
    if s.debut - now <= Duration::hours(24) {
        Urgence::Urgent
    } else {
        Urgence::Normal
    }
}

/// The message to a registrant (urgent unless said otherwise, about her registration, listed
/// with her session's structure), when she left a contact that can receive one.
pub fn to_registrant(
    i: &inscription::Model,
    s: &SeanceInfo,
    kind: &'static str,
    (sujet, corps): (String, String),
) -> Option<Message> {
    let (canal, destinataire) = outbox::to_person(i.telephone.as_deref(), i.courriel.as_deref())?;
    Some(
        Message::new(kind, canal, destinataire, sujet, corps)
            .about(format!("inscription:{}", i.id))
            .structure(Some(s.structure_id.clone())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::sms;
    use chrono::TimeZone;

    fn seance(titre: &str) -> SeanceInfo {
        let debut = chrono_tz::Europe::Paris.with_ymd_and_hms(2026, 12, 1, 9, 30, 0).unwrap().with_timezone(&Utc);
        SeanceInfo {
            titre: titre.into(),
            debut,
            fin: debut + Duration::hours(2),
            lieu: Some("Maison des solidarités, 4 rue Thiers, Saint-Gaudens".into()),
            visio: false,
            structure_id: "s".into(),
        }
    }

    /// The SMS as it leaves: the text, the private link, and for a reminder the « STOP » line.
    fn as_sms(corps: &str, lien: &str, stop: Option<Langue>) -> String {
        let site = "https://itineraire.haute-garonne.fr";
        let mut t = format!("{corps}\n{site}{lien}");
        if let Some(l) = stop {
            t = format!(
                "{t}\n{}",
                tr(l, "message-stop", &[("lien", format!("{site}/messages/arret/AbCdEfGhIjKlMnOp").into())])
            );
        }
        sms::prepare(&t)
    }

    #[test]
    fn every_message_to_a_registrant_is_in_her_language_without_rsa_and_a_french_sms_keeps_to_two_parts() {
        // A long title and place, a public URL of a real département's length.
        let s = seance("Réussir son entretien d’embauche, pas à pas");
        let long_token = format!("/inscription/{}", "x".repeat(43));
        let short_token = format!("/inscription/{}", "x".repeat(16));
        for l in Langue::ALL {
            let messages = [
                ("confirmation", confirmation(l, &s, Statut::Inscrit), long_token.as_str(), None),
                ("attente", confirmation(l, &s, Statut::Attente), long_token.as_str(), None),
                ("desinscription", desinscription(l, &s), "", None),
                ("promotion", promotion(l, &s), "", None),
                ("modifiee", modifiee(l, &s), "", None),
                ("annulee", annulee(l, &s, "Animatrice malade"), "", None),
                ("rappel", rappel(l, &s), short_token.as_str(), Some(l)),
            ];
            for (what, (sujet, corps), lien, stop) in messages {
                assert!(
                    !corps.contains("message-") && !sujet.contains("message-"),
                    "{l:?} {what}: a key is missing: {corps}"
                );
                assert!(corps.contains("Réussir son entretien"), "{l:?} {what}: {corps}");
                let texte = as_sms(&corps, lien, stop);
                assert!(!sms::mentions_rsa(&texte), "{l:?} {what}");
                let parts = sms::segments(&texte);
                if l == Langue::Fr {
                    assert!(parts.gsm7, "{what}: {texte}");
                    assert!(parts.parts <= 2, "{what}: {} parts: {texte}", parts.parts);
                } else {
                    // Other scripts travel in UCS-2 (70 characters a part): still short.
                    assert!(parts.parts <= 5, "{l:?} {what}: {} parts", parts.parts);
                }
            }
        }
    }

    #[test]
    fn the_reminder_says_tomorrow_the_hour_and_the_place() {
        let (sujet, corps) = rappel(Langue::Fr, &seance("Faire son CV"));
        assert_eq!(sujet, "Rappel : Faire son CV, demain");
        assert_eq!(
            corps,
            "Itinéraire, rappel : demain à 9 h 30, « Faire son CV », Maison des solidarités, 4 rue Thiers, Saint-Gaudens. Pour annuler :"
        );
        let (_, en) = rappel(Langue::En, &SeanceInfo { lieu: None, visio: true, ..seance("CV") });
        assert_eq!(en, "Itinéraire, reminder: tomorrow at 9:30, \"CV\", online. To cancel:");
        let (_, nowhere) = rappel(Langue::Fr, &SeanceInfo { lieu: None, visio: false, ..seance("CV") });
        assert_eq!(nowhere, "Itinéraire, rappel : demain à 9 h 30, « CV ». Pour annuler :");
    }

    #[test]
    fn news_of_a_booking_waits_for_the_morning_unless_the_session_is_within_a_day() {
        let s = seance("CV");
        assert_eq!(urgence_before(&s, s.debut - Duration::hours(30)), Urgence::Normal);
        assert_eq!(urgence_before(&s, s.debut - Duration::hours(10)), Urgence::Urgent);
    }
}
