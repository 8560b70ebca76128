//! DOM helpers the features share: moving focus where the partner's eye should go.

use leptos::prelude::*;

/// Scrolls an element into view, leaving focus and the route as they are (the app's routes are
/// the address's hash, so an in-page `#anchor` link would change the page).
pub fn scroll_to(id: &str) {
    if let Some(element) = document().get_element_by_id(id) {
        element.scroll_into_view();
    }
}

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

/// Replaces the static page `index.html` shows (the element `id`) with the app that `mount` draws,
/// in one task, so the browser never paints between them. What a person typed into a field of the
/// static page, and where the focus was, carry over to the app's field of the same id.
pub fn take_over(id: &str, mount: impl FnOnce()) {
    use wasm_bindgen::JsCast;
    let document = document();
    let Some(page) = document.get_element_by_id(id) else {
        mount();
        return;
    };
    let typed: Vec<(String, String, bool)> = page
        .query_selector_all("input[id]")
        .ok()
        .map(|inputs| {
            (0..inputs.length())
                .filter_map(|index| {
                    inputs
                        .item(index)?
                        .dyn_into::<web_sys::HtmlInputElement>()
                        .ok()
                })
                .map(|input| {
                    let focused = document
                        .active_element()
                        .is_some_and(|active| active == **input);
                    (input.id(), input.value(), focused)
                })
                .filter(|(_, value, focused)| !value.is_empty() || *focused)
                .collect()
        })
        .unwrap_or_default();
    mount();
    page.remove();
    for (id, value, focused) in typed {
        let Some(input) = document
            .get_element_by_id(&id)
            .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            continue;
        };
        if !value.is_empty() {
            input.set_value(&value);
            // The app's field reads what it holds on input, as when typed.
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = input.dispatch_event(&event);
            }
        }
        if focused {
            let _ = input.focus();
        }
    }
}
