use super::SINCE;
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "DR-009",
    title: "Tenant data does not meet the 3-2-1-1-0 rule",
    category: Category::BackupAndDr,
    severity: Severity::High,
    since: SINCE,
    checks: "3-2-1-1-0 from the service level answers: at least 3 copies counting \
             production, on at least 2 media types, 1 off-site, 1 immutable or offline, and \
             0 errors in verified restores. Each part that fails is a finding.",
    why: "Each part closes a way to lose everything: one failed array (3 copies), one \
          firmware bug on one kind of storage (2 media), one site lost to fire or power (1 \
          off-site), attackers with administrator rights who delete every backup they can \
          reach (1 immutable or offline), and backups that do not restore (0 errors).",
    remediation: &[
        "Check which copies exist for a typical tenant: production, the primary backup, \
         backup copies, capacity or archive tier, tape.",
        "Add what is missing: a backup copy job or a scale-out repository copy to object \
         storage at another site, with immutability (hardened repository or object lock).",
        "Verify restores from each copy on a schedule (SureBackup), and fix every error \
         before counting the copy.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/vbr/userguide/backup_copy.html",
        "https://helpcenter.veeam.com/docs/vbr/userguide/best_practices_analyzer.html",
    ],
    check: three_two_one_one_zero,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"windows.copy_count": {"value": 2},
              "windows.media_count": {"value": 1},
              "windows.offsite_copy": {"value": false},
              "windows.immutable_or_offline_copy": {"value": false},
              "windows.verified_zero_errors": {"value": false}}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"windows.copy_count": {"value": 3},
              "windows.media_count": {"value": 2},
              "windows.offsite_copy": {"value": true},
              "windows.immutable_or_offline_copy": {"value": false},
              "windows.verified_zero_errors": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"windows.copy_count": {"value": 3},
              "windows.media_count": {"value": 2},
              "windows.offsite_copy": {"value": true},
              "windows.immutable_or_offline_copy": {"value": true},
              "windows.verified_zero_errors": {"value": true}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"windows.copy_count": {"value": 3},
              "windows.media_count": {"value": 2},
              "windows.offsite_copy": {"value": true},
              "windows.immutable_or_offline_copy": {"dont_know": true},
              "windows.verified_zero_errors": {"dont_know": true}}}"#,
    },
];

fn three_two_one_one_zero(c: &mut Check<'_>) {
    let copies = c.get("windows.copy_count").number();
    let evidence = copies.evidence();
    if let Some(copies) = c.known(copies)
        && copies < 3.0
    {
        c.fire(
            format!("Tenant data has {copies} copies counting production, fewer than 3"),
            vec![evidence],
        );
    }
    let media = c.get("windows.media_count").number();
    let evidence = media.evidence();
    if let Some(media) = c.known(media)
        && media < 2.0
    {
        c.fire(
            format!(
                "Tenant data is kept on {media} type of media, fewer than 2: one storage bug \
                 can reach every copy"
            ),
            vec![evidence],
        );
    }
    let offsite = c.get("windows.offsite_copy").bool();
    let evidence = offsite.evidence();
    if c.known(offsite) == Some(false) {
        c.fire(
            "No copy of tenant data is kept off-site: one site lost takes every copy".to_owned(),
            vec![evidence],
        );
    }
    let immutable = c.get("windows.immutable_or_offline_copy").bool();
    let evidence = immutable.evidence();
    if c.known(immutable) == Some(false) {
        c.fire(
            "No copy of tenant data is immutable or offline: attackers with administrator \
             rights can delete every copy"
                .to_owned(),
            vec![evidence],
        );
    }
    let verified = c.get("windows.verified_zero_errors").bool();
    let evidence = verified.evidence();
    if c.known(verified) == Some(false) {
        c.fire(
            "Backups are not verified by restore tests with zero errors: the 0 in 3-2-1-1-0 is \
             missing"
                .to_owned(),
            vec![evidence],
        );
    }
}
