package io.github.wandbjdbc.calcite.pgcatalog;

import java.io.Reader;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.util.SourceStringReader;

/**
 * Calcite's Babel parser, whose statements are then mended where Babel reads PostgreSQL differently
 * ({@link PgTreeRewrite}) and name their unnamed result columns as PostgreSQL does ({@link
 * PgColumnNames}): clients read catalog answers by column name.
 */
public final class PgParser extends SqlBabelParserImpl {
  public static final SqlParserImplFactory FACTORY =
      reader -> {
        PgParser parser = new PgParser(reader);
        if (reader instanceof SourceStringReader source) {
          parser.setOriginalSql(source.getSourceString());
        }
        return parser;
      };

  private PgParser(Reader reader) {
    super(reader);
  }

  @Override
  public SqlNode parseSqlStmtEof() throws Exception {
    return PgTreeRewrite.rewrite(PgColumnNames.name(super.parseSqlStmtEof()));
  }
}
