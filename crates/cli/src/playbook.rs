//! `intake playbook` and `intake symptoms`: the decision trees, and the symptoms they start from.

use intake_core::playbooks::{self, Playbooks};
use intake_core::questionnaire::Questionnaire;
use serde_json::{Value, json};

use crate::Output;

/// Output formats of `intake playbook`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// The steps in order, each with its check and where each outcome leads.
    Text,
    /// The tree as JSON: {"playbooks_schema_version", "id", "origin", "title", "start", "steps"}.
    Json,
    /// A Mermaid flowchart.
    Mermaid,
    /// A Graphviz DOT graph.
    Dot,
}

/// The built-in playbooks, or why they cannot be read.
pub fn builtin() -> Result<&'static Playbooks, String> {
    Playbooks::builtin().map_err(|error| format!("the built-in playbooks are broken: {error}"))
}

pub fn show(questionnaire: &Questionnaire, id: &str, format: Format) -> Result<Output, String> {
    let books = builtin()?;
    let id = id.trim().to_uppercase();
    let book = books.get(&id).ok_or_else(|| {
        format!(
            "there is no playbook “{id}”: `intake rules` lists the rules, `intake symptoms` the \
             symptoms"
        )
    })?;
    let format = match format {
        Format::Text => playbooks::Format::Text,
        Format::Json => playbooks::Format::Json,
        Format::Mermaid => playbooks::Format::Mermaid,
        Format::Dot => playbooks::Format::Dot,
    };
    Ok(Output::ok(playbooks::render(
        books,
        book,
        questionnaire,
        format,
    )))
}

pub fn symptoms(json: bool) -> Result<Output, String> {
    let books = builtin()?;
    Ok(Output::ok(if json {
        let list: Vec<Value> = books
            .symptoms()
            .map(|book| json!({"id": book.id, "title": book.title}))
            .collect();
        let mut text = serde_json::to_string_pretty(&list).expect("plain JSON");
        text.push('\n');
        text
    } else {
        books
            .symptoms()
            .map(|book| format!("{}  {}\n", book.id, book.title))
            .collect()
    }))
}

/// Adds each rule's playbook (`{"start", "steps"}`) to the catalogue's JSON.
pub fn with_playbooks(mut catalogue: Value) -> Result<Value, String> {
    let books = builtin()?;
    if let Value::Array(rules) = &mut catalogue {
        for rule in rules {
            let Some(book) = rule["id"].as_str().and_then(|id| books.get(id)) else {
                continue;
            };
            rule["playbook"] = json!({"start": book.start, "steps": book.steps});
        }
    }
    Ok(catalogue)
}
