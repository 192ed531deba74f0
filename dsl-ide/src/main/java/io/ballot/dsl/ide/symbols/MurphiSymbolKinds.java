package io.ballot.dsl.ide.symbols;

import io.ballot.dsl.murphi.MurphiPackage;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;

/** The outline's symbol kinds: constants, variables, types, enum values, fields, functions, rules,
 * networks and their message kinds. */
public class MurphiSymbolKinds extends DocumentSymbolMapper.DocumentSymbolKindProvider {

  @Override
  protected SymbolKind getSymbolKind(EClass c) {
    MurphiPackage p = MurphiPackage.eINSTANCE;
    if (c == null) {
      return SymbolKind.Property;
    }
    if (c == p.getConstName()) {
      return SymbolKind.Constant;
    }
    if (c == p.getVarName() || c == p.getAliasDecl()) {
      return SymbolKind.Variable;
    }
    if (c == p.getTypeName()) {
      return SymbolKind.Class;
    }
    if (c == p.getEnumLiteral()) {
      return SymbolKind.EnumMember;
    }
    if (c == p.getField()) {
      return SymbolKind.Field;
    }
    if (c == p.getProcDecl()) {
      return SymbolKind.Function;
    }
    if (c == p.getParam() || c == p.getQuantifier() || c == p.getMultisetQuantifier()) {
      return SymbolKind.TypeParameter;
    }
    if (c == p.getNetworkDecl()) {
      return SymbolKind.Interface;
    }
    if (c == p.getMsgDecl()) {
      return SymbolKind.Struct;
    }
    if (c == p.getMsgField()) {
      return SymbolKind.Field;
    }
    if (c == p.getMsgBinder()) {
      return SymbolKind.TypeParameter;
    }
    if (p.getRule().isSuperTypeOf(c)) {
      return SymbolKind.Event;
    }
    return SymbolKind.Property;
  }
}
