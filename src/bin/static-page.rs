//! Prints the page `index.html` shows before the Wasm module arrives ([`vcsp_intake::static_page`]).
//! Run natively at build time by `scripts/finish-dist.mjs`.

fn main() {
    println!("{}", vcsp_intake::static_page());
}
