use super::{HARDENED, HARDENED_LIMITATIONS, SINCE, hardened};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-003",
    title: "Hardened repository is also a backup proxy",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether each hardened Linux repository also holds the backup proxy role.",
    why: "The proxy role needs more services, open ports and stored credentials on the server, \
          each a way for an attacker to reach the immutable backups. Veeam's hardened \
          repository guidance keeps the server to the repository role alone.",
    remediation: &[
        "Check which jobs use this server as a proxy (Backup Infrastructure > Backup Proxies) \
         and which transport mode they need.",
        "Move the proxy role to a separate server (or a VM proxy for hot-add) and remove the \
         role from the repository.",
        "Confirm afterwards that only the Veeam data mover and transport services listen on \
         the repository.",
    ],
    references: &[HARDENED_LIMITATIONS, HARDENED],
    check: hardened_proxy,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "also_proxy": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "also_proxy": {"value": false}}},
              {"name": "lnx-01", "answers": {
              "type": {"value": "linux"}, "also_proxy": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "also_proxy": {"dont_know": true}}}]}}"#,
    },
];

fn hardened_proxy(c: &mut Check<'_>) {
    for (repo, kind) in hardened(c) {
        let proxy = repo.get("also_proxy").bool();
        let evidence = vec![kind, proxy.evidence()];
        if c.known(proxy) == Some(true) {
            c.fire(
                format!(
                    "Hardened repository “{}” is also a backup proxy: the proxy role adds services \
                     and credentials an attacker can use to reach the immutable backups",
                    repo.name()
                ),
                evidence,
            );
        }
    }
}
