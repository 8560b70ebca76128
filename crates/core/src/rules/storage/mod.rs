//! Storage: firmware change control, compatibility, staging and timing (a firmware update that
//! changed a SCSI command's behaviour broke backups at one provider), arrays shared by production
//! and backups, controllers without QoS, and cloud storage that keeps backups in one zone.
//! Hardware questions are hidden for cloud storage systems, so the firmware and controller rules
//! read nothing there and stay silent.

mod sto_001_firmware_without_change_control;
mod sto_002_firmware_not_vendor_compatible;
mod sto_003_not_veeam_supported;
mod sto_004_firmware_not_staged;
mod sto_005_recent_uncontrolled_update;
mod sto_006_shared_production_and_backup;
mod sto_007_shared_without_qos;
mod sto_008_firmware_in_backup_window;
mod sto_009_single_controller;
mod sto_010_firmware_not_known;
mod sto_011_cloud_backups_in_one_zone;

use super::{ItemView, Rule, Vector};

const SINCE: &str = "1.0.0";

const STORAGE_INTEGRATION: &str =
    "https://helpcenter.veeam.com/docs/backup/vsphere/storage_integration.html";
const VEEAM_READY: &str = "https://www.veeam.com/alliance-partner-integrations-qualifications.html";
const REPOSITORY_STORAGE: &str = "https://bp.veeam.com/vbr/2_Design_Structures/D_Veeam_Components/D_backup_repositories/repositories%20storage.html";

/// Firmware answers that name no release (compared trimmed, lower-case, without a final full
/// stop): nothing can be looked up with them. The anonymiser keeps them as typed.
pub(crate) const NO_RELEASE: &[&str] = &[
    "latest",
    "the latest",
    "latest version",
    "current",
    "newest",
    "up to date",
    "up-to-date",
    "auto",
    "automatic",
    "auto-updated",
    "vendor-managed",
    "managed by the vendor",
];

/// The storage kinds bought as a cloud service (`storage.systems[].type`).
const CLOUD_KINDS: [&str; 3] = ["cloud_block", "cloud_file", "cloud_object"];

pub(super) const RULES: &[Rule] = &[
    sto_001_firmware_without_change_control::RULE,
    sto_002_firmware_not_vendor_compatible::RULE,
    sto_003_not_veeam_supported::RULE,
    sto_004_firmware_not_staged::RULE,
    sto_005_recent_uncontrolled_update::RULE,
    sto_006_shared_production_and_backup::RULE,
    sto_007_shared_without_qos::RULE,
    sto_008_firmware_in_backup_window::RULE,
    sto_009_single_controller::RULE,
    sto_010_firmware_not_known::RULE,
    sto_011_cloud_backups_in_one_zone::RULE,
];

/// Each rule's vectors, by id, in the order of `RULES`.
pub(super) const VECTORS: &[(&str, &[Vector])] = &[
    (
        sto_001_firmware_without_change_control::RULE.id,
        sto_001_firmware_without_change_control::VECTORS,
    ),
    (
        sto_002_firmware_not_vendor_compatible::RULE.id,
        sto_002_firmware_not_vendor_compatible::VECTORS,
    ),
    (
        sto_003_not_veeam_supported::RULE.id,
        sto_003_not_veeam_supported::VECTORS,
    ),
    (
        sto_004_firmware_not_staged::RULE.id,
        sto_004_firmware_not_staged::VECTORS,
    ),
    (
        sto_005_recent_uncontrolled_update::RULE.id,
        sto_005_recent_uncontrolled_update::VECTORS,
    ),
    (
        sto_006_shared_production_and_backup::RULE.id,
        sto_006_shared_production_and_backup::VECTORS,
    ),
    (
        sto_007_shared_without_qos::RULE.id,
        sto_007_shared_without_qos::VECTORS,
    ),
    (
        sto_008_firmware_in_backup_window::RULE.id,
        sto_008_firmware_in_backup_window::VECTORS,
    ),
    (
        sto_009_single_controller::RULE.id,
        sto_009_single_controller::VECTORS,
    ),
    (
        sto_010_firmware_not_known::RULE.id,
        sto_010_firmware_not_known::VECTORS,
    ),
    (
        sto_011_cloud_backups_in_one_zone::RULE.id,
        sto_011_cloud_backups_in_one_zone::VECTORS,
    ),
];

/// The system's name with its vendor, model and firmware where they are known.
fn describe(system: &ItemView<'_>) -> String {
    let product: Vec<String> = [system.get("vendor").text(), system.get("model").text()]
        .into_iter()
        .filter_map(|fact| fact.value().cloned())
        .collect();
    let mut parts = Vec::new();
    if !product.is_empty() {
        parts.push(product.join(" "));
    }
    if let Some(firmware) = system.get("firmware_version").text().value() {
        parts.push(format!("firmware {firmware}"));
    }
    if parts.is_empty() {
        format!("“{}”", system.name())
    } else {
        format!("“{}” ({})", system.name(), parts.join(", "))
    }
}
