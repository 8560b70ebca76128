//! The later module: review mode and the findings bundle's writer, loaded by the app on first use
//! (see `src/later.rs`). Built by Trunk as a second Wasm module (`index.html`).

fn main() {
    console_error_panic_hook::set_once();
    vcsp_intake::start_later();
}
