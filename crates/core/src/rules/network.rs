//! Rules of this category: see `certificates.rs` for the pattern.

use super::Rule;

pub(super) const RULES: &[Rule] = &[];
