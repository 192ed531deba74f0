package io.ballot.checker.ts;

import io.ballot.checker.ir.PropertyKind;
import io.ballot.checker.result.CoverCount;
import io.ballot.checker.result.RuleCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;

/** A run's per-instance counters summed into what reports show: firings per rule of the model, hits per cover. */
public final class Tallies {
  private Tallies() {}

  /** Firings per rule of the model, its instances (the same name at the same place) summed, in model order. */
  public static List<RuleCount> ruleCounts(TransitionSystem ts, long[] fires) {
    Map<List<Object>, long[]> byRule = new LinkedHashMap<>(); // {instances, fires}
    Map<List<Object>, Instance> first = new LinkedHashMap<>();
    for (int r = 0; r < ts.ruleCount(); r++) {
      Instance i = ts.rule(r);
      List<Object> key = java.util.Arrays.asList(i.name(), i.location());
      first.putIfAbsent(key, i);
      long[] c = byRule.computeIfAbsent(key, k -> new long[2]);
      c[0]++;
      c[1] += fires[r];
    }
    List<RuleCount> out = new ArrayList<>();
    byRule.forEach((k, c) -> out.add(new RuleCount(first.get(k).name(), first.get(k).location(), (int) c[0], c[1])));
    return out;
  }

  /**
   * Hits per cover statement, then per top-level cover property; {@code hits} gives them by index: a cover
   * statement's site, then {@code ts.coverStatementCount()} plus the property's index.
   */
  public static List<CoverCount> covers(TransitionSystem ts, IntToLongFunction hits) {
    List<CoverCount> out = new ArrayList<>();
    for (int site = 0; site < ts.coverStatementCount(); site++) {
      out.add(cover(ts.coverStatement(site), hits.applyAsLong(site)));
    }
    for (int p = 0; p < ts.propertyCount(); p++) {
      if (ts.propertyKind(p) == PropertyKind.COVER) {
        out.add(cover(ts.property(p), hits.applyAsLong(ts.coverStatementCount() + p)));
      }
    }
    return out;
  }

  private static CoverCount cover(Instance c, long hits) {
    return new CoverCount(c.describe(), c.location(), hits);
  }
}
