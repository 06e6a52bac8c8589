//! The only interactive part of the home page: filters the theme list as the person types.
//! Without WASM the same form is a GET to `/?q=…`, filtered by the server.
use leptos::prelude::*;

/// Longest theme search we accept; longer queries get a clear message instead of work.
pub const MAX_QUERY_CHARS: usize = 100;

/// `messages[n]` is the sentence for `n` themes found, `{q}` standing for the words typed; the
/// server writes them in the page's language (the WASM carries no text of its own).
#[island]
pub fn ThemeFilter(
    initial: String,
    status: String,
    messages: Vec<String>,
    label: String,
    bouton: String,
) -> impl IntoView {
    let (query, set_query) = signal(initial.clone());
    let (message, set_message) = signal(status);
    Effect::new(move |previous: Option<String>| {
        let q = query.get();
        // The server already filtered for the first value; only react to typing.
        if previous.is_some() {
            let q_trimmed = q.trim().to_owned();
            let shown = filter_cards(&q_trimmed);
            set_message.set(if q_trimmed.is_empty() {
                String::new()
            } else {
                messages.get(shown).or(messages.last()).map(|m| m.replace("{q}", &q_trimmed)).unwrap_or_default()
            });
        }
        q
    });
    view! {
        <form
            class="theme-filter"
            method="get"
            action="/"
            role="search"
            on:submit=move |ev| ev.prevent_default()
        >
            <label for="q">{label}</label>
            <div class="search-row">
                <input
                    id="q"
                    name="q"
                    type="search"
                    maxlength=MAX_QUERY_CHARS.to_string()
                    autocomplete="off"
                    value=initial
                    on:input=move |ev| set_query.set(event_target_value(&ev))
                />
                <button type="submit">{bouton}</button>
            </div>
            <p class="filter-status" role="status" aria-live="polite">{message}</p>
        </form>
    }
}

/// Shows the theme cards whose keywords contain every typed word; returns how many are shown.
#[cfg(feature = "hydrate")]
fn filter_cards(query: &str) -> usize {
    use wasm_bindgen::JsCast;
    let Some(cards) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector_all("[data-keywords]").ok())
    else {
        return 0;
    };
    let mut shown = 0;
    for i in 0..cards.length() {
        let Some(card) = cards.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        let keywords = card.get_attribute("data-keywords").unwrap_or_default();
        let visible = crate::text::matches_all_words(&keywords, query);
        card.set_hidden(!visible);
        shown += usize::from(visible);
    }
    shown
}

#[cfg(not(feature = "hydrate"))]
fn filter_cards(_query: &str) -> usize {
    0
}
