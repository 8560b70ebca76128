//! What the features stand on in the browser: routes in the address, the IndexedDB store, DOM
//! helpers, files in and out, the clock, dates in the browser's own form, and the service worker
//! with persistent storage. Nothing here knows about a feature.

pub mod clock;
pub mod dom;
pub mod files;
pub mod locale;
pub mod offline;
pub mod route;
pub mod storage;
pub mod worker;
