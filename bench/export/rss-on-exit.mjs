// Preloaded with `node --import` into a CLI run: prints the process's peak resident set size
// (getrusage ru_maxrss, kilobytes on Linux) as the last line of stderr when it exits.
process.on('exit', () => {
  process.stderr.write(`\n${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
