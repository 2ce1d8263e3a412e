//! The one function of `stringprep` that lopdf (printpdf's PDF writer) uses, SASLprep for PDF
//! encryption passwords, as one that refuses every password: lopdf then reports an encryption
//! error, which psea-assess never meets since it neither encrypts PDFs nor reads encrypted ones.

use std::borrow::Cow;
use std::fmt;

/// Why a password was refused: always that passwords are not supported.
#[derive(Debug)]
pub struct Error;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("PDF passwords (SASLprep) are not built into psea-assess")
    }
}

impl std::error::Error for Error {}

/// Refuses every password (see the crate's documentation).
pub fn saslprep(_s: &str) -> Result<Cow<'_, str>, Error> {
    Err(Error)
}
