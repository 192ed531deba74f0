package io.ballot.checker.state;

import io.ballot.checker.ir.Type;

/**
 * Operations on a stored value of any type, shared by the interpreter and compiled code: how {@code put} prints it
 * (leaves, "Undefined" for undefined ones) and what {@code clear} makes of it.
 */
public final class StoredValues {
  private StoredValues() {}

  /** The text {@code put} prints for the value of type {@code t} stored at {@code off}. */
  public static String render(long[] buf, int off, Type t) {
    return render(buf, off, t, false);
  }

  /** {@link #render(long[], int, Type)}, integers printed unsigned when {@code unsigned}. */
  public static String render(long[] buf, int off, Type t, boolean unsigned) {
    if (t.isSimple()) {
      long raw = Bits.get(buf, off, t.bitWidth());
      return raw == 0 ? "Undefined" : Values.text(t, Values.value(t, raw - 1), unsigned);
    }
    StringBuilder b = new StringBuilder("{");
    if (t instanceof Type.RecordType rt) {
      for (int i = 0; i < rt.fields().size(); i++) {
        Type.Field fl = rt.fields().get(i);
        b.append(i == 0 ? "" : ", ").append(fl.name()).append(": ")
            .append(render(buf, off + StateLayout.fieldOffset(rt, i), fl.type(), unsigned));
      }
    } else if (t instanceof Type.ArrayType at) {
      for (long i = 0; i < at.index().cardinality(); i++) {
        b.append(i == 0 ? "" : ", ")
            .append(render(buf, off + (int) (i * at.element().bitWidth()), at.element(), unsigned));
      }
    }
    return b.append("}").toString();
  }

  /** The bit image of {@code clear} on a value of type {@code t}: simple leaves 1 (first value), multisets empty. */
  public static void clear(long[] buf, int off, Type t) {
    if (t.isSimple()) {
      Bits.set(buf, off, t.bitWidth(), 1);
    } else if (t instanceof Type.RecordType r) {
      int o = off;
      for (Type.Field fl : r.fields()) {
        clear(buf, o, fl.type());
        o += fl.type().bitWidth();
      }
    } else if (t instanceof Type.ArrayType a) {
      int w = a.element().bitWidth();
      for (long i = 0; i < a.index().cardinality(); i++) {
        clear(buf, off + (int) (i * w), a.element());
      }
    } else if (t instanceof Type.MultisetType) {
      Bits.clear(buf, off, t.bitWidth());
    }
  }
}
