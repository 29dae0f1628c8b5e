//! How long the validator takes on the shipped program pack (what
//! `mastery pack lint` and every keystroke in the designer's editor cost),
//! and how long an exchange archive takes to write and to check.
//! Run: `cargo bench -p mastery-packs`.

use criterion::{criterion_group, criterion_main, Criterion};
use mastery_packs::{archive, Pack};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let files = mastery_packs::shipped_files();
    let bytes: usize = files.0.values().map(Vec::len).sum();
    eprintln!("shipped pack: {} files, {bytes} bytes", files.0.len());
    c.bench_function("lint the shipped pack", |b| {
        b.iter(|| Pack::lint(black_box(&files)))
    });
    c.bench_function("content hash of the shipped pack", |b| {
        b.iter(|| black_box(&files).content_hash())
    });
    let zip = archive::write(&files, "service-excellence", "1.0.0").expect("archive");
    eprintln!("archive: {} bytes", zip.len());
    c.bench_function("write the archive", |b| {
        b.iter(|| archive::write(black_box(&files), "service-excellence", "1.0.0"))
    });
    c.bench_function("check and read the archive", |b| {
        b.iter(|| archive::read(black_box(&zip), |_, _| {}))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
