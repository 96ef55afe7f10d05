"""psycopg2, SQLAlchemy's inspector, pandas.read_sql and read_sql_table against the endpoint.

    PGPASSWORD=<W&B API key> python3 psycopg2_sqlalchemy.py PORT DATABASE

Prints one JSON object with what each client read; PgPythonClientsTest compares it with JDBC.
"""

import json
import os
import sys

import pandas
import psycopg2
import sqlalchemy

port, database = int(sys.argv[1]), sys.argv[2]
password = os.environ["PGPASSWORD"]
result = {}

with psycopg2.connect(
    host="127.0.0.1", port=port, dbname=database, user="wandb", password=password
) as connection:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT run_id, state FROM runs WHERE state = %s ORDER BY run_id", ("finished",)
        )
        result["psycopg2_rows"] = [list(row) for row in cursor.fetchall()]
        try:
            cursor.execute("SELECT nope FROM runs")
        except psycopg2.Error as error:
            result["psycopg2_error"] = error.pgcode
    connection.rollback()

url = sqlalchemy.engine.URL.create(
    "postgresql+psycopg2",
    username="wandb",
    password=password,
    host="127.0.0.1",
    port=port,
    database=database,
)
engine = sqlalchemy.create_engine(url)
inspector = sqlalchemy.inspect(engine)
result["schemas"] = inspector.get_schema_names()
result["tables"] = inspector.get_table_names(schema="demo")
result["columns"] = [
    [column["name"], str(column["type"]), column["nullable"]]
    for column in inspector.get_columns("runs", schema="demo")
]
result["has_table"] = [
    inspector.has_table("runs", schema="demo"),
    inspector.has_table("runs"),
    inspector.has_table("nope", schema="demo"),
]
result["primary_key"] = inspector.get_pk_constraint("histories", schema="demo")
result["indexes"] = inspector.get_indexes("histories", schema="demo")
result["foreign_keys"] = inspector.get_foreign_keys("histories", schema="demo")
result["table_comment"] = inspector.get_table_comment("runs", schema="demo")["text"]
table = pandas.read_sql_table("runs", engine)
result["table_shape"] = [len(table), list(table.columns)]
frame = pandas.read_sql(
    'SELECT run_id, created_at, history_line_count, "summary.loss" FROM runs ORDER BY run_id',
    engine,
)
result["dtypes"] = {name: str(dtype) for name, dtype in frame.dtypes.items()}
result["frame_run_ids"] = list(frame["run_id"])
result["frame_missing_loss"] = int(frame["summary.loss"].isna().sum())
print(json.dumps(result))
