use super::{HEALTHCHECK, RVTOOLS, SINCE, report_differences};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "EVD-001",
    title: "A version answered differs from the one the collectors found",
    category: Category::Evidence,
    severity: Severity::High,
    since: SINCE,
    checks: "The Backup & Replication build answered against Veeam Healthcheck's `vbrinfo` \
             (`Version`), and each cluster's hypervisor and vCenter builds against RVTools' \
             `vHost` (`ESX Version`, the lowest build among the cluster's hosts) and \
             `vSource`/`vMetaData`. Versions agree when their numbers are the same.",
    why: "Every other version check, Veeam's support for the platform and the fixes a \
          tech lead advises depend on the build actually running. An answer typed from a \
          design document or from before the last upgrade (or the other way round, an \
          upgrade that was planned but never done) sends the engagement down the wrong \
          path.",
    remediation: &[
        "Read the version on the platform itself: Help, About in the backup console; the \
         host's Summary tab or `vmware -vl` on each ESXi host; the vCenter's Summary tab.",
        "If the export is older than the last upgrade, run the collector again and import \
         its new export.",
        "Correct the answer, or the platform if it was meant to be upgraded, and note \
         which one was wrong in the report.",
    ],
    references: &[
        "https://www.veeam.com/kb2680",
        "https://knowledge.broadcom.com/external/article/395110",
        HEALTHCHECK,
        RVTOOLS,
    ],
    check: versions_differ,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.0.310"}},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip",
              "collected_at": "2026-11-20T14:03:12"}],
              "backup_server": {"version": "12.3.1.1139",
                "from": {"source": 0, "table": "localhost_vbrinfo.csv", "row": 2}}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.vbr_version": {"value": "12.3.1.1139"}},
            "evidence": {"sources": [{"collector": "healthcheck", "file": "vHC.zip"}],
              "backup_server": {"version": "12.3.1.1139",
                "from": {"source": 0, "table": "localhost_vbrinfo.csv", "row": 2}}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"engagement.platforms": {"value": ["vmware_vsphere"]}},
            "groups": {"compute.clusters": [{"name": "CL-01", "answers": {
              "platform": {"value": "vmware_vsphere"},
              "hypervisor_version": {"value": "8.0.3.24022510"}}}]},
            "evidence": {"sources": [{"collector": "rvtools", "file": "RVTools.xlsx"}],
              "clusters": [{"name": "CL-01", "hosts": 2,
                "from": {"source": 0, "table": "vCluster", "row": 2}}],
              "hosts": [
                {"name": "esx01", "cluster": "CL-01",
                 "version": "VMware ESXi 8.0.2 build-22380479",
                 "from": {"source": 0, "table": "vHost", "row": 2}},
                {"name": "esx02", "cluster": "CL-01",
                 "version": "VMware ESXi 8.0.3 build-24022510",
                 "from": {"source": 0, "table": "vHost", "row": 3}}]}}"#,
    },
];

fn versions_differ(c: &mut Check<'_>) {
    report_differences(c, RULE.id);
}
