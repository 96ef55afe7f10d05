"""W&B runs and a run's history as pandas DataFrames, through the wandb-jdbc driver jar.

    python3 sql-examples/python/runs_to_pandas.py target/wandb-jdbc-<version>-driver.jar JDBC_URL

JDBC_URL is e.g. "jdbc:wandb:entity=my-team;project=my-project" (the API key comes from the
WANDB_API_KEY environment variable or ~/.netrc, as for every JDBC client). Needs Debian's
python3-jpype and python3-pandas. Prints each frame's dtypes and the frame as CSV.
"""

import sys
import warnings

import jpype
import jpype.dbapi2
import pandas

JPYPE_JAR = "/usr/share/java/org.jpype.jar"  # JPype's own Java half, from python3-jpype

RUNS_SQL = """
SELECT run_id, state, created_at, heartbeat_at, history_line_count,
       "summary._step", "summary.loss", "summary.min_log_prob", "config.use_amp"
FROM runs
ORDER BY created_at, run_id
"""

HISTORY_SQL = """
SELECT _step, _timestamp, _runtime, loss
FROM histories
WHERE run_id = ?
ORDER BY _step
"""


def connect(driver_jar, url):
    # JPype turns a java.sql.Timestamp into a datetime in the JVM's time zone; the driver's
    # timestamps are UTC, so the JVM runs in UTC and the DataFrame holds UTC wall-clock times.
    jpype.startJVM("-Duser.timezone=UTC", classpath=[driver_jar, JPYPE_JAR])
    return jpype.dbapi2.connect(url)


def read_sql(sql, connection, params=None):
    # pandas warns that it tests only SQLAlchemy and sqlite3 connections; JPype's DB-API works.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return pandas.read_sql(sql, connection, params=params)


def show(title, frame):
    print(f"# {title} ({len(frame)} rows)")
    print("# dtypes: " + ", ".join(f"{name}={dtype}" for name, dtype in frame.dtypes.items()))
    # NaN is what pandas holds for a NULL and for a NaN alike.
    print(frame.to_csv(index=False, na_rep="NaN"), end="")


def main(driver_jar, url):
    connection = connect(driver_jar, url)
    try:
        runs = read_sql(RUNS_SQL, connection)
        show("runs", runs)
        logged = runs[runs["history_line_count"] > 0]
        if not logged.empty:
            run_id = logged["run_id"].iloc[0]
            show(f"history of run {run_id}", read_sql(HISTORY_SQL, connection, params=[run_id]))
    finally:
        connection.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
