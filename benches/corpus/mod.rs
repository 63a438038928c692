//! A deterministic generator of realistic Jekyll posts, for benchmarks.
//!
//! The same seed gives the same posts on every machine: front matter of 5 to 15
//! keys; paragraphs, headings, lists, tables, block quotes, fenced and inline
//! code, Liquid tags, links, images and footnotes; a few long posts; and a known
//! sprinkling of the slips prepress reports (about one post in five).

/// A small xorshift generator: deterministic, no dependencies.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any value).
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SUBJECTS: &[&str] = &[
    "The team",
    "Our release train",
    "A small change",
    "The new dashboard",
    "Every reviewer",
    "The on-call engineer",
    "Our product owner",
    "The database",
    "This workflow",
    "The build",
    "My first attempt",
    "The café on the corner",
    "Zoë",
    "The recipe",
    "The morning train",
];
const VERBS: &[&str] = &[
    "moved",
    "shipped",
    "broke",
    "improved",
    "slowed down",
    "surprised us",
    "needed a second look",
    "was met with some doubt",
    "paid off",
    "took an hour",
    "became a habit",
    "changed how we plan",
];
const TAILS: &[&str] = &[
    "after the last sprint",
    "in the second week",
    "once we measured it",
    "without much noise",
    "before the holidays",
    "for a user in Kraków",
    "on a rainy Tuesday",
    "behind a feature flag",
    "with a European partner",
    "during the retrospective",
    "because the API's rate limit was low",
];
const SLIPS: &[&str] = &[
    "It has been meet with a grimace in the our team.",
    "The PO's and SM's agreed to try it.",
    "A good Text book helped, and so did a text-book example.",
    "We will recieve the the results tomorrow.",
    "It took a hour to fix.",
    "We should of known.",
];
/// The words posts link to as pages (`/{word}/`) and images
/// (`/assets/{word}.png`); a generated site has one of each.
pub(crate) const WORDS: &[&str] = &[
    "release",
    "queue",
    "review",
    "pairing",
    "kitchen",
    "bread",
    "station",
    "library",
    "migration",
    "schema",
    "garden",
    "coffee",
    "deadline",
    "feedback",
    "prioritising",
    "behaviour",
    "colour",
];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {}.",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(TAILS)
    )
}

fn paragraph(rng: &mut Rng, out: &mut String) {
    let sentences = 2 + rng.below(5);
    for i in 0..sentences {
        if i > 0 {
            out.push(if rng.chance(30) { '\n' } else { ' ' });
        }
        let mut s = sentence(rng);
        if rng.chance(10) {
            s = s.replacen('.', &format!(" with `{}()`.", rng.pick(WORDS)), 1);
        }
        if rng.chance(8) {
            s = s.replacen(
                '.',
                &format!(
                    " (see [the notes]({{{{ site.baseurl }}}}/{}/)).",
                    rng.pick(WORDS)
                ),
                1,
            );
        }
        if rng.chance(5) {
            s = s.replacen(
                '.',
                &format!(", as {{{{ page.{} }}}} shows.", rng.pick(WORDS)),
                1,
            );
        }
        if rng.chance(4) {
            s = s.replacen('.', " in **bold** and *italic* type.[^1]", 1);
        }
        out.push_str(&s);
    }
    out.push_str("\n\n");
}

fn block(rng: &mut Rng, out: &mut String) {
    match rng.below(12) {
        0 => out.push_str(&format!("## {}\n\n", sentence(rng).trim_end_matches('.'))),
        1 => {
            for _ in 0..2 + rng.below(4) {
                out.push_str(&format!("- {}\n", sentence(rng)));
            }
            out.push('\n');
        }
        2 => {
            out.push_str("| step | owner | note |\n|---|---|---|\n");
            for _ in 0..2 + rng.below(4) {
                out.push_str(&format!("| {} | {} | `{}` |\n", rng.pick(WORDS), rng.pick(SUBJECTS), rng.pick(WORDS)));
            }
            out.push('\n');
        }
        3 => out.push_str(&format!("> {}\n> {}\n\n", sentence(rng), sentence(rng))),
        4 => {
            out.push_str("```ruby\n");
            for _ in 0..3 + rng.below(10) {
                out.push_str(&format!("  {} = {}(\"the the\") # {}\n", rng.pick(WORDS), rng.pick(WORDS), rng.pick(WORDS)));
            }
            out.push_str("```\n\n");
        }
        5 => out.push_str(&format!(
            "{{% include note.html text=\"{}\" %}}\n\n![{}]({{{{ site.baseurl }}}}/assets/{}.png)\n\n",
            sentence(rng),
            rng.pick(WORDS),
            rng.pick(WORDS)
        )),
        6 => out.push_str(&format!("{{% highlight yaml %}}\nauthor: \"\"\npublished: false\n{{% endhighlight %}}\n\nMore at https://example.com/{}/{}.\n\n", rng.pick(WORDS), rng.pick(WORDS))),
        _ => paragraph(rng, out),
    }
}

/// One post: its file name and text. Post `n` of the corpus from `seed`.
pub(crate) fn post(seed: u64, n: usize) -> (String, String) {
    let mut rng = Rng::new(seed ^ (n as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let (year, month, day) = (2015 + rng.below(10), 1 + rng.below(12), 1 + rng.below(28));
    let slug = format!("{}-{}-{n}", rng.pick(WORDS), rng.pick(WORDS));
    let name = format!("{year}-{month:02}-{day:02}-{slug}.md");
    let mut text = String::from("---\nlayout: post\n");
    text.push_str(&format!(
        "title: \"{}\"\n",
        sentence(&mut rng).trim_end_matches('.')
    ));
    text.push_str(&format!(
        "date: {year}-{month:02}-{day:02} 09:00:00 +0000\n"
    ));
    text.push_str(&format!(
        "author: {}\n",
        rng.pick(&["Priya Raman", "Sam Okafor", "Jo Lindqvist"])
    ));
    let extra = rng.below(11);
    let keys = [
        "categories: [engineering, notes]",
        "tags: [teamwork, release]",
        "comments: true",
        "description: A short note.",
        "image: /assets/cover.png",
        "lang: en",
        "toc: false",
        "excerpt_separator: <!--more-->",
        "redirect_from: [/old/]",
        "series: weekly",
        "draft_note: none",
    ];
    for key in keys.iter().take(extra) {
        text.push_str(key);
        text.push('\n');
    }
    let slip = rng.chance(20);
    if slip && rng.chance(50) {
        text.push_str("tags: \"\"\n");
    }
    text.push_str("---\n\n");
    // Most posts are 2–8 KB; one in a hundred is 50–200 KB.
    let target = if rng.chance(1) {
        50_000 + rng.below(150_000)
    } else {
        2_000 + rng.below(6_000)
    };
    while text.len() < target {
        block(&mut rng, &mut text);
        if slip && rng.chance(15) {
            text.push_str(rng.pick(SLIPS));
            text.push_str("\n\n");
        }
    }
    text.push_str("[^1]: A footnote with a [link](https://example.com).\n");
    (name, text)
}
