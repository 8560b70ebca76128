//! One question: its label, "why we ask", an input that fits its kind, "don't know" and "does not
//! apply" with a reason, a note, and its problems.
//!
//! Inputs are uncontrolled: they start from the draft and every change reads the field back from
//! the page ([`read_field`]) into the draft. Numbers use text inputs, not `type=number`, whose
//! value is empty while the text is not a number: what was typed would be lost.

use intake_core::answers::{State, Value, Window};
use intake_core::draft::input_text;
use intake_core::questionnaire::{Kind, Question};
use intake_core::validate::Severity;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::workspace::Workspace;

/// Days of the week as time windows store them, with their names.
const DAYS: [(&str, &str); 7] = [
    ("mon", "Monday"),
    ("tue", "Tuesday"),
    ("wed", "Wednesday"),
    ("thu", "Thursday"),
    ("fri", "Friday"),
    ("sat", "Saturday"),
    ("sun", "Sunday"),
];

/// Choice questions with more options than this get a drop-down list instead of radio buttons.
const MOST_RADIOS: usize = 6;

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
    let mode = RwSignal::new(mode);
    let has_note = !note.is_empty();

    let root = NodeRef::<html::Div>::new();
    let commit = {
        UnsyncCallback::new(move |()| {
            let Some(root) = root.get_untracked() else {
                return;
            };
            let path = path.get_untracked();
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
    let described = Signal::derive(move || format!("{} {}", help_id(), problems_id.get()));
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
        view! { <legend class="q-label" id=move || format!("label-{}", path.get())>{label}</legend> }
            .into_any()
    } else {
        view! { <label class="q-label" for=id>{label}</label> }.into_any()
    };
    let input = value_input(question, id, described, value.as_ref(), &typed, on_value);
    let body = view! {
        {heading}
        <p class="help" id=help_id>
            {question.help.clone()}
            {question.example.clone().map(|example| view! { <span class="example">" Example: " {example}</span> })}
        </p>
        <div class="q-input" class:q-input-muted=move || mode.get() != Mode::Value>{input}</div>
    };
    let body = if grouped {
        view! { <fieldset class="q-fieldset" aria-describedby=described>{body}</fieldset> }
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
            <ModeChoice question path mode reason commit/>
            <details class="note" open=has_note>
                <summary>"Note"</summary>
                <label class="visually-hidden" for=move || format!("note-{}", path.get())>
                    "Note on: " {question.label.clone()}
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
            <ProblemList problems id=problems_id/>
        </div>
    }
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
                        view! { <li class=class><strong>{word}</strong>{message}</li> }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// "Answer it", "I don't know" and "Does not apply" (with the reason), for questions that allow
/// them.
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
            {question.allow_dont_know.then(|| option(Mode::DontKnow, "I don't know"))}
            {question.allow_not_applicable.then(|| option(Mode::NotApplicable, "Does not apply"))}
        </fieldset>
        {question.allow_not_applicable.then(|| view! {
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
        })}
    }
    .into_any()
}

/// The input for a question's value.
fn value_input(
    question: &'static Question,
    id: Signal<String>,
    described: Signal<String>,
    value: Option<&Value>,
    typed: &str,
    on_value: impl Fn(web_sys::Event) + Clone + 'static,
) -> AnyView {
    let text = if typed.is_empty() {
        value.map(input_text).unwrap_or_default()
    } else {
        typed.to_owned()
    };
    match &question.kind {
        Kind::LongText => view! {
            <textarea id=id data-role="value" rows="4" aria-describedby=described prop:value=text
                on:input=on_value></textarea>
        }
        .into_any(),
        Kind::Boolean => {
            let chosen = match value {
                Some(Value::Bool(b)) => Some(*b),
                _ => None,
            };
            let name = move || format!("value-{}", id.get());
            view! {
                <div class="options options-inline">
                    {[(true, "Yes"), (false, "No")]
                        .into_iter()
                        .map(|(option, label)| {
                            let option_id = move || {
                                if option { id.get() } else { format!("{}-no", id.get()) }
                            };
                            view! {
                                <label class="option">
                                    <input type="radio" id=option_id name=name data-role="value"
                                        value=option.to_string() prop:checked=chosen == Some(option)
                                        on:change=on_value.clone()/>
                                    {label}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            }
            .into_any()
        }
        Kind::SingleChoice(choices) if choices.len() > MOST_RADIOS => {
            let chosen = match value {
                Some(Value::Text(choice)) => choice.clone(),
                _ => String::new(),
            };
            view! {
                <select id=id data-role="value" aria-describedby=described on:change=on_value>
                    <option value="" selected=chosen.is_empty()>"Choose…"</option>
                    {choices
                        .iter()
                        .map(|choice| view! {
                            <option value=choice.id.clone() selected=chosen == choice.id>{choice.label.clone()}</option>
                        })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        Kind::SingleChoice(choices) | Kind::MultiChoice(choices) => {
            let multiple = matches!(question.kind, Kind::MultiChoice(_));
            let chosen: Vec<&str> = match value {
                Some(Value::Text(choice)) => vec![choice.as_str()],
                Some(Value::Choices(chosen)) => chosen.iter().map(String::as_str).collect(),
                _ => Vec::new(),
            };
            let name = move || format!("value-{}", id.get());
            view! {
                <div class="options">
                    {choices
                        .iter()
                        .enumerate()
                        .map(|(index, choice)| {
                            let option_id = move || {
                                if index == 0 { id.get() } else { format!("{}-{}", id.get(), choice.id) }
                            };
                            view! {
                                <label class="option">
                                    <input type=if multiple { "checkbox" } else { "radio" } id=option_id
                                        name=name data-role="value" value=choice.id.clone()
                                        prop:checked=chosen.contains(&choice.id.as_str())
                                        on:change=on_value.clone()/>
                                    {choice.label.clone()}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            }
            .into_any()
        }
        Kind::TimeWindow => {
            let window = match value {
                Some(Value::Window(window)) => window.clone(),
                _ => Window::default(),
            };
            view! {
                <div class="window">
                    <label class="window-time">"From "
                        <input type="time" id=id data-role="start" prop:value=window.start
                            on:input=on_value.clone()/>
                    </label>
                    <label class="window-time">"to "
                        <input type="time" id=move || format!("{}-end", id.get()) data-role="end" prop:value=window.end
                            on:input=on_value.clone()/>
                    </label>
                    <fieldset class="days">
                        <legend>"Starting on"</legend>
                        {DAYS
                            .iter()
                            .map(|(day, name)| view! {
                                <label class="day">
                                    <input type="checkbox" data-role="day" value=*day
                                        prop:checked=window.days.iter().any(|d| d == day)
                                        on:change=on_value.clone()/>
                                    <abbr title=*name>{&name[..3]}</abbr>
                                </label>
                            })
                            .collect_view()}
                    </fieldset>
                </div>
            }
            .into_any()
        }
        kind => {
            let (input_type, mode) = match kind {
                Kind::Date => ("date", None),
                Kind::Integer { .. } | Kind::Port => ("text", Some("numeric")),
                Kind::Decimal { .. } => ("text", Some("decimal")),
                Kind::Email => ("email", Some("email")),
                Kind::Url => ("url", Some("url")),
                _ => ("text", None),
            };
            let technical = !matches!(kind, Kind::ShortText);
            view! {
                <span class="with-unit">
                    <input
                        type=input_type
                        id=id
                        data-role="value"
                        inputmode=mode
                        autocomplete="off"
                        spellcheck=(!technical).to_string()
                        aria-describedby=described
                        prop:value=text
                        on:input=on_value
                    />
                    {kind.unit().map(|unit| view! { <span class="unit">{unit.to_owned()}</span> })}
                </span>
            }
            .into_any()
        }
    }
}

/// What a field holds now.
enum Read {
    /// Text to parse for the question's kind.
    Typed(String),
    /// A value read from choices, yes/no or window inputs (`None`: nothing chosen).
    Value(Option<Value>),
}

/// Reads a field's value inputs back from the page.
fn read_field(root: &web_sys::HtmlDivElement, kind: &Kind) -> Read {
    match kind {
        Kind::Boolean => Read::Value(
            checked_values(root, "[data-role=value]")
                .first()
                .map(|value| Value::Bool(value == "true")),
        ),
        Kind::MultiChoice(_) => {
            let chosen = checked_values(root, "[data-role=value]");
            Read::Value((!chosen.is_empty()).then_some(Value::Choices(chosen)))
        }
        Kind::SingleChoice(choices) if choices.len() <= MOST_RADIOS => Read::Value(
            checked_values(root, "[data-role=value]")
                .into_iter()
                .next()
                .map(Value::Text),
        ),
        Kind::SingleChoice(_) => {
            let chosen = input_value(root, "[data-role=value]");
            Read::Value((!chosen.is_empty()).then_some(Value::Text(chosen)))
        }
        Kind::TimeWindow => {
            let window = Window {
                start: input_value(root, "[data-role=start]"),
                end: input_value(root, "[data-role=end]"),
                days: checked_values(root, "[data-role=day]"),
            };
            let empty = window.start.is_empty() && window.end.is_empty() && window.days.is_empty();
            Read::Value((!empty).then_some(Value::Window(window)))
        }
        _ => Read::Typed(input_value(root, "[data-role=value]")),
    }
}

/// The value of the first input, select or text area matching `selector` in `root`.
fn input_value(root: &web_sys::HtmlDivElement, selector: &str) -> String {
    let Ok(Some(element)) = root.query_selector(selector) else {
        return String::new();
    };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.value()
    } else {
        String::new()
    }
}

/// The values of the checked radio buttons or check boxes matching `selector`, in page order.
fn checked_values(root: &web_sys::HtmlDivElement, selector: &str) -> Vec<String> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| {
            list.item(index)?
                .dyn_into::<web_sys::HtmlInputElement>()
                .ok()
        })
        .filter(web_sys::HtmlInputElement::checked)
        .map(|input| input.value())
        .collect()
}
