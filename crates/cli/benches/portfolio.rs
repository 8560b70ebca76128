//! `intake portfolio` over generated bundles: 10,000 partners by default (`PORTFOLIO_BUNDLES`
//! sets another number), made from the answers fixtures under partner names of their own, read
//! with 2 jobs (the target: 10,000 bundles on 2 cores in 60 s or less, memory bounded). Prints
//! the time, bundles per second and the process's peak resident memory (Linux `VmHWM`, sampled
//! every 10 ms while it runs), and checks every partner was counted.
// A benchmark writes files and runs the tool: the no-I/O rule is the core's.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use intake_core::answers::{Answer, Answers, Value};
use intake_core::bundle;
use intake_core::questionnaire::Questionnaire;
use time::OffsetDateTime;

fn fixtures(questionnaire: &Questionnaire) -> Vec<Answers> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/answers");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the fixtures folder")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("a fixture reads");
            Answers::from_json(&text, questionnaire).expect("a fixture is valid")
        })
        .collect()
}

/// The peak resident memory of process `pid` so far, in MiB.
fn peak_mib(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    let count: usize = std::env::var("PORTFOLIO_BUNDLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
    let fixtures = fixtures(questionnaire);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let made = Instant::now();
    let created = OffsetDateTime::UNIX_EPOCH + Duration::from_secs(1_793_000_000);
    let bytes: u64 = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|worker| {
                let (fixtures, dir) = (&fixtures, dir.path());
                scope.spawn(move || {
                    let mut bytes = 0;
                    for n in (worker..count).step_by(2) {
                        let mut answers = fixtures[n % fixtures.len()].clone();
                        answers.answers.insert(
                            "engagement.partner_name".to_owned(),
                            Answer::value(Value::Text(format!("Partner {n:05}"))),
                        );
                        let zip = bundle::write(questionnaire, &answers, &[], created)
                            .expect("a bundle is written");
                        bytes += zip.len() as u64;
                        std::fs::write(dir.join(format!("{n:05}.intake.zip")), zip)
                            .expect("written");
                    }
                    bytes
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().expect("a generator"))
            .sum()
    });
    println!(
        "generated {count} bundles ({:.0} MiB, from {} answers fixtures) in {:.1} s",
        bytes as f64 / 1024.0 / 1024.0,
        fixtures.len(),
        made.elapsed().as_secs_f64()
    );

    let out = dir.path().join("portfolio.json");
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(["portfolio", "--jobs", "2", "--format", "json", "-o"])
        .arg(&out)
        .arg(dir.path())
        .spawn()
        .expect("intake runs");
    let pid = child.id();
    let mut peak = None;
    let status = loop {
        if let Some(now) = peak_mib(pid) {
            peak = Some(now);
        }
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let seconds = started.elapsed().as_secs_f64();
    assert!(status.success(), "intake portfolio failed: {status}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("the report")).expect("JSON");
    assert_eq!(report["partners"], count, "every partner counted");
    assert_eq!(report["unreadable"].as_array().map(Vec::len), Some(0));
    println!(
        "intake portfolio --jobs 2: {count} bundles in {seconds:.1} s, {:.0} bundles/s (target: 10,000 in 60 s)",
        count as f64 / seconds
    );
    match peak {
        Some(peak) => {
            println!("peak memory of intake portfolio: {peak:.0} MiB (VmHWM, sampled every 10 ms)")
        }
        None => println!("peak memory: not measured (needs Linux's /proc)"),
    }
}
