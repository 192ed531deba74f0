package io.ballot.cluster;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers the cluster's records with Spark's Kryo serialiser, each written in its packed form: a state as its word
 * count and words, a parent link as its parent state (or none), rule and flag. No class names cross the network.
 */
public final class StateKryo implements KryoRegistrator {

  @Override
  public void registerClasses(Kryo kryo) {
    kryo.register(PackedState.class, new StateSerializer());
    kryo.register(Node.class, new NodeSerializer());
    kryo.register(StateBlock.class, new BlockSerializer());
    kryo.register(SeenSet.class);
  }

  private static long[] trim(long[] a, int n) {
    return a.length == n ? a : java.util.Arrays.copyOf(a, n);
  }

  /** A block as its sizes, flags of what it holds, and its arrays, written whole. */
  static final class BlockSerializer extends Serializer<StateBlock> {
    @Override
    public void write(Kryo kryo, Output out, StateBlock b) {
      out.writeVarInt(b.words, true);
      out.writeVarInt(b.size, true);
      out.writeByte((b.parents == null ? 0 : 1) | (b.blocked == null ? 0 : 2));
      out.writeLongs(trim(b.states, b.size * b.words));
      if (b.parents != null) {
        out.writeLongs(trim(b.parents, b.size * b.words));
      }
      out.writeInts(b.size == b.rules.length ? b.rules : java.util.Arrays.copyOf(b.rules, b.size), true);
      if (b.blocked != null) {
        for (int i = 0; i < b.size; i++) {
          out.writeBoolean(b.blocked[i]);
        }
      }
    }

    @Override
    public StateBlock read(Kryo kryo, Input in, Class<StateBlock> type) {
      int words = in.readVarInt(true);
      int size = in.readVarInt(true);
      int flags = in.readByte();
      long[] states = in.readLongs(size * words);
      long[] parents = (flags & 1) != 0 ? in.readLongs(size * words) : null;
      int[] rules = in.readInts(size, true);
      boolean[] blocked = null;
      if ((flags & 2) != 0) {
        blocked = new boolean[size];
        for (int i = 0; i < size; i++) {
          blocked[i] = in.readBoolean();
        }
      }
      return new StateBlock(words, size, states, parents, rules, blocked);
    }
  }

  static final class StateSerializer extends Serializer<PackedState> {
    @Override
    public void write(Kryo kryo, Output out, PackedState s) {
      long[] w = s.wordsUnsafe();
      out.writeVarInt(w.length, true);
      out.writeLongs(w);
    }

    @Override
    public PackedState read(Kryo kryo, Input in, Class<PackedState> type) {
      int n = in.readVarInt(true);
      return new PackedState(in.readLongs(n));
    }
  }

  static final class NodeSerializer extends Serializer<Node> {
    private final StateSerializer states = new StateSerializer();

    @Override
    public void write(Kryo kryo, Output out, Node n) {
      out.writeVarInt(n.rule() + 1, true); // a start state's index is ≥ 0; the + 1 leaves room for nothing else
      out.writeByte((n.parent() == null ? 0 : 1) | (n.blocked() ? 2 : 0));
      if (n.parent() != null) {
        states.write(kryo, out, n.parent());
      }
    }

    @Override
    public Node read(Kryo kryo, Input in, Class<Node> type) {
      int rule = in.readVarInt(true) - 1;
      int flags = in.readByte();
      PackedState parent = (flags & 1) != 0 ? states.read(kryo, in, PackedState.class) : null;
      return new Node(parent, rule, (flags & 2) != 0);
    }
  }
}
