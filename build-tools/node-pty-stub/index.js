'use strict';
// Stand-in for @cdktf/node-pty-prebuilt-multiarch (a 34 MB download of prebuilt binaries for every platform).
// cdktf-cli opens a pseudo-terminal only to run terraform (deploy, diff, destroy, ...); this repository
// runs `cdktf synth`, which never does. To run those commands from this repository, remove the
// `overrides` entry in .projenrc.ts and run `npx projen`.
function unavailable() {
  throw new Error('@cdktf/node-pty-prebuilt-multiarch is replaced by a stub in this repository (see README, Development): '
    + 'cdktf deploy/diff/destroy need the real package; remove the override in .projenrc.ts and run `npx projen`.');
}
module.exports = { spawn: unavailable, fork: unavailable, createTerminal: unavailable, open: unavailable, native: undefined };
