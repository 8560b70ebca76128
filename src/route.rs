//! Hash routing: each page has a `#/...` URL, so the app works from any static host and sub-path
//! and the browser's back button moves between pages.

use leptos::prelude::*;

/// The app's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Home,
    Rules,
}

impl Route {
    /// The page a location hash names; anything unknown is the home page.
    pub fn from_hash(hash: &str) -> Route {
        match hash.trim_start_matches('#').trim_start_matches('/') {
            "rules" => Route::Rules,
            _ => Route::Home,
        }
    }

    /// The link to the page.
    pub fn href(self) -> &'static str {
        match self {
            Route::Home => "#/",
            Route::Rules => "#/rules",
        }
    }
}

/// The current route, following the location hash.
pub fn current() -> ReadSignal<Route> {
    let hash = || window().location().hash().unwrap_or_default();
    let (route, set_route) = signal(Route::from_hash(&hash()));
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::from_hash(&hash()));
    });
    on_cleanup(move || listener.remove());
    route
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_name_pages() {
        assert_eq!(Route::from_hash("#/rules"), Route::Rules);
        assert_eq!(Route::from_hash("#rules"), Route::Rules);
        assert_eq!(Route::from_hash(""), Route::Home);
        assert_eq!(Route::from_hash("#/nowhere"), Route::Home);
        assert_eq!(Route::from_hash(Route::Rules.href()), Route::Rules);
    }
}
