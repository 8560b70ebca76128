use super::{SINCE, dotted};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

/// Oldest supported Backup & Replication: the last release of version 12 (KB2680). Older
/// majors are out of support altogether.
const VBR_BASELINE: [u32; 2] = [12, 3];

pub(super) const RULE: Rule = Rule {
    id: "VER-001",
    title: "Backup & Replication is older than the supported baseline",
    category: Category::Versions,
    severity: Severity::High,
    since: SINCE,
    checks: "The Backup & Replication build against the baseline of this rule set: 12.3 \
             (the last release of version 12). A build of an older major version (11 or \
             earlier) is out of support and reported as critical; an older 12.x build is \
             reported as high. A version with fewer numbers than the question asks for (12.3 \
             where it asks for 12.3.1.1139) is to verify: fixes, security fixes among them, \
             ship as new builds of the same version (12.3.2.3617, then 12.3.2.4165), so \
             known issues cannot be checked without the build.",
    why: "Known issues, security fixes, supported hypervisors and Cloud Connect features \
          all depend on the build. An out-of-support version gets no fixes at all, and a \
          Cloud Connect provider must run the same or a newer version than its tenants, so \
          an old provider build blocks every tenant's upgrade.",
    remediation: &[
        "Check the exact build in Help > About and compare it with Veeam KB2680 (build \
         numbers) and the product lifecycle page.",
        "Check that every hypervisor, storage system and tenant version you depend on is \
         supported by the target build (release notes, platform support); if one is not, \
         plan its upgrade first.",
        "Back up the configuration (encrypted, off the backup server), then upgrade in a \
         maintenance window outside the backup windows, Cloud Connect server first, then \
         the remaining components.",
        "After the upgrade, connect as a test tenant and run a backup and a restore before \
         telling tenants they can upgrade.",
    ],
    references: &[
        "https://www.veeam.com/kb2680",
        "https://www.veeam.com/product-lifecycle.html",
    ],
    check: vbr_below_baseline,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.1.2.172"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "11.0.1.1261"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "13.0.1.1071"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.vbr_version": {"dont_know": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3"}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.2"}}}"#,
    },
    Vector {
        expect: Expect::NotAssessed,
        answers: r#"{"answers": {}}"#,
    },
];

fn vbr_below_baseline(c: &mut Check<'_>) {
    let version = c.get("platform.vbr_version").version();
    let evidence = version.evidence();
    let Some(version) = c.known(version) else {
        return;
    };
    let major = version.parts().first().copied().unwrap_or(0);
    let older = version.older_than_release(&VBR_BASELINE);
    let asked = c
        .precision_asked(&evidence)
        .map_or(0, |precision| precision.parts);
    if major < VBR_BASELINE[0] {
        c.fire_at(
            Severity::Critical,
            format!(
                "Backup & Replication {version} is version {major}, which is out of support: \
                 no fixes or security patches, and tenants on newer versions cannot connect to it"
            ),
            vec![evidence],
        );
    } else if older == Some(true) {
        c.fire(
            format!(
                "Backup & Replication {version} is older than the supported baseline {}",
                dotted(&VBR_BASELINE)
            ),
            vec![evidence],
        );
    } else if older.is_none() || version.parts().len() < asked {
        c.imprecise(
            &evidence,
            "known issues and security fixes are per build, so they could not be checked; \
             the build is in Help > About",
        );
    }
}
