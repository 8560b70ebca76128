//! Review mode: a tech lead opens a partner's findings bundle, checks its integrity, sees the
//! answers and what the current rules find (and how that differs from the bundle), triages each
//! finding, adds notes and findings of their own, and exports the reviewed bundle.
//!
//! Everything here is a shell over `intake_core::bundle`: reading, the re-run, the triage model
//! and the reviewed zip are the core's, the same as `intake review` uses. A review in progress is
//! kept in the browser with its bundle, so nothing typed is lost.

mod triage;

use std::sync::Arc;

use intake_core::bundle::{self, AddedFinding, FileStatus, ReadBundle, Rerun, Review};
use intake_core::rules::Severity;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::files;
use crate::platform::route::Route;
use crate::platform::storage::SavedReview;
use crate::summary::answer_sections;
use crate::workspace::{Storage, Workspace};

/// A bundle that is open for review.
#[derive(Debug)]
pub struct Opened {
    /// The file's name as picked.
    pub name: String,
    pub bytes: Vec<u8>,
    pub bundle: ReadBundle,
    pub rerun: Rerun,
}

/// The review desk: the open bundle, its review, and the reviews kept in this browser.
#[derive(Clone, Copy)]
pub struct Desk {
    pub opened: RwSignal<Option<Arc<Opened>>>,
    pub review: RwSignal<Review>,
    /// Reviews in progress kept in this browser, as (key, file name).
    pub saved: RwSignal<Vec<(String, String)>>,
    /// The last outcome to tell: (success, message).
    pub message: RwSignal<Option<(bool, String)>>,
    /// Why the last export failed, if it did.
    pub export_outcome: RwSignal<Option<String>>,
    /// The reviewer tried to export: every problem of the review shows from then on.
    pub tried_export: RwSignal<bool>,
    workspace: Workspace,
}

impl Desk {
    pub fn new(workspace: Workspace) -> Desk {
        Desk {
            workspace,
            opened: RwSignal::new(None),
            review: RwSignal::new(Review::default()),
            saved: RwSignal::new(Vec::new()),
            message: RwSignal::new(None),
            export_outcome: RwSignal::new(None),
            tried_export: RwSignal::new(false),
        }
    }

    /// Reads a picked or dropped bundle and opens it. A review already in the bundle, or one kept
    /// in this browser for the same bundle, is picked up.
    pub fn open(self, name: String, bytes: Vec<u8>) -> Result<(), String> {
        let bundle = bundle::read(&bytes, self.workspace.questionnaire)
            .map_err(|error| format!("{name} cannot be opened: {error}."))?;
        let rerun = bundle::rerun(&bundle, self.workspace.questionnaire);
        let mut review = bundle
            .review
            .clone()
            .filter(|review| review.bundle_manifest_sha256 == bundle.manifest_sha256)
            .unwrap_or_else(|| Review::new(&bundle));
        review.adopt(&rerun);
        self.show(
            Opened {
                name,
                bytes,
                bundle,
                rerun,
            },
            review,
        );
        self.save();
        Ok(())
    }

    fn show(self, opened: Opened, review: Review) {
        self.review.set(review);
        self.opened.set(Some(Arc::new(opened)));
        self.message.set(None);
        request_animation_frame(|| crate::platform::dom::focus("review-title"));
    }

    /// Loads the list of reviews kept in this browser.
    pub fn load_saved(self) {
        let Some(store) = self.workspace.store() else {
            return;
        };
        spawn_local(async move {
            if let Ok(reviews) = store.reviews().await {
                self.saved
                    .set(reviews.into_iter().map(|r| (r.key, r.name)).collect());
            }
        });
    }

    /// Opens a review kept in this browser, as it was left.
    pub fn resume(self, key: String) {
        let workspace = self.workspace;
        let Some(store) = workspace.store() else {
            return;
        };
        spawn_local(async move {
            let found = store
                .reviews()
                .await
                .map_err(|error| error.to_string())
                .and_then(|reviews| {
                    reviews
                        .into_iter()
                        .find(|r| r.key == key)
                        .ok_or_else(|| "That review is no longer kept in this browser.".to_owned())
                });
            let opened = found.and_then(|saved| {
                let bundle = bundle::read(&saved.bundle, workspace.questionnaire)
                    .map_err(|error| format!("{} cannot be opened: {error}.", saved.name))?;
                let mut review = Review::from_json(&saved.review)
                    .map_err(|error| format!("The saved review cannot be read: {error}."))?;
                let rerun = bundle::rerun(&bundle, workspace.questionnaire);
                review.adopt(&rerun);
                Ok((
                    Opened {
                        name: saved.name,
                        bytes: saved.bundle,
                        bundle,
                        rerun,
                    },
                    review,
                ))
            });
            match opened {
                Ok((opened, review)) => self.show(opened, review),
                Err(reason) => self.message.set(Some((false, reason))),
            }
        });
    }

    /// Changes the review and saves it at once, as drafts are (see `workspace`).
    /// Downloads the reviewed bundle, or says why it cannot be made.
    pub fn export(self, opened: &Opened, workspace: Workspace) {
        self.tried_export.set(true);
        let result = files::clock_now().and_then(|at| {
            self.review.with_untracked(|review| {
                bundle::write_reviewed(
                    &opened.bytes,
                    &opened.bundle,
                    review,
                    workspace.questionnaire,
                    at,
                )
                .map_err(|error| error.to_string())
            })
        });
        match result {
            Ok(bytes) => {
                files::download_bytes(
                    &bundle::reviewed_file_name(&opened.name),
                    "application/zip",
                    &bytes,
                );
                self.export_outcome.set(None);
            }
            Err(reason) => self.export_outcome.set(Some(reason)),
        }
    }

    pub fn edit(self, change: impl FnOnce(&mut Review)) {
        self.review.update(change);
        self.save();
    }

    /// Writes the open review with its bundle to browser storage, if there is any.
    fn save(self) {
        let workspace = self.workspace;
        let (Some(store), Some(opened)) = (workspace.store(), self.opened.get_untracked()) else {
            return;
        };
        let review = self.review.with_untracked(Review::to_json);
        let saved = SavedReview {
            key: opened.bundle.manifest_sha256.clone(),
            name: opened.name.clone(),
            bundle: opened.bytes.clone(),
            review,
        };
        // Saves run on every keystroke: the list of kept reviews changes (and redraws) only when
        // this review is new to it.
        let listed = self
            .saved
            .with_untracked(|list| list.iter().any(|(key, _)| *key == saved.key));
        if !listed {
            self.saved
                .update(|list| list.push((saved.key.clone(), saved.name.clone())));
        }
        spawn_local(async move {
            if let Err(error) = store.put_review(&saved).await {
                workspace.lose_storage(&error);
            }
        });
    }

    /// Closes the open bundle; its review stays kept in this browser.
    pub fn close(self) {
        self.save();
        self.opened.set(None);
    }

    /// Closes the open bundle and forgets every review, after the storage has been cleared.
    pub fn forget_all(self) {
        self.opened.set(None);
        self.review.set(Review::default());
        self.saved.set(Vec::new());
    }

    /// Forgets a review kept in this browser.
    pub fn forget(self, key: String) {
        let workspace = self.workspace;
        self.saved.update(|list| list.retain(|(k, _)| *k != key));
        if let Some(store) = workspace.store() {
            spawn_local(async move {
                if let Err(error) = store.delete_review(&key).await {
                    workspace.lose_storage(&error);
                }
            });
        }
    }
}

/// The review page: open a bundle, or review the open one.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let desk = expect_context::<Desk>();
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
            <a href=Route::Home.href()>"Home"</a>
        </nav>
        {move || match desk.opened.get() {
            None => view! { <OpenBundle/> }.into_any(),
            Some(opened) => view! { <BundleReview opened/> }.into_any(),
        }}
    }
}

/// Reads a file the user picked or dropped, within the bundle size limit, and opens it.
fn open_file(desk: Desk, file: web_sys::File) {
    let file = gloo_file::File::from(file);
    let name = file.name();
    if file.size() > bundle::MAX_BUNDLE_BYTES as u64 {
        desk.message.set(Some((
            false,
            format!(
                "{name} cannot be opened: the file is {} MB, larger than a findings bundle may be \
                 ({} MB).",
                file.size() / (1024 * 1024),
                bundle::MAX_BUNDLE_BYTES / (1024 * 1024)
            ),
        )));
        return;
    }
    spawn_local(async move {
        let outcome = gloo_file::futures::read_as_bytes(&file)
            .await
            .map_err(|error| format!("{name} cannot be read: {error}."))
            .and_then(|bytes| desk.open(name, bytes));
        if let Err(reason) = outcome {
            desk.message.set(Some((false, reason)));
        }
    });
}

#[component]
fn OpenBundle() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let workspace = expect_context::<Workspace>();
    Effect::new(move |_| {
        if workspace.storage.get() == Storage::Browser {
            desk.load_saved();
        }
    });
    let dragging = RwSignal::new(false);
    let picked = move |event: leptos::ev::Event| {
        if let Some(file) = files::picked_file(&event) {
            open_file(desk, file);
        }
    };
    let dropped = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        dragging.set(false);
        if let Some(file) = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0))
        {
            open_file(desk, file);
        }
    };
    Effect::new(move |_| request_animation_frame(|| crate::platform::dom::focus("open-title")));
    view! {
        <h1 id="open-title" tabindex="-1">"Review a findings bundle"</h1>
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
            <label class="button" for="bundle-file">"Choose a bundle (.zip)"</label>
            <input
                id="bundle-file"
                class="visually-hidden"
                type="file"
                accept=".zip,application/zip"
                on:change=picked
            />
            <p>"or drop it here."</p>
        </div>
        {move || desk.message.get().map(|(ok, text)| view! {
            <p
                class=if ok { "notice" } else { "notice notice-error" }
                role=if ok { "status" } else { "alert" }
                data-testid="review-message"
            >
                {text}
            </p>
        })}
        <SavedReviews/>
    }
}

/// Reviews kept in this browser: resume or forget each.
#[component]
fn SavedReviews() -> impl IntoView {
    let desk = expect_context::<Desk>();
    move || {
        let saved = desk.saved.get();
        (!saved.is_empty()).then(|| view! {
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
                                    <button type="button" class="button button-secondary" on:click=move |_| desk.resume(key.clone())>
                                        "Resume"
                                        <span class="visually-hidden">" " {name.clone()}</span>
                                    </button>
                                    " "
                                    <button type="button" class="button button-secondary" on:click=move |_| desk.forget(forget_key.clone())>
                                        "Forget"
                                        <span class="visually-hidden">" " {name}</span>
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        })
    }
}

/// The text answer to an engagement question, or "".
fn engagement(bundle: &ReadBundle, id: &str) -> String {
    match bundle.answers.answers.get(id).and_then(|a| a.as_value()) {
        Some(intake_core::answers::Value::Text(text)) => text.clone(),
        _ => String::new(),
    }
}

#[component]
fn BundleReview(opened: Arc<Opened>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let workspace = expect_context::<Workspace>();
    let bundle = &opened.bundle;
    let manifest = &bundle.manifest;
    let title = format!(
        "Review: {} – {}",
        engagement(bundle, "engagement.partner_name"),
        engagement(bundle, "engagement.engagement_name")
    );
    let reviewer = desk.review.with_untracked(|r| r.reviewer.clone());
    let note = desk.review.with_untracked(|r| r.note.clone());
    // Drawn when first opened, like each finding's details: the review shows sooner.
    let answers_open = RwSignal::new(false);
    let answers = opened.clone();
    view! {
        <h1 id="review-title" tabindex="-1">{title}</h1>
        <dl class="bundle-facts">
            <dt>"File"</dt><dd data-testid="bundle-name">{opened.name.clone()}</dd>
            <dt>"Created"</dt><dd>{manifest.created_at.clone()}</dd>
            <dt>"Made with"</dt>
            <dd>
                {format!(
                    "{} {}, rule set {}",
                    intake_core::PRODUCT_NAME,
                    manifest.app_version,
                    manifest.ruleset_version
                )}
            </dd>
        </dl>
        <p>
            <button type="button" class="button button-secondary" on:click=move |_| desk.close()>"Close this bundle"</button>
        </p>
        <IntegrityPanel opened=opened.clone()/>
        <RerunPanel opened=opened.clone()/>
        <section aria-labelledby="reviewer-title">
            <h2 id="reviewer-title">"Your review"</h2>
            <div class="field">
                <label for="reviewer">"Reviewer"</label>
                <input
                    id="reviewer"
                    type="text"
                    autocomplete="name"
                    prop:value=reviewer
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        desk.edit(|review| review.reviewer = value);
                    }
                />
            </div>
            <div class="field">
                <label for="review-note">"Overall note"</label>
                <textarea
                    id="review-note"
                    rows="4"
                    prop:value=note
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        desk.edit(|review| review.note = value);
                    }
                ></textarea>
            </div>
        </section>
        <triage::TriageList opened=opened.clone()/>
        <AddedFindings/>
        <ReviewExport opened=opened.clone()/>
        <section class="answers" aria-labelledby="review-answers-title">
            <h2 id="review-answers-title">"Answers by section"</h2>
            <details data-testid="review-answers" on:toggle=move |_| answers_open.set(true)>
                <summary>"Show every answer"</summary>
                {move || answers_open.get().then(|| answer_sections(workspace.questionnaire, &answers.bundle.answers))}
            </details>
        </section>
    }
}

/// Whether each file matches the manifest, with a warning naming each file that does not.
#[component]
fn IntegrityPanel(opened: Arc<Opened>) -> impl IntoView {
    let integrity = &opened.bundle.integrity;
    if integrity.is_intact() {
        return view! {
            <p class="notice" role="status" data-testid="integrity">
                "Integrity: every file matches the bundle's manifest."
            </p>
        }
        .into_any();
    }
    let problems: Vec<(String, &'static str)> = integrity
        .problems()
        .map(|file| {
            let why = match file.status {
                FileStatus::Modified if file.name == bundle::REVIEW => {
                    "was made for another bundle"
                }
                FileStatus::Modified => "was changed after the bundle was made: its hash differs",
                FileStatus::Missing => "is listed in the manifest but missing",
                FileStatus::Unlisted => "is not listed in the manifest",
                FileStatus::Intact => "is intact",
            };
            (file.name.clone(), why)
        })
        .collect();
    view! {
        <div class="notice notice-error" role="alert" data-testid="integrity">
            <p><strong>"Integrity warning:"</strong> " this bundle does not match its manifest."</p>
            <ul>
                {problems
                    .into_iter()
                    .map(|(name, why)| view! { <li><code>{name}</code> " " {why}</li> })
                    .collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

/// What the current rules find compared with the bundle's findings.
#[component]
fn RerunPanel(opened: Arc<Opened>) -> impl IntoView {
    let rerun = &opened.rerun;
    let ruleset = rerun.ruleset_change.as_ref().map(|change| {
        format!(
            "The bundle was assessed with rule set {}; this version has {}.",
            change.bundle_version, change.current_version
        )
    });
    let summary = if rerun.has_changes() {
        format!(
            "Re-run with the current rules: {} new, {} resolved, {} with another severity, {} \
             unchanged.",
            rerun.new.len(),
            rerun.resolved.len(),
            rerun.severity_changed.len(),
            rerun.unchanged
        )
    } else {
        format!(
            "Re-run with the current rules: the same {} findings as the bundle.",
            rerun.unchanged
        )
    };
    view! {
        <div class="notice" role="status" data-testid="rerun">
            {ruleset.map(|text| view! { <p>{text}</p> })}
            <p>{summary}</p>
        </div>
    }
}

/// Findings the reviewer adds by hand.
#[component]
fn AddedFindings() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let ids = Memo::new(move |_| {
        desk.review
            .with(|r| r.added.iter().map(|f| f.id.clone()).collect::<Vec<_>>())
    });
    view! {
        <section aria-labelledby="added-title">
            <h2 id="added-title">"Findings you add"</h2>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <AddedFindingForm id/>
            </For>
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| {
                    let mut id = String::new();
                    desk.edit(|r| id = r.add_finding().id.clone());
                    request_animation_frame(move || crate::platform::dom::focus(&format!("{id}-title")));
                }
            >
                "Add a finding"
            </button>
        </section>
    }
}

/// The fields of one added finding: title, severity, what was found, evidence and playbook
/// (one per line), and a remove button.
#[component]
fn AddedFindingForm(id: String) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let Some(finding) = desk
        .review
        .with_untracked(|r| r.added.iter().find(|f| f.id == id).cloned())
    else {
        return ().into_any();
    };
    let id = Arc::new(id);
    let edit = move |id: Arc<String>, change: fn(&mut AddedFinding, String)| {
        move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            desk.edit(|r| {
                if let Some(finding) = r.added.iter_mut().find(|f| f.id == *id) {
                    change(finding, value);
                }
            });
        }
    };
    let field = |suffix: &str| format!("{id}-{suffix}");
    let remove_id = id.clone();
    view! {
        <fieldset class="added-finding" data-testid="added-finding">
            <legend>{id.to_string()}</legend>
            <div class="field">
                <label for=field("title")>"Title (required)"</label>
                <input
                    id=field("title")
                    type="text"
                    prop:value=finding.title
                    on:input=edit(id.clone(), |f, value| f.title = value)
                />
            </div>
            <div class="field">
                <label for=field("severity")>"Severity"</label>
                <select
                    id=field("severity")
                    on:change=edit(id.clone(), |f, value| {
                        if let Some(severity) = Severity::from_name(&value) {
                            f.severity = severity;
                        }
                    })
                >
                    {Severity::ALL
                        .into_iter()
                        .map(|severity| view! {
                            <option value=severity.name() selected=severity == finding.severity>
                                {severity.name()}
                            </option>
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=field("message")>"What was found (required)"</label>
                <textarea
                    id=field("message")
                    rows="2"
                    prop:value=finding.message
                    on:input=edit(id.clone(), |f, value| f.message = value)
                ></textarea>
            </div>
            <div class="field">
                <label for=field("evidence")>"Evidence, one per line"</label>
                <textarea
                    id=field("evidence")
                    rows="2"
                    prop:value=finding.evidence.join("\n")
                    on:input=edit(id.clone(), |f, value| f.evidence = non_empty_lines(&value))
                ></textarea>
            </div>
            <div class="field">
                <label for=field("remediation")>"Playbook, one step per line"</label>
                <textarea
                    id=field("remediation")
                    rows="3"
                    prop:value=finding.remediation.join("\n")
                    on:input=edit(id.clone(), |f, value| f.remediation = non_empty_lines(&value))
                ></textarea>
            </div>
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| desk.edit(|r| r.added.retain(|f| f.id != *remove_id))
            >
                "Remove " {id.to_string()}
            </button>
        </fieldset>
    }
    .into_any()
}

/// The lines of `text` that are not blank, trimmed.
fn non_empty_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The reviewed bundle's download: enabled once the review is finished, with what to finish.
#[component]
fn ReviewExport(opened: Arc<Opened>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let workspace = expect_context::<Workspace>();
    let problems = Memo::new(move |_| desk.review.with(Review::problems));
    let outcome = desk.export_outcome;
    let export = move |_| desk.export(&opened, workspace);
    view! {
        <section aria-labelledby="review-export-title">
            <h2 id="review-export-title">"Export"</h2>
            <p>
                "The reviewed bundle keeps the partner's files unchanged and adds "
                <code>"review.json"</code> " and a report showing your triage."
            </p>
            <button type="button" class="button" data-testid="export-review" on:click=export>
                "Download reviewed bundle (.zip)"
            </button>
            {move || {
                let problems = problems.get();
                (desk.tried_export.get() && !problems.is_empty()).then(|| view! {
                    <ul class="problems" data-testid="review-problems">
                        {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                    </ul>
                })
            }}
            {move || outcome.get().map(|reason| view! { <p role="alert" data-testid="export-outcome">{reason}</p> })}
        </section>
    }
}
