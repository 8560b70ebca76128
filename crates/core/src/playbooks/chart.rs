//! A playbook laid out as a flowchart: boxes in layers from the start downwards, an arrow per
//! outcome with its answer written above the box it leads to. Plain numbers and lines of text:
//! the app draws them as SVG, so the picture needs nothing fetched and no script.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Leads, Playbook, Playbooks, Step};

/// A box's width, and the characters a line of its text holds.
pub const NODE_WIDTH: f64 = 210.0;
const NODE_CHARS: usize = 30;
/// A label's characters per line (labels use a smaller font than boxes).
const LABEL_CHARS: usize = 32;
/// About the width of a label's character (11 px text), to keep labels inside the picture.
const LABEL_CHAR_WIDTH: f64 = 6.2;
/// The height of a line of a box's text, and of a label's.
pub const LINE: f64 = 15.0;
pub const LABEL_LINE: f64 = 13.0;
/// Room around a box's text.
pub const PAD: f64 = 8.0;
const H_GAP: f64 = 30.0;
/// The room an arrow passing through a row takes.
const PASS_WIDTH: f64 = 12.0;
/// Room between layers besides the labels.
const V_GAP: f64 = 26.0;
/// At most this many lines of text in a box or a label; longer texts end in "…".
const MAX_LINES: usize = 4;
const MAX_LABEL_LINES: usize = 3;

/// What a box stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A step of this playbook.
    Step,
    /// A step of another playbook that an outcome leads to.
    Jump,
    /// Where an outcome ends the walk.
    Conclusion,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    /// For a step of this playbook, its id.
    pub step: Option<String>,
    pub x: f64,
    pub y: f64,
    pub height: f64,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// An SVG path from the bottom of `from` to the top of `to`.
    pub path: String,
    /// The outcome's answer, in lines, the first at (`label_x`, `label_y`), centred.
    pub label: Vec<String>,
    pub label_x: f64,
    pub label_y: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// The node an outcome leads to before layout: an own step, another playbook's step, or the
/// outcome's conclusion.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Step(String),
    Jump(String, String),
    End(String, usize),
}

/// Lays out a playbook as a flowchart.
pub fn chart(books: &Playbooks, book: &Playbook) -> Chart {
    // The steps in the order a reader meets them, from the start, outcomes in order.
    let mut keys: Vec<Key> = Vec::new();
    let mut index: BTreeMap<Key, usize> = BTreeMap::new();
    let mut arrows: Vec<(usize, usize, String)> = Vec::new();
    let mut todo: Vec<&Step> = book.first().into_iter().collect();
    let mut add = |key: Key, keys: &mut Vec<Key>| -> (usize, bool) {
        if let Some(at) = index.get(&key) {
            return (*at, false);
        }
        keys.push(key.clone());
        index.insert(key, keys.len() - 1);
        (keys.len() - 1, true)
    };
    if let Some(first) = book.first() {
        add(Key::Step(first.id.clone()), &mut keys);
    }
    while let Some(step) = todo.pop() {
        let (from, _) = add(Key::Step(step.id.clone()), &mut keys);
        let mut next_steps = Vec::new();
        for (i, outcome) in step.outcomes.iter().enumerate() {
            let key = match &outcome.leads {
                Leads::Conclusion(_) => Key::End(step.id.clone(), i),
                Leads::Next(next) => match books.resolve(book, next) {
                    Some((other, target)) if other.id == book.id => Key::Step(target.id.clone()),
                    Some((other, target)) => Key::Jump(other.id.clone(), target.id.clone()),
                    None => continue,
                },
            };
            let (to, new) = add(key.clone(), &mut keys);
            arrows.push((from, to, outcome.answer.clone()));
            if new
                && let Key::Step(id) = key
                && let Some(target) = book.step(&id)
            {
                next_steps.push(target);
            }
        }
        // Depth first, outcomes in their order: the first outcome's branch is read first.
        todo.extend(next_steps.into_iter().rev());
    }

    // Layers: each node below every node leading to it (the linter keeps the steps acyclic; a
    // cycle in an unchecked playbook stops deepening after as many rounds as there are nodes).
    let mut layer = vec![0usize; keys.len()];
    for _ in 0..keys.len() {
        let mut changed = false;
        for (from, to, _) in &arrows {
            if layer[*to] < layer[*from] + 1 && *to != 0 {
                layer[*to] = layer[*from] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let layers = layer.iter().max().map_or(0, |deepest| deepest + 1);

    // The text of each box.
    let mut nodes: Vec<Node> = keys
        .iter()
        .map(|key| {
            let (kind, step, text) = match key {
                Key::Step(id) => {
                    let title = book
                        .step(id)
                        .map_or(id.as_str(), |step| step.title.as_str());
                    (NodeKind::Step, Some(id.clone()), title.to_owned())
                }
                Key::Jump(other, id) => {
                    let title = books
                        .get(other)
                        .and_then(|other| other.step(id))
                        .map_or(id.as_str(), |step| step.title.as_str());
                    (NodeKind::Jump, None, format!("Go on with {other}: {title}"))
                }
                Key::End(id, i) => {
                    let cause = match book.step(id).map(|step| &step.outcomes[*i].leads) {
                        Some(Leads::Conclusion(conclusion)) => conclusion.cause.as_str(),
                        _ => "",
                    };
                    (NodeKind::Conclusion, None, cause.to_owned())
                }
            };
            let lines = wrap(&text, NODE_CHARS, MAX_LINES);
            let height = lines.len() as f64 * LINE + 2.0 * PAD;
            Node {
                kind,
                step,
                x: 0.0,
                y: 0.0,
                height,
                lines,
            }
        })
        .collect();

    // An arrow over more than one layer passes through a slot in each layer between, so it runs
    // beside the boxes rather than through them.
    let slots_of = |arrow: usize| -> std::ops::Range<usize> {
        let (from, to, _) = &arrows[arrow];
        layer[*from] + 1..layer[*to].max(layer[*from] + 1)
    };
    let mut rows: Vec<Vec<Slot>> = vec![Vec::new(); layers];
    for (at, depth) in layer.iter().enumerate() {
        rows[*depth].push(Slot::Node(at));
    }
    for arrow in 0..arrows.len() {
        for depth in slots_of(arrow) {
            rows[depth].push(Slot::Pass(arrow));
        }
    }
    // What leads into a slot from the layer above: its arrows' sources or their slots there.
    let above = |slot: Slot, depth: usize| -> Vec<Slot> {
        let arrow_above = |arrow: usize| {
            if slots_of(arrow).contains(&(depth - 1)) {
                Slot::Pass(arrow)
            } else {
                Slot::Node(arrows[arrow].0)
            }
        };
        match slot {
            Slot::Node(node) => (0..arrows.len())
                .filter(|arrow| arrows[*arrow].1 == node && arrows[*arrow].0 != node)
                .map(arrow_above)
                .collect(),
            Slot::Pass(arrow) => vec![arrow_above(arrow)],
        }
    };

    // Rows in order: each slot under the mean centre of what leads into it, then as met.
    let mut centre: BTreeMap<Slot, f64> = BTreeMap::new();
    let mut width: f64 = NODE_WIDTH;
    let mut placed: Vec<Vec<(Slot, f64)>> = Vec::new();
    for (depth, row) in rows.iter_mut().enumerate() {
        let mean = |slot: Slot| -> f64 {
            if depth == 0 {
                return 0.0;
            }
            let parents: Vec<f64> = above(slot, depth)
                .iter()
                .filter_map(|parent| centre.get(parent).copied())
                .collect();
            if parents.is_empty() {
                0.0
            } else {
                parents.iter().sum::<f64>() / parents.len() as f64
            }
        };
        row.sort_by(|a, b| mean(*a).total_cmp(&mean(*b)).then(a.cmp(b)));
        let mut x = 0.0;
        let mut lefts = Vec::new();
        for slot in row.iter() {
            lefts.push((*slot, x));
            x += slot.width() + H_GAP;
        }
        let span = x - H_GAP;
        width = width.max(span);
        // Centred on the mean of what leads into the row, as far as the row allows.
        let wanted = if depth == 0 {
            span / 2.0
        } else {
            let means: Vec<f64> = row.iter().map(|slot| mean(*slot)).collect();
            means.iter().sum::<f64>() / means.len().max(1) as f64
        };
        let shift = (wanted - span / 2.0).max(0.0);
        for (slot, left) in &mut lefts {
            *left += shift;
            centre.insert(*slot, *left + slot.width() / 2.0);
            width = width.max(*left + slot.width());
        }
        placed.push(lefts);
    }

    // Labels stack above the box they lead to; each row leaves room for its tallest stack.
    let label_lines: Vec<Vec<String>> = arrows
        .iter()
        .map(|(_, _, answer)| wrap(answer, LABEL_CHARS, MAX_LABEL_LINES))
        .collect();
    let label_height = |lines: &[String]| lines.len() as f64 * LABEL_LINE + 4.0;
    let stack = |node: usize| -> f64 {
        arrows
            .iter()
            .zip(&label_lines)
            .filter(|((_, to, _), _)| *to == node)
            .map(|(_, lines)| label_height(lines))
            .sum()
    };
    let mut row_top = vec![0.0; layers];
    let mut row_bottom = vec![0.0; layers];
    let mut y = 0.0;
    for (depth, lefts) in placed.iter().enumerate() {
        if depth > 0 {
            let labels = lefts
                .iter()
                .map(|(slot, _)| match slot {
                    Slot::Node(node) => stack(*node),
                    Slot::Pass(_) => 0.0,
                })
                .fold(0.0, f64::max);
            y += labels + V_GAP;
        }
        row_top[depth] = y;
        for (slot, left) in lefts {
            if let Slot::Node(node) = slot {
                nodes[*node].x = *left;
                nodes[*node].y = y;
            }
        }
        y += lefts
            .iter()
            .map(|(slot, _)| match slot {
                Slot::Node(node) => nodes[*node].height,
                Slot::Pass(_) => 0.0,
            })
            .fold(0.0, f64::max);
        row_bottom[depth] = y;
    }
    let height = y;

    // Each arrow's points: where it leaves its source (spread along the box's bottom, in the
    // order of where the arrows go), through its slots, to where it reaches its target (spread
    // along the top, in the order of where they come from).
    let mut middle: Vec<Vec<(f64, f64, f64)>> = vec![Vec::new(); arrows.len()];
    for (arrow, points) in middle.iter_mut().enumerate() {
        for depth in slots_of(arrow) {
            let x = centre[&Slot::Pass(arrow)];
            points.push((x, row_top[depth], row_bottom[depth]));
        }
    }
    let toward = |arrow: usize| -> f64 {
        middle[arrow]
            .first()
            .map_or(centre[&Slot::Node(arrows[arrow].1)], |point| point.0)
    };
    let from_where = |arrow: usize| -> f64 {
        middle[arrow]
            .last()
            .map_or(centre[&Slot::Node(arrows[arrow].0)], |point| point.0)
    };
    let spread = |node: usize, mine: Vec<usize>, key: &dyn Fn(usize) -> f64| -> Vec<(usize, f64)> {
        let mut mine = mine;
        mine.sort_by(|a, b| key(*a).total_cmp(&key(*b)).then(a.cmp(b)));
        let count = mine.len() as f64;
        mine.iter()
            .enumerate()
            .map(|(i, arrow)| {
                (
                    *arrow,
                    nodes[node].x + NODE_WIDTH * (i as f64 + 1.0) / (count + 1.0),
                )
            })
            .collect()
    };
    let mut leave = vec![0.0; arrows.len()];
    let mut reach = vec![0.0; arrows.len()];
    for node in 0..nodes.len() {
        let out: Vec<usize> = (0..arrows.len()).filter(|a| arrows[*a].0 == node).collect();
        for (arrow, x) in spread(node, out, &toward) {
            leave[arrow] = x;
        }
        let into: Vec<usize> = (0..arrows.len()).filter(|a| arrows[*a].1 == node).collect();
        for (arrow, x) in spread(node, into, &from_where) {
            reach[arrow] = x;
        }
    }

    let mut stacked: BTreeMap<usize, f64> = BTreeMap::new();
    let edges = arrows
        .iter()
        .zip(label_lines)
        .enumerate()
        .map(|(arrow, ((from, to, _), label))| {
            let (a, b) = (&nodes[*from], &nodes[*to]);
            let mut points = vec![(leave[arrow], a.y + a.height)];
            for (x, top, bottom) in &middle[arrow] {
                points.push((*x, *top));
                points.push((*x, *bottom));
            }
            points.push((reach[arrow], b.y));
            let mut path = format!("M{:.1} {:.1}", points[0].0, points[0].1);
            for pair in points.windows(2) {
                let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
                let bend = (y2 - y1) / 2.0;
                let _ = write!(
                    path,
                    " C{x1:.1} {:.1} {x2:.1} {:.1} {x2:.1} {y2:.1}",
                    y1 + bend,
                    y2 - bend
                );
            }
            let offset = stacked.entry(*to).or_insert(0.0);
            *offset += label_height(&label);
            let label_y = b.y - *offset + LABEL_LINE - 3.0;
            // Kept inside the picture: a label is about as wide as its longest line.
            let half = label
                .iter()
                .map(|line| line.chars().count())
                .max()
                .unwrap_or(0) as f64
                * LABEL_CHAR_WIDTH
                / 2.0;
            let label_x =
                reach[arrow].clamp(half.min(width / 2.0), (width - half).max(width / 2.0));
            Edge {
                from: *from,
                to: *to,
                path,
                label,
                label_x,
                label_y,
            }
        })
        .collect();
    Chart {
        width,
        height,
        nodes,
        edges,
    }
}

/// A place in a row: a box, or an arrow passing through the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    Node(usize),
    Pass(usize),
}

impl Slot {
    fn width(self) -> f64 {
        match self {
            Slot::Node(_) => NODE_WIDTH,
            Slot::Pass(_) => PASS_WIDTH,
        }
    }
}

/// `text` in lines of at most `chars` characters, broken between words; at most `max` lines, the
/// last ending in "…" when the text goes on.
fn wrap(text: &str, chars: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > chars {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(chars.saturating_sub(1)).collect();
            *last = format!("{}…", kept.trim_end());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const TREE: &str = r#"[["network.toml", {"playbook": [
        {"rule": "NET-001", "start": "ends", "step": [
            {"id": "ends", "title": "Compare the ends", "check": "Read both.", "outcome": [
                {"answer": "Same", "next": "path"},
                {"answer": "Different at each end of the link, as read on the devices", "conclusion": {"cause": "A mismatch.", "fix": "Match."}},
                {"answer": "Unsure", "next": "path"}
            ]},
            {"id": "path", "title": "Ping the path", "check": "Ping.", "outcome": [
                {"answer": "Replies", "next": "NET-003"},
                {"answer": "No replies", "conclusion": {"cause": "A hop drops large packets.", "fix": "Find it."}}
            ]}
        ]},
        {"rule": "NET-003", "start": "carrier", "step": [
            {"id": "carrier", "title": "Ask the carrier", "check": "Ask.", "outcome": [
                {"answer": "Proxying", "conclusion": {"cause": "A proxy.", "fix": "Stop it."}}
            ]}
        ]}
    ]}]]"#;

    fn laid_out() -> Chart {
        let books = Playbooks::from_json(TREE).expect("the tree reads");
        chart(&books, books.get("NET-001").expect("NET-001"))
    }

    fn overlap(a: &Node, b: &Node) -> bool {
        a.x < b.x + NODE_WIDTH
            && b.x < a.x + NODE_WIDTH
            && a.y < b.y + b.height
            && b.y < a.y + a.height
    }

    #[test]
    fn a_box_per_step_jump_and_conclusion_an_arrow_per_outcome() {
        let chart = laid_out();
        let kinds: Vec<NodeKind> = chart.nodes.iter().map(|node| node.kind).collect();
        assert_eq!(kinds.iter().filter(|k| **k == NodeKind::Step).count(), 2);
        assert_eq!(kinds.iter().filter(|k| **k == NodeKind::Jump).count(), 1);
        assert_eq!(
            kinds.iter().filter(|k| **k == NodeKind::Conclusion).count(),
            2
        );
        assert_eq!(chart.edges.len(), 5);
        assert_eq!(chart.nodes[0].step.as_deref(), Some("ends"));
        let jump = chart
            .nodes
            .iter()
            .find(|node| node.kind == NodeKind::Jump)
            .expect("a jump");
        assert_eq!(jump.lines, ["Go on with NET-003: Ask the", "carrier"]);
    }

    #[test]
    fn layers_go_down_and_boxes_do_not_overlap() {
        let chart = laid_out();
        for edge in &chart.edges {
            let (from, to) = (&chart.nodes[edge.from], &chart.nodes[edge.to]);
            assert!(to.y >= from.y + from.height, "{edge:?}");
            // The label sits between the two boxes, above the one it leads to.
            assert!(
                edge.label_y < to.y && edge.label_y > from.y + from.height,
                "{edge:?}"
            );
        }
        for (i, a) in chart.nodes.iter().enumerate() {
            assert!(a.x >= 0.0 && a.x + NODE_WIDTH <= chart.width + 0.01);
            assert!(a.y >= 0.0 && a.y + a.height <= chart.height + 0.01);
            for b in &chart.nodes[i + 1..] {
                assert!(!overlap(a, b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn labels_stay_inside_the_picture() {
        let chart = laid_out();
        for edge in &chart.edges {
            let longest = edge
                .label
                .iter()
                .map(|line| line.chars().count())
                .max()
                .unwrap_or(0);
            let half = longest as f64 * LABEL_CHAR_WIDTH / 2.0;
            assert!(edge.label_x - half >= -0.01, "{edge:?}");
            assert!(edge.label_x + half <= chart.width + 0.01, "{edge:?}");
        }
    }

    #[test]
    fn two_outcomes_into_one_step_stack_their_labels() {
        let chart = laid_out();
        let into_path: Vec<&Edge> = chart.edges.iter().filter(|edge| edge.to == 1).collect();
        assert_eq!(into_path.len(), 2);
        let lowest = into_path[0].label_y.max(into_path[1].label_y);
        let highest = into_path[0].label_y.min(into_path[1].label_y);
        assert!(lowest - highest >= LABEL_LINE, "{into_path:?}");
    }

    #[test]
    fn wraps_between_words_and_ends_long_texts_with_an_ellipsis() {
        assert_eq!(wrap("one two three", 7, 3), ["one two", "three"]);
        assert_eq!(wrap("one two three four", 7, 2), ["one two", "three…"]);
        assert_eq!(wrap("", 7, 2), Vec::<String>::new());
    }
}
