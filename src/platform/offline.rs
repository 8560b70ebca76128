//! The service worker (`sw.js`, written by `scripts/finish-dist.mjs`) and persistent storage, as
//! the browser offers them: registering the worker, noticing a newer build installed and waiting,
//! switching to it on request and reloading when the caller says it is safe; asking the browser to
//! keep this origin's storage. Every step is best effort: a browser without service workers (or a
//! page served over plain HTTP from another host) simply works online only.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

/// What the page knows of a newer build, and of how long the browser keeps its storage.
#[derive(Clone, Copy)]
pub struct Updates {
    /// A newer build is installed and waiting.
    pub ready: RwSignal<bool>,
    /// Whether the browser agreed to keep this origin's storage until the user deletes it; `None`
    /// until it has answered (or when it cannot say).
    pub persisted: RwSignal<Option<bool>>,
    /// The user asked to switch: the next change of controlling worker reloads the page.
    switching: StoredValue<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

/// Registers the service worker and asks for persistent storage. When the user has asked to
/// switch and the new build takes the page, `save` runs, then the page reloads as soon as `safe`
/// is true.
pub fn start(save: impl Fn() + 'static, safe: Signal<bool>) -> Updates {
    let updates = Updates {
        ready: RwSignal::new(false),
        persisted: RwSignal::new(None),
        switching: StoredValue::new(false),
        registration: StoredValue::new_local(None),
    };
    let navigator = window().navigator();
    persist(&navigator, updates.persisted);
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let owner = Owner::current();
        leptos::task::spawn_local(register(
            navigator.service_worker(),
            updates,
            save,
            safe,
            owner,
        ));
    }
    updates
}

impl Updates {
    /// Switches to the waiting build: the page reloads once it controls the page, when it is safe
    /// (see [`start`]).
    pub fn switch(self) {
        self.switching.set_value(true);
        if let Some(waiting) = self.registration.with_value(|registration| {
            registration
                .as_ref()
                .and_then(ServiceWorkerRegistration::waiting)
        }) {
            let _ = waiting.post_message(&"skip-waiting".into());
        }
    }
}

fn persist(navigator: &web_sys::Navigator, persisted: RwSignal<Option<bool>>) {
    if let Ok(promise) = navigator.storage().persist() {
        leptos::task::spawn_local(async move {
            if let Ok(granted) = JsFuture::from(promise).await {
                persisted.set(granted.as_bool());
            }
        });
    }
}

async fn register(
    container: web_sys::ServiceWorkerContainer,
    updates: Updates,
    save: impl Fn() + 'static,
    safe: Signal<bool>,
    owner: Option<Owner>,
) {
    // Anything but a registration (a browser or test harness that blocks service workers resolves
    // with nothing) means no offline use, said by nothing worse than its absence.
    let Ok(Ok(registration)) = JsFuture::from(container.register("./sw.js"))
        .await
        .map(JsCast::dyn_into::<ServiceWorkerRegistration>)
    else {
        return;
    };
    // A worker installed while another controls the page is a new build waiting; the first
    // install has no controller yet (the worker claims the page only once it is active).
    if container.controller().is_some() && registration.waiting().is_some() {
        updates.ready.set(true);
    }
    let found = {
        let registration = registration.clone();
        let container = container.clone();
        Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = registration.installing() else {
                return;
            };
            let worker = installing.clone();
            let container = container.clone();
            let changed = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed
                    && container.controller().is_some()
                {
                    updates.ready.set(true);
                }
            });
            installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        })
    };
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
    let reload = Closure::<dyn FnMut()>::new(move || {
        if updates.switching.get_value() {
            save();
            match &owner {
                Some(owner) => owner.with(|| reload_when_safe(safe, updates)),
                None => reload_when_safe(safe, updates),
            }
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    updates.registration.set_value(Some(registration));
}

/// Reloads the page as soon as `safe` is true.
fn reload_when_safe(safe: Signal<bool>, updates: Updates) {
    Effect::new(move |_| {
        // Once: a second reload would cancel the first one's request.
        if safe.get() && updates.switching.get_value() {
            updates.switching.set_value(false);
            let _ = window().location().reload();
        }
    });
}
