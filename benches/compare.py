#!/usr/bin/env python3
"""Times prepress against two Markdown linters on real and generated sites.

    python3 benches/compare.py [--sizes 1000,10000] [--memory-sizes 100000] [--runs 3]
    python3 benches/compare.py --quick        # real corpus and 1,000 posts, 1 run

Builds prepress in release mode, installs the peers (rumdl from PyPI in a venv,
markdownlint-cli2 from npm) into target/bench/peers/, gathers the real corpus
(the blogs of eval/sites.toml and benches/real-sites.toml, copied from fetched
git mirrors by scripts/eval-extract, never committed), generates the sites with
the gen_corpus example into target/bench/, times every tool on the same site in
the same run, alternating, measures prepress's peak memory alone on the
`--memory-sizes`, one post of a site with 5,000 posts and 20,000 other files,
and the pathological shapes, and writes a Markdown report: the machine, the
versions, the tables, and whether each target of issue 26 holds in these
figures. Progress goes to stderr. Python standard library only.

The tools do different work: prepress checks front matter, Jekyll
cross-references and prose; rumdl and markdownlint-cli2 check Markdown style.
The report says so.
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "target" / "bench"
PEERS = BENCH / "peers"
# The cargo profile the binaries are built with (`--profile`): release, or
# profiling (the same code with symbols).
PROFILE = "release"
PREPRESS = ROOT / "target" / PROFILE / "prepress"
GEN_CORPUS = ROOT / "target" / PROFILE / "examples" / "gen_corpus"
PARSE_FLOOR = ROOT / "target" / PROFILE / "examples" / "parse_floor"
# The name of prepress's parse alone (PARSE_FLOOR) in the tables.
PARSE_ONLY = "prepress's parse alone"
# The name of prepress with its prose packs turned off, in the tables.
NO_PROSE = "prepress, prose rules off"
SEED = 7
RUMDL_VERSION = "0.3.0"
# The newest markdownlint-cli2 that runs on Node 20.
MARKDOWNLINT_VERSION = "0.22.1"
# markdownlint-cli2 takes about 48 s for 25 MB: larger sites are left out.
MARKDOWNLINT_MAX_POSTS = 10_000
# The lists of real blogs the real corpus is made of, and where it is gathered.
REAL_MANIFESTS = [ROOT / "eval" / "sites.toml", ROOT / "benches" / "real-sites.toml"]
REAL = BENCH / "real"
# The name of the real corpus among the sites, in place of a number of posts.
REAL_LABEL = "real"
# The site of target 4: posts, and other files (images, assets) beside them.
BIG_SITE_POSTS = 5_000
BIG_SITE_OTHER_FILES = 20_000
# A one-post run takes milliseconds and this machine's speed drifts: many runs,
# each followed by one of `true`, so both see the same moments.
SINGLE_POST_RUNS = 200
# What the profiles say of each target that misses: written by hand from
# callgrind runs (instruction counts, which this machine's load does not
# move), kept beside the script and added to every report.
PROFILE_NOTES = ROOT / "benches" / "profile-notes.md"
SHAPE_RUNS = 3
# The sources of the generated sites: a change to them makes a new site.
GENERATOR_SOURCES = [ROOT / "benches" / "corpus" / "mod.rs", ROOT / "examples" / "gen_corpus.rs"]

PREPRESS_DOES = (
    "front matter (empty values, quoted booleans, dates, `published: false`, YAML "
    "errors), Jekyll site cross-references (layouts, includes, `post_url`, links "
    "to pages and files, authors, tags) and prose rules (grammar slips, "
    "misspellings, closed compounds); all default rules on"
)
PARSE_ONLY_DOES = (
    "no rules: finds and reads the posts as prepress does and parses each body as "
    "prepress does (Liquid masked, then comrak with the extensions prepress turns on "
    "for it), one worker per core (`examples/parse_floor.rs`). Not a peer: the part "
    "of prepress's time that is the Markdown parse it needs"
)
NO_PROSE_DOES = (
    "prepress with every default rule of its `jekyll` pack on and its prose packs "
    "({packs}) turned off in a `.prepress.yml`, on a twin of the site made of hard "
    "links (`DIR-prose-off`): no word of prose is checked, though the prose segments "
    "are still built, in the walk that finds the links. Not a peer: what prepress "
    "costs besides its prose rules (the parse, the front matter, the site)"
)
PEERS_DO = "Markdown style rules (headings, lists, spacing, line length, ...), with their default configuration"


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(cmd, **kwargs):
    """Runs `cmd`, failing loudly with its output if it fails."""
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(
            f"compare.py: `{' '.join(map(str, cmd))}` exited {result.returncode}\n"
            f"{result.stdout}{result.stderr}"
        )
    return result.stdout


def first_line(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unknown"


# ---------------------------------------------------------------- measuring


class Sample:
    """One process: wall and CPU seconds, peak resident memory in KiB, exit code."""

    def __init__(self, wall, cpu, maxrss_kb, code):
        self.wall = wall
        self.cpu = cpu
        self.maxrss_kb = maxrss_kb
        self.code = code


# GNU time, when installed, starts each tool from its own small process: Linux
# gives a child the peak memory of the process it was forked from, so a tool
# started from this script would show at least this script's memory.
GNU_TIME = Path("/usr/bin/time").exists()


def measure(cmd, cwd=None, ok=(0, 1), memory=True):
    """Runs `cmd` once, output discarded: wall and CPU time from wait4, peak
    memory from GNU time (the tool's own) when it is installed and `memory`
    is asked for. Starting GNU time first costs about a millisecond, which
    matters only to the timing of one post: that is measured without it."""
    rss_file = None
    launch = list(cmd)
    if GNU_TIME and memory:
        rss_file = tempfile.NamedTemporaryFile(prefix="prepress-rss-", delete=False)
        rss_file.close()
        launch = ["/usr/bin/time", "-q", "-f", "%M", "-o", rss_file.name, *cmd]
    start = time.perf_counter()
    proc = subprocess.Popen(
        launch, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    maxrss_kb = usage.ru_maxrss
    if rss_file:
        text = Path(rss_file.name).read_text().strip().splitlines()
        os.unlink(rss_file.name)
        if text and text[-1].isdigit():
            maxrss_kb = int(text[-1])
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code  # reaped here, so Popen must not wait for it
    if code not in ok:
        # Run it again to show why.
        out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
        sys.exit(
            f"compare.py: `{' '.join(map(str, cmd))}` exited {code}\n"
            f"{out.stdout[-2000:]}{out.stderr[-2000:]}"
        )
    return Sample(wall, usage.ru_utime + usage.ru_stime, maxrss_kb, code)


def tail_of_output(cmd, cwd=None):
    """The last line a tool prints (its summary), for the progress log."""
    with tempfile.TemporaryFile() as out:
        subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        out.seek(max(0, out.tell() - 1000))
        lines = out.read().decode(errors="replace").strip().splitlines()
    return lines[-1][:160] if lines else "(no output)"


def percentile(values, p):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


# ---------------------------------------------------------------- building


def use_profile(profile):
    """Points the binaries at `target/<profile>/`."""
    global PROFILE, PREPRESS, GEN_CORPUS, PARSE_FLOOR
    PROFILE = profile
    PREPRESS = ROOT / "target" / profile / "prepress"
    GEN_CORPUS = ROOT / "target" / profile / "examples" / "gen_corpus"
    PARSE_FLOOR = ROOT / "target" / profile / "examples" / "parse_floor"


def build():
    log(f"building prepress, gen_corpus and parse_floor ({PROFILE})")
    run(["cargo", "build", "--profile", PROFILE, "--quiet", "--bin", "prepress"], cwd=ROOT)
    run(["cargo", "build", "--profile", PROFILE, "--quiet", "--example", "gen_corpus",
         "--example", "parse_floor"], cwd=ROOT)


class Tool:
    def __init__(self, name, version, command, does):
        self.name = name
        self.version = version
        self.command = command  # dir -> argv
        self.does = does


def prepress_tool():
    version = first_line([str(PREPRESS), "--version"])
    commit = run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).strip()
    dirty = subprocess.run(["git", "diff", "--quiet", "HEAD"], cwd=ROOT).returncode != 0
    version += f" (commit {commit}{', with uncommitted changes' if dirty else ''})"
    return Tool(
        "prepress",
        version,
        lambda d: [str(PREPRESS), "check", "--quiet", "--format", "compact", str(d)],
        PREPRESS_DOES,
    )


def parse_only_tool():
    lock = tomllib.loads((ROOT / "Cargo.lock").read_text())
    comrak = next((p["version"] for p in lock["package"] if p["name"] == "comrak"), "?")
    return Tool(
        PARSE_ONLY,
        f"comrak {comrak}, as prepress links it",
        lambda d: [str(PARSE_FLOOR), str(d)],
        PARSE_ONLY_DOES,
    )


def prose_packs():
    """The packs of prepress's prose rules: every pack `prepress rules` lists but `jekyll`."""
    rows = [line.split() for line in run([str(PREPRESS), "rules"], cwd=ROOT).splitlines()[1:]]
    return sorted({row[1] for row in rows if len(row) > 1 and row[1] != "jekyll"})


def prose_off(site):
    """The twin of `site` (hard links) where a `.prepress.yml` turns the prose packs off."""
    return site.parent / f"{site.name}-prose-off"


def make_prose_off(site, packs):
    """Makes `prose_off(site)` unless it is there for this site and these packs."""
    twin = prose_off(site)
    config = f"rules:\n  disable: [{', '.join(packs)}]\n"
    stamp = twin.parent / f"{twin.name}.stamp"
    want = (site.parent / f"{site.name}.stamp").read_text() + config
    if twin.is_dir() and stamp.is_file() and stamp.read_text() == want:
        return
    log(f"linking {twin.relative_to(ROOT)}")
    if twin.exists():
        shutil.rmtree(twin)
    stamp.unlink(missing_ok=True)
    shutil.copytree(site, twin, copy_function=os.link, symlinks=True)
    # Each site's root (the folder, or each site of the real corpus) takes it:
    # a file's config is never taken from above its own site.
    roots = [twin] if (twin / "_config.yml").is_file() else [
        d for d in twin.iterdir() if (d / "_config.yml").is_file()]
    for root in roots:
        (root / ".prepress.yml").write_text(config)
    stamp.write_text(want)


def no_prose_tool(packs):
    return Tool(
        NO_PROSE,
        "the same build as prepress",
        lambda d: [str(PREPRESS), "check", "--quiet", "--format", "compact", str(prose_off(Path(d)))],
        NO_PROSE_DOES.format(packs=", ".join(f"`{p}`" for p in packs)),
    )


def rumdl_tool():
    venv = PEERS / "rumdl"
    exe = venv / "bin" / "rumdl"
    if RUMDL_VERSION not in first_line([str(exe), "--version"]):
        log(f"installing rumdl {RUMDL_VERSION} into {venv.relative_to(ROOT)}")
        run([sys.executable, "-m", "venv", "--clear", str(venv)])
        run([str(venv / "bin" / "pip"), "install", "--quiet", f"rumdl=={RUMDL_VERSION}"])
    return Tool(
        "rumdl",
        first_line([str(exe), "--version"]),
        lambda d: [str(exe), "check", "--no-cache", str(d)],
        PEERS_DO,
    )


def markdownlint_tool():
    prefix = PEERS / "markdownlint"
    package = prefix / "node_modules" / "markdownlint-cli2"

    def installed():
        try:
            return json.loads((package / "package.json").read_text())
        except (OSError, ValueError):
            return {}

    if installed().get("version") != MARKDOWNLINT_VERSION:
        log(f"installing markdownlint-cli2 {MARKDOWNLINT_VERSION} into {prefix.relative_to(ROOT)}")
        run(
            [
                "npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund",
                "--loglevel", "error", f"markdownlint-cli2@{MARKDOWNLINT_VERSION}",
            ]
        )
    meta = installed()
    bin_field = meta["bin"]
    script = package / (bin_field if isinstance(bin_field, str) else next(iter(bin_field.values())))
    node = shutil.which("node") or "node"
    # "markdownlint-cli2 v0.22.1 (markdownlint v0.40.0)"
    version = first_line([node, str(script), "--help"])
    return Tool(
        "markdownlint-cli2",
        version,
        lambda d: [node, str(script), f"{d}/**/*.{{md,markdown}}"],
        PEERS_DO,
    )


# ---------------------------------------------------------------- sites


def generator_hash():
    digest = hashlib.sha256()
    for path in GENERATOR_SOURCES:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def corpus(posts):
    """The generated site of `posts` posts, made unless already there."""
    site = BENCH / f"corpus-{posts}"
    stamp = BENCH / f"corpus-{posts}.stamp"
    want = f"seed={SEED} posts={posts} generator={generator_hash()}\n"
    if not (site.is_dir() and stamp.is_file() and stamp.read_text() == want):
        log(f"generating {posts:,} posts into {site.relative_to(ROOT)}")
        if site.exists():
            shutil.rmtree(site)
        stamp.unlink(missing_ok=True)
        run([str(GEN_CORPUS), str(site), str(posts), str(SEED)])
        stamp.write_text(want)
    return (site, *markdown_size(site))


def markdown_size(site):
    """How many Markdown files (`.md`, `.markdown`) `site` holds, and their bytes."""
    files = [p for p in site.rglob("*") if p.suffix in (".md", ".markdown") and p.is_file()
             and not p.is_symlink()]
    return len(files), sum(p.stat().st_size for p in files)


def real_corpus():
    """The real corpus: every blog of `REAL_MANIFESTS`, each a folder of
    `REAL` (hard links to its copy in target/eval/sites/), gathered unless
    already there. Returns the folder, the sites and their post counts."""
    sites = []
    for manifest in REAL_MANIFESTS:
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "eval-extract"), "--manifest", str(manifest)],
            capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(
                f"compare.py: the real corpus is incomplete:\n{result.stderr}"
                f"Each site is copied from a git mirror of its repository at the pinned commit "
                f"({manifest.relative_to(ROOT)}): /work/.mirror/<owner>+<name>/repo, as the "
                "`fetch` tool of the development machines leaves it (fetch github:<owner>/<name>), "
                "or a clone: `scripts/eval-extract --clone --manifest "
                f"{manifest.relative_to(ROOT)}`. Or leave the real corpus out: --skip-real.")
        with open(manifest, "rb") as f:
            sites.extend(tomllib.load(f)["site"])
    stamp = BENCH / "real.stamp"
    want = "".join(f"{s['name']} {s['repo']} {s['commit']} {s['folder']}\n" for s in sites)
    if not (REAL.is_dir() and stamp.is_file() and stamp.read_text() == want):
        log(f"linking the real corpus into {REAL.relative_to(ROOT)}")
        if REAL.exists():
            shutil.rmtree(REAL)
        stamp.unlink(missing_ok=True)
        for site in sites:
            shutil.copytree(ROOT / "target" / "eval" / "sites" / site["name"], REAL / site["name"],
                            copy_function=os.link, symlinks=True)
        stamp.write_text(want)
    posts = {s["name"]: sum(1 for p in (REAL / s["name"]).rglob("*")
                            if "_posts" in p.parts and p.suffix in (".md", ".markdown"))
             for s in sites}
    return REAL, sites, posts


def big_site():
    """A generated site of `BIG_SITE_POSTS` posts and `BIG_SITE_OTHER_FILES`
    other files (images by year, as a blog keeps them), made unless there."""
    site = BENCH / f"site-{BIG_SITE_POSTS}-with-files"
    stamp = BENCH / f"{site.name}.stamp"
    want = (f"seed={SEED} posts={BIG_SITE_POSTS} other={BIG_SITE_OTHER_FILES} "
            f"generator={generator_hash()}\n")
    if not (site.is_dir() and stamp.is_file() and stamp.read_text() == want):
        log(f"generating {BIG_SITE_POSTS:,} posts and {BIG_SITE_OTHER_FILES:,} other files "
            f"into {site.relative_to(ROOT)}")
        if site.exists():
            shutil.rmtree(site)
        stamp.unlink(missing_ok=True)
        run([str(GEN_CORPUS), str(site), str(BIG_SITE_POSTS), str(SEED)])
        for n in range(BIG_SITE_OTHER_FILES):
            folder = site / "assets" / "images" / str(2000 + n % 25) / f"{n % 12 + 1:02}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"photo-{n}.jpg").write_bytes(b"\xff\xd8\xff")
        stamp.write_text(want)
    return site


# The pathological shapes; tests/it/shapes.rs builds the same ones.
SENTENCE = "The team shipped a small change after the last sprint. "
SLIP = "It has been meet with doubt."
WORDS = "our team reviewed the plan and agreed to ship it on Friday after lunch".split()


def front_matter(title):
    return f'---\ntitle: {title}\ncomments: "true"\n---\n'


# Each shape is written piece by piece: a large string in this process would
# raise the peak memory that Linux reports for every process it starts later.


def long_line(out):
    """A 20 MB single line, the slip at its end."""
    out.write(front_matter("Long line"))
    repeats = 20_000_000 // len(SENTENCE) + 1
    for _ in range(repeats // 1000):
        out.write(SENTENCE * 1000)
    out.write(SENTENCE * (repeats % 1000) + SLIP + "\n")


def links(out):
    """10,000 links, to an image and to a page, ten paragraphs of 1,000; one is broken."""
    out.write(front_matter("Links"))
    for p in range(10):
        if p:
            out.write("\n")
        parts = []
        for i in range(p * 1000, (p + 1) * 1000):
            target = "/assets/cover.png" if i % 2 == 0 else "/about/"
            if i == 7777:
                target = "/assets/cvoer.png"
            parts.append(f"[link {i}]({target})")
        out.write(", ".join(parts) + ".\n")


def headings(out):
    """5,000 headings, the slip under the last one."""
    out.write(front_matter("Headings"))
    for i in range(5000):
        if i:
            out.write("\n")
        out.write(f"## Heading {i}\n\nA short paragraph under heading {i}.\n")
    out.write(SLIP + "\n")


def paragraph(out):
    """One paragraph of 50,000 words, fourteen a line, the slip on line 2,001 of it."""
    out.write(front_matter("Paragraph"))
    count = 0
    lines = 0
    while count < 50_000:
        words = SLIP.split() if lines == 2000 else WORDS[: min(len(WORDS), 50_000 - count)]
        out.write(("\n" if lines else "") + " ".join(words))
        count += len(words)
        lines += 1
    out.write("\n")


def quotes(out):
    """50,000 nested block quotes on one line."""
    out.write(front_matter("Quotes") + ">" * 50_000 + " " + SLIP + "\n")


def lists(out):
    """3,000 nested list levels, the slip in the deepest item."""
    out.write(front_matter("Lists"))
    for i in range(3000):
        out.write(" " * (2 * i) + f"- item {i}" + (f" {SLIP}" if i == 2999 else "") + "\n")


SHAPES = [
    ("20 MB on one line", "2024-01-01-long-line.md", long_line),
    ("10,000 links", "2024-01-02-links.md", links),
    ("5,000 headings", "2024-01-03-headings.md", headings),
    ("paragraph of 50,000 words", "2024-01-04-paragraph.md", paragraph),
    ("50,000 nested block quotes", "2024-01-05-quotes.md", quotes),
    ("3,000 nested list levels", "2024-01-06-lists.md", lists),
]


def shapes_site():
    site = BENCH / "shapes"
    if site.exists():
        shutil.rmtree(site)
    (site / "_posts").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "_config.yml").write_text("title: Shapes\nauthor: Team\n")
    (site / "about.md").write_text("---\ntitle: About\npermalink: /about/\n---\n\nAbout us.\n")
    (site / "assets" / "cover.png").write_text("png")
    out = []
    for name, file_name, write in SHAPES:
        path = site / "_posts" / file_name
        with path.open("w") as f:
            write(f)
        out.append((name, path, path.stat().st_size))
    return site, out


# ---------------------------------------------------------------- machine


def machine():
    info = {}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info.setdefault("cpu", platform.processor() or platform.machine())
    info["cores"] = os.cpu_count()
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        info["memory"] = "unknown"
    info["os"] = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                info["os"] = line.split("=", 1)[1].strip('"') + f" (kernel {platform.release()})"
    except OSError:
        pass
    info["rustc"] = first_line(["rustc", "--version"]) + f", cargo profile `{PROFILE}`"
    info["node"] = first_line(["node", "--version"])
    info["python"] = platform.python_version()
    return info


# ---------------------------------------------------------------- report


def mb(size):
    return size / 1e6


def fmt_s(seconds):
    return f"{seconds:.3f}" if seconds < 10 else f"{seconds:.1f}"


def verdict(ok):
    if ok is None:
        return "not measured"
    return "holds" if ok else "**does not hold**"


def one_post(site, post):
    """`prepress check POST` in `site`: `SINGLE_POST_RUNS` runs after one
    warm-up (the peak memory run), each followed by a run of `true`."""
    cmd = [str(PREPRESS), "check", post]
    peak = measure(cmd, cwd=site).maxrss_kb
    walls, cpus, floors = [], [], []
    for _ in range(SINGLE_POST_RUNS):
        s = measure(cmd, cwd=site, memory=False)
        walls.append(s.wall)
        cpus.append(s.cpu)
        floors.append(measure(["true"], memory=False).wall)
    single = {"post": post, "median": statistics.median(walls), "p95": percentile(walls, 95),
              "cpu": statistics.median(cpus), "maxrss_kb": peak, "floor": statistics.median(floors)}
    log(f"  median {single['median'] * 1000:.1f} ms, p95 {single['p95'] * 1000:.1f} ms")
    return single


def report(args, info, tools, skipped, results, real_sites, memory, single, single_real, shapes,
           load):
    out = []
    w = out.append
    w("# prepress benchmarks")
    w("")
    if args.quick:
        w("> **Quick run** (1 run each): a smoke test of the benchmark, not reference figures.")
        w("")
    sizes = [k for k in results if k != REAL_LABEL]
    w(f"Made by `python3 benches/compare.py` on {info['date']}: "
      f"{'the real corpus and ' if REAL_LABEL in results else ''}"
      f"generated sites of {', '.join(f'{s:,}' for s in sizes) or 'no'} posts, "
      f"{args.runs} timed run(s) of each tool after one warm-up"
      + (f"; peak memory alone at {', '.join(f'{s:,}' for s in args.memory_sizes)} posts"
         if args.memory_sizes else "") + ".")
    w("")
    w("## Machine")
    w("")
    w(f"- CPU: {info['cpu']}, {info['cores']} logical cores, shared with other "
      "developers' builds while it ran (see the load average)")
    w(f"- Memory: {info['memory']}")
    w(f"- OS: {info['os']}")
    w(f"- {info['rustc']}; Node {info['node']}; Python {info['python']}")
    w(f"- Load average before / after: {load[0]} / {load[1]}")
    w("")
    w("## Tools and what they check")
    w("")
    w("| Tool | Version | Checks | Command |")
    w("|---|---|---|---|")
    for tool in tools:
        cmd = " ".join(Path(a).name if a.startswith("/") and "*." not in a else a
                       for a in tool.command("DIR"))
        w(f"| {tool.name} | {tool.version} | {tool.does} | `{cmd}` |")
    w("")
    w("The comparison is of speed on the same files, not of equal work: prepress reads "
      "each post as Jekyll will publish it (front matter, the site around it, the prose), "
      "the two linters check how the Markdown is written. Each process is timed with "
      "`wait4`: wall time and CPU time (user + system, all threads); peak resident memory "
      "comes from GNU `time`, which starts each tool from its own small process. "
      "The tools run in turn on the same site (prepress, prepress with its prose rules off, its parse alone, "
      "rumdl, markdownlint-cli2, then again), "
      "so a change in the machine's load touches all of them: compare the ratios, "
      "which come from one run, more than the seconds. "
      "MB are 10^6 bytes of Markdown (`.md` and `.markdown` files); memory is in MiB. "
      f"A process that does nothing (`true`) measures {info['floor_kb'] / 1024:.1f} MiB this way.")
    w("")
    for note in skipped:
        w(f"- {note}")
    if skipped:
        w("")

    if REAL_LABEL in results:
        r = results[REAL_LABEL]
        w(f"## The real corpus: {r['posts']:,} posts, {r['files']:,} Markdown files, "
          f"{mb(r['bytes']):.1f} MB")
        w("")
        w("Public Jekyll blogs at pinned commits (`eval/sites.toml`, "
          "`benches/real-sites.toml`), each checked as its own site in one run over "
          "`target/bench/real/`:")
        w("")
        w("| Site | Repository | Commit | Posts |")
        w("|---|---|---|---:|")
        for site, posts in real_sites:
            w(f"| {site['name']} | {site['repo']} | {site['commit'][:12]} | {posts:,} |")
        w("")
        site_table(w, r)

    w("## Generated sites")
    w("")
    for size in sizes:
        r = results[size]
        w(f"### {size:,} posts: {r['files']:,} Markdown files, {mb(r['bytes']):.1f} MB")
        w("")
        site_table(w, r)

    w("## Memory as the site grows")
    w("")
    w("prepress alone on generated sites (the figures of the tables above, and one run "
      "on each `--memory-sizes` site):")
    w("")
    w("| Posts | MB | Wall (s) | Peak memory (MiB) |")
    w("|---:|---:|---:|---:|")
    for posts, row in sorted(memory.items()):
        w(f"| {posts:,} | {mb(row['bytes']):.1f} | {fmt_s(row['wall'])} | {row['maxrss_kb'] / 1024:.0f} |")
    w("")

    w("## One post in a big site (a pre-commit run)")
    w("")
    w(f"`prepress check {single['post']}` in a generated site of {BIG_SITE_POSTS:,} posts and "
      f"{BIG_SITE_OTHER_FILES:,} other files (`target/bench/site-{BIG_SITE_POSTS}-with-files`), "
      f"{SINGLE_POST_RUNS} runs after one warm-up, each followed by a run of `true`: "
      f"median **{single['median'] * 1000:.1f} ms**, p95 {single['p95'] * 1000:.1f} ms, "
      f"median CPU time {single['cpu'] * 1000:.1f} ms, peak memory {single['maxrss_kb'] / 1024:.0f} MiB (from one more run under GNU `time`, "
      f"which is left out of the timed runs). A process that does nothing (`true`), timed "
      f"between them, takes {single['floor'] * 1000:.1f} ms.")
    w("")
    if single_real:
        r = single_real
        w(f"The same on the real corpus's largest site, {r['site']} ({r['files']:,} files, most "
          f"of them YAML data files): `prepress check {r['post']}`, median "
          f"**{r['median'] * 1000:.1f} ms**, p95 {r['p95'] * 1000:.1f} ms, median CPU time "
          f"{r['cpu'] * 1000:.1f} ms, peak memory {r['maxrss_kb'] / 1024:.0f} MiB.")
        w("")

    w("## Pathological shapes")
    w("")
    w(f"One post each in a small site (`target/bench/shapes/`), `prepress check POST`, "
      f"median of {SHAPE_RUNS} runs after one warm-up. `tests/it/shapes.rs` checks the findings on the same shapes.")
    w("")
    w("| Shape | Size (MB) | Median wall (s) | Peak memory (MiB) | Exit |")
    w("|---|---:|---:|---:|---:|")
    for s in shapes:
        w(f"| {s['name']} | {mb(s['bytes']):.1f} | {s['wall']:.3f} | {s['maxrss_kb'] / 1024:.0f} | {s['code']} |")
    w("")

    w("## Targets")
    w("")
    w("Issue 26's targets, checked against the figures above.")
    w("")
    w("| Target | Figure | |")
    w("|---|---|---|")
    rows = targets(results, memory, single, single_real, shapes)
    for target, figure, ok in rows:
        w(f"| {target} | {figure} | {verdict(ok)} |")
    w("")
    if REAL_LABEL in results and any(ok is False for _, _, ok in rows[:3]):
        w("### Why the speed targets do not hold")
        w("")
        w(why_slower(results[REAL_LABEL]))
        w("")
    if PROFILE_NOTES.is_file():
        w(PROFILE_NOTES.read_text().rstrip())
        w("")
    return "\n".join(out)


def site_table(w, r):
    """The table of every tool's figures on one site."""
    w("| Tool | Median wall (s) | Min wall (s) | Median CPU (s) | Peak memory (MiB) | Files/s | MB/s | Median wall vs prepress |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|")
    base = r["prepress_wall"]
    for name, samples in r["samples"].items():
        wall = statistics.median(s.wall for s in samples)
        w(f"| {name} | {fmt_s(wall)} | {fmt_s(min(s.wall for s in samples))} | "
          f"{fmt_s(statistics.median(s.cpu for s in samples))} | "
          f"{max(s.maxrss_kb for s in samples) / 1024:.0f} | {r['files'] / wall:,.0f} | "
          f"{mb(r['bytes']) / wall:,.1f} | "
          f"{vs_prepress(name, wall, base)} |")
    w("")


def vs_prepress(name, wall, base):
    if name == "prepress":
        return "1×"
    if wall >= base:
        return f"{wall / base:,.1f}× slower"
    return f"{base / wall:,.1f}× faster"


def medians(r, key):
    return {name: statistics.median(getattr(s, key) for s in samples)
            for name, samples in r["samples"].items()}


def why_slower(r):
    """Where prepress's CPU goes on the real corpus, from the parts timed apart."""
    size = mb(r["bytes"])
    cpu = medians(r, "cpu")
    wall = medians(r, "wall")
    text = (f"On the real corpus prepress spent {cpu['prepress']:.2f} s of CPU "
            f"({cpu['prepress'] * 1000 / size:.0f} ms per MB) over {wall['prepress']:.2f} s of wall time")
    if PARSE_ONLY in cpu:
        text += (f"; finding, reading and parsing the same posts as it does, with no rule, "
                 f"{cpu[PARSE_ONLY]:.2f} s of CPU, so the checks add "
                 f"{cpu['prepress'] - cpu[PARSE_ONLY]:.2f} s to the parse "
                 f"(1.5× the parse allows {cpu[PARSE_ONLY] * 0.5:.2f} s)")
    if NO_PROSE in cpu:
        text += (f". With its prose rules off it spent {cpu[NO_PROSE]:.2f} s: reading every word "
                 f"of prose against the packs costs {cpu['prepress'] - cpu[NO_PROSE]:.2f} s, and the "
                 f"front matter, the site, the Jekyll and Markdown rules and the walk of the parsed tree "
                 f"{cpu[NO_PROSE] - cpu.get(PARSE_ONLY, 0):.2f} s")
    text += (". docs/performance.md gives the instruction profile (callgrind, one thread) "
             "that splits the same time by function.")
    return text


def targets(results, memory, single, single_real, shapes):
    rows = []
    real = results.get(REAL_LABEL)
    cpu = medians(real, "cpu") if real else {}
    wall = medians(real, "wall") if real else {}
    if "prepress" in cpu and PARSE_ONLY in cpu:
        r = cpu["prepress"] / cpu[PARSE_ONLY]
        rows.append(("1. CPU ≤ 1.5× the parse alone, real corpus",
                     f"{cpu['prepress']:.2f} s vs {cpu[PARSE_ONLY]:.2f} s: {r:.2f}×", r <= 1.5))
    else:
        rows.append(("1. CPU ≤ 1.5× the parse alone, real corpus", "-", None))
    for peer, want in (("rumdl", 5), ("markdownlint-cli2", 100)):
        if peer in wall:
            r = wall[peer] / wall["prepress"]
            rows.append((f"2. ≥ {want}× faster than {peer} (wall), real corpus", f"{r:,.1f}×", r >= want))
        else:
            rows.append((f"2. ≥ {want}× faster than {peer} (wall), real corpus", "-", None))
    if memory:
        peak = max(row["maxrss_kb"] for row in memory.values())
        rows.append(("3. Peak memory < 100 MB at every generated size",
                     ", ".join(f"{row['maxrss_kb'] * 1024 / 1e6:.0f} MB at {posts:,}"
                               for posts, row in sorted(memory.items())),
                     peak * 1024 < 100e6))
    rows.append((f"4. One post of a site with {BIG_SITE_POSTS:,} posts and "
                 f"{BIG_SITE_OTHER_FILES:,} other files < 30 ms (median wall)",
                 f"{single['median'] * 1000:.1f} ms (p95 {single['p95'] * 1000:.1f} ms)",
                 single["median"] < 0.030))
    if single_real:
        rows.append((f"4. One post of the real {single_real['site']} "
                     f"({single_real['files']:,} files) < 30 ms (median wall)",
                     f"{single_real['median'] * 1000:.1f} ms "
                     f"(p95 {single_real['p95'] * 1000:.1f} ms)",
                     single_real["median"] < 0.030))
    slowest = max(shapes, key=lambda s: s["wall"])
    rows.append(("5. Each pathological shape < 1 s",
                 f"slowest {slowest['wall']:.3f} s ({slowest['name']})",
                 all(s["wall"] < 1 for s in shapes)))
    return rows


# ---------------------------------------------------------------- main


def time_tools(tools, site, runs):
    """Every tool on `site`, one warm-up each, then `runs` rounds of all in turn."""
    for tool in tools:
        log(f"  warm-up {tool.name}: {tail_of_output(tool.command(site), cwd=ROOT)}")
    samples = {t.name: [] for t in tools}
    for n in range(1, runs + 1):
        for tool in tools:
            s = measure(tool.command(site), cwd=ROOT)
            samples[tool.name].append(s)
            log(f"  run {n}/{runs} {tool.name}: {s.wall:.3f} s wall, {s.cpu:.3f} s CPU, "
                f"{s.maxrss_kb / 1024:.0f} MiB")
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000",
                        help="generated site sizes in posts every tool runs on, comma-separated "
                        "(default 1000,10000)")
    parser.add_argument("--memory-sizes", default="100000",
                        help="generated site sizes prepress alone runs on once, for its peak "
                        "memory (default 100000; empty for none)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per tool and site (default 3)")
    parser.add_argument("--out", help="the Markdown report (default BENCHMARKS.md; "
                        "target/bench/BENCHMARKS.quick.md with --quick)")
    parser.add_argument("--quick", action="store_true",
                        help="the real corpus and 1,000 posts, 1 run, no memory sizes: a smoke test")
    parser.add_argument("--skip-real", action="store_true", help="leave the real corpus out")
    parser.add_argument("--skip-markdownlint", action="store_true", help="leave markdownlint-cli2 out")
    parser.add_argument("--skip-rumdl", action="store_true", help="leave rumdl out")
    parser.add_argument("--no-build", action="store_true",
                        help="use the binaries already in target/ (the default builds them)")
    parser.add_argument("--profile", default="release",
                        help="the cargo profile to build and time (default release; profiling "
                        "is the same code with symbols)")
    args = parser.parse_args()
    use_profile(args.profile)
    if args.quick:
        args.sizes, args.runs, args.memory_sizes = "1000", 1, ""

    def sizes(text):
        return sorted({int(s.replace("_", "")) for s in text.split(",") if s.strip()})

    args.sizes = sizes(args.sizes)
    args.memory_sizes = [s for s in sizes(args.memory_sizes) if s not in args.sizes]
    if args.runs < 1 or min(args.sizes + args.memory_sizes, default=1) < 1:
        parser.error("--runs and the sizes must be positive")
    out_path = Path(args.out) if args.out else (
        BENCH / "BENCHMARKS.quick.md" if args.quick else ROOT / "BENCHMARKS.md")

    started = time.perf_counter()
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    info = machine()
    info["date"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if not args.no_build or not all(p.is_file() for p in (PREPRESS, GEN_CORPUS, PARSE_FLOOR)):
        build()
    info["floor_kb"] = measure(["true"]).maxrss_kb
    BENCH.mkdir(parents=True, exist_ok=True)
    packs = prose_packs()
    tools = [prepress_tool(), no_prose_tool(packs), parse_only_tool()]
    skipped = []
    if args.skip_rumdl:
        skipped.append("rumdl was left out (`--skip-rumdl`).")
    else:
        tools.append(rumdl_tool())
    markdownlint = None
    if args.skip_markdownlint:
        skipped.append("markdownlint-cli2 was left out (`--skip-markdownlint`).")
    else:
        markdownlint = markdownlint_tool()
        tools.append(markdownlint)
        big = [s for s in args.sizes if s > MARKDOWNLINT_MAX_POSTS]
        if big:
            skipped.append(
                f"markdownlint-cli2 was not run on {', '.join(f'{s:,}' for s in big)} posts: "
                f"it takes about 48 s for 25 MB, so only sites of up to {MARKDOWNLINT_MAX_POSTS:,} posts.")
    for tool in tools:
        log(f"{tool.name}: {tool.version}")

    results = {}
    real_sites = []
    if args.skip_real:
        skipped.append("The real corpus was left out (`--skip-real`).")
    else:
        site, sites, posts = real_corpus()
        real_sites = [(s, posts[s["name"]]) for s in sites]
        files, size_bytes = markdown_size(site)
        make_prose_off(site, packs)
        log(f"real corpus: {sum(posts.values()):,} posts, {files:,} Markdown files, {mb(size_bytes):.1f} MB")
        samples = time_tools(tools, site, args.runs)
        results[REAL_LABEL] = {"files": files, "bytes": size_bytes, "posts": sum(posts.values()),
                               "samples": samples,
                               "prepress_wall": statistics.median(s.wall for s in samples["prepress"])}

    memory = {}
    for size in args.sizes:
        site, files, size_bytes = corpus(size)
        make_prose_off(site, packs)
        log(f"{size:,} posts: {files:,} Markdown files, {mb(size_bytes):.1f} MB")
        here = [t for t in tools if not (t is markdownlint and size > MARKDOWNLINT_MAX_POSTS)]
        samples = time_tools(here, site, args.runs)
        wall = statistics.median(s.wall for s in samples["prepress"])
        results[size] = {"files": files, "bytes": size_bytes, "samples": samples, "prepress_wall": wall}
        memory[size] = {"bytes": size_bytes, "wall": wall,
                        "maxrss_kb": max(s.maxrss_kb for s in samples["prepress"])}
    for size in args.memory_sizes:
        site, files, size_bytes = corpus(size)
        s = measure(tools[0].command(site), cwd=ROOT)
        log(f"{size:,} posts, prepress alone: {s.wall:.1f} s, {s.maxrss_kb / 1024:.0f} MiB")
        memory[size] = {"bytes": size_bytes, "wall": s.wall, "maxrss_kb": s.maxrss_kb}

    log(f"one post in a big site, {SINGLE_POST_RUNS} runs")
    site = big_site()
    single = one_post(site, "_posts/" + sorted(p.name for p in (site / "_posts").iterdir())[0])
    single_real = None
    if real_sites:
        # The real site with the most files, and its newest post: the
        # pre-commit run the issue measured at 0.35 s.
        name = max((s["name"] for s, _ in real_sites),
                   key=lambda n: sum(1 for _ in (REAL / n).rglob("*")))
        newest = max((p for p in (REAL / name / "_posts").rglob("*")
                      if p.suffix in (".md", ".markdown")), key=lambda p: p.name)
        log(f"one post of the real site {name}, {SINGLE_POST_RUNS} runs")
        single_real = one_post(REAL / name, str(newest.relative_to(REAL / name)))
        single_real["site"] = name
        single_real["files"] = sum(1 for p in (REAL / name).rglob("*") if p.is_file())

    log("pathological shapes")
    site, posts = shapes_site()
    shapes = []
    for name, path, size_bytes in posts:
        cmd = [str(PREPRESS), "check", "--quiet", "--format", "compact", str(path.relative_to(site))]
        measure(cmd, cwd=site)
        runs = [measure(cmd, cwd=site) for _ in range(SHAPE_RUNS)]
        shape = {"name": name, "bytes": size_bytes, "wall": statistics.median(s.wall for s in runs),
                 "maxrss_kb": max(s.maxrss_kb for s in runs), "code": runs[0].code}
        shapes.append(shape)
        log(f"  {name}: {shape['wall']:.3f} s, {shape['maxrss_kb'] / 1024:.0f} MiB")

    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    text = report(args, info, tools, skipped, results, real_sites, memory, single, single_real,
                  shapes, (load_before, load_after))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text)
    print(text)
    log(f"wrote {out_path} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
