//! Evidence: where the partner's answers and what the collectors found disagree, and evidence too
//! old to trust. "Verify, don't assume": an answer typed from memory and the platform's own
//! inventory (an RVTools export, Veeam Healthcheck's CSV files, kept with the answers once
//! imported) should say the same thing; where they do not, one of them is wrong and the tech lead
//! must find out which before advising on either.
//!
//! The comparisons are [`crate::evidence::map::propose`]'s, worked out once per assessment
//! ([`Check::proposals`]): every answer an export gives, and whether it agrees with the answer
//! given. Each answer it can differ on is reported by exactly one rule ([`claimed_by`]):
//! versions, immutability, security settings and Cloud Connect gateways by their own rules, any
//! other (sizes, counts, types, modes) by EVD-006. MTU and the list of gateways are compared here
//! too, as the questionnaire asks them differently from how the exports list them. An answer that
//! was imported from the same export agrees by construction; one imported from an older export
//! and changed since is reported like a stated one, naming where each came from.
//!
//! Sources: RVTools' documentation (robware.net) for its sheets and columns, VeeamHub
//! veeam-healthcheck for its CSV files (see `docs/evidence.md`).

mod evd_001_versions_differ;
mod evd_002_mtu_differs;
mod evd_003_immutability_differs;
mod evd_004_security_differs;
mod evd_005_gateways_differ;
mod evd_006_inventory_differs;
mod evd_007_evidence_old;

use super::{Check, Proof, Rule, Vector};
use crate::answers::{Answer, Answers, State, Value};
use crate::display;
use crate::evidence::map::{Change, Proposal};
use crate::evidence::{Evidence, Origin};

const SINCE: &str = "1.4.0";

const RVTOOLS: &str = "https://www.robware.net/";
const HEALTHCHECK: &str = "https://github.com/VeeamHub/veeam-healthcheck";

pub(super) const RULES: &[Rule] = &[
    evd_001_versions_differ::RULE,
    evd_002_mtu_differs::RULE,
    evd_003_immutability_differs::RULE,
    evd_004_security_differs::RULE,
    evd_005_gateways_differ::RULE,
    evd_006_inventory_differs::RULE,
    evd_007_evidence_old::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (
        evd_001_versions_differ::RULE.id,
        evd_001_versions_differ::VECTORS,
    ),
    (evd_002_mtu_differs::RULE.id, evd_002_mtu_differs::VECTORS),
    (
        evd_003_immutability_differs::RULE.id,
        evd_003_immutability_differs::VECTORS,
    ),
    (
        evd_004_security_differs::RULE.id,
        evd_004_security_differs::VECTORS,
    ),
    (
        evd_005_gateways_differ::RULE.id,
        evd_005_gateways_differ::VECTORS,
    ),
    (
        evd_006_inventory_differs::RULE.id,
        evd_006_inventory_differs::VECTORS,
    ),
    (evd_007_evidence_old::RULE.id, evd_007_evidence_old::VECTORS),
];

/// The rule that reports a disagreement on this proposal's question; EVD-006 takes what no other
/// rule does.
pub(crate) fn claimed_by(proposal: &Proposal, answers: &Answers) -> &'static str {
    match proposal.question.as_str() {
        "platform.vbr_version"
        | "compute.clusters.hypervisor_version"
        | "compute.clusters.management_version" => "EVD-001",
        "repositories.scale_out.mixes_immutable" => "EVD-003",
        "repositories.repositories.type" if hardened(proposal, answers) => "EVD-003",
        "security.mfa_console" | "platform.config_backup_encrypted" => "EVD-004",
        "engagement.services" => "EVD-005",
        question if question.starts_with("cloud_connect.") => "EVD-005",
        _ => "EVD-006",
    }
}

/// Whether either side of a repository type proposal is a hardened (immutable) repository.
fn hardened(proposal: &Proposal, answers: &Answers) -> bool {
    let is_hardened = |value: &Value| matches!(value, Value::Text(t) if t == "hardened_linux");
    is_hardened(&proposal.value)
        || current(answers, proposal)
            .is_some_and(|a| matches!(&a.state, State::Value(v) if is_hardened(v)))
}

/// The answer a proposal would change.
fn current<'a>(answers: &'a Answers, proposal: &Proposal) -> Option<&'a Answer> {
    match &proposal.item {
        None => answers.answers.get(&proposal.question),
        Some(name) => {
            let (group, short) = proposal.question.rsplit_once('.')?;
            answers
                .groups
                .get(group)?
                .iter()
                .find(|item| &item.name == name)?
                .answers
                .get(short)
        }
    }
}

/// Reports every answer the collectors contradict among those `rule` reports: one finding per
/// answer, naming the answer, who gave it, and the export, sheet or file and row that says
/// otherwise. Answers the evidence confirms make the rule assessed.
fn report_differences(c: &mut Check<'_>, rule: &str) {
    let Some(collected) = c.collected() else {
        return;
    };
    for proposal in c.proposals() {
        if claimed_by(proposal, c.answers()) != rule {
            continue;
        }
        match &proposal.change {
            Change::Same => c.compared(),
            Change::Differs { now } => report(c, collected, proposal, now),
            Change::Set | Change::NewItem => {}
        }
    }
}

fn report(c: &mut Check<'_>, collected: &Evidence, proposal: &Proposal, now: &str) {
    let Some(answer) = answer_proof(c, proposal) else {
        return;
    };
    let who = match current(c.answers(), proposal)
        .and_then(|answer| display::provenance(&answer.provenance))
    {
        Some(imported) => imported.replacen("Imported", "imported", 1),
        None => "stated by the partner".to_owned(),
    };
    let question = proposal.question_words(c.questionnaire());
    let value = proposal.value_words(c.questionnaire());
    let place = display::evidence_origin(collected, &proposal.from);
    c.fire(
        format!(
            "{question}: the answer is {now} ({who}), but {place} says {value} ({})",
            proposal.fact
        ),
        vec![
            answer,
            collected_proof(collected, &proposal.from, &proposal.fact),
        ],
    );
}

/// The answer a proposal is about, as evidence; none when the question does not apply.
fn answer_proof<'a>(c: &mut Check<'a>, proposal: &Proposal) -> Option<Proof<'a>> {
    let fact = match &proposal.item {
        None => {
            let id = c.questionnaire().question(&proposal.question)?.id.as_str();
            c.get(id)
        }
        Some(name) => {
            let (group, _) = proposal.question.rsplit_once('.')?;
            let item = c
                .items(group)
                .into_iter()
                .find(|item| item.name() == name)?;
            let question = c.questionnaire().question(&proposal.question)?;
            item.get(question.local_id())
        }
    };
    (!matches!(fact.state, super::FactState::NotApplicable)).then(|| fact.evidence())
}

/// A fact of the evidence, as evidence of a finding: where it was read and what it says.
fn collected_proof(collected: &Evidence, from: &Origin, fact: &str) -> Proof<'static> {
    Proof::collected(
        format!("evidence/{}/{}/{}", from.source, from.table, from.row),
        display::evidence_origin(collected, from),
        fact.to_owned(),
    )
}

/// Names for a message: "a, b and c", or the first few and how many more.
fn listed(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut shown: Vec<&str> = names.iter().take(SHOWN).map(String::as_str).collect();
    let more = names.len().saturating_sub(SHOWN);
    if more > 0 {
        return format!("{} and {more} more", shown.join(", "));
    }
    match shown.pop() {
        None => String::new(),
        Some(last) if shown.is_empty() => last.to_owned(),
        Some(last) => format!("{} and {last}", shown.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_sentences() {
        let names = |n: usize| (1..=n).map(|i| format!("gw-{i:02}")).collect::<Vec<_>>();
        assert_eq!(listed(&names(1)), "gw-01");
        assert_eq!(listed(&names(2)), "gw-01 and gw-02");
        assert_eq!(listed(&names(3)), "gw-01, gw-02 and gw-03");
        assert_eq!(
            listed(&names(7)),
            "gw-01, gw-02, gw-03, gw-04, gw-05 and 2 more"
        );
    }
}
