//! A registration's private page (`/inscription/:jeton`): the workshop's registration (socle) and,
//! once the person attended, the badge she earned (badges) — the two rooms meet here.
use crate::error::AppError;
use crate::i18n::t;
use crate::socle::model::MonInscription;
use crate::socle::InscriptionView;
use crate::ui::form::submitted;
use crate::ui::ErrorMessage;
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The registration behind a private link (the token is the secret).
#[server(endpoint = "inscription")]
pub async fn get_inscription(jeton: String) -> Result<MonInscription, AppError> {
    let db = crate::db_from_context()?;
    if jeton.len() > 64 {
        return Err(AppError::NotFound.with_status());
    }
    let now = chrono::Utc::now();
    let mut i = crate::socle::agenda::mon_inscription(&db, &jeton, now)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    if let Some(id) = crate::socle::agenda::inscription_id(&db, &jeton).await? {
        i.badge = crate::badges::service::badge_of(&db, &id).await?;
    }
    Ok(i)
}

#[component]
pub fn InscriptionPage() -> impl IntoView {
    let jeton = use_params_map().read_untracked().get("jeton").unwrap_or_default();
    let q = use_query_map().read_untracked();
    let (nouvelle, annulee) = (q.get("nouvelle").is_some(), q.get("annulee").is_some());
    let data = {
        let jeton = jeton.clone();
        Resource::new_blocking(move || jeton.clone(), get_inscription)
    };
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=|| view! { <p>{t("chargement")}</p> }>
            {move || {
                let jeton = jeton.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(i) => view! { <InscriptionView i jeton nouvelle annulee submitted=submitted() /> }.into_any(),
                        Err(e) => view! { <ErrorMessage error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
