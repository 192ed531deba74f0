package io.ballot.checker;

/**
 * The model cannot be checked because something it declares is too large to hold (a state of more bits than a state
 * can have, more rule instances than can be enumerated). The message is located ({@code file:line:col: error: ...})
 * at the declaration; the front end rejects most such models first, and this is the checker's own guard.
 */
public class ModelTooLarge extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ModelTooLarge(String message) {
    super(message);
  }
}
