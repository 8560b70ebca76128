use super::{BP_GATEWAYS, HC_GATEWAY, SINCE, gateway_count};
use crate::rules::{Category, Check, Expect, Fact, FactState, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
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
};

pub(super) const VECTORS: &[Vector] = &[
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
];

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
