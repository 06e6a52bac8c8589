//! Browser entry point: hydrates the islands of server-rendered pages.
use wasm_bindgen::prelude::wasm_bindgen;

// Links the app crate, whose `#[island]` components export the functions the page calls.
pub use app::{catalogue::SaveOffre, itineraire::ThemeFilter, ui::enhance::FormEnhancer};

#[wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
