use super::SINCE;
use crate::rules::schedule::BackupWindows;
use crate::rules::{Category, Check, Expect, Fact, Proof, Rule, Severity, Vector};
use crate::values::TimeWindow;

pub(super) const RULE: Rule = Rule {
    id: "CRT-002",
    title: "Automated certificate renewal runs inside a backup window",
    category: Category::Certificates,
    severity: Severity::High,
    since: SINCE,
    checks: "Each automated certificate renewal window against every backup window (a renewal \
             every few days against every day of the week, as it lands on each in turn); and \
             maintenance windows that include certificate renewal against every backup \
             window.",
    why: "Replacing a certificate restarts TLS on the gateways: at one provider a renewal \
          script ran during the peak backup window and briefly broke TLS to every tenant's \
          Cloud Connect session, failing their jobs.",
    remediation: &[
        "Check when the renewal actually runs (scheduler, ACME client timer) and in which \
         time zone.",
        "Move it to a maintenance window that overlaps no backup, copy or replication \
         window; if no such window exists, agree one with tenants.",
        "If the renewal must stay automated, make it install the certificate only inside that \
         window and alert on failure.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/cloud/cc_tls_certificate.html",
        "https://bp.veeam.com/vbr/Support/S_Vault/cloud_connect.html",
    ],
    check: renewal_in_backup_window,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {
              "certificates.certificates": [{"name": "cc", "answers": {
                "renewal_method": {"value": "scheduled_script"},
                "renewal_window": {"value": {"start": "01:00", "end": "01:30", "days": ["wed"]}}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {
              "certificates.certificates": [{"name": "cc", "answers": {
                "renewal_method": {"value": "acme"},
                "renewal_window": {"value": {"start": "12:00", "end": "12:30", "days": ["wed"]}}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
    },
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {
              "certificates.certificates": [{"name": "cc", "answers": {
                "renewal_method": {"value": "acme"},
                "renewal_schedule": {"value": "every_few_days"},
                "renewal_window": {"value": {"start": "03:00", "end": "03:15", "days": ["sat"]}}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {
              "certificates.certificates": [{"name": "cc", "answers": {
                "renewal_method": {"value": "acme"},
                "renewal_schedule": {"value": "weekdays"},
                "renewal_window": {"value": {"start": "03:00", "end": "03:15", "days": ["sat"]}}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {
              "certificates.certificates": [{"name": "cc", "answers": {
                "renewal_method": {"value": "acme"},
                "renewal_schedule": {"value": "every_few_days"},
                "renewal_window": {"value": {"start": "12:00", "end": "12:30", "days": ["mon"]}}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
    },
    Vector {
        expect: Expect::NotAssessed,
        answers: r#"{"groups": {
              "certificates.certificates": [{"name": "cc", "answers": {
                "renewal_method": {"value": "acme"},
                "renewal_window": {"value": {"start": "03:00", "end": "03:15", "days": ["sat"]}}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {
              "certificates.certificates": [{"name": "cc", "answers": {
                "renewal_method": {"value": "acme"},
                "renewal_schedule": {"dont_know": true},
                "renewal_window": {"value": {"start": "03:00", "end": "03:15", "days": ["sat"]}}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {
              "certificates.certificates": [{"name": "cc", "answers": {
                "renewal_method": {"value": "acme"},
                "renewal_window": {"dont_know": true}}}],
              "windows.backup_windows": [{"name": "Nightly", "answers": {
                "window": {"value": {"start": "20:00", "end": "06:00", "days": ["tue", "wed"]}}}}]}}"#,
    },
];

fn renewal_in_backup_window(c: &mut Check<'_>) {
    let mut renewals = Vec::new();
    for certificate in c.items("certificates.certificates") {
        let method = certificate.get("renewal_method").choice();
        let method_evidence = method.evidence();
        if !matches!(
            c.filter(method).as_deref(),
            Some("acme" | "scheduled_script" | "other_automation")
        ) {
            continue;
        }
        let window = certificate.get("renewal_window").window();
        let evidence = vec![method_evidence, window.evidence()];
        if let Some(window) = c.known(window) {
            renewals.push(Renewal {
                what: format!(
                    "The automated renewal of certificate “{}”",
                    certificate.name()
                ),
                window,
                schedule: Some(certificate.get("renewal_schedule").choice()),
                evidence,
            });
        }
    }
    for maintenance in c.items("windows.maintenance_windows") {
        let activities = maintenance.get("activities").choices();
        if !activities
            .value()
            .is_some_and(|a| a.iter().any(|activity| activity == "certificate_renewal"))
        {
            continue;
        }
        let window = maintenance.get("window").window();
        let evidence = vec![activities.evidence(), window.evidence()];
        if let Some(window) = c.known(window) {
            renewals.push(Renewal {
                what: format!(
                    "Maintenance window “{}”, which renews certificates,",
                    maintenance.name()
                ),
                window,
                schedule: None,
                evidence,
            });
        }
    }
    if renewals.is_empty() {
        return;
    }
    let backup_windows = BackupWindows::read(c);
    for renewal in renewals {
        let Renewal {
            what,
            window,
            schedule,
            mut evidence,
        } = renewal;
        if let Some(overlap) = backup_windows.overlapping(&window) {
            evidence.extend(overlap.evidence.iter().cloned());
            c.fire(format!("{what} overlaps {}", overlap.named()), evidence);
            continue;
        }
        // A renewal every few days lands on each day of the week in turn: at its time of day
        // it meets any backup window that runs then on some day. Whether it does depends on
        // the schedule only when the days ticked miss every backup window but others do not;
        // then a schedule not answered (older answers) leaves the rule waiting for it.
        let Some(schedule) = schedule else { continue };
        let every_day = TimeWindow {
            days: (0..7).collect(),
            ..window
        };
        let Some(overlap) = backup_windows.overlapping(&every_day) else {
            continue;
        };
        evidence.push(schedule.evidence());
        if c.known(schedule).as_deref() == Some("every_few_days") {
            evidence.extend(overlap.evidence.iter().cloned());
            c.fire(
                format!(
                    "{what} runs every few days, on each day of the week in turn, at a time \
                     when {} runs on some of them: sooner or later it renews during a backup",
                    overlap.named()
                ),
                evidence,
            );
        }
    }
}

/// A renewal read from the answers, to compare with the backup windows.
struct Renewal<'a> {
    /// What renews, as a message starts.
    what: String,
    window: TimeWindow,
    /// How a certificate's automated renewal is scheduled (maintenance windows have none).
    schedule: Option<Fact<'a, String>>,
    evidence: Vec<Proof<'a>>,
}
