//! Collectors' exports imported into a draft: the partner picks an RVTools export, a Veeam
//! Healthcheck folder or zip (or several), the reader reads them off the page's thread
//! ([`reader`]), and the page shows, question by question, what the evidence would set, add or
//! change. Nothing is changed until the partner applies what they chose, and applying can be
//! undone. Applied answers say where they came from; the evidence is kept with the draft, so the
//! evidence rules can show where it and the answers disagree. The files the evidence was read
//! from are kept in this browser apart from the draft, for the partner to send with the bundle if
//! they choose (`summary/send.rs`).

pub mod reader;
pub mod worker;

use std::collections::BTreeSet;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use intake_core::answers::Answers;
use intake_core::display;
use intake_core::evidence::map::{self, Change, Proposal};
use intake_core::evidence::{self, Evidence, MAX_FILE_BYTES};
use intake_core::questionnaire::Questionnaire;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::platform::storage::{KeptExport, Store};
/// Properties of the plain objects in the messages between the page and the reader's worker.
use crate::platform::worker::{get, set};

/// Where the import stands.
#[derive(Clone)]
enum Stage {
    /// Waiting for files; `said` is what happened last (cancelled, undone), if anything.
    Pick {
        said: Option<String>,
    },
    Reading {
        done: u32,
        total: u32,
        what: String,
    },
    Failed(String),
    Preview(Arc<Preview>),
    /// Applied: how many answers, from what, and the answers before, to undo.
    Applied {
        count: usize,
        from: String,
        before: Arc<Answers>,
    },
}

/// What the evidence read would do to the draft's answers.
struct Preview {
    evidence: Evidence,
    proposals: Vec<Proposal>,
    /// For each proposal, whether its question shows once the blanks are filled
    /// ([`map::applicable`]).
    applicable: Vec<bool>,
    refused: Vec<String>,
}

impl Preview {
    /// The sources, in words: "RVTools (export.xlsx; collected 2026-11-20 14:03)".
    fn sources(&self) -> String {
        self.evidence
            .sources
            .iter()
            .map(display::evidence_source)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The proposals applying chooses unless the partner says otherwise: what fills a blank and what
/// adds an item, where the question shows. An answer the partner gave is never changed without
/// their choice.
fn chosen_at_first(preview: &Preview) -> BTreeSet<usize> {
    preview
        .proposals
        .iter()
        .zip(&preview.applicable)
        .enumerate()
        .filter(|(_, (p, shown))| **shown && matches!(p.change, Change::Set | Change::NewItem))
        .map(|(index, _)| index)
        .collect()
}

/// The import page of a draft, drawn by the later module (`later::Import`), which keeps no draft
/// of its own: `draft` is the draft's id, `answers` its answers as they are, `questions_href`
/// where "Go to the questions" leads, and `changed` gets the draft's answers as an answers file
/// (`Answers::to_json`) after applying and after undoing, for the app to put in the draft.
#[component]
pub fn ImportPage(
    questionnaire: &'static Questionnaire,
    draft: String,
    answers: Answers,
    questions_href: String,
    changed: impl Fn(String) + 'static,
) -> impl IntoView {
    let current = StoredValue::new(answers);
    let changed: Rc<dyn Fn(String)> = Rc::new(changed);
    let changed = StoredValue::new_local(changed);
    let draft = StoredValue::new(draft);
    let stage = RwSignal::new(Stage::Pick { said: None });
    let chosen = RwSignal::new(BTreeSet::<usize>::new());
    let reading = StoredValue::new_local(None::<reader::Reading>);
    // The files picked, then those the evidence read came from: kept with the draft on applying.
    let files = StoredValue::new_local(Vec::<KeptExport>::new());
    // The exports kept before applying, to put back on undo.
    let kept_before = StoredValue::new_local(None::<Vec<KeptExport>>);
    let keeping_failed = RwSignal::new(None::<String>);
    // While the files are being kept, undo waits: it puts back what was kept before.
    let keeping = RwSignal::new(false);
    let first_section = questions_href;

    let start = move |picked_files: Vec<web_sys::File>| {
        if picked_files.is_empty() {
            return;
        }
        if let Some(large) = picked_files
            .iter()
            .find(|file| file.size() > MAX_FILE_BYTES as f64)
        {
            stage.set(Stage::Failed(format!(
                "“{}” is {} MB: an export is at most {} MB.",
                large.name(),
                (large.size() / 1_048_576.0) as u64,
                MAX_FILE_BYTES / 1_048_576
            )));
            return;
        }
        stage.set(Stage::Reading {
            done: 0,
            total: picked_files.len() as u32,
            what: String::new(),
        });
        let named: Vec<KeptExport> = picked_files
            .into_iter()
            .map(|file| KeptExport {
                name: relative_path(&file).unwrap_or_else(|| file.name()),
                file: file.into(),
            })
            .collect();
        files.set_value(named.clone());
        spawn_local(async move {
            let mut picked = Vec::with_capacity(named.len());
            for KeptExport { name, file } in named {
                match JsFuture::from(file.array_buffer()).await {
                    Ok(bytes) => picked.push(reader::File {
                        name,
                        bytes: bytes.unchecked_into(),
                    }),
                    Err(_) => {
                        stage.set(Stage::Failed(format!(
                            "The browser could not read “{name}”: nothing was imported."
                        )));
                        return;
                    }
                }
            }
            if !matches!(stage.get_untracked(), Stage::Reading { .. }) {
                return;
            }
            let update = move |update: reader::Update| match update {
                reader::Update::Progress { done, total, what } => {
                    if matches!(stage.get_untracked(), Stage::Reading { .. }) {
                        stage.set(Stage::Reading { done, total, what });
                    }
                }
                reader::Update::Failed(reason) => stage.set(Stage::Failed(reason)),
                reader::Update::Portfolio { .. } => stage.set(Stage::Failed(
                    "The reader answered with a portfolio, not evidence.".to_owned(),
                )),
                reader::Update::Done { evidence, refused } => {
                    let evidence = *evidence;
                    if evidence.sources.is_empty() {
                        let mut reason = "Nothing could be imported: no file was an export \
                                          this reader knows."
                            .to_owned();
                        for refusal in &refused {
                            reason.push(' ');
                            reason.push_str(refusal);
                            reason.push('.');
                        }
                        stage.set(Stage::Failed(reason));
                        return;
                    }
                    files.update_value(|files| {
                        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
                        let read = evidence::read_from(&evidence, &names);
                        let mut read = read.into_iter();
                        files.retain(|_| read.next().unwrap_or(false));
                    });
                    // Comparing with the answers and drawing the preview are tasks of their own,
                    // after the one that read the reader's answer, so the page stays responsive
                    // (no task over 50 ms for a 1,000-host export: scripts/bench-ui.mjs).
                    set_timeout(
                        move || {
                            if !matches!(stage.get_untracked(), Stage::Reading { .. }) {
                                return;
                            }
                            let (proposals, applicable) = current.with_value(|answers| {
                                let proposals = map::propose(questionnaire, answers, &evidence);
                                let applicable =
                                    map::applicable(questionnaire, answers, &evidence, &proposals);
                                (proposals, applicable)
                            });
                            let preview = Preview {
                                evidence,
                                proposals,
                                applicable,
                                refused,
                            };
                            set_timeout(
                                move || {
                                    if matches!(stage.get_untracked(), Stage::Reading { .. }) {
                                        chosen.set(chosen_at_first(&preview));
                                        stage.set(Stage::Preview(Arc::new(preview)));
                                    }
                                },
                                Duration::ZERO,
                            );
                        },
                        Duration::ZERO,
                    );
                }
            };
            reading.set_value(Some(reader::read(picked, update)));
        });
    };
    let cancel = move || {
        if let Some(reading) = reading.get_value() {
            reading.cancel();
        }
        stage.set(Stage::Pick {
            said: Some("Import cancelled: nothing was changed.".to_owned()),
        });
    };
    let apply = move |preview: &Preview| {
        let picked = chosen.get_untracked();
        let proposals: Vec<&Proposal> = picked
            .iter()
            .filter_map(|index| preview.proposals.get(*index))
            .collect();
        let before = current.get_value();
        let after = map::apply(&before, &preview.evidence, &proposals);
        changed.with_value(|changed| changed(after.to_json()));
        current.set_value(after);
        keeping_failed.set(None);
        keep_exports(
            draft.get_value(),
            files.get_value(),
            kept_before,
            keeping,
            keeping_failed,
        );
        stage.set(Stage::Applied {
            count: proposals.len(),
            from: preview.sources(),
            before: Arc::new(before),
        });
    };
    let undo = move |before: Arc<Answers>| {
        changed.with_value(|changed| changed(before.to_json()));
        current.set_value((*before).clone());
        let undone = move || {
            stage.set(Stage::Pick {
                said: Some(
                    "Import undone: the answers, and the evidence kept with them, are as they \
                     were."
                        .to_owned(),
                ),
            })
        };
        // Said once the files kept before are back, so a page opened next (the summary, which
        // lists the files the bundle would send) reads them as they were.
        match kept_before.get_value() {
            Some(exports) => {
                kept_before.set_value(None);
                put_exports(draft.get_value(), exports, undone);
            }
            None => undone(),
        }
    };

    // A new stage replaces what was read: the heading takes focus and the page its top, so the
    // result is read from its start.
    let stage_kind = Memo::new(move |_| {
        stage.with(|stage| match stage {
            Stage::Pick { .. } => 0,
            Stage::Reading { .. } => 1,
            Stage::Failed(_) => 2,
            Stage::Preview(_) => 3,
            Stage::Applied { .. } => 4,
        })
    });
    Effect::new(move |previous: Option<u8>| {
        let now = stage_kind.get();
        if previous.is_some_and(|previous| previous != now) && now != 1 {
            crate::platform::dom::focus("import-title");
            crate::platform::dom::scroll_to("import-title");
        }
        now
    });
    view! {
        <section class="import" aria-labelledby="import-title">
            <h1 id="import-title" tabindex="-1">
                "Import collector exports"
            </h1>
            {move || match stage.get() {
                Stage::Pick { said } => view! { <Pick said start /> }.into_any(),
                Stage::Reading { done, total, what } => {
                    view! {
                        <div class="import-reading" data-testid="import-reading">
                            <p aria-live="polite">
                                {if what.is_empty() {
                                    "Reading the files…".to_owned()
                                } else {
                                    format!(
                                        "Reading {what} ({} of {total})…",
                                        (done + 1).min(total),
                                    )
                                }}
                            </p>
                            <progress
                                max=total.max(1)
                                value=done
                                aria-label="Exports read"
                            ></progress>
                            <p>
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    data-testid="import-cancel"
                                    on:click=move |_| cancel()
                                >
                                    "Cancel"
                                </button>
                            </p>
                        </div>
                    }
                        .into_any()
                }
                Stage::Failed(reason) => {
                    view! {
                        <div class="import-failed">
                            <p role="alert" data-testid="import-error">
                                {reason}
                            </p>
                            <p>
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| stage.set(Stage::Pick { said: None })
                                >
                                    "Choose other files"
                                </button>
                            </p>
                        </div>
                    }
                        .into_any()
                }
                Stage::Preview(preview) => {
                    let on_apply = {
                        let preview = preview.clone();
                        move || apply(&preview)
                    };
                    view! { <PreviewView questionnaire preview chosen on_apply on_cancel=cancel /> }
                        .into_any()
                }
                Stage::Applied { count, from, before } => {
                    let href = first_section.clone();
                    view! {
                        <div class="import-applied" data-testid="import-applied">
                            <p role="status">
                                {format!(
                                    "Applied {count} {} from {from}. Each shows where it came from beside the question; the evidence is kept with this draft, and the findings say where it and your answers disagree.",
                                    if count == 1 { "answer" } else { "answers" },
                                )}
                            </p>
                            {move || {
                                keeping_failed
                                    .get()
                                    .map(|reason| {
                                        view! {
                                            <p class="notice" data-testid="import-files-not-kept">
                                                {format!(
                                                    "The export files themselves could not be kept in this browser, so the bundle can carry what was read from them but not the files: {reason}",
                                                )}
                                            </p>
                                        }
                                    })
                            }}
                            <p class="inline-form">
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    data-testid="import-undo"
                                    prop:disabled=move || keeping.get()
                                    on:click=move |_| undo(before.clone())
                                >
                                    "Undo the import"
                                </button>
                                <a class="button" href=href>
                                    "Go to the questions"
                                </a>
                            </p>
                        </div>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

/// Keeps the exports an applied import read with the draft, in place of those of the same
/// name, and remembers what was kept before in `before` for undo. When the browser cannot keep
/// them (its storage is full), `failed` says so: the answers and evidence are kept all the same.
fn keep_exports(
    draft: String,
    read: Vec<KeptExport>,
    before: StoredValue<Option<Vec<KeptExport>>, LocalStorage>,
    keeping: RwSignal<bool>,
    failed: RwSignal<Option<String>>,
) {
    if read.is_empty() {
        return;
    }
    keeping.set(true);
    spawn_local(async move {
        let store = match Store::open().await {
            Ok(store) => store,
            Err(error) => {
                failed.set(Some(error.to_string()));
                return keeping.set(false);
            }
        };
        let kept = match store.exports(&draft).await {
            Ok(kept) => kept,
            Err(error) => {
                failed.set(Some(error.to_string()));
                return keeping.set(false);
            }
        };
        before.set_value(Some(kept.clone()));
        let mut all: Vec<KeptExport> = kept
            .into_iter()
            .filter(|kept| read.iter().all(|new| new.name != kept.name))
            .collect();
        all.extend(read);
        if let Err(error) = store.put_exports(&draft, &all).await {
            failed.set(Some(error.to_string()));
        }
        keeping.set(false);
    });
}

/// Puts back the exports kept with the draft before an import, then calls `done`.
fn put_exports(draft: String, exports: Vec<KeptExport>, done: impl FnOnce() + 'static) {
    spawn_local(async move {
        // Should the browser refuse, the undone import's files stay kept: the bundle lists every
        // file it would send before the partner chooses to send them.
        if let Ok(store) = Store::open().await {
            let _ = store.put_exports(&draft, &exports).await;
        }
        done();
    });
}

/// The folder path of a file picked with a folder, if it was.
fn relative_path(file: &web_sys::File) -> Option<String> {
    js_sys::Reflect::get(file, &"webkitRelativePath".into())
        .ok()?
        .as_string()
        .filter(|path| !path.is_empty())
}

/// The files a file input holds; for a folder, its CSV files only (a Healthcheck folder also holds
/// its HTML report). The input is emptied so picking the same files again is a change too.
fn picked(event: &leptos::ev::Event, folder: bool) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let mut files = Vec::new();
    if let Some(list) = input.files() {
        for index in 0..list.length() {
            if let Some(file) = list.get(index)
                && (!folder || file.name().to_ascii_lowercase().ends_with(".csv"))
            {
                files.push(file);
            }
        }
    }
    input.set_value("");
    files
}

/// Picking the exports.
#[component]
fn Pick(
    said: Option<String>,
    start: impl Fn(Vec<web_sys::File>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="import-pick">
            {said
                .map(|said| {
                    view! {
                        <p role="status" class="import-said">
                            {said}
                        </p>
                    }
                })}
            <p>
                "Answers from what your collectors already know: an RVTools export of each vCenter (File, Export all to Excel), and the CSV folder Veeam Healthcheck writes on the backup server (or a zip of it). The files are read in this browser and never leave it; nothing changes in the draft until you choose what to apply."
            </p> <p class="import-inputs">
                <label class="button" for="import-files">
                    "Choose export files"
                </label>
                <input
                    id="import-files"
                    class="visually-hidden"
                    type="file"
                    multiple
                    accept=".xlsx,.zip,.csv"
                    data-testid="import-files"
                    on:change=move |event| start(picked(&event, false))
                />
                <label class="button button-secondary" for="import-folder">
                    "Choose a Healthcheck folder"
                </label>
                <input
                    id="import-folder"
                    class="visually-hidden"
                    type="file"
                    prop:webkitdirectory=true
                    data-testid="import-folder"
                    on:change=move |event| start(picked(&event, true))
                />
            </p>
            <p class="hint">
                "RVTools .xlsx; Healthcheck .zip or its CSV files (…_vbrinfo.csv, …_Proxies.csv and the others); at most 256 MB each."
            </p>
        </div>
    }
}

/// What the import would do, question by question, with a choice for each.
#[component]
fn PreviewView(
    questionnaire: &'static Questionnaire,
    preview: Arc<Preview>,
    chosen: RwSignal<BTreeSet<usize>>,
    on_apply: impl Fn() + Clone + Send + Sync + 'static,
    on_cancel: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let count = |wanted: fn(&Change) -> bool| {
        preview
            .proposals
            .iter()
            .filter(|p| wanted(&p.change))
            .count()
    };
    let (sets, new_items, differs, same) = (
        count(|c| matches!(c, Change::Set)),
        count(|c| matches!(c, Change::NewItem)),
        count(|c| matches!(c, Change::Differs { .. })),
        count(|c| matches!(c, Change::Same)),
    );
    let choosable: Vec<usize> = preview
        .proposals
        .iter()
        .enumerate()
        .filter(|(_, p)| !matches!(p.change, Change::Same))
        .map(|(index, _)| index)
        .collect();
    let all = choosable.clone();
    let row = |index: usize| {
        let proposal = &preview.proposals[index];
        let question = proposal.question_words(questionnaire);
        let value = proposal.value_words(questionnaire);
        let place = display::evidence_origin(&preview.evidence, &proposal.from);
        let shown = preview.applicable.get(index).copied().unwrap_or(true);
        let (tag, class, now) = match &proposal.change {
            _ if !shown => (
                "Does not apply with your other answers yet: kept but not used",
                "change-hidden",
                None,
            ),
            Change::Set => ("Sets a blank answer", "change-set", None),
            Change::NewItem => ("Adds an item", "change-new", None),
            Change::Differs { now } => (
                "Differs from your answer",
                "change-differs",
                Some(now.clone()),
            ),
            Change::Same => ("Agrees", "change-same", None),
        };
        let id = format!("import-choice-{index}");
        let checked = move || chosen.with(|chosen| chosen.contains(&index));
        view! {
            <li class=format!("import-row {class}") data-testid="import-row">
                <input
                    type="checkbox"
                    id=id.clone()
                    prop:checked=checked
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        chosen
                            .update(|chosen| {
                                if on {
                                    chosen.insert(index);
                                } else {
                                    chosen.remove(&index);
                                }
                            });
                    }
                />
                <label for=id>
                    <span class="import-question">{question}</span>
                    <span class="import-value">
                        {match now {
                            Some(now) => format!("{value} (your answer: {now})"),
                            None => value,
                        }}
                    </span>
                    <span class=format!("tag {class}")>{tag}</span>
                    <span class="import-origin">{format!("{place}: {}", proposal.fact)}</span>
                </label>
            </li>
        }
    };
    // The rows under their sections, in the questionnaire's order.
    let sections = questionnaire
        .sections()
        .iter()
        .filter_map(|section| {
            let prefix = format!("{}.", section.id);
            let rows: Vec<usize> = choosable
                .iter()
                .copied()
                .filter(|&index| preview.proposals[index].question.starts_with(&prefix))
                .collect();
            (!rows.is_empty()).then(|| {
                let title = section.title.clone();
                let these = rows.clone();
                let several = (rows.len() > 1).then(|| {
                    view! {
                        <span class="import-section-choice">
                            <button
                                type="button"
                                class="button button-secondary"
                                data-testid="import-section-all"
                                aria-label=format!("Choose all in {title}")
                                on:click={
                                    let these = these.clone();
                                    move |_| {
                                        chosen.update(|chosen| chosen.extend(these.iter().copied()))
                                    }
                                }
                            >
                                "Choose all"
                            </button>
                            <button
                                type="button"
                                class="button button-secondary"
                                data-testid="import-section-none"
                                aria-label=format!("Choose none in {title}")
                                on:click=move |_| {
                                    chosen
                                        .update(|chosen| {
                                            for index in &these {
                                                chosen.remove(index);
                                            }
                                        })
                                }
                            >
                                "Choose none"
                            </button>
                        </span>
                    }
                });
                view! {
                    <div class="import-section-head">
                        <h2 class="import-section">{section.title.clone()}</h2>
                        {several}
                    </div>
                    <ul class="import-rows">{rows.into_iter().map(row).collect_view()}</ul>
                }
            })
        })
        .collect_view();
    let chosen_count = move || chosen.with(BTreeSet::len);
    view! {
        <div class="import-preview" data-testid="import-preview">
            <p role="status">
                {format!(
                    "Read {}. {sets} blank {} to set, {new_items} for new items, {differs} {} from your answers, {same} {} already.",
                    preview.sources(),
                    if sets == 1 { "answer" } else { "answers" },
                    if differs == 1 { "differs" } else { "differ" },
                    if same == 1 { "agrees" } else { "agree" },
                )}
            </p>
            {(!preview.refused.is_empty())
                .then(|| {
                    view! {
                        <div role="alert" class="import-refused">
                            <p>"Not read:"</p>
                            <ul>
                                {preview
                                    .refused
                                    .iter()
                                    .map(|reason| view! { <li>{reason.clone()}</li> })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })}
            {(!preview.evidence.notes.is_empty())
                .then(|| {
                    view! {
                        <details class="import-notes">
                            <summary>"What the exports had that could not be used"</summary>
                            <ul>
                                {preview
                                    .evidence
                                    .notes
                                    .iter()
                                    .map(|note| view! { <li>{note.clone()}</li> })
                                    .collect_view()}
                            </ul>
                        </details>
                    }
                })}
            <p class="hint">
                "Answers you gave are only changed where you tick them. What is not applied is still kept as evidence, and the findings show where it disagrees with your answers."
            </p>
            {if all.is_empty() {
                view! {
                    <p data-testid="import-nothing">
                        "Nothing to apply: your answers already say what the exports say. Keeping the evidence lets the findings compare it with your answers as they change."
                    </p>
                }
                    .into_any()
            } else {
                view! {
                    <p class="inline-form">
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| chosen.set(all.iter().copied().collect())
                        >
                            "Choose all"
                        </button>
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| chosen.set(BTreeSet::new())
                        >
                            "Choose none"
                        </button>
                    </p>
                    {sections}
                }
                    .into_any()
            }}
            <p class="inline-form">
                <button
                    type="button"
                    class="button"
                    data-testid="import-apply"
                    on:click={
                        let on_apply = on_apply.clone();
                        move |_| on_apply()
                    }
                >
                    {move || match chosen_count() {
                        0 => "Keep the evidence only".to_owned(),
                        1 => "Apply 1 chosen answer".to_owned(),
                        n => format!("Apply {n} chosen answers"),
                    }}
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| on_cancel()>
                    "Cancel"
                </button>
            </p>
        </div>
    }
}
