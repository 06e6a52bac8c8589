//! The messages' posts (ssr only): the person stops or resumes her reminders from her link; a
//! structure's administrator sends a failed message again.
use crate::auth::model::{Role, Staff};
use crate::auth::routes::StaffForm;
use crate::error::AppError;
use crate::ui::form::{parse_body, see_other, Submitted};
use crate::web::{read_body, FormState};
use axum::{
    extract::{FromRef, Path, Request, State},
    http::StatusCode,
    response::Response,
    routing::post,
    Router,
};

/// Its pages: `/messages/arret/:jeton` (the person's, private) and `/pro/messages`.
pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
{
    Router::new().route("/messages/arret/{jeton}", post(arret)).route("/pro/messages", post(renvoyer))
}

/// Whose failures a professional sees: `Ok(Some(structure))` for a structure's administrator,
/// `Ok(None)` (every structure) for a national administrator, 403 for anyone else.
pub fn scope(staff: &Staff) -> Result<Option<String>, AppError> {
    match staff.role {
        Role::Admin => Ok(None),
        Role::AdminStructure => staff.structure_id.clone().map(Some).ok_or(AppError::Forbidden),
        _ => Err(AppError::Forbidden),
    }
}

/// The stop link's two buttons.
#[derive(Debug, serde::Deserialize)]
struct ArretForm {
    action: ArretAction,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum ArretAction {
    Arreter,
    Reprendre,
}

async fn arret(State(st): State<FormState>, Path(jeton): Path<String>, req: Request) -> Response {
    let (parts, bytes) = read_body(req).await;
    let stop = match parse_body::<ArretForm>(&bytes) {
        Ok(ArretForm { action: ArretAction::Arreter }) => true,
        Ok(ArretForm { action: ArretAction::Reprendre }) => false,
        // Only a hand-made post: told in the person's language.
        Err(_) => {
            let message = crate::i18n::tr(crate::i18n::from_headers(&parts.headers).0, "erreur-demande", &[]);
            return st
                .refuse(parts, StatusCode::BAD_REQUEST, Submitted { message: Some(message), ..Default::default() })
                .await;
        }
    };
    match crate::outbox::arret::set(&st.db, &jeton, stop, chrono::Utc::now()).await {
        Ok(Some(_)) => see_other(&format!("/messages/arret/{jeton}?ok={}", if stop { "arrete" } else { "repris" })),
        // The page itself says the link is not valid (404).
        Ok(None) => st.refuse(parts, StatusCode::NOT_FOUND, Submitted::default()).await,
        Err(e) => {
            tracing::error!(error = %e, "stop link failed");
            let message = AppError::Unavailable.to_string();
            st.refuse(
                parts,
                StatusCode::SERVICE_UNAVAILABLE,
                Submitted { message: Some(message), ..Default::default() },
            )
            .await
        }
    }
}

const DEJA: &str = "Ce message a déjà été renvoyé, ou il n’est plus disponible (plus de 7 jours).";

/// A failed message to send again (its id).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct RenvoiForm {
    id: String,
}

async fn renvoyer(
    State(st): State<FormState>,
    StaffForm { parts, staff, form, .. }: StaffForm<RenvoiForm>,
) -> Response {
    let structure = match scope(&staff) {
        Ok(s) => s,
        Err(e) => {
            return st
                .refuse(parts, StatusCode::FORBIDDEN, Submitted { message: Some(e.to_string()), ..Default::default() })
                .await
        }
    };
    match crate::outbox::resend(&st.db, structure.as_deref(), form.id.trim(), chrono::Utc::now()).await {
        Ok(()) => {
            tracing::info!(account = %staff.id, "failed message sent again");
            see_other("/pro/messages?ok=renvoye")
        }
        Err(crate::outbox::ResendError::NotFound) => {
            st.refuse(parts, StatusCode::CONFLICT, Submitted { message: Some(DEJA.into()), ..Default::default() }).await
        }
        Err(crate::outbox::ResendError::Db(e)) => {
            tracing::error!(error = %e, "resend failed");
            let message = AppError::Unavailable.to_string();
            st.refuse(
                parts,
                StatusCode::SERVICE_UNAVAILABLE,
                Submitted { message: Some(message), ..Default::default() },
            )
            .await
        }
    }
}
