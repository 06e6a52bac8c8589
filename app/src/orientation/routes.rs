//! The orientation forms' posts (ssr only).
use super::service::{OrientationForm, ReponseForm};
use crate::auth::routes::StaffForm;
use crate::ui::form::{form_fields, see_other};
use crate::web::{read_as, read_body, FormState};
use axum::{
    extract::{FromRef, Path, Request, State},
    response::Response,
    routing::post,
    Router,
};

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
{
    Router::new().route("/pro/orienter/{offre}", post(send)).route("/orientation/{jeton}", post(answer))
}

const MESSAGE: &str = "Cette demande a déjà reçu une réponse.";

async fn send(
    State(st): State<FormState>,
    Path(offre): Path<String>,
    StaffForm { parts, fields, staff, form }: StaffForm<OrientationForm>,
) -> Response {
    match super::service::send(&st.db, &staff, &offre, &form, chrono::Utc::now()).await {
        Ok(_) => see_other("/pro/orientations?ok=1"),
        Err(e) => st.refuse_edit(parts, fields, e, MESSAGE, &[]).await,
    }
}

async fn answer(State(st): State<FormState>, Path(jeton): Path<String>, req: Request) -> Response {
    let (parts, bytes) = read_body(req).await;
    let fields = form_fields(&bytes);
    let (parts, form) = match read_as::<ReponseForm>(&st, parts, &bytes).await {
        Ok(read) => read,
        Err(res) => return res,
    };
    match super::service::answer(&st.db, &jeton, &form, chrono::Utc::now()).await {
        Ok(()) => see_other(&format!("/orientation/{jeton}")),
        Err(e) => st.refuse_edit(parts, fields, e, MESSAGE, &[]).await,
    }
}
