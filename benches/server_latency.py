#!/usr/bin/env python3
"""One-file latency of `prepress server`: from a keystroke to its findings.

Usage: benches/server_latency.py [--posts N] [--edits N] [--keep DIR] [--debug]

Builds prepress and gen_corpus (release; the debug build with --debug, an
upper bound where a release build does not fit), generates an N-post site
(default 5,000) under target/bench-server/, starts `prepress server` on it
over standard input and output, opens one post and then sends N edits
(default 200), each a full-text didChange as an editor sends while typing,
timing each from the moment its message is written to the moment the
publishDiagnostics of that version is read. The first open, which reads
the site, is reported apart. Prints the median, 90th percentile and
maximum in milliseconds, and the findings of the last edit.
"""

import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
PREPRESS = ROOT / "target/release/prepress"
GEN = ROOT / "target/release/examples/gen_corpus"


def use_debug():
    """Times the debug build instead."""
    global PREPRESS, GEN
    PREPRESS = ROOT / "target/debug/prepress"
    GEN = ROOT / "target/debug/examples/gen_corpus"


class Session:
    """A `prepress server` process and the JSON-RPC framing around it."""

    def __init__(self, root):
        self.proc = subprocess.Popen(
            [str(PREPRESS), "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.next_id = 1
        uri = root.as_uri()
        self.request("initialize", {
            "processId": None,
            "rootUri": uri,
            "workspaceFolders": [{"uri": uri, "name": "bench"}],
            "capabilities": {"general": {"positionEncodings": ["utf-8"]}},
        })
        self.notify("initialized", {})

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.proc.stdin.flush()

    def read(self):
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                sys.exit("the server closed its output")
            line = line.strip()
            if not line:
                break
            if line.startswith(b"Content-Length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.proc.stdout.read(length))

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == ident and "method" not in message:
                return message.get("result")

    def published(self, uri, version):
        """The diagnostics of `uri` at `version`, waiting for them."""
        while True:
            message = self.read()
            params = message.get("params", {})
            if (message.get("method") == "textDocument/publishDiagnostics"
                    and params.get("uri") == uri and params.get("version") == version):
                return params["diagnostics"]

    def stop(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.proc.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--keep", type=pathlib.Path, help="a site made before")
    parser.add_argument("--debug", action="store_true", help="time the debug build")
    args = parser.parse_args()

    profile = [] if args.debug else ["--release"]
    if args.debug:
        use_debug()
    subprocess.run(["cargo", "build", *profile, "--quiet", "--bin", "prepress",
                    "--example", "gen_corpus"], cwd=ROOT, check=True)
    site = args.keep or ROOT / f"target/bench-server/site-{args.posts}"
    if not (site / "_config.yml").exists():
        subprocess.run([str(GEN), str(site), str(args.posts)], check=True,
                       stdout=subprocess.DEVNULL)
    posts = sorted((site / "_posts").glob("*.md"))
    post = posts[len(posts) // 2]
    text = post.read_text()
    uri = post.as_uri()

    session = Session(site)
    started = time.perf_counter()
    session.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    session.published(uri, 1)
    first = (time.perf_counter() - started) * 1000

    timings = []
    typed = ""
    for version in range(2, args.edits + 2):
        typed += "abcdefgh "[version % 9]
        edited = text + "\n" + typed + "\n"
        started = time.perf_counter()
        session.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": edited}]})
        found = session.published(uri, version)
        timings.append((time.perf_counter() - started) * 1000)
    session.stop()

    timings.sort()
    p90 = timings[int(len(timings) * 0.9) - 1]
    print(f"build: {PREPRESS}")
    print(f"site: {len(posts)} posts ({site}); post: {post.name}, {len(text)} bytes")
    print(f"first open (reads the site): {first:.1f} ms")
    print(f"didChange -> publishDiagnostics over {len(timings)} edits: "
          f"median {statistics.median(timings):.2f} ms, p90 {p90:.2f} ms, "
          f"max {timings[-1]:.2f} ms; {len(found)} findings at the last edit")


if __name__ == "__main__":
    main()
