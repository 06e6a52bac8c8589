//! The socle's form posts and its calendar file (ssr only). Registration is open to anyone
//! (rate-limited per address and per session); the organisers' posts check who is signed in and
//! what they may change. Each redirects (303) or shows its page again with the problems.
use super::organisation::{self as org, ATELIER_FIELDS, CONFLICT_MESSAGE, SEANCE_FIELDS};
use super::service::{self, CancelError, RegisterError, ALREADY_MESSAGE, FULL_MESSAGE};
use crate::auth::routes::{read_form, read_staff_edit, read_staff_form, FormState};
use crate::error::{checked, AppError, EditError};
use crate::ui::form::{field, see_other, Submitted};
use axum::{
    extract::{ConnectInfo, FromRef, Path, Request, State},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use chrono::Utc;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::{net::IpAddr, num::NonZeroU32, sync::Arc};

/// How many registration attempts are accepted, per address and per session.
pub struct RegistrationLimits {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_seance: DefaultKeyedRateLimiter<String>,
}

pub const LIMIT_MESSAGE: &str =
    "Trop d’inscriptions ont été envoyées depuis cette connexion. Réessayez dans un moment, \
    ou appelez l’organisateur de l’atelier.";
pub const BUSY_MESSAGE: &str =
    "Beaucoup de personnes s’inscrivent à cette séance en ce moment. Réessayez dans une minute.";

impl RegistrationLimits {
    /// `per_ip_per_hour` attempts from one address; `per_seance_per_minute` on one session.
    pub fn new(per_ip_per_hour: u32, per_seance_per_minute: u32) -> Self {
        let n = |v: u32| NonZeroU32::new(v.max(1)).unwrap_or(NonZeroU32::MIN);
        RegistrationLimits {
            per_ip: RateLimiter::keyed(Quota::per_hour(n(per_ip_per_hour))),
            per_seance: RateLimiter::keyed(Quota::per_minute(n(per_seance_per_minute))),
        }
    }

    /// One attempt: `Err(message)` when over a limit.
    pub fn check(&self, ip: IpAddr, seance_id: &str) -> Result<(), &'static str> {
        if self.per_ip.len() > 100_000 {
            self.per_ip.retain_recent();
        }
        if self.per_seance.len() > 100_000 {
            self.per_seance.retain_recent();
        }
        self.per_ip.check_key(&ip).map_err(|_| LIMIT_MESSAGE)?;
        self.per_seance.check_key(&seance_id.to_owned()).map_err(|_| BUSY_MESSAGE)?;
        Ok(())
    }

    /// Whether a request for a message (a "Mes badges" link, a carnet code) may go: counted with
    /// the address's registrations, and at most 60 a minute in all (each one may cost an SMS).
    pub fn allows_message_request(&self, ip: IpAddr) -> bool {
        self.check(ip, "\u{0}liens").is_ok()
    }
}

impl Default for RegistrationLimits {
    /// 30 per hour from one address (a social worker may register several people from an
    /// office), 60 per minute on one session.
    fn default() -> Self {
        RegistrationLimits::new(30, 60)
    }
}

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
    Arc<RegistrationLimits>: FromRef<S>,
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

pub fn client_ip(req: &Request) -> IpAddr {
    req.extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
}

fn message(values: Vec<(String, String)>, text: &str) -> Submitted {
    Submitted { values, errors: vec![], message: Some(text.to_owned()) }
}

async fn register(
    State(st): State<FormState>,
    State(limits): State<Arc<RegistrationLimits>>,
    Path(id): Path<String>,
    req: Request,
) -> Response {
    let ip = client_ip(&req);
    let (parts, fields) = read_form(req).await;
    if let Err(m) = limits.check(ip, &id) {
        return st.refuse(parts, StatusCode::TOO_MANY_REQUESTS, message(fields, m)).await;
    }
    let langue = crate::i18n::from_headers(&parts.headers).0;
    let r = match service::validate_registration(&fields, langue) {
        Ok(r) => r,
        Err(errors) => {
            return st
                .refuse(parts, StatusCode::UNPROCESSABLE_ENTITY, Submitted { values: fields, errors, message: None })
                .await
        }
    };
    let (status, text) = match service::register(&st.db, &id, &r, Utc::now()).await {
        Ok(done) => return see_other(&format!("/inscription/{}?nouvelle=1", done.token)),
        Err(RegisterError::Full) => (StatusCode::CONFLICT, FULL_MESSAGE),
        Err(RegisterError::AlreadyRegistered) => (StatusCode::CONFLICT, ALREADY_MESSAGE),
        Err(RegisterError::Closed(m)) => (StatusCode::CONFLICT, m),
        Err(RegisterError::NotFound) => (StatusCode::NOT_FOUND, "Cette séance n’existe pas ou plus."),
        Err(RegisterError::Db(e)) => {
            tracing::error!(error = %e, "registration failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Le service est momentanément indisponible. Réessayez dans quelques minutes.",
            )
        }
    };
    st.refuse(parts, status, message(fields, text)).await
}

async fn cancel(State(st): State<FormState>, Path(jeton): Path<String>, req: Request) -> Response {
    let (parts, fields) = read_form(req).await;
    let (status, text) = match service::cancel(&st.db, &jeton, Utc::now()).await {
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
    match service::calendar(&st.db, &jeton).await {
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

async fn create_atelier(State(st): State<FormState>, req: Request) -> Response {
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let outcome = match checked(org::validate_atelier(&st.db, &fields).await) {
        Ok(c) => org::create_atelier(&st.db, &staff, c, Utc::now()).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(id) => see_other(&format!("/pro/ateliers/{id}?ok=cree")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &ATELIER_FIELDS).await,
    }
}

async fn edit_atelier(State(st): State<FormState>, Path(id): Path<String>, req: Request) -> Response {
    let (parts, fields, staff, version) = match read_staff_edit(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let now = Utc::now();
    let outcome = match field(&fields, "action").as_str() {
        "archiver" => org::update_atelier(&st.db, &staff, &id, version, None, Some(true), now).await.map(|_| "archive"),
        "restaurer" => {
            org::update_atelier(&st.db, &staff, &id, version, None, Some(false), now).await.map(|_| "restaure")
        }
        _ => match checked(org::validate_atelier(&st.db, &fields).await) {
            Ok(c) => org::update_atelier(&st.db, &staff, &id, version, Some(c), None, now).await.map(|_| "modifie"),
            Err(e) => Err(e),
        },
    };
    match outcome {
        Ok(ok) => see_other(&format!("/pro/ateliers/{id}?ok={ok}")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &ATELIER_FIELDS).await,
    }
}

async fn create_seance(State(st): State<FormState>, Path(atelier_id): Path<String>, req: Request) -> Response {
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let now = Utc::now();
    let outcome = match checked(org::validate_seance(&st.db, &fields, now, 0).await) {
        Ok(c) => org::create_seance(&st.db, &staff, &atelier_id, c, now).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(_) => see_other(&format!("/pro/ateliers/{atelier_id}?ok=seance-creee")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &SEANCE_FIELDS).await,
    }
}

async fn edit_seance(State(st): State<FormState>, Path(id): Path<String>, req: Request) -> Response {
    let (parts, fields, staff, version) = match read_staff_edit(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let now = Utc::now();
    let outcome = async {
        let (_, atelier) = org::load_seance(&st.db, &staff, &id).await?;
        if field(&fields, "action") == "annuler" {
            org::cancel_seance(&st.db, &staff, &id, version, &field(&fields, "motif"), now).await?;
            return Ok((atelier.id, "seance-annulee"));
        }
        let taken = org::seats_taken(&st.db, &id).await?;
        let c = checked(org::validate_seance(&st.db, &fields, now, taken).await)?;
        org::update_seance(&st.db, &staff, &id, version, c, now).await?;
        Ok::<_, EditError>((atelier.id, "seance-modifiee"))
    }
    .await;
    match outcome {
        Ok((atelier_id, ok)) => see_other(&format!("/pro/ateliers/{atelier_id}?ok={ok}")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &SEANCE_FIELDS).await,
    }
}

async fn roll_call(State(st): State<FormState>, Path(id): Path<String>, req: Request) -> Response {
    let (parts, fields, staff) = match read_staff_form(&st, req).await {
        Ok(f) => f,
        Err(res) => return res,
    };
    let marks: Vec<(String, String)> = fields
        .iter()
        .filter_map(|(k, v)| k.strip_prefix("presence-").map(|id| (id.to_owned(), v.trim().to_owned())))
        .collect();
    match org::roll_call(&st.db, &staff, &id, &marks, Utc::now()).await {
        Ok(_) => see_other(&format!("/pro/seances/{id}/inscrits?ok=appel")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &[]).await,
    }
}
