//! Network: the links backup, replication and tenant traffic cross (MTU, jumbo frames, what the
//! carrier does to the traffic, redundancy, WAN acceleration) and the network services every
//! Veeam component depends on (DNS, time, documented ports).

use super::{Category, Check, Expect, FactState, ItemView, Proof, Rule, Severity, Vector};

const SINCE: &str = "1.0.0";

/// The standard Ethernet MTU; anything above it is a jumbo frame.
const STANDARD_MTU: f64 = 1500.0;
/// Veeam's best practice uses WAN acceleration (low bandwidth mode) on links up to this speed,
/// and direct transfer above it.
const WAN_ACCELERATION_MAX_MBITS: f64 = 100.0;
/// Answers to the time source question that mean there is none. Anonymised answers keep them
/// (`crate::anonymise`): they are not customer data, and this rule reads them.
pub(crate) const NO_TIME_SOURCE: &[&str] = &[
    "none",
    "no",
    "nothing",
    "n/a",
    "na",
    "-",
    "not configured",
    "unknown",
    "local clock",
    "default",
];

const RFC_PMTU_BLACK_HOLE: &str = "https://www.rfc-editor.org/rfc/rfc2923";
const BP_GATEWAYS: &str = "https://bp.veeam.com/sp/Offsite_Backup/O_Build/cloud-gateways.html";

pub(super) const RULES: &[Rule] = &[
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
        id: "NET-003",
        title: "Carrier proxies, inspects or translates replication or tenant traffic",
        category: Category::Network,
        severity: Severity::Critical,
        since: SINCE,
        checks: "Links carrying replication, backup copy or tenant Cloud Connect traffic whose \
                 carrier does transparent proxying or deep packet inspection (critical on a \
                 tenant path, high otherwise), NAT (medium) or traffic shaping (low).",
        why: "Veeam traffic must cross the path unmodified. One partner's ISP began transparent \
              proxying on a TCP port and tenant replication broke overnight, with nothing \
              changed on the partner's side. NAT between sites breaks the direct connections \
              Veeam's data movers open to each other unless it is configured for; shaping \
              pushes jobs out of their windows.",
        remediation: &[
            "Ask the carrier in writing what it does to traffic on this circuit (proxying, \
             inspection, NAT, shaping) and on which ports.",
            "Have any proxying or inspection removed for the Veeam ports (TCP 6180 for Cloud \
             Connect, the data mover ports between sites), and put \"no proxying or \
             inspection\" in the contract.",
            "If NAT stays, configure the Veeam components for it (gateway NAT settings, \
             preferred networks) and test a replication job end to end.",
            "Add a synthetic check (a test tenant's job, or a TLS handshake to the gateway \
             from outside) that alerts when the path starts modifying traffic.",
        ],
        references: &[
            BP_GATEWAYS,
            "https://helpcenter.veeam.com/docs/backup/cloud/cloud_connect_gateway.html",
            "https://vccbook.io/2.Architecture/2.4-cloud_gateways.html",
        ],
        check: carrier_modifies_traffic,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"network.links": [{"name": "PAR1 internet", "answers": {
                  "purpose": {"value": ["tenant_cloud_connect"]},
                  "carrier": {"value": "Orange Business"},
                  "carrier_handling": {"value": ["transparent_proxy"]}}}]}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"network.links": [{"name": "AMS1-FRA1", "answers": {
                  "purpose": {"value": ["replication", "management"]},
                  "carrier_handling": {"value": ["nat", "traffic_shaping"]}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"network.links": [{"name": "AMS1-FRA1", "answers": {
                  "purpose": {"value": ["replication"]},
                  "carrier_handling": {"value": ["nothing"]}}},
                  {"name": "mgmt VPN", "answers": {
                  "purpose": {"value": ["management"]}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"network.links": [{"name": "ZWL internet", "answers": {
                  "purpose": {"value": ["tenant_cloud_connect"]},
                  "carrier_handling": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "NET-004",
        title: "Forward and reverse DNS do not resolve for every component",
        category: Category::Network,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether forward and reverse DNS lookups resolve for every Veeam component: \
                 only some components (hosts files, IP addresses) is medium, forward only is \
                 low.",
        why: "Veeam components find each other by name. Missing or stale records make jobs \
              fail after an address change, and certificate checks and Kerberos need \
              consistent names; hosts files drift apart silently. Veeam's best practice \
              expects forward (A) and reverse (PTR) records for every component.",
        remediation: &[
            "List every Veeam component (backup server, proxies, repositories, gateways, WAN \
             accelerators, hypervisor hosts and managers) and run `nslookup` on its name and \
             its address from the backup server.",
            "Create the missing A and PTR records; replace hosts-file entries with DNS \
             records.",
            "Re-add components that were registered by IP address under their names, in a \
             maintenance window.",
        ],
        references: &[
            "https://bp.veeam.com/vbr/VBP/3_Build_structures/B_Other/dns_resolution.html",
            "https://vccbook.io/2.Architecture/2.11-additional_components.html",
        ],
        check: dns_resolution,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"network.dns_resolution": {"value": "partial"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"network.dns_resolution": {"value": "forward_only"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"network.dns_resolution": {"value": "forward_and_reverse"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"network.dns_resolution": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "NET-005",
        title: "No time (NTP) source for the backup infrastructure",
        category: Category::Network,
        severity: Severity::Medium,
        since: SINCE,
        checks: "The time source for backup servers, proxies, repositories and storage: \
                 answered \"not applicable\" or with a word meaning none (none, n/a, not \
                 configured, local clock, default...).",
        why: "Clocks that drift apart break Kerberos logins (5 minutes of skew by default), \
              make certificates look not yet valid or already expired, and make logs \
              impossible to line up across layers during an incident. Immutability on storage \
              also relies on the storage system's clock being right.",
        remediation: &[
            "Check each component's time source and offset (`w32tm /query /status`, \
             `chronyc tracking`, the storage system's NTP settings).",
            "Point every component, storage included, at the same redundant internal NTP \
             servers, themselves synced to a reliable external source.",
            "Monitor the offset and alert when it exceeds a few seconds.",
        ],
        references: &[
            "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/maximum-tolerance-for-computer-clock-synchronization",
            "https://helpcenter.veeam.com/docs/backup/vsphere/securing_backup_infrastructure.html",
        ],
        check: no_time_source,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"network.ntp_source": {"not_applicable": "no NTP set up"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"network.ntp_source": {"value": "None"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"network.ntp_source": {"value": "ntp1.example.net, ntp2.example.net"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"network.ntp_source": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "NET-006",
        title: "The network ports Veeam needs are not documented",
        category: Category::Network,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether the ports Veeam needs are documented together with the firewall rules \
                 that allow them.",
        why: "Without a port list, firewall changes break backups by accident, nobody can tell \
              whether a rule is still needed, and rules are opened wide \"to be safe\", which \
              exposes the backup infrastructure.",
        remediation: &[
            "Build the list from Veeam's used-ports reference for each component in use \
             (backup server, proxies, repositories, gateways, WAN accelerators, tenants).",
            "Map each entry to the firewall rule that allows it; remove rules nobody can \
             justify, and narrow any any-to-any rule.",
            "Keep the list with the firewall change process so every change is checked \
             against it.",
        ],
        references: &["https://helpcenter.veeam.com/docs/backup/vsphere/used_ports.html"],
        check: ports_not_documented,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"network.ports_documented": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"network.ports_documented": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"network.ports_documented": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "NET-007",
        title: "Tenant traffic may depend on one link or one carrier",
        category: Category::Network,
        severity: Severity::Low,
        since: SINCE,
        checks: "The links carrying tenant Cloud Connect traffic: exactly one such link listed, \
                 or several that all name the same carrier. Low, because one listed link may \
                 still hide two uplinks (the questionnaire does not ask).",
        why: "Every tenant reaches the gateways over these links. With one uplink, or several \
              from the same carrier, a single fibre cut, carrier outage or carrier change (such \
              as a new transparent proxy) takes every tenant offline at once, however many \
              gateways there are.",
        remediation: &[
            "Check how the gateways' public addresses are announced (BGP with two transit \
             providers, or one provider's address space).",
            "Add a second uplink from a different carrier, on a separate physical path, and \
             make the gateways reachable through both.",
            "Test by disabling one uplink in a maintenance window while a test tenant runs a \
             job.",
        ],
        references: &[
            BP_GATEWAYS,
            "https://vccbook.io/3.Backups/3.5-cloud-gateway-pools.html",
        ],
        check: single_tenant_link,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"network.links": [{"name": "ZWL internet", "answers": {
                  "purpose": {"value": ["tenant_cloud_connect"]},
                  "carrier": {"value": "KPN"}}},
                  {"name": "ZWL-AMS", "answers": {"purpose": {"value": ["backup_copy"]}}}]}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"network.links": [{"name": "uplink A", "answers": {
                  "purpose": {"value": ["tenant_cloud_connect"]},
                  "carrier": {"value": "KPN"}}},
                  {"name": "uplink B", "answers": {
                  "purpose": {"value": ["tenant_cloud_connect"]},
                  "carrier": {"value": "kpn "}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"network.links": [{"name": "uplink A", "answers": {
                  "purpose": {"value": ["tenant_cloud_connect"]},
                  "carrier": {"value": "Cogent"}}},
                  {"name": "uplink B", "answers": {
                  "purpose": {"value": ["tenant_cloud_connect"]},
                  "carrier": {"value": "Lumen"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"network.links": [{"name": "uplink A", "answers": {
                  "purpose": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "NET-008",
        title: "Slow replication or backup copy link without WAN acceleration",
        category: Category::Network,
        severity: Severity::Low,
        since: SINCE,
        checks: "Links carrying replication or backup copy traffic at 100 Mbit/s or less \
                 without a Veeam WAN accelerator (Veeam's best practice uses WAN acceleration \
                 up to 100 Mbit/s and direct transfer above).",
        why: "On a slow link, replication and backup copies can miss their windows and the \
              recovery points promised to tenants. Veeam's WAN acceleration (global \
              deduplication, compression, multi-stream transfer tuned for latency) typically \
              cuts what crosses such a link several times over.",
        remediation: &[
            "Check whether the jobs over this link finish inside their windows and meet the \
             RPO; if they do with room to spare, acceleration is optional.",
            "If they do not, deploy a WAN accelerator pair (source and target) with fast cache \
             disks, in low bandwidth mode, and enable it on the jobs.",
            "Otherwise, raise the link's bandwidth.",
        ],
        references: &[
            "https://bp.veeam.com/vbr/VBP/2_Design_Structures/D_Veeam_Components/D_Wan_accelerator/WAN_Accelerator.html",
            "https://helpcenter.veeam.com/docs/backup/vsphere/wan_acceleration.html",
        ],
        check: slow_link_without_wan_acceleration,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"network.links": [{"name": "ZWL-AMS", "answers": {
                  "purpose": {"value": ["backup_copy"]},
                  "wan_accelerator": {"value": false},
                  "bandwidth_mbits": {"value": 50}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"network.links": [{"name": "ZWL-AMS", "answers": {
                  "purpose": {"value": ["backup_copy"]},
                  "wan_accelerator": {"value": false},
                  "bandwidth_mbits": {"value": 500}}},
                  {"name": "DSL", "answers": {
                  "purpose": {"value": ["replication"]},
                  "wan_accelerator": {"value": true}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"network.links": [{"name": "ZWL-AMS", "answers": {
                  "purpose": {"value": ["replication"]},
                  "wan_accelerator": {"value": false},
                  "bandwidth_mbits": {"dont_know": true}}}]}}"#,
            },
        ],
    },
];

/// A link named for messages: `“AMS1-EHV1” (AMS1 to EHV1)` when the sites are known.
fn label(link: &ItemView<'_>) -> String {
    let from = link.get("from_site").text();
    let to = link.get("to_site").text();
    match (from.value(), to.value()) {
        (Some(from), Some(to)) => format!("“{}” ({from} to {to})", link.name()),
        _ => format!("“{}”", link.name()),
    }
}

/// The traffic a link carries, when known.
fn purpose<'a>(c: &mut Check<'_>, link: &ItemView<'a>) -> Option<(Vec<String>, Proof<'a>)> {
    let fact = link.get("purpose").choices();
    let evidence = fact.evidence();
    c.known(fact).map(|purposes| (purposes, evidence))
}

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

fn jumbo_not_end_to_end(c: &mut Check<'_>) {
    for link in c.items("network.links") {
        let near = link.get("mtu_near").number();
        let far = link.get("mtu_far").number();
        let (Some(&near_mtu), Some(&far_mtu)) = (near.value(), far.value()) else {
            continue;
        };
        if (near_mtu - far_mtu).abs() > f64::EPSILON || near_mtu <= STANDARD_MTU {
            continue;
        }
        let jumbo = link.get("jumbo_end_to_end").bool();
        let evidence = vec![near.evidence(), far.evidence(), jumbo.evidence()];
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

fn carrier_modifies_traffic(c: &mut Check<'_>) {
    for link in c.items("network.links") {
        let Some((purposes, purpose_evidence)) = purpose(c, &link) else {
            continue;
        };
        let tenant = purposes.iter().any(|p| p == "tenant_cloud_connect");
        let replication = purposes
            .iter()
            .any(|p| p == "replication" || p == "backup_copy");
        if !tenant && !replication {
            continue;
        }
        let handling = link.get("carrier_handling").choices();
        let carrier = link.get("carrier").text();
        let evidence = vec![purpose_evidence, handling.evidence(), carrier.evidence()];
        let Some(handling) = c.known(handling) else {
            continue;
        };
        let mut worst: Option<Severity> = None;
        let mut what = Vec::new();
        for h in &handling {
            let (severity, text) = match h.as_str() {
                "transparent_proxy" | "dpi" => (
                    if tenant {
                        Severity::Critical
                    } else {
                        Severity::High
                    },
                    if h == "dpi" {
                        "deep packet inspection"
                    } else {
                        "transparent proxying"
                    },
                ),
                "nat" => (Severity::Medium, "NAT"),
                "traffic_shaping" => (Severity::Low, "traffic shaping"),
                _ => continue,
            };
            what.push(text);
            worst = Some(worst.map_or(severity, |w| w.min(severity)));
        }
        let Some(severity) = worst else { continue };
        let traffic = match (tenant, replication) {
            (true, true) => "tenant Cloud Connect and replication traffic",
            (true, false) => "tenant Cloud Connect traffic",
            _ => "replication or backup copy traffic",
        };
        let by = carrier.value().map_or_else(
            || "The carrier".to_owned(),
            |name| format!("Carrier {name}"),
        );
        c.fire_at(
            severity,
            format!(
                "{by} applies {} to {traffic} on link {}",
                what.join(" and "),
                label(&link)
            ),
            evidence,
        );
    }
}

fn dns_resolution(c: &mut Check<'_>) {
    let dns = c.get("network.dns_resolution").choice();
    let evidence = dns.evidence();
    match c.known(dns).as_deref() {
        Some("partial") => c.fire(
            "DNS resolves only some Veeam components; others are reached by IP address or \
             hosts files"
                .to_owned(),
            vec![evidence],
        ),
        Some("forward_only") => c.fire_at(
            Severity::Low,
            "DNS resolves Veeam components forward only: reverse (PTR) records are missing or \
             not checked"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}

fn no_time_source(c: &mut Check<'_>) {
    let ntp = c.get("network.ntp_source").text();
    let evidence = ntp.evidence();
    if matches!(ntp.state, FactState::NotApplicable) {
        c.fire(
            format!(
                "No time source is set for the backup infrastructure ({})",
                evidence.shown()
            ),
            vec![evidence],
        );
        return;
    }
    if let Some(source) = c.known(ntp) {
        let normalised = source.trim().trim_end_matches('.').to_lowercase();
        if NO_TIME_SOURCE.contains(&normalised.as_str()) {
            c.fire(
                format!("No time source is set for the backup infrastructure (“{source}”)"),
                vec![evidence],
            );
        }
    }
}

fn ports_not_documented(c: &mut Check<'_>) {
    let documented = c.get("network.ports_documented").bool();
    let evidence = documented.evidence();
    if c.known(documented) == Some(false) {
        c.fire(
            "The network ports Veeam needs are not documented with the firewall rules that \
             allow them"
                .to_owned(),
            vec![evidence],
        );
    }
}

fn single_tenant_link(c: &mut Check<'_>) {
    let mut tenant_links = Vec::new();
    for link in c.items("network.links") {
        let Some((purposes, purpose_evidence)) = purpose(c, &link) else {
            continue;
        };
        if purposes.iter().any(|p| p == "tenant_cloud_connect") {
            let carrier = link.get("carrier").text();
            tenant_links.push((link, purpose_evidence, carrier));
        }
    }
    match tenant_links.as_slice() {
        [] => {}
        [(link, purpose_evidence, carrier)] => {
            let by = carrier
                .value()
                .map_or_else(String::new, |name| format!(", carrier {name}"));
            c.fire(
                format!(
                    "Only one link carries tenant Cloud Connect traffic, {}{by}: unless it has \
                     separate uplinks from different carriers, one outage takes every tenant \
                     offline",
                    label(link)
                ),
                vec![purpose_evidence.clone(), carrier.evidence()],
            );
        }
        links => {
            let carriers: Vec<Option<String>> = links
                .iter()
                .map(|(_, _, carrier)| carrier.value().map(|name| name.trim().to_lowercase()))
                .collect();
            let Some(Some(first)) = carriers.first() else {
                return;
            };
            if carriers.iter().all(|c| c.as_ref() == Some(first)) {
                let name = links[0].2.value().map_or("", |n| n.trim());
                let evidence = links
                    .iter()
                    .flat_map(|(_, purpose, carrier)| [purpose.clone(), carrier.evidence()])
                    .collect();
                c.fire(
                    format!(
                        "All {} links carrying tenant Cloud Connect traffic are from one \
                         carrier, {name}: a carrier outage or change takes every tenant offline",
                        links.len()
                    ),
                    evidence,
                );
            }
        }
    }
}

fn slow_link_without_wan_acceleration(c: &mut Check<'_>) {
    for link in c.items("network.links") {
        let Some((purposes, purpose_evidence)) = purpose(c, &link) else {
            continue;
        };
        if !purposes
            .iter()
            .any(|p| p == "replication" || p == "backup_copy")
        {
            continue;
        }
        let wan = link.get("wan_accelerator").bool();
        let wan_evidence = wan.evidence();
        if c.known(wan) != Some(false) {
            continue;
        }
        let bandwidth = link.get("bandwidth_mbits").number();
        let evidence = vec![purpose_evidence, wan_evidence, bandwidth.evidence()];
        if let Some(bandwidth) = c.known(bandwidth)
            && bandwidth <= WAN_ACCELERATION_MAX_MBITS
        {
            c.fire(
                format!(
                    "Link {} carries replication or backup copies at {bandwidth} Mbit/s with no \
                     WAN accelerator",
                    label(&link)
                ),
                evidence,
            );
        }
    }
}
