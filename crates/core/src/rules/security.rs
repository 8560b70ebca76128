//! Security of the backup platform: console access (MFA, four-eyes, separate accounts, remote
//! access), isolation from the production domain, hardening (old protocols, patching, EDR
//! exclusions), encryption and its keys, malware detection and tenant insider protection.
//!
//! Sources: the Veeam Backup & Replication User Guide (securing the backup infrastructure, the
//! Security & Compliance Analyzer's checks, MFA, four-eyes authorisation, encryption, malware
//! detection), the Veeam Cloud Connect Guide (insider protection) and Veeam KB1999.

use super::{Category, Check, Expect, Rule, Severity, Vector};

const SINCE: &str = "1.0.0";

const HC_SECURING: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/securing_backup_infrastructure.html";
const HC_ANALYZER: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/best_practices_analyzer.html";

/// Security fixes should be installed within this many days of release: known-exploited
/// vulnerabilities in backup software are used by ransomware groups within days.
const PATCH_DELAY_MAX_DAYS: u64 = 14;

/// The old protocols Veeam's Security & Compliance Analyzer expects disabled, with their names.
const LEGACY_PROTOCOLS: &[(&str, &str)] = &[
    ("tls_1_0_1_1", "TLS 1.0/1.1"),
    ("smb1", "SMB1"),
    ("wdigest", "WDigest"),
    ("llmnr", "LLMNR"),
    ("netbios", "NetBIOS over TCP/IP"),
];

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "SEC-001",
        title: "Backup console login without multi-factor authentication",
        category: Category::Security,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether multi-factor authentication is required to log in to the backup \
                 console.",
        why: "A stolen or phished administrator password is enough to delete every backup job \
              and its data when the console asks for nothing more. Attackers go after backups \
              first so that paying is the only way back.",
        remediation: &[
            "Check that every console user is a named account (MFA applies to users, not \
             groups).",
            "Enable MFA for all users in Users and Roles; exempt only the service accounts \
             that log in non-interactively (Service Provider Console, Veeam ONE, REST), and \
             restrict those accounts instead.",
            "Confirm each administrator has enrolled an authenticator and that a login without \
             the code is refused.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/vsphere/mfa.html",
            HC_ANALYZER,
        ],
        check: mfa_off,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.mfa_console": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.mfa_console": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.mfa_console": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-002",
        title: "Four-eyes authorisation is off",
        category: Category::Security,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether four-eyes authorisation is enabled on the backup server.",
        why: "Without four-eyes authorisation, one compromised or careless administrator \
              account can delete backups and repositories, change users or turn off MFA \
              alone. With it, those operations wait for a second administrator to approve.",
        remediation: &[
            "Check that at least two named users hold the Veeam Backup Administrator role, so \
             approvals cannot lock the team out.",
            "Enable four-eyes authorisation in Users and Roles and agree who approves at night \
             (the on-call rota).",
            "Try a protected operation (deleting an orphaned backup) and confirm it waits for \
             approval.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/vsphere/four_eyes_authorization.html",
            HC_ANALYZER,
        ],
        check: four_eyes_off,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.four_eyes": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.four_eyes": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.four_eyes": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-003",
        title: "Backup infrastructure is joined to the production domain",
        category: Category::Security,
        severity: Severity::High,
        since: SINCE,
        checks: "Where the backup servers and repositories are joined, and (when answered) the \
                 backup server's own domain membership: the production domain is a finding.",
        why: "Taking over the production Active Directory is the usual path in ransomware \
              attacks; whoever controls it controls every server joined to it, backup servers \
              included, and can delete the backups before encrypting production. Veeam \
              recommends a separate management domain (in its own forest) or a workgroup.",
        remediation: &[
            "List the Veeam components joined to the production domain and what depends on \
             that membership (logins, GPOs, service accounts).",
            "Move them to a management domain in a separate forest with no trust from \
             production, or to a workgroup with local accounts; plan it one component at a \
             time, starting with the repositories.",
            "Remove the production domain's groups from the backup servers' local \
             administrators and make backup logins use MFA.",
        ],
        references: &[HC_SECURING, HC_ANALYZER],
        check: production_domain,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.backup_domain": {"value": "production_domain"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.backup_domain": {"value": "workgroup"},
                  "platform.domain_membership": {"value": "production_domain"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.backup_domain": {"value": "management_domain"},
                  "platform.domain_membership": {"value": "management_domain"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.backup_domain": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-004",
        title: "Old protocols are not disabled on every backup component",
        category: Category::Security,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Which of TLS 1.0/1.1, SMB1, WDigest, LLMNR and NetBIOS over TCP/IP are \
                 disabled on every backup server, proxy and repository; any left on is a \
                 finding.",
        why: "Old protocols let an attacker capture or relay credentials (WDigest keeps \
              passwords in memory; LLMNR and NetBIOS answer poisoned name lookups) or break \
              weak encryption (TLS 1.0/1.1, SMB1). Veeam's Security & Compliance Analyzer \
              checks for each of them.",
        remediation: &[
            "Run the Security & Compliance Analyzer on the backup server and note which \
             checks are not implemented.",
            "Disable the remaining protocols by GPO or local policy on every backup server, \
             proxy and repository (Veeam's KB provides a script for the analyzer's items).",
            "Rerun the analyzer and schedule it so a rebuilt server is caught.",
        ],
        references: &[HC_ANALYZER, HC_SECURING],
        check: legacy_protocols,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.legacy_disabled": {"value": ["tls_1_0_1_1", "smb1"]}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.legacy_disabled": {"value": ["none"]}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.legacy_disabled": {"value":
                  ["tls_1_0_1_1", "smb1", "wdigest", "llmnr", "netbios"]}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.legacy_disabled": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-005",
        title: "Jobs to cloud or off-site repositories are not encrypted",
        category: Category::Security,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether jobs that send data to cloud or off-site repositories are encrypted by \
                 Veeam: none is high, some is medium.",
        why: "Data that leaves the site sits on storage and networks the provider does not fully \
              control. Encrypted by Veeam before it leaves, a leaked bucket, a stolen disk or a \
              compromised colocation share reveals nothing. Veeam's analyzer expects every job \
              to a cloud repository to be encrypted.",
        remediation: &[
            "List the backup copy, backup and offload jobs whose target is off-site or in the \
             cloud, and which of them are not encrypted.",
            "Store the encryption passwords in a vault (or use a KMS) and enable Enterprise \
             Manager password loss protection before turning encryption on.",
            "Enable encryption on those jobs; the next full (or active full) writes encrypted \
             data, so plan the space and the window for it.",
        ],
        references: &[
            HC_ANALYZER,
            "https://helpcenter.veeam.com/docs/backup/vsphere/encryption_best_practices.html",
        ],
        check: offsite_unencrypted,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.offsite_encryption": {"value": "none"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.offsite_encryption": {"value": "some"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.offsite_encryption": {"value": "all"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.offsite_encryption": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-006",
        title: "Encryption passwords are kept only on the backup server",
        category: Category::Security,
        severity: Severity::High,
        since: SINCE,
        checks: "Where the encryption passwords or keys are kept, when jobs are encrypted: only \
                 in the backup server's configuration is a finding.",
        why: "An encrypted backup without its password cannot be restored by anyone, Veeam \
              support included. If the only copy of the password lives in the backup server's \
              configuration, losing that server (ransomware, a failed disk, a rebuild from an \
              unencrypted configuration backup) loses every encrypted backup with it.",
        remediation: &[
            "Check that every encryption password in use is known and can be found outside \
             the backup server.",
            "Store them in a password vault separate from the backup infrastructure, or move \
             to a KMS, and keep an offline copy.",
            "Enable Enterprise Manager password loss protection and export its keyset to a \
             safe place; test a password recovery request once.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/vsphere/enterprise_manager_keys.html",
            "https://helpcenter.veeam.com/docs/backup/hyperv/decryption_no_pass_hiw.html",
            "https://helpcenter.veeam.com/docs/backup/vsphere/encryption_best_practices.html",
        ],
        check: keys_only_on_backup_server,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.offsite_encryption": {"value": "all"},
                  "security.key_storage": {"value": ["backup_server_only"]}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.offsite_encryption": {"value": "some"},
                  "security.key_storage": {"value": ["password_vault", "enterprise_manager"]}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.offsite_encryption": {"value": "none"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.offsite_encryption": {"value": "all"},
                  "security.key_storage": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-007",
        title: "EDR or antivirus runs without Veeam's exclusions",
        category: Category::Security,
        severity: Severity::Medium,
        since: SINCE,
        checks: "When EDR or antivirus agents run on the backup servers and proxies, whether \
                 Veeam's documented exclusions are configured.",
        why: "Without the exclusions Veeam documents (its folders, processes and backup file \
              types), scanners block or slow backup and restore traffic and lock files \
              mid-write, causing job failures that look like Veeam bugs and slowing restores \
              when they matter most.",
        remediation: &[
            "Get the EDR policy applied to the backup servers, proxies and repositories from \
             whoever manages it.",
            "Add the exclusions from Veeam KB1999 for each component role (adjusting paths \
             that were moved, such as the log folder).",
            "Check the EDR's logs for blocked or scanned Veeam processes after the next backup \
             window, and add what is missing.",
        ],
        references: &["https://www.veeam.com/kb1999", HC_SECURING],
        check: edr_without_exclusions,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.edr_installed": {"value": true},
                  "security.edr_exclusions": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.edr_installed": {"value": true},
                  "security.edr_exclusions": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.edr_installed": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.edr_installed": {"value": true},
                  "security.edr_exclusions": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-008",
        title: "Remote access to the backup servers is not restricted",
        category: Category::Security,
        severity: Severity::High,
        since: SINCE,
        checks: "How administrators reach the backup servers remotely (RDP, SSH): from the \
                 general office or production network is high; from an administration \
                 network without a jump host is low.",
        why: "Open RDP or SSH from the office or production network is how many attackers reach \
              backup servers after taking one workstation. Veeam recommends no direct inbound \
              access: a jump server (with MFA and no saved credentials) is the one guarded \
              door.",
        remediation: &[
            "List the networks allowed to reach the backup servers on RDP (3389) and SSH (22) \
             in the firewalls and host firewalls.",
            "Allow them only from a jump host or privileged access system that requires MFA; \
             block them from everywhere else.",
            "Disable Remote Desktop on servers that do not need it (the Security & Compliance \
             Analyzer checks it).",
        ],
        references: &[HC_SECURING, HC_ANALYZER],
        check: open_remote_access,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.remote_access": {"value": "open"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.remote_access": {"value": "admin_network"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.remote_access": {"value": "jump_host"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.remote_access": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-009",
        title: "Insider protection is off for Cloud Connect tenants",
        category: Category::Security,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether insider protection (keep deleted backups for N days) is enabled for \
                 Cloud Connect backup tenants: for no tenants is high, for some is medium.",
        why: "If a tenant's own backup server is compromised, the attacker deletes its cloud \
              backups too. Insider protection moves deleted backups to a recycle bin the tenant \
              cannot reach, so the provider can give them back; Veeam recommends it for every \
              tenant.",
        remediation: &[
            "List the tenants without \"Keep deleted backup files for N days\" in their \
             account properties.",
            "Enable it for each (7 days or more), and account for the extra repository space \
             in capacity planning and pricing.",
            "Write down how to restore from the recycle bin for a tenant, and rehearse it \
             once.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/cloud/cloud_connect_bin.html",
            "https://helpcenter.veeam.com/docs/backup/cloud/cloud_connect_bin_hiw.html",
        ],
        check: insider_protection,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "security.insider_protection": {"value": "no_tenants"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "security.insider_protection": {"value": "some_tenants"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "security.insider_protection": {"value": "all_tenants"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["m365"]}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]},
                  "security.insider_protection": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-010",
        title: "No Veeam malware detection in use",
        category: Category::Security,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Which Veeam malware detection features are used (inline scan, guest index \
                 scan, scan backup, secure restore): none is a finding.",
        why: "Restoring from a backup that already holds the malware reinfects the tenant. \
              Detection during backup, and scanning before restore, show which restore point \
              is clean before anyone needs to know.",
        remediation: &[
            "Enable inline entropy scanning and guest index scanning on the backup jobs \
             (watch the proxies' CPU after enabling).",
            "Use secure restore (antivirus or YARA scan) for restores after an incident, and \
             schedule scan backup sessions for the most critical workloads.",
            "Route malware detection events to the on-call alerting channel.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/vsphere/malware_detection_methods.html",
            HC_SECURING,
        ],
        check: no_malware_detection,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.malware_detection": {"value": ["none"]}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.malware_detection": {"value": ["inline_scan", "secure_restore"]}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.malware_detection": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-011",
        title: "Security updates wait too long",
        category: Category::Security,
        severity: Severity::Medium,
        since: SINCE,
        checks: "How soon security updates are installed on backup servers, proxies and \
                 repositories, against 14 days.",
        why: "Vulnerabilities in backup software are exploited within days of being \
              published: ransomware groups used Veeam vulnerabilities (CVE-2023-27532, \
              CVE-2024-40711) that were already fixed, on servers that had not been patched.",
        remediation: &[
            "Subscribe the backup team to Veeam's security bulletins and the operating \
             systems' advisories.",
            "Install critical Veeam and operating system security fixes within days, and \
             others within 14 days, in maintenance windows outside the backup windows.",
            "Keep an inventory of every component's version so an unpatched one is visible.",
        ],
        references: &[
            "https://www.cisa.gov/known-exploited-vulnerabilities-catalog",
            HC_SECURING,
        ],
        check: patch_delay,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.patch_delay": {"value": "30d"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.patch_delay": {"value": "14d"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.patch_delay": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "SEC-012",
        title: "Backup administrators use their everyday accounts",
        category: Category::Security,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether backup administrators use separate accounts used for nothing but \
                 backup.",
        why: "If the account that manages backups is also used for e-mail and browsing, \
              phishing it gives the attacker the backups too. Dedicated accounts limit what one \
              stolen password can reach.",
        remediation: &[
            "Create a dedicated account per backup administrator, with no mailbox and no \
             internet access, in the management domain or as local accounts.",
            "Give only those accounts Veeam roles and remove the everyday accounts from them.",
            "Require MFA for the dedicated accounts.",
        ],
        references: &[HC_SECURING],
        check: shared_admin_accounts,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"security.separate_admin_accounts": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"security.separate_admin_accounts": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"security.separate_admin_accounts": {"dont_know": true}}}"#,
            },
        ],
    },
];

fn mfa_off(c: &mut Check<'_>) {
    let mfa = c.get("security.mfa_console").bool();
    let evidence = mfa.evidence();
    if c.known(mfa) == Some(false) {
        c.fire(
            "The backup console does not require multi-factor authentication: one stolen \
             password reaches every backup"
                .to_owned(),
            vec![evidence],
        );
    }
}

fn four_eyes_off(c: &mut Check<'_>) {
    let four_eyes = c.get("security.four_eyes").bool();
    let evidence = four_eyes.evidence();
    if c.known(four_eyes) == Some(false) {
        c.fire(
            "Four-eyes authorisation is off: one administrator account can delete backups and \
             repositories alone"
                .to_owned(),
            vec![evidence],
        );
    }
}

fn production_domain(c: &mut Check<'_>) {
    let infrastructure = c.get("security.backup_domain").choice();
    let server = c.get("platform.domain_membership").choice();
    let server_in_production = server
        .value()
        .is_some_and(|membership| membership == "production_domain");
    let infrastructure_evidence = infrastructure.evidence();
    let server_evidence = server.evidence();
    let infrastructure = c.known(infrastructure);
    if infrastructure.as_deref() == Some("production_domain") {
        let mut evidence = vec![infrastructure_evidence];
        let also = if server_in_production {
            evidence.push(server_evidence);
            ", the backup server included"
        } else {
            ""
        };
        c.fire(
            format!(
                "The backup servers and repositories are joined to the production domain{also}: \
                 whoever takes that domain can delete the backups"
            ),
            evidence,
        );
    } else if server_in_production {
        c.fire(
            "The backup server is joined to the production domain: whoever takes that domain \
             can delete the backups"
                .to_owned(),
            vec![server_evidence, infrastructure_evidence],
        );
    }
}

fn legacy_protocols(c: &mut Check<'_>) {
    let disabled = c.get("security.legacy_disabled").choices();
    let evidence = disabled.evidence();
    let Some(disabled) = c.known(disabled) else {
        return;
    };
    let enabled: Vec<&str> = LEGACY_PROTOCOLS
        .iter()
        .filter(|(id, _)| !disabled.iter().any(|d| d == id))
        .map(|(_, name)| *name)
        .collect();
    if !enabled.is_empty() {
        c.fire(
            format!(
                "Not disabled on every backup server, proxy and repository: {}",
                enabled.join(", ")
            ),
            vec![evidence],
        );
    }
}

fn offsite_unencrypted(c: &mut Check<'_>) {
    let encryption = c.get("security.offsite_encryption").choice();
    let evidence = encryption.evidence();
    match c.known(encryption).as_deref() {
        Some("none") => c.fire(
            "No job that sends data to cloud or off-site repositories is encrypted by Veeam"
                .to_owned(),
            vec![evidence],
        ),
        Some("some") => c.fire_at(
            Severity::Medium,
            "Only some jobs that send data to cloud or off-site repositories are encrypted by \
             Veeam"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}

fn keys_only_on_backup_server(c: &mut Check<'_>) {
    let storage = c.get("security.key_storage").choices();
    let evidence = storage.evidence();
    let Some(storage) = c.known(storage) else {
        return;
    };
    if !storage.is_empty() && storage.iter().all(|s| s == "backup_server_only") {
        c.fire(
            "Encryption passwords are kept only in the backup server's configuration: losing \
             that server loses every encrypted backup"
                .to_owned(),
            vec![evidence],
        );
    }
}

fn edr_without_exclusions(c: &mut Check<'_>) {
    let installed = c.get("security.edr_installed").bool();
    let installed_evidence = installed.evidence();
    if c.known(installed) != Some(true) {
        return;
    }
    let exclusions = c.get("security.edr_exclusions").bool();
    let evidence = vec![installed_evidence, exclusions.evidence()];
    if c.known(exclusions) == Some(false) {
        c.fire(
            "EDR or antivirus runs on the backup servers and proxies without Veeam's documented \
             exclusions"
                .to_owned(),
            evidence,
        );
    }
}

fn open_remote_access(c: &mut Check<'_>) {
    let access = c.get("security.remote_access").choice();
    let evidence = access.evidence();
    match c.known(access).as_deref() {
        Some("open") => c.fire(
            "Administrators reach the backup servers (RDP, SSH) from the general office or \
             production network"
                .to_owned(),
            vec![evidence],
        ),
        Some("admin_network") => c.fire_at(
            Severity::Low,
            "Administrators reach the backup servers from an administration network without a \
             jump host or MFA"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}

fn insider_protection(c: &mut Check<'_>) {
    let protection = c.get("security.insider_protection").choice();
    let evidence = protection.evidence();
    match c.known(protection).as_deref() {
        Some("no_tenants") => c.fire(
            "Insider protection is enabled for no Cloud Connect tenant: backups a compromised \
             tenant deletes are gone"
                .to_owned(),
            vec![evidence],
        ),
        Some("some_tenants") => c.fire_at(
            Severity::Medium,
            "Insider protection is enabled for only some Cloud Connect tenants".to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}

fn no_malware_detection(c: &mut Check<'_>) {
    let detection = c.get("security.malware_detection").choices();
    let evidence = detection.evidence();
    let Some(detection) = c.known(detection) else {
        return;
    };
    if detection.iter().all(|d| d == "none") {
        c.fire(
            "No Veeam malware detection is used: a restore may bring the malware back".to_owned(),
            vec![evidence],
        );
    }
}

fn patch_delay(c: &mut Check<'_>) {
    let delay = c.get("security.patch_delay").minutes();
    let evidence = delay.evidence();
    let Some(minutes) = c.known(delay) else {
        return;
    };
    let max = PATCH_DELAY_MAX_DAYS * 24 * 60;
    if minutes > max {
        c.fire(
            format!(
                "Security updates are installed about {} after release, more than \
                 {PATCH_DELAY_MAX_DAYS} days",
                evidence.shown()
            ),
            vec![evidence],
        );
    }
}

fn shared_admin_accounts(c: &mut Check<'_>) {
    let separate = c.get("security.separate_admin_accounts").bool();
    let evidence = separate.evidence();
    if c.known(separate) == Some(false) {
        c.fire(
            "Backup administrators use their everyday accounts (e-mail, browsing) to manage \
             backups"
                .to_owned(),
            vec![evidence],
        );
    }
}
