//! With WASM, forms marked `data-enhance` are sent without reloading the page: the server's
//! answer — the very HTML it sends without WASM, after its redirect — replaces the page's main
//! content, the address and the title follow, and focus goes to the messages or the page. On a
//! slow network the person keeps the page and its header; without WASM nothing changes.
use leptos::prelude::*;

#[island]
pub fn FormEnhancer() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| browser::install());
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{
        DomParser, Event, FormData, HtmlElement, HtmlFormElement, RequestInit, Response, SubmitEvent, SupportedType,
        UrlSearchParams,
    };

    pub fn install() {
        let Some(window) = web_sys::window() else { return };
        let Some(document) = window.document() else { return };
        let on_submit = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
            let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else { return };
            if !form.has_attribute("data-enhance") || form.has_attribute("data-sending") {
                return;
            }
            ev.prevent_default();
            let submitter = ev.dyn_ref::<SubmitEvent>().and_then(|e| e.submitter());
            let _ = form.set_attribute("data-sending", "");
            spawn_local(async move {
                if send(&form, submitter.as_ref()).await.is_err() {
                    // Network or unexpected answer: the ordinary post, as without WASM.
                    let _ = form.remove_attribute("data-enhance");
                    let _ = form.request_submit_with_submitter(submitter.as_ref());
                }
                let _ = form.remove_attribute("data-sending");
            });
        });
        let _ = document.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        on_submit.forget();
        // Back and forward show what the address says.
        let on_pop = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        on_pop.forget();
    }

    async fn send(form: &HtmlFormElement, submitter: Option<&HtmlElement>) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let document = window.document().ok_or(JsValue::NULL)?;
        let data = FormData::new_with_form(form)?;
        if let Some(name) = submitter.and_then(|s| s.get_attribute("name")) {
            data.append_with_str(&name, &submitter.and_then(|s| s.get_attribute("value")).unwrap_or_default())?;
        }
        let body = UrlSearchParams::new_with_str_sequence_sequence(&data)?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&body);
        let headers = web_sys::Headers::new()?;
        headers.set("Accept", "text/html")?;
        init.set_headers(&headers);
        let response: Response =
            JsFuture::from(window.fetch_with_str_and_init(&form.action(), &init)).await?.dyn_into()?;
        let html_answer = response.headers().get("content-type")?.is_some_and(|c| c.starts_with("text/html"));
        if !html_answer {
            return Err(JsValue::NULL);
        }
        let html = JsFuture::from(response.text()?).await?.as_string().unwrap_or_default();
        let page = DomParser::new()?.parse_from_string(&html, SupportedType::TextHtml)?;
        let (Some(new_main), Some(main)) = (page.query_selector("main")?, document.query_selector("main")?) else {
            return Err(JsValue::NULL);
        };
        main.set_inner_html(&new_main.inner_html());
        document.set_title(&page.title());
        if response.url() != window.location().href()? {
            window.history()?.push_state_with_url(&JsValue::NULL, "", Some(&response.url()))?;
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
        let target = match document.get_element_by_id("erreurs") {
            Some(alert) => Some(alert),
            None => document.query_selector("main")?,
        };
        if let Some(t) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
            t.focus()?;
        }
        Ok(())
    }
}
