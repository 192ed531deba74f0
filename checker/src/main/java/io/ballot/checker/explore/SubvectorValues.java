package io.ballot.checker.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One snapshot of a {@link SubvectorTable}'s values by id: pages of {@value #PAGE} values (a lone first page may be
 * shorter), each packed in as few whole bytes as its own values need. A value is a pair {@code left << 32 | right}
 * of two references; a page stores it as {@code left << shift | right} in {@code width} bytes, with its own shift
 * and width, chosen when the page is started (with a few bits of room) and changed only while it is the last page:
 * references grow as their tables fill, so later pages are wider, and a value that outgrows the last page's fields
 * re-encodes that page alone, never the whole table.
 *
 * <p>Immutable but for the last page's bytes past the values published so far: a table changes its pages or their
 * encodings by publishing a new snapshot (sharing the pages that did not change), so a reader sees a page and its
 * encoding that agree.
 */
final class SubvectorValues {
  static final int PAGE_BITS = 13;
  static final int PAGE = 1 << PAGE_BITS;
  private static final int PAGE_MASK = PAGE - 1;
  /** Bits of room left in a page's fields beyond its values' widest halves when it is encoded. */
  private static final int ROOM_BITS = 0;
  /** Bytes past a page's last value, so that any value can be read as one {@code long}. */
  static final int SLACK = Long.BYTES;
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[][] pages;
  private final int[] shifts;
  private final int[] widths;

  private SubvectorValues(byte[][] pages, int[] shifts, int[] widths) {
    this.pages = pages;
    this.shifts = shifts;
    this.widths = widths;
  }

  /** A first page of {@code length} values, encoded for halves up to {@code maxLeft} and {@code maxRight}. */
  static SubvectorValues first(int length, long maxLeft, long maxRight) {
    int[] e = encoding(maxLeft, maxRight);
    return new SubvectorValues(new byte[][] {new byte[e[1] * length + SLACK]}, new int[] {e[0]}, new int[] {e[1]});
  }

  /**
   * The shift and the width in bytes ({@code {shift, width}}) of a page for halves up to {@code maxLeft} and {@code
   * maxRight}: their bits plus {@value #ROOM_BITS} of room in whole bytes (at most 8), what is spare split between
   * the two halves.
   */
  static int[] encoding(long maxLeft, long maxRight) {
    int l = 64 - Long.numberOfLeadingZeros(maxLeft);
    int r = 64 - Long.numberOfLeadingZeros(maxRight);
    int width = Math.min(8, Math.max(1, (l + r + ROOM_BITS + 7) / 8));
    int spare = 8 * width - l - r;
    return new int[] {r + spare / 2, width};
  }

  int pages() {
    return pages.length;
  }

  /** Bytes per value in page {@code p}. */
  int width(int p) {
    return widths[p];
  }

  /** Bytes of page {@code p}'s array. */
  long pageBytes(int p) {
    return pages[p].length;
  }

  /** The value of id {@code id}, whose page exists. */
  long get(int id) {
    int p = id >>> PAGE_BITS;
    int w = widths[p];
    long raw = (long) LONG.get(pages[p], (id & PAGE_MASK) * w) & (-1L >>> (64 - 8 * w));
    int s = shifts[p];
    return ((raw >>> s) << 32) | (raw & ((1L << s) - 1));
  }

  /** Whether {@code value} can be kept in the last page's encoding. */
  boolean fitsLast(long value) {
    int p = pages.length - 1;
    int s = shifts[p];
    long left = value >>> 32;
    return (value & 0xFFFF_FFFFL) >>> s == 0 && 64 - Long.numberOfLeadingZeros(left) <= 8 * widths[p] - s;
  }

  /** Writes {@code value} ({@link #fitsLast}) at {@code id}, in the last page, leaving the other values' bytes. */
  void set(int id, long value) {
    int p = id >>> PAGE_BITS;
    int w = widths[p];
    int s = shifts[p];
    long raw = ((value >>> 32) << s) | (value & 0xFFFF_FFFFL);
    byte[] page = pages[p];
    int at = (id & PAGE_MASK) * w;
    long keep = w == 8 ? 0 : -1L << (8 * w);
    LONG.set(page, at, ((long) LONG.get(page, at) & keep) | raw);
  }

  /** These values with the lone first page's first {@code count} values in a page of {@code length} values. */
  SubvectorValues withFirstLength(int length, int count) {
    byte[] page = new byte[widths[0] * length + SLACK];
    System.arraycopy(pages[0], 0, page, 0, widths[0] * count);
    return new SubvectorValues(new byte[][] {page}, shifts, widths);
  }

  /** These values and an empty page more, encoded for halves up to {@code maxLeft} and {@code maxRight}. */
  SubvectorValues withPage(long maxLeft, long maxRight) {
    int[] e = encoding(maxLeft, maxRight);
    int n = pages.length;
    byte[][] more = java.util.Arrays.copyOf(pages, n + 1);
    more[n] = new byte[e[1] * PAGE + SLACK];
    int[] s = java.util.Arrays.copyOf(shifts, n + 1);
    int[] w = java.util.Arrays.copyOf(widths, n + 1);
    s[n] = e[0];
    w[n] = e[1];
    return new SubvectorValues(more, s, w);
  }

  /**
   * These values with the last page's first {@code count} values re-encoded for halves up to {@code maxLeft} and
   * {@code maxRight}, in a new array of {@code length} values (the other pages shared).
   */
  SubvectorValues withLastReEncoded(int count, int length, long maxLeft, long maxRight) {
    int[] e = encoding(maxLeft, maxRight);
    int n = pages.length - 1;
    byte[][] copy = pages.clone();
    int[] s = shifts.clone();
    int[] w = widths.clone();
    copy[n] = new byte[e[1] * length + SLACK];
    s[n] = e[0];
    w[n] = e[1];
    SubvectorValues fresh = new SubvectorValues(copy, s, w);
    int base = n << PAGE_BITS;
    for (int k = 0; k < count; k++) {
      fresh.set(base + k, get(base + k));
    }
    return fresh;
  }
}
