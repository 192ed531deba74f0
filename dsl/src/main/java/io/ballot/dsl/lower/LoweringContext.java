package io.ballot.dsl.lower;

import io.ballot.checker.ir.AliasBinding;
import io.ballot.checker.ir.Local;
import io.ballot.dsl.murphi.Named;
import java.util.Map;

/**
 * What all the sub-lowerers of one {@link Lowering} share: where source nodes are, where problems are reported, the
 * type rules, whether integers are unsigned, and what each declaration has become so far.
 *
 * @param locations source positions of syntax nodes
 * @param problems the diagnostics reported so far
 * @param typeRules type compatibility and the names types are described by
 * @param unsignedValues the model's integers are unsigned 64-bit ({@link UnsignedValues}); otherwise signed 64-bit
 * @param bindings what each declaration became: Variable, Local, ConstantDecl, Type (type names), Function, Network,
 *     AliasBinding, or a Literal (enum constants)
 * @param aliases the binding each alias local came from (for read-only checks through aliases)
 */
record LoweringContext(
    Locations locations,
    Problems problems,
    TypeRules typeRules,
    boolean unsignedValues,
    Map<Named, Object> bindings,
    Map<Local, AliasBinding> aliases) {}
