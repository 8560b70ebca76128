use super::{SINCE, STORAGE_INTEGRATION, VEEAM_READY, describe};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "STO-002",
    title: "Storage firmware is not on the vendor's compatibility list",
    category: Category::Storage,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether each storage system's firmware is on its vendor's compatibility list for \
             the hypervisor, host, HBA and multipath versions in use.",
    why: "Vendors qualify firmware against specific hypervisor, HBA and multipath versions. \
          Outside that list, odd SCSI or NFS behaviour is likely, and the vendor may refuse \
          the support case when backups or production I/O start failing.",
    remediation: &[
        "Check the vendor's interoperability matrix for the exact firmware, hypervisor build, \
         HBA driver and firmware, and multipath software in use.",
        "If the combination is not listed, plan an update (of the firmware or the hosts) to a \
         listed combination through change control, staged on a test system first.",
        "Until then, record the deviation and the vendor's statement on support.",
    ],
    references: &[VEEAM_READY, STORAGE_INTEGRATION],
    check: firmware_not_vendor_compatible,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "vendor_compatible": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "vendor_compatible": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"storage.systems": [{"name": "array-01", "answers": {
              "vendor_compatible": {"dont_know": true}}}]}}"#,
    },
];

fn firmware_not_vendor_compatible(c: &mut Check<'_>) {
    for system in c.items("storage.systems") {
        let compatible = system.get("vendor_compatible").bool();
        let evidence = compatible.evidence();
        if c.known(compatible) == Some(false) {
            c.fire(
                format!(
                    "Storage system {} runs firmware that is not on the vendor's compatibility \
                     list for the hosts in use",
                    describe(&system)
                ),
                vec![evidence],
            );
        }
    }
}
