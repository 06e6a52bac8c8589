//! Helpers shared by the rooms' tests: the sample catalogue, professionals, forms.
#![allow(clippy::unwrap_used)] // Tests stop at the first unexpected answer.
use crate::auth::model::{Role, Staff};

use crate::error::EditError;
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};

pub const SAMPLE: &[u8] = include_bytes!("../../server/seed/catalogue-exemple.json");

/// A professional of a structure of the sample catalogue (`mobil-comminges`, …).
pub async fn staff_of(db: &DatabaseConnection, structure: &str, role: Role) -> Staff {
    let s = crate::organisation::service::find(db, &format!("itineraire-exemple:{structure}")).await.unwrap().unwrap();
    Staff {
        id: uuid::Uuid::new_v4().to_string(),
        email: format!("{structure}@example.org"),
        nom: "Camille".into(),
        role,
        structure_id: Some(s.id),
        structure_nom: Some(s.nom),
    }
}

/// The password of the accounts [`with_password`] makes.
pub const PASSWORD: &str = "un mot de passe long";

/// An account with a password, of a structure of the sample catalogue, signed in.
pub async fn with_password(db: &DatabaseConnection, email: &str, structure: &str, role: Role) -> Staff {
    use crate::auth::session::{put_account, sign_in, staff_for_token, AccountInput};
    let s = crate::organisation::service::find(db, &format!("itineraire-exemple:{structure}")).await.unwrap().unwrap();
    let input = AccountInput {
        email: email.into(),
        nom: format!("Nom {email}"),
        role,
        structure_id: Some(s.id),
        password: PASSWORD.into(),
    };
    put_account(db, input).await.unwrap();
    let token = sign_in(db, email, PASSWORD, chrono::Utc::now()).await.unwrap();
    staff_for_token(db, &token, chrono::Utc::now()).await.unwrap().unwrap()
}

pub fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// A form's struct as the server reads a post of these fields.
pub fn typed<T: serde::de::DeserializeOwned>(pairs: &[(&str, &str)]) -> T {
    read(&form(pairs))
}

/// A form's struct as the server reads a post of these fields.
pub fn read<T: serde::de::DeserializeOwned>(fields: &[(String, String)]) -> T {
    crate::ui::form::parse_fields(fields).unwrap()
}

/// Loads the sample catalogue (structures and offers), dated as on its first day whatever today
/// is (tests that need fixed dates import `SAMPLE` as it is, with a fixed clock).
pub async fn load_sample(db: &DatabaseConnection) {
    let today = crate::dates::today(chrono::Utc::now());
    let sample = crate::catalogue::datainclusion::redated(SAMPLE, today).unwrap();
    crate::catalogue::import::import_json(db, &sample, |_, _| {}).await.unwrap();
}

/// A workshop "Faire son CV" of the professional's structure.
pub async fn atelier_of(db: &DatabaseConnection, staff: &Staff) -> String {
    use crate::socle::ateliers::create_atelier;
    use crate::socle::ateliers::AtelierContent;
    let c = AtelierContent {
        titre: "Faire son CV".into(),
        description: "On écrit ensemble votre CV, pas à pas.".into(),
        themes: ["emploi".to_string()].into_iter().collect(),
        competences: vec!["Présenter son parcours".into()],
        accessibilite: None,
        badge: crate::socle::ateliers::Achievement { image: "vert".into(), ..Default::default() },
    };
    create_atelier(db, staff, c, chrono::Utc::now()).await.unwrap()
}

/// A two-hour session in Saint-Gaudens starting at `debut`.
pub fn session_at(debut: chrono::DateTime<chrono::Utc>, capacite: i32) -> crate::socle::seances::SeanceContent {
    crate::socle::seances::SeanceContent {
        debut,
        fin: debut + chrono::Duration::hours(2),
        lieu: Some("4 rue Thiers".into()),
        code_insee: Some("31483".into()),
        lien_visio: None,
        capacite,
    }
}

/// A professional with a real account (so they can be given access).
pub async fn pro(db: &DatabaseConnection, structure: &str, role: Role, nom: &str) -> Staff {
    let mut s = staff_of(db, structure, role).await;
    s.nom = nom.into();
    s.email = format!("{}@example.org", s.id);
    let new = crate::auth::session::NewAccount {
        id: &s.id,
        email: &s.email,
        nom: &s.nom,
        role,
        structure_id: s.structure_id.as_deref(),
        password_hash: "x".into(),
    };
    crate::auth::session::insert_account(db, new, chrono::Utc::now()).await.unwrap();
    s
}

/// An outcome as the matrix tests write it.
pub fn allowed<T>(r: &Result<T, EditError>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(EditError::Forbidden) => "403",
        Err(EditError::NotFound) => "404",
        Err(EditError::NoStructure) => "no-structure",
        Err(EditError::Conflict { .. }) => "conflict",
        Err(EditError::Invalid(_)) => "invalid",
        Err(EditError::Db(_)) => "db",
    }
}

/// The last message of `kind` sent to `to`, read from the outbox as the person reads their
/// phone or inbox.
pub async fn last_message(db: &DatabaseConnection, kind: &str, to: &str) -> Option<crate::outbox::entity::Model> {
    crate::outbox::entity::Entity::find()
        .order_by_desc(crate::outbox::entity::Column::Id)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.kind == kind && m.destinataire == to)
}

/// A sender that records what it is given, for the outbox's own logic (the providers' protocols
/// are tested against real SMTP and HTTP servers in `server/tests`).
#[derive(Default)]
pub struct Recorder {
    pub sent: std::sync::Mutex<Vec<crate::outbox::Outgoing>>,
    /// `None`: accepts; otherwise the error it answers.
    pub fail: std::sync::Mutex<Option<crate::outbox::SendError>>,
    /// How long each send takes.
    pub delay: std::sync::Mutex<std::time::Duration>,
}

impl Recorder {
    pub fn failing(&self, e: Option<crate::outbox::SendError>) {
        *self.fail.lock().unwrap() = e;
    }

    pub fn sent(&self) -> Vec<crate::outbox::Outgoing> {
        self.sent.lock().unwrap().clone()
    }

    /// Senders for both channels, all this recorder.
    pub fn both(self: &std::sync::Arc<Self>) -> crate::outbox::Senders {
        crate::outbox::Senders { courriel: Some(self.clone()), sms: Some(self.clone()), ..Default::default() }
    }
}

impl crate::outbox::Sender for Recorder {
    fn send<'a>(&'a self, m: &'a crate::outbox::Outgoing) -> crate::outbox::SendFuture<'a> {
        Box::pin(async move {
            let delay = *self.delay.lock().unwrap();
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            if let Some(e) = self.fail.lock().unwrap().clone() {
                return Err(e);
            }
            self.sent.lock().unwrap().push(m.clone());
            Ok(Some(format!("ref-{}", m.id)))
        })
    }
}
