//! Repositories: how hardened repositories are built and locked down, immutability, RAID and
//! file system, free space, scale-out placement, and the configuration backup that rebuilds the
//! platform after the backup server is lost.

use super::{Category, Check, Expect, ItemView, Proof, Rule, Severity, Vector};

const SINCE: &str = "1.0.0";

const HARDENED_LIMITATIONS: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/hardened_repository_limitations.html";
const HARDENED: &str = "https://helpcenter.veeam.com/docs/backup/vsphere/hardened_repository.html";
const BLOCK_REPOSITORIES: &str = "https://bp.veeam.com/vbr/3_Build_structures/B_Veeam_Components/B_backup_repositories/block.html";
const CONFIG_BACKUP: &str = "https://helpcenter.veeam.com/docs/backup/vsphere/vbr_config.html";

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "REP-001",
        title: "Hardened repository runs as a virtual machine",
        category: Category::Repositories,
        severity: Severity::High,
        since: SINCE,
        checks: "Each hardened Linux repository's deployment: physical server or virtual machine.",
        why: "Whoever controls the hypervisor (or steals its credentials) can delete, snapshot or \
              copy a virtual repository's disks: the immutability the Linux file system enforces \
              does not protect the disks it sits on. Veeam's guidance for a hardened repository \
              is a physical server with local storage.",
        remediation: &[
            "Check who can administer the hypervisor and storage that hold the repository VM; if \
             it is the same team or directory as the backup platform, treat the backups on it as \
             deletable.",
            "Plan a physical server with local disks (RAID 6/60, XFS with reflink) and move the \
             backup chains to it, or add it as a new extent and let retention age out the old one.",
            "Until then, keep an immutable copy elsewhere (object lock in compliance mode) so one \
             compromised hypervisor cannot remove every copy.",
        ],
        references: &[HARDENED_LIMITATIONS, HARDENED],
        check: hardened_virtual,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "deployment": {"value": "virtual"}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "deployment": {"value": "physical"}}},
                  {"name": "win-01", "answers": {
                  "type": {"value": "windows_refs"}, "deployment": {"value": "virtual"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "deployment": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
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
        vectors: vectors![
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
        ],
    },
    Rule {
        id: "REP-005",
        title: "Repository immutability is off or shorter than the minimum",
        category: Category::Repositories,
        severity: Severity::High,
        since: SINCE,
        checks: "The immutability period of each hardened Linux and object storage repository \
                 against `immutability_min_days` (default 7, Veeam's minimum for hardened \
                 repositories); 0 days means immutability is off.",
        why: "Backups can be deleted as soon as their immutability ends; attackers often wait in a \
              network for days before they strike. A hardened repository with immutability off \
              protects nothing more than a plain Linux server.",
        remediation: &[
            "Check the repository's immutability setting in the console (repository properties, \
             Repository step) and the retention of the jobs that target it.",
            "Set immutability to at least the minimum, and long enough to cover the time an \
             intrusion may go unnoticed; keep it no longer than the job retention to avoid \
             paying for data nobody needs.",
            "Run an active or synthetic full afterwards and confirm the new files carry the \
             immutable attribute (`lsattr` on the repository shows `i`).",
        ],
        references: &[
            HARDENED_LIMITATIONS,
            "https://helpcenter.veeam.com/docs/backup/vsphere/os_immutability_limitations.html",
        ],
        check: immutability_short,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "immutability_days": {"value": 0}}}]}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "obj-01", "answers": {
                  "type": {"value": "object_storage"}, "immutability_days": {"value": 3}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "immutability_days": {"value": 14}}},
                  {"name": "obj-01", "answers": {
                  "type": {"value": "object_storage"}, "immutability_days": {"value": 30}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"},
                  "immutability_days": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "REP-006",
        title: "Repository without fast clone (XFS reflink or ReFS block cloning)",
        category: Category::Repositories,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Linux and hardened Linux repositories not on XFS, and Linux or ReFS repositories \
                 whose fast clone (block cloning) is not in use.",
        why: "Without fast clone, synthetic fulls and merges rewrite whole backup files: they take \
              hours, stretch the backup window and fill the repository several times faster. \
              Veeam recommends XFS with reflink for Linux and hardened repositories.",
        remediation: &[
            "Check the file system and its reflink flag (`xfs_info /mount | grep reflink`) or, on \
             Windows, that the volume is ReFS with 64 KB clusters.",
            "If the file system supports it, confirm fast clone is enabled in the repository \
             settings; an existing chain only benefits after the next active full.",
            "If it does not (ext4, XFS without reflink), add a new XFS volume formatted with \
             `mkfs.xfs -m reflink=1,crc=1`, move the jobs to it and retire the old one when its \
             retention has passed.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/vsphere/backup_repository_block_cloning.html",
            HARDENED_LIMITATIONS,
        ],
        check: no_fast_clone,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "file_system": {"value": "ext4"}}}]}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "refs-01", "answers": {
                  "type": {"value": "windows_refs"}, "fast_clone": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "file_system": {"value": "xfs"},
                  "fast_clone": {"value": true}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "file_system": {"value": "xfs"},
                  "fast_clone": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "REP-007",
        title: "Repository disks use RAID 5/50 or no RAID",
        category: Category::Repositories,
        severity: Severity::Medium,
        since: SINCE,
        checks: "The RAID level of each repository server's backup disks; RAID 6/60 is Veeam's \
                 recommendation, RAID 1/10 and external arrays pass.",
        why: "Large disks take a day or more to rebuild; with RAID 5 or 50 a second failure or an \
              unreadable sector during the rebuild loses the repository and every tenant's \
              backups on it. Without RAID one disk failure does.",
        remediation: &[
            "Check the controller's configuration (`storcli`, `ssacli`, iDRAC/iLO) for the array \
             layout and whether a hot spare is configured.",
            "Plan a RAID 6/60 array (stripe size 128 or 256 KB) on new or freed disks and move the \
             backup chains to it, or add it as a scale-out extent and retire the old one.",
            "Until then, make sure a second copy of the backups on this repository exists \
             elsewhere.",
        ],
        references: &[HARDENED_LIMITATIONS, BLOCK_REPOSITORIES],
        check: weak_raid,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "raid_level": {"value": "raid5"}}}]}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "lnx-01", "answers": {
                  "type": {"value": "linux"}, "raid_level": {"value": "none"}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "raid_level": {"value": "raid60"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "raid_level": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "REP-008",
        title: "RAID controller without a protected write-back cache",
        category: Category::Repositories,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether the RAID controller of each repository server uses a battery- or \
                 flash-backed write-back cache.",
        why: "Parity RAID without write-back cache writes slowly, so backup windows overrun; a \
              write-back cache without battery or flash protection can lose the backups in \
              flight on a power cut. Veeam recommends RAID 6/60 with write-back cache.",
        remediation: &[
            "Check the controller's cache policy and the state of its battery or flash module \
             (`storcli /c0 show all`, `ssacli ctrl all show config detail`).",
            "Replace a failed or missing cache module, then set the logical drive's write policy \
             to write-back (falling back to write-through while the battery is not charged).",
            "Leave the disks' own internal cache disabled, as Veeam's hardened repository guidance \
             asks.",
        ],
        references: &[HARDENED_LIMITATIONS, BLOCK_REPOSITORIES],
        check: no_write_back_cache,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "raid_level": {"value": "raid6"},
                  "write_back_cache": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "raid_level": {"value": "raid6"},
                  "write_back_cache": {"value": true}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "raid_level": {"value": "raid6"},
                  "write_back_cache": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "REP-009",
        title: "Repository free space below the minimum",
        category: Category::Repositories,
        severity: Severity::High,
        since: SINCE,
        checks: "Each repository's free space against `repository_min_free_percent` (default 20 \
                 %, Veeam's recommendation); at a quarter of that or less the finding is \
                 critical.",
        why: "A full repository fails every job that writes to it, for every tenant on it at once; \
              merges, synthetic fulls and fast clone also need room to work, and immutable \
              backups cannot be deleted to make space.",
        remediation: &[
            "Check what fills the repository: growth of a few large tenants, retention longer \
             than promised, orphaned chains, or immutable files waiting for their period to end.",
            "Add capacity (a new extent in the scale-out repository, a capacity tier, or disks) \
             before removing data; do not shorten immutability to free space.",
            "Set a free-space alert at the threshold and review capacity on a schedule.",
        ],
        references: &[
            "https://bp.veeam.com/vbr/2_Design_Structures/D_Veeam_Components/D_backup_repositories/repositories%20storage.html",
            "https://helpcenter.veeam.com/docs/backup/vsphere/backup_repository_sobr_placement.html",
            "https://github.com/VeeamHub/veeam-healthcheck",
        ],
        check: low_free_space,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "free_percent": {"value": 12.5}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "free_percent": {"value": 35}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"repositories.repositories": [{"name": "hr-01", "answers": {
                  "type": {"value": "hardened_linux"}, "free_percent": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "REP-010",
        title: "An immutable copy is claimed, but no listed repository or bucket is immutable",
        category: Category::Repositories,
        severity: Severity::High,
        since: SINCE,
        checks: "When at least one copy is said to be immutable or offline: whether any listed \
                 repository (hardened Linux or object storage with immutability on) or bucket \
                 (object lock on) can hold it. SMB and NFS shares, plain Linux and Windows \
                 servers and deduplicating appliances cannot.",
        why: "SMB and NFS shares cannot be immutable (a hardened repository needs block storage, \
              and NFS or SMB mounts are not allowed). If the copy that should survive an \
              attacker sits on one, an administrator account is enough to delete every copy.",
        remediation: &[
            "Check which copy the partner counts as immutable or offline; if it is tape or rotated \
             media, record it and confirm it is taken off-line on a schedule.",
            "If it is a share or a plain server, add a hardened Linux repository on local block \
             storage or an object storage bucket with object lock (compliance mode) and point a \
             backup copy job at it.",
            "Confirm the new copy is immutable (`lsattr` on hardened repository files, the \
             object's retention in the bucket).",
        ],
        references: &[
            HARDENED_LIMITATIONS,
            "https://helpcenter.veeam.com/docs/backup/vsphere/immutability_capacity_tier.html",
        ],
        check: immutability_claimed_but_absent,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"windows.immutable_or_offline_copy": {"value": true}},
                  "groups": {"repositories.repositories": [
                    {"name": "nas-01", "answers": {"type": {"value": "smb_share"}}},
                    {"name": "nas-02", "answers": {"type": {"value": "nfs_share"}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"windows.immutable_or_offline_copy": {"value": true}},
                  "groups": {"repositories.repositories": [
                    {"name": "nas-01", "answers": {"type": {"value": "smb_share"}}},
                    {"name": "hr-01", "answers": {"type": {"value": "hardened_linux"},
                      "immutability_days": {"value": 14}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"windows.immutable_or_offline_copy": {"dont_know": true}},
                  "groups": {"repositories.repositories": [
                    {"name": "nas-01", "answers": {"type": {"value": "smb_share"}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "REP-011",
        title: "Scale-out repository mixes immutable and mutable extents",
        category: Category::Repositories,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether each scale-out backup repository mixes hardened (immutable) and mutable \
                 performance extents.",
        why: "Backups placed on a mutable extent have no immutability, and placement decides which \
              extent a chain lands on: nobody can tell which tenants' backups are protected. \
              Veeam advises against mixing them.",
        remediation: &[
            "Check the extents of the scale-out repository and which backups sit on the mutable \
             ones.",
            "Put the mutable extents in maintenance mode and evacuate their backups to hardened \
             extents, then remove them; or build a separate scale-out repository for them.",
            "Confirm every job that targets the scale-out repository now writes to immutable \
             extents only.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/vsphere/backup_repository_sobr_placement.html",
            HARDENED_LIMITATIONS,
        ],
        check: sobr_mixed,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
                  "mixes_immutable": {"value": true}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
                  "mixes_immutable": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
                  "mixes_immutable": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "REP-012",
        title: "Scale-out repository uses the performance placement policy",
        category: Category::Repositories,
        severity: Severity::Medium,
        since: SINCE,
        checks: "The placement policy of each scale-out backup repository; Veeam recommends data \
                 locality with block cloning.",
        why: "With the performance policy full and incremental files of one chain sit on \
              different extents: fast clone cannot work across them, and losing or servicing one \
              extent breaks every chain that touches it.",
        remediation: &[
            "Check whether the performance policy was chosen for a reason (raw devices without \
             block cloning); if not, switch the scale-out repository to data locality.",
            "Run an active full (or let the next one run) so each chain is rebuilt on one extent \
             with block cloning.",
            "Confirm the extents are XFS with reflink or ReFS so block cloning is used.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/vsphere/backup_repository_sobr_placement.html",
            "https://helpcenter.veeam.com/docs/backup/vsphere/backup_repository_block_cloning.html",
        ],
        check: sobr_performance_policy,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
                  "placement_policy": {"value": "performance"}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
                  "placement_policy": {"value": "data_locality"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"repositories.scale_out": [{"name": "sobr-01", "answers": {
                  "placement_policy": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "REP-013",
        title: "Configuration backup is not configured",
        category: Category::Repositories,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether the backup server's configuration backup is enabled.",
        why: "The configuration backup is how the platform is rebuilt after the backup server is \
              lost: every job, tenant account, quota and credential. Without it, a failed disk or \
              ransomware on the backup server means recreating the platform by hand while every \
              tenant waits.",
        remediation: &[
            "Enable the configuration backup (main menu > Configuration Backup) with a daily \
             schedule and encryption.",
            "Target a repository that is not on the backup server, ideally at another site or \
             immutable.",
            "Rehearse a configuration restore on a spare server and record how long it takes.",
        ],
        references: &[
            CONFIG_BACKUP,
            "https://helpcenter.veeam.com/docs/backup/vsphere/config_backup_encrypted.html",
        ],
        check: config_backup_off,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"platform.config_backup_target": {"value": "not_configured"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_site"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"platform.config_backup_target": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "REP-014",
        title: "Configuration backup is stored on the backup server or at the same site",
        category: Category::Repositories,
        severity: Severity::High,
        since: SINCE,
        checks: "Where the configuration backup goes: on the backup server itself is high; on \
                 another server at the same site is low.",
        why: "A configuration backup on the backup server is lost with it, to ransomware or a \
              failed disk, exactly when it is needed. One at the same site is lost with the site.",
        remediation: &[
            "Check the configuration backup's target repository and where that repository's \
             disks are.",
            "Point the configuration backup at a repository on another server, preferably at \
             another site or immutable (hardened repository or object lock).",
            "Run the configuration backup job once and confirm the file arrives at the new \
             target.",
        ],
        references: &[CONFIG_BACKUP],
        check: config_backup_local,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"platform.config_backup_target": {"value": "backup_server"}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_server_same_site"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.config_backup_target": {"value": "object_storage"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"platform.config_backup_target": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "REP-015",
        title: "Configuration backup is not encrypted",
        category: Category::Repositories,
        severity: Severity::High,
        since: SINCE,
        checks: "Whether the configuration backup, when configured, is encrypted.",
        why: "An unencrypted configuration backup leaves out saved credentials and keys, so a \
              restore brings back every job with no passwords; and anyone who reads the file sees \
              the platform's layout. Veeam will not run it unencrypted once passwords are in the \
              Password Manager, and recommends encryption in every case.",
        remediation: &[
            "Enable encryption in the configuration backup settings with a strong password.",
            "Keep the password outside the platform (a password vault, sealed envelope) so it is \
             available when the backup server is not.",
            "Run the job and confirm the new backup file is marked as encrypted.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/backup/vsphere/config_backup_encrypted.html",
            CONFIG_BACKUP,
        ],
        check: config_backup_unencrypted,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_site"},
                  "platform.config_backup_encrypted": {"value": false}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_site"},
                  "platform.config_backup_encrypted": {"value": true}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"platform.config_backup_target": {"value": "other_site"},
                  "platform.config_backup_encrypted": {"dont_know": true}}}"#,
            },
        ],
    },
];

/// The hardened Linux repositories, each with the evidence of its type.
fn hardened<'a>(c: &Check<'a>) -> Vec<(ItemView<'a>, Proof<'a>)> {
    c.items("repositories.repositories")
        .into_iter()
        .filter_map(|repo| {
            let kind = repo.get("type").choice();
            (kind.value().map(String::as_str) == Some("hardened_linux"))
                .then(|| (repo, kind.evidence()))
        })
        .collect()
}

/// How a repository type reads in a message.
fn type_label(kind: &str) -> &'static str {
    match kind {
        "hardened_linux" => "Hardened repository",
        "linux" => "Linux repository",
        "windows_refs" => "ReFS repository",
        "windows_ntfs" => "NTFS repository",
        "smb_share" => "SMB share",
        "nfs_share" => "NFS share",
        "dedup_appliance" => "Deduplicating appliance",
        "object_storage" => "Object storage repository",
        _ => "Repository",
    }
}

/// How a RAID level reads in a message: `raid60` is “RAID 60”.
fn raid_label(level: &str) -> String {
    level
        .strip_prefix("raid")
        .map_or_else(|| level.to_owned(), |number| format!("RAID {number}"))
}

/// How a configuration backup target reads in a message.
fn config_target_label(target: &str) -> &'static str {
    match target {
        "backup_server" => "a repository on the backup server",
        "other_server_same_site" => "another server at the same site",
        "other_site" => "a repository at another site",
        "object_storage" => "object storage",
        _ => "its target",
    }
}

fn hardened_virtual(c: &mut Check<'_>) {
    for (repo, kind) in hardened(c) {
        let deployment = repo.get("deployment").choice();
        let evidence = vec![kind, deployment.evidence()];
        if c.known(deployment).as_deref() == Some("virtual") {
            c.fire(
                format!(
                    "Hardened repository “{}” is a virtual machine: whoever controls the \
                     hypervisor can delete or copy its disks, immutable files included",
                    repo.name()
                ),
                evidence,
            );
        }
    }
}

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

fn immutability_short(c: &mut Check<'_>) {
    let minimum = f64::from(c.config.immutability_min_days);
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let Some(kind_id) = kind.value().cloned() else {
            continue;
        };
        if !matches!(kind_id.as_str(), "hardened_linux" | "object_storage") {
            continue;
        }
        let days = repo.get("immutability_days").number();
        let evidence = vec![kind.evidence(), days.evidence()];
        let Some(days) = c.known(days) else {
            continue;
        };
        let what = type_label(&kind_id);
        let name = repo.name();
        if days <= 0.0 {
            let severity = if kind_id == "hardened_linux" {
                Severity::Critical
            } else {
                Severity::High
            };
            c.fire_at(
                severity,
                format!(
                    "{what} “{name}” has immutability off (0 days): its backups can be deleted \
                     by anyone who controls the backup server"
                ),
                evidence,
            );
        } else if days < minimum {
            c.fire(
                format!(
                    "{what} “{name}” keeps backups immutable for {days} days, less than the \
                     minimum of {minimum} days"
                ),
                evidence,
            );
        }
    }
}

fn no_fast_clone(c: &mut Check<'_>) {
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let Some(kind_id) = kind.value().cloned() else {
            continue;
        };
        let what = type_label(&kind_id);
        let name = repo.name();
        let mut evidence = vec![kind.evidence()];
        match kind_id.as_str() {
            "hardened_linux" | "linux" => {
                let file_system = repo.get("file_system").choice();
                evidence.push(file_system.evidence());
                let Some(file_system) = c.known(file_system) else {
                    continue;
                };
                if file_system != "xfs" {
                    c.fire(
                        format!(
                            "{what} “{name}” is on {file_system}, not XFS: no fast clone, so \
                             synthetic fulls and merges rewrite whole files"
                        ),
                        evidence,
                    );
                    continue;
                }
            }
            "windows_refs" => {}
            _ => continue,
        }
        let fast_clone = repo.get("fast_clone").bool();
        evidence.push(fast_clone.evidence());
        if c.known(fast_clone) == Some(false) {
            c.fire(
                format!(
                    "{what} “{name}” does not use fast clone (block cloning): synthetic fulls and \
                     merges rewrite whole files and fill it faster"
                ),
                evidence,
            );
        }
    }
}

fn weak_raid(c: &mut Check<'_>) {
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let raid = repo.get("raid_level").choice();
        let evidence = vec![kind.evidence(), raid.evidence()];
        let what = kind.value().map_or("Repository", |k| type_label(k));
        let name = repo.name();
        match c.known(raid).as_deref() {
            Some(level @ ("raid5" | "raid50")) => c.fire(
                format!(
                    "{what} “{name}” uses {}: a second disk failure during a rebuild loses it; \
                     Veeam recommends RAID 6/60",
                    raid_label(level)
                ),
                evidence,
            ),
            Some("none") => c.fire_at(
                Severity::High,
                format!(
                    "{what} “{name}” has no RAID: one disk failure loses the backups on it; Veeam \
                     recommends RAID 6/60"
                ),
                evidence,
            ),
            _ => {}
        }
    }
}

fn no_write_back_cache(c: &mut Check<'_>) {
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let raid = repo.get("raid_level").choice();
        let cache = repo.get("write_back_cache").bool();
        let evidence = vec![kind.evidence(), raid.evidence(), cache.evidence()];
        let what = kind.value().map_or("Repository", |k| type_label(k));
        if c.known(cache) == Some(false) {
            c.fire(
                format!(
                    "{what} “{}” has no protected write-back cache on its {} controller: slow \
                     parity writes, and backups in flight at risk on a power cut",
                    repo.name(),
                    raid.value()
                        .map_or_else(|| "RAID".to_owned(), |level| raid_label(level))
                ),
                evidence,
            );
        }
    }
}

fn low_free_space(c: &mut Check<'_>) {
    let minimum = c.config.repository_min_free_percent;
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let free = repo.get("free_percent").number();
        let evidence = vec![kind.evidence(), free.evidence()];
        let what = kind.value().map_or("Repository", |k| type_label(k));
        let Some(free) = c.known(free) else {
            continue;
        };
        if free < minimum {
            let severity = if free <= minimum / 4.0 {
                Severity::Critical
            } else {
                Severity::High
            };
            c.fire_at(
                severity,
                format!(
                    "{what} “{}” has {free} % free, below the minimum of {minimum} %: jobs fail \
                     for every tenant on it once it fills",
                    repo.name()
                ),
                evidence,
            );
        }
    }
}

fn immutability_claimed_but_absent(c: &mut Check<'_>) {
    let claimed = c.get("windows.immutable_or_offline_copy").bool();
    let claimed_evidence = claimed.evidence();
    if c.known(claimed) != Some(true) {
        return;
    }
    let mut evidence = vec![claimed_evidence];
    let mut mutable = Vec::new();
    for repo in c.items("repositories.repositories") {
        let kind = repo.get("type").choice();
        let Some(kind_id) = kind.value().cloned() else {
            // An unanswered type could be immutable: nothing to conclude.
            return;
        };
        if matches!(kind_id.as_str(), "hardened_linux" | "object_storage") {
            let days = repo.get("immutability_days").number();
            if days.value().is_none_or(|days| *days > 0.0) {
                return;
            }
            evidence.push(days.evidence());
        }
        evidence.push(kind.evidence());
        mutable.push(format!("“{}” ({})", repo.name(), type_label(&kind_id)));
    }
    for bucket in c.items("object_storage.buckets") {
        let lock = bucket.get("object_lock").bool();
        if lock.value() != Some(&false) {
            return;
        }
        evidence.push(lock.evidence());
    }
    if mutable.is_empty() {
        return;
    }
    c.fire(
        format!(
            "At least one copy is said to be immutable or offline, but no listed repository is \
             immutable ({}) and no bucket has object lock: verify the copy is offline (tape, \
             rotated media) or add an immutable one",
            mutable.join(", ")
        ),
        evidence,
    );
}

fn sobr_mixed(c: &mut Check<'_>) {
    for sobr in c.items("repositories.scale_out") {
        let mixes = sobr.get("mixes_immutable").bool();
        let evidence = mixes.evidence();
        if c.known(mixes) == Some(true) {
            c.fire(
                format!(
                    "Scale-out repository “{}” mixes immutable and mutable extents: backups \
                     placed on a mutable extent are not immutable",
                    sobr.name()
                ),
                vec![evidence],
            );
        }
    }
}

fn sobr_performance_policy(c: &mut Check<'_>) {
    for sobr in c.items("repositories.scale_out") {
        let policy = sobr.get("placement_policy").choice();
        let evidence = policy.evidence();
        if c.known(policy).as_deref() == Some("performance") {
            c.fire(
                format!(
                    "Scale-out repository “{}” uses the performance placement policy: chains \
                     span extents, fast clone cannot work and one lost extent breaks them",
                    sobr.name()
                ),
                vec![evidence],
            );
        }
    }
}

fn config_backup_off(c: &mut Check<'_>) {
    let target = c.get("platform.config_backup_target").choice();
    let evidence = target.evidence();
    if c.known(target).as_deref() == Some("not_configured") {
        c.fire(
            "The configuration backup is not configured: losing the backup server means \
             rebuilding every job and tenant by hand"
                .to_owned(),
            vec![evidence],
        );
    }
}

fn config_backup_local(c: &mut Check<'_>) {
    let target = c.get("platform.config_backup_target").choice();
    let evidence = target.evidence();
    match c.known(target).as_deref() {
        Some("backup_server") => c.fire(
            "The configuration backup is stored on the backup server itself: it is lost together \
             with the server it should rebuild"
                .to_owned(),
            vec![evidence],
        ),
        Some("other_server_same_site") => c.fire_at(
            Severity::Low,
            "The configuration backup is stored on another server at the same site: a site \
             outage takes it with the backup server"
                .to_owned(),
            vec![evidence],
        ),
        _ => {}
    }
}

fn config_backup_unencrypted(c: &mut Check<'_>) {
    let encrypted = c.get("platform.config_backup_encrypted").bool();
    let evidence = encrypted.evidence();
    if c.known(encrypted) == Some(false) {
        let target = c.get("platform.config_backup_target").choice();
        c.fire(
            format!(
                "The configuration backup to {} is not encrypted: a restore brings back no saved \
                 credentials, and the file exposes the platform's layout",
                target
                    .value()
                    .map_or("its target", |t| config_target_label(t))
            ),
            vec![evidence, target.evidence()],
        );
    }
}
