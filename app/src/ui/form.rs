//! Forms that work without WASM. They post to their page's own URL; the server checks the input
//! and either redirects (303) or renders the same page again, with a 4xx status, what was typed
//! and a French message next to each field in error ([`Submitted`], given as context).
use leptos::prelude::*;

/// What was posted, and what was wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Submitted {
    pub values: Vec<(String, String)>,
    /// (field name, message)
    pub errors: Vec<(String, String)>,
    /// A message about the whole form (shown above it).
    pub message: Option<String>,
}

impl Submitted {
    pub fn value(&self, name: &str) -> Option<String> {
        self.values.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }
    pub fn all(&self, name: &str) -> Vec<String> {
        self.values.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }
    pub fn error(&self, name: &str) -> Option<String> {
        self.errors.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }
}

/// The submission being shown again, when the server renders a page after a refused post.
pub fn submitted() -> Option<Submitted> {
    use_context::<Submitted>()
}

fn field_id(name: &str) -> String {
    format!("champ-{name}")
}

/// The ids of a field's hint and error, and the `aria-describedby` naming them.
struct FieldIds {
    hint_id: Option<String>,
    error_id: Option<String>,
    described: Option<String>,
}

impl FieldIds {
    fn new(name: &str, hint: Option<&str>, error: &Option<String>) -> Self {
        let hint_id = hint.map(|_| format!("aide-{name}"));
        let error_id = error.as_ref().map(|_| format!("erreur-{name}"));
        let ids: Vec<&str> = [hint_id.as_deref(), error_id.as_deref()].into_iter().flatten().collect();
        let described = (!ids.is_empty()).then(|| ids.join(" "));
        FieldIds { hint_id, error_id, described }
    }
}

/// `<option>`s of (code, label), the `selected` one marked (shared by every select).
pub fn select_options(choices: Vec<(String, String)>, selected: Option<String>) -> impl IntoView {
    choices
        .into_iter()
        .map(|(code, text)| {
            let is = selected.as_deref() == Some(code.as_str());
            view! { <option value=code selected=is>{text}</option> }
        })
        .collect_view()
}

/// The list of problems at the top of a refused form, each a link to its field.
#[component]
pub fn ErrorSummary(submitted: Option<Submitted>) -> impl IntoView {
    let sub = submitted.unwrap_or_default();
    let message = sub.message.clone();
    let errors = sub.errors.clone();
    (message.is_some() || !errors.is_empty()).then(|| {
        let items = errors
            .into_iter()
            .map(|(name, msg)| view! { <li><a href=format!("#{}", field_id(&name))>{msg}</a></li> })
            .collect_view();
        let title = match sub.errors.len() {
            0 => None,
            n => Some(crate::i18n::ta("formulaire-erreurs", &[("n", n.into())])),
        };
        view! {
            <div class="alert" role="alert" id="erreurs" tabindex="-1">
                {message.map(|m| view! { <p>{m}</p> })}
                {title.map(|t| view! { <p class="alert-title">{t}</p> })}
                <ul>{items}</ul>
            </div>
        }
    })
}

/// The text of a `<textarea>` or a `<title>` as the server must write it. Leptos (and
/// leptos_meta's `Title`) write these elements' text unescaped, so a stored `</textarea>` or
/// `</title>` followed by `<script>` would end the element and inject markup: escape it here
/// (the browser decodes it back into the text).
pub fn textarea_text(value: String) -> String {
    #[cfg(feature = "ssr")]
    return html_escape::encode_text(&value).into_owned();
    #[cfg(not(feature = "ssr"))]
    value
}

/// "Prénom (obligatoire)", in the page's language.
fn obligatoire(label: &str) -> String {
    crate::i18n::ta("champ-obligatoire", &[("champ", label.into())])
}

/// A labelled text input (or textarea), with its hint and its error.
#[component]
pub fn TextField(
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] maxlength: Option<usize>,
) -> impl IntoView {
    let has_error = error.is_some();
    let id = field_id(name);
    let FieldIds { hint_id, error_id, described } = FieldIds::new(name, hint.as_deref(), &error);
    let invalid = error.is_some().then_some("true");
    let maxlength = maxlength.map(|m| m.to_string());
    let label_text = if required { obligatoire(&label) } else { label };
    let input = if multiline {
        view! {
            <textarea id=id.clone() name=name rows="5" required=required maxlength=maxlength.clone()
                aria-describedby=described.clone() aria-invalid=invalid>{textarea_text(value)}</textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=name type=kind value=value required=required maxlength=maxlength
                autocomplete=autocomplete aria-describedby=described aria-invalid=invalid />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-error=has_error>
            <label for=id>{label_text}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {error.map(|e| view! { <p class="error" id=error_id.clone()>{e}</p> })}
            {input}
        </div>
    }
}

/// Checkboxes (`multiple`) or radio buttons sharing one name, in a fieldset.
#[component]
pub fn ChoiceGroup(
    name: &'static str,
    legend: &'static str,
    choices: Vec<(String, String)>,
    selected: Vec<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(optional)] multiple: bool,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let has_error = error.is_some();
    let kind = if multiple { "checkbox" } else { "radio" };
    let error_id = error.as_ref().map(|_| format!("erreur-{name}"));
    let legend_text = if required { format!("{legend} (obligatoire)") } else { legend.to_string() };
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, (code, label))| {
            // The first box carries the field's id, so the error summary can link to it.
            let id = if i == 0 { field_id(name) } else { format!("{}-{i}", field_id(name)) };
            let checked = selected.contains(&code);
            view! {
                <li>
                    <input type=kind id=id.clone() name=name value=code checked=checked />
                    <label for=id>{label}</label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field choices" class:field-error=has_error aria-describedby=error_id.clone()>
            <legend>{legend_text}</legend>
            {error.map(|e| view! { <p class="error" id=error_id.clone()>{e}</p> })}
            <ul>{items}</ul>
        </fieldset>
    }
}

/// One checkbox (e.g. a consent), with its hint and its error.
#[component]
pub fn CheckField(
    name: &'static str,
    #[prop(into)] label: String,
    checked: bool,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let has_error = error.is_some();
    let id = field_id(name);
    let FieldIds { hint_id, error_id, described } = FieldIds::new(name, hint.as_deref(), &error);
    let invalid = error.is_some().then_some("true");
    let label_text = if required { obligatoire(&label) } else { label };
    view! {
        <div class="field check" class:field-error=has_error>
            {error.map(|e| view! { <p class="error" id=error_id.clone()>{e}</p> })}
            <input type="checkbox" id=id.clone() name=name value="oui" checked=checked required=required
                aria-describedby=described aria-invalid=invalid />
            <label for=id>{label_text}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
        </div>
    }
}

/// The "Visibilité" box of an edit page: archive, or make visible again (a plain form carrying
/// the version the page was opened at).
#[component]
pub fn ArchiveBox(
    action: String,
    version: String,
    archived: bool,
    /// What being archived means, shown while archived.
    archived_text: &'static str,
    /// What archiving would do, shown while visible.
    visible_text: &'static str,
    archive_label: &'static str,
) -> impl IntoView {
    let (label, value, text) = if archived {
        ("Rendre visible", "restaurer", archived_text)
    } else {
        (archive_label, "archiver", visible_text)
    };
    view! {
        <section aria-labelledby="archivage" class="archive-box">
            <h2 id="archivage">"Visibilité"</h2>
            <p>{text}</p>
            <form method="post" action=action>
                <input type="hidden" name="version" value=version />
                <button type="submit" class="button secondary" name="action" value=value>{label}</button>
            </form>
        </section>
    }
}

/// A labelled `<select>` with an empty first choice.
#[component]
pub fn SelectField(
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] empty: String,
    choices: Vec<(String, String)>,
    selected: Option<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let has_error = error.is_some();
    let id = field_id(name);
    let FieldIds { hint_id, error_id, described } = FieldIds::new(name, hint.as_deref(), &error);
    let options = select_options(choices, selected);
    let invalid = error.is_some().then_some("true");
    view! {
        <div class="field" class:field-error=has_error>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {error.map(|e| view! { <p class="error" id=error_id.clone()>{e}</p> })}
            <select id=id name=name aria-describedby=described aria-invalid=invalid>
                <option value="">{empty}</option>
                {options}
            </select>
        </div>
    }
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::Submitted;
    use axum::{
        body::{Body, Bytes},
        http::{header, request::Parts, Request, StatusCode},
        response::{IntoResponse, Response},
    };
    use leptos::prelude::*;

    /// The fields of an `application/x-www-form-urlencoded` body. Never fails: what cannot be
    /// read becomes empty or replacement characters, and the checks that follow say what is wrong.
    pub fn form_fields(body: &Bytes) -> Vec<(String, String)> {
        form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
    }

    /// The first value of `name`, trimmed (empty when absent).
    pub fn field(fields: &[(String, String)], name: &str) -> String {
        fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_owned()).unwrap_or_default()
    }

    /// A typed form's text, trimmed; `None` when nothing was typed.
    pub fn given(value: &str) -> Option<String> {
        Some(value.trim()).filter(|v| !v.is_empty()).map(str::to_owned)
    }

    /// A typed form's list (checkboxes), trimmed, without empties.
    pub fn given_all(values: &[String]) -> Vec<String> {
        values.iter().filter_map(|v| given(v)).collect()
    }

    /// A form's body read as its struct (see [`crate::web::read_as`]).
    pub fn parse_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, String> {
        serde_html_form::from_bytes(body).map_err(|e| e.to_string())
    }

    /// Fields (name, value) read as a form's struct, as a post of them would be (tests, and
    /// a stored item's values compared with a form).
    pub fn parse_fields<T: serde::de::DeserializeOwned>(fields: &[(String, String)]) -> Result<T, String> {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
        parse_body(body.as_bytes())
    }

    /// A refused post shown on the page its form is on, for posts to a URL that has no page of
    /// its own (e.g. `/mon-carnet/theme/…` is shown on `/mon-carnet`).
    pub fn on_page(mut parts: Parts, path: &str) -> Parts {
        if let Ok(uri) = axum::http::Uri::try_from(path) {
            parts.uri = uri;
        }
        parts
    }

    /// 303 See Other: after a successful post, the browser GETs `to` (no re-post on reload).
    pub fn see_other(to: &str) -> Response {
        (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_owned())]).into_response()
    }

    /// Renders the page at the request's URL with `submitted` in context and `status`
    /// (unless the page set its own error status, e.g. 403).
    pub async fn render_again(
        options: LeptosOptions,
        parts: Parts,
        status: StatusCode,
        submitted: Submitted,
        context: impl Fn() + Clone + Send + Sync + 'static,
    ) -> Response {
        let mut parts = parts;
        // Rendered as the page's GET, so nothing downstream mistakes it for a server function call.
        parts.method = axum::http::Method::GET;
        let req = Request::from_parts(parts, Body::empty());
        let render = leptos_axum::render_app_async_with_context(
            move || {
                context();
                provide_context(submitted.clone());
            },
            move || crate::shell(options.clone()),
        );
        let mut res = render(req).await;
        if res.status().is_success() {
            *res.status_mut() = status;
        }
        res
    }
}
