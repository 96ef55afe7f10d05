package io.github.wandbjdbc.calcite.pgcatalog;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the PostgreSQL spellings Calcite's Babel parser does not read into ones it does, outside
 * literals, quoted names and comments:
 *
 * <ul>
 *   <li>{@code OPERATOR(pg_catalog.~)} becomes {@code ~};
 *   <li>{@code COLLATE pg_catalog.default} (and any other collation) goes: comparisons here are by
 *       code point;
 *   <li>{@code 'name'::regclass} (also regtype, regnamespace) becomes {@code regclass('name')}, the
 *       lookup of the name's OID;
 *   <li>{@code AS default} (a column label PostgreSQL allows) is quoted;
 *   <li>{@code current_schema} and {@code current_schema()} call {@link
 *       PgValueFunctions#pg_current_schema}: Calcite's own CURRENT_SCHEMA has no implementation;
 *   <li>{@code unnest(array) alias} in a FROM clause names its column as the alias, as PostgreSQL
 *       does: {@code UNNEST(array) AS alias(alias)}; in a select list it is renamed for {@link
 *       SetReturningItems};
 *   <li>{@code substring(x FOR n)} gets PostgreSQL's implicit {@code FROM 1};
 *   <li>a leading {@code EXPLAIN} becomes Calcite's {@code EXPLAIN PLAN FOR}.
 * </ul>
 */
final class PgSyntax {
  private static final Pattern OPERATOR =
      Pattern.compile(
          "(?i)OPERATOR\\s*\\(\\s*(?:pg_catalog\\s*\\.\\s*)?([~!<>=*+\\-/|&^#@%]+)\\s*\\)");
  private static final Pattern COLLATE =
      Pattern.compile(
          "(?i)\\s*COLLATE\\s+(?:(?:pg_catalog|\"pg_catalog\")\\s*\\.\\s*)?(?:\"[^\"]*\"|\\w+)");
  private static final Pattern NAME_CAST =
      Pattern.compile(
          "(?i)\\s*::\\s*(?:pg_catalog\\s*\\.\\s*)?(regclass|regtype|regnamespace|regproc)\\b");

  /**
   * The catalog's vector columns (int2vector, oidvector) cast to text, as psql and SQLAlchemy do.
   */
  private static final Pattern VECTOR_TEXT =
      Pattern.compile(
          "(?i)((?:[a-z_][a-z0-9_]*\\.)?(?:indkey|indoption|indclass|indcollation|proargtypes|stxkeys|partattrs|tgattr))\\s*::\\s*(?:pg_catalog\\s*\\.\\s*)?(?:varchar|text)\\b");

  private static final Pattern ARRAY_CAST =
      Pattern.compile("(?i)\\s*::\\s*((?:pg_catalog\\s*\\.\\s*)?[a-z_][a-z0-9_]*)\\s*\\[\\s*\\]");
  private static final Pattern BOOLEAN_TEXT =
      Pattern.compile(
          "(?i)((?:[a-z_][a-z0-9_]*\\.)?([a-z_][a-z0-9_]*)\\s*(?:=|<>|!=)\\s*)'(t|f|true|false)'");
  private static final Pattern SUBSTRING = Pattern.compile("(?i)substring\\s*\\(");
  private static final Pattern DEFAULT_LABEL = Pattern.compile("(?i)AS(\\s+)DEFAULT\\b");
  private static final Pattern CURRENT_SCHEMA =
      Pattern.compile("(?i)(?:pg_catalog\\s*\\.\\s*)?current_schema\\b(?:\\s*\\(\\s*\\))?");
  private static final Pattern UNNEST_ALIAS =
      Pattern.compile(
          "(?i)(?:pg_catalog\\s*\\.\\s*)?unnest\\s*(\\((?:[^()']|\\([^()']*\\))*\\))\\s+(?:AS\\s+)?([a-z_][a-z0-9_]*)\\b(?!\\s*\\()");
  private static final Pattern BARE_UNNEST =
      Pattern.compile(
          "(?i)(?:pg_catalog\\s*\\.\\s*)?unnest\\s*(\\((?:[^()']|\\([^()']*\\))*\\))(?=\\s*(?:$|[),;]|(?:where|join|left|right|inner|full|cross|group|order|limit|union|on)\\b))");
  private static final Pattern SRF_UNNEST =
      Pattern.compile("(?i)(?:pg_catalog\\s*\\.\\s*)?unnest(?=\\s*\\()");
  private static final Pattern EXPLAIN =
      Pattern.compile("(?is)^(\\s*)EXPLAIN(\\s+(?:VERBOSE\\s+)?)(?=SELECT|WITH|VALUES|\\()");

  private PgSyntax() {}

  static String rewrite(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    ClauseTracker clause = new ClauseTracker();
    Set<Integer> bareFors = substringForsWithoutFrom(sql);
    int i = 0;
    while (i < sql.length()) {
      if (bareFors.contains(i)) {
        out.append("FROM 1 ");
      }
      int end = skipQuoted(sql, i);
      if (end > i) {
        String quoted = sql.substring(i, end);
        Matcher cast = NAME_CAST.matcher(sql).region(end, sql.length());
        Matcher arrayCast = ARRAY_CAST.matcher(sql).region(end, sql.length());
        boolean literal = sql.charAt(i) == '\'' || sql.charAt(i) == '$';
        if (literal && arrayCast.lookingAt()) {
          out.append("pg_text_array(").append(quoted).append(')');
          i = arrayCast.end();
        } else if (literal && cast.lookingAt()) {
          out.append(cast.group(1).toLowerCase(Locale.ROOT)).append('(').append(quoted).append(')');
          i = cast.end();
        } else {
          out.append(quoted);
          i = end;
        }
        continue;
      }
      clause.read(sql, i);
      int next = rewriteAt(sql, i, out, clause);
      if (next > i) {
        i = next;
      } else {
        out.append(sql.charAt(i++));
      }
    }
    return EXPLAIN.matcher(out).replaceFirst("$1EXPLAIN PLAN FOR ");
  }

  /**
   * Writes the rewrite of what starts at {@code i} and returns where the text goes on; {@code i}
   * when nothing there is rewritten. Only a word, a {@code ::} or a blank can start one, so most
   * positions cost one test.
   */
  private static int rewriteAt(String sql, int i, StringBuilder out, ClauseTracker clause) {
    char c = sql.charAt(i);
    if (c == ':') {
      Matcher arrayCast = ARRAY_CAST.matcher(sql).region(i, sql.length());
      if (arrayCast.lookingAt()) {
        out.append("::").append(arrayCast.group(1)).append(" ARRAY");
        return arrayCast.end();
      }
      return i;
    }
    boolean word = Character.isLetter(c) && startsWord(sql, i);
    if (!word && !Character.isWhitespace(c)) {
      return i;
    }
    if (word) {
      int next = rewriteWord(sql, i, out, clause);
      if (next > i) {
        return next;
      }
    }
    Matcher collate = COLLATE.matcher(sql).region(i, sql.length());
    return startsWord(sql, i) && collate.lookingAt() ? collate.end() : i;
  }

  private static int rewriteWord(String sql, int i, StringBuilder out, ClauseTracker clause) {
    Matcher booleanText = BOOLEAN_TEXT.matcher(sql).region(i, sql.length());
    if (booleanText.lookingAt()
        && PgCatalog.booleanColumns().contains(booleanText.group(2).toLowerCase(Locale.ROOT))) {
      out.append(booleanText.group(1))
          .append(booleanText.group(3).toLowerCase(Locale.ROOT).startsWith("t") ? "TRUE" : "FALSE");
      return booleanText.end();
    }
    Matcher vector = VECTOR_TEXT.matcher(sql).region(i, sql.length());
    if (vector.lookingAt()) {
      out.append("pg_vector_text(").append(vector.group(1)).append(')');
      return vector.end();
    }
    Matcher operator = OPERATOR.matcher(sql).region(i, sql.length());
    if (operator.lookingAt()) {
      out.append(operator.group(1));
      return operator.end();
    }
    Matcher label = DEFAULT_LABEL.matcher(sql).region(i, sql.length());
    if (label.lookingAt()) {
      out.append("AS").append(label.group(1)).append("\"default\"");
      return label.end();
    }
    Matcher schema = CURRENT_SCHEMA.matcher(sql).region(i, sql.length());
    if (schema.lookingAt()) {
      out.append("pg_current_schema()");
      return schema.end();
    }
    if (clause.inSelectList()) {
      Matcher srfUnnest = SRF_UNNEST.matcher(sql).region(i, sql.length());
      if (srfUnnest.lookingAt()) {
        out.append(SetReturningItems.UNNEST_ITEM);
        return srfUnnest.end();
      }
      return i;
    }
    Matcher bareUnnest = BARE_UNNEST.matcher(sql).region(i, sql.length());
    if (bareUnnest.lookingAt()) {
      // no alias: PostgreSQL names the table and its column after the function
      out.append("UNNEST").append(bareUnnest.group(1)).append(" AS \"unnest\"(\"unnest\")");
      return bareUnnest.end();
    }
    Matcher unnest = UNNEST_ALIAS.matcher(sql).region(i, sql.length());
    if (unnest.lookingAt() && !isKeyword(unnest.group(2))) {
      out.append("UNNEST").append(unnest.group(1)).append(" AS ").append(unnest.group(2));
      out.append('(').append(unnest.group(2)).append(')');
      return unnest.end();
    }
    return i;
  }

  /**
   * Where a {@code substring(x FOR n)} without FROM has its FOR: PostgreSQL reads it as FROM 1,
   * Calcite's parser not at all.
   */
  private static Set<Integer> substringForsWithoutFrom(String sql) {
    Set<Integer> positions = new HashSet<>();
    Matcher call = SUBSTRING.matcher(sql);
    int i = 0;
    while (i < sql.length()) {
      int end = skipQuoted(sql, i);
      if (end > i) {
        i = end;
      } else if (startsWord(sql, i) && call.region(i, sql.length()).lookingAt()) {
        int depth = 1;
        int forAt = -1;
        boolean from = false;
        int j = call.end();
        while (j < sql.length() && depth > 0) {
          int quoted = skipQuoted(sql, j);
          if (quoted > j) {
            j = quoted;
            continue;
          }
          char c = sql.charAt(j);
          depth += c == '(' ? 1 : c == ')' ? -1 : 0;
          if (depth == 1
              && startsWord(sql, j)
              && sql.regionMatches(true, j, "for", 0, 3)
              && (j + 3 == sql.length() || !isWordChar(sql.charAt(j + 3)))) {
            forAt = j;
          } else if (depth == 1
              && startsWord(sql, j)
              && sql.regionMatches(true, j, "from", 0, 4)
              && (j + 4 == sql.length() || !isWordChar(sql.charAt(j + 4)))) {
            from = true;
          }
          j++;
        }
        if (forAt >= 0 && !from) {
          positions.add(forAt);
        }
        i = call.end();
      } else {
        i++;
      }
    }
    return positions;
  }

  /**
   * The end of the string literal, quoted name, dollar-quoted string or comment starting at {@code
   * i}; {@code i} when none starts there.
   */
  private static int skipQuoted(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"') {
      boolean backslashes =
          c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
      int j = i + 1;
      while (j < sql.length()) {
        char d = sql.charAt(j);
        if (backslashes && d == '\\') {
          j += 2;
        } else if (d == c) {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
            j += 2;
          } else {
            return j + 1;
          }
        } else {
          j++;
        }
      }
      return sql.length();
    }
    if (sql.startsWith("--", i)) {
      int eol = sql.indexOf('\n', i);
      return eol < 0 ? sql.length() : eol + 1;
    }
    if (sql.startsWith("/*", i)) {
      int close = sql.indexOf("*/", i + 2);
      return close < 0 ? sql.length() : close + 2;
    }
    if (c == '$') {
      Matcher tag =
          Pattern.compile("\\$(?:[A-Za-z_][A-Za-z_0-9]*)?\\$").matcher(sql).region(i, sql.length());
      if (tag.lookingAt() && startsWord(sql, i)) {
        int close = sql.indexOf(tag.group(), tag.end());
        return close < 0 ? sql.length() : close + tag.group().length();
      }
    }
    return i;
  }

  /** A word after {@code unnest(...)} that continues the query rather than naming it. */
  private static boolean isKeyword(String word) {
    return word.matches(
        "(?i)on|where|join|left|right|inner|full|cross|natural|group|order|limit|offset|union"
            + "|with|as|and|or|from|having|window|except|intersect|using|lateral|fetch");
  }

  /** Whether no word goes on through {@code i}: a word may start there. */
  static boolean startsWord(String sql, int i) {
    return i == 0 || !isWordChar(sql.charAt(i - 1));
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
