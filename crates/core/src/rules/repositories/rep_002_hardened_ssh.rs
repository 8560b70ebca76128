use super::{HARDENED, HARDENED_LIMITATIONS, SINCE, hardened};
use crate::rules::{Category, Check, Expect, Rule, Severity, Vector};

pub(super) const RULE: Rule = Rule {
    id: "REP-002",
    title: "SSH is enabled on a hardened repository",
    category: Category::Repositories,
    severity: Severity::High,
    since: SINCE,
    checks: "Whether SSH is enabled on each hardened Linux repository.",
    why: "SSH is the way in for an attacker with stolen credentials: with a shell and root \
          they can remove the immutable attribute or wipe the disks. Veeam recommends turning \
          SSH off once the repository is added, and using the console for maintenance.",
    remediation: &[
        "Check whether anything still needs SSH (monitoring agents, scripts, the team's habits); \
         move monitoring to an agent that does not need an interactive login.",
        "Disable and stop the SSH service (`systemctl disable --now ssh` or `sshd`) and confirm \
         from another host that port 22 no longer answers.",
        "Document the out-of-band (iLO, iDRAC, local console) procedure for maintenance, with \
         its own credentials kept away from the backup platform.",
    ],
    references: &[HARDENED_LIMITATIONS, HARDENED],
    check: hardened_ssh,
};

pub(super) const VECTORS: &[Vector] = &[
    Vector {
        expect: Expect::Fires,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "ssh_enabled": {"value": true}}}]}}"#,
    },
    Vector {
        expect: Expect::Passes,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "ssh_enabled": {"value": false}}}]}}"#,
    },
    Vector {
        expect: Expect::Verifies,
        answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
              "type": {"value": "hardened_linux"}, "ssh_enabled": {"dont_know": true}}}]}}"#,
    },
];

fn hardened_ssh(c: &mut Check<'_>) {
    for (repo, kind) in hardened(c) {
        let ssh = repo.get("ssh_enabled").bool();
        let evidence = vec![kind, ssh.evidence()];
        if c.known(ssh) == Some(true) {
            c.fire(
                format!(
                    "SSH is enabled on hardened repository “{}”: stolen credentials give a shell \
                     that can remove immutability",
                    repo.name()
                ),
                evidence,
            );
        }
    }
}
