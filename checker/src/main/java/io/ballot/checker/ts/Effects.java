package io.ballot.checker.ts;

/**
 * What executing a rule does besides changing the state: statement {@code cover}s hit and text {@code put}.
 * Implementations must tolerate concurrent calls when exploration is multi-threaded.
 */
public interface Effects {
  /** A {@code cover} statement (numbered by {@link TransitionSystem#coverStatementCount()}) held. */
  void cover(int site);

  /** A {@code put} printed {@code text}. */
  void put(String text);

  /** Effects that are ignored. */
  Effects NONE =
      new Effects() {
        @Override
        public void cover(int site) {}

        @Override
        public void put(String text) {}
      };
}
