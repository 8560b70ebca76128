use super::{RFC_PMTU_BLACK_HOLE, SINCE, label};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// The standard Ethernet MTU; anything above it is a jumbo frame.
const STANDARD_MTU: f64 = 1500.0;

pub(super) const RULE: Rule = Rule {
    id: "NET-002",
    title: "Jumbo frames at both ends but not on every hop",
    category: Category::Network,
    severity: Severity::High,
    since: SINCE,
    checks: "Links whose two ends use the same MTU above 1500 bytes, where jumbo frames are \
             not configured on every hop in between (or that is not known). Links whose \
             ends differ are NET-001's.",
    why: "Jumbo frames only work when every device on the path accepts them. One switch \
          port, firewall or tunnel left at 1500 drops the large packets, with the same \
          symptom as an MTU mismatch: jobs connect, then stall.",
    remediation: &[
        "Walk the path hop by hop (switch ports, port channels, routers, firewalls, \
         carrier hand-off, tunnels) and record each MTU.",
        "Raise every hop to the jumbo MTU, or lower both ends to 1500 if a hop cannot \
         carry it (a carrier circuit often cannot).",
        "Confirm with a full-size do-not-fragment ping between the two ends, then rerun a \
         job over the link.",
    ],
    references: &[RFC_PMTU_BLACK_HOLE],
    check: jumbo_not_end_to_end,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-FRA1", "answers": {
              "mtu_near": {"value": 9000}, "mtu_far": {"value": 9000},
              "jumbo_end_to_end": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-FRA1", "answers": {
              "mtu_near": {"value": 9000}, "mtu_far": {"value": 9000},
              "jumbo_end_to_end": {"value": true}}},
              {"name": "AMS1-EHV1", "answers": {
              "mtu_near": {"value": 1500}, "mtu_far": {"value": 1500},
              "jumbo_end_to_end": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-FRA1", "answers": {
              "mtu_near": {"value": 9000}, "mtu_far": {"value": 9000},
              "jumbo_end_to_end": {"dont_know": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-FRA1", "answers": {
              "mtu_near": {"value": 9000}, "mtu_far": {"dont_know": true},
              "jumbo_end_to_end": {"value": false}}}]}}"#,
    },
];

fn jumbo_not_end_to_end(c: &mut Check<'_>) {
    for link in c.items("network.links") {
        let near = link.get("mtu_near").number();
        let far = link.get("mtu_far").number();
        // One end known at the standard MTU rules the link out whatever the other end is.
        if [&near, &far]
            .iter()
            .any(|end| end.value().is_some_and(|mtu| *mtu <= STANDARD_MTU))
        {
            continue;
        }
        let (near_evidence, far_evidence) = (near.evidence(), far.evidence());
        let (Some(near_mtu), Some(far_mtu)) = (c.filter(near), c.filter(far)) else {
            continue;
        };
        if (near_mtu - far_mtu).abs() > f64::EPSILON {
            continue;
        }
        let jumbo = link.get("jumbo_end_to_end").bool();
        let evidence = vec![near_evidence, far_evidence, jumbo.evidence()];
        if c.known(jumbo) == Some(false) {
            c.fire(
                format!(
                    "Link {} uses MTU {near_mtu} at both ends but jumbo frames are not set on \
                     every hop between them: large packets are dropped where a hop stays at \
                     1500",
                    label(&link)
                ),
                evidence,
            );
        }
    }
}
