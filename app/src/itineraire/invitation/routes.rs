//! `POST /pro/invitations`: checks the form, makes the links and answers with the letters (ssr).
use crate::auth::routes::StaffForm;
use crate::ui::form::Submitted;
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
    super::model::InvitationJours: FromRef<S>,
{
    Router::new().route("/pro/invitations", post(make))
}

/// The letters' form: a territory (its code) and how many letters to print.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct LettresForm {
    territoire: String,
    nombre: String,
}

async fn make(
    State(st): State<FormState>,
    State(jours): State<super::model::InvitationJours>,
    StaffForm { parts, fields, staff, form }: StaffForm<LettresForm>,
) -> Response {
    let mut errors = vec![];
    let territoire = form.territoire.trim().to_owned();
    if crate::itineraire::content::territoire(Some(&territoire)).map(|t| t.code) != Ok(territoire.clone()) {
        errors.push(("territoire".to_owned(), "Choisissez un territoire dans la liste.".to_owned()));
    }
    let nombre = form.nombre.trim().parse::<u32>().ok().filter(|n| (1..=super::model::MAX_LETTRES).contains(n));
    if nombre.is_none() {
        errors.push((
            "nombre".to_owned(),
            format!("Indiquez un nombre de lettres entre 1 et {}.", super::model::MAX_LETTRES),
        ));
    }
    let contact = crate::itineraire::content::territoire(Some(&territoire)).map(|t| t.contact);
    let (Some(n), Ok(contact)) = (nombre.filter(|_| errors.is_empty()), contact) else {
        return st
            .refuse(parts, StatusCode::UNPROCESSABLE_ENTITY, Submitted { values: fields, errors, message: None })
            .await;
    };
    // Links point at the configured public URL: never at the request's `Host`, which an
    // attacker could set to their own site on a letter printed for a person.
    let origin = st.public_url.trim_end_matches('/').to_owned();
    let jours = jours.0;
    let now = chrono::Utc::now();
    match super::service::create(&st.db, &staff, &territoire, n, jours, now).await {
        Ok(tokens) => {
            let lettres = super::service::letters(&origin, &tokens, jours, now, &contact);
            let context = st.context.clone();
            let provide = move || {
                context();
                leptos::prelude::provide_context(lettres.clone());
            };
            crate::ui::form::render_again(st.options.clone(), parts, StatusCode::OK, Submitted::default(), provide)
                .await
        }
        Err(e) => {
            tracing::error!(error = %e, "invitations failed");
            let message = Some(crate::error::AppError::Unavailable.to_string());
            st.refuse(parts, StatusCode::SERVICE_UNAVAILABLE, Submitted { values: fields, errors: vec![], message })
                .await
        }
    }
}
