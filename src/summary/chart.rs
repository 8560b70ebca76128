//! The summary's chart: issues by category, each bar split by severity, drawn as SVG by the app.
//! The bars are worked out in a plain function, tested natively; the component only draws them.

use intake_core::rules::owned::Assessment;
use intake_core::rules::{Category, Severity};
use leptos::prelude::*;

/// One category's issues, by severity in [`Severity::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub category: Category,
    pub by_severity: [usize; 5],
}

impl Bar {
    pub fn total(&self) -> usize {
        self.by_severity.iter().sum()
    }
}

/// A bar for each category with at least one issue, most issues first. To-verify findings are
/// not issues and are not drawn.
pub fn bars(assessment: &Assessment) -> Vec<Bar> {
    let mut bars: Vec<Bar> = assessment
        .issues_by_category()
        .into_iter()
        .map(|(category, by_severity)| Bar {
            category,
            by_severity,
        })
        .collect();
    bars.sort_by_key(|bar| std::cmp::Reverse(bar.total()));
    bars
}

const ROW: usize = 28;
const LABEL: usize = 130;
const WIDTH: usize = 420;

/// Issues by category as a horizontal bar chart; each bar says its total in words beside it, so
/// nothing depends on colour.
#[component]
pub fn IssueChart(bars: Vec<Bar>) -> impl IntoView {
    let widest = bars.iter().map(Bar::total).max().unwrap_or(1).max(1);
    let height = bars.len() * ROW + 8;
    let description = bars
        .iter()
        .map(|bar| format!("{}: {}", bar.category.title(), bar.total()))
        .collect::<Vec<_>>()
        .join(", ");
    let scale = (WIDTH - LABEL - 40) as f64 / widest as f64;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(row, bar)| {
            let y = row * ROW + 4;
            let mut x = LABEL as f64;
            let segments = Severity::ALL
                .into_iter()
                .filter(|severity| bar.by_severity[*severity as usize] > 0)
                .map(|severity| {
                    let count = bar.by_severity[severity as usize];
                    let width = count as f64 * scale;
                    let start = x;
                    x += width;
                    view! {
                        <rect
                            class=format!("bar bar-{}", severity.name())
                            x=format!("{start:.1}")
                            y=y
                            width=format!("{width:.1}")
                            height=ROW - 8
                        >
                            <title>{format!("{count} {}", severity.name())}</title>
                        </rect>
                    }
                })
                .collect_view();
            view! {
                <text class="bar-label" x=LABEL - 8 y=y + ROW / 2 text-anchor="end">
                    {bar.category.title()}
                </text>
                {segments}
                <text class="bar-total" x=format!("{:.1}", x + 6.0) y=y + ROW / 2>
                    {bar.total()}
                </text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="issue-chart"
            data-testid="issue-chart"
            role="img"
            viewBox=format!("0 0 {WIDTH} {height}")
            aria-label=format!("Issues by category: {description}")
        >
            {rows}
        </svg>
        <SeverityLegend />
    }
}

/// The severities' colours, named: under every chart whose bars are split by severity (each bar
/// also says its count in words, so the legend is for sighted readers only).
#[component]
pub fn SeverityLegend() -> impl IntoView {
    let legend = Severity::ALL
        .into_iter()
        .map(|severity| {
            let name = severity.name();
            view! { <li class=format!("swatch-{name}")>{name}</li> }
        })
        .collect_view();
    view! {
        <ul class="chart-legend" aria-hidden="true">
            {legend}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use intake_core::answers::Answers;
    use intake_core::questionnaire::Questionnaire;
    use intake_core::rules::{Config, assess};

    use super::*;

    #[test]
    fn bars_count_issues_only_by_category_and_severity() {
        let questionnaire = Questionnaire::builtin().expect("the questionnaire reads");
        let answers = Answers::from_json(
            r#"{"schema_version": 1, "answers": {
                "security.mfa_console": {"value": false},
                "security.four_eyes": {"value": false},
                "dr.health_checks": {"dont_know": true}}}"#,
            questionnaire,
        )
        .expect("the answers read");
        let assessment = Assessment::from(&assess(questionnaire, &answers, &Config::default()));
        let bars = bars(&assessment);
        assert_eq!(bars.len(), 1, "{bars:?}");
        assert_eq!(bars[0].category, Category::Security);
        assert_eq!(bars[0].total(), assessment.issues().count());
        assert_eq!(
            bars[0].by_severity[Severity::High as usize],
            assessment.issue_count(Severity::High)
        );
    }
}
