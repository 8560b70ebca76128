//! Rule thresholds: configuration with documented defaults, overridable by a rules config file.
//!
//! A config file is TOML with a `schema_version` and any of the fields below:
//!
//! ```toml
//! schema_version = 1
//! certificate_expiry_days = 45
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The rules config schema version this build reads.
pub const CONFIG_SCHEMA_VERSION: u32 = 1;

/// Thresholds the rules use. Each default comes from Veeam's guidance, cited in the rule docs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Version of the config format.
    pub schema_version: u32,
    /// A certificate expiring within this many days of the as-of date is a finding.
    pub certificate_expiry_days: u32,
    /// Fewest Cloud Connect gateways for N+2 redundancy.
    pub min_gateways: u32,
    /// Tenant connections one gateway should carry at most.
    pub connections_per_gateway: u32,
    /// Concurrent tasks one Cloud Connect pod is sized for.
    pub max_pod_tasks: u32,
    /// Fewest CPU cores for a Cloud Connect server.
    pub cloud_connect_server_min_cores: u32,
    /// Least RAM for a Cloud Connect server, in GB.
    pub cloud_connect_server_min_ram_gb: u32,
    /// Smallest log disk for a Cloud Connect server, in GB.
    pub cloud_connect_server_min_log_disk_gb: u32,
    /// Least free space on a repository, in percent.
    pub repository_min_free_percent: f64,
    /// Shortest immutability period, in days.
    pub immutability_min_days: u32,
    /// A storage firmware update this many days or fewer before the as-of date is recent.
    pub firmware_recent_days: u32,
    /// Tenants from which a provider on Backup & Replication 13 should run the backup server as
    /// a high availability pair.
    pub backup_server_ha_min_tenants: u32,
    /// Tenant quota use above which a tenant should be warned, in percent.
    pub quota_alert_percent: f64,
    /// Oldest acceptable full DR test, in days before the as-of date.
    pub dr_test_max_age_days: u32,
    /// Oldest acceptable restore test, in days before the as-of date.
    pub restore_test_max_age_days: u32,
    /// Oldest acceptable runbook review, in days before the as-of date.
    pub runbook_review_max_age_days: u32,
    /// Longest acceptable time from a failed job to the alert reaching someone, in minutes.
    pub failed_job_alert_max_minutes: u32,
    /// Oldest acceptable run of the Veeam Health Check, in days before the as-of date.
    pub healthcheck_max_age_days: u32,
    /// Oldest acceptable collector export (RVTools, Veeam Healthcheck) imported as evidence, in
    /// days before the as-of date.
    pub evidence_max_age_days: u32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            schema_version: CONFIG_SCHEMA_VERSION,
            certificate_expiry_days: 30,
            min_gateways: 3,
            connections_per_gateway: 500,
            max_pod_tasks: 1000,
            cloud_connect_server_min_cores: 16,
            cloud_connect_server_min_ram_gb: 32,
            cloud_connect_server_min_log_disk_gb: 100,
            repository_min_free_percent: 20.0,
            immutability_min_days: 7,
            firmware_recent_days: 90,
            backup_server_ha_min_tenants: 500,
            quota_alert_percent: 85.0,
            dr_test_max_age_days: 365,
            restore_test_max_age_days: 90,
            runbook_review_max_age_days: 365,
            failed_job_alert_max_minutes: 60,
            healthcheck_max_age_days: 180,
            evidence_max_age_days: 30,
        }
    }
}

impl Config {
    /// Reads a rules config file (TOML); fields left out keep their defaults.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|error| error.to_string())?;
        if config.schema_version > CONFIG_SCHEMA_VERSION {
            return Err(format!(
                "this rules config is for a newer version (schema {}); this version reads \
                 schema {CONFIG_SCHEMA_VERSION}",
                config.schema_version
            ));
        }
        if config.schema_version == 0 {
            return Err("unknown rules config schema version 0: versions start at 1".to_owned());
        }
        Ok(config)
    }
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    #[test]
    fn a_config_overrides_only_what_it_names() {
        let config =
            Config::from_toml("schema_version = 1\ncertificate_expiry_days = 45\n").expect("valid");
        assert_eq!(config.certificate_expiry_days, 45);
        assert_eq!(config.min_gateways, Config::default().min_gateways);
    }

    #[test]
    fn unknown_fields_and_newer_versions_are_refused() {
        let error = Config::from_toml("certificate_expiry_dayz = 45").expect_err("a typo");
        assert!(error.contains("certificate_expiry_dayz"), "{error}");
        let error = Config::from_toml("schema_version = 2").expect_err("newer");
        assert!(error.contains("newer version"), "{error}");
    }
}
