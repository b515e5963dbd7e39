#!/usr/bin/env node
/**
 * Writes the registry tarball URL (`resolved`) into every registry entry of package-lock.json that lacks one.
 *
 * Why: the machines this project is built on set npm's `omit-lockfile-registry-resolved`, so `npm install`
 * writes a lock file without `resolved`. `npm ci` then asks the registry for every package's metadata
 * document before it can download the tarball: two requests per package instead of one, and some of those
 * documents are 10 MB or more (typescript, projen, @types/node). On CI's slow network that doubled `npm ci`
 * (seen: 54 minutes). npm rewrites registry.npmjs.org URLs to the configured registry
 * (`replace-registry-host`), so the URLs work behind a mirror too.
 *
 * Run after any `npm install` that rewrites the lock file:  node scripts/lock-resolved.js
 */
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  const at = key.lastIndexOf('node_modules/');
  // the root, links, bundled packages and entries that already say where they come from are left alone
  if (!key || at < 0 || entry.link || entry.inBundle || entry.resolved || !entry.version) continue;
  const name = entry.name || key.slice(at + 'node_modules/'.length);
  const resolved = `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
  // npm's own key order: version, resolved, integrity, ...
  lock.packages[key] = Object.fromEntries(Object.entries(entry).flatMap(([k, v]) => (k === 'version' ? [[k, v], ['resolved', resolved]] : [[k, v]])));
  added++;
}
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: 'resolved' written for ${added} package(s)`);
