//! Migrations of answers files from older schema versions to the current one.
//!
//! Each step takes the answers as an older version wrote them and returns them as the next
//! version reads them. Nothing the partner gave is dropped: an answer whose question moved keeps
//! its value, state and note under the new id; what no longer has a question of its own is written
//! into the note of the answer that took its place.
//!
//! Version 1 to 2:
//! 1. `compute.hypervisors` moves to the profile as `engagement.platforms` (same choice ids).
//! 2. `compute.kubernetes_platforms` joins `engagement.platforms`: its choices are added (`other`
//!    becomes `kubernetes_other`).
//! 3. `compute.kubernetes` (yes/no) has no question any more: the platforms now say it. Its answer,
//!    and any note on it or on `compute.kubernetes_platforms`, goes into the note of
//!    `engagement.platforms` unless it is a "yes" already said by a Kubernetes platform or a "no".
//! 4. `dr.offered` moves to the profile as `engagement.dr_offered`.
//! 5. `tenancy.tenant_count` moves to the profile as `engagement.tenant_count`.
//! 6. A site (`sites.sites`) whose role was `colocation` or `cloud_region` gets that as its new
//!    `kind` and no role (the partner says it); other roles stay.

use std::collections::BTreeMap;

use super::{Answer, GroupItem, State, Value};

/// Questions that moved without changing their answers: old id, new id.
pub const MOVED_IN_V2: [(&str, &str); 3] = [
    ("compute.hypervisors", "engagement.platforms"),
    ("dr.offered", "engagement.dr_offered"),
    ("tenancy.tenant_count", "engagement.tenant_count"),
];

/// Where a question's answer (or an item path's) written under schema 1 lives under schema 2.
pub fn path_in_v2(path: &str) -> String {
    MOVED_IN_V2
        .iter()
        .find(|(old, _)| *old == path)
        .map_or_else(|| path.to_owned(), |(_, new)| (*new).to_owned())
}

/// Migrates answers written under schema 1 to schema 2.
pub fn v1_to_v2(
    answers: &mut BTreeMap<String, Answer>,
    groups: &mut BTreeMap<String, Vec<GroupItem>>,
) {
    for (old, new) in MOVED_IN_V2 {
        if let Some(answer) = answers.remove(old) {
            answers.insert(new.to_owned(), answer);
        }
    }
    merge_kubernetes(answers);
    if let Some(sites) = groups.get_mut("sites.sites") {
        for site in sites {
            split_site_role(site);
        }
    }
}

/// Steps 2 and 3: the Kubernetes questions join the platforms.
fn merge_kubernetes(answers: &mut BTreeMap<String, Answer>) {
    let platforms = answers.remove("compute.kubernetes_platforms");
    let runs = answers.remove("compute.kubernetes");
    if platforms.is_none() && runs.is_none() {
        return;
    }
    let mut added = Vec::new();
    let mut notes = Vec::new();
    if let Some(answer) = &platforms {
        match &answer.state {
            State::Value(Value::Choices(choices)) => {
                added.extend(choices.iter().map(|choice| match choice.as_str() {
                    "other" => "kubernetes_other".to_owned(),
                    other => other.to_owned(),
                }));
            }
            state => notes.push(format!("Which Kubernetes platforms? {}", said(state))),
        }
        if let Some(note) = &answer.note {
            notes.push(format!("Note on the Kubernetes platforms: {note}"));
        }
    }
    if let Some(answer) = &runs {
        let said_by_platforms = !added.is_empty();
        match &answer.state {
            State::Value(Value::Bool(true)) if said_by_platforms => {}
            State::Value(Value::Bool(false)) => {}
            state => notes.push(format!("Do you run Kubernetes? {}", said(state))),
        }
        if let Some(note) = &answer.note {
            notes.push(format!("Note on running Kubernetes: {note}"));
        }
    }
    let target = answers
        .entry("engagement.platforms".to_owned())
        .or_insert_with(|| Answer::value(Value::Choices(Vec::new())));
    if !added.is_empty() {
        match &mut target.state {
            State::Value(Value::Choices(choices)) => {
                for choice in added {
                    if !choices.contains(&choice) {
                        choices.push(choice);
                    }
                }
            }
            state => {
                notes.push(format!("Which hypervisors and clouds? {}", said(state)));
                *state = State::Value(Value::Choices(added));
            }
        }
    }
    if !notes.is_empty() {
        let mut note = target.note.take().unwrap_or_default();
        for line in notes {
            if !note.is_empty() {
                note.push('\n');
            }
            note.push_str(&line);
        }
        target.note = Some(note);
    }
    if matches!(&target.state, State::Value(Value::Choices(choices)) if choices.is_empty())
        && target.note.is_none()
    {
        answers.remove("engagement.platforms");
    }
}

/// An answer's state in words, for a note.
fn said(state: &State) -> String {
    match state {
        State::Value(Value::Bool(true)) => "Yes".to_owned(),
        State::Value(Value::Bool(false)) => "No".to_owned(),
        State::Value(Value::Choices(choices)) => choices.join(", "),
        State::Value(Value::Text(text)) => text.clone(),
        State::Value(Value::Integer(number)) => number.to_string(),
        State::Value(Value::Decimal(number)) => number.to_string(),
        State::Value(Value::Window(window)) => format!("{} to {}", window.start, window.end),
        State::DontKnow => "I don't know".to_owned(),
        State::NotApplicable(reason) => format!("Does not apply ({reason})"),
    }
}

/// Step 6: a site's role of `colocation` or `cloud_region` becomes its kind.
fn split_site_role(site: &mut GroupItem) {
    let kind = match site.answers.get("role").map(|answer| &answer.state) {
        Some(State::Value(Value::Text(role))) if role == "colocation" || role == "cloud_region" => {
            role.clone()
        }
        _ => return,
    };
    if site.answers.contains_key("kind") {
        return;
    }
    let note = site.answers.remove("role").and_then(|role| role.note);
    site.answers.insert(
        "kind".to_owned(),
        Answer::stated(State::Value(Value::Text(kind)), note),
    );
}
