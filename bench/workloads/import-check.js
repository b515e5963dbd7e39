'use strict';
/**
 * What `require('<compiled library>')` loads with every export used: every module in
 * `require.cache` afterwards, grouped by package, whether the provider's root barrel
 * (`@cdktf/provider-azuread/lib/index.js`, which loads every resource class) is among
 * them, and how many library modules the bare `require` loads.
 *
 * Usage: node import-check.js --lib <compiled lib dir>
 * Prints one `BENCH_RESULT {...}` line.
 */
const path = require('path');
const { args, report } = require('./scenario');

const opts = args(process.argv.slice(2));
const libDir = path.resolve(opts.lib);
const before = new Set(Object.keys(require.cache));
const lib = require(libDir);
const indexModules = Object.keys(require.cache).filter((f) => !before.has(f) && f.startsWith(libDir)).length;
// The index loads each export's module on first use (build-tools/lazy-index.js): use every export, so
// that what is counted is everything an app could load through the index.
for (const name of Object.keys(lib)) void lib[name];
const loaded = Object.keys(require.cache).filter((f) => !before.has(f));

const PROVIDER = `${path.sep}@cdktf${path.sep}provider-azuread${path.sep}lib${path.sep}`;
const packages = {};
let libraryModules = 0;
const providerSubmodules = new Set();
for (const file of loaded) {
  const nm = file.lastIndexOf(`node_modules${path.sep}`);
  if (nm < 0) {
    if (file.startsWith(libDir)) libraryModules++;
    continue;
  }
  const rest = file.slice(nm + 'node_modules'.length + 1).split(path.sep);
  const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  packages[pkg] = (packages[pkg] ?? 0) + 1;
  const p = file.indexOf(PROVIDER);
  if (p >= 0) providerSubmodules.add(file.slice(p + PROVIDER.length).split(path.sep)[0].replace(/\.js$/, ''));
}
report({
  indexModules,
  libraryModules,
  packages,
  providerSubmodules: [...providerSubmodules].sort(),
  rootBarrelLoaded: loaded.some((f) => f.endsWith(`${PROVIDER}index.js`)),
});
