/**
 * The ballot daemon: a warm JVM per user, jar and working directory that the {@code ballot} launcher hands a
 * command line to, so that a small check costs a connection instead of a JVM start, the Xtext front end and a cold
 * JIT (issue 24). {@link io.ballot.cli.daemon.DaemonClient} is what the launcher runs; it starts a
 * {@link io.ballot.cli.daemon.DaemonServer} on demand and falls back to a plain run whenever the daemon cannot
 * serve (absent, busy, stale, unreachable). See docs/design.md, "Start-up".
 */
package io.ballot.cli.daemon;
