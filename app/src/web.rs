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

/// What a refused post says when its fields do not fit its form (a `version` missing, a choice
/// that is not offered, one field given twice): only a stale page or a hand-made post does that.
pub const INCOMPLETE_MESSAGE: &str = "Le formulaire est incomplet. Rechargez la page et recommencez.";

/// The page again (400) with [`INCOMPLETE_MESSAGE`] and what was typed.
pub async fn refuse_incomplete(
    st: &FormState,
    parts: axum::http::request::Parts,
    fields: Vec<(String, String)>,
) -> Response {
    let message = Some(INCOMPLETE_MESSAGE.to_owned());
    st.refuse(parts, StatusCode::BAD_REQUEST, Submitted { values: fields, errors: vec![], message }).await
}

/// The `version` an edit form was opened at, or the page again with a message.
pub async fn form_version(
    st: &FormState,
    parts: axum::http::request::Parts,
    fields: &[(String, String)],
) -> Result<(axum::http::request::Parts, i32), Response> {
    match field(fields, "version").parse::<i32>() {
        Ok(v) => Ok((parts, v)),
        Err(_) => Err(refuse_incomplete(st, parts, fields.to_vec()).await),
    }
}

/// Splits a form post into its head and its fields.
pub async fn read_form(req: Request) -> (axum::http::request::Parts, Vec<(String, String)>) {
    let (parts, bytes) = read_body(req).await;
    (parts, form_fields(&bytes))
}

/// Splits a form post into its head and its body (at most [`MAX_FORM_BYTES`]).
pub async fn read_body(req: Request) -> (axum::http::request::Parts, axum::body::Bytes) {
    let (parts, body) = req.into_parts();
    (parts, axum::body::to_bytes(body, MAX_FORM_BYTES).await.unwrap_or_default())
}

/// A form's body read as its struct `T`, the way `axum::Form` reads one (`serde_html_form`: a
/// name posted several times fills a `Vec`, an absent one takes its `#[serde(default)]`), or
/// the page again with [`INCOMPLETE_MESSAGE`]. Free text stays a `String` in `T`, checked by the
/// form's `validate` with a message next to its field; what fails here is the form's shape.
pub async fn read_as<T: serde::de::DeserializeOwned>(
    st: &FormState,
    parts: axum::http::request::Parts,
    bytes: &[u8],
) -> Result<(axum::http::request::Parts, T), Response> {
    match crate::ui::form::parse_body::<T>(bytes) {
        Ok(form) => Ok((parts, form)),
        Err(e) => {
            tracing::debug!(error = %e, path = parts.uri.path(), "form does not fit its struct");
            // Nothing echoed: the body may hold a password.
            Err(refuse_incomplete(st, parts, vec![]).await)
        }
    }
}

/// The form of a post with no fields of its own (a button) or with fields named by the page's
/// rows (the roll call's `presence-<id>`), read from the fields: any body fits.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Untyped {}
