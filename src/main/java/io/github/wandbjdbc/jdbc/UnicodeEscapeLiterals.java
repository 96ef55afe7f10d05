package io.github.wandbjdbc.jdbc;

import java.util.List;
import java.util.function.BiConsumer;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.util.ConversionUtil;
import org.apache.calcite.util.NlsString;

/**
 * Gives {@code U&'…'} literals the default character set, as SQL says they have. Calcite's parser
 * tags them UTF-16 (its own shortcut), and then refuses to compare them with any column ("strings
 * with different charsets"). The text itself is the same in any Unicode character set.
 */
final class UnicodeEscapeLiterals {
  private UnicodeEscapeLiterals() {}

  /** Replaces, in place, every UTF-16 character literal of a parsed statement. */
  static void retag(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      retagEach(list, list::set);
    } else if (node instanceof SqlCall call) {
      retagEach(call.getOperandList(), call::setOperand);
    }
  }

  /** Replaces with {@code replace} each UTF-16 literal of {@code children}, by its index. */
  private static void retagEach(List<SqlNode> children, BiConsumer<Integer, SqlNode> replace) {
    for (int i = 0; i < children.size(); i++) {
      SqlNode child = children.get(i);
      if (isUtf16(child)) {
        replace.accept(i, inDefaultCharset((SqlLiteral) child));
      } else {
        retag(child);
      }
    }
  }

  private static boolean isUtf16(SqlNode node) {
    return node instanceof SqlCharStringLiteral literal
        && literal.getValueAs(NlsString.class).getCharset() != null
        && literal
            .getValueAs(NlsString.class)
            .getCharset()
            .name()
            .equals(ConversionUtil.NATIVE_UTF16_CHARSET_NAME);
  }

  private static SqlLiteral inDefaultCharset(SqlLiteral literal) {
    return SqlLiteral.createCharString(
        literal.getValueAs(String.class), literal.getParserPosition());
  }
}
