//! Kept only because `web/lazy.rs` still names `crate::summary::result_status` in a body; the
//! rules live in [`crate::present`]. Remove once it names `present::outcome` directly.

pub use crate::present::outcome::result_status;
