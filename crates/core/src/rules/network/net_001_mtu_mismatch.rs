use super::{RFC_PMTU_BLACK_HOLE, SINCE, label};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "NET-001",
    title: "MTU differs between the two ends of a link",
    category: Category::Network,
    severity: Severity::High,
    since: SINCE,
    checks: "For each link, the MTU at the near end against the MTU at the far end.",
    why: "When one end sends jumbo frames and the other (or a hop between) accepts only \
          1500 bytes, and fragmentation or path MTU discovery is blocked, small packets \
          pass and large ones vanish: connections open, then replication stalls with no \
          clear error. This is the classic cause of replication that connects but never \
          finishes.",
    remediation: &[
        "Check the MTU configured on both end interfaces and every hop (switch ports, \
         routers, firewalls, tunnels), on the devices, not in the design document.",
        "Test the path with do-not-fragment pings of the full size (`ping -M do -s 8972` \
         on Linux, `ping -f -l 8972` on Windows for a 9000 MTU; 1472 for 1500).",
        "Set the same MTU end to end; if a hop cannot carry jumbo frames, lower both ends \
         to what the path carries (or clamp the TCP MSS on the tunnel).",
        "Rerun a replication or backup copy job over the link and confirm it completes.",
    ],
    references: &[
        RFC_PMTU_BLACK_HOLE,
        "https://www.rfc-editor.org/rfc/rfc4821",
    ],
    check: mtu_mismatch,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-EHV1", "answers": {
              "from_site": {"value": "AMS1"}, "to_site": {"value": "EHV1"},
              "mtu_near": {"value": 9000}, "mtu_far": {"value": 1500}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-EHV1", "answers": {
              "mtu_near": {"value": 9000}, "mtu_far": {"value": 9000}}},
              {"name": "internet", "answers": {
              "mtu_near": {"value": 1500}, "mtu_far": {"not_applicable": "tenants vary"}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"network.links": [{"name": "AMS1-EHV1", "answers": {
              "mtu_near": {"value": 9000}, "mtu_far": {"dont_know": true}}}]}}"#,
    },
];

fn mtu_mismatch(c: &mut Check<'_>) {
    for link in c.items("network.links") {
        let near = link.get("mtu_near").number();
        let far = link.get("mtu_far").number();
        let evidence = vec![near.evidence(), far.evidence()];
        let (Some(near), Some(far)) = (c.known(near), c.known(far)) else {
            continue;
        };
        if (near - far).abs() > f64::EPSILON {
            c.fire(
                format!(
                    "Link {} has MTU {near} at the near end and {far} at the far end: packets \
                     above {} bytes are dropped or fragmented, so jobs connect and then stall",
                    label(&link),
                    near.min(far)
                ),
                evidence,
            );
        }
    }
}
