//! A small horizontal bar chart drawn as inline SVG text: no script, nothing loaded, so it
//! passes the report's Content-Security-Policy. Every bar has its label and its count written
//! next to it, and a stacked bar its parts in words under it, so it reads without colour; the
//! picture has a title and a description for screen readers.

use std::fmt::Write;

use super::{Table, html_escape, text};

/// A chart: groups of bars, one scale for all.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chart {
    pub title: String,
    /// The chart's content in one or two sentences, for screen readers.
    pub description: String,
    /// What the bars count ("Issues"), as a column heading.
    pub unit: String,
    pub groups: Vec<ChartGroup>,
}

/// Bars under a heading ("By severity").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChartGroup {
    pub heading: String,
    pub bars: Vec<Bar>,
}

/// One bar: its label, its parts (fill colour and count) and, for a bar of several parts, what
/// they are in words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bar {
    pub label: String,
    pub parts: Vec<(&'static str, usize)>,
    pub detail: Option<String>,
}

impl Bar {
    fn total(&self) -> usize {
        self.parts.iter().map(|(_, count)| count).sum()
    }
}

const WIDTH: usize = 360;
/// Where bars start; labels end just before.
const BAR_X: usize = 116;
/// The longest bar, leaving room for its count.
const BAR_MAX: f64 = 200.0;
const BAR_HEIGHT: usize = 14;

impl Chart {
    /// What the chart shows, as tables: one per group, each bar's label and count in words.
    pub(crate) fn tables(&self) -> Vec<Table> {
        self.groups
            .iter()
            .map(|group| Table {
                head: vec![group.heading.clone(), self.unit.clone()],
                numeric: vec![false, false],
                rows: group
                    .bars
                    .iter()
                    .map(|bar| {
                        let count = match &bar.detail {
                            Some(detail) if !detail.is_empty() => {
                                format!("{} ({detail})", bar.total())
                            }
                            _ => bar.total().to_string(),
                        };
                        vec![vec![text(&bar.label)], vec![text(count)]]
                    })
                    .collect(),
            })
            .collect()
    }

    pub(crate) fn html(&self, out: &mut String) {
        let e = html_escape;
        let most = self
            .groups
            .iter()
            .flat_map(|group| &group.bars)
            .map(Bar::total)
            .max()
            .unwrap_or(0)
            .max(1);
        #[expect(clippy::cast_precision_loss, reason = "counts of findings are small")]
        let scale = BAR_MAX / most as f64;
        let mut body = String::new();
        let mut y = 0;
        for group in &self.groups {
            y += 18;
            let _ = writeln!(
                body,
                "<text x=\"0\" y=\"{y}\" font-weight=\"600\">{}</text>",
                e(&group.heading)
            );
            y += 8;
            for bar in &group.bars {
                let middle = y + BAR_HEIGHT - 3;
                let _ = writeln!(
                    body,
                    "<text x=\"{}\" y=\"{middle}\" text-anchor=\"end\">{}</text>",
                    BAR_X - 6,
                    e(&bar.label)
                );
                let mut x = BAR_X as f64;
                for (fill, count) in &bar.parts {
                    if *count == 0 {
                        continue;
                    }
                    #[expect(clippy::cast_precision_loss, reason = "counts of findings are small")]
                    let width = *count as f64 * scale;
                    let _ = writeln!(
                        body,
                        "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{width:.1}\" height=\"{BAR_HEIGHT}\" \
                         fill=\"{}\" stroke=\"#fff\" stroke-width=\"1\"></rect>",
                        e(fill)
                    );
                    x += width;
                }
                let _ = writeln!(
                    body,
                    "<text x=\"{:.1}\" y=\"{middle}\">{}</text>",
                    x + 6.0,
                    bar.total()
                );
                y += BAR_HEIGHT + 6;
                if let Some(detail) = &bar.detail {
                    y += 7;
                    let _ = writeln!(
                        body,
                        "<text x=\"{BAR_X}\" y=\"{y}\" class=\"detail\">{}</text>",
                        e(detail)
                    );
                    y += 9;
                }
            }
        }
        y += 6;
        let _ = write!(
            out,
            "<figure class=\"chart\">\n<svg viewBox=\"0 0 {WIDTH} {y}\" role=\"img\" \
             aria-labelledby=\"chart-title chart-description\">\n\
             <title id=\"chart-title\">{}</title>\n<desc id=\"chart-description\">{}</desc>\n\
             {body}</svg>\n</figure>\n",
            e(&self.title),
            e(&self.description)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_labelled_in_words_and_counts_and_escaped() {
        let chart = Chart {
            title: "Issues <by> severity".to_owned(),
            description: "2 issues".to_owned(),
            unit: "Issues".to_owned(),
            groups: vec![ChartGroup {
                heading: "By category".to_owned(),
                bars: vec![Bar {
                    label: "Network".to_owned(),
                    parts: vec![("#8b0000", 1), ("#c0392b", 1), ("#777", 0)],
                    detail: Some("1 critical, 1 high".to_owned()),
                }],
            }],
        };
        let mut out = String::new();
        chart.html(&mut out);
        assert!(out.contains("<title id=\"chart-title\">Issues &lt;by&gt; severity</title>"));
        assert!(out.contains(">Network</text>"), "{out}");
        assert!(out.contains(">1 critical, 1 high</text>"), "{out}");
        assert!(out.contains(">2</text>"), "{out}");
        assert_eq!(out.matches("<rect").count(), 2, "no empty part drawn");
        assert!(!out.contains("<script"));
    }
}
