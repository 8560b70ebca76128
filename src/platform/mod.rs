//! What the features stand on in the browser: routes in the address, the IndexedDB store and DOM
//! helpers. Nothing here knows about a feature.

pub mod dom;
pub mod route;
pub mod storage;
