//! National admins edit the everyday words of the search (`/pro/synonymes`), one theme at a time.
use super::model::SYNONYMES_MAX_CHARS;
use crate::auth::{failure, model::Staff, ProBar};
use crate::error::AppError;
use crate::ui::form::{submitted, ErrorSummary, Submitted, TextField};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynonymesTheme {
    pub code: String,
    pub label: String,
    /// One line per word: `manger : alimentaire, épicerie`.
    pub texte: String,
    pub nombre: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Synonymes {
    pub staff: Staff,
    pub version: i32,
    pub themes: Vec<SynonymesTheme>,
}

#[server(endpoint = "pro-synonymes")]
pub async fn get_synonymes() -> Result<Synonymes, AppError> {
    let staff = crate::auth::session::require_staff().await?;
    if staff.role != crate::auth::model::Role::Admin {
        return Err(AppError::Forbidden.with_status());
    }
    let db = crate::db_from_context()?;
    let (liste, version) = super::synonymes::load(&db).await?;
    let themes = crate::referentiel::service::load_themes(&db)
        .await?
        .into_iter()
        .map(|t| {
            let words = liste.get(&t.code).cloned().unwrap_or_default();
            SynonymesTheme {
                texte: super::synonymes::to_text(&words),
                nombre: words.len(),
                code: t.code,
                label: t.label,
            }
        })
        .collect();
    Ok(Synonymes { staff, version: version as i32, themes })
}

#[component]
pub fn SynonymesPage() -> impl IntoView {
    let data = Resource::new_blocking(|| (), |_| get_synonymes());
    let theme = use_params_map().read_untracked().get("theme");
    let ok = use_query_map().read_untracked().get("ok").is_some();
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || {
                let theme = theme.clone();
                Suspend::new(async move {
                    match (data.await, theme) {
                        (Ok(s), None) => view! { <SynonymesList s ok /> }.into_any(),
                        (Ok(s), Some(code)) => match s.themes.iter().find(|t| t.code == code).cloned() {
                            Some(t) => view! { <SynonymesForm staff=s.staff version=s.version t submitted=submitted() /> }.into_any(),
                            None => failure(AppError::NotFound.with_status()),
                        },
                        (Err(e), _) => failure(e),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn SynonymesList(s: Synonymes, ok: bool) -> impl IntoView {
    let items = s
        .themes
        .into_iter()
        .map(|t| {
            let href = format!("/pro/synonymes/{}", t.code);
            view! {
                <li class="offre-card">
                    <h2 class="h3">{t.label}</h2>
                    <p class="pre-line">{if t.texte.is_empty() { "Aucun mot.".to_owned() } else { t.texte }}</p>
                    <p><a href=href>{format!("Modifier ({} mots)", t.nombre)}</a></p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title text="Mots de tous les jours" />
        <ProBar staff=s.staff />
        <h1>"Mots de tous les jours"</h1>
        {ok.then(|| view! { <p class="notice" role="status">"C’est enregistré : la recherche les utilise dès maintenant."</p> })}
        <p>"Quand une personne cherche un mot de gauche, elle trouve aussi les offres qui contiennent un mot de droite. Par exemple, « manger » trouve l’épicerie solidaire."</p>
        <ul class="offres">{items}</ul>
    }
}

#[component]
fn SynonymesForm(staff: Staff, version: i32, t: SynonymesTheme, submitted: Option<Submitted>) -> impl IntoView {
    let form = submitted.clone().unwrap_or_default();
    let texte = form.value("mots").unwrap_or(t.texte);
    let version = form.value("version").unwrap_or_else(|| version.to_string());
    let action = format!("/pro/synonymes/{}", t.code);
    let title = format!("Mots de tous les jours : {}", t.label);
    view! {
        <Title text=title.clone() />
        <ProBar staff />
        <p><a href="/pro/synonymes">"← Tous les thèmes"</a></p>
        <h1>{title}</h1>
        <ErrorSummary submitted=submitted.clone() />
        <form method="post" action=action class="form">
            <input type="hidden" name="version" value=version />
            <TextField name="mots" label="Un mot par ligne, puis deux-points, puis les mots des offres" value=texte
                error=form.error("mots") multiline=true maxlength=SYNONYMES_MAX_CHARS
                hint="Exemple : manger : alimentaire, épicerie, colis" />
            <button type="submit" class="button">"Enregistrer"</button>
        </form>
    }
}
