//! The one item of `brotli-decompressor` that allsorts (printpdf's font reader) uses, as a
//! decoder that refuses every stream: allsorts then reports a WOFF2 font as a compression
//! error, which psea-assess never meets since it embeds TrueType fonts only.

use std::io::{self, Read};

pub struct Decompressor<R: Read> {
    _input: R,
}

impl<R: Read> Decompressor<R> {
    pub fn new(input: R, _buffer_size: usize) -> Self {
        Decompressor { _input: input }
    }
}

impl<R: Read> Read for Decompressor<R> {
    fn read(&mut self, _buf: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "Brotli (WOFF2 fonts) is not built into psea-assess",
        ))
    }
}
