//! The VCSP Intake assessment core.
//!
//! Everything that decides what an assessment *means* lives here: the questionnaire model, the
//! answers, their validation, the rules and the bundle format. The web app and the `intake`
//! command-line tool are thin shells over this crate.
//!
//! Invariants (see `ARCHITECTURE.md`):
//! - no browser crate (leptos, web-sys, wasm-bindgen, js-sys, gloo) in the dependency tree;
//! - no I/O and no clock: callers pass bytes and timestamps in, and get values back;
//! - it compiles for the host and for `wasm32-unknown-unknown`, and behaves the same on both.

pub mod anonymise;
pub mod answers;
pub mod bundle;
pub mod display;
pub(crate) mod document;
pub mod draft;
pub mod evidence;
pub mod merge;
pub mod playbooks;
pub mod progress;
pub mod questionnaire;
pub mod references;
pub mod relevance;
pub mod rules;
pub mod validate;
pub mod values;

/// The product's name, as users see it in the app, the command-line tool and the reports.
pub const PRODUCT_NAME: &str = "VCSP Intake";

/// The version of this crate, which is also the version of the app and the command-line tool
/// (they share the workspace version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One sentence saying what the product does, shared by the app and the command-line tool.
pub const SUMMARY: &str = "Describe a Veeam Cloud & Service Provider platform, check the \
     answers as you go, and get an assessment with findings, evidence and remediation playbooks.";

/// The promise made to users about their data, shown wherever they type answers.
pub const PRIVACY_PROMISE: &str = "Your answers stay in this browser. Nothing is sent anywhere; \
     a file leaves only when you export it.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_the_workspace_semver() {
        let parts: Vec<&str> = VERSION.split('.').collect();
        assert_eq!(parts.len(), 3, "version {VERSION} is not MAJOR.MINOR.PATCH");
        assert!(parts.iter().all(|p| p.parse::<u32>().is_ok()));
    }

    #[test]
    fn user_facing_texts_name_the_product_and_the_privacy_promise() {
        assert!(SUMMARY.contains("Veeam Cloud & Service Provider"));
        assert!(PRIVACY_PROMISE.contains("stay in this browser"));
    }
}
