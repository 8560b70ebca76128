//! The app in a real browser: wasm-bindgen-test in headless Chromium (see README.md).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app at a route (a location hash) into a fresh element of the test page, and returns
/// that element.
fn mount_app_at(hash: &str) -> web_sys::HtmlElement {
    window()
        .location()
        .set_hash(hash)
        .expect("the hash can be set");
    let document = document();
    let root: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    document
        .body()
        .expect("the test page has a body")
        .append_child(&root)
        .expect("the root attaches to the body");
    let handle = leptos::mount::mount_to(root.clone(), vcsp_intake::App);
    handle.forget();
    root
}

fn mount_app() -> web_sys::HtmlElement {
    mount_app_at("")
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .expect("the selector is valid")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn shell_names_the_product_and_the_privacy_promise() {
    let root = mount_app();
    assert_eq!(text_of(&root, "h1"), intake_core::PRODUCT_NAME);
    assert_eq!(
        text_of(&root, "[data-testid=summary]"),
        intake_core::SUMMARY
    );
    assert!(text_of(&root, "[data-testid=privacy]").contains(intake_core::PRIVACY_PROMISE));
    assert!(text_of(&root, ".version").contains(intake_core::VERSION));
}

#[wasm_bindgen_test]
fn shell_offers_four_entry_points_linking_those_that_are_built() {
    let root = mount_app();
    let entries = root
        .query_selector_all(".entry")
        .expect("the selector is valid");
    assert_eq!(entries.length(), 4);
    let entry = |id: &str| {
        root.query_selector(&format!("[data-testid={id}]"))
            .expect("the selector is valid")
            .unwrap_or_else(|| panic!("entry point {id} is missing"))
    };
    let catalogue_link = entry("rule-catalogue")
        .query_selector("a")
        .expect("the selector is valid")
        .expect("the rule catalogue is a link");
    assert_eq!(
        catalogue_link.get_attribute("href").as_deref(),
        Some("#/rules")
    );
    for id in ["start-new", "resume-draft", "open-bundle"] {
        let entry = entry(id);
        let button = entry
            .query_selector("button")
            .expect("the selector is valid")
            .expect("an entry point not built yet has a button");
        assert!(
            button.has_attribute("disabled"),
            "{id} is not built yet, so it is disabled"
        );
        let status_id = button
            .get_attribute("aria-describedby")
            .expect("the button is described by its status");
        let status = entry
            .query_selector(&format!("#{status_id}"))
            .expect("the selector is valid")
            .expect("the status element exists");
        assert_eq!(
            status.text_content().as_deref(),
            Some("Not available in this version yet.")
        );
    }
}

#[wasm_bindgen_test]
fn the_rules_route_shows_every_rule_of_the_catalogue() {
    let root = mount_app_at("/rules");
    assert_eq!(text_of(&root, "h1"), "Rule catalogue");
    let cards = root
        .query_selector_all("[data-testid=rule]")
        .expect("the selector is valid");
    let rules = intake_core::rules::rules();
    assert_eq!(cards.length() as usize, rules.len());
    for rule in rules {
        let card = root
            .query_selector(&format!("#rule-{}", rule.id))
            .expect("the selector is valid")
            .unwrap_or_else(|| panic!("no card for {}", rule.id));
        let text = card.text_content().unwrap_or_default();
        assert!(text.contains(rule.title), "{}", rule.id);
        assert!(text.contains(rule.severity.name()), "{}", rule.id);
        let steps = card
            .query_selector_all("ol li")
            .expect("the selector is valid");
        assert_eq!(
            steps.length() as usize,
            rule.remediation.len(),
            "{}",
            rule.id
        );
    }
    window()
        .location()
        .set_hash("")
        .expect("the hash can be reset");
}
