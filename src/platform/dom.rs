//! DOM helpers the features share: moving focus where the partner's eye should go, drawing long
//! lists in parts, and the app taking over the static page.

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

/// Whether the page has been painted at least once (the browser's `first-paint` entry).
pub fn painted() -> bool {
    use wasm_bindgen::JsCast;
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .filter(|performance| !performance.is_undefined());
    let Some(performance) = performance else {
        return true;
    };
    let entries = js_sys::Reflect::get(&performance, &"getEntriesByType".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .and_then(|function| function.call1(&performance, &"paint".into()).ok())
        .and_then(|entries| entries.dyn_into::<js_sys::Array>().ok());
    // A browser that does not say is taken as painted: the app starts at once.
    entries.is_none_or(|entries| entries.length() > 0)
}

/// Runs `then` once the next frame has been painted: in a task after the animation frame, which
/// runs just before that paint. Without animation frames it runs at once.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    let then = Rc::new(RefCell::new(Some(then)));
    let later = then.clone();
    let frame = Closure::once_into_js(move || {
        if let Some(then) = later.borrow_mut().take() {
            set_timeout(then, std::time::Duration::ZERO);
        }
    });
    let requested = web_sys::window().is_some_and(|window| {
        window
            .request_animation_frame(frame.unchecked_ref())
            .is_ok()
    });
    if !requested && let Some(then) = then.borrow_mut().take() {
        then();
    }
}

/// How many rows of a long list to draw: `first` at once, then `batch` more in each task after the
/// next paint until all `rows` are, and from then on every row; again from `first` when the list
/// has been empty (the findings of a draft just opened). A step with dozens of group items or a
/// panel with a hundred findings is on screen once its first rows are drawn, and no single task
/// holds the page long (the Lighthouse figures in the README). `all` (read in an effect) draws
/// every row at once: a jump to a row further down, a row just added.
pub fn in_parts(
    first: usize,
    batch: usize,
    rows: Signal<usize>,
    all: impl Fn() -> bool + Copy + 'static,
) -> Parts {
    let shown = RwSignal::new(if all() { usize::MAX } else { first });
    Effect::new(move |_| {
        if all() {
            shown.set(usize::MAX);
        }
    });
    Effect::new(move |before: Option<usize>| {
        let now = rows.get();
        if now == 0 && !untrack(all) {
            shown.set(first);
        }
        if now > 0 && before.is_none_or(|before| before == 0) {
            after_next_paint(move || more(shown, batch, rows));
        }
        now
    });
    fn more(shown: RwSignal<usize>, batch: usize, rows: Signal<usize>) {
        // The list may have left the page meanwhile.
        let (Some(now), Some(total)) = (shown.try_get_untracked(), rows.try_get_untracked()) else {
            return;
        };
        if now == usize::MAX || total == 0 {
            return;
        }
        if now + batch >= total {
            shown.set(usize::MAX);
            return;
        }
        shown.set(now + batch);
        set_timeout(move || more(shown, batch, rows), std::time::Duration::ZERO);
    }
    Parts { shown, rows }
}

/// A list drawn in parts ([`in_parts`]).
#[derive(Clone, Copy)]
pub struct Parts {
    shown: RwSignal<usize>,
    rows: Signal<usize>,
}

impl Parts {
    /// How many rows to draw now.
    pub fn shown(self) -> usize {
        self.shown.get()
    }

    /// `aria-busy`'s value while fewer rows are drawn than there are.
    pub fn busy(self) -> Option<&'static str> {
        (self.shown.get() < self.rows.get()).then_some("true")
    }
}

/// Replaces the static page `index.html` shows (the element `id`) with the app that `mount` draws,
/// in one task, so the browser never paints between them. What a person typed into a field of the
/// static page, and where the focus was, carry over to the app's field of the same id; focus on a
/// link or a button (a keyboard user who pressed Tab while the module loaded) carries over to the
/// app's element of the same id, or else of the same kind, address and text.
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
    let focused = document
        .active_element()
        .filter(|active| page.contains(Some(active)) && active.tag_name() != "INPUT")
        .map(|active| Landmark::of(&active));
    mount();
    page.remove();
    if let Some(element) = focused.and_then(|landmark| landmark.find(&document)) {
        let _ = element.focus();
    }
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

/// What names a focused element of the static page well enough to find the app's own.
struct Landmark {
    id: String,
    tag: String,
    href: Option<String>,
    text: Option<String>,
}

impl Landmark {
    fn of(element: &web_sys::Element) -> Self {
        Landmark {
            id: element.id(),
            tag: element.tag_name(),
            href: element.get_attribute("href"),
            text: element.text_content(),
        }
    }

    /// The app's element this one stands for: the one of the same id, or the first of the same
    /// kind with the same address and text.
    fn find(&self, document: &web_sys::Document) -> Option<web_sys::HtmlElement> {
        use wasm_bindgen::JsCast;
        let element = if self.id.is_empty() {
            let candidates = document.get_elements_by_tag_name(&self.tag);
            (0..candidates.length())
                .filter_map(|index| candidates.item(index))
                .find(|candidate| {
                    candidate.get_attribute("href") == self.href
                        && candidate.text_content() == self.text
                })
        } else {
            document.get_element_by_id(&self.id)
        };
        element?.dyn_into().ok()
    }
}
