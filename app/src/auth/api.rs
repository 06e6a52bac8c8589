use super::model::Staff;
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in professional, if any (pages of the professionals' space call it).
#[server(endpoint = "session")]
pub async fn get_staff() -> Result<Option<Staff>, AppError> {
    super::session::current_staff().await
}
