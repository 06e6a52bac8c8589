//! « Utiliser ma position »: with the person's permission, the phone's position (rounded to
//! about a kilometre) fills the catalogue form's `position` field and sends the form, so the
//! nearest offers come first. Shown only once the page is interactive and the browser can
//! locate; a refusal, a timeout or no position at all is said in words, and the commune field
//! stays there to type instead.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The island's words, in the page's language (islands look no message up).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionTextes {
    pub bouton: String,
    pub recherche: String,
    pub refusee: String,
    pub trop_longue: String,
    pub indisponible: String,
    pub non_gardee: String,
}

/// `GeolocationPositionError.code` values.
const PERMISSION_DENIED: u16 = 1;
const TIMEOUT: u16 = 3;

#[island]
pub fn PositionButton(textes: PositionTextes) -> impl IntoView {
    let textes = StoredValue::new(textes);
    let (ready, set_ready) = signal(false);
    let (busy, set_busy) = signal(false);
    let (message, set_message) = signal(String::new());
    Effect::new(move |_| set_ready.set(browser::can_locate()));
    let failed = move |code: u16| {
        set_busy.set(false);
        set_message.set(textes.with_value(|t| match code {
            PERMISSION_DENIED => t.refusee.clone(),
            TIMEOUT => t.trop_longue.clone(),
            _ => t.indisponible.clone(),
        }));
        browser::focus_commune();
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        set_busy.set(true);
        set_message.set(textes.with_value(|t| t.recherche.clone()));
        browser::locate(&ev, failed);
    };
    view! {
        <Show when=move || ready.get()>
            <p class="position">
                <button type="button" class="secondary" on:click=click disabled=move || busy.get()>
                    {textes.with_value(|t| t.bouton.clone())}
                </button>
                <span class="hint">{textes.with_value(|t| t.non_gardee.clone())}</span>
            </p>
        </Show>
        // Present from the start, so screen readers announce what it comes to say.
        <p class="position-message" role="status">{move || message.get()}</p>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::{closure::Closure, JsCast};
    // `Position`/`PositionError`: web-sys' stable names of GeolocationPosition(Error).
    use web_sys::{HtmlFormElement, HtmlInputElement, Position as GeoPosition, PositionError, PositionOptions};

    pub fn can_locate() -> bool {
        web_sys::window().is_some_and(|w| w.navigator().geolocation().is_ok())
    }

    /// The commune field, for the person to type in after a failure.
    pub fn focus_commune() {
        let field = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("filtre-pres"))
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
        if let Some(f) = field {
            let _ = f.focus();
        }
    }

    /// Asks for the position; on success fills the button's form and sends it, else calls
    /// `failed` with the error's code (0 when the browser would not even ask).
    pub fn locate(ev: &leptos::ev::MouseEvent, failed: impl Fn(u16) + Clone + 'static) {
        let form = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|b| b.closest("form").ok().flatten())
            .and_then(|f| f.dyn_into::<HtmlFormElement>().ok());
        let geolocation = web_sys::window().and_then(|w| w.navigator().geolocation().ok());
        let (Some(form), Some(geolocation)) = (form, geolocation) else { return failed(0) };
        let on_error = failed.clone();
        let success = Closure::once_into_js(move |p: GeoPosition| {
            let c = p.coords();
            let Some(position) = crate::catalogue::distance::Position::new(c.latitude(), c.longitude()) else {
                return on_error(0);
            };
            let set = |name: &str, value: &str| {
                let field = form.query_selector(&format!("input[name={name}]")).ok().flatten();
                if let Some(f) = field.and_then(|f| f.dyn_into::<HtmlInputElement>().ok()) {
                    f.set_value(value);
                }
            };
            // The position wins only if no commune is typed: empty it.
            set("pres", "");
            set("position", &position.rounded());
            let _ = form.submit();
        });
        let failure = Closure::once_into_js(move |e: PositionError| failed(e.code()));
        let options = PositionOptions::new();
        options.set_enable_high_accuracy(false);
        options.set_timeout(15_000);
        options.set_maximum_age(600_000);
        let _ = geolocation.get_current_position_with_error_callback_and_options(
            success.unchecked_ref(),
            Some(failure.unchecked_ref()),
            &options,
        );
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    pub fn can_locate() -> bool {
        false
    }
    pub fn focus_commune() {}
    pub fn locate(_: &leptos::ev::MouseEvent, _: impl Fn(u16) + Clone + 'static) {}
}
