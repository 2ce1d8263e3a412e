//! The browser app's entry point (built by trunk with `--no-default-features --features web`).
//! No panic hook: it would add its formatting to the first load and write panic messages,
//! which may quote the user's data, to the console. A failure to start is still said on the
//! page (static/boot.js).

fn main() {
    leptos::mount::mount_to_body(psea_assess::web::App);
}
