//! The UI's words: [`crate::present::ui`], re-exported here so the web modules keep naming
//! `super::i18n`. New keys go in `src/present/ui.rs`.

pub use crate::present::colon;
pub use crate::present::ui::*;
