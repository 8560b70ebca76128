use super::{FULL_BUILD, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "VER-005",
    title: "Enterprise Manager is older than the backup server",
    category: Category::Versions,
    severity: Severity::Medium,
    since: SINCE,
    checks: "The Veeam Backup Enterprise Manager build, when it is used, against the Backup \
             & Replication build: Enterprise Manager must be the same build or newer. When a \
             version without its full build leaves the comparison open (12.3 against \
             12.3.1.1139), the build is to verify.",
    why: "Enterprise Manager must be on the same or a later version than every backup \
          server it manages. Left behind after an upgrade, it stops collecting data from \
          them: self-service restore, the REST API that portals use and encryption key \
          recovery stop working.",
    remediation: &[
        "Check both builds (Help > About on each) against Veeam KB2680.",
        "Upgrade Enterprise Manager to the backup server's build; the upgrade order is \
         Enterprise Manager first, then the backup servers.",
        "Check that every backup server shows as connected in Enterprise Manager and that \
         a test self-service restore works.",
    ],
    references: &["https://www.veeam.com/kb2680"],
    check: enterprise_manager_behind,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
              "platform.enterprise_manager_version": {"value": "12.2.0.334"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
              "platform.enterprise_manager_version": {"value": "12.3.1.1139"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
              "platform.enterprise_manager_version": {"not_applicable": "not installed"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
              "platform.enterprise_manager_version": {"dont_know": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
              "platform.enterprise_manager_version": {"value": "12.3"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"},
              "platform.enterprise_manager_version": {"value": "13.0"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3"},
              "platform.enterprise_manager_version": {"value": "12.2.0.334"}}}"#,
    },
];

fn enterprise_manager_behind(c: &mut Check<'_>) {
    let manager = c.get("platform.enterprise_manager_version").version();
    let manager_evidence = manager.evidence();
    let Some(manager) = c.known(manager) else {
        return;
    };
    let server = c.get("platform.vbr_version").version();
    let server_evidence = server.evidence();
    let Some(server) = c.known(server) else {
        return;
    };
    match manager.older_than(&server) {
        Some(true) => c.fire(
            format!(
                "Enterprise Manager {manager} is older than the backup server {server}: it must \
                 be the same build or newer"
            ),
            vec![manager_evidence, server_evidence],
        ),
        Some(false) => {}
        None => {
            for (version, evidence) in [(manager, manager_evidence), (server, server_evidence)] {
                if version.parts().len() < FULL_BUILD {
                    c.imprecise(
                        &evidence,
                        "Enterprise Manager and the backup server could not be compared build \
                         by build",
                    );
                }
            }
        }
    }
}
