//! psea-assess (« Évaluation PEAS »): PSEA questionnaires, scoring and reports that run
//! entirely on the user's device.
//!
//! [`engine`] is plain Rust with no web dependency: the questionnaire format and its
//! validation, answers files, and the scoring rules. The command line (`src/bin`) and the
//! browser app are thin layers over it.

pub mod engine;
pub mod present;
pub mod report;
#[cfg(feature = "web")]
pub mod web;

// The allocator of the browser builds (the app and the PDF worker): Talc, smaller code than
// the standard library's dlmalloc in every module fetched (figures in the README, issue #16).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
