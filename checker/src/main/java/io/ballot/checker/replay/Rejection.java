package io.ballot.checker.replay;

import java.util.List;

/**
 * Why the replay stopped at {@code event}: no state consistent with the log before it allows it. {@code reasons}
 * say why in the model's terms, most telling first (a guard false, and which conjunct; a logged value the model does
 * not allow, and the values it does); {@code candidates} is the number of states that were consistent with the log
 * up to the event. {@code pending}: with several logs, the other logs' next events, none of which could go next
 * either.
 */
public record Rejection(LogEvent event, List<Reason> reasons, int candidates, List<LogEvent> pending) {

  /**
   * One reason, with the place in the model it concerns ({@code location}, null when none); {@code quote}: the
   * model's text there says it best (a guard's conjunct), so reports quote it.
   */
  public record Reason(String text, io.ballot.checker.ir.SourceLocation location, boolean quote) {

    /** A reason whose place is not quoted. */
    public Reason(String text, io.ballot.checker.ir.SourceLocation location) {
      this(text, location, false);
    }
  }
}
