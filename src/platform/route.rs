//! Hash routing: each page has a `#/...` URL, so the app works from any static host and sub-path
//! and the browser's back button moves between pages.

use leptos::prelude::*;

/// The app's pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Rules,
    /// The drafts kept in this browser.
    Drafts,
    /// Review mode: open a findings bundle and triage it.
    Review,
    /// One section of a draft: `#/d/<draft>/<section>`.
    Section {
        draft: String,
        section: String,
    },
    /// A draft's answers and findings: `#/d/<draft>/summary`.
    Summary {
        draft: String,
    },
    /// "What is failing?": the symptoms, each starting a walk kept with a draft: `#/d/<draft>/-walk`.
    Failing {
        draft: String,
    },
    /// A walk through a playbook, kept with a draft: `#/d/<draft>/-walk/<rule or symptom id>`.
    Walk {
        draft: String,
        playbook: String,
    },
    /// Collectors' exports imported into a draft: `#/d/<draft>/-import`.
    Import {
        draft: String,
    },
    /// A colleague's answers merged into a draft: `#/d/<draft>/-merge`.
    Merge {
        draft: String,
    },
    /// Patterns across partners: many findings bundles read into one report.
    Portfolio,
}

/// The part of a draft's URL after its id that names the summary page. Section ids are words of
/// the questionnaire, and none is called this (the questionnaire linter holds ids to
/// `[a-z][a-z0-9_]*`, so no section can be `-summary`).
const SUMMARY: &str = "-summary";
/// The part before a playbook's id in a walk's URL; like [`SUMMARY`], never a section's id.
const WALK: &str = "-walk";
/// The part after a draft's id that names its import page; like [`SUMMARY`], never a section's id.
const IMPORT: &str = "-import";
/// The part after a draft's id that names its merge page; like [`SUMMARY`], never a section's id.
const MERGE: &str = "-merge";

impl Route {
    /// The page a location hash names; anything unknown is the home page.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        if let (Some("d"), Some(draft), Some(WALK), Some(playbook), None) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) && !draft.is_empty()
            && !playbook.is_empty()
        {
            return Route::Walk {
                draft: draft.to_owned(),
                playbook: playbook.to_owned(),
            };
        }
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some("rules"), None, ..) => Route::Rules,
            (Some("drafts"), None, ..) => Route::Drafts,
            (Some("review"), None, ..) => Route::Review,
            (Some("portfolio"), None, ..) => Route::Portfolio,
            (Some("d"), Some(draft), Some(SUMMARY), None) if !draft.is_empty() => Route::Summary {
                draft: draft.to_owned(),
            },
            (Some("d"), Some(draft), Some(WALK), None) if !draft.is_empty() => Route::Failing {
                draft: draft.to_owned(),
            },
            (Some("d"), Some(draft), Some(IMPORT), None) if !draft.is_empty() => Route::Import {
                draft: draft.to_owned(),
            },
            (Some("d"), Some(draft), Some(MERGE), None) if !draft.is_empty() => Route::Merge {
                draft: draft.to_owned(),
            },
            (Some("d"), Some(draft), Some(section), None)
                if !draft.is_empty() && !section.is_empty() =>
            {
                Route::Section {
                    draft: draft.to_owned(),
                    section: section.to_owned(),
                }
            }
            _ => Route::Home,
        }
    }

    /// The link to the page.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Rules => "#/rules".to_owned(),
            Route::Drafts => "#/drafts".to_owned(),
            Route::Review => "#/review".to_owned(),
            Route::Portfolio => "#/portfolio".to_owned(),
            Route::Section { draft, section } => format!("#/d/{draft}/{section}"),
            Route::Summary { draft } => format!("#/d/{draft}/{SUMMARY}"),
            Route::Failing { draft } => format!("#/d/{draft}/{WALK}"),
            Route::Walk { draft, playbook } => format!("#/d/{draft}/{WALK}/{playbook}"),
            Route::Import { draft } => format!("#/d/{draft}/{IMPORT}"),
            Route::Merge { draft } => format!("#/d/{draft}/{MERGE}"),
        }
    }

    /// The draft the page shows, if it shows one.
    pub fn draft(&self) -> Option<&str> {
        match self {
            Route::Section { draft, .. }
            | Route::Summary { draft }
            | Route::Failing { draft }
            | Route::Import { draft }
            | Route::Merge { draft }
            | Route::Walk { draft, .. } => Some(draft),
            Route::Home | Route::Rules | Route::Drafts | Route::Review | Route::Portfolio => None,
        }
    }
}

/// The current route, following the location hash.
pub fn current() -> ReadSignal<Route> {
    let hash = || window().location().hash().unwrap_or_default();
    let (route, set_route) = signal(Route::from_hash(&hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::from_hash(&hash()));
    });
    on_cleanup(move || listener.remove());
    route
}

/// Goes to a page (a new history entry, so the back button returns).
pub fn go(route: &Route) {
    // Setting the hash cannot fail in a page with a location; if it ever did, staying put is the
    // right outcome.
    let _ = window().location().set_hash(&route.href());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_name_pages() {
        assert_eq!(Route::from_hash("#/rules"), Route::Rules);
        assert_eq!(Route::from_hash("#rules"), Route::Rules);
        assert_eq!(Route::from_hash(""), Route::Home);
        assert_eq!(Route::from_hash("#/nowhere"), Route::Home);
        assert_eq!(Route::from_hash("#/d/"), Route::Home);
        assert_eq!(Route::from_hash("#/d/x//"), Route::Home);
        for route in [
            Route::Home,
            Route::Rules,
            Route::Drafts,
            Route::Review,
            Route::Section {
                draft: "k3x9".into(),
                section: "network".into(),
            },
            Route::Summary {
                draft: "k3x9".into(),
            },
            Route::Failing {
                draft: "k3x9".into(),
            },
            Route::Walk {
                draft: "k3x9".into(),
                playbook: "NET-001".into(),
            },
            Route::Import {
                draft: "k3x9".into(),
            },
            Route::Merge {
                draft: "k3x9".into(),
            },
            Route::Portfolio,
        ] {
            assert_eq!(Route::from_hash(&route.href()), route);
        }
        assert_eq!(Route::from_hash("#/d/k3x9/-walk/"), Route::Home);
        assert_eq!(Route::from_hash("#/d/k3x9/-walk/NET-001/more"), Route::Home);
    }
}
