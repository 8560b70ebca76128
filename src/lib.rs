//! The VCSP Intake web app: a thin Leptos shell over `intake-core`.

mod catalogue;
mod route;

use leptos::prelude::*;

use crate::catalogue::Catalogue;
use crate::route::Route;

/// A way into the product from the landing page.
struct EntryPoint {
    /// Stable identifier, used for `data-testid` and element ids.
    id: &'static str,
    title: &'static str,
    description: &'static str,
    /// The page it opens, once that part of the product is built.
    opens: Option<Route>,
}

/// The four ways into the product. Each opens its page once that part of the product is built.
const ENTRY_POINTS: [EntryPoint; 4] = [
    EntryPoint {
        id: "start-new",
        title: "Start a new assessment",
        description: "Answer a guided questionnaire about your platform: Veeam versions, \
                      hypervisors, storage, network paths, certificates, tenants, DR and \
                      operations.",
        opens: None,
    },
    EntryPoint {
        id: "resume-draft",
        title: "Resume a draft",
        description: "Pick up where you left off. Drafts are saved in this browser as you type.",
        opens: None,
    },
    EntryPoint {
        id: "open-bundle",
        title: "Open a bundle for review",
        description: "For Veeam tech leads: check a partner's findings bundle, re-run the current \
                      rules and triage the findings.",
        opens: None,
    },
    EntryPoint {
        id: "rule-catalogue",
        title: "Rule catalogue",
        description: "Every check the assessment runs: what it looks at, why it matters and how \
                      to fix what it finds.",
        opens: Some(Route::Rules),
    },
];

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let route = route::current();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="masthead">
            <span class="brand" data-testid="brand">{intake_core::PRODUCT_NAME}</span>
            <span class="version">"Version " {intake_core::VERSION}</span>
        </header>
        <main id="main" tabindex="-1">
            {move || match route.get() {
                Route::Home => view! { <Landing/> }.into_any(),
                Route::Rules => view! { <Catalogue/> }.into_any(),
            }}
        </main>
    }
}

/// The landing page: what the tool is, the privacy promise, and the ways in.
#[component]
fn Landing() -> impl IntoView {
    view! {
        <section class="intro" aria-labelledby="intro-title">
            <h1 id="intro-title">{intake_core::PRODUCT_NAME}</h1>
            <p class="lede" data-testid="summary">{intake_core::SUMMARY}</p>
            <p class="privacy" data-testid="privacy">
                <svg class="privacy-icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
                    <path
                        d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z"
                        fill="currentColor"
                    ></path>
                </svg>
                {intake_core::PRIVACY_PROMISE}
            </p>
        </section>
        <section class="entry-points" aria-labelledby="entry-title">
            <h2 id="entry-title" class="visually-hidden">"Get started"</h2>
            <ul class="entry-list">
                {ENTRY_POINTS.iter().map(|entry| view! { <EntryCard entry/> }).collect_view()}
            </ul>
        </section>
    }
}

/// One entry point: a link to its page, or a disabled button saying in words that its part is not
/// built yet.
#[component]
fn EntryCard(entry: &'static EntryPoint) -> impl IntoView {
    let status_id = format!("{}-status", entry.id);
    let action = match entry.opens {
        Some(route) => view! { <a class="button" href=route.href()>{entry.title}</a> }.into_any(),
        None => view! {
            <button type="button" disabled aria-describedby=status_id.clone()>
                {entry.title}
            </button>
            <p class="entry-status" id=status_id>"Not available in this version yet."</p>
        }
        .into_any(),
    };
    view! {
        <li class="entry" data-testid=entry.id>
            <h3>{entry.title}</h3>
            <p>{entry.description}</p>
            {action}
        </li>
    }
}
