//! A playbook printed: as text to read, as JSON, or as a flowchart in Mermaid or Graphviz DOT.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Leads, PLAYBOOKS_SCHEMA_VERSION, Playbook, Playbooks, Step};
use crate::questionnaire::Questionnaire;

/// How [`render`] prints a playbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Mermaid,
    Dot,
}

/// One playbook in this format; the questionnaire names the questions a step reads by their
/// labels.
pub fn render(
    books: &Playbooks,
    book: &Playbook,
    questionnaire: &Questionnaire,
    format: Format,
) -> String {
    match format {
        Format::Text => text(books, book, questionnaire),
        Format::Json => {
            #[derive(Serialize)]
            struct Versioned<'a> {
                playbooks_schema_version: u32,
                #[serde(flatten)]
                playbook: &'a Playbook,
            }
            let versioned = Versioned {
                playbooks_schema_version: PLAYBOOKS_SCHEMA_VERSION,
                playbook: book,
            };
            let mut json = serde_json::to_string_pretty(&versioned).expect("playbooks serialize");
            json.push('\n');
            json
        }
        Format::Mermaid => mermaid(books, book),
        Format::Dot => dot(books, book),
    }
}

/// Where an outcome's `next` leads, in words: a step of this playbook by its title, or another
/// playbook's step with that playbook's id and title.
fn destination(books: &Playbooks, book: &Playbook, next: &str) -> String {
    match books.resolve(book, next) {
        Some((other, step)) if other.id == book.id => format!("step “{}”", step.title),
        Some((other, step)) => format!("{} ({}), step “{}”", other.id, other.title, step.title),
        None => format!("“{next}” (not a step)"),
    }
}

fn text(books: &Playbooks, book: &Playbook, questionnaire: &Questionnaire) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", book.id, book.title);
    let mut steps: Vec<&Step> = book.first().into_iter().collect();
    steps.extend(book.steps.iter().filter(|step| step.id != book.start));
    for (n, step) in steps.iter().enumerate() {
        let _ = writeln!(out, "\n{}. {}", n + 1, step.title);
        for line in step.check.lines() {
            let _ = writeln!(out, "   {line}");
        }
        if !step.answers.is_empty() {
            let labels: Vec<&str> = step
                .answers
                .iter()
                .map(|id| questionnaire.label(id).unwrap_or(id))
                .collect();
            let _ = writeln!(out, "   Your answers tell: {}", labels.join("; "));
        }
        for reference in &step.references {
            let _ = writeln!(out, "   See {reference}");
        }
        for outcome in &step.outcomes {
            let suggested = outcome.when.as_ref().map(|when| {
                format!(
                    "     Suggested when the answers say: {}\n",
                    when.describe(questionnaire)
                )
            });
            match &outcome.leads {
                Leads::Next(next) => {
                    let to = match books.resolve(book, next) {
                        Some((other, target)) if other.id == book.id => {
                            let at = steps.iter().position(|s| s.id == target.id).unwrap_or(0);
                            format!("go to {}. {}", at + 1, target.title)
                        }
                        _ => format!("go to {}", destination(books, book, next)),
                    };
                    let _ = writeln!(out, "   - {}: {to}", outcome.answer);
                    out.push_str(suggested.as_deref().unwrap_or_default());
                }
                Leads::Conclusion(conclusion) => {
                    let _ = writeln!(out, "   - {}:", outcome.answer);
                    out.push_str(suggested.as_deref().unwrap_or_default());
                    let _ = writeln!(out, "     Cause: {}", conclusion.cause);
                    let _ = writeln!(out, "     Fix: {}", conclusion.fix);
                    for reference in &conclusion.references {
                        let _ = writeln!(out, "     See {reference}");
                    }
                }
            }
        }
    }
    out
}

/// Node ids for the flowcharts: steps of this playbook, steps of others, conclusions.
fn node(book: &Playbook, playbook: &str, step: &str) -> String {
    let id = if playbook == book.id {
        format!("s_{step}")
    } else {
        format!("x_{playbook}_{step}")
    };
    id.replace(['-', '/'], "_")
}

/// What a flowchart draws, whatever its notation: a box per step, a box per other playbook's step
/// an outcome leads into, an end per conclusion, and an arrow per outcome.
enum Drawn<'a> {
    Step {
        node: String,
        title: &'a str,
    },
    Jump {
        node: String,
        playbook: &'a str,
        title: &'a str,
    },
    End {
        node: String,
        cause: &'a str,
    },
    Arrow {
        from: String,
        to: String,
        answer: &'a str,
    },
}

fn drawing<'a>(books: &'a Playbooks, book: &'a Playbook) -> Vec<Drawn<'a>> {
    let mut drawn: Vec<Drawn<'a>> = book
        .steps
        .iter()
        .map(|step| Drawn::Step {
            node: node(book, &book.id, &step.id),
            title: &step.title,
        })
        .collect();
    for step in &book.steps {
        let from = node(book, &book.id, &step.id);
        for (i, outcome) in step.outcomes.iter().enumerate() {
            let to = match &outcome.leads {
                Leads::Next(next) => {
                    let Some((other, target)) = books.resolve(book, next) else {
                        continue;
                    };
                    let to = node(book, &other.id, &target.id);
                    if other.id != book.id {
                        drawn.push(Drawn::Jump {
                            node: to.clone(),
                            playbook: &other.id,
                            title: &target.title,
                        });
                    }
                    to
                }
                Leads::Conclusion(conclusion) => {
                    let end = format!("{from}_end{}", i + 1);
                    drawn.push(Drawn::End {
                        node: end.clone(),
                        cause: &conclusion.cause,
                    });
                    end
                }
            };
            drawn.push(Drawn::Arrow {
                from: from.clone(),
                to,
                answer: &outcome.answer,
            });
        }
    }
    drawn
}

/// Mermaid's label text: quotes as entities, no line breaks.
fn mermaid_label(text: &str) -> String {
    text.replace('"', "#quot;").replace('\n', " ")
}

fn mermaid(books: &Playbooks, book: &Playbook) -> String {
    let mut out = String::from("flowchart TD\n");
    for drawn in drawing(books, book) {
        let _ = match drawn {
            Drawn::Step { node, title } => {
                writeln!(out, "    {node}[\"{}\"]", mermaid_label(title))
            }
            Drawn::Jump {
                node,
                playbook,
                title,
            } => writeln!(
                out,
                "    {node}[[\"{playbook}: {}\"]]",
                mermaid_label(title)
            ),
            Drawn::End { node, cause } => {
                writeln!(out, "    {node}([\"{}\"])", mermaid_label(cause))
            }
            Drawn::Arrow { from, to, answer } => {
                writeln!(out, "    {from} -->|\"{}\"| {to}", mermaid_label(answer))
            }
        };
    }
    out
}

/// DOT's quoted string: backslashes and quotes escaped, lines joined.
fn dot_label(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ")
}

fn dot(books: &Playbooks, book: &Playbook) -> String {
    let mut out = format!(
        "digraph \"{}\" {{\n    label=\"{} {}\";\n    node [shape=box, style=rounded];\n",
        book.id,
        book.id,
        dot_label(&book.title)
    );
    for drawn in drawing(books, book) {
        let _ = match drawn {
            Drawn::Step { node, title } => {
                writeln!(out, "    {node} [label=\"{}\"];", dot_label(title))
            }
            Drawn::Jump {
                node,
                playbook,
                title,
            } => writeln!(
                out,
                "    {node} [label=\"{playbook}: {}\", style=dashed];",
                dot_label(title)
            ),
            Drawn::End { node, cause } => {
                writeln!(
                    out,
                    "    {node} [label=\"{}\", shape=note];",
                    dot_label(cause)
                )
            }
            Drawn::Arrow { from, to, answer } => {
                writeln!(out, "    {from} -> {to} [label=\"{}\"];", dot_label(answer))
            }
        };
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREE: &str = r#"[["network.toml", {"playbook": [
        {"rule": "NET-001", "start": "ends", "step": [
            {"id": "path", "title": "Ping the \"path\"", "check": "Run `ping -M do -s 8972 far-end`.", "outcome": [
                {"answer": "No replies", "conclusion": {"cause": "A hop drops them.", "fix": "Find it.",
                 "references": ["https://www.rfc-editor.org/rfc/rfc2923"]}},
                {"answer": "Replies", "next": "NET-003"}
            ]},
            {"id": "ends", "title": "Compare the ends", "check": "Read both.",
             "answers": ["network.links.mtu_near"], "outcome": [
                {"answer": "Same", "next": "path"},
                {"answer": "Different", "conclusion": {"cause": "A mismatch.", "fix": "Match."}}
            ]}
        ]},
        {"rule": "NET-003", "start": "carrier", "step": [
            {"id": "carrier", "title": "Ask the carrier", "check": "Ask.", "outcome": [
                {"answer": "Proxying", "conclusion": {"cause": "A proxy.", "fix": "Stop it."}}
            ]}
        ]}
    ]}]]"#;

    fn rendered(format: Format) -> String {
        let books = Playbooks::from_json(TREE).expect("the tree reads");
        let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
        render(
            &books,
            books.get("NET-001").expect("NET-001"),
            questionnaire,
            format,
        )
    }

    #[test]
    fn text_starts_at_the_start_and_names_questions_by_label() {
        let text = rendered(Format::Text);
        assert!(
            text.starts_with(
                "NET-001 MTU differs between the two ends of a link\n\n1. Compare the ends\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("   Your answers tell: MTU at the near (from) end\n"),
            "{text}"
        );
        assert!(
            text.contains("   - Same: go to 2. Ping the \"path\"\n"),
            "{text}"
        );
        assert!(
            text.contains("   - Replies: go to NET-003 (Carrier proxies, inspects or translates replication or tenant traffic), step “Ask the carrier”\n"),
            "{text}"
        );
        assert!(text.contains("     Cause: A hop drops them.\n     Fix: Find it.\n     See https://www.rfc-editor.org/rfc/rfc2923\n"), "{text}");
    }

    #[test]
    fn flowcharts_draw_steps_jumps_and_conclusions() {
        let mermaid = rendered(Format::Mermaid);
        assert!(mermaid.starts_with("flowchart TD\n"));
        assert!(
            mermaid.contains("    s_path[\"Ping the #quot;path#quot;\"]\n"),
            "{mermaid}"
        );
        assert!(
            mermaid.contains("    x_NET_003_carrier[[\"NET-003: Ask the carrier\"]]\n"),
            "{mermaid}"
        );
        assert!(
            mermaid.contains("    s_ends -->|\"Same\"| s_path\n"),
            "{mermaid}"
        );
        assert!(
            mermaid.contains(
                "    s_ends_end2([\"A mismatch.\"])\n    s_ends -->|\"Different\"| s_ends_end2\n"
            ),
            "{mermaid}"
        );
        let dot = rendered(Format::Dot);
        assert!(dot.starts_with("digraph \"NET-001\" {\n"));
        assert!(
            dot.contains("    s_path [label=\"Ping the \\\"path\\\"\"];\n"),
            "{dot}"
        );
        assert!(
            dot.contains("    s_path -> x_NET_003_carrier [label=\"Replies\"];\n"),
            "{dot}"
        );
        assert!(dot.ends_with("}\n"));
    }

    #[test]
    fn json_carries_the_schema_version_and_reads_back() {
        let json = rendered(Format::Json);
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(value["playbooks_schema_version"], PLAYBOOKS_SCHEMA_VERSION);
        assert_eq!(value["start"], "ends");
        assert_eq!(value["steps"][0]["outcomes"][1]["next"], "NET-003");
        assert_eq!(
            value["steps"][1]["outcomes"][1]["conclusion"]["fix"],
            "Match."
        );
        let back: Playbook = serde_json::from_value(value).expect("a playbook");
        assert_eq!(back.steps.len(), 2);
    }
}
