package io.ballot.cli.fuzz;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/** A mutated model: the seed it was made from, the model it was made of, how, and its bytes. */
record Mutant(long seed, String model, Mutation mutation, byte[] bytes) {

  /** The text as ballot reads it: UTF-8 when the bytes are UTF-8, else Latin-1. */
  String text() {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** E.g. {@code seed 123 (DEEP_IFS of 193.m)}. */
  String describe() {
    return "seed " + seed + " (" + mutation + " of " + model + ")";
  }
}
