//! The socle's form posts and its calendar file (ssr only). Registration is open to anyone
//! (rate-limited per address and per session); the organisers' posts check who is signed in and
//! what they may change. Each redirects (303) or shows its page again with the problems.
use super::inscriptions::CancelError;
use super::inscriptions::RegisterError;
use super::inscriptions::FULL_MESSAGE;
use super::regles::ATELIER_FIELDS;
use super::regles::CONFLICT_MESSAGE;
use super::regles::SEANCE_FIELDS;
use super::{agenda, inscriptions};
use super::{appel, ateliers, seances};
use crate::auth::routes::{StaffEdit, StaffForm};
use crate::error::{AppError, EditError};
use crate::rate_limit::{address_key, client_ip, Bucket, Limits};
use crate::ui::form::{form_fields, see_other, Submitted};
use crate::web::{read_as, read_body, read_form, FormState};
use ateliers::AtelierAction;
use axum::{
    extract::{FromRef, Path, Request, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use chrono::Utc;
use seances::SeanceAction;
use std::sync::Arc;

pub const LIMIT_MESSAGE: &str =
    "Trop d’inscriptions ont été envoyées depuis cette connexion. Réessayez dans un moment, \
    ou appelez l’organisateur de l’atelier.";
pub const BUSY_MESSAGE: &str =
    "Beaucoup de personnes s’inscrivent à cette séance en ce moment. Réessayez dans une minute.";

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
    Arc<Limits>: FromRef<S>,
{
    Router::new()
        .route("/ateliers/{id}", post(register))
        .route("/inscription/{jeton}", post(cancel))
        .route("/inscription/{jeton}/agenda.ics", get(calendar))
        .route("/pro/nouvel-atelier", post(create_atelier))
        .route("/pro/ateliers/{id}", post(edit_atelier))
        .route("/pro/ateliers/{id}/nouvelle-seance", post(create_seance))
        .route("/pro/seances/{id}", post(edit_seance))
        .route("/pro/seances/{id}/inscrits", post(roll_call))
}

const UNAVAILABLE: &str = "Le service est momentanément indisponible. Réessayez dans quelques minutes.";

fn message(values: Vec<(String, String)>, text: &str) -> Submitted {
    Submitted { values, errors: vec![], message: Some(text.to_owned()) }
}

async fn register(
    State(st): State<FormState>,
    State(limits): State<Arc<Limits>>,
    Path(id): Path<String>,
    req: Request,
) -> Response {
    let peer = client_ip(&limits, &req);
    let ip = address_key(peer);
    let (parts, bytes) = read_body(req).await;
    let fields = form_fields(&bytes);
    let now = Utc::now();
    let over = match limits.allow(&st.db, Bucket::Inscription, &ip, now).await {
        Ok(true) => limits.allow(&st.db, Bucket::Seance, &id, now).await.map(|ok| (!ok).then_some(BUSY_MESSAGE)),
        Ok(false) => Ok(Some(LIMIT_MESSAGE)),
        Err(e) => Err(e),
    };
    match over {
        Ok(None) => {}
        Ok(Some(m)) => return st.refuse(parts, StatusCode::TOO_MANY_REQUESTS, message(fields, m)).await,
        Err(e) => {
            tracing::error!(error = %e, "rate limit unavailable");
            return st.refuse(parts, StatusCode::SERVICE_UNAVAILABLE, message(fields, UNAVAILABLE)).await;
        }
    }
    let langue = crate::i18n::from_headers(&parts.headers).0;
    let (parts, form) = match read_as::<inscriptions::RegistrationForm>(&st, parts, &bytes).await {
        Ok(read) => read,
        Err(res) => return res,
    };
    let r = match form.validate(langue) {
        Ok(r) => r,
        Err(errors) => {
            let refused = Submitted { values: fields, errors: errors.0, message: None };
            return st.refuse(parts, StatusCode::UNPROCESSABLE_ENTITY, refused).await;
        }
    };
    // Registered, or already registered with this phone or e-mail: the same answer (nobody learns
    // that someone else registered); her link goes to the contact on record either way.
    let sent = format!("/ateliers/{id}?inscription=envoyee");
    let (status, text) = match inscriptions::register(&st.db, &id, &r, now).await {
        Ok(_) => return see_other(&sent),
        Err(RegisterError::AlreadyRegistered) => {
            let contact = r.telephone.clone().or(r.courriel.clone()).unwrap_or_default();
            let resend = match limits.allow_message(&st.db, peer, &contact, now).await {
                Ok(true) => inscriptions::resend_confirmation(&st.db, &id, &r, now).await,
                Ok(false) => Ok(()),
                Err(e) => Err(e),
            };
            if let Err(e) = resend {
                tracing::error!(error = %e, "confirmation not written again");
            }
            return see_other(&sent);
        }
        Err(RegisterError::Full) => (StatusCode::CONFLICT, FULL_MESSAGE),
        Err(RegisterError::Closed(m)) => (StatusCode::CONFLICT, m),
        Err(RegisterError::NotFound) => (StatusCode::NOT_FOUND, "Cette séance n’existe pas ou plus."),
        Err(RegisterError::Db(e)) => {
            tracing::error!(error = %e, "registration failed");
            (StatusCode::SERVICE_UNAVAILABLE, UNAVAILABLE)
        }
    };
    st.refuse(parts, status, message(fields, text)).await
}

async fn cancel(State(st): State<FormState>, Path(jeton): Path<String>, req: Request) -> Response {
    let (parts, fields) = read_form(req).await;
    let (status, text) = match inscriptions::cancel(&st.db, &jeton, Utc::now()).await {
        Ok(_) => return see_other(&format!("/inscription/{jeton}?annulee=1")),
        Err(CancelError::NotFound) => (StatusCode::NOT_FOUND, "Cette inscription n’existe pas ou plus."),
        Err(CancelError::Past) => (StatusCode::CONFLICT, "Cette séance est terminée : il n’y a plus rien à annuler."),
        Err(CancelError::Db(e)) => {
            tracing::error!(error = %e, "cancellation failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Le service est momentanément indisponible. Réessayez dans quelques minutes.",
            )
        }
    };
    st.refuse(parts, status, message(fields, text)).await
}

async fn calendar(State(st): State<FormState>, Path(jeton): Path<String>) -> Response {
    match agenda::calendar(&st.db, &jeton).await {
        Ok(Some(ics)) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CONTENT_DISPOSITION, "attachment; filename=\"atelier.ics\""),
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            ics,
        )
            .into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "Cette inscription n’existe pas ou plus.").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "calendar failed");
            (StatusCode::SERVICE_UNAVAILABLE, AppError::Unavailable.to_string()).into_response()
        }
    }
}

async fn create_atelier(
    State(st): State<FormState>,
    StaffForm { parts, fields, staff, form }: StaffForm<ateliers::AtelierForm>,
) -> Response {
    let outcome = match ateliers::validate_atelier(&st.db, &form).await {
        Ok(c) => ateliers::create_atelier(&st.db, &staff, c, Utc::now()).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(id) => see_other(&format!("/pro/ateliers/{id}?ok=cree")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &ATELIER_FIELDS).await,
    }
}

async fn edit_atelier(
    State(st): State<FormState>,
    Path(id): Path<String>,
    StaffEdit { parts, fields, staff, version, form }: StaffEdit<ateliers::AtelierForm>,
) -> Response {
    let now = Utc::now();
    let outcome = match form.action {
        AtelierAction::Archiver => {
            ateliers::update_atelier(&st.db, &staff, &id, version, None, Some(true), now).await.map(|_| "archive")
        }
        AtelierAction::Restaurer => {
            ateliers::update_atelier(&st.db, &staff, &id, version, None, Some(false), now).await.map(|_| "restaure")
        }
        AtelierAction::Enregistrer => match ateliers::validate_atelier(&st.db, &form).await {
            Ok(c) => {
                ateliers::update_atelier(&st.db, &staff, &id, version, Some(c), None, now).await.map(|_| "modifie")
            }
            Err(e) => Err(e),
        },
    };
    match outcome {
        Ok(ok) => see_other(&format!("/pro/ateliers/{id}?ok={ok}")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &ATELIER_FIELDS).await,
    }
}

async fn create_seance(
    State(st): State<FormState>,
    Path(atelier_id): Path<String>,
    StaffForm { parts, fields, staff, form }: StaffForm<seances::SeanceForm>,
) -> Response {
    let now = Utc::now();
    let outcome = match seances::validate_seance(&st.db, &form, now, 0).await {
        Ok(c) => seances::create_seance(&st.db, &staff, &atelier_id, c, now).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(_) => see_other(&format!("/pro/ateliers/{atelier_id}?ok=seance-creee")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &SEANCE_FIELDS).await,
    }
}

async fn edit_seance(
    State(st): State<FormState>,
    Path(id): Path<String>,
    StaffEdit { parts, fields, staff, version, form }: StaffEdit<seances::SeanceForm>,
) -> Response {
    let now = Utc::now();
    let outcome = async {
        let (_, atelier) = seances::load_seance(&st.db, &staff, &id).await?;
        if form.action == SeanceAction::Annuler {
            seances::cancel_seance(&st.db, &staff, &id, version, form.motif.trim(), now).await?;
            return Ok((atelier.id, "seance-annulee"));
        }
        let taken = seances::seats_taken(&st.db, &id).await?;
        let c = seances::validate_seance(&st.db, &form, now, taken).await?;
        seances::update_seance(&st.db, &staff, &id, version, c, now).await?;
        Ok::<_, EditError>((atelier.id, "seance-modifiee"))
    }
    .await;
    match outcome {
        Ok((atelier_id, ok)) => see_other(&format!("/pro/ateliers/{atelier_id}?ok={ok}")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &SEANCE_FIELDS).await,
    }
}

async fn roll_call(
    State(st): State<FormState>,
    Path(id): Path<String>,
    StaffForm { parts, fields, staff, .. }: StaffForm,
) -> Response {
    let marks: Vec<(String, String)> = fields
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("presence-").map(|id| (id.to_owned(), v.trim().to_owned())))
        .collect();
    match appel::roll_call(&st.db, &staff, &id, &marks, Utc::now()).await {
        Ok(_) => see_other(&format!("/pro/seances/{id}/inscrits?ok=appel")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &[]).await,
    }
}
