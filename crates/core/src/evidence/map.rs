//! What evidence says of the questionnaire's answers: for each question it can answer, the value
//! it gives, and whether that sets a blank answer, agrees with the partner's or differs from it
//! ([`propose`]); then the chosen proposals applied ([`apply`]). Nothing typed is changed without
//! that choice: [`propose`] only describes.
//!
//! Group items are matched by name, without regard to case, or by the host name before the first
//! dot (a proxy answered as "vbr-proxy01" is the export's "vbr-proxy01.ams1.example.net"); an
//! export's item that matches none is proposed as a new item.

use std::fmt::Write as _;

use serde::Serialize;

use super::healthcheck::{Proxy, Repository};
use super::{Evidence, Origin};
use crate::answers::{Answer, Answers, GroupItem, Imported, Provenance, State, Value};
use crate::display;
use crate::questionnaire::{Entry, Questionnaire};
use crate::values::Version;

/// What applying a proposal does to the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "change")]
pub enum Change {
    /// The answer is blank (or "don't know"): the evidence answers it.
    Set,
    /// The answer already says the same.
    Same,
    /// The partner's answer says otherwise: `now`, in words.
    Differs { now: String },
    /// The item is not among the partner's: it would be added, with this answer.
    NewItem,
}

/// One answer the evidence gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    /// The question's full id.
    pub question: String,
    /// The group item, by the name it has in the answers (or will have, for a new item).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub value: Value,
    #[serde(flatten)]
    pub change: Change,
    /// Where the evidence says so.
    pub from: Origin,
    /// The evidence in words, as the export has it: "Cores: 32", the column and the value.
    pub fact: String,
}

impl Proposal {
    /// The question as a reader sees it, with its item: `Proxy “vbr-proxy01”: CPU cores`.
    pub fn question_words(&self, questionnaire: &Questionnaire) -> String {
        match questionnaire.entry(&self.question) {
            Some(Entry::Member(group, question)) => {
                display::question(Some((group, self.item.as_deref().unwrap_or(""))), question)
            }
            Some(Entry::Question(question)) => question.label.clone(),
            _ => self.question.clone(),
        }
    }

    /// The value in words, as the questionnaire shows answers.
    pub fn value_words(&self, questionnaire: &Questionnaire) -> String {
        match questionnaire.question(&self.question) {
            Some(question) => display::value(&question.kind, &self.value),
            None => format!("{:?}", self.value),
        }
    }
}

/// A builder of proposals against one set of answers.
struct Proposer<'a> {
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
    out: Vec<Proposal>,
}

impl Proposer<'_> {
    /// Proposes `value` for a question outside groups.
    fn question(&mut self, id: &str, value: Value, from: &Origin, fact: String) {
        let change = self.change(id, self.answers.answers.get(id), &value);
        self.out.push(Proposal {
            question: id.to_owned(),
            item: None,
            value,
            change,
            from: from.clone(),
            fact,
        });
    }

    /// Proposes `value` for a group question (`group.question`) of the item matching `name`.
    fn member(&mut self, id: &str, name: &str, value: Value, from: &Origin, fact: String) {
        let Some((group, _)) = id.rsplit_once('.') else {
            return;
        };
        let short = &id[group.len() + 1..];
        let item = find_item(self.answers.groups.get(group).map(Vec::as_slice), name);
        let (item_name, change) = match item {
            Some(item) => (
                item.name.clone(),
                self.change(id, item.answers.get(short), &value),
            ),
            None => (name.to_owned(), Change::NewItem),
        };
        self.out.push(Proposal {
            question: id.to_owned(),
            item: Some(item_name),
            value,
            change,
            from: from.clone(),
            fact,
        });
    }

    /// Proposes that a multiple-choice question outside groups include `choice`: the answer with
    /// it added.
    fn include(&mut self, id: &str, choice: &str, from: &Origin, fact: String) {
        let now = self.answers.answers.get(id);
        let mut chosen = match now.map(|a| &a.state) {
            Some(State::Value(Value::Choices(chosen))) => chosen.clone(),
            _ => Vec::new(),
        };
        let change = if chosen.iter().any(|c| c == choice) {
            Change::Same
        } else {
            chosen.push(choice.to_owned());
            self.change(id, now, &Value::Choices(chosen.clone()))
        };
        self.out.push(Proposal {
            question: id.to_owned(),
            item: None,
            value: Value::Choices(chosen),
            change,
            from: from.clone(),
            fact,
        });
    }

    fn change(&self, id: &str, now: Option<&Answer>, value: &Value) -> Change {
        let Some(now) = now else {
            return Change::Set;
        };
        match &now.state {
            State::DontKnow => Change::Set,
            State::Value(current) if same(current, value) => Change::Same,
            state => Change::Differs {
                now: match self.questionnaire.question(id) {
                    Some(question) => display::answer(&question.kind, state),
                    None => String::new(),
                },
            },
        }
    }
}

/// Whether two values say the same: numbers within half a percent (a size in GB against one in
/// TB rounded by a person), versions by their numbers, text without regard to case.
fn same(a: &Value, b: &Value) -> bool {
    let number = |v: &Value| match v {
        Value::Integer(n) => Some(*n as f64),
        Value::Decimal(n) => Some(*n),
        _ => None,
    };
    if let (Some(x), Some(y)) = (number(a), number(b)) {
        return (x - y).abs() <= 0.005 * x.abs().max(y.abs()).max(1.0);
    }
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => {
            x.trim().eq_ignore_ascii_case(y.trim())
                || matches!((Version::parse(x), Version::parse(y)), (Ok(x), Ok(y)) if x.parts() == y.parts())
        }
        (a, b) => a == b,
    }
}

/// The item named `name`: the same name without regard to case, or the same host name before the
/// first dot.
fn find_item<'a>(items: Option<&'a [GroupItem]>, name: &str) -> Option<&'a GroupItem> {
    let items = items?;
    items
        .iter()
        .find(|item| item.name.trim().eq_ignore_ascii_case(name.trim()))
        .or_else(|| items.iter().find(|item| same_host(&item.name, name)))
}

/// Whether an answered item's name and an export's name are the same item, as [`propose`]
/// matches them: the same name without regard to case, or the same host name before the first
/// dot.
pub(crate) fn same_item(answered: &str, exported: &str) -> bool {
    answered.trim().eq_ignore_ascii_case(exported.trim()) || same_host(answered, exported)
}

fn same_host(a: &str, b: &str) -> bool {
    let short = |n: &str| n.split('.').next().unwrap_or(n).trim().to_ascii_lowercase();
    short(a) == short(b)
}

/// `VMware ESXi 8.0.3 build-24022510` as the questionnaire asks a vSphere version: `8.0.3.24022510`.
fn esxi_build(text: &str) -> Option<String> {
    let rest = text.split("ESXi").nth(1)?.trim();
    let (version, build) = rest.split_once("build-")?;
    let version = version.trim();
    let build = build.trim();
    (Version::parse(version).is_ok() && build.chars().all(|c| c.is_ascii_digit()))
        .then(|| format!("{version}.{build}"))
}

/// `8.0.3 build-24262322` as `8.0.3.24262322`.
fn vcenter_build(text: &str) -> Option<String> {
    let (version, build) = text.split_once(" build-")?;
    Version::parse(version.trim()).ok()?;
    Some(format!("{}.{}", version.trim(), build.trim()))
}

fn integer(n: u64) -> Value {
    Value::Integer(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Rounded to one decimal.
fn decimal(n: f64) -> Value {
    Value::Decimal((n * 10.0).round() / 10.0)
}

/// Veeam's repository types as the questionnaire's choices, where one answers it.
fn repository_type(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "LinuxHardened" => "hardened_linux",
        "LinuxLocal" => "linux",
        "CifsShare" | "SmbShare" => "smb_share",
        "Nfs" | "NfsShare" => "nfs_share",
        "DDBoost" | "HPStoreOnceIntegration" | "ExaGrid" | "Quantum" | "Infinidat" => {
            "dedup_appliance"
        }
        "AmazonS3" | "AmazonS3Compatible" | "AzureBlob" | "GoogleCloud" | "S3Compatible" => {
            "object_storage"
        }
        // A Windows repository's file system (ReFS or NTFS) is not in the export.
        _ => return None,
    })
}

/// Veeam's transport modes as the questionnaire's choices.
fn transport_mode(mode: &str) -> Option<&'static str> {
    Some(match mode {
        "Auto" => "automatic",
        "DirectStorageAccess" | "San" => "direct_storage",
        "HotAdd" => "virtual_appliance",
        "Nbd" => "network",
        _ => return None,
    })
}

/// Every answer the evidence gives, in the questionnaire's order of sections.
pub fn propose(
    questionnaire: &Questionnaire,
    answers: &Answers,
    evidence: &Evidence,
) -> Vec<Proposal> {
    let mut p = Proposer {
        questionnaire,
        answers,
        out: Vec::new(),
    };
    if let Some(cluster) = evidence.clusters.first() {
        p.include(
            "engagement.platforms",
            "vmware_vsphere",
            &cluster.from,
            format!("{} vSphere clusters in RVTools", evidence.clusters.len()),
        );
    }
    if let Some(gateway) = evidence.gateways.first() {
        p.include(
            "engagement.services",
            "cloud_connect_backup",
            &gateway.from,
            format!("{} Cloud Connect gateways", evidence.gateways.len()),
        );
    }
    let tenants = evidence
        .tenants
        .iter()
        .filter(|t| t.enabled != Some(false))
        .count();
    if let Some(first) = evidence.tenants.first() {
        p.question(
            "engagement.tenant_count",
            integer(tenants as u64),
            &first.from,
            format!("{tenants} enabled Cloud Connect tenants"),
        );
    }
    if let Some(server) = &evidence.backup_server {
        if let Some(version) = &server.version {
            p.question(
                "platform.vbr_version",
                Value::Text(version.clone()),
                &server.from,
                format!("Version: {version}"),
            );
        }
        if let Some(mfa) = server.mfa {
            p.question(
                "security.mfa_console",
                Value::Bool(mfa),
                &server.from,
                format!("MFA: {}", if mfa { "True" } else { "False" }),
            );
        }
    }
    if let Some(config) = &evidence.config_backup
        && let Some(encrypted) = config.encrypted
    {
        p.question(
            "platform.config_backup_encrypted",
            Value::Bool(encrypted),
            &config.from,
            format!(
                "EncryptionOptions: {}",
                if encrypted { "True" } else { "False" }
            ),
        );
    }
    for proxy in &evidence.proxies {
        proxy_proposals(&mut p, proxy);
    }
    for cluster in &evidence.clusters {
        let name = &cluster.name;
        p.member(
            "compute.clusters.platform",
            name,
            Value::Text("vmware_vsphere".to_owned()),
            &cluster.from,
            "a vSphere cluster in RVTools".to_owned(),
        );
        if let Some(hosts) = cluster.hosts {
            p.member(
                "compute.clusters.host_count",
                name,
                integer(hosts),
                &cluster.from,
                format!("NumHosts: {hosts}"),
            );
        }
        // The lowest build among the cluster's hosts: what Veeam's support depends on.
        let builds: Vec<(Version, String, &Origin, &str)> = evidence
            .hosts
            .iter()
            .filter(|host| host.cluster.as_deref() == Some(name.as_str()))
            .filter_map(|host| {
                let text = host.version.as_deref()?;
                let build = esxi_build(text)?;
                Some((Version::parse(&build).ok()?, build, &host.from, text))
            })
            .collect();
        if let Some((_, build, from, text)) =
            builds.iter().min_by(|a, b| a.0.parts().cmp(b.0.parts()))
        {
            let distinct = {
                let mut all: Vec<&str> = builds.iter().map(|b| b.1.as_str()).collect();
                all.sort_unstable();
                all.dedup();
                all.len()
            };
            let mut fact = format!("ESX Version: {text}");
            if distinct > 1 {
                let _ = write!(fact, " (the lowest of {distinct} builds on its hosts)");
            }
            p.member(
                "compute.clusters.hypervisor_version",
                name,
                Value::Text(build.clone()),
                from,
                fact,
            );
        }
        if let [vcenter] = evidence.vcenters.as_slice()
            && let Some(version) = vcenter.version.as_deref()
            && let Some(build) = vcenter_build(version)
        {
            p.member(
                "compute.clusters.management_version",
                name,
                Value::Text(build),
                &vcenter.from,
                format!("vCenter {} {version}", vcenter.name),
            );
        }
    }
    for repository in &evidence.repositories {
        repository_proposals(&mut p, repository);
    }
    for sobr in &evidence.scale_out {
        let extents: Vec<_> = evidence
            .extents
            .iter()
            .filter(|e| e.scale_out.as_deref() == Some(sobr.name.as_str()))
            .collect();
        if !extents.is_empty() {
            p.member(
                "repositories.scale_out.performance_extents",
                &sobr.name,
                integer(extents.len() as u64),
                &sobr.from,
                format!("{} extents in SOBRExtents", extents.len()),
            );
            let immutable = extents.iter().filter(|e| e.immutable == Some(true)).count();
            let known = extents.iter().filter(|e| e.immutable.is_some()).count();
            if known == extents.len() {
                p.member(
                    "repositories.scale_out.mixes_immutable",
                    &sobr.name,
                    Value::Bool(immutable > 0 && immutable < known),
                    &extents[0].from,
                    format!("{immutable} of {known} extents with IsImmutabilitySupported: True"),
                );
            }
        }
        let policy = match sobr.placement_policy.as_deref() {
            Some("DataLocality") => Some("data_locality"),
            Some("Performance") => Some("performance"),
            _ => None,
        };
        if let (Some(policy), Some(text)) = (policy, sobr.placement_policy.as_deref()) {
            p.member(
                "repositories.scale_out.placement_policy",
                &sobr.name,
                Value::Text(policy.to_owned()),
                &sobr.from,
                format!("PolicyType: {text}"),
            );
        }
        if let Some(archive) = sobr.archive_tier {
            p.member(
                "repositories.scale_out.archive_tier",
                &sobr.name,
                Value::Bool(archive),
                &sobr.from,
                format!(
                    "ArchiveTierEnabled: {}",
                    if archive { "True" } else { "False" }
                ),
            );
        }
    }
    let ports: Vec<u64> = evidence.gateways.iter().filter_map(|g| g.port).collect();
    if let (Some(first), Some(gateway)) = (ports.first(), evidence.gateways.first())
        && ports.iter().all(|port| port == first)
    {
        p.question(
            "cloud_connect.tenant_port",
            integer(*first),
            &gateway.from,
            format!("NATPort: {first} on every gateway"),
        );
    }
    for gateway in &evidence.gateways {
        if let Some(address) = &gateway.address {
            let (question, what) = if address.parse::<std::net::IpAddr>().is_ok() {
                ("cloud_connect.gateways.public_ip", "IPAddress:")
            } else {
                ("cloud_connect.gateways.fqdn", "IPAddress (a name):")
            };
            p.member(
                question,
                &gateway.name,
                Value::Text(address.clone()),
                &gateway.from,
                format!("{what} {address}"),
            );
        }
    }
    p.out
}

fn proxy_proposals(p: &mut Proposer<'_>, proxy: &Proxy) {
    let id = |q: &str| format!("platform.proxies.{q}");
    let hardware = proxy.hardware_from.as_ref().unwrap_or(&proxy.from);
    for (question, value, column, from) in [
        ("cores", proxy.cores, "Cores:", hardware),
        ("ram_gb", proxy.ram_gb, "RAM (in GB):", hardware),
        ("max_tasks", proxy.max_tasks, "MaxTasksCount:", &proxy.from),
    ] {
        if let Some(value) = value {
            p.member(
                &id(question),
                &proxy.name,
                integer(value),
                from,
                format!("{column} {value}"),
            );
        }
    }
    if let Some(mode) = proxy.transport_mode.as_deref()
        && let Some(choice) = transport_mode(mode)
    {
        p.member(
            &id("transport_mode"),
            &proxy.name,
            Value::Text(choice.to_owned()),
            &proxy.from,
            format!("TransportMode: {mode}"),
        );
    }
}

fn repository_proposals(p: &mut Proposer<'_>, repository: &Repository) {
    let id = |q: &str| format!("repositories.repositories.{q}");
    let name = &repository.name;
    if let Some(kind) = repository.kind.as_deref()
        && let Some(choice) = repository_type(kind)
    {
        p.member(
            &id("type"),
            name,
            Value::Text(choice.to_owned()),
            &repository.from,
            format!("Type: {kind}"),
        );
    }
    let hardware = repository
        .hardware_from
        .as_ref()
        .unwrap_or(&repository.from);
    for (question, value, column, from) in [
        (
            "max_tasks",
            repository
                .max_tasks
                .filter(|_| repository.unlimited_tasks != Some(true)),
            "Options(maxtasks):",
            &repository.from,
        ),
        ("cores", repository.cores, "Cores:", hardware),
        ("ram_gb", repository.ram_gb, "RAM (in GB):", hardware),
    ] {
        if let Some(value) = value {
            p.member(
                &id(question),
                name,
                integer(value),
                from,
                format!("{column} {value}"),
            );
        }
    }
    if let Some(capacity) = repository.capacity_gb.filter(|c| *c > 0.0) {
        p.member(
            &id("capacity_tb"),
            name,
            decimal(capacity / 1024.0),
            &repository.from,
            format!("CachedTotalSpace: {capacity} GB"),
        );
        if let Some(free) = repository.free_gb {
            p.member(
                &id("free_percent"),
                name,
                decimal(free / capacity * 100.0),
                &repository.from,
                format!("CachedFreeSpace: {free} GB of {capacity} GB"),
            );
        }
    }
}

/// For each proposal, whether its question would show once every proposal that sets a blank
/// answer or adds an item is applied: an answer to a question the partner's other answers hide
/// (the configuration backup's encryption when where it is written is not answered) would be kept
/// but not used, so it is better not chosen until that other answer is given.
pub fn applicable(
    questionnaire: &Questionnaire,
    answers: &Answers,
    evidence: &Evidence,
    proposals: &[Proposal],
) -> Vec<bool> {
    let filling: Vec<&Proposal> = proposals
        .iter()
        .filter(|p| matches!(p.change, Change::Set | Change::NewItem))
        .collect();
    let mut applied = answers.clone();
    set_chosen(&mut applied, evidence, &filling);
    let relevance = crate::relevance::Relevance::new(questionnaire, &applied);
    proposals
        .iter()
        .map(
            |proposal| match (questionnaire.entry(&proposal.question), &proposal.item) {
                (Some(Entry::Question(question)), None) => relevance.question_shown(question),
                (Some(Entry::Member(group, member)), Some(name)) => {
                    relevance.group_shown(group)
                        && find_item(applied.groups.get(&group.id).map(Vec::as_slice), name)
                            .is_some_and(|item| relevance.member_shown(group, member, item))
                }
                _ => false,
            },
        )
        .collect()
}

/// The answers with the chosen proposals applied: values set, each saying the export and row it
/// was read from, and new items added with the name the export gives them; and the evidence kept
/// with them (replacing what an earlier export of the same collector said), so that rules and a
/// reviewer can compare it with the answers later. The answers' other values, and the notes of
/// those set, are kept.
pub fn apply(answers: &Answers, evidence: &Evidence, chosen: &[&Proposal]) -> Answers {
    let mut answers = answers.clone();
    answers.evidence = Some(std::sync::Arc::new(match &answers.evidence {
        Some(earlier) => earlier.updated_with(evidence),
        None => evidence.clone(),
    }));
    set_chosen(&mut answers, evidence, chosen);
    answers
}

/// Sets the chosen proposals' values in `answers`, each saying where it came from, adding the
/// items they name that the answers do not have yet.
fn set_chosen(answers: &mut Answers, evidence: &Evidence, chosen: &[&Proposal]) {
    for proposal in chosen {
        let Some(source) = evidence.sources.get(proposal.from.source) else {
            continue;
        };
        let provenance = Provenance::Imported(Imported {
            collector: source.collector,
            file: source.file.clone(),
            table: proposal.from.table.clone(),
            row: proposal.from.row,
            collected_at: source.collected_at.clone(),
        });
        let answer = |old: Option<&Answer>| Answer {
            state: State::Value(proposal.value.clone()),
            note: old.and_then(|a| a.note.clone()),
            provenance: provenance.clone(),
        };
        match &proposal.item {
            None => {
                let answer = answer(answers.answers.get(&proposal.question));
                answers.answers.insert(proposal.question.clone(), answer);
            }
            Some(name) => {
                let Some((group, short)) = proposal.question.rsplit_once('.') else {
                    continue;
                };
                let items = answers.groups.entry(group.to_owned()).or_default();
                let at = match find_item(Some(items), name).map(|found| found.name.clone()) {
                    Some(found) => items.iter().position(|item| item.name == found),
                    None => None,
                };
                let item = match at {
                    Some(at) => &mut items[at],
                    None => {
                        items.push(GroupItem {
                            name: name.clone(),
                            answers: Default::default(),
                        });
                        let last = items.len() - 1;
                        &mut items[last]
                    }
                };
                let answer = answer(item.answers.get(short));
                item.answers.insert(short.to_owned(), answer);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_written_as_the_questionnaire_asks() {
        assert_eq!(
            esxi_build("VMware ESXi 8.0.3 build-24022510").as_deref(),
            Some("8.0.3.24022510")
        );
        assert_eq!(esxi_build("VMware ESXi 8.0.3"), None);
        assert_eq!(
            vcenter_build("8.0.3 build-24262322").as_deref(),
            Some("8.0.3.24262322")
        );
    }

    #[test]
    fn values_agree_within_rounding_and_by_version_numbers() {
        assert!(same(&Value::Decimal(100.0), &Value::Decimal(100.2)));
        assert!(!same(&Value::Decimal(100.0), &Value::Decimal(102.0)));
        assert!(same(&Value::Integer(16), &Value::Integer(16)));
        assert!(!same(&Value::Integer(16), &Value::Integer(17)));
        assert!(same(
            &Value::Text("12.3.1.1139".into()),
            &Value::Text("12.3.1.1139".into())
        ));
        assert!(!same(
            &Value::Text("12.3.1.1139".into()),
            &Value::Text("12.3.0.310".into())
        ));
        assert!(same(&Value::Bool(true), &Value::Bool(true)));
    }

    #[test]
    fn items_match_by_name_or_host_name() {
        let items = vec![GroupItem {
            name: "VBR-Proxy01".to_owned(),
            answers: Default::default(),
        }];
        assert!(find_item(Some(&items), "vbr-proxy01.ams1.example.net").is_some());
        assert!(find_item(Some(&items), "vbr-proxy02").is_none());
    }
}
