use super::{HC_ANALYZER, HC_SECURING, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SEC-008",
    title: "Remote access to the backup servers is not restricted",
    category: Category::Security,
    severity: Severity::High,
    since: SINCE,
    checks: "How administrators reach the backup servers remotely (RDP, SSH): from the \
             general office or production network is high; from an administration \
             network without a jump host is low.",
    why: "Open RDP or SSH from the office or production network is how many attackers reach \
          backup servers after taking one workstation. Veeam recommends no direct inbound \
          access: a jump server (with MFA and no saved credentials) is the one guarded \
          door.",
    remediation: &[
        "List the networks allowed to reach the backup servers on RDP (3389) and SSH (22) \
         in the firewalls and host firewalls.",
        "Allow them only from a jump host or privileged access system that requires MFA; \
         block them from everywhere else.",
        "Disable Remote Desktop on servers that do not need it (the Security & Compliance \
         Analyzer checks it).",
    ],
    references: &[HC_SECURING, HC_ANALYZER],
    check: open_remote_access,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.remote_access": {"value": "open"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"security.remote_access": {"value": "admin_network"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"security.remote_access": {"value": "jump_host"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"security.remote_access": {"dont_know": true}}}"#,
    },
];

fn open_remote_access(c: &mut Check<'_>) {
    let access = c.get("security.remote_access").choice();
    let evidence = access.evidence();
    match c.known(access).as_deref() {
        Some("open") => c.fire(
            "Administrators reach the backup servers (RDP, SSH) from the general office or \
             production network"
                .to_owned(),
            vec![evidence],
        ),
        Some("admin_network") => c.fire_at(
            Severity::Low,
            "Administrators reach the backup servers from an administration network without a \
             jump host or MFA"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}
