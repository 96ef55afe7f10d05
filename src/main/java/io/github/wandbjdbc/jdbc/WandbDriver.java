package io.github.wandbjdbc.jdbc;

import io.github.wandbjdbc.calcite.EntitySchema;
import io.github.wandbjdbc.client.WandbClient;
import io.github.wandbjdbc.client.WandbException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.jdbc.CalciteFactory;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;

/**
 * The {@code jdbc:wandb:} driver: a Calcite connection whose root schema is one W&B entity, with
 * one schema per project. Only our own settings reach Calcite, so no user URL can load classes.
 */
public class WandbDriver extends Driver {
  static {
    new WandbDriver().register();
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
    return DriverVersion.load(WandbDriver.class, "io/github/wandbjdbc/jdbc/driver.properties",
        "wandb-jdbc", "unknown", "Weights & Biases", "unknown");
  }

  @Override
  protected Handler createHandler() {
    return new WandbConnectionHandler(super.createHandler());
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
    WandbClient client = new WandbClient(config.clientSettings());
    try {
      String entity = EntityResolver.resolve(client, config);
      EntitySchema entitySchema =
          new EntitySchema(client, entity, config.appUrl(), config.adapterSettings());
      CalciteSchema root = CalciteSchema.createRootSchema(true, false, "", entitySchema);
      AvaticaConnection connection = ((CalciteFactory) factory).newConnection(
          this, factory, config.displayUrl(), calciteProperties(config), root, null);
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
    return properties;
  }
}
