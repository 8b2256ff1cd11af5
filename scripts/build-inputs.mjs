// What the build reads (paths relative to the package root): scripts/build.mjs hashes their
// content to skip a build that would change nothing, and bin/reportmill.mjs compares their times
// with the build's to rebuild a stale dist/ before running it.
export const BUILD_INPUTS = ['src', 'pipelines', 'workers', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json', 'scripts/build.mjs', 'scripts/build-inputs.mjs'];

/** Written last into dist/; its time is the build's time. */
export const BUILD_STAMP = 'build-stamp.json';
