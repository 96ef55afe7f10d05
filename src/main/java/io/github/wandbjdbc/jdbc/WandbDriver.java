package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.calcite.EntitySchema;
import io.github.wandbjdbc.calcite.pgcatalog.PgCatalog;
import io.github.wandbjdbc.client.WandbClient;
import io.github.wandbjdbc.client.WandbException;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;

/**
 * The {@code jdbc:wandb:} driver: a Calcite connection whose root schema is one W&B entity, with
 * one schema per project. Only our own settings reach Calcite, so no user URL can load classes.
 */
public class WandbDriver extends Driver {
  static {
    CompiledCodeCache.enableUnlessConfigured();
    UnicodeCharset.useUnlessConfigured();
    new WandbDriver().register();
    CalciteDriverRegistration.withdraw();
  }

  private final ConnectionConfigParser parser;

  public WandbDriver() {
    this(ConnectionConfigParser.fromEnvironment());
  }

  WandbDriver(ConnectionConfigParser parser) {
    this.parser = parser;
  }

  @Override
  protected String getConnectStringPrefix() {
    return ConnectionConfig.URL_PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return DriverVersion.load(
        WandbDriver.class,
        "io/github/wandbjdbc/jdbc/driver.properties",
        "wandb-jdbc",
        "unknown",
        "Weights & Biases",
        "unknown");
  }

  /**
   * Calcite's factory with result sets that map W&B failures and report real column sizes ({@link
   * WandbJdbcFactory}).
   */
  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return WandbJdbcFactory.class.getName();
  }

  /** Metadata as DBeaver and BI tools need it; see {@link WandbMeta}. */
  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return new WandbMeta((WandbConnection) connection);
  }

  /**
   * Calcite's preparation, refusing statements that would modify data; see {@link ReadOnlyPrepare}.
   */
  @Override
  public CalcitePrepare createPrepare() {
    return new ReadOnlyPrepare();
  }

  @Override
  protected Handler createHandler() {
    return new WandbConnectionHandler(super.createHandler());
  }

  /** Our keys (not Calcite's, which connect() refuses); a secret's value is never echoed. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    WandbConnectionProperty[] properties = WandbConnectionProperty.values();
    DriverPropertyInfo[] result = new DriverPropertyInfo[properties.length];
    for (int i = 0; i < properties.length; i++) {
      WandbConnectionProperty property = properties[i];
      String given = info == null ? null : info.getProperty(property.key());
      DriverPropertyInfo item =
          new DriverPropertyInfo(
              property.key(),
              property.secret() ? null : given != null ? given : property.defaultValue());
      item.description = property.description();
      if (property.type() == WandbConnectionProperty.Type.BOOLEAN) {
        item.choices = new String[] {"true", "false"};
      }
      result[i] = item;
    }
    return result;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null; // JDBC: another driver's URL
    }
    ConnectionConfig config = parser.parse(url, info);
    WandbClient client;
    try {
      client = new WandbClient(config.clientSettings(), config.historyCache());
    } catch (IllegalArgumentException e) {
      throw new SQLNonTransientConnectionException(e.getMessage(), "08001", e);
    }
    try {
      String entity = EntityResolver.resolve(client, config);
      EntitySchema entitySchema =
          new EntitySchema(client, entity, config.appUrl(), config.adapterSettings());
      CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", entitySchema);
      if (config.dialect() == SqlDialect.POSTGRESQL) {
        PgCatalog.install(root.plus());
      }
      AvaticaConnection connection =
          new WandbConnection(
              this,
              factory,
              config.displayUrl(),
              calciteProperties(config),
              root,
              config.clientSettings(),
              config.maxRequests(),
              config.dialect());
      handler.onConnectionInit(connection);
      if (config.project() != null) {
        connection.setSchema(config.project());
      }
      return connection;
    } catch (WandbException e) {
      client.close();
      throw WandbErrors.atConnect(e, config);
    } catch (SQLException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /** Identifier rules a DBeaver or BI user expects: double quotes, case-insensitive names. */
  private static Properties calciteProperties(ConnectionConfig config) {
    Properties properties = new Properties();
    properties.setProperty("caseSensitive", "false");
    properties.setProperty("quoting", "DOUBLE_QUOTE");
    properties.setProperty("unquotedCasing", "UNCHANGED");
    properties.setProperty("quotedCasing", "UNCHANGED");
    // Timestamps are UTC instants; JDBC getTimestamp() then returns the instant W&B recorded.
    properties.setProperty("timeZone", "UTC");
    if (config.dialect() == SqlDialect.POSTGRESQL) {
      PgCatalog.parserProperties(properties);
    }
    return properties;
  }
}
