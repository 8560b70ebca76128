//! Working with no network: the service worker (`sw.js`, written by `scripts/finish-dist.mjs`)
//! keeps every file of the build, so after one visit the app loads and works offline. When a new
//! build is published the page says so and switches on request; drafts and reviews live in
//! IndexedDB, which neither build touches.
//!
//! Also asks the browser to keep this origin's storage (persistent storage), so drafts are not
//! evicted under storage pressure. Every step is best effort: a browser without service workers
//! (or a page served over plain HTTP from another host) simply works online only.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

use crate::workspace::{Storage, Workspace};

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

/// Registers the service worker and asks for persistent storage.
pub fn start(workspace: Workspace) -> Updates {
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
            workspace,
            owner,
        ));
    }
    updates
}

impl Updates {
    /// Switches to the waiting build: the page reloads once it controls the page, after the open
    /// draft is saved.
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
    workspace: Workspace,
    owner: Option<Owner>,
) {
    let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else {
        return;
    };
    let registration: ServiceWorkerRegistration = registration.unchecked_into();
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
            workspace.save_now();
            match &owner {
                Some(owner) => owner.with(|| reload_when_saved(workspace, updates)),
                None => reload_when_saved(workspace, updates),
            }
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    updates.registration.set_value(Some(registration));
}

/// Reloads the page once the open draft's last change is written. A draft kept only in memory
/// (storage refused) would be lost by a reload, so then the page stays as it is until no draft is
/// open.
fn reload_when_saved(workspace: Workspace, updates: Updates) {
    Effect::new(move |_| {
        let safe = match workspace.storage.get() {
            Storage::Browser => !workspace.unsaved.get(),
            Storage::Opening | Storage::MemoryOnly(_) => workspace.draft.with(Option::is_none),
        };
        // Once: a second reload would cancel the first one's request.
        if safe && updates.switching.get_value() {
            updates.switching.set_value(false);
            let _ = window().location().reload();
        }
    });
}

/// The banner offering the new build.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let updates = expect_context::<Updates>();
    move || {
        updates.ready.get().then(|| view! {
            <div class="banner banner-info" role="status" data-testid="update">
                <p>"A new version of " {intake_core::PRODUCT_NAME} " is available. Your drafts are kept."</p>
                <button type="button" class="button" on:click=move |_| updates.switch()>
                    "Switch to the new version"
                </button>
            </div>
        })
    }
}
