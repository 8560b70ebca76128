//! Findings as the partner sees them: the live panel beside the wizard, and cards on the summary
//! page. Both come from the same assessment the command-line tool makes, and keep its three
//! kinds apart: issues, facts to verify ("I don't know"), and checks that wait for answers.
//!
//! The panel and its filter bar are in `panel.rs` (what it shows is the plain `Filter` of
//! `filter.rs`), the filter controls review mode shares in `controls.rs`, the counts and the
//! phone bar in `counts.rs`, and a finding's card and body in `card.rs`.

mod card;
mod controls;
mod counts;
mod filter;
mod panel;

pub use card::{Badge, FindingBody, FindingCard, reference_items, with_code};
pub use controls::{KindChips, SeveritySelect};
pub use counts::{Counts, FindingsJump};
pub use filter::{Filter, Show};
pub use panel::{FindingsPanel, PanelFilter};
