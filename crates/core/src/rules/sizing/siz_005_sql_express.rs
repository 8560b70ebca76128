use super::{REQUIREMENTS_12, SINCE};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "SIZ-005",
    title: "Configuration database on SQL Server Express",
    category: Category::Sizing,
    severity: Severity::Medium,
    since: SINCE,
    checks: "Whether the configuration database runs on Microsoft SQL Server Express.",
    why: "SQL Server Express limits a database to 10 GB and caps the memory and CPU it uses. A \
          service provider's configuration database (jobs, sessions, tenants) outgrows it: \
          the console and jobs slow down, and at the size limit the backup service stops \
          writing.",
    remediation: &[
        "Check the database's size and growth, and the console's responsiveness at peak.",
        "Migrate the configuration database to PostgreSQL (the default since version 12) or \
         to SQL Server Standard or Enterprise, with the configuration backup taken just \
         before.",
        "Size the database server's CPU and memory for the number of concurrent jobs.",
    ],
    references: &[
        "https://helpcenter.veeam.com/docs/backup/vsphere/migrate_to_postgresql.html",
        REQUIREMENTS_12,
    ],
    check: sql_express,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"answers": {"platform.config_db_engine": {"value": "mssql_express"}}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"answers": {"platform.config_db_engine": {"value": "postgresql_remote"}}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"answers": {"platform.config_db_engine": {"dont_know": true}}}"#,
    },
];

fn sql_express(c: &mut Check<'_>) {
    let engine = c.get("platform.config_db_engine").choice();
    let evidence = engine.evidence();
    if c.known(engine).as_deref() == Some("mssql_express") {
        let tenants = c.get("engagement.tenant_count").number();
        let scale = tenants
            .value()
            .map(|n| format!(" for {n} tenants"))
            .unwrap_or_default();
        c.fire(
            format!(
                "The configuration database runs on SQL Server Express{scale}: 10 GB per database \
                 and capped CPU and memory"
            ),
            vec![evidence],
        );
    }
}
