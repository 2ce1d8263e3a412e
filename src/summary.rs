//! Kept only so web modules that still name `crate::summary::…` compile; the rules live in
//! [`crate::present`]. Remove once those places name `present` directly.

pub use crate::present::answer::{answer_label, item_name, shorten};
pub use crate::present::date::written as french_date;
pub use crate::present::list_sep;
pub use crate::present::outcome::{result_status, score_line};
