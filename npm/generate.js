#!/usr/bin/env node
// Writes the npm packages of one release from built binaries:
//
//   node npm/generate.js OUT VERSION TARGET=BINARY...
//
// OUT/prepress-lint is the main package (npm/prepress-lint with VERSION and
// one optional dependency per TARGET given) and OUT/<os>-<cpu> each platform
// package `@prepress-lint/<os>-<cpu>`, holding its binary. `npm pack` or
// `npm publish` each folder. The release workflow passes every target; CI
// passes the one it built.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

/** Rust target → Node's `process.platform` and `process.arch`. */
const TARGETS = {
  "x86_64-unknown-linux-musl": ["linux", "x64"],
  "aarch64-unknown-linux-musl": ["linux", "arm64"],
  "x86_64-unknown-linux-gnu": ["linux", "x64"],
  "x86_64-apple-darwin": ["darwin", "x64"],
  "aarch64-apple-darwin": ["darwin", "arm64"],
  "x86_64-pc-windows-msvc": ["win32", "x64"],
};

function fail(message) {
  console.error(`generate.js: ${message}`);
  process.exit(2);
}

const [out, version, ...pairs] = process.argv.slice(2);
if (!out || !version || pairs.length === 0) {
  fail("usage: node npm/generate.js OUT VERSION TARGET=BINARY...");
}
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
  fail(`${version} is not a version such as 1.2.3`);
}

const main = JSON.parse(fs.readFileSync(path.join(__dirname, "prepress-lint/package.json"), "utf8"));
const readme = (name) =>
  `# ${name}\n\n${main.description}\n\nInstall \`prepress-lint\` and run \`npx prepress\`; ` +
  `see ${main.repository.url.replace(/^git\+|\.git$/g, "")} for how to use it.\n`;

main.version = version;
main.optionalDependencies = {};
for (const pair of pairs) {
  const at = pair.indexOf("=");
  const [target, binary] = [pair.slice(0, at), pair.slice(at + 1)];
  if (at < 0 || !TARGETS[target]) {
    fail(`${pair}: expected TARGET=BINARY with TARGET one of ${Object.keys(TARGETS).join(", ")}`);
  }
  const [os, cpu] = TARGETS[target];
  const name = `@prepress-lint/${os}-${cpu}`;
  const exe = os === "win32" ? "prepress.exe" : "prepress";
  const dir = path.join(out, `${os}-${cpu}`);
  fs.mkdirSync(path.join(dir, "bin"), { recursive: true });
  fs.copyFileSync(binary, path.join(dir, "bin", exe));
  fs.chmodSync(path.join(dir, "bin", exe), 0o755);
  const manifest = {
    name,
    version,
    description: `The prepress binary for ${os} ${cpu} (${target}), run by the prepress-lint package.`,
    license: main.license,
    repository: main.repository,
    os: [os],
    cpu: [cpu],
    files: [`bin/${exe}`],
    preferUnplugged: true,
  };
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, "README.md"), readme(name));
  main.optionalDependencies[name] = version;
}

const mainDir = path.join(out, "prepress-lint");
fs.mkdirSync(path.join(mainDir, "bin"), { recursive: true });
fs.copyFileSync(path.join(__dirname, "prepress-lint/bin/prepress.js"), path.join(mainDir, "bin/prepress.js"));
fs.chmodSync(path.join(mainDir, "bin/prepress.js"), 0o755);
fs.writeFileSync(path.join(mainDir, "package.json"), `${JSON.stringify(main, null, 2)}\n`);
fs.writeFileSync(path.join(mainDir, "README.md"), readme(main.name));
console.log(`wrote ${Object.keys(main.optionalDependencies).length + 1} packages under ${out}`);
