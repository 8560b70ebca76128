//! Entry point of the web app: install the panic hook and start the app. Everything else lives in
//! the library so that browser tests can mount the same components.

fn main() {
    console_error_panic_hook::set_once();
    vcsp_intake::start();
}
