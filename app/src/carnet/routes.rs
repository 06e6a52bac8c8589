//! The carnet's form posts (ssr only): each reads the signed-in professional, and the service
//! checks their membership before anything is written.
use super::acces::CONFLICT_MESSAGE;
use super::avancement::ItemForm;
use super::diagnostic::DIAGNOSTIC_FIELDS;
use super::identite::IDENTITE_FIELDS;
use super::plan::PlanForm;
use super::{acces, diagnostic, identite, membres};
use crate::auth::routes::{StaffEdit, StaffForm};
use crate::error::EditError;
use crate::ui::form::see_other;
use crate::web::FormState;
use axum::{
    extract::{FromRef, Path, State},
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
        .route("/pro/carnets/{id}/objectifs/{theme}", post(new_objective))
        .route("/pro/carnets/{id}/objectif/{oid}", post(objective_status))
        .route("/pro/carnets/{id}/objectif/{oid}/actions", post(new_action))
        .route("/pro/carnets/{id}/action/{aid}", post(action_status))
        .route("/pro/carnets/{id}/evenement", post(new_event))
}

fn today() -> chrono::NaiveDate {
    crate::dates::today(Utc::now())
}

async fn create(
    State(st): State<FormState>,
    StaffForm { parts, fields, staff, form }: StaffForm<identite::IdentiteForm>,
) -> Response {
    let outcome = match identite::validate_identite(&form, today()) {
        Ok(c) => identite::create(&st.db, &staff, c, Utc::now()).await,
        Err(errors) => Err(EditError::Invalid(errors)),
    };
    match outcome {
        Ok(id) => see_other(&format!("/pro/carnets/{id}?ok=cree")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &IDENTITE_FIELDS).await,
    }
}

async fn identite(
    State(st): State<FormState>,
    Path(id): Path<String>,
    StaffEdit { parts, fields, staff, version, form }: StaffEdit<identite::IdentiteForm>,
) -> Response {
    let outcome = match identite::validate_identite(&form, today()) {
        Ok(c) => identite::update_identite(&st.db, &staff, &id, version, c, Utc::now()).await,
        Err(errors) => Err(EditError::Invalid(errors)),
    };
    match outcome {
        Ok(()) => see_other(&format!("/pro/carnets/{id}?ok=identite")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &IDENTITE_FIELDS).await,
    }
}

async fn diagnostic(
    State(st): State<FormState>,
    Path((id, theme)): Path<(String, String)>,
    StaffEdit { parts, fields, staff, version, form }: StaffEdit<diagnostic::DiagnosticForm>,
) -> Response {
    // Membership first: a non-member learns nothing from the validation of their input.
    let outcome = match acces::membership(&st.db, &staff, &id).await {
        Ok(_) => match diagnostic::validate_diagnostic(&st.db, &theme, &form).await {
            Ok(c) => diagnostic::update_diagnostic(&st.db, &staff, &id, &theme, version, c, Utc::now()).await,
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    match outcome {
        Ok(()) => see_other(&format!("/pro/carnets/{id}?ok=diagnostic#theme-{theme}")),
        Err(e) => {
            let labels = diagnostic::situation_names(&st.db).await.unwrap_or_default();
            st.refuse_edit_labelled(parts, fields, e, CONFLICT_MESSAGE, &DIAGNOSTIC_FIELDS, &labels).await
        }
    }
}

/// The members' forms on a carnet's page: give access to an account (`compte`), withdraw a
/// member's access or make them the référent unique (`membre`). A post without a known
/// `action` is refused as incomplete.
#[derive(Debug, serde::Deserialize)]
struct MembresForm {
    action: MembreAction,
    #[serde(default)]
    compte: String,
    #[serde(default)]
    membre: String,
}

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum MembreAction {
    Ajouter,
    Retirer,
    Referent,
}

async fn membres(
    State(st): State<FormState>,
    Path(id): Path<String>,
    StaffForm { parts, fields, staff, form }: StaffForm<MembresForm>,
) -> Response {
    let now = Utc::now();
    let (compte, membre) = (form.compte.trim(), form.membre.trim());
    let outcome = match form.action {
        MembreAction::Ajouter => membres::add_member(&st.db, &staff, &id, compte, now).await.map(|_| "membre-ajoute"),
        MembreAction::Retirer => {
            membres::revoke_member(&st.db, &staff, &id, membre, now).await.map(|_| "membre-retire")
        }
        MembreAction::Referent => {
            membres::set_referent_unique(&st.db, &staff, &id, membre, now).await.map(|_| "referent")
        }
    };
    match outcome {
        // Who withdrew their own access can no longer see the carnet: back to the list.
        Ok("membre-retire") if acces::membership(&st.db, &staff, &id).await.is_err() => {
            see_other("/pro/carnets?ok=retire")
        }
        Ok(ok) => see_other(&format!("/pro/carnets/{id}?ok={ok}#membres")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &[]).await,
    }
}

async fn new_objective(
    State(st): State<FormState>,
    Path((id, theme)): Path<(String, String)>,
    StaffForm { parts, fields, staff, form }: StaffForm<PlanForm>,
) -> Response {
    match super::plan::add_objective(&st.db, &staff, &id, &theme, &form, Utc::now()).await {
        Ok(_) => see_other(&format!("/pro/carnets/{id}?ok=objectif#theme-{theme}")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &[]).await,
    }
}

async fn new_action(
    State(st): State<FormState>,
    Path((id, oid)): Path<(String, String)>,
    StaffForm { parts, fields, staff, form }: StaffForm<PlanForm>,
) -> Response {
    match super::plan::add_action(&st.db, &staff, &id, &oid, &form, Utc::now()).await {
        Ok(_) => see_other(&format!("/pro/carnets/{id}?ok=action")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &[]).await,
    }
}

/// An objective's or an action's post: its edit form (wording, status, due date), or one of the
/// carnet page's status buttons.
async fn plan_item(
    st: FormState,
    StaffEdit { parts, fields, staff, version, form }: StaffEdit<ItemForm>,
    id: String,
    item: String,
    objectif: bool,
) -> Response {
    let (db, now, statut) = (&st.db, Utc::now(), form.statut.trim());
    // The item's edit form has its wording; the carnet page's status buttons do not.
    let full = fields.iter().any(|(k, _)| k == "libelle");
    let outcome = if full {
        super::avancement::update_item(db, &staff, &id, objectif, &item, version, &form, now).await
    } else if objectif {
        super::avancement::set_objective_status(db, &staff, &id, &item, version, statut, now).await
    } else {
        super::avancement::set_action_status_as_member(db, &staff, &id, &item, version, statut, now).await
    };
    match outcome {
        Ok(()) => see_other(&format!("/pro/carnets/{id}?ok=statut")),
        // Shown on the item's own page: what was chosen kept, the stored value under each field.
        Err(e) => {
            let compared: &[&str] = if full { &["libelle", "statut", "echeance"] } else { &["statut"] };
            st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, compared).await
        }
    }
}

async fn objective_status(
    State(st): State<FormState>,
    Path((id, oid)): Path<(String, String)>,
    edit: StaffEdit<ItemForm>,
) -> Response {
    plan_item(st, edit, id, oid, true).await
}

async fn action_status(
    State(st): State<FormState>,
    Path((id, aid)): Path<(String, String)>,
    edit: StaffEdit<ItemForm>,
) -> Response {
    plan_item(st, edit, id, aid, false).await
}

async fn new_event(
    State(st): State<FormState>,
    Path(id): Path<String>,
    StaffForm { parts, fields, staff, form }: StaffForm<super::timeline::EvenementForm>,
) -> Response {
    match super::timeline::add(&st.db, &staff, &id, &form, Utc::now()).await {
        Ok(()) => see_other(&format!("/pro/carnets/{id}?ok=evenement#journal")),
        Err(e) => st.refuse_edit(parts, fields, e, CONFLICT_MESSAGE, &[]).await,
    }
}
