use super::{NO_TIME_SOURCE, SINCE};
use crate::rules::{Category, Check, Expect, FactState, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
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
};

pub(super) const VECTORS: &[Vector] = &[
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
];

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
