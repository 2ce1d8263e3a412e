use leptos::prelude::*;

/// The smallest Leptos CSR page with state: a counter and a text field.
fn main() {
    leptos::mount::mount_to_body(|| {
        let count = RwSignal::new(0);
        let name = RwSignal::new(String::new());
        view! {
            <main>
                <h1>"Évaluation PEAS"</h1>
                <button on:click=move |_| count.update(|c| *c += 1)>{move || count.get()}</button>
                <input type="text" prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e))/>
                <p>{move || name.get()}</p>
            </main>
        }
    });
}
