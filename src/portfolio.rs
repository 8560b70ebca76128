//! Patterns across partners in the browser: findings bundles picked or dropped on the page are
//! read in a Web Worker (the evidence reader's, [`crate::import::reader::portfolio`]) with a
//! progress bar, into the report `intake portfolio` makes: how many partners each rule fires
//! for, what partners do not know, the bundles that could not be read. The report downloads as
//! HTML (with its charts), CSV and JSON. Nothing leaves the browser. Drawn by the later module.

use intake_core::bundle::portfolio::PortfolioReport;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::import::reader::{self, Reading, Update};
use crate::platform::files::{download, download_bytes};
use crate::platform::route::Route;

/// Where the reading stands.
#[derive(Debug, Clone)]
enum Stage {
    Pick,
    Reading { done: u32, total: u32, what: String },
    Read(Box<Report>),
    Failed(String),
}

/// The report, and its downloads.
#[derive(Debug, Clone)]
struct Report {
    report: PortfolioReport,
    json: String,
    html: String,
    csv: String,
}

/// The `.zip` files of a file list (picked or dropped).
fn bundles_in(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length())
        .filter_map(|index| files.get(index))
        .collect()
}

/// The portfolio page.
#[component]
pub fn PortfolioPage() -> impl IntoView {
    let stage = RwSignal::new(Stage::Pick);
    let with_names = RwSignal::new(false);
    let reading = StoredValue::new_local(None::<Reading>);
    let start = move |bundles: Vec<web_sys::File>| {
        if bundles.is_empty() {
            return;
        }
        let total = u32::try_from(bundles.len()).unwrap_or(u32::MAX);
        stage.set(Stage::Reading {
            done: 0,
            total,
            what: String::new(),
        });
        let started = reader::portfolio(bundles, with_names.get_untracked(), move |update| {
            stage.set(match update {
                Update::Progress { done, total, what } => Stage::Reading { done, total, what },
                Update::Portfolio { json, html, csv } => match PortfolioReport::from_json(&json) {
                    Ok(report) => Stage::Read(Box::new(Report {
                        report,
                        json,
                        html,
                        csv,
                    })),
                    Err(error) => {
                        Stage::Failed(format!("The reader's report could not be read ({error})."))
                    }
                },
                Update::Failed(reason) => Stage::Failed(reason),
                Update::Done { .. } => {
                    Stage::Failed("The reader answered with evidence, not a portfolio.".to_owned())
                }
            });
        });
        reading.set_value(Some(started));
    };
    let cancel = move |_| {
        if let Some(reading) = reading.get_value() {
            reading.cancel();
        }
        stage.set(Stage::Pick);
    };
    on_cleanup(move || {
        if let Some(reading) = reading.get_value() {
            reading.cancel();
        }
    });
    let picked = move |event: leptos::ev::Event| {
        let input = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            start(bundles_in(input.files()));
            input.set_value("");
        }
    };
    let dropped = move |event: leptos::ev::DragEvent| {
        event.prevent_default();
        start(bundles_in(
            event.data_transfer().and_then(|transfer| transfer.files()),
        ));
    };
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumbs">
            <a href=Route::Home.href()>"Home"</a>
            " › "
            <a href=Route::Review.href()>"Review a findings bundle"</a>
        </nav>
        <section class="import portfolio" aria-labelledby="portfolio-title">
            <h1 id="portfolio-title">"Patterns across partners"</h1>
            <p class="lede">
                "Pick or drop findings bundles (reviewed or not, a few hundred at most) to see which rules fire for how many partners, by platform, what partners do not know, and which findings reviewers dismiss. The bundles are read in this browser and nothing is sent anywhere. For thousands, use "
                <code>"intake portfolio"</code> "."
            </p>
            <div
                class="drop-zone"
                data-testid="portfolio-drop"
                on:dragover=|event: leptos::ev::DragEvent| event.prevent_default()
                on:drop=dropped
            >
                <p class="import-inputs">
                    <label class="button" for="portfolio-files">
                        "Pick bundles…"
                    </label>
                    <input
                        type="file"
                        id="portfolio-files"
                        class="visually-hidden"
                        multiple=true
                        accept=".zip,application/zip"
                        data-testid="portfolio-files"
                        on:change=picked
                    />
                    " or drop them here."
                </p>
                <p>
                    <label class="checkbox">
                        <input
                            type="checkbox"
                            data-testid="portfolio-names"
                            prop:checked=move || with_names.get()
                            on:change=move |event| with_names.set(event_target_checked(&event))
                        />
                        "Include partner names and the reviewers’ reasons for dismissing findings"
                    </label>
                </p>
            </div>
            {move || match stage.get() {
                Stage::Pick => ().into_any(),
                Stage::Reading { done, total, what } => {
                    view! {
                        <div class="import-reading" data-testid="portfolio-reading">
                            <progress
                                max=total
                                value=done
                                aria-label="Bundles read"
                                data-testid="portfolio-progress"
                            ></progress>
                            <p role="status">
                                {if what.is_empty() {
                                    format!("Read {done} of {total} bundles.")
                                } else {
                                    format!("Reading {} of {total}: {what}", done + 1)
                                }}
                            </p>
                            <button type="button" class="button button-secondary" on:click=cancel>
                                "Cancel"
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Stage::Failed(reason) => {
                    view! {
                        <p role="alert" class="import-refused" data-testid="portfolio-failed">
                            {reason}
                        </p>
                    }
                        .into_any()
                }
                Stage::Read(report) => view! { <Shown report=*report /> }.into_any(),
            }}
        </section>
    }
}

/// How many partners, then the rules, the unknowns and the unreadable files, and the downloads.
#[component]
fn Shown(report: Report) -> impl IntoView {
    let Report {
        report,
        json,
        html,
        csv,
    } = report;
    let headline = format!(
        "{} {} read, {} {} counted (each by their newest bundle){}.",
        report.bundles_read,
        if report.bundles_read == 1 {
            "bundle"
        } else {
            "bundles"
        },
        report.partners,
        if report.partners == 1 {
            "partner"
        } else {
            "partners"
        },
        match report.unreadable.len() {
            0 => String::new(),
            1 => ", 1 file could not be read".to_owned(),
            n => format!(", {n} files could not be read"),
        }
    );
    let rules = report
        .rules
        .iter()
        .map(|rule| {
            view! {
                <tr>
                    <th scope="row">{rule.title.clone()}</th>
                    <td>{rule.category.title()}</td>
                    <td>{rule.partners_with_issue}</td>
                    <td>{rule.partners_to_verify}</td>
                    <td>{rule.dismissed}</td>
                </tr>
            }
        })
        .collect_view();
    let unknown = report
        .unknown
        .iter()
        .take(20)
        .map(|(question, partners)| {
            view! {
                <li>
                    {format!(
                        "{question}: {partners} {}",
                        if *partners == 1 { "partner" } else { "partners" },
                    )}
                </li>
            }
        })
        .collect_view();
    let unreadable = report
        .unreadable
        .iter()
        .map(|file| view! { <li>{format!("{}: {}", file.file, file.reason)}</li> })
        .collect_view();
    let any_unreadable = !report.unreadable.is_empty();
    let named = if report.with_names { ".with-names" } else { "" };
    let (html_name, csv_name, json_name) = (
        format!("portfolio{named}.html"),
        format!("portfolio{named}.csv"),
        format!("portfolio{named}.json"),
    );
    view! {
        <div class="portfolio-report" data-testid="portfolio-report">
            <p role="status" data-testid="portfolio-headline">
                {headline}
            </p>
            <p class="inline-form">
                <button
                    type="button"
                    class="button"
                    data-testid="portfolio-download-html"
                    on:click=move |_| download_bytes(&html_name, "text/html", html.as_bytes())
                >
                    "Download the report (HTML, with charts)"
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="portfolio-download-csv"
                    on:click=move |_| download_bytes(&csv_name, "text/csv", csv.as_bytes())
                >
                    "CSV"
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="portfolio-download-json"
                    on:click=move |_| download(&json_name, &json)
                >
                    "JSON"
                </button>
            </p>
            {any_unreadable
                .then(|| {
                    view! {
                        <section data-testid="portfolio-unreadable">
                            <h2>"Files that could not be read"</h2>
                            <ul>{unreadable}</ul>
                        </section>
                    }
                })}
            <h2>"Rules by how many partners they fire for"</h2>
            <div
                class="table-scroll"
                tabindex="0"
                role="region"
                aria-label="Rules by how many partners they fire for"
            >
                <table class="portfolio-rules" data-testid="portfolio-rules">
                    <thead>
                        <tr>
                            <th scope="col">"Rule"</th>
                            <th scope="col">"Area"</th>
                            <th scope="col">"Partners with an issue"</th>
                            <th scope="col">"Only to verify"</th>
                            <th scope="col">"Dismissed in review"</th>
                        </tr>
                    </thead>
                    <tbody>{rules}</tbody>
                </table>
            </div>
            <h2>"What partners do not know"</h2>
            <ul data-testid="portfolio-unknown">{unknown}</ul>
        </div>
    }
}
