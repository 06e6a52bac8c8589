//! Browser entry point: hydrates the islands of server-rendered pages.
use wasm_bindgen::prelude::wasm_bindgen;

// Links the app crate, whose `#[island]` components export the functions the page calls.
pub use app::{catalogue::SaveOffre, itineraire::ThemeFilter, ui::enhance::FormEnhancer};

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // The islands are live: a mark the first-visit measurement waits for (scripts/perf.sh).
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-hydrated", "");
    }
}
