//! What every page-form post reads (ssr only): the state the server builds for them, the posted
//! fields, and how a refused post shows its page again. Below every room: it names none.
use crate::ui::form::{field, form_fields, render_again, Submitted};
use axum::{extract::Request, http::StatusCode, response::Response};
use leptos::prelude::*;
use sea_orm::DatabaseConnection;

/// Largest form body read (the server's body limit applies first).
pub const MAX_FORM_BYTES: usize = 256 * 1024;

/// What gives a page its context (database, search index…): the same function the server uses
/// for its page routes, so a page rendered again after a refused post sees what it always sees.
pub type PageContext = std::sync::Arc<dyn Fn() + Send + Sync>;

/// The state every page-form handler reads (the server builds it from its own state).
#[derive(Clone)]
pub struct FormState {
    pub options: LeptosOptions,
    pub db: DatabaseConnection,
    pub context: PageContext,
    /// The public origin links are built from (never the request's `Host`).
    pub public_url: String,
}

impl FormState {
    /// Shows the form again after the service refused a professional's change: on a conflict,
    /// what the person typed stays, each field of `compared` that differs gets a note with the
    /// stored value, and the form moves to the stored version (saving again is a choice).
    pub async fn refuse_edit(
        &self,
        parts: axum::http::request::Parts,
        fields: Vec<(String, String)>,
        e: crate::error::EditError,
        conflict_message: &str,
        compared: &[&str],
    ) -> Response {
        self.refuse_edit_labelled(parts, fields, e, conflict_message, compared, &Default::default()).await
    }

    /// [`Self::refuse_edit`], showing stored values through `labels` (e.g. ids of choices → their
    /// names).
    pub async fn refuse_edit_labelled(
        &self,
        parts: axum::http::request::Parts,
        mut fields: Vec<(String, String)>,
        e: crate::error::EditError,
        conflict_message: &str,
        compared: &[&str],
        labels: &std::collections::HashMap<String, String>,
    ) -> Response {
        use crate::error::{AppError, EditError};
        let (status, errors, message) = match e {
            EditError::Conflict { stored, version } => {
                let errors = differences(&fields, &stored, compared, labels);
                fields.retain(|(k, _)| k != "version");
                fields.push(("version".into(), version.to_string()));
                (StatusCode::CONFLICT, errors, Some(conflict_message.to_owned()))
            }
            EditError::Invalid(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors, None),
            EditError::Db(err) => {
                tracing::error!(error = %err, "write failed");
                (StatusCode::SERVICE_UNAVAILABLE, vec![], Some(AppError::Unavailable.to_string()))
            }
            other => {
                let app = other.into_app_error();
                (StatusCode::from_u16(app.status()).unwrap_or(StatusCode::BAD_REQUEST), vec![], Some(app.to_string()))
            }
        };
        self.refuse(parts, status, Submitted { values: fields, errors, message }).await
    }

    /// Renders the request's page again with the submission and its problems.
    pub async fn refuse(
        &self,
        parts: axum::http::request::Parts,
        status: StatusCode,
        submitted: Submitted,
    ) -> Response {
        let context = self.context.clone();
        render_again(self.options.clone(), parts, status, submitted, move || context()).await
    }
}

/// For each field whose stored value differs from the typed one, a note with the stored value.
fn differences(
    typed: &[(String, String)],
    stored: &[(String, String)],
    compared: &[&str],
    labels: &std::collections::HashMap<String, String>,
) -> Vec<(String, String)> {
    let values = |list: &[(String, String)], k: &str| {
        let mut v: Vec<String> =
            list.iter().filter(|(n, _)| n == k).map(|(_, v)| v.trim().to_owned()).filter(|v| !v.is_empty()).collect();
        v.sort();
        v
    };
    compared
        .iter()
        .filter_map(|k| {
            let (mine, theirs) = (values(typed, k), values(stored, k));
            (mine != theirs).then(|| {
                let shown: Vec<&str> = theirs.iter().map(|v| labels.get(v).unwrap_or(v).as_str()).collect();
                let shown = if shown.is_empty() { "(vide)".to_owned() } else { shown.join(", ") };
                ((*k).to_owned(), format!("Modifié entre-temps. Valeur enregistrée : « {shown} »"))
            })
        })
        .collect()
}

/// The `version` an edit form was opened at, or the page again with a message.
pub async fn form_version(
    st: &FormState,
    parts: axum::http::request::Parts,
    fields: &[(String, String)],
) -> Result<(axum::http::request::Parts, i32), Response> {
    match field(fields, "version").parse::<i32>() {
        Ok(v) => Ok((parts, v)),
        Err(_) => {
            let message = Some("Le formulaire est incomplet. Rechargez la page et recommencez.".to_owned());
            Err(st
                .refuse(parts, StatusCode::BAD_REQUEST, Submitted { values: fields.to_vec(), errors: vec![], message })
                .await)
        }
    }
}

/// Splits a form post into its head and its fields.
pub async fn read_form(req: Request) -> (axum::http::request::Parts, Vec<(String, String)>) {
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES).await.unwrap_or_default();
    (parts, form_fields(&bytes))
}
