//! "Mes offres gardées": offers kept on the phone (localStorage), no account, nothing sent.
use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    pub id: String,
    pub nom: String,
}

#[cfg(feature = "hydrate")]
const KEY: &str = "itineraire.offres";

#[cfg(feature = "hydrate")]
fn load() -> Vec<Kept> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get(KEY).unwrap_or_default()
}

#[cfg(feature = "hydrate")]
fn store(list: &[Kept]) {
    use gloo_storage::Storage;
    let _ = gloo_storage::LocalStorage::set(KEY, list);
}

#[cfg(not(feature = "hydrate"))]
fn load() -> Vec<Kept> {
    vec![]
}

#[cfg(not(feature = "hydrate"))]
fn store(_: &[Kept]) {}

/// Keeps or forgets this offer. Shown once the page is interactive (it needs the browser).
/// The texts come from the server, in the page's language.
#[island]
pub fn SaveOffre(id: String, nom: String, garder: String, gardee: String, mes_offres: String) -> impl IntoView {
    let (garder, gardee, mes_offres) =
        (StoredValue::new(garder), StoredValue::new(gardee), StoredValue::new(mes_offres));
    let (ready, set_ready) = signal(false);
    let (kept, set_kept) = signal(false);
    {
        let id = id.clone();
        Effect::new(move |_| {
            set_kept.set(load().iter().any(|k| k.id == id));
            set_ready.set(true);
        });
    }
    let toggle = move |_| {
        let mut list = load();
        if list.iter().any(|k| k.id == id) {
            list.retain(|k| k.id != id);
            set_kept.set(false);
        } else {
            list.push(Kept { id: id.clone(), nom: nom.clone() });
            set_kept.set(true);
        }
        store(&list);
    };
    view! {
        <Show when=move || ready.get()>
            <p class="save">
                <button type="button" class="secondary" aria-pressed=move || kept.get().to_string() on:click=toggle.clone()>
                    {move || if kept.get() { gardee.get_value() } else { garder.get_value() }}
                </button>
                " "
                <a href="/mes-offres">{mes_offres.get_value()}</a>
            </p>
        </Show>
    }
}

#[island]
fn KeptList(vide: String, retirer: String) -> impl IntoView {
    let (vide, retirer) = (StoredValue::new(vide), StoredValue::new(retirer));
    let (list, set_list) = signal(Vec::<Kept>::new());
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| {
        set_list.set(load());
        set_ready.set(true);
    });
    let forget = move |id: String| {
        let mut l = load();
        l.retain(|k| k.id != id);
        store(&l);
        set_list.set(l);
    };
    view! {
        <Show when=move || ready.get()>
            <Show
                when=move || !list.get().is_empty()
                fallback=move || view! { <p>{vide.get_value()}</p> }
            >
                <ul class="offres">
                    <For each=move || list.get() key=|k| k.id.clone() let:k>
                        {
                            let id = k.id.clone();
                            view! {
                                <li class="offre-card">
                                    <h2 class="h3"><a href=format!("/offres/{}", k.id)>{k.nom.clone()}</a></h2>
                                    <button type="button" class="secondary" on:click=move |_| forget(id.clone())>
                                        {retirer.get_value()}<span class="visually-hidden">{format!(" : {}", k.nom)}</span>
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </Show>
    }
}

#[component]
pub fn MesOffresPage() -> impl IntoView {
    view! {
        <Title text=t("mes-offres-titre") />
        <h1>{t("mes-offres-titre")}</h1>
        <p class="muted">{t("mes-offres-texte")}</p>
        <noscript><p>{t("mes-offres-noscript")}</p></noscript>
        <KeptList vide=t("mes-offres-vide") retirer=t("mes-offres-retirer") />
        <p><a href="/catalogue">{t("mes-offres-autres")}</a></p>
    }
}
