//! The input for a question's value, one kind of input per kind of question, and reading it back
//! from the page.
//!
//! Inputs are uncontrolled: they start from the draft, and every change reads the field back
//! ([`read_field`]) into the draft. Numbers use text inputs, not `type=number`, whose value is
//! empty while the text is not a number: what was typed would be lost.

use intake_core::answers::{Value, Window};
use intake_core::draft::input_text;
use intake_core::questionnaire::{Kind, Question};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::reference::{ADD, ReferenceInput};

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
pub const MOST_RADIOS: usize = 6;

/// The input for a question's value.
pub fn value_input(
    question: &'static Question,
    id: Signal<String>,
    path: Signal<String>,
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
        Kind::Reference(reference) => {
            let on_value = UnsyncCallback::new(on_value);
            view! { <ReferenceInput reference id path described on_value /> }.into_any()
        }
        Kind::LongText => view! {
            <textarea
                id=id
                data-role="value"
                rows="4"
                aria-describedby=described
                prop:value=text
                on:input=on_value
            ></textarea>
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
                                    <input
                                        type="radio"
                                        id=option_id
                                        name=name
                                        data-role="value"
                                        value=option.to_string()
                                        prop:checked=chosen == Some(option)
                                        on:change=on_value.clone()
                                    />
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
                    <option value="" selected=chosen.is_empty()>
                        "Choose…"
                    </option>
                    {choices
                        .iter()
                        .map(|choice| {
                            view! {
                                <option value=choice.id.clone() selected=chosen == choice.id>
                                    {choice.label.clone()}
                                </option>
                            }
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
                                if index == 0 {
                                    id.get()
                                } else {
                                    format!("{}-{}", id.get(), choice.id)
                                }
                            };
                            view! {
                                <label class="option">
                                    <input
                                        type=if multiple { "checkbox" } else { "radio" }
                                        id=option_id
                                        name=name
                                        data-role="value"
                                        value=choice.id.clone()
                                        prop:checked=chosen.contains(&choice.id.as_str())
                                        on:change=on_value.clone()
                                    />
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
                    <label class="window-time">
                        "From "
                        <input
                            type="time"
                            id=id
                            data-role="start"
                            prop:value=window.start
                            on:input=on_value.clone()
                        />
                    </label>
                    <label class="window-time">
                        "to "
                        <input
                            type="time"
                            id=move || format!("{}-end", id.get())
                            data-role="end"
                            prop:value=window.end
                            on:input=on_value.clone()
                        />
                    </label>
                    <fieldset class="days">
                        <legend>"Starting on"</legend>
                        {DAYS
                            .iter()
                            .map(|(day, name)| {
                                view! {
                                    <label class="day">
                                        <input
                                            type="checkbox"
                                            data-role="day"
                                            value=*day
                                            prop:checked=window.days.iter().any(|d| d == day)
                                            on:change=on_value.clone()
                                        />
                                        <abbr title=*name>{&name[..3]}</abbr>
                                    </label>
                                }
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
pub enum Read {
    /// Text to parse for the question's kind.
    Typed(String),
    /// A value read from choices, yes/no or window inputs (`None`: nothing chosen).
    Value(Option<Value>),
    /// Nothing to read: the answer stays as it is (a reference whose "add" form is open).
    Keep,
}

/// Reads a field's value inputs back from the page.
pub fn read_field(root: &web_sys::HtmlDivElement, kind: &Kind) -> Read {
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
        Kind::Reference(_) => match input_value(root, "[data-role=value]") {
            chosen if chosen == ADD => Read::Keep,
            chosen => Read::Value((!chosen.is_empty()).then_some(Value::Text(chosen))),
        },
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
pub fn input_value(root: &web_sys::HtmlDivElement, selector: &str) -> String {
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
