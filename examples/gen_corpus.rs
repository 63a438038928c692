//! Writes a generated Jekyll site: `cargo run --release --example gen_corpus -- DIR POSTS [SEED]`.
//!
//! The posts come from `benches/corpus`; around them goes what the posts
//! refer to (a config, the `post` layout, the `note.html` include, a page and
//! an image for each linked word), so the only findings are the slips the
//! generator plants, as in a real blog.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

/// The files around the posts.
fn site_files() -> Vec<(String, String)> {
    let mut files = vec![
        (
            "_config.yml".to_string(),
            "title: Generated blog\nauthor: Team\nbaseurl: \"\"\n".to_string(),
        ),
        (
            "_layouts/default.html".into(),
            "<html><body>{{ content }}</body></html>\n".into(),
        ),
        (
            "_layouts/post.html".into(),
            "---\nlayout: default\n---\n{{ content }}\n".into(),
        ),
        (
            "_includes/note.html".into(),
            "<aside>{{ include.text }}</aside>\n".into(),
        ),
        ("assets/cover.png".into(), "png".into()),
    ];
    for word in corpus::WORDS {
        files.push((format!("assets/{word}.png"), "png".into()));
        files.push((
            format!("{word}.md"),
            format!("---\ntitle: {word}\npermalink: /{word}/\n---\n\nAll about {word}.\n"),
        ));
    }
    files
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("DIR"));
    let count: usize = args.next().expect("POSTS").parse().expect("a number");
    let seed: u64 = args.next().map_or(7, |s| s.parse().expect("a number"));
    for (path, text) in site_files() {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder can be made");
        std::fs::write(path, text).expect("the file can be written");
    }
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
