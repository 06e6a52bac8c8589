use super::model::{InfoPage, Parcours};
use crate::error::AppError;
use crate::i18n::Langue;
use crate::ui::help::Contact;
use leptos::prelude::*;

/// The timeline and pages for a territory (`None`: the département's default).
#[server(endpoint = "parcours")]
pub async fn get_parcours(territoire: Option<String>, langue: Langue) -> Result<Parcours, AppError> {
    super::content::parcours(territoire.as_deref(), langue).map_err(AppError::with_status)
}

#[server(endpoint = "page-info")]
pub async fn get_info_page(slug: String, langue: Langue) -> Result<InfoPage, AppError> {
    super::content::page(&slug, langue).map_err(AppError::with_status)
}

/// Known territories (code, name) and the default human contact, for people who arrive lost.
#[server(endpoint = "territoires")]
pub async fn list_territoires() -> Result<(Vec<(String, String)>, Contact), AppError> {
    let contact = super::content::territoire(None)?.contact;
    Ok((super::content::territoires(), contact))
}
