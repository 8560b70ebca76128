//! How answers read to people: the one formatter the app, the reports and the command-line tool
//! share, so the same answer reads the same everywhere.
//!
//! Choices show their labels, not their ids; yes/no questions "Yes" and "No"; numbers their unit;
//! windows their times and days. The JSON formats keep the raw values: this is only for reading.

use crate::answers::{State, Value};
use crate::questionnaire::{Group, Kind, Question};

/// A value as a reader sees it: choice labels rather than ids, "Yes"/"No", windows as times and
/// days, numbers with their unit.
pub fn value(kind: &Kind, value: &Value) -> String {
    let label = |id: &str| {
        kind.choices()
            .iter()
            .find(|choice| choice.id == id)
            .map_or_else(|| id.to_owned(), |choice| choice.label.clone())
    };
    let with_unit = |number: String, one: bool| match kind.unit() {
        Some(unit) if one => format!("{number} {}", singular(unit)),
        Some(unit) => format!("{number} {unit}"),
        None => number,
    };
    match value {
        Value::Bool(true) => "Yes".to_owned(),
        Value::Bool(false) => "No".to_owned(),
        Value::Integer(n) => with_unit(n.to_string(), *n == 1),
        #[expect(clippy::float_cmp, reason = "exactly one, as typed")]
        Value::Decimal(x) => with_unit(x.to_string(), *x == 1.0),
        Value::Text(text) if matches!(kind, Kind::SingleChoice(_) | Kind::Reference(_)) => {
            label(text)
        }
        Value::Text(text) => text.clone(),
        Value::Choices(chosen) => chosen
            .iter()
            .map(|id| label(id))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Window(window) => {
            let days = if window.days.len() == 7 {
                "every day".to_owned()
            } else {
                window
                    .days
                    .iter()
                    .map(|day| day_name(day))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            format!("{}–{}, {days}", window.start, window.end)
        }
    }
}

/// A day id (`mon`) as a reader sees it (`Mon`); an id that is not a day is shown as it is.
fn day_name(id: &str) -> String {
    let mut chars = id.chars();
    match chars.next() {
        Some(first) if id.len() == 3 && id.is_ascii() => {
            first.to_ascii_uppercase().to_string() + chars.as_str()
        }
        _ => id.to_owned(),
    }
}

/// What "I don't know" reads as: also the label of that option in the app.
pub const DONT_KNOW: &str = "I don't know";
/// What "not applicable" reads as: also the label of that option in the app.
pub const DOES_NOT_APPLY: &str = "Does not apply";
/// What a question that applies but has no answer reads as.
pub const NOT_ANSWERED: &str = "Not answered";
/// What a question hidden by the partner's other answers reads as.
pub const HIDDEN: &str = "Does not apply (after other answers)";

/// An answer as a reader sees it: its value, "I don't know", or "Does not apply" with the reason.
pub fn answer(kind: &Kind, state: &State) -> String {
    match state {
        State::Value(shown) => value(kind, shown),
        State::DontKnow => DONT_KNOW.to_owned(),
        State::NotApplicable(reason) if reason.trim().is_empty() => DOES_NOT_APPLY.to_owned(),
        State::NotApplicable(reason) => format!("{DOES_NOT_APPLY}: {reason}"),
    }
}

/// Where an answer came from, in words, when not from the partner: "Imported from Veeam Healthcheck
/// (vHC.zip, localhost_vbrinfo.csv, row 2; collected 2026-11-20 14:03)".
pub fn provenance(provenance: &crate::answers::Provenance) -> Option<String> {
    use crate::answers::Provenance;
    match provenance {
        Provenance::Stated => None,
        Provenance::Imported(imported) => Some(format!(
            "Imported from {}",
            read_at(
                imported.collector,
                &imported.file,
                &imported.table,
                imported.row,
                imported.collected_at.as_deref()
            )
        )),
    }
}

/// Where a fact of the evidence was read, in words: "Veeam Healthcheck (vHC.zip,
/// localhost_vbrinfo.csv, row 2; collected 2026-11-20 14:03)".
pub fn evidence_origin(
    evidence: &crate::evidence::Evidence,
    from: &crate::evidence::Origin,
) -> String {
    match evidence.sources.get(from.source) {
        Some(source) => read_at(
            source.collector,
            &source.file,
            &from.table,
            from.row,
            source.collected_at.as_deref(),
        ),
        None => format!("{}, row {}", from.table, from.row),
    }
}

/// An export, in words: "RVTools (RVTools_export_all.xlsx; collected 2026-11-20 14:03)".
pub fn evidence_source(source: &crate::evidence::Source) -> String {
    let collected = source
        .collected_at
        .as_deref()
        .map(|at| format!("; collected {}", collected_time(at)))
        .unwrap_or_default();
    format!("{} ({}{collected})", source.collector.name(), source.file)
}

/// A collector, its export, the sheet or CSV file and the row, and when it was collected.
fn read_at(
    collector: crate::evidence::Collector,
    file: &str,
    table: &str,
    row: u32,
    collected_at: Option<&str>,
) -> String {
    let table = if table.to_ascii_lowercase().ends_with(".csv") {
        table.to_owned()
    } else {
        format!("sheet {table}")
    };
    let collected = collected_at
        .map(|at| format!("; collected {}", collected_time(at)))
        .unwrap_or_default();
    format!(
        "{} ({file}, {table}, row {row}{collected})",
        collector.name()
    )
}

/// An export's ISO 8601 time as people read it, to the minute: "2026-11-20 14:03".
pub fn collected_time(at: &str) -> String {
    let at = at.replacen('T', " ", 1);
    at.get(..16).map_or_else(|| at.clone(), str::to_owned)
}

/// The answer at a path (`platform.vbr_version`, `platform.proxies[0].cores`) as a reader sees
/// it: the question, with its item, and the answer ("Not answered" when there is none); `None`
/// for a path the questionnaire does not have.
pub fn answer_at(
    questionnaire: &crate::questionnaire::Questionnaire,
    answers: &crate::answers::Answers,
    path: &str,
) -> Option<(String, String)> {
    let shown = |question: &Question, answer: Option<&crate::answers::Answer>| {
        answer.map_or_else(
            || NOT_ANSWERED.to_owned(),
            |answer| self::answer(&question.kind, &answer.state),
        )
    };
    match path.split_once('[') {
        None => {
            let question = questionnaire.question(path)?;
            Some((
                question.label.clone(),
                shown(question, answers.answers.get(path)),
            ))
        }
        Some((group_id, rest)) => {
            let (index, local) = rest.split_once("].")?;
            let index: usize = index.parse().ok()?;
            let crate::questionnaire::Entry::Group(group) = questionnaire.entry(group_id)? else {
                return None;
            };
            let member = group.member(local)?;
            let item = answers.groups.get(group_id)?.get(index)?;
            Some((
                self::question(Some((group, &item.name)), member),
                shown(member, item.answers.get(local)),
            ))
        }
    }
}

/// A question as a reader sees it: its label, or for a group item's question the item first:
/// `Gateway “gw-01”: DNS name tenants use to reach this gateway`.
pub fn question(group: Option<(&Group, &str)>, question: &Question) -> String {
    match group {
        None => question.label.clone(),
        Some((group, name)) => format!("{}: {}", item(group, name), question.label),
    }
}

/// A group item as a reader sees it: `Gateway “gw-01”`.
pub fn item(group: &Group, name: &str) -> String {
    if name.trim().is_empty() {
        format!("{} (no name)", group.item_label)
    } else {
        format!("{} “{name}”", group.item_label)
    }
}

/// The plural of an item label, for counts of two or more: "Gateway" → "gateways", "Proxy" →
/// "proxies". The built-in labels are all regular English nouns (tested).
/// A unit for a quantity of one: `days` → `day`, `copies` → `copy`, `media types` → `media
/// type`. Symbols (`GB`, `ms`, `Mbit/s`, `%`) stay as they are.
fn singular(unit: &str) -> String {
    let word = unit.len() > 2 && unit.chars().all(|c| c.is_ascii_lowercase() || c == ' ');
    match (word, unit.strip_suffix("ies"), unit.strip_suffix('s')) {
        (true, Some(stem), _) => format!("{stem}y"),
        (true, None, Some(stem)) => stem.to_owned(),
        _ => unit.to_owned(),
    }
}

pub fn plural(item_label: &str) -> String {
    let lower = item_label.to_lowercase();
    let mut chars = lower.chars().rev();
    match (chars.next(), chars.next()) {
        (Some('y'), Some(before)) if !"aeiou".contains(before) => {
            format!("{}ies", &lower[..lower.len() - 1])
        }
        (Some('s' | 'x'), _) => format!("{lower}es"),
        (Some('h'), Some('c' | 's')) => format!("{lower}es"),
        _ => format!("{lower}s"),
    }
}

/// `High` for `high`: the first letter upper-case, for a phrase that starts a sentence.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Names joined as a reader lists them: `“a”`, `“a” and “b”`, `“a”, “b” and “c”`.
pub fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("“{name}”")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// A file's size as people read it: "812 bytes", "7.7 KiB", "3.2 MiB".
pub fn file_size(bytes: usize) -> String {
    const KIB: f64 = 1024.0;
    let size = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if size < KIB * KIB {
        format!("{:.1} KiB", size / KIB)
    } else {
        format!("{:.1} MiB", size / (KIB * KIB))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Window;
    use crate::questionnaire::Questionnaire;

    fn questionnaire() -> &'static Questionnaire {
        Questionnaire::builtin().expect("the questionnaire reads")
    }

    #[test]
    fn where_an_answer_came_from_reads_in_words() {
        use crate::answers::{Imported, Provenance};
        use crate::evidence::Collector;
        assert_eq!(provenance(&Provenance::Stated), None);
        let mut imported = Imported {
            collector: Collector::Healthcheck,
            file: "vHC.zip".to_owned(),
            table: "localhost_vbrinfo.csv".to_owned(),
            row: 2,
            collected_at: Some("2026-11-20T14:03:12".to_owned()),
        };
        assert_eq!(
            provenance(&Provenance::Imported(imported.clone())).as_deref(),
            Some(
                "Imported from Veeam Healthcheck (vHC.zip, localhost_vbrinfo.csv, row 2; collected 2026-11-20 14:03)"
            )
        );
        imported.collector = Collector::Rvtools;
        imported.file = "RVTools_export_all.xlsx".to_owned();
        imported.table = "vHost".to_owned();
        imported.collected_at = None;
        assert_eq!(
            provenance(&Provenance::Imported(imported)).as_deref(),
            Some("Imported from RVTools (RVTools_export_all.xlsx, sheet vHost, row 2)")
        );
    }

    #[test]
    fn choices_read_as_their_labels_and_booleans_as_yes_or_no() {
        let q = questionnaire();
        let os = q.question("platform.backup_server_os").expect("exists");
        let shown = value(&os.kind, &Value::Text("windows_server_2019".into()));
        assert!(shown.starts_with("Windows Server 2019"), "{shown}");
        assert_eq!(value(&Kind::Boolean, &Value::Bool(false)), "No");
        let mtu = q.question("network.links.mtu_near").expect("exists");
        assert_eq!(value(&mtu.kind, &Value::Integer(9000)), "9000 bytes");
    }

    #[test]
    fn windows_read_as_times_and_day_names() {
        let window = |days: &[&str]| {
            Value::Window(Window {
                start: "22:00".into(),
                end: "06:00".into(),
                days: days.iter().map(|d| (*d).to_owned()).collect(),
            })
        };
        assert_eq!(
            value(&Kind::ShortText, &window(&["mon", "tue"])),
            "22:00–06:00, Mon, Tue"
        );
        let every = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        assert_eq!(
            value(&Kind::ShortText, &window(&every)),
            "22:00–06:00, every day"
        );
    }

    #[test]
    fn answers_say_dont_know_and_not_applicable_in_words() {
        assert_eq!(answer(&Kind::Boolean, &State::DontKnow), "I don't know");
        assert_eq!(
            answer(
                &Kind::Boolean,
                &State::NotApplicable("no tenants yet".into())
            ),
            "Does not apply: no tenants yet"
        );
    }

    #[test]
    fn every_item_label_has_a_plural() {
        let plurals: Vec<String> = questionnaire()
            .groups()
            .map(|group| plural(&group.item_label))
            .collect();
        for expected in [
            "proxies",
            "storage systems",
            "repositories",
            "gateways",
            "links",
        ] {
            assert!(plurals.iter().any(|p| p == expected), "{plurals:?}");
        }
        assert_eq!(plural("Box"), "boxes");
        assert_eq!(plural("Day"), "days");
    }

    #[test]
    fn names_are_listed_with_and() {
        assert_eq!(quoted_list(&[]), "");
        assert_eq!(quoted_list(&["a"]), "“a”");
        assert_eq!(quoted_list(&["a", "b", "c"]), "“a”, “b” and “c”");
    }

    #[test]
    fn one_of_a_unit_is_singular_and_symbols_stay() {
        let days = Kind::Integer {
            min: None,
            max: None,
            unit: Some("days".into()),
        };
        assert_eq!(value(&days, &Value::Integer(1)), "1 day");
        assert_eq!(value(&days, &Value::Integer(2)), "2 days");
        assert_eq!(value(&days, &Value::Integer(0)), "0 days");
        assert_eq!(singular("copies"), "copy");
        assert_eq!(singular("media types"), "media type");
        for symbol in ["GB", "ms", "Mbit/s", "%", "vCPU"] {
            assert_eq!(singular(symbol), symbol);
        }
    }

    #[test]
    fn file_sizes_read_as_people_say_them() {
        assert_eq!(file_size(812), "812 bytes");
        assert_eq!(file_size(7_907), "7.7 KiB");
        assert_eq!(file_size(3_370_842), "3.2 MiB");
    }
}
