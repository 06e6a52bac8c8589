//! The carnet's form posts (ssr only): each reads the signed-in professional, and the service
//! checks their membership before anything is written.
use super::service::{self as svc, CONFLICT_MESSAGE, DIAGNOSTIC_FIELDS, IDENTITE_FIELDS};
use crate::auth::routes::{form_version, read_staff_form, FormState};
use crate::error::{checked, EditError};
use crate::ui::form::{field, see_other};
use axum::{
    extract::{FromRef, Path, Request, State},
    response::Response,
    routing::post,
    Router,
};
use chrono::Utc;

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
{
    Router::new()
        .route("/pro/nouveau-carnet", post(create))
        .route("/pro/carnets/{id}/identite", post(identite))
        .route("/pro/carnets/{id}/diagnostic/{theme}", post(diagnostic))
        .route("/pro/carnets/{id}", post(membres))
}

fn today() -> chrono::NaiveDate {
    crate::socle::dates::today(Utc::now())
}

async fn create(State(st): State<FormState>, req: Request) -> Response {
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let outcome = match svc::validate_identite(&fields, today()) {
        Ok(c) => svc::create(&st.db, &staff, c, Utc::now()).await,
        Err(errors) => Err(EditError::Invalid(errors)),
    };
    match outcome {
        Ok(id) => see_other(&format!("/pro/carnets/{id}?ok=cree")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &IDENTITE_FIELDS).await,
    }
}

async fn identite(State(st): State<FormState>, Path(id): Path<String>, req: Request) -> Response {
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let (parts, version) = match form_version(&st, parts, &fields).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    let outcome = match svc::validate_identite(&fields, today()) {
        Ok(c) => svc::update_identite(&st.db, &staff, &id, version, c, Utc::now()).await,
        Err(errors) => Err(EditError::Invalid(errors)),
    };
    match outcome {
        Ok(()) => see_other(&format!("/pro/carnets/{id}?ok=identite")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &IDENTITE_FIELDS).await,
    }
}

async fn diagnostic(State(st): State<FormState>, Path((id, theme)): Path<(String, String)>, req: Request) -> Response {
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let (parts, version) = match form_version(&st, parts, &fields).await {
        Ok(v) => v,
        Err(res) => return res,
    };
    // Membership first: a non-member learns nothing from the validation of their input.
    let outcome = match svc::membership(&st.db, &staff, &id).await {
        Ok(_) => match checked(svc::validate_diagnostic(&st.db, &theme, &fields).await) {
            Ok(c) => svc::update_diagnostic(&st.db, &staff, &id, &theme, version, c, Utc::now()).await,
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => see_other(&format!("/pro/carnets/{id}?ok=diagnostic#theme-{theme}")),
        Err(e) => {
            let labels = svc::situation_names(&st.db).await.unwrap_or_default();
            st.refuse_edit_labelled(parts, fields, e, CONFLICT_MESSAGE, &DIAGNOSTIC_FIELDS, &labels).await
        }
    }
}

async fn membres(State(st): State<FormState>, Path(id): Path<String>, req: Request) -> Response {
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let now = Utc::now();
    let outcome = match field(&fields, "action").as_str() {
        "ajouter" => svc::add_member(&st.db, &staff, &id, &field(&fields, "compte"), now).await.map(|_| "membre-ajoute"),
        "retirer" => svc::revoke_member(&st.db, &staff, &id, &field(&fields, "membre"), now).await.map(|_| "membre-retire"),
        "referent" => svc::set_referent_unique(&st.db, &staff, &id, &field(&fields, "membre"), now).await.map(|_| "referent"),
        _ => Err(EditError::Invalid(vec![("compte".into(), "Action inconnue. Rechargez la page.".into())])),
    };
    match outcome {
        // Who withdrew their own access can no longer see the carnet: back to the list.
        Ok("membre-retire") if svc::membership(&st.db, &staff, &id).await.is_err() => see_other("/pro/carnets?ok=retire"),
        Ok(ok) => see_other(&format!("/pro/carnets/{id}?ok={ok}#membres")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &[]).await,
    }
}
