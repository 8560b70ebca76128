//! Working with no network: the service worker keeps every file of the build, so after one visit
//! the app loads and works offline. When a new build is published the page says so and switches
//! on request, once the open draft is safe; drafts and reviews live in IndexedDB, which neither
//! build touches. The worker and persistent storage themselves are `platform::offline`'s.

use leptos::prelude::*;

use crate::platform::offline::{self, Updates};
use crate::workspace::{Storage, Workspace};

/// Registers the service worker and asks for persistent storage. Switching builds saves the open
/// draft first and reloads once its last change is written. A draft kept only in memory (storage
/// refused) would be lost by a reload, so then the page stays as it is until no draft is open.
pub fn start(workspace: Workspace) -> Updates {
    let library = workspace.library;
    let safe = Signal::derive(move || match library.storage.get() {
        Storage::Browser => !library.unsaved.get(),
        Storage::Opening | Storage::MemoryOnly(_) => workspace.draft.with(Option::is_none),
    });
    offline::start(move || workspace.save_now(), safe)
}

/// The banner offering the new build.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let updates = expect_context::<Updates>();
    move || {
        updates.ready.get().then(|| {
            view! {
                <div class="banner banner-info" role="status" data-testid="update">
                    <p>
                        "A new version of " {intake_core::PRODUCT_NAME}
                        " is available. Your drafts are kept."
                    </p>
                    <button type="button" class="button" on:click=move |_| updates.switch()>
                        "Switch to the new version"
                    </button>
                </div>
            }
        })
    }
}
