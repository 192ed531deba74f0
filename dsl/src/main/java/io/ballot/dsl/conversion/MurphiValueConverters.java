package io.ballot.dsl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractNullSafeConverter;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Terminal values as Rumur reads them: a string loses its delimiters ({@code "..."} or the typographic
 * {@code “...”}) and keeps its content verbatim, backslashes included (Rumur does not unescape).
 */
public class MurphiValueConverters extends DefaultTerminalConverters {

  private static final IValueConverter<String> STRING_CONVERTER =
      new AbstractNullSafeConverter<>() {
        @Override
        protected String internalToValue(String string, INode node) throws ValueConverterException {
          int start = string.startsWith("“") ? 1 : string.startsWith("\"") ? 1 : 0;
          int end = string.length() - (string.endsWith("”") || string.endsWith("\"") ? 1 : 0);
          if (start == 0 || end < start) {
            throw new ValueConverterException("string literal is not closed", node, null);
          }
          return string.substring(start, end);
        }

        @Override
        protected String internalToString(String value) {
          return "\"" + value + "\"";
        }
      };

  @Override
  @ValueConverter(rule = "STRING")
  public IValueConverter<String> STRING() {
    return STRING_CONVERTER;
  }
}
