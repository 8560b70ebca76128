//! Cloud Connect: gateways (redundancy, names, domain membership, what sits in front of them,
//! sizing), the Cloud Connect server and the pod's task limit.
//!
//! Sources: Veeam's service provider best practices (cloud gateways, pod sizing), the Veeam Cloud
//! Connect Guide, and the Cloud Connect reference architecture (vccbook.io).

use super::{Category, Check, Expect, Fact, FactState, ItemView, Proof, Rule, Severity, Vector};
use crate::answers::Value;

const SINCE: &str = "1.0.0";

const BP_GATEWAYS: &str = "https://bp.veeam.com/sp/Offsite_Backup/O_Build/cloud-gateways.html";
const BP_POD: &str = "https://bp.veeam.com/sp/Offsite_Backup/O_Build/pod-sizing.html";
const HC_GATEWAY: &str =
    "https://helpcenter.veeam.com/docs/backup/cloud/cloud_connect_gateway.html";

/// Veeam's gateway sizing: about 4 vCPU per 10 Gbit/s of bandwidth.
const CORES_PER_10_GBITS: f64 = 4.0;
/// Veeam's gateway sizing: about 512 KB of RAM per tenant connection.
const KB_PER_CONNECTION: f64 = 512.0;
/// RAM the gateway's operating system needs before any connection: Microsoft's minimum for
/// Windows Server with the Desktop Experience.
const GATEWAY_OS_RAM_GB: f64 = 2.0;
/// Peak tasks at or above this share of `max_pod_tasks` are worth planning a new pod for.
const POD_TASKS_PLAN_SHARE: f64 = 0.9;
/// A Cloud Connect server whose peak load is at most this share of `max_pod_tasks` is judged at
/// low severity when it is smaller than Veeam's pod sizing.
const LIGHT_POD_SHARE: f64 = 0.25;

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "CC-001",
        title: "Fewer Cloud Connect gateways than N+2 redundancy needs",
        category: Category::CloudConnect,
        severity: Severity::High,
        since: SINCE,
        checks: "The number of cloud gateways listed against `min_gateways` (default 3, N+2). \
                 When Cloud Connect is offered and no gateway is listed, asks for them.",
        why: "Gateways are the only way tenants reach the platform. With fewer than three, \
              patching one while another fails leaves no gateway at all, and every tenant's \
              backups and replicas stop until one comes back.",
        remediation: &[
            "Check whether more gateways exist than were listed (Cloud Connect > Cloud Gateways \
             in the console); if so, list them all.",
            "If there really are fewer than three, add gateways until there are at least three, \
             ideally at more than one site and behind more than one uplink.",
            "Publish every gateway under the DNS name tenants use (or let Veeam hand tenants \
             the list), then take one gateway offline in a maintenance window and confirm a \
             test tenant still connects.",
        ],
        references: &[BP_GATEWAYS, HC_GATEWAY],
        check: too_few_gateways,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}},
                    {"name": "gw2", "answers": {}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_replication"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}},
                    {"name": "gw2", "answers": {}}, {"name": "gw3", "answers": {}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["m365"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}}]}}"#,
            },
            Vector {
                expect: Expect::NotAssessed,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}}}"#,
            },
        ],
    },
    Rule {
        id: "CC-002",
        title: "Tenants reach a gateway by IP address, not a DNS name",
        category: Category::CloudConnect,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Gateways whose DNS name is answered \"not applicable\" (tenants use an IP \
                 address), or whose name is an IP address.",
        why: "Tenants configured with a bare address must all be reconfigured by hand when it \
              changes (new carrier, moved data centre, DDoS mitigation), and a certificate can \
              only be validated against a name. Veeam recommends DNS names for gateways.",
        remediation: &[
            "Check which address tenants have in their service provider settings; if they use \
             an IP address, create a DNS name (A record, plus PTR) that resolves to it.",
            "Put that name on the gateway in Cloud Connect and in the gateway certificate.",
            "Ask tenants to switch to the name in a planned change; keep the old address \
             working until the last tenant has moved.",
        ],
        references: &[BP_GATEWAYS, HC_GATEWAY],
        check: gateway_without_name,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "fqdn": {"not_applicable": "tenants use 198.51.100.24"},
                    "public_ip": {"value": "198.51.100.24"}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "fqdn": {"value": "cc01.example.net"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "fqdn": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "CC-003",
        title: "Internet-facing gateway is joined to a domain",
        category: Category::CloudConnect,
        severity: Severity::High,
        since: SINCE,
        checks: "Gateways answered as joined to an Active Directory domain.",
        why: "Gateways are reachable from the internet. A compromised domain-joined gateway \
              gives an attacker a foothold in the domain, often the one that also runs the \
              backup infrastructure. Veeam's reference architecture keeps gateways out of any \
              domain.",
        remediation: &[
            "Check which domain the gateway is joined to and what it is used for (GPO patching \
             is the usual reason).",
            "Rebuild or remove the gateway from the domain into a workgroup, with local \
             accounts and patching that does not depend on the domain.",
            "Remove the gateway's computer account from the domain and review the accounts \
             that logged on to it.",
        ],
        references: &[
            BP_GATEWAYS,
            "https://vccbook.io/2.Architecture/2.11-additional_components.html",
        ],
        check: gateway_domain_joined,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "domain_joined": {"value": true}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "domain_joined": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "domain_joined": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "CC-004",
        title: "Load balancer terminates TLS or proxies the Cloud Connect port",
        category: Category::CloudConnect,
        severity: Severity::Critical,
        since: SINCE,
        checks: "Gateways with a load balancer in front whose mode on the Cloud Connect port is \
                 TLS termination (SSL offload, re-encryption) or HTTP/application proxy; only \
                 TCP passthrough works.",
        why: "Cloud Connect carries its own TLS session from the tenant to the gateway over one \
              TCP port. A load balancer that terminates TLS presents its own certificate and \
              breaks that session: tenants see thumbprint errors and dropped sessions, often \
              only some of them, which makes it slow to diagnose.",
        remediation: &[
            "Check the virtual server for the Cloud Connect port on the load balancer: any \
             client-SSL/server-SSL profile or HTTP profile attached to it must go.",
            "Change it to plain layer-4 TCP passthrough (for example F5 FastL4, HAProxy `mode \
             tcp`), or publish the gateways directly: gateways balance tenants among \
             themselves.",
            "Confirm from a test tenant that the certificate presented is the gateway's own \
             (`openssl s_client -connect gateway:6180`) and that a backup copy runs.",
        ],
        references: &[
            HC_GATEWAY,
            BP_GATEWAYS,
            "https://vccbook.io/2.Architecture/2.4-cloud_gateways.html",
        ],
        check: load_balancer_breaks_tls,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "in_front": {"value": ["load_balancer"]},
                    "lb_mode": {"value": "tls_termination"}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "in_front": {"value": ["load_balancer", "nat"]},
                    "lb_mode": {"value": "tcp_passthrough"}}},
                    {"name": "gw2", "answers": {"in_front": {"value": ["direct"]}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "in_front": {"value": ["load_balancer"]},
                    "lb_mode": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "CC-005",
        title: "Traffic to a gateway is inspected or proxied",
        category: Category::CloudConnect,
        severity: Severity::Critical,
        since: SINCE,
        checks: "Gateways with IPS/IDS or TLS inspection in front, a firewall that inspects, \
                 decrypts or proxies the Cloud Connect port, or a reverse proxy (high: it must \
                 be a pure TCP stream proxy). NAT and plain firewalls are fine, and so is a \
                 tenant port other than 6180.",
        why: "Anything that inspects, decrypts or proxies the Cloud Connect port corrupts or \
              resets tenant sessions: jobs stall or fail with SSL errors, often only for some \
              tenants or some traffic. At one provider an ISP's transparent proxy on the port \
              broke tenant replication overnight.",
        remediation: &[
            "Check the firewall policy that allows the Cloud Connect port: remove any \
             application identification, IPS/IDP, antivirus, SSL/TLS inspection or protocol \
             proxy profile from it.",
            "If an inspection device sits in line, exempt the gateways' addresses and port from \
             it; if a reverse proxy sits in front, make it a plain TCP stream proxy or remove \
             it.",
            "Confirm from a test tenant that the gateway's own certificate is presented and a \
             large backup copy completes; then watch the gateway for dropped sessions through \
             the next backup window.",
        ],
        references: &[
            BP_GATEWAYS,
            HC_GATEWAY,
            "https://vccbook.io/2.Architecture/2.4-cloud_gateways.html",
        ],
        check: inspected_gateway,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.tenant_port": {"value": 6180}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "in_front": {"value": ["firewall", "nat"]},
                    "firewall_inspects": {"value": true}}}]}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "in_front": {"value": ["inspection"]}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.tenant_port": {"value": 443}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "in_front": {"value": ["firewall", "nat"]},
                    "firewall_inspects": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "in_front": {"value": ["firewall"]},
                    "firewall_inspects": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "CC-006",
        title: "Too many tenant connections per gateway",
        category: Category::CloudConnect,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Peak concurrent tenant connections divided by the number of gateways, against \
                 `connections_per_gateway` (default 500). Low severity when only the loss of \
                 one gateway would push the others over it.",
        why: "Veeam sizes a gateway for about 500 connections and adds gateways beyond that \
              rather than growing them. Overloaded gateways slow or drop every tenant's \
              sessions, and with no headroom, patching or losing one gateway overloads the \
              rest.",
        remediation: &[
            "Check the peak connection count per gateway in monitoring (Veeam ONE, or the \
             gateway's TCP sessions on the Cloud Connect port) on the busiest night.",
            "Add gateways until the peak stays under the limit with one gateway down; spread \
             them across sites and uplinks.",
            "If gateway pools pin tenants to some gateways, check each pool's share of the load \
             separately.",
        ],
        references: &[BP_GATEWAYS, BP_POD],
        check: connections_per_gateway,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_tenant_connections": {"value": 1800}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}},
                    {"name": "gw2", "answers": {}}, {"name": "gw3", "answers": {}}]}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_tenant_connections": {"value": 1200}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}},
                    {"name": "gw2", "answers": {}}, {"name": "gw3", "answers": {}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_tenant_connections": {"value": 1000}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}},
                    {"name": "gw2", "answers": {}}, {"name": "gw3", "answers": {}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_tenant_connections": {"dont_know": true}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {}}]}}"#,
            },
        ],
    },
    Rule {
        id: "CC-007",
        title: "Gateway RAM too small for its share of tenant connections",
        category: Category::CloudConnect,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Each gateway's RAM against 2 GB for Windows Server plus about 512 KB per \
                 connection, for an even share of the peak tenant connections (peak divided by \
                 the number of gateways).",
        why: "Each tenant connection uses about 512 KB of gateway memory on top of what the \
              operating system needs. A gateway that runs out of memory drops the connections \
              of every tenant using it.",
        remediation: &[
            "Check the gateway's memory use at the nightly peak in monitoring.",
            "If it is short, add RAM to the gateway, or add gateways so each carries fewer \
             connections.",
        ],
        references: &[
            BP_GATEWAYS,
            "https://learn.microsoft.com/en-us/windows-server/get-started/hardware-requirements",
        ],
        check: gateway_ram,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_tenant_connections": {"value": 6000}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "ram_gb": {"value": 4}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_tenant_connections": {"value": 1500}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "ram_gb": {"value": 8}}}, {"name": "gw2", "answers": {
                    "ram_gb": {"value": 8}}}, {"name": "gw3", "answers": {
                    "ram_gb": {"value": 8}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_tenant_connections": {"value": 1500}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "ram_gb": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "CC-008",
        title: "Gateway has too few cores for its network speed",
        category: Category::CloudConnect,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Each gateway's cores against about 4 vCPU per 10 Gbit/s of its internet-facing \
                 interface, rounded up.",
        why: "Gateways encrypt and forward all tenant traffic. Veeam sizes about 4 vCPU per \
              10 Gbit/s; with fewer, the gateway's CPU caps every tenant's throughput below \
              what the link could carry.",
        remediation: &[
            "Check the gateway's CPU use during the nightly peak; if it sits near 100 % while \
             the link is not full, the cores are the bottleneck.",
            "Add vCPUs to the gateway, or add gateways so the load spreads.",
        ],
        references: &[BP_GATEWAYS],
        check: gateway_cores,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "cores": {"value": 8}, "network_gbits": {"value": 25}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "cores": {"value": 4}, "network_gbits": {"value": 10}}},
                    {"name": "gw2", "answers": {
                    "cores": {"value": 2}, "network_gbits": {"value": 1}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [{"name": "gw1", "answers": {
                    "cores": {"value": 4}, "network_gbits": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "CC-009",
        title: "Cloud Connect server smaller than Veeam's pod sizing",
        category: Category::CloudConnect,
        severity: Severity::Medium,
        since: SINCE,
        checks: "The Cloud Connect server's cores, RAM and log disk against \
                 `cloud_connect_server_min_cores` (16), `cloud_connect_server_min_ram_gb` (32) \
                 and `cloud_connect_server_min_log_disk_gb` (100). Low severity when the peak \
                 concurrent tasks, if known, are at most a quarter of `max_pod_tasks`.",
        why: "The Cloud Connect server schedules every tenant task in the pod. Veeam sizes it \
              at 24 vCPU (16 cores at the very least), 32 GB RAM and a separate 100 GB log \
              disk; an undersized server makes tenant jobs queue and time out at the nightly \
              peak, and a full log disk stops services and loses the logs support needs.",
        remediation: &[
            "Check the server's CPU and memory use and the log disk's free space at the nightly \
             peak.",
            "Add cores or RAM to reach Veeam's pod sizing; move the logs to a separate disk of \
             at least 100 GB if they share the system disk.",
            "If the platform will grow past about 1,000 concurrent tasks, plan a second pod \
             rather than a bigger server.",
        ],
        references: &[BP_POD, "https://bp.veeam.com/sp/MSP/M_Design/vcc-pod.html"],
        check: server_sizing,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.server_cores": {"value": 12},
                  "cloud_connect.server_ram_gb": {"value": 48},
                  "cloud_connect.server_log_disk_gb": {"value": 60},
                  "cloud_connect.peak_concurrent_tasks": {"value": 400}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.server_cores": {"value": 24},
                  "cloud_connect.server_ram_gb": {"value": 32},
                  "cloud_connect.server_log_disk_gb": {"value": 100}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.server_cores": {"value": 24},
                  "cloud_connect.server_ram_gb": {"dont_know": true},
                  "cloud_connect.server_log_disk_gb": {"value": 100}}}"#,
            },
        ],
    },
    Rule {
        id: "CC-010",
        title: "Peak concurrent tasks at or above the pod's limit",
        category: Category::CloudConnect,
        severity: Severity::High,
        since: SINCE,
        checks: "Peak concurrent tenant tasks against `max_pod_tasks` (default 1,000); low \
                 severity from 90 % of it, as a prompt to plan the next pod.",
        why: "A Cloud Connect pod is tested to about 1,000 concurrent tasks. Past that soft \
              limit the software misbehaves: jobs slow down or fail for every tenant in the \
              pod, and a bigger server does not fix it.",
        remediation: &[
            "Check the peak from the busiest night of the last month (Veeam ONE or the Service \
             Provider Console) and the task limits given to each tenant.",
            "Cap tenants' concurrent tasks so the total stays under the limit, and build a \
             second pod for new or large tenants.",
        ],
        references: &[BP_POD, "https://bp.veeam.com/sp/MSP/M_Design/vcc-pod.html"],
        check: pod_tasks,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_concurrent_tasks": {"value": 1250}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_concurrent_tasks": {"value": 960}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_concurrent_tasks": {"value": 620}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.peak_concurrent_tasks": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "CC-011",
        title: "All gateways are at one site",
        category: Category::CloudConnect,
        severity: Severity::Low,
        since: SINCE,
        checks: "Whether two or more gateways are listed and all name the same site.",
        why: "Three gateways in one data centre, behind one uplink or one firewall pair, fail \
              together: a site or uplink outage takes every tenant offline even though the \
              gateway count looks redundant.",
        remediation: &[
            "Check whether the gateways share an uplink, firewall or load balancer; if they \
             do, that device is the single point of failure.",
            "Add a gateway at a second site or behind a second carrier, and publish it under \
             the same DNS name.",
        ],
        references: &[BP_GATEWAYS, HC_GATEWAY],
        check: gateways_at_one_site,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [
                    {"name": "gw1", "answers": {"site": {"value": "AMS1"}}},
                    {"name": "gw2", "answers": {"site": {"value": "ams1"}}},
                    {"name": "gw3", "answers": {"site": {"value": "AMS1 "}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [
                    {"name": "gw1", "answers": {"site": {"value": "AMS1"}}},
                    {"name": "gw2", "answers": {"site": {"value": "AMS2"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"cloud_connect.gateways": [
                    {"name": "gw1", "answers": {"site": {"value": "AMS1"}}},
                    {"name": "gw2", "answers": {"site": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "CC-012",
        title: "Gateways present a self-signed or internal-CA certificate",
        category: Category::CloudConnect,
        severity: Severity::Medium,
        since: SINCE,
        checks: "The certificate type the gateways present to tenants, when it is self-signed \
                 or from an internal CA. Skipped when a gateway certificate with a known issuer \
                 is listed under Certificates, which CRT-003 judges instead.",
        why: "With a self-signed or internal-CA certificate every tenant must check and accept a \
              thumbprint, and again after every renewal; tenants who skip the check cannot \
              tell the provider's gateways from an attacker's. A public CA certificate is \
              validated automatically.",
        remediation: &[
            "Check which certificate the gateways present (`openssl s_client -connect \
             gateway:6180`).",
            "Obtain a certificate from a public CA for the gateways' DNS names and install it \
             on the Cloud Connect server in a maintenance window outside the backup windows.",
            "Confirm a test tenant connects without a thumbprint prompt, and tell tenants the \
             change is coming.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/cloud/cc_tls_certificate.html",
            BP_GATEWAYS,
        ],
        check: untrusted_certificate_type,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.certificate_type": {"value": "self_signed"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.certificate_type": {"value": "ca_signed"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.certificate_type": {"value": "self_signed"}},
                  "groups": {"certificates.certificates": [{"name": "cc", "answers": {
                    "used_for": {"value": ["cloud_connect_gateways"]},
                    "issuer_type": {"value": "self_signed"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "cloud_connect.certificate_type": {"dont_know": true}}}"#,
            },
        ],
    },
];

/// Whether the partner offers a Cloud Connect service (the Cloud Connect section applies).
fn offers_cloud_connect(c: &Check<'_>) -> bool {
    c.get("engagement.services")
        .choices()
        .value()
        .is_some_and(|services| {
            services
                .iter()
                .any(|s| s == "cloud_connect_backup" || s == "cloud_connect_replication")
        })
}

/// The number of gateways listed, as a fact with the names as evidence.
fn gateway_count(gateways: &[ItemView<'_>]) -> Fact<'static, usize> {
    let names: Vec<&str> = gateways.iter().map(ItemView::name).collect();
    Fact::derived(
        "cloud_connect.gateways".to_owned(),
        FactState::Known(gateways.len()),
        format!("{} listed: {}", gateways.len(), names.join(", ")),
    )
}

/// The tenant port as the partner gave it, or the default.
fn tenant_port(c: &Check<'_>) -> String {
    match c.get("cloud_connect.tenant_port").value() {
        Some(Value::Integer(port)) => format!("TCP {port}"),
        _ => "the Cloud Connect port (TCP 6180 by default)".to_owned(),
    }
}

/// What sits in front of a gateway, when known.
fn in_front<'a>(c: &mut Check<'_>, gateway: &ItemView<'a>) -> Option<(Vec<String>, Proof<'a>)> {
    let fact = gateway.get("in_front").choices();
    let evidence = fact.evidence();
    c.known(fact).map(|devices| (devices, evidence))
}

fn too_few_gateways(c: &mut Check<'_>) {
    let gateways = c.items("cloud_connect.gateways");
    if gateways.is_empty() {
        if offers_cloud_connect(c) {
            c.known(Fact::<usize>::derived(
                "cloud_connect.gateways".to_owned(),
                FactState::Missing,
                "no gateway listed".to_owned(),
            ));
        }
        return;
    }
    let count = gateway_count(&gateways);
    let evidence = count.evidence();
    let Some(count) = c.known(count) else { return };
    let min = usize::try_from(c.config.min_gateways).unwrap_or(usize::MAX);
    if count < min {
        let names: Vec<String> = gateways.iter().map(|g| format!("“{}”", g.name())).collect();
        let gateways = if count == 1 { "gateway" } else { "gateways" };
        c.fire(
            format!(
                "Only {count} Cloud Connect {gateways} ({}): N+2 redundancy needs at least {min}",
                names.join(", ")
            ),
            vec![evidence],
        );
    }
}

fn gateway_without_name(c: &mut Check<'_>) {
    for gateway in c.items("cloud_connect.gateways") {
        let fqdn = gateway.get("fqdn").text();
        let public_ip = gateway.get("public_ip").text();
        let address = public_ip.value().map_or_else(
            || "an IP address".to_owned(),
            |ip| format!("IP address {ip}"),
        );
        let evidence = vec![fqdn.evidence(), public_ip.evidence()];
        let name = gateway.name();
        if matches!(fqdn.state, FactState::NotApplicable) {
            c.fire(
                format!("Gateway “{name}” has no DNS name: tenants reach it by {address}"),
                evidence,
            );
            continue;
        }
        if let Some(fqdn) = c.known(fqdn)
            && fqdn.trim().parse::<std::net::IpAddr>().is_ok()
        {
            c.fire(
                format!(
                    "Gateway “{name}” is given as {} rather than a DNS name",
                    fqdn.trim()
                ),
                evidence,
            );
        }
    }
}

fn gateway_domain_joined(c: &mut Check<'_>) {
    for gateway in c.items("cloud_connect.gateways") {
        let joined = gateway.get("domain_joined").bool();
        let evidence = joined.evidence();
        if c.known(joined) == Some(true) {
            c.fire(
                format!(
                    "Gateway “{}” faces the internet and is joined to an Active Directory domain",
                    gateway.name()
                ),
                vec![evidence],
            );
        }
    }
}

fn load_balancer_breaks_tls(c: &mut Check<'_>) {
    let port = tenant_port(c);
    for gateway in c.items("cloud_connect.gateways") {
        let Some((devices, devices_evidence)) = in_front(c, &gateway) else {
            continue;
        };
        if !devices.iter().any(|d| d == "load_balancer") {
            continue;
        }
        let mode = gateway.get("lb_mode").choice();
        let evidence = vec![devices_evidence, mode.evidence()];
        let what = match c.known(mode).as_deref() {
            Some("tls_termination") => "terminates (or re-encrypts) TLS",
            Some("http_proxy") => "acts as an HTTP/application proxy",
            _ => continue,
        };
        c.fire(
            format!(
                "The load balancer in front of gateway “{}” {what} on {port}: the tenant's TLS \
                 session does not reach the gateway unchanged",
                gateway.name()
            ),
            evidence,
        );
    }
}

fn inspected_gateway(c: &mut Check<'_>) {
    let port = tenant_port(c);
    for gateway in c.items("cloud_connect.gateways") {
        let Some((devices, devices_evidence)) = in_front(c, &gateway) else {
            continue;
        };
        let mut evidence = vec![devices_evidence];
        let mut breaking = Vec::new();
        if devices.iter().any(|d| d == "inspection") {
            breaking.push("IPS/IDS or TLS inspection");
        }
        if devices.iter().any(|d| d == "firewall") {
            let inspects = gateway.get("firewall_inspects").bool();
            evidence.push(inspects.evidence());
            if c.known(inspects) == Some(true) {
                breaking.push("a firewall that inspects, decrypts or proxies the traffic");
            }
        }
        let name = gateway.name();
        if !breaking.is_empty() {
            c.fire(
                format!(
                    "Gateway “{name}” is behind {} on {port}: tenant sessions can be reset or \
                     corrupted",
                    breaking.join(" and ")
                ),
                evidence,
            );
        } else if devices.iter().any(|d| d == "reverse_proxy") {
            c.fire_at(
                Severity::High,
                format!(
                    "Gateway “{name}” is behind a reverse proxy on {port}: it must pass the TCP \
                     stream through untouched, with no TLS or HTTP handling"
                ),
                evidence,
            );
        }
    }
}

fn connections_per_gateway(c: &mut Check<'_>) {
    let gateways = c.items("cloud_connect.gateways");
    if gateways.is_empty() {
        return;
    }
    let peak = c.get("cloud_connect.peak_tenant_connections").number();
    let count = gateway_count(&gateways);
    let evidence = vec![peak.evidence(), count.evidence()];
    let (Some(peak), Some(count)) = (c.known(peak), c.known(count)) else {
        return;
    };
    let limit = f64::from(c.config.connections_per_gateway);
    #[expect(clippy::cast_precision_loss, reason = "a handful of gateways")]
    let n = count as f64;
    let per_gateway = peak / n;
    if per_gateway > limit {
        c.fire(
            format!(
                "{peak} peak tenant connections over {count} gateway(s) is {per_gateway:.0} per \
                 gateway, above {limit} each"
            ),
            evidence,
        );
    } else if count >= 2 && peak / (n - 1.0) > limit {
        c.fire_at(
            Severity::Low,
            format!(
                "{peak} peak tenant connections over {count} gateways: with one gateway down, \
                 each of the others carries {:.0}, above {limit}",
                peak / (n - 1.0)
            ),
            evidence,
        );
    }
}

fn gateway_ram(c: &mut Check<'_>) {
    let gateways = c.items("cloud_connect.gateways");
    if gateways.is_empty() {
        return;
    }
    let peak = c.get("cloud_connect.peak_tenant_connections").number();
    let peak_evidence = peak.evidence();
    let Some(peak) = c.known(peak) else { return };
    #[expect(clippy::cast_precision_loss, reason = "a handful of gateways")]
    let share = peak / gateways.len() as f64;
    let needed_gb = GATEWAY_OS_RAM_GB + share * KB_PER_CONNECTION / (1024.0 * 1024.0);
    for gateway in &gateways {
        let ram = gateway.get("ram_gb").number();
        let evidence = vec![ram.evidence(), peak_evidence.clone()];
        if let Some(ram) = c.known(ram)
            && ram < needed_gb
        {
            c.fire(
                format!(
                    "Gateway “{}” has {ram} GB RAM; its share of {share:.0} peak connections \
                     needs about {needed_gb:.1} GB (2 GB for Windows plus 512 KB per connection)",
                    gateway.name()
                ),
                evidence,
            );
        }
    }
}

fn gateway_cores(c: &mut Check<'_>) {
    for gateway in c.items("cloud_connect.gateways") {
        let cores = gateway.get("cores").number();
        let speed = gateway.get("network_gbits").number();
        let evidence = vec![cores.evidence(), speed.evidence()];
        let (Some(cores), Some(speed)) = (c.known(cores), c.known(speed)) else {
            continue;
        };
        let needed = (CORES_PER_10_GBITS * speed / 10.0).ceil();
        if cores < needed {
            c.fire(
                format!(
                    "Gateway “{}” has {cores} vCPU for a {speed} Gbit/s interface; Veeam sizes \
                     about {needed} (4 per 10 Gbit/s)",
                    gateway.name()
                ),
                evidence,
            );
        }
    }
}

fn server_sizing(c: &mut Check<'_>) {
    let tasks = c.get("cloud_connect.peak_concurrent_tasks").number();
    let tasks_evidence = tasks.evidence();
    let light_limit = f64::from(c.config.max_pod_tasks) * LIGHT_POD_SHARE;
    let light = tasks.value().is_some_and(|t| *t <= light_limit);
    let checks = [
        (
            c.get("cloud_connect.server_cores").number(),
            c.config.cloud_connect_server_min_cores,
            "CPU cores",
            "",
        ),
        (
            c.get("cloud_connect.server_ram_gb").number(),
            c.config.cloud_connect_server_min_ram_gb,
            "GB of RAM",
            " GB",
        ),
        (
            c.get("cloud_connect.server_log_disk_gb").number(),
            c.config.cloud_connect_server_min_log_disk_gb,
            "GB of log disk",
            " GB",
        ),
    ];
    for (fact, min, what, unit) in checks {
        let mut evidence = vec![fact.evidence()];
        let Some(value) = c.known(fact) else { continue };
        let min = f64::from(min);
        if value >= min {
            continue;
        }
        let message = format!(
            "The Cloud Connect server has {value} {what}, below the {min}{unit} Veeam sizes a \
             pod for"
        );
        if light {
            evidence.push(tasks_evidence.clone());
            c.fire_at(
                Severity::Low,
                format!(
                    "{message}; with a peak of {} concurrent tasks that matters less",
                    tasks_evidence.shown()
                ),
                evidence,
            );
        } else {
            c.fire(message, evidence);
        }
    }
}

fn pod_tasks(c: &mut Check<'_>) {
    let tasks = c.get("cloud_connect.peak_concurrent_tasks").number();
    let evidence = tasks.evidence();
    let Some(tasks) = c.known(tasks) else { return };
    let limit = f64::from(c.config.max_pod_tasks);
    if tasks >= limit {
        c.fire(
            format!(
                "Peak of {tasks} concurrent tenant tasks on one Cloud Connect server, at or above \
                 the {limit} a pod is sized for"
            ),
            vec![evidence],
        );
    } else if tasks >= limit * POD_TASKS_PLAN_SHARE {
        c.fire_at(
            Severity::Low,
            format!(
                "Peak of {tasks} concurrent tenant tasks is within {:.0} % of the {limit} a pod \
                 is sized for: plan the next pod",
                (1.0 - POD_TASKS_PLAN_SHARE) * 100.0
            ),
            vec![evidence],
        );
    }
}

fn gateways_at_one_site(c: &mut Check<'_>) {
    let gateways = c.items("cloud_connect.gateways");
    if gateways.len() < 2 {
        return;
    }
    let mut sites = Vec::new();
    let mut evidence = Vec::new();
    for gateway in &gateways {
        let site = gateway.get("site").text();
        evidence.push(site.evidence());
        if let Some(site) = c.known(site) {
            sites.push(site.trim().to_lowercase());
        }
    }
    if sites.len() < gateways.len() {
        return;
    }
    if sites.windows(2).all(|pair| pair[0] == pair[1]) {
        let site = gateways[0]
            .get("site")
            .text()
            .value()
            .map_or_else(String::new, |s| s.trim().to_owned());
        c.fire(
            format!(
                "All {} gateways are at site “{site}”: one site or uplink outage takes every \
                 tenant offline",
                gateways.len()
            ),
            evidence,
        );
    }
}

fn untrusted_certificate_type(c: &mut Check<'_>) {
    let judged_by_certificates = c.items("certificates.certificates").iter().any(|cert| {
        let gateway = cert
            .get("used_for")
            .choices()
            .value()
            .is_some_and(|uses| uses.iter().any(|u| u == "cloud_connect_gateways"));
        gateway && cert.get("issuer_type").choice().value().is_some()
    });
    if judged_by_certificates {
        return;
    }
    let kind = c.get("cloud_connect.certificate_type").choice();
    let evidence = kind.evidence();
    let what = match c.known(kind).as_deref() {
        Some("self_signed") => "a self-signed certificate",
        Some("internal_ca") => "a certificate from an internal CA",
        _ => return,
    };
    c.fire(
        format!(
            "The gateways present {what}: every tenant must accept its thumbprint, again at each \
             renewal"
        ),
        vec![evidence],
    );
}
