//! Anonymised answers: the same assessment without the customer's data, so that a bundle can go
//! to R&D (`intake bundle --anonymise`, `docs/bundle.md`).
//!
//! [`anonymise`] replaces what names or locates the partner, their people and their customers:
//! free text (short and long text answers, notes, "not applicable" reasons, group item names),
//! DNS names, IP addresses and networks, web addresses and e-mail addresses, and the partner's
//! and engagement's names. It keeps what the rules and validation read, and which answers are
//! "don't know" or "not applicable".
//!
//! Placeholders are:
//! - **consistent**: the same original gives the same placeholder wherever it appears, whatever
//!   the question (a site's name and a gateway's site; a host name in a DNS name answer and in a
//!   web address). Texts are compared as the rules and validation compare them, trimmed and
//!   without regard to case, so two answers equal for a rule stay equal, and two that differ
//!   still differ;
//! - **valid for their kind**: a placeholder is well formed exactly when its original was, so
//!   validation finds the same problems and the rules the same findings (their messages name
//!   the placeholders). A DNS name answer given as an IP address gets an IP address;
//! - **deterministic**: numbered in the order the questionnaire asks (item names first), with no
//!   randomness, so the same answers give the same output;
//! - **never an original**: no placeholder repeats a value found in the answers (a real
//!   `10.0.0.1` is not another address's placeholder).
//!
//! Kept as typed: numbers, ports and yes/no; choices, time windows, versions, dates and durations
//! when well formed (a malformed one could hold anything, and is replaced as free text); blank
//! text; the words the time source rule reads as "none" (`none`, `n/a`, `-`...) and those the
//! storage firmware rule reads as naming no release (`latest`, `current`...), wherever they
//! appear; and the answers that name products, not the customer ([`PRODUCT_FACTS`]: the storage
//! vendor, model, firmware and service tier, the Kubernetes versions), which
//! R&D needs to reproduce a problem.
//!
//! Addresses keep their family and their kind: private (RFC 1918) IPv4 addresses become
//! `10.x.y.z`, link-local ones `169.254.x.y`, every other IPv4 address one of the documentation
//! ranges (`192.0.2.0/24`, `198.51.100.0/24`, `203.0.113.0/24`, then `198.18.0.0/15`); IPv6
//! unique-local addresses become `fd00::/8`, link-local ones `fe80::/64`, the others
//! `2001:db8::/32`. Unspecified, loopback, broadcast and multicast addresses are not customer
//! data and are kept. Networks keep their prefix length and the position of the address within
//! the network. Which address lies in which network is not kept: no rule reads it.

use std::collections::{HashMap, HashSet};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use ipnet::IpNet;

use crate::answers::{Answer, Answers, Imported, Provenance, State, Value, Window};
use crate::evidence::Evidence;
use crate::playbooks::walk::Walk;
use crate::questionnaire::{Entry, Kind, Questionnaire};
use crate::rules::{NO_RELEASE, NO_TIME_SOURCE};
use crate::validate::{MAX_LONG_TEXT, MAX_SHORT_TEXT};
use crate::values::{self, Version, WEEKDAYS};

/// The question naming the partner, and what its answer becomes.
pub const PARTNER_NAME: &str = "engagement.partner_name";
pub const PARTNER: &str = "Partner";
/// The question naming the engagement, and what its answer becomes.
pub const ENGAGEMENT_NAME: &str = "engagement.engagement_name";
pub const ENGAGEMENT: &str = "Engagement";

/// Answers that name products, not the customer, kept as typed: R&D needs the storage vendor,
/// model and firmware and the Kubernetes versions to reproduce a problem.
pub const PRODUCT_FACTS: [&str; 5] = [
    "storage.systems.vendor",
    "storage.systems.model",
    "storage.systems.firmware_version",
    "storage.systems.service_tier",
    "compute.kubernetes_versions",
];

/// Answers replaced by a fixed text, whatever they are.
const FIXED: [(&str, &str); 2] = [(PARTNER_NAME, PARTNER), (ENGAGEMENT_NAME, ENGAGEMENT)];

/// The answers with every piece of customer data replaced by a placeholder (module docs).
pub fn anonymise(questionnaire: &Questionnaire, answers: &Answers) -> Answers {
    anonymise_with_scrubber(questionnaire, answers).0
}

/// The answers anonymised as [`anonymise`] does, and a [`Scrubber`] that replaces the same
/// originals by the same placeholders in other text (a reviewer's notes about these answers).
pub fn anonymise_with_scrubber(
    questionnaire: &Questionnaire,
    answers: &Answers,
) -> (Answers, Scrubber) {
    // A first pass learns every original value, so the second never hands one out as a
    // placeholder.
    let mut learner = Anonymiser::new(HashSet::new());
    learner.answers(questionnaire, &mut answers.clone());
    if let Some(evidence) = &answers.evidence {
        learner.evidence(&mut (**evidence).clone());
    }
    let mut anonymised = answers.clone();
    let mut anonymiser = Anonymiser::new(learner.met);
    anonymiser.answers(questionnaire, &mut anonymised);
    if let Some(evidence) = &answers.evidence {
        let mut evidence = (**evidence).clone();
        anonymiser.evidence(&mut evidence);
        anonymised.evidence = Some(std::sync::Arc::new(evidence));
    }
    let mut names: Vec<(Vec<char>, String)> = anonymiser
        .placeholders
        .into_iter()
        .filter(|((_, key), placeholder)| {
            key.chars().count() >= Scrubber::SHORTEST && key != placeholder
        })
        .map(|((_, key), placeholder)| (key.chars().collect(), placeholder.trim_end().to_owned()))
        .collect();
    // The longest first, so a DNS name is replaced whole before the host name it starts with.
    names.sort_by(|(a, _), (b, _)| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    (anonymised, Scrubber { names })
}

/// Replaces, in any text, the names, host names, addresses and other answers that
/// [`anonymise_with_scrubber`] replaced in the answers, by the same placeholders: compared
/// without regard to case, as whole words (not inside a longer word or name).
#[derive(Debug, Clone, Default)]
pub struct Scrubber {
    /// Originals ([`key`], as characters) and their placeholders, longest first.
    names: Vec<(Vec<char>, String)>,
}

impl Scrubber {
    /// Originals shorter than this are left in text: too likely to be parts of other words.
    const SHORTEST: usize = 3;

    /// The text with every original replaced by its placeholder.
    pub fn scrub(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let lower: Vec<char> = chars
            .iter()
            .map(|c| c.to_lowercase().next().unwrap_or(*c))
            .collect();
        let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '_');
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        'text: while at < chars.len() {
            if !word(at.checked_sub(1).and_then(|before| chars.get(before))) {
                for (name, placeholder) in &self.names {
                    let end = at + name.len();
                    if lower.get(at..end) == Some(name.as_slice()) && !word(chars.get(end)) {
                        out.push_str(placeholder);
                        at = end;
                        continue 'text;
                    }
                }
            }
            out.push(chars[at]);
            at += 1;
        }
        out
    }
}

/// Where an imported answer came from, without names: the export's file name (partners name
/// exports after customers) becomes the collector's, and a Healthcheck CSV file's server prefix
/// (`VBR01_vbrinfo.csv`) becomes `server`. The sheet or file kind and the row are kept.
fn anonymise_import(imported: &mut Imported) {
    let extension = imported
        .file
        .rsplit_once('.')
        .map(|(_, ext)| format!(".{}", ext.to_ascii_lowercase()))
        .filter(|ext| ext.len() <= 5)
        .unwrap_or_default();
    imported.file = format!("{} export{extension}", imported.collector.name());
    if let Some((_, kind)) = imported.table.rsplit_once('_') {
        imported.table = format!("server_{kind}");
    }
}

/// The playbooks walked, without what the partner typed or answered: each step's note is
/// dropped, and so are the answers that suggested an outcome (they name items and hold answers
/// as typed). The path itself (steps, outcomes, conclusions) is the playbooks' own text and
/// stays, as does which outcome the answers suggested.
pub fn anonymise_walks(walks: &[Walk]) -> Vec<Walk> {
    let mut walks = walks.to_vec();
    for taken in walks.iter_mut().flat_map(|walk| walk.steps.iter_mut()) {
        taken.note.clear();
        if let Some(suggested) = &mut taken.suggested {
            suggested.because.clear();
        }
    }
    walks
}

/// Where new placeholder addresses come from: one kind of address, in one or more ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Range {
    PrivateV4,
    LinkLocalV4,
    PublicV4,
    UniqueLocalV6,
    LinkLocalV6,
    GlobalV6,
}

/// A block of addresses: the first one, as a number, and the prefix length.
#[derive(Debug, Clone, Copy)]
struct Pool {
    base: u128,
    prefix: u8,
}

const fn v4(octets: [u8; 4], prefix: u8) -> Pool {
    Pool {
        base: u32::from_be_bytes(octets) as u128,
        prefix,
    }
}

const fn v6(segments: [u16; 8], prefix: u8) -> Pool {
    let mut base = 0u128;
    let mut i = 0;
    while i < 8 {
        base = (base << 16) | segments[i] as u128;
        i += 1;
    }
    Pool { base, prefix }
}

impl Range {
    /// The kind of an address; `None` when it says nothing about the customer and is kept.
    fn of(ip: IpAddr) -> Option<Range> {
        match ip {
            IpAddr::V4(ip) => {
                if ip.is_unspecified() || ip.is_loopback() || ip.is_broadcast() || ip.is_multicast()
                {
                    None
                } else if ip.is_private() {
                    Some(Range::PrivateV4)
                } else if ip.is_link_local() {
                    Some(Range::LinkLocalV4)
                } else {
                    Some(Range::PublicV4)
                }
            }
            IpAddr::V6(ip) => {
                if ip.is_unspecified() || ip.is_loopback() || ip.is_multicast() {
                    None
                } else if ip.is_unique_local() {
                    Some(Range::UniqueLocalV6)
                } else if ip.is_unicast_link_local() {
                    Some(Range::LinkLocalV6)
                } else {
                    Some(Range::GlobalV6)
                }
            }
        }
    }

    fn pools(self) -> &'static [Pool] {
        const PRIVATE_V4: &[Pool] = &[v4([10, 0, 0, 0], 8)];
        const LINK_LOCAL_V4: &[Pool] = &[v4([169, 254, 0, 0], 16)];
        const PUBLIC_V4: &[Pool] = &[
            v4([192, 0, 2, 0], 24),
            v4([198, 51, 100, 0], 24),
            v4([203, 0, 113, 0], 24),
            v4([198, 18, 0, 0], 15),
        ];
        const UNIQUE_LOCAL_V6: &[Pool] = &[v6([0xfd00, 0, 0, 0, 0, 0, 0, 0], 8)];
        const LINK_LOCAL_V6: &[Pool] = &[v6([0xfe80, 0, 0, 0, 0, 0, 0, 0], 64)];
        const GLOBAL_V6: &[Pool] = &[v6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32)];
        match self {
            Range::PrivateV4 => PRIVATE_V4,
            Range::LinkLocalV4 => LINK_LOCAL_V4,
            Range::PublicV4 => PUBLIC_V4,
            Range::UniqueLocalV6 => UNIQUE_LOCAL_V6,
            Range::LinkLocalV6 => LINK_LOCAL_V6,
            Range::GlobalV6 => GLOBAL_V6,
        }
    }

    fn bits(self) -> u8 {
        match self {
            Range::PrivateV4 | Range::LinkLocalV4 | Range::PublicV4 => 32,
            Range::UniqueLocalV6 | Range::LinkLocalV6 | Range::GlobalV6 => 128,
        }
    }

    /// The address with this number, in this range's family.
    fn address(self, number: u128) -> IpAddr {
        if self.bits() == 32 {
            IpAddr::V4(Ipv4Addr::from(u32::try_from(number).unwrap_or(u32::MAX)))
        } else {
            IpAddr::V6(Ipv6Addr::from(number))
        }
    }
}

/// An address as a number.
fn number(ip: IpAddr) -> u128 {
    match ip {
        IpAddr::V4(ip) => u128::from(u32::from(ip)),
        IpAddr::V6(ip) => u128::from(ip),
    }
}

/// How many blocks of `prefix` fit in `pool`.
fn blocks(pool: Pool, prefix: u8) -> u128 {
    prefix.checked_sub(pool.prefix).map_or(0, |extra| {
        1u128.checked_shl(u32::from(extra)).unwrap_or(u128::MAX)
    })
}

/// The first address of the `index`th block of `prefix` in `pools` taken one after another.
fn nth_block(pools: &[Pool], prefix: u8, bits: u8, mut index: u128) -> Option<u128> {
    for pool in pools {
        let room = blocks(*pool, prefix);
        if index < room {
            let offset = index.checked_shl(u32::from(bits - prefix)).unwrap_or(0);
            return Some(pool.base + offset);
        }
        index -= room;
    }
    None
}

/// The comparison key of a text: trimmed and lower-case, as rules and validation compare names.
fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// The longest answer a question of this kind takes without a problem, if it has a limit.
fn limit(kind: Option<&Kind>) -> Option<usize> {
    match kind {
        Some(Kind::ShortText) => Some(MAX_SHORT_TEXT),
        Some(Kind::LongText) => Some(MAX_LONG_TEXT),
        _ => None,
    }
}

/// Whether a text answer to a question of this kind is kept as typed: well-formed values of the
/// kinds rules read, which hold no customer data. Malformed ones are free text.
fn kept(kind: Option<&Kind>, text: &str) -> bool {
    match kind {
        Some(Kind::Version) => Version::parse(text).is_ok(),
        Some(Kind::Date) => values::date(text).is_ok(),
        Some(Kind::Duration) => values::duration_minutes(text).is_ok(),
        Some(Kind::SingleChoice(choices)) => choices.iter().any(|choice| choice.id == text),
        // An item's name is free text, anonymised as the item's name is; a fixed choice is not.
        Some(Kind::Reference(reference)) => reference.also.iter().any(|choice| choice.id == text),
        _ => false,
    }
}

/// A placeholder for `original`, padded with spaces to just over `limit` when the original is
/// longer: it is still too long (and still well formed, as every reader trims).
fn padded(mut placeholder: String, original: &str, limit: Option<usize>) -> String {
    if let Some(limit) = limit
        && original.chars().count() > limit
    {
        let length = placeholder.chars().count();
        placeholder.extend(std::iter::repeat_n(' ', (limit + 1).saturating_sub(length)));
    }
    placeholder
}

/// The position of every question and group of the questionnaire, in the order it asks them.
fn positions(questionnaire: &Questionnaire) -> HashMap<&str, usize> {
    questionnaire
        .sections()
        .iter()
        .flat_map(|section| &section.items)
        .enumerate()
        .map(|(position, item)| (item.id(), position))
        .collect()
}

/// What a text is, which decides the kind of its placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Address(IpAddr),
    Network(IpNet),
    Url,
    Email,
    Host,
    Words,
}

impl Class {
    /// The class of a trimmed, non-blank text: the same tests validation makes.
    fn of(text: &str) -> Class {
        if let Ok(ip) = IpAddr::from_str(text) {
            Class::Address(ip)
        } else if let Ok(network) = IpNet::from_str(text) {
            Class::Network(network)
        } else if values::url(text).is_ok() {
            Class::Url
        } else if values::email(text).is_ok() {
            Class::Email
        } else if values::fqdn(text).is_ok() {
            Class::Host
        } else {
            Class::Words
        }
    }

    /// The class without its value, to key placeholders with.
    fn tag(self) -> u8 {
        match self {
            Class::Address(_) => 0,
            Class::Network(_) => 1,
            Class::Url => 2,
            Class::Email => 3,
            Class::Host => 4,
            Class::Words => 5,
        }
    }
}

/// The placeholders handed out so far, by original.
struct Anonymiser {
    /// Originals found in the answers (their [`key`], and addresses and networks written the
    /// standard way): never handed out as a placeholder. Filled by a first pass.
    avoid: HashSet<String>,
    /// The same, as met by this pass.
    met: HashSet<String>,
    /// Placeholders by the class and [`key`] of the original.
    placeholders: HashMap<(u8, String), String>,
    /// Placeholders of what follows the host (and port) in web addresses, by [`key`].
    paths: HashMap<String, String>,
    /// The last number used by each kind of placeholder.
    counters: HashMap<String, u64>,
    /// The next block to hand out, by range and prefix length.
    blocks: HashMap<(Range, u8), u128>,
}

impl Anonymiser {
    fn new(avoid: HashSet<String>) -> Anonymiser {
        Anonymiser {
            avoid,
            met: HashSet::new(),
            placeholders: HashMap::new(),
            paths: HashMap::new(),
            counters: HashMap::new(),
            blocks: HashMap::new(),
        }
    }

    /// Anonymises imported evidence in place: every name (vCenter, cluster, host, datastore,
    /// switch, port group, proxy, repository, extent, gateway, tenant, server) and address, by the
    /// same placeholders as the answers; the exports' file names as in [`anonymise_import`]; the
    /// readers' notes dropped (they quote the files). Versions, sizes, counts and settings stay:
    /// they are what a reviewer compares.
    fn evidence(&mut self, evidence: &mut Evidence) {
        let mut name = |text: &mut String| *text = self.text(text, None, None);
        for source in &mut evidence.sources {
            let mut imported = Imported {
                collector: source.collector,
                file: std::mem::take(&mut source.file),
                table: String::new(),
                row: 0,
                collected_at: None,
            };
            anonymise_import(&mut imported);
            source.file = imported.file;
            if let Some(server) = &mut source.server {
                name(server);
            }
        }
        for vcenter in &mut evidence.vcenters {
            name(&mut vcenter.name);
        }
        for cluster in &mut evidence.clusters {
            name(&mut cluster.name);
            cluster.datacenter.as_mut().map(&mut name);
        }
        for host in &mut evidence.hosts {
            name(&mut host.name);
            host.cluster.as_mut().map(&mut name);
        }
        for datastore in &mut evidence.datastores {
            name(&mut datastore.name);
        }
        for switch in &mut evidence.switches {
            name(&mut switch.name);
            switch.host.as_mut().map(&mut name);
        }
        for port in &mut evidence.vmkernel_ports {
            name(&mut port.host);
            port.port_group.as_mut().map(&mut name);
            port.address.as_mut().map(&mut name);
        }
        if let Some(server) = &mut evidence.backup_server {
            server.name.as_mut().map(&mut name);
        }
        for proxy in &mut evidence.proxies {
            name(&mut proxy.name);
        }
        for repository in &mut evidence.repositories {
            name(&mut repository.name);
        }
        for sobr in &mut evidence.scale_out {
            name(&mut sobr.name);
        }
        for extent in &mut evidence.extents {
            name(&mut extent.name);
            extent.scale_out.as_mut().map(&mut name);
        }
        for tier in &mut evidence.capacity_tiers {
            tier.name.as_mut().map(&mut name);
            tier.scale_out.as_mut().map(&mut name);
        }
        if let Some(backup) = &mut evidence.config_backup {
            backup.repository.as_mut().map(&mut name);
        }
        for gateway in &mut evidence.gateways {
            name(&mut gateway.name);
            gateway.address.as_mut().map(&mut name);
        }
        for tenant in &mut evidence.tenants {
            name(&mut tenant.name);
        }
        evidence.notes.clear();
    }

    /// Anonymises `answers` in place: item names first, then answers in questionnaire order
    /// (answers to questions it does not have last, by id).
    fn answers(&mut self, questionnaire: &Questionnaire, answers: &mut Answers) {
        let positions = positions(questionnaire);
        let order = |id: &str| {
            (
                positions.get(id).copied().unwrap_or(usize::MAX),
                id.to_owned(),
            )
        };
        for (id, placeholder) in FIXED {
            if let Some(Value::Text(text)) = answers.answers.get(id).and_then(Answer::as_value)
                && !text.trim().is_empty()
                && Class::of(text.trim()) == Class::Words
            {
                self.placeholders
                    .entry((Class::Words.tag(), key(text)))
                    .or_insert_with(|| placeholder.to_owned());
            }
        }
        let mut group_ids: Vec<String> = answers.groups.keys().cloned().collect();
        group_ids.sort_by_cached_key(|id| order(id));
        for id in &group_ids {
            let label = match questionnaire.entry(id) {
                Some(Entry::Group(group)) => group.item_label.clone(),
                _ => "Item".to_owned(),
            };
            for item in answers.groups.get_mut(id).into_iter().flatten() {
                item.name = self.text(&item.name, Some(&label), None);
            }
        }
        let mut ids: Vec<(bool, String)> = answers
            .answers
            .keys()
            .map(|id| (false, id.clone()))
            .chain(group_ids.into_iter().map(|id| (true, id)))
            .collect();
        ids.sort_by_cached_key(|(_, id)| order(id));
        for (is_group, id) in ids {
            if is_group {
                self.group(questionnaire, &id, answers);
            } else if let Some(answer) = answers.answers.get_mut(&id) {
                let kind = questionnaire.question(&id).map(|question| &question.kind);
                let fixed = FIXED
                    .into_iter()
                    .find(|(fixed, _)| *fixed == id)
                    .map(|(_, placeholder)| placeholder);
                self.answer(kind, answer, fixed, PRODUCT_FACTS.contains(&id.as_str()));
            }
        }
    }

    /// The answers of every item of a group, in the order of the group's questions.
    fn group(&mut self, questionnaire: &Questionnaire, id: &str, answers: &mut Answers) {
        let group = match questionnaire.entry(id) {
            Some(Entry::Group(group)) => Some(group),
            _ => None,
        };
        for item in answers.groups.get_mut(id).into_iter().flatten() {
            let mut locals: Vec<String> = item.answers.keys().cloned().collect();
            locals.sort_by_cached_key(|local| {
                let position = group.and_then(|group| {
                    group
                        .questions
                        .iter()
                        .position(|question| question.local_id() == local)
                });
                (position.unwrap_or(usize::MAX), local.clone())
            });
            for local in locals {
                let kind = group
                    .and_then(|group| group.member(&local))
                    .map(|question| &question.kind);
                if let Some(answer) = item.answers.get_mut(&local) {
                    let product = PRODUCT_FACTS.contains(&format!("{id}.{local}").as_str());
                    self.answer(kind, answer, None, product);
                }
            }
        }
    }

    /// One answer: its value (or its "not applicable" reason), then its note. `fixed` replaces a
    /// text value whatever it is; `product` keeps a value that names a product ([`PRODUCT_FACTS`]).
    fn answer(
        &mut self,
        kind: Option<&Kind>,
        answer: &mut Answer,
        fixed: Option<&str>,
        product: bool,
    ) {
        match (&mut answer.state, fixed) {
            (State::Value(_), _) if product => {}
            (State::Value(Value::Text(text)), Some(fixed)) if !text.trim().is_empty() => {
                *text = padded(fixed.to_owned(), text, limit(kind));
            }
            (State::Value(value), _) => self.value(kind, value),
            (State::NotApplicable(reason), _) => *reason = self.text(reason, None, None),
            (State::DontKnow, _) => {}
        }
        if let Some(note) = &mut answer.note {
            *note = self.text(note, None, None);
        }
        if let Provenance::Imported(imported) = &mut answer.provenance {
            anonymise_import(imported);
        }
    }

    fn value(&mut self, kind: Option<&Kind>, value: &mut Value) {
        match value {
            Value::Bool(_) | Value::Integer(_) | Value::Decimal(_) => {}
            Value::Text(text) => {
                if !kept(kind, text) {
                    *text = self.text(text, None, limit(kind));
                }
            }
            Value::Choices(chosen) => {
                let choices = kind.map_or(&[][..], Kind::choices);
                for choice in chosen {
                    if !choices.iter().any(|known| known.id == *choice) {
                        *choice = self.text(choice, None, None);
                    }
                }
            }
            Value::Window(window) => self.window(window),
        }
    }

    /// A time window is kept, but for the parts that do not read (they could be anything).
    fn window(&mut self, window: &mut Window) {
        for time in [&mut window.start, &mut window.end] {
            if values::time_of_day(time).is_err() {
                *time = self.text(time, None, None);
            }
        }
        for day in &mut window.days {
            if !WEEKDAYS.contains(&day.as_str()) {
                *day = self.text(day, None, None);
            }
        }
    }

    /// The placeholder of any text: by what it is, whatever the question (an address stays an
    /// address, a DNS name a DNS name), so that it is well formed exactly when the original is.
    /// Texts with the same [`key`] and class get the same placeholder. Blank text and the words
    /// rules read (`none`, `n/a`...) are kept.
    fn text(&mut self, original: &str, label: Option<&str>, limit: Option<usize>) -> String {
        let text = original.trim();
        let word = text.trim_end_matches('.').to_lowercase();
        if text.is_empty()
            || NO_TIME_SOURCE.contains(&word.as_str())
            || NO_RELEASE.contains(&word.as_str())
        {
            return original.to_owned();
        }
        let class = Class::of(text);
        let slot = (class.tag(), key(text));
        self.met.insert(slot.1.clone());
        let placeholder = match self.placeholders.get(&slot) {
            Some(placeholder) => placeholder.clone(),
            None => {
                let placeholder = match class {
                    Class::Address(ip) => {
                        self.met.insert(ip.to_string());
                        self.address(ip).to_string()
                    }
                    Class::Network(network) => {
                        self.met.insert(network.to_string());
                        self.met.insert(network.trunc().to_string());
                        self.network(network).to_string()
                    }
                    Class::Url => self.url(text),
                    Class::Email => self.fresh("email", |n| format!("contact-{n}@example.invalid")),
                    Class::Host => self.fresh("host", |n| format!("host-{n}.example.invalid")),
                    Class::Words => match label {
                        Some(label) => self.fresh(label, |n| format!("{label} {n}")),
                        None => self.fresh("[text]", |n| format!("[text {n}]")),
                    },
                };
                self.placeholders.insert(slot, placeholder.clone());
                placeholder
            }
        };
        padded(placeholder, original, limit)
    }

    /// A new placeholder `make(n)`: the next `n` of `family` whose key is not an original.
    fn fresh(&mut self, family: &str, make: impl Fn(u64) -> String) -> String {
        let counter = self.counters.entry(family.to_owned()).or_default();
        loop {
            *counter += 1;
            let placeholder = make(*counter);
            if !self.avoid.contains(&key(&placeholder)) {
                return placeholder;
            }
        }
    }

    /// A web address (well formed, see [`values::url`]): the scheme and port are kept, the host
    /// is replaced as any other text, and what follows becomes `/path-1` (`/` alone is kept).
    fn url(&mut self, text: &str) -> String {
        let (scheme, rest) = match text.strip_prefix("https://") {
            Some(rest) => ("https://", rest),
            None => ("http://", text.strip_prefix("http://").unwrap_or(text)),
        };
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, tail) = rest.split_at(end);
        let (host, port) = match authority.strip_prefix('[') {
            Some(bracketed) => {
                let (host, after) = bracketed.split_once(']').unwrap_or((bracketed, ""));
                (
                    format!("[{}]", self.text(host, None, None)),
                    after.strip_prefix(':'),
                )
            }
            None => match authority.rsplit_once(':') {
                Some((host, port)) => (self.text(host, None, None), Some(port)),
                None => (self.text(authority, None, None), None),
            },
        };
        let port = port.map(|port| format!(":{port}")).unwrap_or_default();
        let tail = if tail.is_empty() || tail == "/" {
            tail.to_owned()
        } else {
            self.met.insert(key(tail));
            match self.paths.get(&key(tail)) {
                Some(placeholder) => placeholder.clone(),
                None => {
                    let placeholder = self.fresh("path", |n| format!("/path-{n}"));
                    self.paths.insert(key(tail), placeholder.clone());
                    placeholder
                }
            }
        };
        format!("{scheme}{host}{port}{tail}")
    }

    /// A new address of the same family and kind ([`Range`]), or the address itself when it is
    /// not customer data. An IPv4 address written as IPv6 (`::ffff:10.1.2.3`) stays one.
    fn address(&mut self, ip: IpAddr) -> IpAddr {
        if let IpAddr::V6(v6) = ip
            && let Some(v4) = v6.to_ipv4_mapped()
        {
            return match self.address(IpAddr::V4(v4)) {
                IpAddr::V4(mapped) => IpAddr::V6(mapped.to_ipv6_mapped()),
                other => other,
            };
        }
        match Range::of(ip) {
            Some(range) => self.block(range, range.bits()).addr(),
            None => ip,
        }
    }

    /// A new network of the same family, kind and prefix length, with the address's position in
    /// it kept (`10.20.0.5/24` becomes `10.0.0.5/24`, or `10.0.1.5/24` for the second one).
    fn network(&mut self, network: IpNet) -> IpNet {
        let Some(range) = Range::of(network.network()) else {
            return network;
        };
        let block = self.block(range, network.prefix_len());
        let host = number(network.addr()) - number(network.network());
        IpNet::new(
            range.address(number(block.network()) + host),
            network.prefix_len(),
        )
        .unwrap_or(block)
    }

    /// The next block of `prefix` in `range` that is not an original. Addresses (a full prefix)
    /// skip the first address of every 256 (IPv6: 65536) and, in IPv4, the last one. Beyond the
    /// range's room, blocks are handed out again; a prefix shorter than the range's gets the
    /// range's first network of that length.
    fn block(&mut self, range: Range, prefix: u8) -> IpNet {
        let pools = range.pools();
        let first = || IpNet::new(range.address(pools[0].base), prefix).map(|net| net.trunc());
        let capacity = pools
            .iter()
            .fold(0u128, |sum, pool| sum.saturating_add(blocks(*pool, prefix)));
        if capacity == 0 {
            return first().unwrap_or_else(|_| IpNet::from(range.address(pools[0].base)));
        }
        let is_address = prefix == range.bits();
        let attempts = u128::try_from(self.avoid.len())
            .unwrap_or(u128::MAX)
            .saturating_mul(2)
            .saturating_add(8)
            .min(capacity);
        let next = self.blocks.entry((range, prefix)).or_default();
        let mut candidate = first().unwrap_or_else(|_| IpNet::from(range.address(pools[0].base)));
        for _ in 0..attempts {
            let Some(start) = nth_block(pools, prefix, range.bits(), *next % capacity) else {
                break;
            };
            *next = next.wrapping_add(1);
            candidate = IpNet::new(range.address(start), prefix).unwrap_or(candidate);
            let text = if is_address {
                candidate.addr().to_string()
            } else {
                candidate.to_string()
            };
            let low = start & if range.bits() == 32 { 0xff } else { 0xffff };
            let reserved = is_address && (low == 0 || (range.bits() == 32 && low == 0xff));
            if !reserved && !self.avoid.contains(&text) {
                break;
            }
        }
        candidate
    }
}
