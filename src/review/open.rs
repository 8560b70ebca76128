//! Opening a bundle for review: choosing or dropping the file, what went wrong, and the reviews
//! kept in this browser to resume or forget.

use intake_core::bundle;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::desk::Desk;
use crate::platform::files::{self, dropped_file, picked_file};
use crate::workspace::{Library, Storage};

/// Reads a file the user picked or dropped, within the bundle size limit, and opens it.
fn open_file(desk: Desk, file: web_sys::File) {
    let picked = match files::within(file, bundle::MAX_BUNDLE_BYTES as u64) {
        Ok(picked) => picked,
        Err(large) => {
            desk.message.set(Some((
                false,
                format!(
                    "{} cannot be opened: the file is {} MB, larger than a findings bundle may be \
                     ({} MB).",
                    large.name,
                    large.megabytes,
                    bundle::MAX_BUNDLE_BYTES / (1024 * 1024)
                ),
            )));
            return;
        }
    };
    let name = picked.name.clone();
    spawn_local(async move {
        let outcome = picked
            .bytes()
            .await
            .map_err(|error| format!("{name} cannot be read: {error}."))
            .and_then(|bytes| desk.open(name, bytes));
        if let Err(reason) = outcome {
            desk.message.set(Some((false, reason)));
        }
    });
}

/// The page before a bundle is open: choose or drop one, or resume a review kept here.
#[component]
pub fn OpenBundle() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let library = expect_context::<Library>();
    Effect::new(move |_| {
        if library.storage.get() == Storage::Browser {
            desk.load_saved();
        }
    });
    let dragging = RwSignal::new(false);
    let picked = move |event: leptos::ev::Event| {
        if let Some(file) = picked_file(&event) {
            open_file(desk, file);
        }
    };
    let dropped = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        if let Some(file) = dropped_file(&event) {
            open_file(desk, file);
        }
    };
    Effect::new(move |_| request_animation_frame(|| crate::platform::dom::focus("open-title")));
    view! {
        <h1 id="open-title" tabindex="-1">
            "Review a findings bundle"
        </h1>
        <p>
            "Open the " <code>".intake.zip"</code> " file a partner sent you. It is read in this \
            browser only: its integrity is checked, the current rules run on its answers, and \
            you can triage each finding and export the reviewed bundle."
        </p>
        <div
            class="drop-zone"
            class:dragging=move || dragging.get()
            data-testid="drop-zone"
            on:dragover=move |event: leptos::ev::DragEvent| {
                event.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=dropped
        >
            <label class="button" for="bundle-file">
                "Choose a bundle (.zip)"
            </label>
            <input
                id="bundle-file"
                class="visually-hidden"
                type="file"
                accept=".zip,application/zip"
                on:change=picked
            />
            <p>"or drop it here."</p>
        </div>
        {move || {
            desk.message
                .get()
                .map(|(ok, text)| {
                    view! {
                        <p
                            class=if ok { "notice" } else { "notice notice-error" }
                            role=if ok { "status" } else { "alert" }
                            data-testid="review-message"
                        >
                            {text}
                        </p>
                    }
                })
        }}
        <SavedReviews />
        <p class="portfolio-link">
            "Reviewing many partners? "
            <a href=crate::platform::route::Route::Portfolio.href() data-testid="portfolio-link">
                "See patterns across their bundles"
            </a> "."
        </p>
    }
}

/// Reviews kept in this browser: resume or forget each.
#[component]
fn SavedReviews() -> impl IntoView {
    let desk = expect_context::<Desk>();
    move || {
        let saved = desk.saved.get();
        (!saved.is_empty()).then(|| {
            view! {
                <section aria-labelledby="saved-reviews-title">
                    <h2 id="saved-reviews-title">"Reviews in this browser"</h2>
                    <ul class="saved-reviews">
                        {saved
                            .into_iter()
                            .map(|(key, name)| {
                                let forget_key = key.clone();
                                view! {
                                    <li data-testid="saved-review">
                                        <span>{name.clone()}</span>
                                        " "
                                        <button
                                            type="button"
                                            class="button button-secondary"
                                            on:click=move |_| desk.resume(key.clone())
                                        >
                                            "Resume"
                                            <span class="visually-hidden">" " {name.clone()}</span>
                                        </button>
                                        " "
                                        <button
                                            type="button"
                                            class="button button-secondary"
                                            on:click=move |_| desk.forget(forget_key.clone())
                                        >
                                            "Forget"
                                            <span class="visually-hidden">" " {name}</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
