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
