package io.ballot.checker.state;

import io.ballot.checker.ir.Type;
import io.ballot.checker.ir.Variable;
import io.ballot.checker.result.VariableValue;
import java.util.ArrayList;
import java.util.List;

/** Prints a packed state leaf by leaf: {@code x}, {@code a[2]}, {@code r.f}, {@code ms{0}}; undefined leaves too. */
public final class StateRenderer {
  private final StateLayout layout;

  public StateRenderer(StateLayout layout) {
    this.layout = layout;
  }

  public List<VariableValue> render(long[] state) {
    List<VariableValue> out = new ArrayList<>();
    for (Variable v : layout.variables()) {
      leaves(state, layout.offset(v), v.type(), v.name(), layout.unsignedValues(), out);
    }
    return out;
  }

  private static void leaves(long[] s, int offset, Type t, String name, boolean unsigned, List<VariableValue> out) {
    if (t.isSimple()) {
      long raw = Bits.get(s, offset, t.bitWidth());
      out.add(new VariableValue(name, raw == 0 ? "Undefined" : Values.text(t, Values.value(t, raw - 1), unsigned)));
    } else if (t instanceof Type.RecordType r) {
      int o = offset;
      for (Type.Field f : r.fields()) {
        leaves(s, o, f.type(), name + "." + f.name(), unsigned, out);
        o += f.type().bitWidth();
      }
    } else if (t instanceof Type.ArrayType a) {
      int w = a.element().bitWidth();
      for (long i = 0; i < a.index().cardinality(); i++) {
        String index = Values.text(a.index(), Values.value(a.index(), i), unsigned);
        leaves(s, offset + (int) (i * w), a.element(), name + "[" + index + "]", unsigned, out);
      }
    } else if (t instanceof Type.MultisetType m) {
      for (long i = 0; i < m.capacity(); i++) {
        int slot = offset + StateLayout.slotOffset(m, i);
        if (Bits.get(s, slot, 1) != 0) {
          leaves(s, slot + 1, m.element(), name + "{" + i + "}", unsigned, out);
        }
      }
    }
  }
}
