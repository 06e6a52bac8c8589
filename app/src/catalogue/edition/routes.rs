//! The offer forms' posts (ssr only): create, save, archive, restore. Each checks who is signed
//! in and what they may change, then redirects (303) or shows the form again with the problems.
use super::service::{self, EditError, CONFLICT_MESSAGE};
use crate::auth::routes::{read_form, FormState};
use crate::auth::session;
use crate::auth::model::Staff;
use crate::ui::form::{field, see_other, Submitted};
use axum::{
    extract::{FromRef, Request, State},
    http::{request::Parts, StatusCode},
    response::Response,
    routing::post,
    Router,
};

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
{
    Router::new().route("/pro/nouvelle-offre", post(create)).route("/pro/offres/{id}", post(edit))
}

/// The signed-in professional, or the redirect to the sign-in page (back here afterwards).
async fn staff_or_sign_in(st: &FormState, parts: &Parts) -> Result<Staff, Response> {
    match session::staff_from_headers(&st.db, &parts.headers).await {
        Ok(Some(staff)) => Ok(staff),
        Ok(None) => Err(see_other(&format!("/pro/connexion?suite={}", parts.uri.path()))),
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            Err(unavailable())
        }
    }
}

fn unavailable() -> Response {
    use axum::response::IntoResponse;
    (StatusCode::SERVICE_UNAVAILABLE, crate::error::AppError::Unavailable.to_string()).into_response()
}

async fn create(State(st): State<FormState>, req: Request) -> Response {
    let (parts, fields) = read_form(req).await;
    let staff = match staff_or_sign_in(&st, &parts).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let content = match service::validate(&st.db, &fields).await {
        Ok(Ok(c)) => c,
        Ok(Err(errors)) => {
            return st.refuse(parts, StatusCode::UNPROCESSABLE_ENTITY, Submitted { values: fields, errors, message: None }).await
        }
        Err(e) => return refused_by(&st, parts, fields, EditError::Db(e)).await,
    };
    match service::create(&st.db, &staff, content).await {
        Ok(_) => see_other("/pro?ok=creee"),
        Err(e) => refused_by(&st, parts, fields, e).await,
    }
}

async fn edit(State(st): State<FormState>, req: Request) -> Response {
    let id = req.uri().path().rsplit('/').next().unwrap_or_default().to_owned();
    let (parts, fields) = read_form(req).await;
    let staff = match staff_or_sign_in(&st, &parts).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let Ok(version) = field(&fields, "version").parse::<i32>() else {
        let message = "Le formulaire est incomplet. Rechargez la page et recommencez.".to_owned();
        return st.refuse(parts, StatusCode::BAD_REQUEST, Submitted { values: fields, errors: vec![], message: Some(message) }).await;
    };
    let outcome = match field(&fields, "action").as_str() {
        "archiver" => service::set_archived(&st.db, &staff, &id, version, true).await.map(|_| "/pro?ok=archivee"),
        "restaurer" => service::set_archived(&st.db, &staff, &id, version, false).await.map(|_| "/pro?ok=restauree"),
        _ => match service::validate(&st.db, &fields).await {
            Ok(Ok(content)) => service::update(&st.db, &staff, &id, version, content).await.map(|_| "/pro?ok=modifiee"),
            Ok(Err(errors)) => {
                return st
                    .refuse(parts, StatusCode::UNPROCESSABLE_ENTITY, Submitted { values: fields, errors, message: None })
                    .await
            }
            Err(e) => Err(EditError::Db(e)),
        },
    };
    match outcome {
        Ok(to) => see_other(to),
        Err(e) => refused_by(&st, parts, fields, e).await,
    }
}

/// Shows the form again after the service refused the change.
async fn refused_by(st: &FormState, parts: Parts, mut fields: Vec<(String, String)>, e: EditError) -> Response {
    let (status, errors, message) = match e {
        EditError::Conflict { stored, version } => {
            // Keep what the person typed; show, under each field that differs, what is stored;
            // and move to the stored version so saving again is a deliberate choice.
            let errors = differences(&fields, &stored);
            fields.retain(|(k, _)| k != "version");
            fields.push(("version".into(), version.to_string()));
            (StatusCode::CONFLICT, errors, CONFLICT_MESSAGE.to_owned())
        }
        EditError::Db(err) => {
            tracing::error!(error = %err, "offer write failed");
            (StatusCode::SERVICE_UNAVAILABLE, vec![], crate::error::AppError::Unavailable.to_string())
        }
        other => {
            let app = other.into_app_error();
            (StatusCode::from_u16(app.status()).unwrap_or(StatusCode::BAD_REQUEST), vec![], app.to_string())
        }
    };
    st.refuse(parts, status, Submitted { values: fields, errors, message: Some(message) }).await
}

/// For each field whose stored value differs from the typed one, a note with the stored value.
fn differences(typed: &[(String, String)], stored: &[(String, String)]) -> Vec<(String, String)> {
    const FIELDS: [&str; 17] = [
        "nom", "description", "themes", "publics", "conditions_acces", "frais", "frais_precisions", "modes_accueil",
        "modes_mobilisation", "adresse", "complement_adresse", "code_insee", "code_postal", "horaires_accueil",
        "telephone", "courriel", "lien",
    ];
    let values = |list: &[(String, String)], k: &str| {
        let mut v: Vec<String> =
            list.iter().filter(|(n, _)| n == k).map(|(_, v)| v.trim().to_owned()).filter(|v| !v.is_empty()).collect();
        v.sort();
        v
    };
    FIELDS
        .iter()
        .filter_map(|k| {
            let (mine, theirs) = (values(typed, k), values(stored, k));
            (mine != theirs).then(|| {
                let shown = if theirs.is_empty() { "(vide)".to_owned() } else { theirs.join(", ") };
                ((*k).to_owned(), format!("Modifié entre-temps. Valeur enregistrée : « {shown} »"))
            })
        })
        .collect()
}
