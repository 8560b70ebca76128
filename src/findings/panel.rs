//! The live findings panel beside the wizard: the counts, the filter bar, and issues apart from
//! facts to verify, each list keyed so that only what changed redraws.

use intake_core::rules::FindingKind;
use intake_core::rules::owned::Finding;
use leptos::prelude::*;

use super::card::{Badge, FindingBody};
use super::controls::{KindChips, SeveritySelect};
use super::counts::Counts;
use super::filter::Filter;
use crate::platform::dom::in_parts;
use crate::workspace::OpenDraft;

/// Findings drawn at once, and in each task after that.
const FIRST_CARDS: usize = 12;
const MORE_CARDS: usize = 12;

/// The panel's filter, kept while the partner moves between steps.
#[derive(Clone, Copy)]
pub struct PanelFilter(pub RwSignal<Filter>);

/// The counts, the filter and the findings, issues first, updated as answers change.
#[component]
pub fn FindingsPanel() -> impl IntoView {
    let open = expect_context::<OpenDraft>();
    let filter = expect_context::<PanelFilter>().0;
    let questionnaire = open.questionnaire;
    let shown = move |kind: FindingKind| {
        Memo::new(move |_| {
            open.assessment.with(|assessment| {
                filter.with(|filter| {
                    assessment
                        .as_ref()
                        .map(|a| {
                            keyed(a.findings.iter().filter(|finding| {
                                finding.kind == kind && filter.matches(finding, questionnaire)
                            }))
                        })
                        .unwrap_or_default()
                })
            })
        })
    };
    let issues = shown(FindingKind::Issue);
    let verify = shown(FindingKind::NeedsVerification);
    // A hundred findings are drawn some at a time: the first screen at once, the rest in the
    // tasks after it.
    let rows = Memo::new(move |_| issues.with(Vec::len) + verify.with(Vec::len));
    let drawn = in_parts(FIRST_CARDS, MORE_CARDS, rows.into(), || false);
    let total = Memo::new(move |_| {
        open.assessment
            .with(|a| a.as_ref().map_or(0, |a| a.findings.len()))
    });
    // Between opening a draft and its first paint the findings are not computed yet: say so
    // rather than "no findings".
    let checking = Memo::new(move |_| {
        open.assessment.with(Option::is_none) && open.unassessed.with(Option::is_none)
    });
    view! {
        <aside
            class="findings-panel"
            id="findings"
            tabindex="-1"
            aria-labelledby="findings-title"
            data-testid="findings"
            aria-busy=move || drawn.busy()
        >
            <h2 id="findings-title">"Findings"</h2>
            <p class="findings-note">
                "Updated as you answer, from the same rules the tech lead runs."
            </p>
            <Counts />
            <Show when=move || total.get() != 0>
                <FilterBar />
            </Show>
            <Show when=move || checking.get()>
                <p class="findings-empty" data-testid="findings-checking">
                    "Checking your answers…"
                </p>
            </Show>
            {move || {
                open.unassessed
                    .get()
                    .map(|reason| {
                        view! {
                            <p class="findings-empty" role="alert" data-testid="findings-failed">
                                "The findings cannot be worked out in this browser ("
                                {reason}
                                "). Your answers are saved as you type; reload the page to try again."
                            </p>
                        }
                    })
            }}
            <Show when=move || {
                !checking.get() && open.unassessed.with(Option::is_none) && total.get() == 0
            }>
                <p class="findings-empty" data-testid="findings-empty">
                    "No findings yet. Issues and facts to verify appear here as you answer."
                </p>
            </Show>
            <Show when=move || {
                total.get() > 0 && issues.with(Vec::is_empty) && verify.with(Vec::is_empty)
            }>
                <p class="findings-empty">"No finding matches the filter."</p>
            </Show>
            <Show when=move || !issues.with(Vec::is_empty)>
                <h3 class="finding-group-title">"Issues (" {move || issues.with(Vec::len)} ")"</h3>
            </Show>
            <ol class="finding-list" data-testid="issue-list">
                <For
                    each=move || issues.get().into_iter().take(drawn.shown())
                    key=|(key, _)| key.clone()
                    children=move |(_, finding)| view! { <FindingItem finding /> }
                />
            </ol>
            <Show when=move || !verify.with(Vec::is_empty)>
                <h3 class="finding-group-title">
                    "To verify (" {move || verify.with(Vec::len)} ")"
                </h3>
                <p class="findings-note">
                    "You answered “I don't know”: your tech lead will check these. Each says how \
                     serious it could be."
                </p>
            </Show>
            <ol class="finding-list" data-testid="verify-list">
                <For
                    each=move || {
                        let room = drawn.shown().saturating_sub(issues.with(Vec::len));
                        verify.get().into_iter().take(room)
                    }
                    key=|(key, _)| key.clone()
                    children=move |(_, finding)| view! { <FindingItem finding /> }
                />
            </ol>
        </aside>
    }
}

/// Findings with a key each that stays the same while the finding does (evidence included), so
/// that the list only redraws what changed.
fn keyed<'a>(findings: impl Iterator<Item = &'a Finding>) -> Vec<(String, Finding)> {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    findings
        .map(|finding| {
            let mut base = format!(
                "{}|{}|{:?}|{}",
                finding.rule,
                finding.severity.name(),
                finding.kind,
                finding.message
            );
            for evidence in &finding.evidence {
                base.push('|');
                base.push_str(&evidence.path);
                base.push('=');
                base.push_str(&evidence.value);
            }
            let count = seen.entry(base.clone()).or_default();
            *count += 1;
            (format!("{base}|{count}"), finding.clone())
        })
        .collect()
}

/// The filter: which kind, which severity, which section. It stays while the partner moves
/// between steps.
#[component]
fn FilterBar() -> impl IntoView {
    let open = expect_context::<OpenDraft>();
    let filter = expect_context::<PanelFilter>().0;
    let sections = open.questionnaire.sections();
    view! {
        <fieldset class="finding-filter" data-testid="finding-filter">
            <legend class="visually-hidden">"Show findings"</legend>
            <div class="filter-kinds" role="group" aria-label="Kind">
                <KindChips
                    show=Signal::derive(move || filter.with(|f| f.show))
                    pick=Callback::new(move |show| filter.update(|f| f.show = show))
                />
                <Show when=move || !filter.with(Filter::is_everything)>
                    <button
                        type="button"
                        class="chip chip-clear"
                        on:click=move |_| filter.set(Filter::default())
                    >
                        "Clear filter"
                    </button>
                </Show>
            </div>
            <SeveritySelect
                testid="filter-severity"
                value=Signal::derive(move || filter.with(|f| f.severity))
                pick=Callback::new(move |severity| filter.update(|f| f.severity = severity))
            />
            <label class="filter-field">
                <span>"Section"</span>
                <select
                    data-testid="filter-section"
                    prop:value=move || filter.with(|f| f.section.clone().unwrap_or_default())
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        filter.update(|f| f.section = (!value.is_empty()).then_some(value));
                    }
                >
                    <option value="">"Any"</option>
                    {sections
                        .iter()
                        .map(|s| view! { <option value=s.id.clone()>{s.title.clone()}</option> })
                        .collect_view()}
                </select>
            </label>
        </fieldset>
    }
}

/// A finding in the panel: its headline and message, expandable to the evidence, playbook and
/// references.
#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let severity = finding.severity;
    let verify = finding.kind == FindingKind::NeedsVerification;
    let (rule, title) = (finding.rule.clone(), finding.title.clone());
    let message = finding.message.clone();
    view! {
        <li
            class="finding"
            data-testid="finding"
            data-rule=rule
            data-severity=severity.name()
            data-kind=if verify { "needs_verification" } else { "issue" }
        >
            <details>
                <summary>
                    <Badge severity verify />
                    <span class="finding-title">{title}</span>
                    " "
                    <span class="rule-id">{rule.clone()}</span>
                    <span class="finding-message" data-testid="finding-message">
                        {message}
                    </span>
                </summary>
                <FindingBody finding />
            </details>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use intake_core::answers::Answers;
    use intake_core::questionnaire::Questionnaire;
    use intake_core::rules::owned::Assessment;
    use intake_core::rules::{Config, assess};

    use super::*;

    fn finding() -> Finding {
        let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
        let answers = Answers::from_json(
            r#"{"schema_version": 1, "answers": {"platform.vbr_version": {"value": "11.0.1.1261"}}}"#,
            questionnaire,
        )
        .expect("the answers read");
        Assessment::from(&assess(questionnaire, &answers, &Config::default()))
            .findings
            .into_iter()
            .find(|finding| !finding.evidence.is_empty())
            .expect("a finding with evidence")
    }

    #[test]
    fn keys_stay_while_a_finding_does_and_tell_twins_apart() {
        let finding = finding();
        let twice = keyed([&finding, &finding].into_iter());
        assert_ne!(twice[0].0, twice[1].0);
        assert_eq!(keyed(std::iter::once(&finding))[0].0, twice[0].0);
        let mut changed = finding.clone();
        changed.evidence[0].value.push_str(" changed");
        assert_ne!(keyed(std::iter::once(&changed))[0].0, twice[0].0);
    }
}
