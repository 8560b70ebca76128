//! Hand-made zip archives for the readers' hostile-input tests: bombs and lies a zip library will
//! not write.
#![allow(dead_code, reason = "not every test binary uses every helper")]

use std::io::{Cursor, Read, Write};

use flate2::{Compress, Compression, FlushCompress};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// One entry of a hand-made zip: its local header says what the central directory says.
pub struct Raw {
    pub name: &'static str,
    pub method: u16,
    pub crc: u32,
    pub data: Vec<u8>,
    pub size: u32,
}

/// A zip built byte by byte, so it can be hostile in ways a zip library will not write.
/// `central` lists, for each central directory record, its name and the entry whose local
/// header it points at.
pub fn raw_zip(entries: &[Raw], central: &[(&str, usize)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    for entry in entries {
        offsets.push(u32::try_from(out.len()).expect("small"));
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend([20, 0, 0, 0]);
        out.extend(entry.method.to_le_bytes());
        out.extend([0, 0, 0x21, 0]);
        out.extend(entry.crc.to_le_bytes());
        out.extend(
            u32::try_from(entry.data.len())
                .expect("small")
                .to_le_bytes(),
        );
        out.extend(entry.size.to_le_bytes());
        out.extend(
            u16::try_from(entry.name.len())
                .expect("short")
                .to_le_bytes(),
        );
        out.extend(0u16.to_le_bytes());
        out.extend(entry.name.as_bytes());
        out.extend(&entry.data);
    }
    let directory_start = out.len();
    for (name, index) in central {
        let entry = &entries[*index];
        out.extend(0x0201_4b50u32.to_le_bytes());
        out.extend([20, 3, 20, 0, 0, 0]);
        out.extend(entry.method.to_le_bytes());
        out.extend([0, 0, 0x21, 0]);
        out.extend(entry.crc.to_le_bytes());
        out.extend(
            u32::try_from(entry.data.len())
                .expect("small")
                .to_le_bytes(),
        );
        out.extend(entry.size.to_le_bytes());
        out.extend(u16::try_from(name.len()).expect("short").to_le_bytes());
        out.extend([0; 12]);
        out.extend(offsets[*index].to_le_bytes());
        out.extend(name.as_bytes());
    }
    let directory_size = out.len() - directory_start;
    let count = u16::try_from(central.len()).expect("few").to_le_bytes();
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0, 0, 0, 0]);
    out.extend(count);
    out.extend(count);
    out.extend(u32::try_from(directory_size).expect("small").to_le_bytes());
    out.extend(u32::try_from(directory_start).expect("small").to_le_bytes());
    out.extend([0, 0]);
    out
}

/// A raw deflate stream of `mib` MiB of zeros, about 1 KiB per MiB: one compressed MiB, flushed
/// to a byte boundary, repeated, then an empty final block.
pub fn zeros_deflated(mib: usize) -> Vec<u8> {
    let mut compress = Compress::new(Compression::best(), false);
    let mut chunk = Vec::with_capacity(1 << 20);
    compress
        .compress_vec(&vec![0; 1 << 20], &mut chunk, FlushCompress::Sync)
        .expect("compresses");
    let mut stream = chunk.repeat(mib);
    stream.extend([0x03, 0x00]);
    stream
}

/// Every entry of a zip, in order, as (name, bytes).
pub fn unpack(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    (0..archive.len())
        .map(|index| {
            let mut entry = archive.by_index(index).expect("an entry");
            let mut data = Vec::new();
            entry.read_to_end(&mut data).expect("inflates");
            (entry.name().to_owned(), data)
        })
        .collect()
}

/// A zip of the given entries, stored uncompressed.
pub fn pack(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (name, data) in entries {
        zip.start_file(name.as_str(), options).expect("starts");
        zip.write_all(data).expect("writes");
    }
    zip.finish().expect("finishes").into_inner()
}
