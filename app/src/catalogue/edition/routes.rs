//! The offer forms' posts (ssr only): create, save, archive, restore. Each checks who is signed
//! in and what they may change, then redirects (303) or shows the form again with the problems.
use super::service::{self, Action, EditError, OffreForm, CONFLICT_MESSAGE};
use crate::auth::routes::{StaffEdit, StaffForm};
use crate::catalogue::fraicheur::Fraicheur;
use crate::ui::form::see_other;
use crate::web::FormState;
use axum::{
    extract::{FromRef, Path, State},
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

/// The update period form on `/pro`: a number of days, or back to the usual period.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct PeriodeForm {
    action: PeriodeAction,
    jours: String,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum PeriodeAction {
    #[default]
    Enregistrer,
    Habituelle,
}

/// The structure's update period, from the form on `/pro` (its administrators only).
async fn periode(
    State(st): State<FormState>,
    State(fraicheur): State<Fraicheur>,
    StaffEdit { parts, fields, staff, version, form }: StaffEdit<PeriodeForm>,
) -> Response {
    let jours = match form.action {
        PeriodeAction::Habituelle => Ok(None),
        PeriodeAction::Enregistrer => fraicheur.lire_periode(form.jours.trim()).map(Some),
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

async fn create(
    State(st): State<FormState>,
    StaffForm { parts, fields, staff, form }: StaffForm<OffreForm>,
) -> Response {
    let outcome = match service::validate(&st.db, &form).await {
        Ok(content) => service::create(&st.db, &staff, content).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(_) => see_other("/pro?ok=creee"),
        Err(e) => refused_by(&st, parts, fields, e).await,
    }
}

async fn edit(
    State(st): State<FormState>,
    Path(id): Path<String>,
    StaffEdit { parts, fields, staff, version, form }: StaffEdit<OffreForm>,
) -> Response {
    let outcome = match form.action {
        Action::Archiver => service::set_archived(&st.db, &staff, &id, version, true).await.map(|_| "/pro?ok=archivee"),
        Action::Restaurer => {
            service::set_archived(&st.db, &staff, &id, version, false).await.map(|_| "/pro?ok=restauree")
        }
        Action::Confirmer => {
            let today = crate::dates::today(chrono::Utc::now());
            service::confirm_up_to_date(&st.db, &staff, &id, version, today).await.map(|_| "/pro?ok=confirmee")
        }
        Action::Enregistrer => match service::validate(&st.db, &form).await {
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
