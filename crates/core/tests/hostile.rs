//! Hostile text in every free-text answer stays inert text in the bundle's reports: no markup,
//! no script, no link other than the rules' references, no direction control that could make a
//! report read differently from what it says. Invalid JSON text (lone surrogates) is refused with
//! the reason.

mod support;

use intake_core::answers::{Answer, Answers, State, Value};
use intake_core::bundle::{self, Review};
use intake_core::draft::Draft;
use intake_core::questionnaire::{Kind, Questionnaire};
use intake_core::rules::render::is_bidi_control;
use time::OffsetDateTime;

const PAYLOADS: [&str; 8] = [
    "<script>alert('x')</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "[click me](javascript:alert(1)) <a href=\"javascript:alert(1)\">x</a>",
    "\u{202E}exe.txt\u{202C} and \u{2066}isolated\u{2069}",
    "<style>body{display:none}</style><iframe src=//evil.example>",
    "| table | cell |\n# heading\n```code```",
    "=HYPERLINK(\"http://evil.example\")",
];

fn questionnaire() -> &'static Questionnaire {
    Questionnaire::builtin().expect("the questionnaire reads")
}

fn is_free_text(kind: &Kind) -> bool {
    matches!(kind, Kind::ShortText | Kind::LongText)
}

/// The payloads in turn, round and round.
struct Payloads(usize);

impl Payloads {
    fn next(&mut self) -> String {
        self.0 += 1;
        PAYLOADS[self.0 % PAYLOADS.len()].to_owned()
    }
}

/// The small-Proxmox answers with a payload in every free-text answer (group members included),
/// note, not-applicable reason and group item name, and one answer 100 KB long.
fn hostile() -> (Answers, String) {
    let (_, text) = support::answers_fixtures()
        .into_iter()
        .find(|(file, _)| file == "small-proxmox.json")
        .expect("the fixture exists");
    let questionnaire = questionnaire();
    let mut answers = Answers::from_json(&text, questionnaire).expect("the fixture is valid");
    let mut payloads = Payloads(0);
    let in_group = |id: &str| {
        questionnaire
            .groups()
            .any(|group| id.starts_with(&format!("{}.", group.id)))
    };
    for question in questionnaire.questions() {
        if is_free_text(&question.kind) && !in_group(&question.id) {
            answers.answers.insert(
                question.id.clone(),
                Answer::value(Value::Text(payloads.next())),
            );
        }
    }
    for group in questionnaire.groups() {
        for item in answers.groups.entry(group.id.clone()).or_default() {
            item.name = payloads.next();
            for question in &group.questions {
                if is_free_text(&question.kind) {
                    item.answers.insert(
                        question.local_id().to_owned(),
                        Answer::value(Value::Text(payloads.next())),
                    );
                }
            }
        }
    }
    let every = answers.answers.values_mut().chain(
        answers
            .groups
            .values_mut()
            .flatten()
            .flat_map(|item| item.answers.values_mut()),
    );
    for answer in every {
        if let State::NotApplicable(reason) = &mut answer.state {
            *reason = payloads.next();
        }
        answer.note = Some(payloads.next());
    }
    let long = format!("{}<script>", "A".repeat(100 * 1024));
    answers.answers.insert(
        "engagement.engagement_name".to_owned(),
        Answer::value(Value::Text(long.clone())),
    );
    (answers, long)
}

/// Every tag of an HTML document: (name, the text inside the angle brackets).
fn tags(html: &str) -> Vec<(String, String)> {
    html.split('<')
        .skip(1)
        .map(|rest| {
            let inside = rest.split('>').next().unwrap_or_default();
            let name = inside
                .trim_start_matches('/')
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or_default()
                .to_lowercase();
            (name, inside.to_owned())
        })
        .collect()
}

/// The report's markup is only the report's own: known tags, no event handler attribute, and
/// every link an http(s) reference.
fn assert_inert_html(name: &str, html: &str) {
    const TAGS: [&str; 39] = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "footer", "main",
        "section", "nav", "article", "h1", "h2", "h3", "h4", "h5", "p", "dl", "dt", "dd", "ul",
        "ol", "li", "a", "code", "strong", "table", "thead", "tbody", "tr", "th", "td", "figure",
        // The chart: shapes and text only (no `use`, `image`, `foreignObject` or `a`).
        "svg", "desc", "rect", "text",
    ];
    for (tag, inside) in tags(html) {
        assert!(
            TAGS.contains(&tag.as_str()),
            "{name}: unexpected tag <{inside}>"
        );
        let lower = inside.to_lowercase();
        assert!(
            !lower
                .split_whitespace()
                .any(|attribute| attribute.starts_with("on")),
            "{name}: an event handler in <{inside}>"
        );
        if let Some(href) = lower.split("href=\"").nth(1) {
            let within = href.strip_prefix('#').is_some_and(|anchor| {
                anchor
                    .split('"')
                    .next()
                    .is_some_and(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
            });
            assert!(
                href.starts_with("http") || within,
                "{name}: a link that is neither http(s) nor to an anchor of the page: <{inside}>"
            );
        }
    }
    assert!(
        !html.chars().any(is_bidi_control),
        "{name}: a raw direction control"
    );
}

fn assert_inert_markdown(name: &str, markdown: &str) {
    for (at, _) in markdown.match_indices('<') {
        let raw = !markdown[..at].ends_with('\\');
        assert!(
            !raw || markdown[at..].starts_with("<http"),
            "{name}: raw markup: {}",
            &markdown[at.saturating_sub(40)..(at + 80).min(markdown.len())]
        );
    }
    // The only links are the table of contents', to the page's own headings.
    for (at, _) in markdown.match_indices("](") {
        if markdown[..at].ends_with('\\') {
            continue;
        }
        let target: String = markdown[at + 2..]
            .chars()
            .take_while(|c| *c != ')')
            .collect();
        assert!(
            target.strip_prefix('#').is_some_and(|anchor| {
                !anchor.is_empty() && anchor.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            }),
            "{name}: a link to {target}: {}",
            &markdown[at.saturating_sub(40)..(at + 80).min(markdown.len())]
        );
    }
    assert!(
        !markdown.chars().any(is_bidi_control),
        "{name}: a raw direction control"
    );
    assert!(
        markdown.contains("[U+202E]exe.txt[U+202C]"),
        "{name}: controls shown"
    );
}

fn file(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut entry = archive.by_name(name).expect("the entry");
    let mut text = String::new();
    std::io::Read::read_to_string(&mut entry, &mut text).expect("UTF-8");
    text
}

#[test]
fn hostile_text_in_every_free_text_answer_is_inert_in_every_report() {
    let (answers, long) = hostile();
    let bytes =
        bundle::write(questionnaire(), &answers, &[], OffsetDateTime::UNIX_EPOCH).expect("written");
    let read = bundle::read(&bytes, questionnaire()).expect("reads back");
    assert!(read.integrity.is_intact());
    assert_eq!(read.answers, answers, "kept exactly as typed");

    let mut review = Review::new(&read);
    review.reviewer = PAYLOADS[0].to_owned();
    review.note = PAYLOADS[4].to_owned();
    let added = review.add_finding();
    added.title = PAYLOADS[1].to_owned();
    added.message = PAYLOADS[3].to_owned();
    added.evidence = vec![PAYLOADS[2].to_owned()];
    let reviewed = bundle::write_reviewed(
        &bytes,
        &read,
        &review,
        questionnaire(),
        OffsetDateTime::UNIX_EPOCH,
    )
    .expect("written");

    for name in [bundle::REPORT_HTML, bundle::REVIEW_HTML] {
        let html = file(&reviewed, name);
        assert_inert_html(name, &html);
        assert!(
            html.contains("[U+202E]exe.txt[U+202C]"),
            "{name}: controls shown"
        );
    }
    let report = file(&reviewed, bundle::REPORT_HTML);
    assert!(report.contains(&format!("{}&lt;script&gt;", "A".repeat(100 * 1024))));
    assert!(long.len() > 100 * 1024);
    for name in [bundle::REPORT_MD, bundle::REVIEW_MD] {
        assert_inert_markdown(name, &file(&reviewed, name));
    }
    let csv = file(&reviewed, bundle::FINDINGS_CSV);
    assert!(!csv.contains(",=HYPERLINK"), "no formula starts a cell");
}

#[test]
fn lone_surrogates_in_json_are_refused_with_the_reason() {
    let answers = |value: &str| {
        format!(
            r#"{{"schema_version": 1, "answers": {{"engagement.partner_name": {{"value": "{value}"}}}}}}"#
        )
    };
    let error =
        Answers::from_json(&answers(r"a\ud800\u0041"), questionnaire()).expect_err("refused");
    assert!(error.to_string().contains("surrogate"), "{error}");
    let error = Answers::from_json(&answers(r"a\ud800b"), questionnaire()).expect_err("refused");
    assert!(error.to_string().contains("hex escape"), "{error}");
    let draft = format!(
        r#"{{"draft_schema_version": 1, "id": "x", "name": "\udc00\u0041", "created_at": "", "updated_at": "", "answers": {}}}"#,
        answers("fine")
    );
    let error = Draft::from_json(&draft, questionnaire()).expect_err("refused");
    assert!(error.to_string().contains("surrogate"), "{error}");
}
