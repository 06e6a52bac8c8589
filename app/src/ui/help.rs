//! A human to call, wherever a person could be stuck. Which human is the territory's business:
//! the server puts its default territory's contact in every page's context ([`DefaultContact`]).
use crate::i18n::{t, ta};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where a human answers: shown on every entry page, and wherever something can fail a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub nom: String,
    pub telephone: String,
    pub adresse: String,
    pub horaires: String,
}

/// The contact of the default territory, for pages that do not know the person's territory (page
/// not found, nothing found, a full workshop), provided by the server with every page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultContact(pub Contact);

/// A human to call: shown wherever a person could be stuck.
#[component]
pub fn HelpContact(contact: Contact) -> impl IntoView {
    let tel = format!("tel:{}", contact.telephone.replace(' ', ""));
    view! {
        <aside class="help" aria-labelledby="aide-titre">
            <h2 id="aide-titre">{t("aide-titre")}</h2>
            <p lang="fr"><strong>{contact.nom}</strong></p>
            <p><a class="button" href=tel>{ta("aide-appeler", &[("tel", contact.telephone.clone().into())])}</a></p>
            <p lang="fr">{contact.adresse}</p>
            <p lang="fr">{contact.horaires}</p>
        </aside>
    }
}

/// The default territory's human contact (rendered on the server, from the page's context).
#[component]
pub fn DefaultHelp() -> impl IntoView {
    use_context::<DefaultContact>().map(|c| view! { <HelpContact contact=c.0 /> })
}
