package io.ballot.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * The packed records of the cluster's search without Spark: a table of successors keeps each state once with its
 * least link whatever the order of arrival, the seen set grows by copies that leave the old set whole, blocks split by
 * the partitioner the explorer's look-ups use, and Kryo writes a block whole.
 */
class BlocksTest {
  private static final int W = 2;

  /** A successor: state, parent, rule. */
  private record Edge(long[] state, long[] parent, int rule) {}

  private static List<Edge> edges(Random r, int n, int distinct) {
    List<Edge> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long k = r.nextInt(distinct);
      out.add(new Edge(new long[] {k, -k}, new long[] {r.nextInt(5) - 2, r.nextLong()}, r.nextInt(4)));
    }
    return out;
  }

  private static Map<List<Long>, Edge> leastByState(List<Edge> edges) {
    Map<List<Long>, Edge> least = new HashMap<>();
    for (Edge e : edges) {
      least.merge(List.of(e.state[0], e.state[1]), e, (a, b) -> {
        Node x = new Node(new PackedState(a.parent), a.rule, false);
        Node y = new Node(new PackedState(b.parent), b.rule, false);
        return Node.least(x, y) == x ? a : b;
      });
    }
    return least;
  }

  @Test
  void aTableKeepsEachStateOnceWithItsLeastLinkWhateverTheOrder() {
    Random r = new Random(26);
    for (int round = 0; round < 20; round++) {
      List<Edge> edges = edges(r, 3000, 700);
      Map<List<Long>, Edge> expected = leastByState(edges);
      Collections.shuffle(edges, r);
      StateTable t = new StateTable(W, 4); // grows many times
      for (Edge e : edges) {
        t.offer(e.state, 0, e.parent, 0, e.rule);
      }
      StateBlock b = t.toBlock();
      assertEquals(expected.size(), b.size(), "each state once");
      for (int i = 0; i < b.size(); i++) {
        Edge e = expected.get(List.of(b.states[i * W], b.states[i * W + 1]));
        Node link = b.link(i);
        assertArrayEquals(e.parent, link.parent().words(), "the least parent");
        assertEquals(e.rule, link.rule(), "the least parent's least rule");
      }
    }
  }

  @Test
  void theSeenSetGrowsByCopiesAndKeepsTheOldOneWhole() {
    StateTable first = new StateTable(W, 4);
    first.offer(new long[] {0, 0}, 0, new long[] {1, 1}, 0, 0); // the all-zero state is a state like any other
    SeenSet a = SeenSet.of(W, first.toBlock());
    StateTable more = new StateTable(W, 4);
    for (long k = 1; k <= 5000; k++) {
      more.offer(new long[] {k, 7}, 0, new long[] {0, 0}, 0, 1);
    }
    SeenSet b = a.with(more.toBlock());
    assertEquals(1, a.size());
    assertEquals(5001, b.size());
    assertTrue(a.contains(new long[] {0, 0}, 0));
    assertFalse(a.contains(new long[] {17, 7}, 0), "the old set is not changed by the copy");
    assertTrue(b.contains(new long[] {0, 0}, 0));
    assertTrue(b.contains(new long[] {9, 9, 17, 7}, 2), "at an offset");
    assertTrue(b.contains(new long[] {5000, 7}, 0));
    assertFalse(b.contains(new long[] {5001, 7}, 0));
    assertFalse(b.contains(new long[] {7, 5000}, 0));
  }

  @Test
  void blocksSplitByTheExplorersPartitionerAndConcatenateBack() {
    Random r = new Random(3);
    StateTable t = new StateTable(W, 4);
    for (Edge e : edges(r, 500, 400)) {
      t.offer(e.state, 0, e.parent, 0, e.rule);
    }
    StateBlock all = t.toBlock();
    HashPartitioner hp = new HashPartitioner(7);
    Set<List<Long>> seen = new HashSet<>();
    List<Tuple2<Integer, StateBlock>> parts = new ArrayList<>();
    for (Iterator<Tuple2<Integer, StateBlock>> it = all.split(7); it.hasNext(); ) {
      parts.add(it.next());
    }
    for (Tuple2<Integer, StateBlock> p : parts) {
      StateBlock b = p._2();
      for (int i = 0; i < b.size(); i++) {
        long[] s = b.state(i);
        assertEquals(hp.getPartition(new PackedState(s)), (int) p._1(), "the partition a look-up reads");
        assertTrue(seen.add(List.of(s[0], s[1])));
        assertEquals(all.link(all.indexOf(s)), b.link(i), "the link travels with its state");
      }
    }
    assertEquals(all.size(), seen.size());
    StateBlock back = StateBlock.concat(W, true, parts.iterator());
    assertEquals(all.size(), back.size());
    assertEquals(-1, back.indexOf(new long[] {-1, -1}));
  }

  @Test
  void sparksKryoSpillsAndReadsBackASeenSet() {
    StateTable t = new StateTable(W, 4);
    for (long k = 0; k < 100; k++) {
      t.offer(new long[] {k, k * k}, 0, new long[] {0, 0}, 0, 0);
    }
    SeenSet s = SeenSet.of(W, t.toBlock());
    org.apache.spark.serializer.SerializerInstance kryo = new org.apache.spark.serializer.KryoSerializer(
        SparkCluster.configure(new org.apache.spark.SparkConf())).newInstance();
    scala.reflect.ClassTag<SeenSet> tag = scala.reflect.ClassTag$.MODULE$.apply(SeenSet.class);
    SeenSet back = kryo.deserialize(kryo.serialize(s, tag), tag);
    assertEquals(100, back.size());
    assertTrue(back.contains(new long[] {99, 99 * 99}, 0));
    assertFalse(back.contains(new long[] {99, 0}, 0));
  }

  @Test
  void kryoWritesABlockWhole() {
    Kryo kryo = new Kryo();
    new StateKryo().registerClasses(kryo);
    StateBlock.Builder level = new StateBlock.Builder(W, 1, true, true);
    level.add(new long[] {Long.MIN_VALUE, 3}, 0, new long[] {4, -5}, 0, 300, true);
    level.add(new long[] {6, 7}, 0, new long[] {8, 9}, 0, 0, false);
    StateBlock.Builder start = new StateBlock.Builder(W, 1, false, true);
    start.add(new long[] {1, 2}, 0, null, 0, 2, false);
    Output out = new Output(1024);
    kryo.writeObject(out, level.build());
    kryo.writeObject(out, start.build());
    Input in = new Input(out.toBytes());
    StateBlock l = kryo.readObject(in, StateBlock.class);
    StateBlock s = kryo.readObject(in, StateBlock.class);
    assertEquals(2, l.size());
    assertArrayEquals(new long[] {Long.MIN_VALUE, 3}, l.state(0));
    assertEquals(new Node(new PackedState(new long[] {4, -5}), 300, true), l.link(0));
    assertEquals(new Node(new PackedState(new long[] {8, 9}), 0, false), l.link(1));
    assertArrayEquals(new long[] {1, 2}, s.state(0));
    assertNull(s.link(0).parent());
    assertEquals(2, s.link(0).rule());
  }
}
