package io.ballot.checker.state;

import io.ballot.checker.ir.Model;
import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each state variable lives in a packed state: variables are laid out one after another in declaration
 * order, each taking {@link Type#bitWidth()} bits; records put their fields one after another, arrays their
 * elements in index order, multisets their slots (a presence bit, then the element). A simple value is stored as
 * its number + 1; 0 means undefined.
 */
public final class StateLayout {
  private final List<Variable> variables;
  private final Map<Variable, Integer> offsets = new HashMap<>();
  private final int bits;
  private final int words;
  private final boolean unsignedValues;

  public StateLayout(Model model) {
    this.variables = model.variables();
    this.unsignedValues = model.unsignedValues();
    long offset = 0;
    for (Variable v : variables) {
      offsets.put(v, (int) offset);
      offset = Type.saturatedSum(offset, Type.bits(v.type()));
      if (offset > Type.MAX_BITS) {
        throw new StateTooLarge(v, offset);
      }
    }
    this.bits = (int) offset;
    this.words = (int) Math.max(1, (offset + 63) >>> 6);
  }

  /**
   * The state variables up to and including {@code v} need more than {@link Type#MAX_BITS} bits. The front end
   * rejects such a model (at the variable); this is the checker's own guard, for models built otherwise.
   */
  public static final class StateTooLarge extends io.ballot.checker.ModelTooLarge {
    private static final long serialVersionUID = 1L;
    private final Variable variable;

    StateTooLarge(Variable v, long bits) {
      super(v.location() + ": error: the state is too large: with variable " + v.name() + " it needs "
          + (bits == Long.MAX_VALUE ? "more than 2^63" : Long.toString(bits)) + " bits, more than the "
          + Type.MAX_BITS + " a state can hold");
      this.variable = v;
    }

    /** The variable that made the state too large. */
    public Variable variable() {
      return variable;
    }
  }

  public List<Variable> variables() {
    return variables;
  }

  /** Bit offset of a state variable. */
  public int offset(Variable v) {
    Integer o = offsets.get(v);
    if (o == null) {
      throw new IllegalArgumentException("not a variable of this model: " + v.name());
    }
    return o;
  }

  /** Whether the model's integers are unsigned 64-bit ({@link Model#unsignedValues()}). */
  public boolean unsignedValues() {
    return unsignedValues;
  }

  /** Total bits of a state. */
  public int bits() {
    return bits;
  }

  /** Number of {@code long} words of a state. */
  public int words() {
    return words;
  }

  /** Bit offset of field {@code index} inside a record value. */
  public static int fieldOffset(Type.RecordType record, int index) {
    int o = 0;
    for (int i = 0; i < index; i++) {
      o += record.fields().get(i).type().bitWidth();
    }
    return o;
  }

  /** Bit offset of slot {@code slot} inside a multiset value (its presence bit; the element follows). */
  public static int slotOffset(Type.MultisetType ms, long slot) {
    return Math.toIntExact(slot * (1 + ms.element().bitWidth()));
  }
}
