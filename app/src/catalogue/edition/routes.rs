//! The offer forms' posts (ssr only): create, save, archive, restore. Each checks who is signed
//! in and what they may change, then redirects (303) or shows the form again with the problems.
use super::service::{self, EditError, CONFLICT_MESSAGE};
use crate::auth::routes::{StaffEdit, StaffForm};
use crate::catalogue::fraicheur::Fraicheur;
use crate::error::checked;
use crate::ui::form::{field, see_other};
use crate::web::FormState;
use axum::{
    extract::{FromRef, State},
    http::request::Parts,
    response::Response,
    routing::post,
    Router,
};

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
    Fraicheur: FromRef<S>,
{
    Router::new()
        .route("/pro", post(periode))
        .route("/pro/nouvelle-offre", post(create))
        .route("/pro/offres/{id}", post(edit))
}

/// The structure's update period, from the form on `/pro` (its administrators only).
async fn periode(
    State(st): State<FormState>,
    State(fraicheur): State<Fraicheur>,
    StaffEdit { parts, fields, staff, version }: StaffEdit,
) -> Response {
    let jours = match field(&fields, "action").as_str() {
        "habituelle" => Ok(None),
        _ => fraicheur.lire_periode(&field(&fields, "jours")).map(Some),
    };
    let outcome = match jours {
        Ok(jours) => super::periode::set_periode(&st.db, &staff, fraicheur, version, jours).await,
        Err(m) => Err(EditError::Invalid(vec![("jours".into(), m)])),
    };
    match outcome {
        Ok(()) => see_other("/pro?ok=periode"),
        Err(e) => st.refuse_edit(parts, fields, e, super::periode::CONFLICT_MESSAGE, &["jours"]).await,
    }
}

async fn create(State(st): State<FormState>, StaffForm { parts, fields, staff }: StaffForm) -> Response {
    let outcome = match checked(service::validate(&st.db, &fields).await) {
        Ok(content) => service::create(&st.db, &staff, content).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(_) => see_other("/pro?ok=creee"),
        Err(e) => refused_by(&st, parts, fields, e).await,
    }
}

async fn edit(State(st): State<FormState>, StaffEdit { parts, fields, staff, version }: StaffEdit) -> Response {
    let id = parts.uri.path().rsplit('/').next().unwrap_or_default().to_owned();
    let outcome = match field(&fields, "action").as_str() {
        "archiver" => service::set_archived(&st.db, &staff, &id, version, true).await.map(|_| "/pro?ok=archivee"),
        "restaurer" => service::set_archived(&st.db, &staff, &id, version, false).await.map(|_| "/pro?ok=restauree"),
        "confirmer" => {
            let today = crate::dates::today(chrono::Utc::now());
            service::confirm_up_to_date(&st.db, &staff, &id, version, today).await.map(|_| "/pro?ok=confirmee")
        }
        _ => match checked(service::validate(&st.db, &fields).await) {
            Ok(content) => service::update(&st.db, &staff, &id, version, content).await.map(|_| "/pro?ok=modifiee"),
            Err(e) => Err(e),
        },
    };
    match outcome {
        Ok(to) => see_other(to),
        Err(e) => refused_by(&st, parts, fields, e).await,
    }
}

/// The offer form's fields compared with the stored offer on a conflict.
const FIELDS: [&str; 18] = [
    "nom",
    "description",
    "themes",
    "publics",
    "conditions_acces",
    "frais",
    "frais_precisions",
    "modes_accueil",
    "modes_mobilisation",
    "adresse",
    "complement_adresse",
    "code_insee",
    "code_postal",
    "position",
    "horaires_accueil",
    "telephone",
    "courriel",
    "lien",
];

async fn refused_by(st: &FormState, parts: Parts, fields: Vec<(String, String)>, e: EditError) -> Response {
    st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &FIELDS).await
}
