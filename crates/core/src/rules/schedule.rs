//! Backup windows as the rules compare other windows with them.
//!
//! Identical backup windows (a provider often repeats one schedule under several names) are
//! grouped, and each group's stretches of the week are worked out once, so comparing N other
//! windows with M backup windows costs N times the number of distinct schedules.

use std::collections::HashMap;

use super::{Check, Proof};
use crate::values::{TimeWindow, spans_overlap};

/// The backup windows, grouped by schedule.
pub(super) struct BackupWindows<'a> {
    groups: Vec<Schedule<'a>>,
}

struct Schedule<'a> {
    spans: Vec<(u32, u32)>,
    names: Vec<&'a str>,
    evidence: Option<Proof<'a>>,
}

/// Backup windows a window overlaps.
pub(super) struct Overlap<'a> {
    /// The first few names, for the message.
    names: Vec<&'a str>,
    /// How many backup windows overlap in all.
    count: usize,
    /// One window of each overlapping schedule.
    pub evidence: Vec<Proof<'a>>,
}

/// How many overlapping windows a message names before "and N more".
const NAMED: usize = 3;

impl Overlap<'_> {
    /// The names for a message: `“A”, “B”, “C” and 3 more`.
    pub fn named(&self) -> String {
        let quoted: Vec<String> = self.names.iter().map(|name| format!("“{name}”")).collect();
        let rest = self.count - quoted.len();
        match (quoted.len(), rest) {
            (1, _) => format!("backup window {}", quoted[0]),
            (_, 0) => format!("backup windows {}", quoted.join(", ")),
            _ => format!("backup windows {} and {rest} more", quoted.join(", ")),
        }
    }
}

impl<'a> BackupWindows<'a> {
    /// Reads `windows.backup_windows`; a window that is not known asks for verification.
    pub fn read(c: &mut Check<'a>) -> BackupWindows<'a> {
        let mut index: HashMap<TimeWindow, usize> = HashMap::new();
        let mut groups: Vec<Schedule<'a>> = Vec::new();
        for backup in c.items("windows.backup_windows") {
            let fact = backup.get("window").window();
            let evidence = fact.evidence();
            let Some(window) = c.known(fact) else {
                continue;
            };
            let group = *index.entry(window.clone()).or_insert_with(|| {
                groups.push(Schedule {
                    spans: window.spans(),
                    names: Vec::new(),
                    evidence: None,
                });
                groups.len() - 1
            });
            let schedule = &mut groups[group];
            schedule.names.push(backup.name());
            schedule.evidence.get_or_insert(evidence);
        }
        BackupWindows { groups }
    }

    /// The backup windows `window` shares a minute of the week with, if any.
    pub fn overlapping(&self, window: &TimeWindow) -> Option<Overlap<'a>> {
        let spans = window.spans();
        let mut overlap = Overlap {
            names: Vec::new(),
            count: 0,
            evidence: Vec::new(),
        };
        for group in &self.groups {
            if spans_overlap(&spans, &group.spans) {
                let room = NAMED - overlap.names.len();
                overlap.names.extend(group.names.iter().take(room).copied());
                overlap.count += group.names.len();
                // One window of each schedule is evidence enough; the message counts them all.
                overlap.evidence.extend(group.evidence.clone());
            }
        }
        (overlap.count > 0).then_some(overlap)
    }
}
