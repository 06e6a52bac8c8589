//! The one error type server functions return: a French message for the person and an HTTP status.
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The database (or another service we need) does not answer.
    #[error("Le service est momentanément indisponible. Réessayez dans quelques minutes.")]
    Unavailable,
    /// The request is malformed or a value is not acceptable; the message says which.
    #[error("{0}")]
    BadRequest(String),
    /// The page or action is for signed-in professionals.
    #[error("Connectez-vous pour continuer.")]
    Unauthenticated,
    #[error("Vous n’avez pas accès à cette page.")]
    Forbidden,
    /// Someone else changed the same thing meanwhile; the message says what to do.
    #[error("{0}")]
    Conflict(String),
    #[error("Cette page n’existe pas ou plus.")]
    NotFound,
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unavailable => 503,
            AppError::BadRequest(_) => 400,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::Conflict(_) => 409,
            AppError::NotFound => 404,
        }
    }

    /// On the server, records this error's status on the response being built (page or server fn).
    pub fn with_status(self) -> Self {
        #[cfg(feature = "ssr")]
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(code) = http::StatusCode::from_u16(self.status()) {
                res.set_status(code);
            }
        }
        self
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Arguments the server could not read: the client sent something malformed.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::BadRequest("La demande est mal formée.".into()).with_status()
            }
            // On the server, a request that cannot be read (cut short, over the size limit).
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Deserialization(_) => {
                AppError::BadRequest("La demande est mal formée.".into()).with_status()
            }
            // The browser could not reach the server, or could not read its answer.
            _ => AppError::Unavailable.with_status(),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        // Logged without parameters: statements may carry personal data.
        tracing::error!(kind = db_err_kind(&err), "database error");
        AppError::Unavailable
    }
}

#[cfg(feature = "ssr")]
fn db_err_kind(err: &sea_orm::DbErr) -> &'static str {
    use sea_orm::DbErr::*;
    match err {
        Conn(_) | ConnectionAcquire(_) => "connection",
        Exec(_) => "exec",
        Query(_) => "query",
        RecordNotFound(_) => "not_found",
        _ => "other",
    }
}

pub const NO_STRUCTURE_MESSAGE: &str =
    "Votre compte n’est rattaché à aucune structure : demandez à l’administrateur de vous y rattacher.";

/// Why a professional's change was not written (ssr only).
#[cfg(feature = "ssr")]
#[derive(Debug)]
pub enum EditError {
    NotFound,
    Forbidden,
    /// The account belongs to no structure (national admins): it cannot create offers or workshops.
    NoStructure,
    /// Someone saved this item since the person opened it: the stored values and version.
    Conflict {
        stored: Vec<(String, String)>,
        version: i32,
    },
    /// A field found wrong only when writing (field, French message).
    Invalid(Vec<(String, String)>),
    Db(sea_orm::DbErr),
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for EditError {
    fn from(e: sea_orm::DbErr) -> Self {
        EditError::Db(e)
    }
}

#[cfg(feature = "ssr")]
impl EditError {
    pub fn into_app_error(self) -> AppError {
        match self {
            EditError::NotFound => AppError::NotFound,
            EditError::Forbidden => AppError::Forbidden,
            EditError::NoStructure => AppError::BadRequest(NO_STRUCTURE_MESSAGE.into()),
            EditError::Invalid(errors) => {
                AppError::BadRequest(errors.into_iter().next().map(|(_, m)| m).unwrap_or_default())
            }
            EditError::Conflict { .. } => {
                AppError::Conflict("Quelqu’un a fait une modification entre-temps. Rechargez la page.".into())
            }
            EditError::Db(e) => e.into(),
        }
    }
}

/// A form's fields in error: (field name, French message), in the form's order. What a form's
/// `validate` answers when something typed is wrong; an [`EditError::Invalid`] for the handler.
#[cfg(feature = "ssr")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(String, String)>);

#[cfg(feature = "ssr")]
impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }
    /// Notes `message` against `field`.
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push((field.to_owned(), message.into()));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// `valid` when no field is in error, else these errors.
    pub fn or_valid<T>(self, valid: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.0.is_empty() {
            Ok(valid())
        } else {
            Err(self)
        }
    }
}

#[cfg(feature = "ssr")]
impl From<FieldErrors> for EditError {
    fn from(e: FieldErrors) -> Self {
        EditError::Invalid(e.0)
    }
}
