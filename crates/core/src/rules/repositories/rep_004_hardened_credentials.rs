use super::{HARDENED, HARDENED_LIMITATIONS, SINCE, hardened};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-004",
    title: "Hardened repository added without single-use credentials",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether each hardened Linux repository was added with single-use credentials.",
    why: "Credentials stored on the backup server let whoever takes over the backup server log \
          on to the repository too, and from there remove immutability. Single-use \
          credentials are used once to deploy the data mover and are never stored.",
    remediation: &[
        "Check in the console (Backup Infrastructure > Managed Servers) which credentials the \
         repository server uses; if they are saved credentials, note the account.",
        "Re-add or edit the server with single-use credentials, then remove the account's \
         sudo rights (or the account) on the repository.",
        "Confirm the saved credentials no longer appear in the Credentials Manager.",
    ],
    references: &[HARDENED, HARDENED_LIMITATIONS],
    check: hardened_credentials,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"},
              "single_use_credentials": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"},
              "single_use_credentials": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"},
              "single_use_credentials": {"dont_know": true}}}]}}"#,
    },
];

fn hardened_credentials(c: &mut Check<'_>) {
    for (repo, kind) in hardened(c) {
        let single_use = repo.get("single_use_credentials").bool();
        let evidence = vec![kind, single_use.evidence()];
        if c.known(single_use) == Some(false) {
            c.fire(
                format!(
                    "Hardened repository “{}” was added with credentials stored on the backup \
                     server: taking over the backup server gives a login to the repository",
                    repo.name()
                ),
                evidence,
            );
        }
    }
}
