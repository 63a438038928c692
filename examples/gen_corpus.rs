//! Writes a generated corpus: `cargo run --release --example gen_corpus -- DIR POSTS [SEED]`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("DIR"));
    let count: usize = args.next().expect("POSTS").parse().expect("a number");
    let seed: u64 = args.next().map_or(7, |s| s.parse().expect("a number"));
    let posts = dir.join("_posts");
    std::fs::create_dir_all(&posts).expect("the folder can be made");
    let mut bytes = 0;
    for n in 0..count {
        let (name, text) = corpus::post(seed, n);
        bytes += text.len();
        std::fs::write(posts.join(name), text).expect("the post can be written");
    }
    println!("{count} posts, {bytes} bytes in {}", posts.display());
}
