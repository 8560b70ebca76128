use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SIZ-004",
    title: "Large provider on version 13 without backup server high availability",
    category: Category::Sizing,
    severity: Severity::Medium,
    since: SINCE,
    checks: "On Backup & Replication 13 or later with at least `backup_server_ha_min_tenants` \
             tenants (default 500): whether the backup server runs as a high availability \
             pair.",
    why: "While the backup server is down no job runs and no tenant can restore; a rebuild from \
          the configuration backup takes hours. Version 13 can run the backup server as a \
          high availability cluster (on the Veeam Software Appliance), which a provider with \
          many tenants should use or consciously replace with a rehearsed rebuild.",
    remediation: &[
        "Check how long a rebuild from the configuration backup takes today (rehearse it if \
         nobody has), and whether that meets what tenants are promised.",
        "If not, plan a high availability cluster: it needs the Veeam Software Appliance and \
         the Veeam Data Platform Premium licence, and the configuration backup moved off the \
         local repository.",
        "Until then, keep the configuration backup encrypted and off-site, and document the \
         rebuild runbook.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/userguide/high_availability_cluster.html",
        "https://helpcenter.veeam.com/docs/vbr/userguide/high_availability_limitations.html",
    ],
    check: no_backup_server_ha,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "13.0.1.1071"},
              "engagement.tenant_count": {"value": 1240},
              "platform.backup_server_os": {"value": "windows_server_2022"},
              "platform.backup_server_ha": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "13.0.1.1071"},
              "engagement.tenant_count": {"value": 1240},
              "platform.backup_server_ha": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.2.4165"},
              "platform.backup_server_ha": {"not_applicable": "version 12"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "13.0.1.1071"},
              "engagement.tenant_count": {"dont_know": true}}}"#,
    },
];

fn no_backup_server_ha(c: &mut Check<'_>) {
    let version = c.get("platform.vbr_version").version();
    let version_evidence = version.evidence();
    let Some(version) = c.known(version) else {
        return;
    };
    if version.parts().first().copied().unwrap_or_default() < 13 {
        return;
    }
    let tenants = c.get("engagement.tenant_count").number();
    let tenants_evidence = tenants.evidence();
    let Some(tenants) = c.known(tenants) else {
        return;
    };
    let threshold = f64::from(c.config.backup_server_ha_min_tenants);
    if tenants < threshold {
        return;
    }
    let ha = c.get("platform.backup_server_ha").bool();
    let mut evidence = vec![version_evidence, tenants_evidence, ha.evidence()];
    if c.known(ha) != Some(false) {
        return;
    }
    let os = c.get("platform.backup_server_os").choice();
    let appliance = match os.value().map(String::as_str) {
        Some("veeam_software_appliance") | None => "",
        Some(_) => {
            evidence.push(os.evidence());
            "; it runs on Windows, and high availability needs the Veeam Software Appliance"
        }
    };
    c.fire(
        format!(
            "The backup server of a {tenants}-tenant platform on Backup & Replication {version} \
             has no high availability: while it is down no tenant job or restore runs{appliance}"
        ),
        evidence,
    );
}
