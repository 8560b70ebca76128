use super::{RVTOOLS, SINCE, collected_proof, listed};
use crate::evidence::SwitchKind;
use crate::rules::{Category, Check, Expect, Proof, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "EVD-002",
    title: "The MTU answered differs from the switches and VMkernel ports collected",
    category: Category::Evidence,
    severity: Severity::Medium,
    since: SINCE,
    checks: "The MTUs answered for the network links against those RVTools lists for the \
             virtual switches (`vSwitch`, `dvSwitch` `Max MTU`) and VMkernel ports \
             (`vSC_VMK`): links answered at 1500 bytes or less while switches or ports \
             carry jumbo frames, or links answered with jumbo frames while nothing collected \
             carries them.",
    why: "Jumbo frames on one side of a path only are the classic cause of replication \
          and backup copy that connect and then stall: small packets pass, full-size ones \
          vanish. When the answers say 1500 everywhere but the hosts carry 9000 (or the \
          other way round), the path was never checked end to end, and the MTU checks of \
          the network rules rest on a belief.",
    remediation: &[
        "List the switches and VMkernel ports at a jumbo MTU from the export, and find \
         which traffic uses them (storage, vMotion, backup from storage snapshots, a proxy \
         or repository interface).",
        "For each path the Veeam components use, test it end to end with a full-size \
         do-not-fragment ping (`vmkping -d -s 8972` from the host, `ping -M do -s 8972` \
         from Linux, `ping -f -l 8972` from Windows).",
        "Correct the answers for each link with the MTU measured, and fix the hop where \
         the full-size ping fails.",
    ],
    references: &[
        "https://knowledge.broadcom.com/external/article/326539",
        "https://www.rfc-editor.org/rfc/rfc2923",
        RVTOOLS,
    ],
    check: mtu_differs,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-AMS2", "answers": {
              "mtu_near": {"value": 1500}, "mtu_far": {"value": 1500}}}]},
            "evidence": {"sources": [{"collector": "rvtools", "file": "RVTools.xlsx"}],
              "switches": [{"name": "vSwitch1", "kind": "standard", "host": "esx01",
                "mtu": 9000, "from": {"source": 0, "table": "vSwitch", "row": 3}}],
              "vmkernel_ports": [{"host": "esx01", "device": "vmk1", "mtu": 9000,
                "from": {"source": 0, "table": "vSC_VMK", "row": 3}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-AMS2", "answers": {
              "mtu_near": {"value": 9000}, "mtu_far": {"value": 9000}}}]},
            "evidence": {"sources": [{"collector": "rvtools", "file": "RVTools.xlsx"}],
              "switches": [{"name": "vSwitch0", "kind": "standard", "host": "esx01",
                "mtu": 1500, "from": {"source": 0, "table": "vSwitch", "row": 2}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-AMS2", "answers": {
              "mtu_near": {"value": 9000}, "mtu_far": {"value": 9000}}}]},
            "evidence": {"sources": [{"collector": "rvtools", "file": "RVTools.xlsx"}],
              "switches": [{"name": "dvs-storage", "kind": "distributed",
                "mtu": 9000, "from": {"source": 0, "table": "dvSwitch", "row": 2}}]}}"#,
    },
    Vector {
        expect: Expect::NotAssessed,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-AMS2", "answers": {}}]},
            "evidence": {"sources": [{"collector": "rvtools", "file": "RVTools.xlsx"}],
              "switches": [{"name": "vSwitch0", "kind": "standard", "host": "esx01",
                "mtu": 1500, "from": {"source": 0, "table": "vSwitch", "row": 2}}]}}"#,
    },
];

/// The largest standard Ethernet MTU: anything above is a jumbo frame.
const STANDARD_MTU: f64 = 1500.0;

fn mtu_differs(c: &mut Check<'_>) {
    let Some(collected) = c.collected() else {
        return;
    };
    // What the export carries: each switch and VMkernel port with its MTU, named as a reader
    // finds it in vSphere.
    let mut found = Vec::new();
    for switch in &collected.switches {
        if let Some(mtu) = switch.mtu {
            let name = match (switch.kind, &switch.host) {
                (SwitchKind::Standard, Some(host)) => format!("{} on {host}", switch.name),
                _ => switch.name.clone(),
            };
            found.push((mtu, name, &switch.from, "MTU:"));
        }
    }
    for port in &collected.vmkernel_ports {
        if let Some(mtu) = port.mtu {
            found.push((
                mtu,
                format!("{} on {}", port.device, port.host),
                &port.from,
                "MTU:",
            ));
        }
    }
    if found.is_empty() {
        return;
    }
    let mut stated: Vec<(f64, String, Proof<'_>)> = Vec::new();
    for link in c.items("network.links") {
        for question in ["mtu_near", "mtu_far"] {
            let mtu = link.get(question).number();
            let proof = mtu.evidence();
            if let Some(mtu) = c.known(mtu) {
                stated.push((mtu, link.name().to_owned(), proof));
            }
        }
    }
    if stated.is_empty() {
        return;
    }
    let stated_jumbo = stated.iter().any(|(mtu, ..)| *mtu > STANDARD_MTU);
    let jumbo: Vec<_> = found
        .iter()
        .filter(|(mtu, ..)| *mtu as f64 > STANDARD_MTU)
        .collect();
    let proofs = |picked: &[&(u64, String, &crate::evidence::Origin, &str)]| {
        picked
            .iter()
            .take(5)
            .map(|(mtu, _, from, column)| {
                collected_proof(collected, from, &format!("{column} {mtu}"))
            })
            .collect::<Vec<_>>()
    };
    if !stated_jumbo && !jumbo.is_empty() {
        let names: Vec<String> = jumbo
            .iter()
            .map(|(mtu, name, ..)| format!("{name} ({mtu} bytes)"))
            .collect();
        let links: Vec<String> = dedup(stated.iter().map(|(_, link, _)| link.clone()));
        let mut evidence: Vec<Proof<'_>> = stated.into_iter().map(|(.., proof)| proof).collect();
        evidence.extend(proofs(&jumbo));
        c.fire(
            format!(
                "Every link is answered with an MTU of 1500 bytes or less ({}), but RVTools \
                 lists {} of {} switches and VMkernel ports at a jumbo MTU: {}",
                listed(&links),
                jumbo.len(),
                found.len(),
                listed(&names)
            ),
            evidence,
        );
    } else if stated_jumbo && jumbo.is_empty() {
        let links: Vec<String> = dedup(
            stated
                .iter()
                .filter(|(mtu, ..)| *mtu > STANDARD_MTU)
                .map(|(mtu, link, _)| format!("{link} ({mtu} bytes)")),
        );
        let all: Vec<_> = found.iter().collect();
        let mut evidence: Vec<Proof<'_>> = stated
            .into_iter()
            .filter(|(mtu, ..)| *mtu > STANDARD_MTU)
            .map(|(.., proof)| proof)
            .collect();
        evidence.extend(proofs(&all));
        c.fire(
            format!(
                "Links are answered with jumbo frames ({}), but none of the {} switches and \
                 VMkernel ports RVTools lists carries an MTU above 1500 bytes",
                listed(&links),
                found.len()
            ),
            evidence,
        );
    } else {
        c.compared();
    }
}

/// The names in their first order, each once.
fn dedup(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = Vec::new();
    for name in names {
        if !seen.contains(&name) {
            seen.push(name);
        }
    }
    seen
}
