//! How long the evidence readers take natively, and how much memory reading takes: an RVTools
//! export of 20,000 VMs and 1,000 hosts (target: under 1 s, peak memory under 300 MB) and a Veeam
//! Healthcheck folder of a 500-job server (target: under 200 ms), both written by
//! `collector-exports`.
//!
//! `cargo bench -p intake-core --bench evidence` (release profile: what ships). Peak memory is the
//! process's resident high-water mark (Linux `VmHWM`) over one read of the export: the mark is
//! reset after the export is written (`/proc/self/clear_refs`), so the generator's own peak does
//! not count; the export's bytes and the benchmark's code do.

// The benchmark reads /proc; the no-I/O rule is the library's (clippy.toml).
#![allow(clippy::disallowed_methods)]

use collector_exports::{Backup, Headers, Inventory, healthcheck, rvtools};
use criterion::{Criterion, criterion_group, criterion_main};
use intake_core::evidence;

/// The process's resident high-water mark in MiB, where the system says it.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn readers(c: &mut Criterion) {
    let inventory = Inventory::sized(1000, 20_000);
    let export = rvtools::rvtools(&inventory, Headers::Mib).expect("the export is written");
    println!(
        "RVTools export: 1,000 hosts, 20,000 VMs, {:.1} MiB",
        export.len() as f64 / 1_048_576.0
    );
    drop(inventory);
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = peak_mib();
    let evidence = evidence::read("RVTools_export_all.xlsx", &export).expect("the export reads");
    match (reset, before, peak_mib()) {
        (true, Some(before), Some(after)) => println!(
            "peak memory while reading: {after:.0} MiB (the process held {before:.0} MiB before)"
        ),
        _ => println!("peak memory: not measured (needs Linux's /proc/self/clear_refs)"),
    }
    println!(
        "read: {} hosts, {} clusters, {} switches, {} VMkernel ports",
        evidence.hosts.len(),
        evidence.clusters.len(),
        evidence.switches.len(),
        evidence.vmkernel_ports.len()
    );
    let mut group = c.benchmark_group("evidence");
    group.sample_size(10);
    group.bench_function("RVTools 20,000 VMs, 1,000 hosts", |b| {
        b.iter(|| evidence::read("RVTools_export_all.xlsx", std::hint::black_box(&export)))
    });

    let files = healthcheck::healthcheck(&Backup::sized(20, 40, 300, 500));
    let bytes: usize = files.iter().map(|(_, data)| data.len()).sum();
    println!(
        "Healthcheck folder: 20 proxies, 40 repositories, 300 tenants, 500 jobs, {} files, {} KiB",
        files.len(),
        bytes / 1024
    );
    group.bench_function("Healthcheck folder, 500 jobs", |b| {
        b.iter(|| evidence::healthcheck::read_files("vHC", std::hint::black_box(&files)))
    });
    group.finish();
}

criterion_group!(benches, readers);
criterion_main!(benches);
