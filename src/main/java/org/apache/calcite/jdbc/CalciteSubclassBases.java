package org.apache.calcite.jdbc;

import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;

/**
 * Public bases for wandb-jdbc's connection and metadata classes (package
 * {@code io.github.wandbjdbc.jdbc}). Calcite 1.42 keeps {@code CalciteConnectionImpl}
 * package-private, so code in another package can neither extend the connection nor call
 * {@link CalciteMetaImpl}'s protected constructor, which takes that type. These two classes only
 * pass constructor arguments through; they are the driver's only code in Calcite's package.
 */
public final class CalciteSubclassBases {
  private CalciteSubclassBases() {}

  /** A Calcite connection that a driver outside this package can extend. */
  public abstract static class ConnectionBase extends CalciteConnectionImpl {
    protected ConnectionBase(Driver driver, AvaticaFactory factory, String url, Properties info,
        CalciteSchema rootSchema) {
      super(driver, factory, url, info, rootSchema, null);
    }
  }

  /** Calcite's metadata, built for a connection typed as the public {@link AvaticaConnection}. */
  public abstract static class MetaBase extends CalciteMetaImpl {
    protected MetaBase(AvaticaConnection connection, CalciteMetaColumnFactory columnFactory) {
      super((CalciteConnectionImpl) connection, CalciteMetaTableFactoryImpl.INSTANCE,
          columnFactory);
    }
  }
}
