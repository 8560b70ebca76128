//! Realistic collector exports of made-up platforms, for VCSP Intake's tests and benchmarks: an
//! RVTools `.xlsx` ([`rvtools`]) and a Veeam Healthcheck CSV folder ([`healthcheck`]), of any size,
//! with the header names and value formats the real tools write (taken from their documentation
//! and code; see `docs/evidence.md`), including older header variants. Never customer data.
//!
//! A platform is described as plain data ([`Inventory`], [`Backup`]), made at a size by
//! [`Inventory::sized`] and [`Backup::sized`] and changed field by field by a test that needs one
//! fact to be so (a switch at MTU 9000, MFA off).

pub mod healthcheck;
pub mod rvtools;

pub use healthcheck::{
    Backup, CapacityTier, ConfigBackup, Extent, Gateway, Proxy, Repository, ScaleOut, Tenant,
};
pub use rvtools::{Cluster, Datastore, DvSwitch, Headers, Host, Inventory, Vm, Vmk};

/// A zip of files, as a partner zips a folder to send it.
pub fn zip(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, zip::result::ZipError> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files {
        writer.start_file(name.as_str(), options)?;
        writer.write_all(bytes)?;
    }
    Ok(writer.finish()?.into_inner())
}
