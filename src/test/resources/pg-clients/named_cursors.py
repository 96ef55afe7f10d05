"""Server-side cursors against the wandb-jdbc PostgreSQL endpoint: psycopg2 named cursors,
psycopg 3 server cursors and SQLAlchemy's stream_results / yield_per.

    PGPASSWORD=<W&B API key> python3 named_cursors.py PORT DATABASE

Prints one JSON object with what each client read; PgNamedCursorsTest compares it with JDBC.
"""

import json
import os
import sys

import psycopg
import psycopg2
import sqlalchemy

port, database = int(sys.argv[1]), sys.argv[2]
password = os.environ["PGPASSWORD"]
ordered = "SELECT run_id FROM runs ORDER BY run_id"
result = {}

with psycopg2.connect(
    host="127.0.0.1", port=port, dbname=database, user="wandb", password=password
) as connection:
    with connection.cursor(name="runs_by_id") as cursor:
        cursor.itersize = 7
        cursor.execute(ordered)
        result["psycopg2_first"] = cursor.fetchone()[0]
        result["psycopg2_three"] = [row[0] for row in cursor.fetchmany(3)]
        result["psycopg2_rest"] = [row[0] for row in cursor]
    connection.commit()
    connection.autocommit = True
    with connection.cursor(name="held", withhold=True) as cursor:
        cursor.execute("SELECT run_id FROM runs WHERE state = %s ORDER BY run_id", ("crashed",))
        result["psycopg2_held"] = [row[0] for row in cursor.fetchall()]

with psycopg.connect(
    host="127.0.0.1", port=port, dbname=database, user="wandb", password=password
) as connection:
    with connection.cursor(name="psycopg3") as cursor:
        cursor.itersize = 4
        cursor.execute(
            "SELECT run_id, history_line_count FROM runs WHERE run_id > %s ORDER BY run_id",
            ("",),
        )
        result["psycopg3_description"] = [column.name for column in cursor.description]
        result["psycopg3_two"] = [row[0] for row in cursor.fetchmany(2)]
        result["psycopg3_rest"] = [row[0] for row in cursor]
    with connection.cursor(name="psycopg3_binary", binary=True) as cursor:
        cursor.execute("SELECT history_line_count FROM runs ORDER BY run_id")
        result["psycopg3_binary"] = [row[0] for row in cursor.fetchall()]

url = sqlalchemy.engine.URL.create(
    "postgresql+psycopg2",
    username="wandb",
    password=password,
    host="127.0.0.1",
    port=port,
    database=database,
)
engine = sqlalchemy.create_engine(url)
with engine.connect() as connection:
    streamed = connection.execution_options(stream_results=True).execute(
        sqlalchemy.text(ordered)
    )
    result["sqlalchemy_partitions"] = [
        [row[0] for row in partition] for partition in streamed.yield_per(9).partitions()
    ]
print(json.dumps(result))
