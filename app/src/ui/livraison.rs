//! What became of a message, shown beside what it was about on the professionals' pages (a
//! registration, a carnet's code, an orientation): the outbox's delivery in plain words.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The state of the last message about something, as shown beside it (« SMS envoyé »).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Livraison {
    pub quoi: String,
    pub canal: String,
    /// `envoye`, `en_attente`, `echec`, `arrete`
    pub statut: String,
    /// « envoyé », « en attente », « échec : … »
    pub libelle: String,
    /// When it was sent (or written, while it waits): « lundi 7 décembre 2026 à 9 h 30 ».
    pub quand: String,
}

#[cfg(feature = "ssr")]
impl From<&crate::outbox::Delivery> for Livraison {
    fn from(d: &crate::outbox::Delivery) -> Livraison {
        Livraison {
            quoi: quoi(&d.kind).to_owned(),
            canal: canal(&d.canal).to_owned(),
            statut: d.statut.clone(),
            libelle: d.libelle.clone(),
            quand: crate::dates::jour_heure(d.at),
        }
    }
}

/// What a message is, for professionals.
pub fn quoi(kind: &str) -> &'static str {
    match kind {
        "inscription" => "Confirmation d’inscription",
        "desinscription" => "Confirmation d’annulation",
        "promotion" => "Place libérée (liste d’attente)",
        "seance_modifiee" => "Séance modifiée",
        "seance_annulee" => "Séance annulée",
        "rappel_seance" => "Rappel de la veille (atelier)",
        "rappel_rendez_vous" => "Rappel de la veille (rendez-vous)",
        "nouvelles_actions" => "Nouvelles actions du carnet",
        "porte_badges" => "Lien vers les badges",
        "code_personne" => "Code du carnet",
        "contact_change" => "Contact du carnet changé (à l’ancien contact)",
        "orientation" => "Demande d’orientation",
        "orientation_reponse" => "Réponse à une orientation",
        "orientation_personne" => "Réponse à une orientation (à la personne)",
        "invitation" => "Invitation d’un professionnel",
        "mot_de_passe" => "Nouveau mot de passe",
        "offres_a_mettre_a_jour" => "Offres à mettre à jour",
        "test" => "Message de test",
        _ => "Message",
    }
}

/// The channel's name, for professionals.
pub fn canal(code: &str) -> &'static str {
    if code == "sms" {
        "SMS"
    } else {
        "e-mail"
    }
}

/// The state of the last message about something, beside it on the professionals' pages
/// (« SMS : envoyé », « e-mail : échec : adresse refusée »).
#[component]
pub fn LivraisonEtat(l: Livraison) -> impl IntoView {
    let class = format!("livraison livraison-{}", l.statut);
    view! { <span class=class>{format!("{} ({}) : {}", l.quoi, l.canal, l.libelle)}</span> }
}
