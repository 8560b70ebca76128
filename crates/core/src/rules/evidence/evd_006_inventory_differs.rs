use super::{HEALTHCHECK, RVTOOLS, SINCE, report_differences};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "EVD-006",
    title: "Sizes, counts or settings answered differ from the collected inventory",
    category: Category::Evidence,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Every other answer an imported export gives, against the answer given: proxies' \
             cores, memory, task limits and transport mode and repositories' type, task \
             limit, cores, memory, capacity and free space (Veeam Healthcheck `Proxies`, \
             `Repositories`, `Servers`); scale-out repositories' extents, placement policy \
             and archive tier (`SOBRs`, `SOBRExtents`); clusters' platform and host count \
             (RVTools `vCluster`); the number of tenants (`CloudTenants`); and the platforms \
             in use. Numbers agree within half a percent, text without regard to case.",
    why: "Sizing rules weigh task limits against cores and memory, and capacity against \
          what is stored: on numbers typed from a design document or an old spreadsheet, \
          they pass a proxy that is overloaded or flag one that is fine. A difference also \
          shows which answers were guessed, and which other answers may be.",
    remediation: &[
        "For each difference, read the value on the platform (the proxy's or repository's \
         properties in the backup console, the cluster's Summary tab in vCenter) and \
         check the export's date: a change since the export explains it.",
        "Apply the export's value in the import preview where it is right, or correct the \
         platform where the answer was the intended design.",
        "Rerun the sizing rules on the corrected answers.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/system_requirements.html",
        HEALTHCHECK,
        RVTOOLS,
    ],
    check: inventory_differs,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"platform.proxies": [{"name": "vbr-proxy01", "answers": {
              "cores": {"value": 16}, "max_tasks": {"value": 16}}}]},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "proxies": [{"name": "vbr-proxy01.example.net", "cores": 8,
                "max_tasks": 16,
                "from": {"source": 0, "table": "localhost_Proxies.csv", "row": 2}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"platform.proxies": [{"name": "vbr-proxy01", "answers": {
              "cores": {"value": 8}, "max_tasks": {"value": 16}}}]},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "proxies": [{"name": "vbr-proxy01.example.net", "cores": 8,
                "max_tasks": 16,
                "from": {"source": 0, "table": "localhost_Proxies.csv", "row": 2}}]}}"#,
    },
];

fn inventory_differs(c: &mut Check<'_>) {
    report_differences(c, RULE.id);
}
