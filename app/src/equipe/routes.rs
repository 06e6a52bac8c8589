//! The team pages' posts (ssr only): invite, a member's role and state, a password link.
use crate::auth::equipe as auth_equipe;
use crate::auth::routes::{StaffEdit, StaffForm};
use crate::ui::form::{on_page, see_other, Submitted};
use crate::web::FormState;
use axum::{
    extract::{FromRef, State},
    http::StatusCode,
    response::Response,
    routing::post,
    Router,
};

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
{
    Router::new()
        .route("/pro/equipe", post(invite))
        .route("/pro/equipe/{id}", post(edit_member))
        .route("/pro/equipe/{id}/lien", post(member_link))
}

/// A structure's administrator invites a professional.
async fn invite(
    State(st): State<FormState>,
    StaffForm { parts, fields, staff, form }: StaffForm<auth_equipe::InvitationForm>,
) -> Response {
    let structure = form.structure.trim();
    match auth_equipe::invite(&st.db, &staff, structure, &form, chrono::Utc::now()).await {
        Ok(_) => see_other(&format!("/pro/equipe?structure={}&ok=invite", crate::text::urlencode(structure))),
        Err(e) => st.refuse_edit(parts, fields, e, auth_equipe::CONFLICT_MESSAGE, &[]).await,
    }
}

/// A member's role and state, from the version their page was opened at.
async fn edit_member(
    State(st): State<FormState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    StaffEdit { parts, fields, staff, version, form }: StaffEdit<auth_equipe::MembreForm>,
) -> Response {
    match super::service::update(&st.db, &staff, &id, version, &form, chrono::Utc::now()).await {
        Ok(()) => see_other(&format!("/pro/equipe/{id}?ok=compte")),
        Err(e) => {
            let mut labels: std::collections::HashMap<String, String> =
                crate::auth::model::Role::ALL.iter().map(|r| (r.code().to_owned(), r.label().to_owned())).collect();
            labels.insert("actif".into(), "Actif".into());
            labels.insert("desactive".into(), "Désactivé".into());
            st.refuse_edit_labelled(parts, fields, e, auth_equipe::CONFLICT_MESSAGE, &auth_equipe::EDIT_FIELDS, &labels)
                .await
        }
    }
}

/// Sends a member a link to choose a password (their invitation again, or a new password).
async fn member_link(
    State(st): State<FormState>,
    axum::extract::Path(id): axum::extract::Path<String>,
    StaffForm { parts, fields, staff, .. }: StaffForm,
) -> Response {
    match auth_equipe::send_password_link(&st.db, &staff, &id, chrono::Utc::now()).await {
        Ok(true) => see_other(&format!("/pro/equipe/{id}?ok=lien")),
        Ok(false) => {
            let submitted =
                Submitted { values: fields, errors: vec![], message: Some(auth_equipe::TOO_MANY_LINKS.to_owned()) };
            st.refuse(on_page(parts, &format!("/pro/equipe/{id}")), StatusCode::TOO_MANY_REQUESTS, submitted).await
        }
        Err(e) => {
            st.refuse_edit(on_page(parts, &format!("/pro/equipe/{id}")), fields, e, auth_equipe::CONFLICT_MESSAGE, &[])
                .await
        }
    }
}
