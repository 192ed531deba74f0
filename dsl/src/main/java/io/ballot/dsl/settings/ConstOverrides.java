package io.ballot.dsl.settings;

import io.ballot.checker.ir.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The constant overrides of one load of a model ({@code --const}, a project file's {@code const}, a header's
 * {@code -- ballot: const}), later entries of one name winning. Lowering asks {@link #valueFor} at each global
 * constant's declaration, before any type or range uses it; afterwards {@link #problems} lists the overrides that
 * named no global constant (with a did-you-mean) or whose value does not fit the constant's type. One instance per
 * load: it records what the lowering asked.
 */
public final class ConstOverrides {

  /** An override that could not be applied, and why. */
  public record Problem(ConstOverride override, String message) {
    /** {@code at: message}. */
    @Override
    public String toString() {
      return override.at() + ": " + message;
    }
  }

  private final Map<String, ConstOverride> byName = new LinkedHashMap<>();
  private final Set<String> declared = new LinkedHashSet<>();
  private final List<Problem> problems = new ArrayList<>();

  /** Overrides in order of precedence, lowest first. */
  public ConstOverrides(List<ConstOverride> overrides) {
    for (ConstOverride o : overrides) {
      byName.put(o.name(), o);
    }
  }

  /** No overrides. */
  public static ConstOverrides none() {
    return new ConstOverrides(List.of());
  }

  /** Whether there is nothing to override. */
  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /** The overrides in effect (one per name). */
  public List<ConstOverride> entries() {
    return List.copyOf(byName.values());
  }

  /**
   * The value (as the IR encodes it: an integer, 0/1 for a boolean, an enum member's index) that replaces global
   * constant {@code name} of type {@code type}; null to keep the declared value (no override, or a bad one, which
   * is then recorded as a problem).
   */
  public Long valueFor(String name, Type type) {
    declared.add(name);
    ConstOverride o = byName.get(name);
    if (o == null) {
      return null;
    }
    String v = o.value();
    if (type instanceof Type.BooleanType) {
      if (v.equals("true") || v.equals("false")) {
        return v.equals("true") ? 1L : 0L;
      }
      return bad(o, "constant " + name + " is a boolean: its value is true or false, not '" + v + "'");
    }
    if (type instanceof Type.IntType || type instanceof Type.RangeType) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        return bad(o, "constant " + name + " is an integer: '" + v + "' is not an integer");
      }
    }
    if (type instanceof Type.EnumType e) {
      int i = e.members().indexOf(v);
      if (i >= 0) {
        return (long) i;
      }
      return bad(o, "constant " + name + " is one of " + String.join(", ", e.members()) + ", not '" + v + "'"
          + Suggestions.didYouMean(v, e.members()));
    }
    return bad(o, "constant " + name + " cannot be overridden: only integer, boolean and enum constants can");
  }

  private Long bad(ConstOverride o, String message) {
    problems.add(new Problem(o, message));
    return null;
  }

  /** After lowering: bad values, then names that are no global constant of the model, in the order given. */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>(problems);
    for (ConstOverride o : byName.values()) {
      if (!declared.contains(o.name())) {
        String hint = declared.isEmpty() ? " (it declares none)" : Suggestions.didYouMean(o.name(), declared);
        if (hint.isEmpty()) {
          hint = " (its global constants: " + String.join(", ", declared) + ")";
        }
        all.add(new Problem(o, "the model has no global constant '" + o.name() + "'" + hint));
      }
    }
    return all;
  }
}
