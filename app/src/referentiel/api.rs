use super::model::Theme;
use crate::error::AppError;
use leptos::prelude::*;

/// The 10 themes of the référentiel, in their national order.
#[server(endpoint = "themes")]
pub async fn list_themes() -> Result<Vec<Theme>, AppError> {
    let db = crate::db_from_context()?;
    super::service::load_themes(&db).await.map_err(|e| AppError::from(e).with_status())
}
