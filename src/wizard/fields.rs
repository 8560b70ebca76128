//! One question: its label, "why we ask", an input that fits its kind, "don't know" and "does not
//! apply" with a reason, a note, and its problems.
//!
//! The value's input itself, and reading it back from the page, are in `inputs.rs`.

use intake_core::answers::State;
use intake_core::display::{DOES_NOT_APPLY, DONT_KNOW};
use intake_core::questionnaire::{Kind, Question};
use intake_core::validate::Severity;
use leptos::html;
use leptos::prelude::*;

use super::inputs::{MOST_RADIOS, Read, input_value, read_field, value_input};
use crate::platform::locale::local_date;
use crate::workspace::Workspace;

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Value,
    DontKnow,
    NotApplicable,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Value => "value",
            Mode::DontKnow => "dont_know",
            Mode::NotApplicable => "not_applicable",
        }
    }
}

/// One question of the wizard, at `path` (its id, or `group[index].local` in group items: the
/// index changes when the item moves).
#[component]
pub fn QuestionField(question: &'static Question, path: Signal<String>) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let (answer, pending) = workspace.draft.with_untracked(|draft| {
        let path = path.get_untracked();
        draft.as_ref().map_or((None, None), |draft| {
            (
                draft.answer(&path).cloned(),
                draft.pending.get(&path).cloned(),
            )
        })
    });
    let note = answer
        .as_ref()
        .and_then(|answer| answer.note.clone())
        .or_else(|| pending.as_ref().and_then(|pending| pending.note.clone()))
        .unwrap_or_default();
    let (mode, reason) = match answer.as_ref().map(|answer| &answer.state) {
        Some(State::DontKnow) => (Mode::DontKnow, String::new()),
        Some(State::NotApplicable(reason)) => (Mode::NotApplicable, reason.clone()),
        _ => (Mode::Value, String::new()),
    };
    let value = answer
        .as_ref()
        .and_then(|answer| answer.as_value().cloned());
    let typed = pending.map(|pending| pending.typed).unwrap_or_default();
    // Where an imported answer came from; the partner's own answer once they change it.
    let imported = RwSignal::new(
        answer
            .as_ref()
            .and_then(|answer| intake_core::display::provenance(&answer.provenance)),
    );
    let mode = RwSignal::new(mode);
    let has_note = !note.is_empty();

    let root = NodeRef::<html::Div>::new();
    let commit = {
        UnsyncCallback::new(move |()| {
            let Some(root) = root.get_untracked() else {
                return;
            };
            let path = path.get_untracked();
            if imported.with_untracked(Option::is_some) {
                imported.set(None);
            }
            match mode.get_untracked() {
                Mode::DontKnow => {
                    workspace.edit(|draft| draft.set_state(&path, Some(State::DontKnow)));
                }
                Mode::NotApplicable => {
                    let reason = input_value(&root, "[data-role=reason]");
                    workspace.edit(|draft| {
                        draft.set_state(&path, Some(State::NotApplicable(reason)));
                    });
                }
                Mode::Value => match read_field(&root, &question.kind) {
                    Read::Typed(text) => {
                        workspace.edit(|draft| draft.type_input(&path, &question.kind, &text));
                    }
                    Read::Value(value) => workspace.edit(|draft| draft.set_value(&path, value)),
                    Read::Keep => {}
                },
            }
        })
    };
    // Typing a value while "don't know" or "does not apply" is chosen means the partner now knows.
    let on_value = move |_| {
        if mode.get_untracked() != Mode::Value {
            mode.set(Mode::Value);
        }
        commit.run(());
    };

    let id = Signal::derive(move || format!("in-{}", path.get()));
    let help_id = move || format!("help-{}", path.get());
    let problems_id = Signal::derive(move || format!("problems-{}", path.get()));
    let provenance_id = move || format!("provenance-{}", path.get());
    let described =
        Signal::derive(move || format!("{} {} {}", help_id(), provenance_id(), problems_id.get()));
    let problems = problems_at(workspace, path);
    let invalid = move || {
        problems.with(|problems| {
            problems
                .iter()
                .any(|(severity, _)| *severity == Severity::Error)
        })
    };
    let hidden = move || path.with(|path| workspace.hidden.with(|hidden| hidden.contains(path)));

    let grouped = matches!(
        question.kind,
        Kind::Boolean | Kind::SingleChoice(_) | Kind::MultiChoice(_) | Kind::TimeWindow
    ) && !(matches!(&question.kind, Kind::SingleChoice(c) if c.len() > MOST_RADIOS));
    let label = view! {
        <span class="q-label-text">{question.label.clone()}</span>
        {question.required.then(|| view! { <span class="required">" (required)"</span> })}
    };
    let heading = if grouped {
        view! {
            <legend class="q-label" id=move || format!("label-{}", path.get())>
                {label}
            </legend>
        }
        .into_any()
    } else {
        view! {
            <label class="q-label" for=id>
                {label}
            </label>
        }
        .into_any()
    };
    let input = value_input(
        question,
        id,
        path,
        described,
        value.as_ref(),
        &typed,
        on_value,
    );
    let body = view! {
        {heading}
        <p class="help" id=help_id>
            {question.help.clone()}
            {example(question)
                .map(|example| view! { <span class="example">" Example: " {example}</span> })}
        </p>
        <div class="q-input" class:q-input-muted=move || mode.get() != Mode::Value>
            {input}
        </div>
        {move || {
            imported
                .get()
                .map(|text| {
                    view! {
                        <p class="provenance" data-testid="provenance">
                            {text}
                        </p>
                    }
                })
        }}
    };
    let body = if grouped {
        view! {
            <fieldset class="q-fieldset" aria-describedby=described>
                {body}
            </fieldset>
        }
        .into_any()
    } else {
        body.into_any()
    };

    view! {
        <div
            class="question"
            id=move || format!("q-{}", path.get())
            data-path=path
            data-kind=question.kind.name()
            node_ref=root
            hidden=hidden
            class:has-error=invalid
        >
            {body}
            <ModeChoice question path mode reason commit />
            <details class="note" open=has_note>
                <summary>"Note"</summary>
                <label class="visually-hidden" for=move || format!("note-{}", path.get())>
                    "Note on: "
                    {question.label.clone()}
                </label>
                <textarea
                    id=move || format!("note-{}", path.get())
                    data-role="note"
                    rows="2"
                    prop:value=note
                    on:input=move |event| {
                        let text = event_target_value(&event);
                        let path = path.get_untracked();
                        workspace.edit(|draft| draft.set_note(&path, &text));
                    }
                ></textarea>
            </details>
            <ProblemList problems id=problems_id />
        </div>
    }
}

/// The question's example as its input shows answers: a date input shows dates in the browser's
/// own form, not in the ISO form of the definition (kept for the command line and exports).
fn example(question: &Question) -> Option<String> {
    let example = question.example.as_deref()?;
    Some(match question.kind {
        Kind::Date => local_date(example).unwrap_or_else(|| example.to_owned()),
        _ => example.to_owned(),
    })
}

/// The problems at one path (a question, a group or a group item), as last checked.
pub fn problems_at(workspace: Workspace, path: Signal<String>) -> Memo<Vec<(Severity, String)>> {
    Memo::new(move |_| {
        path.with(|path| {
            workspace.problems.with(|problems| {
                problems
                    .iter()
                    .filter(|problem| problem.path == *path)
                    .map(|problem| (problem.severity, problem.message.clone()))
                    .collect()
            })
        })
    })
}

/// Problems in words ("Error:", "Check:"), not only in colour; announced as they change.
#[component]
pub fn ProblemList(
    problems: Memo<Vec<(Severity, String)>>,
    #[prop(optional, into)] id: Option<Signal<String>>,
) -> impl IntoView {
    view! {
        <ul class="problems" id=id aria-live="polite">
            {move || {
                problems
                    .get()
                    .into_iter()
                    .map(|(severity, message)| {
                        let (class, word) = match severity {
                            Severity::Error => ("problem problem-error", "Error: "),
                            Severity::Warning => ("problem problem-warning", "Check: "),
                        };
                        view! {
                            <li class=class>
                                <strong>{word}</strong>
                                {message}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// "Answer", "I don't know" and "Does not apply" (with the reason), for questions that allow
/// them. The labels are the core's ([`DONT_KNOW`], [`DOES_NOT_APPLY`]): the questionnaire's linter
/// holds help texts to the same words.
#[component]
fn ModeChoice(
    question: &'static Question,
    path: Signal<String>,
    mode: RwSignal<Mode>,
    reason: String,
    commit: UnsyncCallback<()>,
) -> impl IntoView {
    if !question.allow_dont_know && !question.allow_not_applicable {
        return ().into_any();
    }
    let name = move || format!("mode-{}", path.get());
    let option = |choice: Mode, text: &'static str| {
        view! {
            <label class="mode-option">
                <input
                    type="radio"
                    name=name
                    value=choice.name()
                    data-role="mode"
                    prop:checked=move || mode.get() == choice
                    on:change=move |_| {
                        mode.set(choice);
                        commit.run(());
                    }
                />
                {text}
            </label>
        }
    };
    let reason_id = move || format!("reason-{}", path.get());
    view! {
        <fieldset class="mode">
            <legend class="visually-hidden">"How you answer: " {question.label.clone()}</legend>
            {option(Mode::Value, "Answer")}
            {question.allow_dont_know.then(|| option(Mode::DontKnow, DONT_KNOW))}
            {question.allow_not_applicable.then(|| option(Mode::NotApplicable, DOES_NOT_APPLY))}
        </fieldset>
        {question
            .allow_not_applicable
            .then(|| {
                view! {
                    <div class="reason" hidden=move || mode.get() != Mode::NotApplicable>
                        <label for=reason_id>"Why it does not apply"</label>
                        <input
                            id=reason_id
                            type="text"
                            data-role="reason"
                            prop:value=reason
                            on:input=move |_| commit.run(())
                        />
                    </div>
                }
            })}
    }
    .into_any()
}
