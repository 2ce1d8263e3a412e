//! The questionnaire engine.
//!
//! - [`model`]: what a questionnaire is once loaded (sections, items, scoring rule).
//! - [`parse`]: TOML text → [`model::Questionnaire`], with every problem reported as a
//!   [`diagnostic::Diagnostic`] carrying a line and column.
//! - [`validate`]: the checks that need the whole questionnaire (ids, references, bands).
//! - [`condition`]: which items are shown, given the answers.
//! - [`answers`]: the answers file (JSON), reading values against a questionnaire, and
//!   carrying answers over to a newer questionnaire version.
//! - [`scoring`]: the five scoring rules, each result explaining itself.
//! - [`compare`]: a baseline and its follow-up: what changed, band, measures, action plan.
//! - [`edit`]: every change the app makes to an answer (values, ticks, texts, numbers with
//!   their one rule, risk measures and residual, quiz validation).
//! - [`follow_up`]: a reassessment started from a baseline; results kept with their version.
//! - [`review`]: a reviewer's confirmed ratings and determination, and the official band.
//! - [`aggregate`]: many answers files of one questionnaire: the coordinator's workspace and
//!   its views (matrix, risk register, class results).
//! - [`plan`]: the action plan drafted from the gaps a result shows.
//! - [`order`]: the one stable sort every list uses (small code).
//! - [`decimal`]: decimal text to a number (small code).

pub mod aggregate;
pub mod answers;
pub mod compare;
pub mod condition;
pub mod decimal;
pub mod diagnostic;
pub mod edit;
pub mod follow_up;
pub mod model;
pub mod order;
pub mod parse;
pub mod plan;
pub mod review;
pub mod scoring;
pub mod validate;

pub use diagnostic::Diagnostic;
pub use model::Questionnaire;

/// Parses and validates a questionnaire. `Err` holds every problem found, in file order.
pub fn load(source: &str) -> Result<Questionnaire, Vec<Diagnostic>> {
    let (questionnaire, mut diags) = parse::parse(source);
    if let Some(q) = &questionnaire {
        diags.extend(validate::validate(q, source));
    }
    order::sort_by_key(&mut diags, |d| (d.line, d.col));
    diags.dedup();
    match questionnaire {
        Some(q) if diags.is_empty() => Ok(q),
        _ => Err(diags),
    }
}
