//! The sign-in and sign-out form posts (ssr only). Like every POST, they pass the server's CSRF
//! check first.
use super::compte;
use super::session::{self, SignInError};
use super::views::safe_next;
use crate::token::CookiePolicy;
use crate::ui::form::{form_fields, see_other, Submitted};
use crate::web::{form_version, read_as, read_body, FormState, Untyped};
use axum::{
    extract::{FromRef, FromRequest, Request, State},
    http::{header, HeaderValue, StatusCode},
    response::Response,
    routing::post,
    Router,
};

const TOO_MANY_LINKS: &str =
    "Trop de demandes depuis cette connexion. Réessayez dans une heure, ou demandez à l’administrateur \
    de votre structure.";

/// The signed-in professional, or the redirect to the sign-in page (back here afterwards).
pub async fn staff_or_sign_in(
    st: &FormState,
    parts: &axum::http::request::Parts,
) -> Result<super::model::Staff, Response> {
    match session::staff_from_headers(&st.db, &parts.headers).await {
        Ok(Some(staff)) => Ok(staff),
        Ok(None) => Err(see_other(&format!("/pro/connexion?suite={}", parts.uri.path()))),
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            use axum::response::IntoResponse;
            Err((StatusCode::SERVICE_UNAVAILABLE, crate::error::AppError::Unavailable.to_string()).into_response())
        }
    }
}

/// A professional's form post, as a handler's last argument: its head, its fields as typed
/// (shown again when refused), who sent it, and the form read as its struct `T` (see
/// [`crate::web::read_as`]). Whoever is not signed in never reaches the handler: they are sent to
/// the sign-in page (back here afterwards). What they may do is the service's check.
pub struct StaffForm<T = Untyped> {
    pub parts: axum::http::request::Parts,
    pub fields: Vec<(String, String)>,
    pub staff: super::model::Staff,
    pub form: T,
}

impl<S, T> FromRequest<S> for StaffForm<T>
where
    S: Send + Sync,
    FormState: FromRef<S>,
    T: serde::de::DeserializeOwned + Send,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let st = FormState::from_ref(state);
        let (parts, bytes) = read_body(req).await;
        let staff = staff_or_sign_in(&st, &parts).await?;
        let (parts, form) = read_as::<T>(&st, parts, &bytes).await?;
        Ok(StaffForm { parts, fields: form_fields(&bytes), staff, form })
    }
}

/// A professional's edit of a stored item, as a handler's last argument: [`StaffForm`] and the
/// `version` the form was opened at (a form without it is shown again with a message).
pub struct StaffEdit<T = Untyped> {
    pub parts: axum::http::request::Parts,
    pub fields: Vec<(String, String)>,
    pub staff: super::model::Staff,
    pub version: i32,
    pub form: T,
}

impl<S, T> FromRequest<S> for StaffEdit<T>
where
    S: Send + Sync,
    FormState: FromRef<S>,
    T: serde::de::DeserializeOwned + Send,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let st = FormState::from_ref(state);
        let StaffForm { parts, fields, staff, form } = StaffForm::<T>::from_request(req, state).await?;
        let (parts, version) = form_version(&st, parts, &fields).await?;
        Ok(StaffEdit { parts, fields, staff, version, form })
    }
}

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
    CookiePolicy: FromRef<S>,
    std::sync::Arc<crate::rate_limit::Limits>: FromRef<S>,
{
    Router::new()
        .route("/pro/connexion", post(sign_in))
        .route("/pro/deconnexion", post(sign_out))
        .route("/pro/mot-de-passe-oublie", post(forgotten))
        .route("/pro/mot-de-passe/{jeton}", post(password_link))
        .route("/pro/mon-compte", post(change_password))
}

fn with_cookie(mut res: Response, cookie: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

fn unavailable(err: &dyn std::fmt::Display) -> Submitted {
    tracing::error!(error = %err, "account change failed");
    Submitted { message: Some(crate::error::AppError::Unavailable.to_string()), ..Default::default() }
}

/// A new password refused: the field's message (passwords are never sent back), or the link over.
async fn refuse_password(st: &FormState, parts: axum::http::request::Parts, e: compte::PasswordError) -> Response {
    let (status, submitted) = match e {
        compte::PasswordError::Field(name, m) => {
            (StatusCode::UNPROCESSABLE_ENTITY, Submitted { errors: vec![(name.to_owned(), m)], ..Default::default() })
        }
        compte::PasswordError::Expired => {
            (StatusCode::GONE, Submitted { message: Some(compte::EXPIRED_MESSAGE.to_owned()), ..Default::default() })
        }
        compte::PasswordError::Db(err) => (StatusCode::SERVICE_UNAVAILABLE, unavailable(&err)),
    };
    st.refuse(parts, status, submitted).await
}

/// The sign-in form. Passwords are taken as typed (spaces included) and never sent back to the
/// page. No `Debug`: nothing may print a password.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct SignInForm {
    email: String,
    mot_de_passe: String,
    /// Where to go once signed in (a path of this site only, see `safe_next`).
    suite: String,
}

/// The forgotten-password form.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct EmailForm {
    email: String,
}

/// A new password (twice), and on « Mon compte » the current one; taken as typed. No `Debug`.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct PasswordForm {
    actuel: String,
    mot_de_passe: String,
    confirmation: String,
}

/// The forgotten-password form: the same answer whether the address has an account or not.
async fn forgotten(
    State(st): State<FormState>,
    State(limits): State<std::sync::Arc<crate::rate_limit::Limits>>,
    req: Request,
) -> Response {
    let ip = crate::rate_limit::client_ip(&limits, &req);
    let (parts, bytes) = read_body(req).await;
    let (parts, EmailForm { email }) = match read_as::<EmailForm>(&st, parts, &bytes).await {
        Ok(read) => read,
        Err(res) => return res,
    };
    let email = email.trim().to_owned();
    let kept = vec![("email".to_owned(), email.clone())];
    if !limits.allow_message(&st.db, ip, &session::normalize_email(&email), chrono::Utc::now()).await.unwrap_or(false) {
        let message = Some(TOO_MANY_LINKS.to_owned());
        return st
            .refuse(parts, StatusCode::TOO_MANY_REQUESTS, Submitted { values: kept, errors: vec![], message })
            .await;
    }
    if !crate::validation::is_email(&session::normalize_email(&email)) {
        let errors = vec![(
            "email".to_owned(),
            "Indiquez votre adresse e-mail, par exemple prenom.nom@structure.fr.".to_owned(),
        )];
        return st
            .refuse(parts, StatusCode::UNPROCESSABLE_ENTITY, Submitted { values: kept, errors, message: None })
            .await;
    }
    match compte::request_reset(&st.db, &email, chrono::Utc::now()).await {
        Ok(()) => see_other("/pro/mot-de-passe-oublie?envoye=1"),
        Err(e) => st.refuse(parts, StatusCode::SERVICE_UNAVAILABLE, unavailable(&e)).await,
    }
}

/// The page of a password link (invitation or forgotten password).
async fn password_link(
    State(st): State<FormState>,
    axum::extract::Path(jeton): axum::extract::Path<String>,
    req: Request,
) -> Response {
    let (parts, bytes) = read_body(req).await;
    let (parts, f) = match read_as::<PasswordForm>(&st, parts, &bytes).await {
        Ok(read) => read,
        Err(res) => return res,
    };
    match compte::set_password_with_link(&st.db, &jeton, &f.mot_de_passe, &f.confirmation, chrono::Utc::now()).await {
        Ok(_) => see_other("/pro/connexion?motdepasse=1"),
        Err(e) => refuse_password(&st, parts, e).await,
    }
}

/// "Mon compte": a new password; every other session closes, this browser gets a new one.
async fn change_password(
    State(st): State<FormState>,
    State(cookies): State<CookiePolicy>,
    StaffForm { parts, staff, form: f, .. }: StaffForm<PasswordForm>,
) -> Response {
    match compte::change_password(&st.db, &staff.id, &f.actuel, &f.mot_de_passe, &f.confirmation, chrono::Utc::now())
        .await
    {
        Ok(token) => with_cookie(see_other("/pro/mon-compte?ok=1"), &session::set_cookie(cookies, &token)),
        Err(e) => refuse_password(&st, parts, e).await,
    }
}

async fn sign_in(
    State(st): State<FormState>,
    State(cookies): State<CookiePolicy>,
    State(limits): State<std::sync::Arc<crate::rate_limit::Limits>>,
    req: Request,
) -> Response {
    let ip = crate::rate_limit::client_ip(&limits, &req);
    let (parts, bytes) = read_body(req).await;
    let (parts, SignInForm { email, mot_de_passe: password, suite }) =
        match read_as::<SignInForm>(&st, parts, &bytes).await {
            Ok(read) => read,
            Err(res) => return res,
        };
    let email = email.trim().to_owned();
    let next = safe_next(suite.trim()).unwrap_or("/pro").to_owned();
    let kept = vec![("email".to_owned(), email.clone()), ("suite".to_owned(), next.clone())];
    let mut errors = Vec::new();
    if email.is_empty() {
        errors.push(("email".to_owned(), "Indiquez votre adresse e-mail.".to_owned()));
    }
    if password.is_empty() {
        errors.push(("mot_de_passe".to_owned(), "Indiquez votre mot de passe.".to_owned()));
    }
    if !errors.is_empty() {
        return st.refuse(parts, StatusCode::BAD_REQUEST, Submitted { values: kept, errors, message: None }).await;
    }
    match session::sign_in_from(&st.db, &limits, ip, &email, &password, chrono::Utc::now()).await {
        Ok(token) => with_cookie(see_other(&next), &session::set_cookie(cookies, &token)),
        Err(e) => {
            let status = match e {
                SignInError::Invalid => StatusCode::UNAUTHORIZED,
                SignInError::Throttled | SignInError::Busy => StatusCode::TOO_MANY_REQUESTS,
                SignInError::Db(_) => StatusCode::SERVICE_UNAVAILABLE,
            };
            if let SignInError::Db(err) = &e {
                tracing::error!(error = %err, "sign-in failed on the database");
            }
            st.refuse(parts, status, Submitted { values: kept, errors: vec![], message: Some(e.to_string()) }).await
        }
    }
}

async fn sign_out(State(st): State<FormState>, State(cookies): State<CookiePolicy>, req: Request) -> Response {
    if let Err(e) = session::sign_out(&st.db, req.headers()).await {
        tracing::error!(error = %e, "sign-out failed on the database");
    }
    with_cookie(see_other("/pro/connexion?fin=1"), &session::clear_cookie(cookies))
}
