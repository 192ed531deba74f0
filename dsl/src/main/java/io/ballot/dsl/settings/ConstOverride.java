package io.ballot.dsl.settings;

import java.util.Objects;

/**
 * One {@code NAME=VALUE} that replaces a global constant's value: the name, the value as written, and where it was
 * given ({@code at}: {@code file:line:col} of a model header or project file, or {@code --const}).
 */
public record ConstOverride(String name, String value, String at) {
  public ConstOverride {
    Objects.requireNonNull(name);
    Objects.requireNonNull(value);
    Objects.requireNonNull(at);
  }

  /**
   * Parses {@code NAME=VALUE} (spaces around either allowed); throws IllegalArgumentException with what is wrong.
   */
  public static ConstOverride parse(String text, String at) {
    int eq = text.indexOf('=');
    String name = eq < 0 ? "" : text.substring(0, eq).strip();
    String value = eq < 0 ? "" : text.substring(eq + 1).strip();
    if (eq < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*") || value.isEmpty()) {
      throw new IllegalArgumentException("expected NAME=VALUE (e.g. N=3), not '" + text.strip() + "'");
    }
    return new ConstOverride(name, value, at);
  }

  /** {@code NAME=VALUE}. */
  @Override
  public String toString() {
    return name + "=" + value;
  }
}
