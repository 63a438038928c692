#!/usr/bin/env node
// Runs the prepress binary of the platform package npm installed beside this
// one (`@prepress-lint/<platform>-<arch>`, an optional dependency whose `os`
// and `cpu` fields let npm install only the one that fits), passing the
// arguments, the standard streams and the exit status through.
"use strict";

const { spawnSync } = require("node:child_process");

const name = `@prepress-lint/${process.platform}-${process.arch}`;
const exe = process.platform === "win32" ? "prepress.exe" : "prepress";

/** The binary to run: PREPRESS_BINARY if set, else the platform package's. */
function binary() {
  if (process.env.PREPRESS_BINARY) {
    return process.env.PREPRESS_BINARY;
  }
  try {
    return require.resolve(`${name}/bin/${exe}`);
  } catch {
    console.error(
      `prepress-lint: the package ${name} is not installed, so there is no prepress binary for ` +
        `${process.platform} ${process.arch}. Install without --omit=optional or --no-optional; ` +
        "on a platform without a prebuilt binary, use `cargo install prepress`."
    );
    process.exit(2);
  }
}

const result = spawnSync(binary(), process.argv.slice(2), { stdio: "inherit" });
if (result.error) {
  console.error(`prepress-lint: could not run ${binary()}: ${result.error.message}`);
  process.exit(2);
}
if (result.signal) {
  process.kill(process.pid, result.signal);
}
process.exit(result.status ?? 2);
