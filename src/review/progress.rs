//! Going through the triage list: how far the reviewer is, which finding comes next (untriaged,
//! or the next or previous one shown) and the keys that set a verdict. Plain functions, tested
//! natively; the list and its rows call them.

use intake_core::bundle::{Verdict, VerdictCounts};

/// The first untriaged item after `after` (from the start when `None`), wrapping around, among
/// the items shown. `untriaged[i]` and `shown[i]` describe item `i`.
pub fn next_untriaged(untriaged: &[bool], shown: &[bool], after: Option<usize>) -> Option<usize> {
    let count = untriaged.len();
    let start = after.map_or(0, |index| index + 1);
    (0..count)
        .map(|step| (start + step) % count)
        .find(|&index| untriaged[index] && shown.get(index).copied().unwrap_or(true))
}

/// The item shown after `index` (before it when not `forward`), wrapping around; none when no
/// other item is shown.
pub fn neighbour(shown: &[bool], index: usize, forward: bool) -> Option<usize> {
    let count = shown.len();
    (1..count)
        .map(|n| {
            if forward {
                (index + n) % count
            } else {
                (index + count - n) % count
            }
        })
        .find(|i| shown[*i])
}

/// "23 of 65 triaged".
pub fn progress_text(triaged: usize, total: usize) -> String {
    format!("{triaged} of {total} triaged")
}

/// "65 findings (60 issues, 5 to verify): 1 confirmed, …": the findings to triage by kind, then
/// by verdict.
pub fn counts_text(total: usize, issues: usize, counts: VerdictCounts) -> String {
    format!(
        "{total} findings ({issues} issues, {} to verify): {counts}.",
        total - issues
    )
}

/// Keys that set a verdict on the focused finding.
pub fn verdict_for_key(key: &str) -> Option<Option<Verdict>> {
    match key {
        "c" | "C" => Some(Some(Verdict::Confirmed)),
        "d" | "D" => Some(Some(Verdict::Dismissed)),
        "f" | "F" => Some(Some(Verdict::FollowUp)),
        "u" | "U" => Some(None),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_untriaged_skips_triaged_and_hidden_items_and_wraps() {
        let untriaged = [true, false, true, true];
        let shown = [true, true, false, true];
        assert_eq!(next_untriaged(&untriaged, &shown, None), Some(0));
        assert_eq!(next_untriaged(&untriaged, &shown, Some(0)), Some(3));
        assert_eq!(next_untriaged(&untriaged, &shown, Some(3)), Some(0));
        assert_eq!(next_untriaged(&[false, false], &[true, true], None), None);
        assert_eq!(next_untriaged(&[], &[], None), None);
    }

    #[test]
    fn neighbours_skip_hidden_items_and_wrap() {
        let shown = [true, false, true, true];
        assert_eq!(neighbour(&shown, 0, true), Some(2));
        assert_eq!(neighbour(&shown, 3, true), Some(0));
        assert_eq!(neighbour(&shown, 2, false), Some(0));
        assert_eq!(neighbour(&shown, 0, false), Some(3));
        assert_eq!(neighbour(&[true, false], 0, true), None);
        assert_eq!(neighbour(&[true], 0, false), None);
        assert_eq!(neighbour(&[], 0, true), None);
    }

    #[test]
    fn keys_set_verdicts() {
        assert_eq!(verdict_for_key("c"), Some(Some(Verdict::Confirmed)));
        assert_eq!(verdict_for_key("D"), Some(Some(Verdict::Dismissed)));
        assert_eq!(verdict_for_key("u"), Some(None));
        assert_eq!(verdict_for_key("x"), None);
        assert_eq!(progress_text(23, 65), "23 of 65 triaged");
    }

    #[test]
    fn the_counts_say_kinds_then_verdicts() {
        let counts = VerdictCounts {
            confirmed: 1,
            dismissed: 2,
            follow_up: 0,
            untriaged: 62,
        };
        assert_eq!(
            counts_text(65, 60, counts),
            "65 findings (60 issues, 5 to verify): 1 confirmed, 2 dismissed, 0 need follow-up, \
             62 not triaged."
        );
    }
}
