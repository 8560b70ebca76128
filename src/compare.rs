//! Assessments over time: two of a draft's milestones (or a milestone and the draft as it is), or
//! a bundle under review and the partner's earlier one, compared, with the findings fixed, new, re-rated and still open and the answers that caused
//! each, and a trend chart over every milestone. Drawn by the later module, which has the
//! comparison; the chart is SVG drawn here, with nothing loaded from anywhere.

use std::rc::Rc;
use std::sync::Arc;

use intake_core::answers::Answers;
use intake_core::bundle;
use intake_core::bundle::compare::{self, AnswerChange, Compared, Comparison, Rated, TrendPoint};
use intake_core::draft::Draft;
use intake_core::questionnaire::Questionnaire;
use intake_core::rules::{FindingKind, Severity};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::drafts::file_stem;
use crate::merge::read_other;
use crate::platform::files::{self, download, picked_file};
use crate::platform::locale::local_date;
use crate::summary::SeverityLegend;

/// One assessment of the series: a milestone or the draft now.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub name: String,
    pub answers: Arc<Answers>,
}

/// The points of a draft: its milestones, oldest first, then the draft as it is.
fn points(draft: &Draft) -> Vec<Point> {
    draft
        .milestones
        .iter()
        .map(|milestone| Point {
            name: milestone.name.clone(),
            answers: milestone.answers.clone(),
        })
        .chain([Point {
            name: "Now".to_owned(),
            answers: Arc::new(draft.answers.clone()),
        }])
        .collect()
}

/// The comparison of `before` and `after` (indexes into `points`) and the trend over all points.
#[component]
pub fn ComparisonView(
    questionnaire: &'static Questionnaire,
    points: Vec<Point>,
    before: usize,
    after: usize,
) -> impl IntoView {
    let series: Vec<(&str, &Answers)> = points
        .iter()
        .map(|point| (point.name.as_str(), &*point.answers))
        .collect();
    let trend = compare::trend(questionnaire, &series);
    let (Some(old), Some(new)) = (points.get(before), points.get(after)) else {
        return view! { <p role="alert">"Choose two assessments to compare."</p> }.into_any();
    };
    let comparison = compare::compare(
        questionnaire,
        (&old.name, &old.answers),
        (&new.name, &new.answers),
    );
    let stem = format!(
        "{}.{}",
        file_stem(&old.name),
        file_stem(&format!("to {}", new.name))
    );
    let html = comparison.html();
    let markdown = comparison.markdown();
    let (html_name, markdown_name) = (format!("{stem}.html"), format!("{stem}.md"));
    view! {
        <div class="comparison" data-testid="comparison">
            <h3>"Trend over every milestone"</h3>
            <TrendChart trend />
            <h3>
                {format!("“{}” compared with “{}”", comparison.before, comparison.after)}
            </h3>
            <p role="status" data-testid="comparison-summary">
                {comparison.summary()}
            </p>
            <Counted comparison=comparison.clone() />
            <Findings title="Fixed" testid="compare-fixed" list=comparison.fixed.clone() />
            <Findings title="New" testid="compare-new" list=comparison.new.clone() />
            <Findings title="Re-rated" testid="compare-rerated" list=comparison.rerated.clone() />
            <details class="summary-details">
                <summary>{format!("Still open ({})", comparison.still_open.len())}</summary>
                <Findings
                    title="Still open"
                    testid="compare-still-open"
                    list=comparison.still_open.clone()
                />
            </details>
            <details class="summary-details" data-testid="compare-answers">
                <summary>
                    {format!("Answers that changed ({})", comparison.answers_changed.len())}
                </summary>
                <Changes changes=comparison.answers_changed.clone() />
            </details>
            <p class="inline-form no-print">
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="compare-download-html"
                    on:click=move |_| download(&html_name, &html)
                >
                    "Download the comparison (HTML)"
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    data-testid="compare-download-md"
                    on:click=move |_| download(&markdown_name, &markdown)
                >
                    "Download it as Markdown"
                </button>
            </p>
        </div>
    }
    .into_any()
}

/// Issues by severity and findings to verify, before and after.
#[component]
fn Counted(comparison: Comparison) -> impl IntoView {
    let rows = Severity::ALL
        .into_iter()
        .map(|severity| {
            let count = |counts: &compare::Counts| {
                counts
                    .by_severity
                    .iter()
                    .find(|(s, _)| *s == severity)
                    .map_or(0, |(_, n)| *n)
            };
            view! {
                <tr>
                    <th scope="row">{format!("{} issues", capitalised(severity.name()))}</th>
                    <td>{count(&comparison.counts_before)}</td>
                    <td>{count(&comparison.counts_after)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="compare-counts" data-testid="compare-counts">
            <caption>"Findings before and after"</caption>
            <thead>
                <tr>
                    <th scope="col">"Findings"</th>
                    <th scope="col">{comparison.before.clone()}</th>
                    <th scope="col">{comparison.after.clone()}</th>
                </tr>
            </thead>
            <tbody>
                {rows} <tr>
                    <th scope="row">"Issues in all"</th>
                    <td>{comparison.counts_before.issues}</td>
                    <td>{comparison.counts_after.issues}</td>
                </tr> <tr>
                    <th scope="row">"To verify"</th>
                    <td>{comparison.counts_before.to_verify}</td>
                    <td>{comparison.counts_after.to_verify}</td>
                </tr>
            </tbody>
        </table>
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A finding's rating in words: "high issue", "to verify".
fn rated(rated: &Rated) -> String {
    match rated.kind {
        FindingKind::Issue => format!("{} issue", rated.severity.name()),
        FindingKind::NeedsVerification => "to verify".to_owned(),
    }
}

/// One list of compared findings, each with the answers that caused it.
#[component]
fn Findings(title: &'static str, testid: &'static str, list: Vec<Compared>) -> impl IntoView {
    let count = list.len();
    let items = list
        .into_iter()
        .map(|finding| {
            let rating = match (&finding.before, &finding.after) {
                (Some(before), Some(after)) if before != after => {
                    format!("{} → {}", rated(before), rated(after))
                }
                (_, Some(rating)) | (Some(rating), None) => rated(rating),
                (None, None) => String::new(),
            };
            let message = finding.message_after.unwrap_or(finding.message);
            let causes = (!finding.caused_by.is_empty()).then(|| {
                view! {
                    <p class="hint">"Because these answers changed:"</p>
                    <Changes changes=finding.caused_by />
                }
            });
            view! {
                <li class="compared">
                    <p>
                        <strong>{finding.title}</strong>
                        " "
                        <span class="tag">{rating}</span>
                    </p>
                    <p>{message}</p>
                    {causes}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="compare-list" data-testid=testid>
            <h4>{format!("{title} ({count})")}</h4>
            {(count > 0).then(|| view! { <ul>{items}</ul> })}
        </section>
    }
}

/// Answers before and after.
#[component]
fn Changes(changes: Vec<AnswerChange>) -> impl IntoView {
    let rows = changes
        .into_iter()
        .map(|change| {
            view! {
                <li>
                    <span class="import-question">{change.question}</span>
                    ": "
                    {change.before}
                    " → "
                    {change.after}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="answer-changes">{rows}</ul> }
}

const COLUMN: usize = 100;
const GAP: usize = 24;
/// The longest name written under a column; a longer one is cut with "…" (the column's title
/// and the chart's description say it whole).
const NAME: usize = 15;
const PLOT: usize = 140;
const TOP: usize = 22;
const BOTTOM: usize = 44;

/// Issues by severity at each point as a stacked column, the total above it and the findings to
/// verify under its name, so nothing depends on colour.
#[component]
pub fn TrendChart(trend: Vec<TrendPoint>) -> impl IntoView {
    let highest = trend
        .iter()
        .map(|point| point.counts.issues)
        .max()
        .unwrap_or(1)
        .max(1);
    let width = trend.len().max(1) * (COLUMN + GAP) + GAP;
    let height = TOP + PLOT + BOTTOM;
    let scale = PLOT as f64 / highest as f64;
    let description = trend
        .iter()
        .map(|point| {
            format!(
                "{}: {} issues, {} to verify",
                point.name, point.counts.issues, point.counts.to_verify
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let columns = trend
        .iter()
        .enumerate()
        .map(|(index, point)| {
            let x = GAP + index * (COLUMN + GAP);
            let mut y = (TOP + PLOT) as f64;
            let parts = point
                .counts
                .by_severity
                .iter()
                .rev()
                .filter(|(_, count)| *count > 0)
                .map(|(severity, count)| {
                    let tall = *count as f64 * scale;
                    y -= tall;
                    view! {
                        <rect
                            class=format!("bar bar-{}", severity.name())
                            x=x
                            y=format!("{y:.1}")
                            width=COLUMN
                            height=format!("{tall:.1}")
                        >
                            <title>{format!("{count} {}", severity.name())}</title>
                        </rect>
                    }
                })
                .collect_view();
            let label: String = if point.name.chars().count() > NAME {
                point.name.chars().take(NAME - 1).chain(['…']).collect()
            } else {
                point.name.clone()
            };
            view! {
                <g class="trend-point" data-testid="trend-point">
                    <title>{point.name.clone()}</title>
                    {parts}
                    <text
                        class="bar-total"
                        x=x + COLUMN / 2
                        y=format!("{:.1}", y - 6.0)
                        text-anchor="middle"
                    >
                        {point.counts.issues}
                    </text>
                    <text class="bar-label" x=x + COLUMN / 2 y=TOP + PLOT + 16 text-anchor="middle">
                        {label}
                    </text>
                    <text class="bar-label" x=x + COLUMN / 2 y=TOP + PLOT + 34 text-anchor="middle">
                        {format!("{} to verify", point.counts.to_verify)}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="trend-chart"
            data-testid="trend-chart"
            role="img"
            width=width
            height=height
            viewBox=format!("0 0 {width} {height}")
            aria-label=format!("Issues at each milestone: {description}")
        >
            <line class="trend-axis" x1=0 x2=width y1=TOP + PLOT y2=TOP + PLOT></line>
            {columns}
        </svg>
        <SeverityLegend />
    }
}

/// An earlier assessment picked as a file: a findings bundle, a draft or an answers file.
pub fn read_earlier(
    questionnaire: &Questionnaire,
    name: &str,
    bytes: &[u8],
) -> Result<Point, String> {
    let answers = if bytes.starts_with(b"PK") {
        bundle::read(bytes, questionnaire)
            .map(|read| read.answers)
            .map_err(|error| error.to_string())?
    } else {
        let text = std::str::from_utf8(bytes)
            .map_err(|_| "not a findings bundle, a draft or an answers file".to_owned())?;
        read_other(questionnaire, name, text)?.0
    };
    Ok(Point {
        name: name.to_owned(),
        answers: Arc::new(answers),
    })
}

/// "Compare with an earlier assessment": the tech lead picks the partner's earlier bundle (or
/// draft, or answers file) and sees what moved between it and `this`.
#[component]
pub fn CompareWith(questionnaire: &'static Questionnaire, this: Point) -> impl IntoView {
    let earlier = RwSignal::new(None::<Result<Point, String>>);
    let picked = move |event: leptos::ev::Event| {
        let Some(file) = picked_file(&event) else {
            return;
        };
        let picked = match files::within(file, bundle::MAX_BUNDLE_BYTES as u64) {
            Ok(picked) => picked,
            Err(large) => {
                earlier.set(Some(Err(format!(
                    "{}: the file is {} MB, larger than a findings bundle may be",
                    large.name, large.megabytes
                ))));
                return;
            }
        };
        spawn_local(async move {
            let name = picked.name.clone();
            let read = picked
                .bytes()
                .await
                .and_then(|bytes| read_earlier(questionnaire, &name, &bytes))
                .map_err(|reason| format!("{name} cannot be compared: {reason}."));
            earlier.set(Some(read));
        });
    };
    view! {
        <section class="compare-with" aria-labelledby="compare-with-title">
            <h2 id="compare-with-title">"Compare with an earlier assessment"</h2>
            <p class="hint">
                "Pick this partner’s earlier findings bundle (or a draft or answers file) to see what was fixed, what is new and which answers changed. Both are assessed by the rules of this version."
            </p>
            <p class="import-inputs">
                <label class="button button-secondary" for="compare-file">
                    "Pick the earlier file…"
                </label>
                <input
                    type="file"
                    id="compare-file"
                    class="visually-hidden"
                    accept=".zip,.json,application/zip,application/json"
                    data-testid="compare-file"
                    on:change=picked
                />
            </p>
            {move || {
                earlier
                    .get()
                    .map(|earlier| match earlier {
                        Ok(earlier) => {
                            let points = vec![earlier, this.clone()];
                            view! { <ComparisonView questionnaire points before=0 after=1 /> }
                                .into_any()
                        }
                        Err(reason) => {
                            view! {
                                <p role="alert" class="import-refused" data-testid="compare-error">
                                    {reason}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
    }
}

/// A milestone as listed: its name, when, and who answered then.
fn listed(name: &str, at: &str, who: &str) -> String {
    let mut text = name.to_owned();
    if let Some(date) = local_date(at.get(..10).unwrap_or_default()) {
        text.push_str(&format!(", {date}"));
    }
    if !who.trim().is_empty() {
        text.push_str(&format!(", answered by {}", who.trim()));
    }
    text
}

/// Keeps the answers as they are now under a name, in the app's draft: the draft after, or why
/// not.
pub type Save = Rc<dyn Fn(&str) -> Result<Draft, String>>;

/// A draft's milestones: saving one (`save`), the list, and a comparison of two, or of one and
/// the draft as it is, with the trend over all of them.
#[component]
pub fn Milestones(
    questionnaire: &'static Questionnaire,
    draft: Draft,
    save: Save,
) -> impl IntoView {
    let save = StoredValue::new_local(save);
    let current = StoredValue::new_local(draft);
    let name = RwSignal::new(String::new());
    let said = RwSignal::new(None::<Result<String, String>>);
    // The comparison shown: before and after, as indexes into the milestones then "now".
    let shown = RwSignal::new(None::<(usize, usize)>);
    let listing = move |draft: &Draft| {
        draft
            .milestones
            .iter()
            .map(|m| (m.name.clone(), m.at.clone(), m.answered_by.clone()))
            .collect::<Vec<_>>()
    };
    let milestones = RwSignal::new(current.with_value(listing));
    let before = RwSignal::new(0usize);
    let after = RwSignal::new(usize::MAX);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = name.get_untracked();
        let outcome = save.with_value(|save| save(&typed));
        said.set(Some(outcome.map(|draft| {
            milestones.set(listing(&draft));
            current.set_value(draft);
            name.set(String::new());
            format!("Saved the answers as they are now as “{}”.", typed.trim())
        })));
    };
    let labels = move || {
        let mut points: Vec<String> = milestones.with(|m| m.iter().map(|m| m.0.clone()).collect());
        points.push("Now (the draft as it is)".to_owned());
        points
    };
    let select = move |signal: RwSignal<usize>, testid: &'static str, label: &'static str| {
        view! {
            <label>
                {label}
                <select
                    data-testid=testid
                    on:change=move |event| {
                        if let Ok(index) = event_target_value(&event).parse::<usize>() {
                            signal.set(index);
                        }
                    }
                >
                    {move || {
                        let points = labels();
                        let last = points.len() - 1;
                        let current = signal.get().min(last);
                        points
                            .into_iter()
                            .enumerate()
                            .map(|(index, point)| {
                                view! {
                                    <option value=index.to_string() selected=index == current>
                                        {point}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        }
    };
    let compare = move |_| {
        let last = milestones.with(Vec::len);
        shown.set(Some((
            before.get_untracked().min(last),
            after.get_untracked().min(last),
        )));
    };
    view! {
        <section
            class="milestones no-print"
            data-testid="milestones"
            aria-labelledby="milestones-title"
        >
            <h2 id="milestones-title">"Milestones"</h2>
            <p class="hint">
                "Keep the answers as they are now under a name (“before engagement”, “after remediation”), then compare any two, or one with the draft as it is. Milestones are saved with the draft and go with it when you export it."
            </p>
            <form class="inline-form" on:submit=save>
                <label for="milestone-name">"Name"</label>
                <input
                    type="text"
                    id="milestone-name"
                    data-testid="milestone-name"
                    prop:value=move || name.get()
                    on:input=move |event| name.set(event_target_value(&event))
                />
                <button type="submit" class="button button-secondary" data-testid="milestone-save">
                    "Save a milestone"
                </button>
            </form>
            {move || {
                said.get()
                    .map(|said| match said {
                        Ok(text) => view! { <p role="status">{text}</p> }.into_any(),
                        Err(reason) => {
                            view! {
                                <p role="alert" data-testid="milestone-error">
                                    {reason}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
            <ol class="milestone-list" data-testid="milestone-list">
                {move || {
                    milestones
                        .get()
                        .into_iter()
                        .map(|(name, at, who)| view! { <li>{listed(&name, &at, &who)}</li> })
                        .collect_view()
                }}
            </ol>
            {move || {
                (milestones.with(Vec::len) > 0)
                    .then(|| {
                        view! {
                            <div class="inline-form compare-choice">
                                {select(before, "compare-before", "Compare ")}
                                {select(after, "compare-after", " with ")}
                                <button
                                    type="button"
                                    class="button"
                                    data-testid="compare-run"
                                    on:click=compare
                                >
                                    "Compare"
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                shown
                    .get()
                    .map(|(before, after)| {
                        let points = current.with_value(points);
                        view! { <ComparisonView questionnaire points before after /> }
                    })
            }}
        </section>
    }
}
