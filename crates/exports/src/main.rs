//! `collector-exports`: writes a made-up platform's RVTools export or Veeam Healthcheck folder, of
//! any size, for trying the evidence import and for its benchmarks.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use collector_exports::{Backup, Headers, Inventory};

#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// An RVTools export (.xlsx) of a vCenter.
    Rvtools {
        #[arg(long, default_value_t = 16)]
        hosts: usize,
        #[arg(long, default_value_t = 200)]
        vms: usize,
        /// Write the header names of RVTools before 4.1.2 ("In Use MB" rather than "In Use MiB").
        #[arg(long)]
        old_headers: bool,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// A Veeam Healthcheck CSV folder, or a zip of it when OUTPUT ends in .zip.
    Healthcheck {
        #[arg(long, default_value_t = 4)]
        proxies: usize,
        #[arg(long, default_value_t = 6)]
        repositories: usize,
        #[arg(long, default_value_t = 20)]
        tenants: usize,
        #[arg(long, default_value_t = 50)]
        jobs: usize,
        #[arg(short, long)]
        output: PathBuf,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(written) => {
            println!("{written}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("collector-exports: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<String, Box<dyn std::error::Error>> {
    match command {
        Command::Rvtools {
            hosts,
            vms,
            old_headers,
            output,
        } => {
            let mut inventory = Inventory::sized(hosts, vms);
            let headers = if old_headers {
                inventory.rvtools_version = "4.0.6".to_owned();
                Headers::Mb
            } else {
                Headers::Mib
            };
            let bytes = collector_exports::rvtools::rvtools(&inventory, headers)?;
            std::fs::write(&output, &bytes)?;
            Ok(format!("{} ({} bytes)", output.display(), bytes.len()))
        }
        Command::Healthcheck {
            proxies,
            repositories,
            tenants,
            jobs,
            output,
        } => {
            let files = collector_exports::healthcheck::healthcheck(&Backup::sized(
                proxies,
                repositories,
                tenants,
                jobs,
            ));
            if output
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("zip"))
            {
                let bytes = collector_exports::zip(&files)?;
                std::fs::write(&output, &bytes)?;
                return Ok(format!("{} ({} bytes)", output.display(), bytes.len()));
            }
            for (path, bytes) in &files {
                let path = output.join(path);
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                std::fs::write(path, bytes)?;
            }
            Ok(format!("{} ({} files)", output.display(), files.len()))
        }
    }
}
