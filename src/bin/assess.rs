//! The assessment: the rules run in a Web Worker, off the page's main thread and out of the
//! partner's first download, started once a draft's first step has been drawn (see `src/assess`).
//! Built by Trunk as a Wasm module of its own (`index.html`).

fn main() {
    console_error_panic_hook::set_once();
    vcsp_intake::start_assess_worker();
}
