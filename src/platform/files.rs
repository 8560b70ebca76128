//! Files in and out of the browser: the file a file input or a drop carries, read within a size
//! limit, and bytes offered to the user as a download. Nothing here knows what the files hold.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` to the user as a JSON download named `name`.
pub fn download(name: &str, text: &str) {
    download_bytes(name, "application/json", text.as_bytes());
}

/// Offers `bytes` to the user as a download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    let blob = gloo_file::Blob::new_with_options(bytes, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let Ok(link) = document().create_element("a") else {
        return;
    };
    let Ok(link) = link.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The URL is revoked when `url` drops: keep it until the download has surely started.
    set_timeout(move || drop(url), Duration::from_secs(10));
}

/// The file a file input's change event carries, if any; the input is emptied so picking the
/// same file again is a change too.
pub fn picked_file(event: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = event
        .target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}

/// The first file a drop carries, if any.
pub fn dropped_file(event: &leptos::ev::DragEvent) -> Option<web_sys::File> {
    event
        .data_transfer()
        .and_then(|transfer| transfer.files())
        .and_then(|files| files.get(0))
}

/// A picked or dropped file no larger than the limit it was taken with, ready to read.
pub struct Picked {
    /// The file's name as picked.
    pub name: String,
    file: gloo_file::File,
}

/// A picked or dropped file larger than the limit.
pub struct TooLarge {
    /// The file's name as picked.
    pub name: String,
    /// Its size in whole megabytes.
    pub megabytes: u64,
}

/// Takes `file` to read if it is at most `max_bytes` long.
pub fn within(file: web_sys::File, max_bytes: u64) -> Result<Picked, TooLarge> {
    let file = gloo_file::File::from(file);
    let name = file.name();
    if file.size() > max_bytes {
        return Err(TooLarge {
            name,
            megabytes: file.size() / (1024 * 1024),
        });
    }
    Ok(Picked { name, file })
}

impl Picked {
    /// The file's text, or why the browser could not read it.
    pub async fn text(&self) -> Result<String, String> {
        gloo_file::futures::read_as_text(&self.file)
            .await
            .map_err(|error| error.to_string())
    }

    /// The file's bytes, or why the browser could not read them.
    pub async fn bytes(&self) -> Result<Vec<u8>, String> {
        gloo_file::futures::read_as_bytes(&self.file)
            .await
            .map_err(|error| error.to_string())
    }
}
