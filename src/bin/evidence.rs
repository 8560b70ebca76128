//! The evidence reader: the collectors' exports (RVTools, Veeam Healthcheck) read in a Web Worker,
//! off the page's main thread, loaded on first import (see `src/import/reader.rs`). Built by Trunk
//! as a third Wasm module (`index.html`).

fn main() {
    console_error_panic_hook::set_once();
    vcsp_intake::start_evidence_worker();
}
