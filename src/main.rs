//! Entry point of the web app: install the panic hook and mount the app. Everything else lives in
//! the library so that browser tests can mount the same components.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(vcsp_intake::App);
}
