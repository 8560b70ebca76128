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
    // No worker module here: the findings are worked out on the page.
    vcsp_intake::assess_on_the_page();
    let handle = leptos::mount::mount_to(root.clone(), vcsp_intake::App);
    handle.forget();
    root
}

/// Review mode as the later module draws it (`src/later.rs`).
fn mount_review() -> web_sys::HtmlElement {
    mount_later("mountReview")
}

/// A page as the later module draws it (`src/later.rs`): `start_later` puts the module's functions
/// on the page, and `mount` (`mountReview`, `mountCatalogue`) draws it into a fresh element,
/// returned.
fn mount_later(mount: &str) -> web_sys::HtmlElement {
    vcsp_intake::start_later();
    let root: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    document()
        .body()
        .expect("the test page has a body")
        .append_child(&root)
        .expect("the root attaches to the body");
    let api = js_sys::Reflect::get(&js_sys::global(), &"__vcspIntakeLater".into())
        .expect("the later module's functions are on the page");
    let function: js_sys::Function = js_sys::Reflect::get(&api, &mount.into())
        .unwrap_or_else(|_| panic!("it has {mount}"))
        .unchecked_into();
    function
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &root)
        .unwrap_or_else(|_| panic!("{mount} draws its page"));
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
fn shell_offers_five_entry_points_linking_those_that_are_built() {
    let root = mount_app();
    let entries = root
        .query_selector_all(".entry")
        .expect("the selector is valid");
    assert_eq!(entries.length(), 5);
    let entry = |id: &str| {
        root.query_selector(&format!("[data-testid={id}]"))
            .expect("the selector is valid")
            .unwrap_or_else(|| panic!("entry point {id} is missing"))
    };
    let link = |id: &str| {
        entry(id)
            .query_selector("a")
            .expect("the selector is valid")
            .unwrap_or_else(|| panic!("{id} is a link"))
            .get_attribute("href")
    };
    assert_eq!(link("rule-catalogue").as_deref(), Some("#/rules"));
    assert_eq!(link("resume-draft").as_deref(), Some("#/drafts"));
    let start = entry("start-new");
    assert!(
        start
            .query_selector("form input#new-draft-name")
            .expect("the selector is valid")
            .is_some(),
        "a new assessment starts from a named form"
    );

    assert_eq!(link("open-bundle").as_deref(), Some("#/review"));
    assert!(
        entry("what-is-failing")
            .query_selector("button[data-testid=troubleshoot]")
            .expect("the selector is valid")
            .is_some(),
        "what is failing starts from a button"
    );
}

#[wasm_bindgen_test]
fn the_rule_catalogue_shows_every_rule() {
    let root = mount_later("mountCatalogue");
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
}

/// Lets the app's effects and the browser's storage calls run.
async fn settle(milliseconds: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds)
            .expect("a timer can be set");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("a timer resolves");
}

fn input(root: &web_sys::HtmlElement, id: &str) -> web_sys::HtmlInputElement {
    root.query_selector(&format!("[id='{id}']"))
        .expect("the selector is valid")
        .unwrap_or_else(|| panic!("no input {id}"))
        .unchecked_into()
}

fn type_into(input: &web_sys::HtmlInputElement, text: &str) {
    input.set_value(text);
    let event = web_sys::Event::new("input").expect("an event");
    input.dispatch_event(&event).expect("the event dispatches");
}

/// The rule ids the findings panel shows.
fn shown_rules(root: &web_sys::HtmlElement) -> Vec<String> {
    let items = root
        .query_selector_all("[data-testid=findings] [data-testid=finding]")
        .expect("the selector is valid");
    (0..items.length())
        .filter_map(|index| items.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .filter_map(|element| element.get_attribute("data-rule"))
        .collect()
}

/// Starts a draft named `name` from the drafts page, as a partner would, and waits for its first
/// step.
async fn start_draft(name: &str) -> web_sys::HtmlElement {
    let root = mount_app_at("/drafts");
    settle(200).await;
    type_into(&input(&root, "new-draft-name"), name);
    let form: web_sys::HtmlFormElement = root
        .query_selector("form.new-draft")
        .expect("the selector is valid")
        .expect("the new-draft form")
        .unchecked_into();
    form.request_submit().expect("the form submits");
    settle(200).await;
    root
}

#[wasm_bindgen_test]
async fn a_new_draft_opens_its_first_step_and_findings_follow_the_answers() {
    let root = start_draft("Browser test").await;

    assert!(
        window()
            .location()
            .hash()
            .unwrap_or_default()
            .starts_with("#/d/")
    );
    assert_eq!(text_of(&root, "#step-title"), "Engagement and contacts");
    assert!(text_of(&root, "[data-testid=progress]").starts_with("Answered 0 of "));

    let vbr = "in-platform.vbr_version";
    let platform: web_sys::HtmlAnchorElement = root
        .query_selector("li[data-section=platform] a")
        .expect("the selector is valid")
        .expect("a link to the platform step")
        .unchecked_into();
    platform.click();
    settle(200).await;
    assert_eq!(text_of(&root, "#step-title"), "Veeam platform and versions");
    assert_eq!(
        shown_rules(&root),
        Vec::<String>::new(),
        "a new draft shows no finding: blank questions are not findings"
    );
    type_into(&input(&root, vbr), "11.0.1.1261");
    settle(50).await;
    let old = shown_rules(&root);
    assert!(old.iter().any(|rule| rule == "VER-001"), "{old:?}");
    type_into(&input(&root, vbr), "12.3.2.3617");
    settle(50).await;
    let current = shown_rules(&root);
    assert_ne!(old, current, "the findings follow the version typed");
    assert!(text_of(&root, "[data-testid=progress]").starts_with("Answered 1 of "));
    window()
        .location()
        .set_hash("")
        .expect("the hash can be reset");
}

#[wasm_bindgen_test]
async fn a_date_example_is_written_as_the_date_input_writes_dates() {
    let root = start_draft("Date examples").await;

    assert_eq!(input(&root, "in-engagement.as_of").type_(), "date");
    let browser_form = js_sys::Function::new_no_args(
        "return new Date(2026, 10, 22, 12).toLocaleDateString(undefined, \
         {year: 'numeric', month: '2-digit', day: '2-digit'});",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .expect("the browser formats a date")
    .as_string()
    .expect("a string");
    assert_eq!(
        text_of(&root, "[id='help-engagement.as_of'] .example"),
        format!(" Example: {browser_form}"),
        "the definition's example is 2026-11-22"
    );
    window()
        .location()
        .set_hash("")
        .expect("the hash can be reset");
}

/// Puts a file into a file input as a user picking it would, and tells the app.
fn pick_file(input: &web_sys::HtmlInputElement, name: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let file = web_sys::File::new_with_u8_array_sequence(&parts, name).expect("a file");
    let transfer = web_sys::DataTransfer::new().expect("a data transfer");
    transfer
        .items()
        .add_with_file(&file)
        .expect("the file is added");
    input.set_files(transfer.files().as_ref());
    let event = web_sys::Event::new("change").expect("an event");
    input.dispatch_event(&event).expect("the event dispatches");
}

#[wasm_bindgen_test]
async fn a_bundle_picked_on_the_review_page_opens_with_its_integrity_and_findings() {
    let questionnaire = intake_core::questionnaire::Questionnaire::builtin().expect("it reads");
    let answers = intake_core::answers::Answers::from_json(
        include_str!("fixtures/answers/small-proxmox.json"),
        questionnaire,
    )
    .expect("the fixture is valid");
    let bytes = intake_core::bundle::write(
        questionnaire,
        &answers,
        &[],
        time::OffsetDateTime::UNIX_EPOCH,
    )
    .expect("a bundle");
    let findings = intake_core::rules::assess(questionnaire, &answers, &Default::default())
        .findings
        .len();

    let root = mount_review();
    settle(100).await;
    assert_eq!(text_of(&root, "h1"), "Review a findings bundle");
    pick_file(
        &input(&root, "bundle-file"),
        "not-a-bundle.zip",
        b"plain text",
    );
    settle(100).await;
    assert!(
        text_of(&root, "[data-testid=review-message]")
            .starts_with("not-a-bundle.zip cannot be opened: not a zip archive"),
    );
    pick_file(&input(&root, "bundle-file"), "small.intake.zip", &bytes);
    settle(200).await;
    assert_eq!(
        text_of(&root, "[data-testid=integrity]"),
        "Integrity: every file matches the bundle's manifest."
    );
    let shown = root
        .query_selector_all("[data-testid=review-finding]")
        .expect("the selector is valid")
        .length();
    assert_eq!(shown as usize, findings);
}
