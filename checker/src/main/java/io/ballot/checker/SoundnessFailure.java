package io.ballot.checker;

/**
 * The search reported a violation that the model's concrete semantics do not confirm: its trace could not be
 * replayed step by step from the start state, or the violated property does not fail in the trace's last concrete
 * state. A bug in Ballot (a reduction that merged states it must not, say), never a property of the model: no
 * counterexample is printed for it. The message names the step, the violation and the options of the run.
 */
public final class SoundnessFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SoundnessFailure(String message) {
    super(message);
  }
}
