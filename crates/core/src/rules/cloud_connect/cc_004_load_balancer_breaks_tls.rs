use super::{BP_GATEWAYS, HC_GATEWAY, SINCE, in_front, tenant_port};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
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
};

pub(super) const VECTORS: &[Vector] = &[
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
];

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
