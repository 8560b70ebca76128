//! Multi-tenancy: the limits that keep one tenant from starving the others (tasks, bandwidth,
//! quota, storage I/O), and the protections that keep each tenant's data and networks apart.
//!
//! Tier limits are asked per plan. For a limit question without a condition, "not applicable"
//! is how the partner says the tier has no such limit; the rules read it that way.

use super::{Category, Check, Expect, Fact, FactState, ItemView, Rule, Severity, Vector};

const SINCE: &str = "1.0.0";

pub(super) const RULES: &[Rule] = &[
    Rule {
        id: "TEN-001",
        title: "Tenant tier has no concurrent task limit",
        category: Category::MultiTenancy,
        severity: Severity::High,
        since: SINCE,
        checks: "Each tenant tier whose maximum concurrent tasks per tenant is answered \"not \
                 applicable\" (no limit), when Cloud Connect backup or replication is offered.",
        why: "Every task takes a slot on the gateways, proxies and repositories all tenants \
              share, and a Cloud Connect pod handles about 1,000 concurrent tasks in total. \
              Without a per-tenant limit, one tenant starting many jobs at once takes the slots \
              the others need, and their backups queue or miss the window.",
        remediation: &[
            "Check the tenants on this tier in the Cloud Connect console (Tenants > Edit > \
             Bandwidth): is Max concurrent tasks set for each of them?",
            "Set a limit that fits what the tenant pays for and what the repositories and \
             gateways can carry (add up the limits of all tenants and compare with the pod's \
             capacity); set it on the plan or template new tenants are created from.",
            "Tell the tenants before you apply it: jobs with more VMs than the limit will \
             process them in turn.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/data_encryption_and_throttling.html",
            "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_tasks.html",
        ],
        check: no_task_limit,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"tenancy.tiers": [{"name": "Bronze", "answers": {
                  "tenants": {"value": 120},
                  "max_concurrent_tasks": {"not_applicable": "no limit set"}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"tenancy.tiers": [{"name": "Bronze", "answers": {
                  "max_concurrent_tasks": {"value": 4}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["m365"]}},
                  "groups": {"tenancy.tiers": [{"name": "Microsoft 365", "answers": {
                    "max_concurrent_tasks": {"not_applicable": "not Cloud Connect tenants"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"tenancy.tiers": [{"name": "Bronze", "answers": {
                  "max_concurrent_tasks": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "TEN-002",
        title: "Tenant tier has no effective bandwidth limit",
        category: Category::MultiTenancy,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Each tenant tier that does not limit incoming traffic per tenant, and each \
                 tier whose limit is not below the bandwidth of the largest network link that \
                 carries tenant Cloud Connect traffic, when Cloud Connect is offered.",
        why: "Without a bandwidth limit, one tenant seeding a large full backup fills the \
              uplink and the gateways, and every other tenant's jobs slow down or time out. A \
              limit as large as the link itself protects nobody.",
        remediation: &[
            "Check the tenants on this tier in the Cloud Connect console (Tenants > Edit > \
             Bandwidth): is Limit network traffic from this tenant set?",
            "Set a limit per tenant well below the uplink (a fraction that lets several \
             tenants run at once), on the plan or template new tenants are created from.",
            "For initial seeding of large tenants, offer seeding on disk or a temporary \
             higher limit outside the peak backup window instead of no limit.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/data_encryption_and_throttling.html",
        ],
        check: no_bandwidth_limit,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"tenancy.tiers": [{"name": "Silver", "answers": {
                  "bandwidth_limited": {"value": false}}}]}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {
                  "tenancy.tiers": [{"name": "Silver", "answers": {
                    "bandwidth_limited": {"value": true},
                    "bandwidth_limit_mbps": {"value": 10000}}}],
                  "network.links": [{"name": "Internet uplink", "answers": {
                    "purpose": {"value": ["tenant_cloud_connect"]},
                    "bandwidth_mbits": {"value": 1000}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {
                  "tenancy.tiers": [{"name": "Silver", "answers": {
                    "bandwidth_limited": {"value": true},
                    "bandwidth_limit_mbps": {"value": 200}}}],
                  "network.links": [{"name": "Internet uplink", "answers": {
                    "purpose": {"value": ["tenant_cloud_connect"]},
                    "bandwidth_mbits": {"value": 10000}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"tenancy.tiers": [{"name": "Silver", "answers": {
                  "bandwidth_limited": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "TEN-003",
        title: "Tenant tier has no storage quota",
        category: Category::MultiTenancy,
        severity: Severity::High,
        since: SINCE,
        checks: "Each tenant tier whose storage quota per tenant is answered \"not applicable\" \
                 (no quota), when Cloud Connect backup is offered.",
        why: "The quota is what stops one tenant's growing backup chain, or a retention \
              setting typed wrong, from filling the repository every other tenant writes to. \
              When it fills, every tenant on it fails, not only the one that grew.",
        remediation: &[
            "Check the tenants on this tier in the Cloud Connect console (Tenants > Edit > \
             Backup Resources): does each cloud repository resource have a quota?",
            "Give each tenant a quota that covers its chain plus room for a full backup or \
             compact operation, and alert before it fills (see TEN-007).",
            "Check that the quotas of all tenants on a repository, plus free space for \
             insider protection, fit on it.",
        ],
        references: &["https://helpcenter.veeam.com/docs/vbr/cloud/lease_and_quota.html"],
        check: no_storage_quota,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"groups": {"tenancy.tiers": [{"name": "Enterprise", "answers": {
                  "storage_quota_gb": {"not_applicable": "unlimited storage"}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"groups": {"tenancy.tiers": [{"name": "Enterprise", "answers": {
                  "storage_quota_gb": {"value": 20000}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["object_storage"]}},
                  "groups": {"tenancy.tiers": [{"name": "Object Storage", "answers": {
                    "storage_quota_gb": {"not_applicable": "storage accounts cannot be capped"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"groups": {"tenancy.tiers": [{"name": "Enterprise", "answers": {
                  "storage_quota_gb": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "TEN-004",
        title: "Tenants run with no quota, task or bandwidth limit at all",
        category: Category::MultiTenancy,
        severity: Severity::High,
        since: SINCE,
        checks: "The number of tenants the partner says have no quota, task or bandwidth limit \
                 at all: any is a finding, high when Cloud Connect is offered, medium otherwise.",
        why: "These are the noisy neighbours waiting to happen: at one provider, tenant A's \
              backups crawled because tenant B ran a restore that saturated the shared storage \
              controller. An unlimited tenant can take every task slot, the whole uplink or \
              the whole repository.",
        remediation: &[
            "List the tenants without limits (Cloud Connect console, or the Service Provider \
             Console's company list) and find out why each has none: a legacy account, an \
             internal test, a large customer?",
            "Give each at least a task limit and a quota, and a bandwidth limit unless the \
             tenant has a dedicated link.",
            "If a tenant truly needs more, give it dedicated repositories and storage rather \
             than no limits on shared ones.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/data_encryption_and_throttling.html",
            "https://helpcenter.veeam.com/docs/vbr/cloud/lease_and_quota.html",
        ],
        check: unlimited_tenants,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"tenancy.unlimited_tenants": {"value": 3},
                  "tenancy.tenant_count": {"value": 240}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"tenancy.unlimited_tenants": {"value": 0}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"tenancy.unlimited_tenants": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "TEN-005",
        title: "Tenants share storage controllers with nothing keeping their I/O apart",
        category: Category::MultiTenancy,
        severity: Severity::High,
        since: SINCE,
        checks: "When tenants share storage arrays or controllers (all on the same, separate \
                 pools on the same controllers, or shared within a tier): whether anything \
                 limits each tenant's I/O. Nothing at all is high; only Veeam repository \
                 limits, with no storage QoS, is medium.",
        why: "At one provider, tenant A's backups crawled because tenant B ran a restore that \
              saturated the shared storage controller. Veeam's per-tenant limits do not reach \
              below the repository: a restore, a synthetic full or a health check of one tenant \
              can take all the controller's throughput unless the storage caps it.",
        remediation: &[
            "Check which repositories and volumes share each controller, and whether the array \
             offers QoS (IOPS or throughput limits per volume, LUN or pool).",
            "If it does, put each tenant (or at least each tier) on its own volume or pool and \
             cap it; if it does not, set Veeam repository read/write rate and task limits, and \
             move the largest tenants to their own storage.",
            "Add controller latency and throughput to monitoring with an alert, so the next \
             noisy neighbour is found in minutes, not from tenant complaints.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/data_encryption_and_throttling.html",
            "https://bp.veeam.com/vbr/2_Design_Structures/D_Veeam_Components/D_backup_repositories/",
        ],
        check: shared_storage_without_isolation,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"tenancy.shared_storage": {"value": "shared_all"},
                  "tenancy.io_isolation": {"value": ["none"]}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"tenancy.shared_storage": {"value": "shared_controllers"},
                  "tenancy.io_isolation": {"value": ["repository_task_limit"]}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"tenancy.shared_storage": {"value": "shared_all"},
                  "tenancy.io_isolation": {"value": ["storage_qos_per_tenant", "repository_task_limit"]}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"tenancy.shared_storage": {"value": "dedicated_per_tenant"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"tenancy.shared_storage": {"value": "shared_all"},
                  "tenancy.io_isolation": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "TEN-006",
        title: "Insider protection is off on a tenant tier",
        category: Category::MultiTenancy,
        severity: Severity::High,
        since: SINCE,
        checks: "Each tenant tier that keeps deleted backups for 0 days (insider protection \
                 off), when Cloud Connect backup is one of the services.",
        why: "When attackers get into a tenant's backup server, the first thing they do is \
              delete the backups, including the off-site copies in your cloud repository. \
              Insider protection keeps deleted backup files in a recycle bin the tenant cannot \
              reach; with it off, the tenant's last copy is gone too.",
        remediation: &[
            "Check the tenants on this tier in the Cloud Connect console (Tenants > Edit > \
             Backup Resources): is Keep deleted backup files for N days selected?",
            "Turn it on for every tenant, for longer than it takes a tenant to notice an attack \
             and call you, and size the repositories for the extra space: deleted files do not \
             count against the tenant's quota.",
            "Write down how a tenant asks for a restore from the recycle bin, and test it once.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_bin.html",
            "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_bin_hiw.html",
        ],
        check: insider_protection_off,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"tenancy.tiers": [{"name": "Starter", "answers": {
                    "tenants": {"value": 80},
                    "insider_protection_days": {"value": 0}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"tenancy.tiers": [{"name": "Starter", "answers": {
                    "insider_protection_days": {"value": 14}}}]}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"engagement.services": {"value": ["m365"]}},
                  "groups": {"tenancy.tiers": [{"name": "M365 only", "answers": {
                    "insider_protection_days": {"value": 0}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"engagement.services": {"value": ["cloud_connect_backup"]}},
                  "groups": {"tenancy.tiers": [{"name": "Starter", "answers": {
                    "insider_protection_days": {"dont_know": true}}}]}}"#,
            },
        ],
    },
    Rule {
        id: "TEN-007",
        title: "Tenant quota use is not watched, or the alert comes too late",
        category: Category::MultiTenancy,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether someone watches tenants' quota use (when any tier has a quota), and \
                 whether the quota alert fires at or below `quota_alert_percent` (default 85 %).",
        why: "A quota that fills fails the tenant's next backup, and a full backup or compact \
              operation needs room for a whole extra full inside the quota. An alert at 99 % \
              leaves no time to extend the quota; without one, the tenant is the first to know.",
        remediation: &[
            "Check where quota use is visible today (Service Provider Console alarms, Veeam \
             ONE, a script) and who receives the alert.",
            "Set the alert at 85 % or lower and route it to the team that can extend quotas \
             or talk to the tenant.",
            "Review tenants above the threshold weekly, together with repository free space.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/lease_and_quota.html",
            "https://github.com/VeeamHub/veeam-healthcheck",
        ],
        check: quota_unwatched,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["none"]}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["quota_threshold"]},
                  "tenancy.quota_alert_percent": {"value": 95}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["quota_threshold"]},
                  "tenancy.quota_alert_percent": {"value": 80}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["none"]}},
                  "groups": {"tenancy.tiers": [{"name": "Microsoft 365", "answers": {
                    "storage_quota_gb": {"not_applicable": "billed per user, no quota"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["quota_threshold"]},
                  "tenancy.quota_alert_percent": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "TEN-008",
        title: "Expired leases or unused replica resources are not watched",
        category: Category::MultiTenancy,
        severity: Severity::Medium,
        since: SINCE,
        checks: "Whether someone watches tenant leases that expire (when any tier has a lease) \
                 and, when Cloud Connect replication is offered, replica resources (hardware \
                 plans) that no tenant subscribes to.",
        why: "When a lease expires, the tenant account is disabled and its backup, copy and \
              replication jobs stop: a tenant can go unprotected because of an admin date. \
              Replica resources nobody uses hold DR capacity that a real failover needs.",
        remediation: &[
            "Add expiring leases (for example 30 days ahead) to the alarms the operations team \
             watches, with the account manager in copy.",
            "List hardware plans without subscribers each month and release or resize them.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/lease_and_quota.html",
            "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_connect_hardware_plan.html",
        ],
        check: leases_unwatched,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {"tenancy.monitored_warnings": {"value": ["quota_threshold"]}}}"#,
            },
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {
                  "engagement.services": {"value": ["cloud_connect_replication"]},
                  "tenancy.monitored_warnings": {"value": ["expired_leases"]}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {
                  "engagement.services": {"value": ["cloud_connect_replication"]},
                  "tenancy.monitored_warnings": {"value": ["expired_leases", "unused_replica_resources"]}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {
                  "engagement.services": {"value": ["cloud_connect_backup"]},
                  "tenancy.monitored_warnings": {"value": ["none"]}},
                  "groups": {"tenancy.tiers": [{"name": "Standard", "answers": {
                    "lease_length": {"not_applicable": "no leases"}}}]}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {"tenancy.monitored_warnings": {"dont_know": true}}}"#,
            },
        ],
    },
    Rule {
        id: "TEN-009",
        title: "Tenants' replica networks are not isolated",
        category: Category::MultiTenancy,
        severity: Severity::High,
        since: SINCE,
        checks: "How tenants' replica networks are kept apart, when Cloud Connect replication \
                 is offered: \"none\" (replicas share a network) is a finding.",
        why: "After a failover, tenant VMs run on your hosts. If their networks are not \
              isolated, one tenant's replicas (possibly the infected ones that caused the \
              failover) can reach another tenant's, and overlapping tenant subnets collide.",
        remediation: &[
            "Check the hardware plans: which network (VLAN, segment) does each tenant's \
             replica network map to?",
            "Allocate a VLAN or an SDN segment per tenant (Cloud Connect manages a VLAN range \
             for this) and let the network extension appliance route only that tenant.",
            "Run a test failover for two tenants at once and check that neither can reach the \
             other.",
        ],
        references: &[
            "https://helpcenter.veeam.com/docs/vbr/cloud/hardware_plan_network_vlans.html",
            "https://helpcenter.veeam.com/docs/vbr/cloud/cloud_network_extension_appliance.html",
        ],
        check: replica_networks_shared,
        vectors: vectors![
            Vector {
                expect: Expect::Fires,
                answers: r#"{"answers": {
                  "engagement.services": {"value": ["cloud_connect_replication"]},
                  "tenancy.replica_network_isolation": {"value": "none"}}}"#,
            },
            Vector {
                expect: Expect::Passes,
                answers: r#"{"answers": {
                  "engagement.services": {"value": ["cloud_connect_replication"]},
                  "tenancy.replica_network_isolation": {"value": "vlan"}}}"#,
            },
            Vector {
                expect: Expect::Verifies,
                answers: r#"{"answers": {
                  "engagement.services": {"value": ["cloud_connect_replication"]},
                  "tenancy.replica_network_isolation": {"dont_know": true}}}"#,
            },
        ],
    },
];

/// What a tier says about one of its limits.
enum Limit<T> {
    Set(T),
    /// Answered "not applicable": the tier has no such limit.
    Unlimited,
    /// Not known: a needs-verification finding was recorded.
    Unknown,
}

/// Reads a tier limit whose question has no condition: inside a shown group, "not
/// applicable" can only be the partner's answer, meaning no limit.
fn limit<T>(c: &mut Check<'_>, fact: Fact<'_, T>) -> Limit<T> {
    if matches!(fact.state, FactState::NotApplicable) {
        return Limit::Unlimited;
    }
    c.known(fact).map_or(Limit::Unknown, Limit::Set)
}

/// “Bronze” (120 tenants), or just “Bronze” when the count is not known.
fn tier_name(tier: &ItemView<'_>) -> String {
    match tier.get("tenants").number().value() {
        Some(tenants) => format!("Tier “{}” ({tenants} tenants)", tier.name()),
        None => format!("Tier “{}”", tier.name()),
    }
}

/// Whether the answers say one of these services is offered; unknown services count as
/// offered.
fn offers(c: &Check<'_>, any_of: &[&str]) -> bool {
    c.get("engagement.services")
        .choices()
        .value()
        .is_none_or(|services| services.iter().any(|s| any_of.contains(&s.as_str())))
}

/// Cloud Connect, where per-tenant task and bandwidth limits are set.
const CLOUD_CONNECT: &[&str] = &["cloud_connect_backup", "cloud_connect_replication"];

fn no_task_limit(c: &mut Check<'_>) {
    if !offers(c, CLOUD_CONNECT) {
        return;
    }
    for tier in c.items("tenancy.tiers") {
        let tasks = tier.get("max_concurrent_tasks").number();
        let evidence = tasks.evidence();
        if let Limit::Unlimited = limit(c, tasks) {
            c.fire(
                format!(
                    "{} has no per-tenant concurrent task limit: one tenant can take every \
                     gateway, proxy and repository slot",
                    tier_name(&tier)
                ),
                vec![evidence],
            );
        }
    }
}

fn no_bandwidth_limit(c: &mut Check<'_>) {
    if !offers(c, CLOUD_CONNECT) {
        return;
    }
    // The largest link that carries tenant Cloud Connect traffic, when its bandwidth is given.
    let mut uplink: Option<(String, f64, super::Proof<'_>)> = None;
    for link in c.items("network.links") {
        let purpose = link.get("purpose").choices();
        if !purpose
            .value()
            .is_some_and(|p| p.iter().any(|p| p == "tenant_cloud_connect"))
        {
            continue;
        }
        let bandwidth = link.get("bandwidth_mbits").number();
        if let Some(&mbits) = bandwidth.value()
            && uplink
                .as_ref()
                .is_none_or(|(_, largest, _)| mbits > *largest)
        {
            uplink = Some((link.name().to_owned(), mbits, bandwidth.evidence()));
        }
    }
    for tier in c.items("tenancy.tiers") {
        let limited = tier.get("bandwidth_limited").bool();
        let limited_evidence = limited.evidence();
        match c.known(limited) {
            Some(false) => c.fire(
                format!(
                    "{} does not limit incoming traffic per tenant: one tenant seeding a full \
                     backup can fill the uplink for everyone",
                    tier_name(&tier)
                ),
                vec![limited_evidence],
            ),
            Some(true) => {
                let mbps = tier.get("bandwidth_limit_mbps").number();
                let mbps_evidence = mbps.evidence();
                if let Some(mbps) = c.known(mbps)
                    && let Some((link, mbits, link_evidence)) = &uplink
                    && mbps >= *mbits
                {
                    c.fire(
                        format!(
                            "{} limits each tenant to {mbps} Mbit/s, not below the {mbits} \
                             Mbit/s of link “{link}” that carries tenant traffic: the limit \
                             protects nobody",
                            tier_name(&tier)
                        ),
                        vec![limited_evidence, mbps_evidence, link_evidence.clone()],
                    );
                }
            }
            None => {}
        }
    }
}

fn no_storage_quota(c: &mut Check<'_>) {
    if !offers(c, &["cloud_connect_backup"]) {
        return;
    }
    for tier in c.items("tenancy.tiers") {
        let quota = tier.get("storage_quota_gb").number();
        let evidence = quota.evidence();
        if let Limit::Unlimited = limit(c, quota) {
            c.fire(
                format!(
                    "{} has no storage quota: one tenant's growing backups can fill the \
                     repository every other tenant writes to",
                    tier_name(&tier)
                ),
                vec![evidence],
            );
        }
    }
}

fn unlimited_tenants(c: &mut Check<'_>) {
    let unlimited = c.get("tenancy.unlimited_tenants").number();
    let evidence = unlimited.evidence();
    let Some(unlimited) = c.known(unlimited) else {
        return;
    };
    if unlimited > 0.0 {
        let total = c.get("tenancy.tenant_count").number();
        let of = total
            .value()
            .map_or_else(String::new, |total| format!(" of {total}"));
        // Off Cloud Connect (Microsoft 365, object storage) fewer limits exist to set.
        let severity = if offers(c, CLOUD_CONNECT) {
            Severity::High
        } else {
            Severity::Medium
        };
        c.fire_at(
            severity,
            format!(
                "{unlimited}{of} tenants have no quota, task or bandwidth limit at all: any of \
                 them can starve the others"
            ),
            vec![evidence, total.evidence()],
        );
    }
}

fn shared_storage_without_isolation(c: &mut Check<'_>) {
    let shared = c.get("tenancy.shared_storage").choice();
    let shared_evidence = shared.evidence();
    let Some(shared) = c.known(shared) else {
        return;
    };
    let what = match shared.as_str() {
        "shared_all" => "the same storage arrays and controllers",
        "shared_controllers" => "the same storage controllers (in separate pools or volumes)",
        "dedicated_per_tier" => "storage controllers within each tier",
        _ => return,
    };
    let isolation = c.get("tenancy.io_isolation").choices();
    let isolation_evidence = isolation.evidence();
    let Some(isolation) = c.known(isolation) else {
        return;
    };
    let has = |choice: &str| isolation.iter().any(|i| i == choice);
    let storage_qos = has("storage_qos_per_tenant") || has("storage_qos_per_tier");
    let veeam_limits = has("repository_rate_limit") || has("repository_task_limit");
    let evidence = vec![shared_evidence, isolation_evidence];
    if !storage_qos && !veeam_limits {
        c.fire(
            format!(
                "Tenants share {what}, and nothing keeps one tenant's I/O from starving the \
                 others: one restore or synthetic full can slow every tenant's backups"
            ),
            evidence,
        );
    } else if !storage_qos {
        c.fire_at(
            Severity::Medium,
            format!(
                "Tenants share {what} with only Veeam repository limits to keep them apart: \
                 those cap each repository, not each tenant's share of the controller"
            ),
            evidence,
        );
    }
}

fn insider_protection_off(c: &mut Check<'_>) {
    if !offers(c, &["cloud_connect_backup"]) {
        return;
    }
    for tier in c.items("tenancy.tiers") {
        let days = tier.get("insider_protection_days").number();
        let evidence = days.evidence();
        if c.known(days) == Some(0.0) {
            c.fire(
                format!(
                    "{} keeps no deleted backups (insider protection off): an attacker in a \
                     tenant's backup server can delete its cloud copies for good",
                    tier_name(&tier)
                ),
                vec![evidence],
            );
        }
    }
}

fn quota_unwatched(c: &mut Check<'_>) {
    // Tiers that all answer "not applicable" to the quota have none to watch (TEN-003 asks
    // for the quotas themselves).
    let tiers = c.items("tenancy.tiers");
    let quotas_used = tiers.is_empty()
        || tiers
            .iter()
            .any(|tier| !matches!(tier.get("storage_quota_gb").state, FactState::NotApplicable));
    if !quotas_used {
        return;
    }
    let warnings = c.get("tenancy.monitored_warnings").choices();
    let evidence = warnings.evidence();
    let Some(warnings) = c.known(warnings) else {
        return;
    };
    if !warnings.iter().any(|w| w == "quota_threshold") {
        c.fire(
            "Nobody watches tenants' quota use: a full quota fails the tenant's next backup, \
             and the tenant is the first to know"
                .to_owned(),
            vec![evidence],
        );
        return;
    }
    let percent = c.get("tenancy.quota_alert_percent").number();
    let percent_evidence = percent.evidence();
    let threshold = c.config.quota_alert_percent;
    if let Some(percent) = c.known(percent)
        && percent > threshold
    {
        c.fire(
            format!(
                "The tenant quota alert fires at {percent} %, above {threshold} %: too late to \
                 extend a quota before the next full backup fails"
            ),
            vec![evidence, percent_evidence],
        );
    }
}

fn leases_unwatched(c: &mut Check<'_>) {
    let warnings = c.get("tenancy.monitored_warnings").choices();
    let evidence = warnings.evidence();
    let Some(warnings) = c.known(warnings) else {
        return;
    };
    let watched = |warning: &str| warnings.iter().any(|w| w == warning);
    let tiers = c.items("tenancy.tiers");
    let leases_used = tiers.is_empty()
        || tiers
            .iter()
            .any(|tier| !matches!(tier.get("lease_length").state, FactState::NotApplicable));
    if leases_used && !watched("expired_leases") {
        c.fire(
            "Nobody watches tenant leases: when one expires, that tenant's jobs stop without \
             anyone noticing"
                .to_owned(),
            vec![evidence.clone()],
        );
    }
    let services = c.get("engagement.services").choices();
    let replication = services
        .value()
        .is_some_and(|s| s.iter().any(|s| s == "cloud_connect_replication"));
    if replication && !watched("unused_replica_resources") {
        c.fire_at(
            Severity::Low,
            "Nobody watches replica resources that no tenant subscribes to: they hold DR \
             capacity a real failover needs"
                .to_owned(),
            vec![evidence, services.evidence()],
        );
    }
}

fn replica_networks_shared(c: &mut Check<'_>) {
    let isolation = c.get("tenancy.replica_network_isolation").choice();
    let evidence = isolation.evidence();
    if c.known(isolation).as_deref() == Some("none") {
        c.fire(
            "Tenants' replicas share one network: after a failover, one tenant's (possibly \
             infected) VMs can reach another's, and overlapping subnets collide"
                .to_owned(),
            vec![evidence],
        );
    }
}
