//! The browser app's entry point (built by trunk with `--no-default-features --features web`).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(psea_assess::web::App);
}
