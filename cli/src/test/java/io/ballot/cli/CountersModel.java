package io.ballot.cli;

/**
 * The counters model the store and checkpoint tests search: {@code n} counters of {@code 0..max}, each stepping up and
 * resetting at {@code max}, with an invariant that holds (tests append to it to make a bug), and its wide variant.
 */
final class CountersModel {
  private CountersModel() {}

  /** The model with {@code n} counters of {@code 0..max}: (max + 1)^n states. */
  static String text(int n, int max) {
    return "const N: " + n + "; MAX: " + max + ";\n" + """
        type idx: 1..N; val: 0..MAX;
        var c: array [idx] of val;
        startstate begin for i: idx do c[i] := 0; end; end;
        ruleset i: idx do
          rule "inc" c[i] < MAX ==> begin c[i] := c[i] + 1; end;
          rule "reset" c[i] = MAX ==> begin c[i] := 0; end;
        end;
        invariant "bounded" forall i: idx do c[i] <= MAX end;
        """;
  }

  /**
   * {@code model} with 64 bits more state that never change: states of more than 63 bits are stored by id, so the
   * in-memory search can hand them over at a level boundary (narrower ones are kept as bare values, and the disk
   * search starts again).
   */
  static String wide(String model) {
    return model.replace("var c: array [idx] of val;", "var c: array [idx] of val; pad: array [1..4] of 0..65535;")
        .replace("startstate begin ", "startstate begin for k: 1..4 do pad[k] := 7; end; ");
  }
}
