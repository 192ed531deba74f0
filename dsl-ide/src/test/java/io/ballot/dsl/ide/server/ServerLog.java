package io.ballot.dsl.ide.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * What the server logs as an error while a test runs: Xtext logs through log4j, lsp4j (an exception in a request
 * handler, answered with "Internal error") through java.util.logging. Records warnings and errors and every logged
 * exception of both, until closed.
 */
final class ServerLog implements AutoCloseable {
  final List<String> problems = new CopyOnWriteArrayList<>();
  private final AppenderSkeleton appender = new AppenderSkeleton() {
    @Override
    protected void append(LoggingEvent event) {
      if (event.getLevel().isGreaterOrEqual(org.apache.log4j.Level.WARN) || event.getThrowableInformation() != null) {
        problems.add("log4j " + event.getLevel() + " " + event.getLoggerName() + ": " + event.getRenderedMessage()
            + (event.getThrowableInformation() == null ? "" : " " + event.getThrowableInformation().getThrowable()));
      }
    }

    @Override
    public void close() {}

    @Override
    public boolean requiresLayout() {
      return false;
    }
  };
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.WARNING.intValue() || r.getThrown() != null) {
        problems.add("jul " + r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
            + (r.getThrown() == null ? "" : " " + r.getThrown()));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  ServerLog() {
    Logger.getRootLogger().addAppender(appender);
    java.util.logging.Logger.getLogger("").addHandler(handler);
  }

  @Override
  public void close() {
    Logger.getRootLogger().removeAppender(appender);
    java.util.logging.Logger.getLogger("").removeHandler(handler);
  }
}
