//! Readable documents: headings, paragraphs, lists, tables and a chart, described once and
//! written as HTML or as Markdown, so both forms of a report say the same thing.
//!
//! Text is kept apart by where it comes from. [`Span::Text`] is anyone's text (the partner's
//! answers and item names, messages that quote them, the reviewer's notes) and is always escaped:
//! in HTML by [`html_escape`], in Markdown by [`markdown_escape`]. [`Span::Rule`] is a rule's own
//! text (playbook steps, what it checks, why it matters): there `backticks` mark commands, kept as
//! Markdown code and written as `<code>` in HTML, everything escaped all the same.

pub(crate) mod assessment;
mod chart;

use std::fmt::Write;

pub(crate) use chart::{Bar, Chart, ChartGroup};

use crate::rules::render::{is_bidi_control, markdown_escape};

/// A piece of text and how it reads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Span {
    /// Text from anyone: escaped.
    Text(String),
    /// A rule's own text: `backticks` mark code.
    Rule(&'static str),
    /// Text to stand out (counts, labels): escaped.
    Strong(String),
    /// A link to an anchor of the same page. Markdown has anchors only for headings: there it is a
    /// link only when `heading` says the anchor is one, else plain text.
    Local {
        anchor: String,
        text: String,
        heading: bool,
    },
    /// A rule's reference, an http(s) URL.
    Url(&'static str),
}

/// Anyone's text.
pub(crate) fn text(text: impl Into<String>) -> Span {
    Span::Text(text.into())
}

/// Text to stand out.
pub(crate) fn strong(text: impl Into<String>) -> Span {
    Span::Strong(text.into())
}

/// A heading of anyone's text, without an anchor.
pub(crate) fn heading(level: u8, words: &str) -> Block {
    Block::Heading {
        level,
        anchor: None,
        text: vec![text(words)],
    }
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// A heading; `anchor` is its HTML id, chosen to be the anchor Markdown renderers derive
    /// from its text ([`slug`]) so links work in both.
    Heading {
        level: u8,
        anchor: Option<String>,
        text: Vec<Span>,
    },
    Para(Vec<Span>),
    List {
        ordered: bool,
        entries: Vec<Entry>,
    },
    /// Terms and what they say: questions and their answers.
    Terms(Vec<Term>),
    Table(Table),
    /// A finding: a box in HTML, its colour by `class`.
    Card {
        class: &'static str,
        anchor: Option<String>,
        blocks: Vec<Block>,
    },
    /// A part of the page; `navigation` for the table of contents.
    Section {
        anchor: Option<String>,
        navigation: bool,
        blocks: Vec<Block>,
    },
    /// A bar chart: SVG in HTML, a table per group of bars in Markdown.
    Chart(Chart),
}

/// One entry of a list, with what comes under it (a sub-list).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub text: Vec<Span>,
    pub under: Vec<Block>,
}

impl Entry {
    pub(crate) fn new(text: Vec<Span>) -> Entry {
        Entry {
            text,
            under: Vec::new(),
        }
    }
}

/// A term (a question) and its descriptions (the answer, a note). `hint` is shown on hover in
/// HTML only (the question's id).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term {
    pub term: String,
    pub hint: Option<String>,
    pub descriptions: Vec<String>,
}

/// A table: the first column names the row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub head: Vec<String>,
    /// Columns of numbers, right-aligned.
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<Vec<Span>>>,
}

/// The anchor a Markdown renderer (GitHub's) derives from a heading: lower case, spaces as
/// hyphens, other punctuation dropped.
pub(crate) fn slug(heading: &str) -> String {
    heading
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// Escapes text for HTML element content and quoted attribute values; direction controls are
/// shown as `[U+202E]` ([`is_bidi_control`]).
pub(crate) fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if is_bidi_control(c) => {
                let _ = write!(out, "[U+{:04X}]", u32::from(c));
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A rule's text as HTML: escaped, text between backticks as `<code>`. An unpaired backtick is
/// kept as it is.
pub(crate) fn rule_html(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    let paired = parts.len() % 2 == 1;
    let mut out = String::with_capacity(text.len() + 16);
    for (index, part) in parts.iter().enumerate() {
        let last = index + 1 == parts.len();
        if index % 2 == 1 && (paired || !last) {
            let _ = write!(out, "<code>{}</code>", html_escape(part));
        } else {
            if index % 2 == 1 {
                out.push('`');
            }
            out.push_str(&html_escape(part));
        }
    }
    out
}

/// An anchor made only of what an id may safely hold: lower-case letters, digits and hyphens.
fn anchor_html(anchor: &str) -> String {
    anchor
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn spans_html(out: &mut String, spans: &[Span]) {
    for span in spans {
        match span {
            Span::Text(text) => out.push_str(&html_escape(text)),
            Span::Rule(text) => out.push_str(&rule_html(text)),
            Span::Strong(text) => {
                let _ = write!(out, "<strong>{}</strong>", html_escape(text));
            }
            Span::Local { anchor, text, .. } => {
                let _ = write!(
                    out,
                    "<a href=\"#{}\">{}</a>",
                    anchor_html(anchor),
                    html_escape(text)
                );
            }
            Span::Url(url) => {
                let url = html_escape(url);
                let _ = write!(out, "<a href=\"{url}\" rel=\"noreferrer\">{url}</a>");
            }
        }
    }
}

fn id_attribute(anchor: Option<&String>) -> String {
    anchor.map_or_else(String::new, |anchor| {
        format!(" id=\"{}\"", anchor_html(anchor))
    })
}

/// The blocks as HTML.
pub(crate) fn html(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        block_html(&mut out, block);
    }
    out
}

fn block_html(out: &mut String, block: &Block) {
    match block {
        Block::Heading {
            level,
            anchor,
            text,
        } => {
            let level = (*level).clamp(1, 6);
            let _ = write!(out, "<h{level}{}>", id_attribute(anchor.as_ref()));
            spans_html(out, text);
            let _ = writeln!(out, "</h{level}>");
        }
        Block::Para(spans) => {
            out.push_str("<p>");
            spans_html(out, spans);
            out.push_str("</p>\n");
        }
        Block::List { ordered, entries } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = writeln!(out, "<{tag}>");
            for entry in entries {
                out.push_str("<li>");
                spans_html(out, &entry.text);
                if !entry.under.is_empty() {
                    out.push('\n');
                    for block in &entry.under {
                        block_html(out, block);
                    }
                }
                out.push_str("</li>\n");
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Terms(terms) => {
            out.push_str("<dl>\n");
            for term in terms {
                match &term.hint {
                    Some(hint) => {
                        let _ = write!(out, "<dt title=\"{}\">", html_escape(hint));
                    }
                    None => out.push_str("<dt>"),
                }
                let _ = write!(out, "{}</dt>", html_escape(&term.term));
                for description in &term.descriptions {
                    let _ = write!(out, "<dd>{}</dd>", html_escape(description));
                }
                out.push('\n');
            }
            out.push_str("</dl>\n");
        }
        Block::Table(table) => {
            out.push_str("<table>\n<thead><tr>");
            for heading in &table.head {
                let _ = write!(out, "<th scope=\"col\">{}</th>", html_escape(heading));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for row in &table.rows {
                out.push_str("<tr>");
                for (column, cell) in row.iter().enumerate() {
                    if column == 0 {
                        out.push_str("<th scope=\"row\">");
                        spans_html(out, cell);
                        out.push_str("</th>");
                    } else {
                        let numeric = table.numeric.get(column).copied().unwrap_or(false);
                        out.push_str(if numeric { "<td class=\"n\">" } else { "<td>" });
                        spans_html(out, cell);
                        out.push_str("</td>");
                    }
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Card {
            class,
            anchor,
            blocks,
        } => {
            let _ = writeln!(
                out,
                "<article class=\"{}\"{}>",
                anchor_html(class),
                id_attribute(anchor.as_ref())
            );
            for block in blocks {
                block_html(out, block);
            }
            out.push_str("</article>\n");
        }
        Block::Section {
            anchor,
            navigation,
            blocks,
        } => {
            let tag = if *navigation { "nav" } else { "section" };
            let _ = writeln!(out, "<{tag}{}>", id_attribute(anchor.as_ref()));
            for block in blocks {
                block_html(out, block);
            }
            let _ = writeln!(out, "</{tag}>");
        }
        Block::Chart(chart) => chart.html(out),
    }
}

/// Markdown that starts a line can change what the line is: a heading, a list, a quote. Text
/// placed at the start of a line gets a backslash before such a start, and loses leading
/// spaces (four would make it code).
fn line_start(text: &str) -> String {
    let text = text.trim_start();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    match text.as_bytes().get(digits) {
        Some(b'.' | b')') if digits > 0 => format!("{}\\{}", &text[..digits], &text[digits..]),
        Some(b'#' | b'>' | b'-' | b'+' | b'=') if digits == 0 => format!("\\{text}"),
        _ => text.to_owned(),
    }
}

fn spans_markdown(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        match span {
            Span::Text(text) => out.push_str(&markdown_escape(text)),
            Span::Rule(text) => out.push_str(&text.replace(['\n', '\r'], " ")),
            Span::Strong(text) => {
                // Emphasis ends only after a character that is not a space.
                let trimmed = text.trim_end();
                let _ = write!(
                    out,
                    "**{}**{}",
                    markdown_escape(trimmed),
                    &text[trimmed.len()..]
                );
            }
            Span::Local {
                anchor,
                text,
                heading: true,
            } => {
                let _ = write!(out, "[{}](#{})", markdown_escape(text), anchor_html(anchor));
            }
            Span::Local { text, .. } => out.push_str(&markdown_escape(text)),
            Span::Url(url) => {
                let _ = write!(out, "<{url}>");
            }
        }
    }
    line_start(&out)
}

/// The blocks as Markdown.
pub(crate) fn markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        block_markdown(&mut out, block, "");
    }
    out
}

/// Writes a block, each line after `indent`, followed by a blank line.
fn block_markdown(out: &mut String, block: &Block, indent: &str) {
    match block {
        Block::Heading { level, text, .. } => {
            let level = usize::from((*level).clamp(1, 6));
            let _ = writeln!(
                out,
                "{}{} {}\n",
                indent,
                "#".repeat(level),
                spans_markdown(text)
            );
        }
        Block::Para(spans) => {
            let _ = writeln!(out, "{indent}{}\n", spans_markdown(spans));
        }
        Block::List { ordered, entries } => {
            list_markdown(out, *ordered, entries, indent);
            out.push('\n');
        }
        Block::Terms(terms) => {
            for term in terms {
                let mut line = format!("{indent}- **{}**", markdown_escape(&term.term));
                for (index, description) in term.descriptions.iter().enumerate() {
                    line.push_str(if index == 0 { ": " } else { "; " });
                    line.push_str(&markdown_escape(description));
                }
                let _ = writeln!(out, "{line}");
            }
            out.push('\n');
        }
        Block::Table(table) => {
            let row = |cells: Vec<String>| format!("{indent}| {} |", cells.join(" | "));
            let head: Vec<String> = table.head.iter().map(|h| markdown_escape(h)).collect();
            let rule: Vec<String> = (0..table.head.len())
                .map(|column| {
                    if table.numeric.get(column).copied().unwrap_or(false) {
                        "---:".to_owned()
                    } else {
                        "---".to_owned()
                    }
                })
                .collect();
            let _ = writeln!(out, "{}\n{}", row(head), row(rule));
            for cells in &table.rows {
                let _ = writeln!(
                    out,
                    "{}",
                    row(cells.iter().map(|c| spans_markdown(c)).collect())
                );
            }
            out.push('\n');
        }
        Block::Card { blocks, .. } | Block::Section { blocks, .. } => {
            for block in blocks {
                block_markdown(out, block, indent);
            }
        }
        Block::Chart(chart) => {
            for table in chart.tables() {
                block_markdown(out, &Block::Table(table), indent);
            }
        }
    }
}

/// A list, without the blank line after it; entries' sub-lists indented under them.
fn list_markdown(out: &mut String, ordered: bool, entries: &[Entry], indent: &str) {
    for (index, entry) in entries.iter().enumerate() {
        let marker = if ordered {
            format!("{}.", index + 1)
        } else {
            "-".to_owned()
        };
        let _ = writeln!(out, "{indent}{marker} {}", spans_markdown(&entry.text));
        let inner = format!("{indent}{}", " ".repeat(marker.len() + 1));
        for block in &entry.under {
            match block {
                Block::List { ordered, entries } => list_markdown(out, *ordered, entries, &inner),
                other => {
                    out.push('\n');
                    let mut nested = String::new();
                    block_markdown(&mut nested, other, &inner);
                    out.push_str(nested.trim_end_matches('\n'));
                    out.push('\n');
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_text_keeps_its_code_and_escapes_the_rest() {
        assert_eq!(
            rule_html("Run `ping -M do -s 8972` <now> & `a<b`"),
            "Run <code>ping -M do -s 8972</code> &lt;now&gt; &amp; <code>a&lt;b</code>"
        );
        assert_eq!(rule_html("an ` alone"), "an ` alone");
        assert_eq!(rule_html("`a` and ` b"), "<code>a</code> and ` b");
    }

    #[test]
    fn markdown_lines_cannot_start_a_heading_list_or_quote() {
        assert_eq!(line_start("# heading"), "\\# heading");
        assert_eq!(line_start("    1. item"), "1\\. item");
        assert_eq!(line_start("> quote"), "\\> quote");
        assert_eq!(line_start("12 issues"), "12 issues");
    }

    #[test]
    fn slugs_are_markdown_heading_anchors() {
        assert_eq!(slug("Executive summary"), "executive-summary");
        assert_eq!(slug("Added by the reviewer"), "added-by-the-reviewer");
    }

    #[test]
    fn lists_nest_under_their_entry() {
        let list = Block::List {
            ordered: true,
            entries: vec![Entry {
                text: vec![text("first")],
                under: vec![Block::List {
                    ordered: false,
                    entries: vec![Entry::new(vec![text("a_b")])],
                }],
            }],
        };
        assert_eq!(
            markdown(std::slice::from_ref(&list)),
            "1. first\n   - a\\_b\n\n"
        );
        assert_eq!(
            html(&[list]),
            "<ol>\n<li>first\n<ul>\n<li>a_b</li>\n</ul>\n</li>\n</ol>\n"
        );
    }
}
