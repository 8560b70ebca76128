//! DOM helpers the features share: moving focus where the partner's eye should go.

use leptos::prelude::*;

/// Moves focus to an element and brings it to the middle of the window. A question is marked
/// for a moment (`data-arrived`, styled in `main.css`) so the eye finds it too.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    // A question's container is not focusable: focus its first input.
    let question = id.starts_with("q-");
    let target = element
        .query_selector("input, select, textarea")
        .ok()
        .flatten()
        .filter(|_| question)
        .unwrap_or_else(|| element.clone());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
        let _ = target.focus_with_options(&{
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            options
        });
    }
    if question {
        let _ = element.set_attribute("data-arrived", "");
        set_timeout(
            move || {
                let _ = element.remove_attribute("data-arrived");
            },
            std::time::Duration::from_secs(3),
        );
    }
}
