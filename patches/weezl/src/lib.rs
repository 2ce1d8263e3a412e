//! The items of `weezl` that lopdf (LZW decoding of parsed PDFs) and printpdf (an unused LZW
//! encoder) name, as a decoder and an encoder that refuse every stream: lopdf then logs a
//! decoding error and printpdf gets none of its output, which psea-assess never meets since
//! it writes PDFs only, with Flate streams.

use std::fmt;
use std::io;

/// The order of bits in a code (kept for the callers' signatures).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BitOrder {
    Msb,
    Lsb,
}

/// Why a stream was refused: always that LZW is not supported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LzwError {
    InvalidCode,
}

impl fmt::Display for LzwError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("LZW is not built into psea-assess")
    }
}

impl std::error::Error for LzwError {}

fn refused() -> io::Error {
    io::Error::new(io::ErrorKind::Unsupported, LzwError::InvalidCode)
}

pub mod decode {
    use super::BitOrder;
    use std::io::{self, BufRead, Write};

    /// An LZW decoder that refuses every stream.
    #[derive(Debug)]
    pub struct Decoder(());

    impl Decoder {
        pub fn new(_order: BitOrder, _size: u8) -> Self {
            Decoder(())
        }

        pub fn with_tiff_size_switch(_order: BitOrder, _size: u8) -> Self {
            Decoder(())
        }

        pub fn into_stream<W: Write>(&mut self, writer: W) -> IntoStream<'_, W> {
            IntoStream {
                _decoder: self,
                _writer: writer,
            }
        }
    }

    pub struct IntoStream<'d, W> {
        _decoder: &'d mut Decoder,
        _writer: W,
    }

    /// What a stream decoding did: nothing, and an error.
    pub struct StreamResult {
        pub bytes_read: usize,
        pub bytes_written: usize,
        pub status: io::Result<()>,
    }

    impl<W: Write> IntoStream<'_, W> {
        pub fn decode(&mut self, _read: impl BufRead) -> StreamResult {
            refused_stream()
        }

        pub fn decode_all(self, _read: impl BufRead) -> StreamResult {
            refused_stream()
        }
    }

    fn refused_stream() -> StreamResult {
        StreamResult {
            bytes_read: 0,
            bytes_written: 0,
            status: Err(super::refused()),
        }
    }
}

pub mod encode {
    use super::{BitOrder, LzwError};

    /// An LZW encoder that refuses every input.
    #[derive(Debug)]
    pub struct Encoder(());

    impl Encoder {
        pub fn new(_order: BitOrder, _size: u8) -> Self {
            Encoder(())
        }

        pub fn with_tiff_size_switch(_order: BitOrder, _size: u8) -> Self {
            Encoder(())
        }

        pub fn encode(&mut self, _data: &[u8]) -> Result<Vec<u8>, LzwError> {
            Err(LzwError::InvalidCode)
        }
    }
}
