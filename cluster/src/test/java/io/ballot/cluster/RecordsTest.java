package io.ballot.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster's records without Spark running: retried partitions, least parent links, Kryo's packed form. */
class RecordsTest {

  @Test
  void aRetriedPartitionIsCountedOnce() {
    StatsAccumulator acc = new StatsAccumulator();
    for (int attempt = 0; attempt < 3; attempt++) { // the same partition reported by three attempts
      PartStats s = new PartStats(7, 2, 1, 1);
      s.rulesFired = 10;
      s.ruleFires[1] = 10;
      acc.add(s);
    }
    PartStats other = new PartStats(8, 2, 1, 1);
    other.rulesFired = 5;
    StatsAccumulator merged = new StatsAccumulator();
    merged.merge(acc);
    merged.merge(acc);
    merged.add(other);
    assertEquals(2, merged.value().size());
    assertEquals(15, merged.value().values().stream().mapToLong(p -> p.rulesFired).sum());
  }

  @Test
  void theLeastParentLinkDoesNotDependOnTheOrder() {
    Node a = new Node(new PackedState(new long[] {1, 2}), 5, false);
    Node b = new Node(new PackedState(new long[] {1, 3}), 0, false);
    Node c = new Node(new PackedState(new long[] {1, 2}), 4, false);
    Node start = new Node(null, 2, false);
    assertSame(c, Node.least(Node.least(a, b), c));
    assertSame(c, Node.least(c, Node.least(b, a)));
    assertSame(start, Node.least(a, start));
    assertSame(start, Node.least(start, a));
  }

  @Test
  void aViolationKeepsOnlyTheLeastOnesOfAPartition() {
    PartStats s = new PartStats(0, 1, 1, 2);
    for (int i = 40; i > 0; i--) {
      s.found(Found.of(io.ballot.checker.result.ViolationKind.DEADLOCK, "deadlock", null, "deadlock",
          new PackedState(new long[] {i}), 3, -1, -1));
    }
    s.trim();
    assertEquals(List.of(1L, 2L), s.found.stream().map(f -> f.at().words()[0]).toList());
  }

  @Test
  void kryoWritesStatesAndLinksInTheirPackedForm() {
    Kryo kryo = new Kryo();
    new StateKryo().registerClasses(kryo);
    PackedState s = new PackedState(new long[] {-1L, 42L, Long.MIN_VALUE});
    Node n = new Node(new PackedState(new long[] {3L}), 17, true);
    Node start = new Node(null, 0, false);
    Output out = new Output(1024);
    kryo.writeObject(out, s);
    kryo.writeObject(out, n);
    kryo.writeObject(out, start);
    Input in = new Input(out.toBytes());
    assertEquals(s, kryo.readObject(in, PackedState.class));
    assertEquals(n, kryo.readObject(in, Node.class));
    Node back = kryo.readObject(in, Node.class);
    assertEquals(start, back);
    assertNull(back.parent());
  }
}
