//! The everyday words' form post (ssr only): national admins only; the list is versioned as a
//! whole.
use crate::auth::routes::StaffEdit;
use crate::error::EditError;
use crate::ui::form::see_other;
use crate::web::FormState;
use axum::{
    extract::{FromRef, Path, State},
    response::Response,
    routing::post,
    Router,
};

pub fn routes<S>() -> Router<S>
where
    S: Clone + Send + Sync + 'static,
    FormState: FromRef<S>,
{
    Router::new().route("/pro/synonymes/{theme}", post(save))
}

/// A theme's synonyms: one group of words a line.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct MotsForm {
    mots: String,
}

async fn save(
    State(st): State<FormState>,
    Path(theme): Path<String>,
    StaffEdit { parts, fields, staff, version, form }: StaffEdit<MotsForm>,
) -> Response {
    let outcome = if staff.role != crate::auth::model::Role::Admin {
        Err(EditError::Forbidden)
    } else if !crate::referentiel::service::load_themes(&st.db).await.is_ok_and(|t| t.iter().any(|t| t.code == theme)) {
        Err(EditError::NotFound)
    } else {
        match super::synonymes::parse(form.mots.trim()) {
            Ok(words) => super::synonymes::save(&st.db, &theme, &words, version).await.map(|_| ()),
            Err(m) => Err(EditError::Invalid(vec![("mots".into(), m)])),
        }
    };
    match outcome {
        Ok(()) => see_other("/pro/synonymes?ok=1"),
        Err(e) => {
            st.refuse_edit(
                parts,
                fields,
                e,
                "Quelqu’un a modifié cette liste entre-temps. Vérifiez puis enregistrez de nouveau.",
                &["mots"],
            )
            .await
        }
    }
}
