//! Site-wide information pages linked from the footer.

/// The footer's information pages.
pub const PUBLIC_PAGES: crate::ui::PublicPages =
    crate::ui::PublicPages { exact: &["/accessibilite", "/mentions-legales"], under: &[] };
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Accessibilite() -> impl IntoView {
    view! {
        <Title text="Accessibilité" />
        <h1>"Accessibilité"</h1>
        <p>"Itinéraire doit pouvoir être utilisé par tout le monde, y compris avec un lecteur d’écran, au clavier seul ou sur un petit téléphone."</p>
        <h2>"État de conformité"</h2>
        <p>"Itinéraire est partiellement conforme au référentiel général d’amélioration de l’accessibilité (RGAA 4.1). Aucun audit complet n’a encore été réalisé. Chaque page est vérifiée automatiquement (outil axe-core) avant chaque mise en ligne."</p>
        <h2>"Ce qui est fait"</h2>
        <ul>
            <li>"Les pages fonctionnent sans JavaScript."</li>
            <li>"Chaque champ de formulaire a une étiquette."</li>
            <li>"Le contraste des textes est suffisant et le focus est visible."</li>
            <li>"Les pages s’affichent sans défilement horizontal à partir de 320 pixels de large."</li>
        </ul>
        <h2>"Signaler un problème"</h2>
        <p>"Si vous n’arrivez pas à utiliser une page, dites-le à votre référent ou à l’accueil de votre Maison des solidarités. Nous corrigerons le problème."</p>
    }
}

#[component]
pub fn MentionsLegales() -> impl IntoView {
    view! {
        <Title text="Mentions légales" />
        <h1>"Mentions légales"</h1>
        <h2>"Éditeur"</h2>
        <p>"Itinéraire est édité pour le Service public de l’insertion et de l’emploi (SPIE). Le nom de l’organisme éditeur et de son directeur de publication est indiqué par l’organisme qui met le service en ligne."</p>
        <h2>"Données personnelles"</h2>
        <p>"Consulter les informations et le catalogue ne demande aucun compte. Aucune donnée personnelle n’est enregistrée quand vous lisez ces pages."</p>
        <p>"Le site n’utilise pas de cookie de mesure d’audience ni de publicité."</p>
        <h2>"Code source"</h2>
        <p>"Le code d’Itinéraire est publié sous licence libre EUPL 1.2."</p>
    }
}
