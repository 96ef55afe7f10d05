"""pgcli's completion against the wandb-jdbc PostgreSQL endpoint, as pgcli itself builds it.

    PGPASSWORD=<W&B API key> python3 pgcli_completion.py PORT DATABASE

Runs every refresher pgcli runs after connecting (schemata, tables, views, columns, functions,
types, databases, ...), each of them a catalog query, then asks pgcli's completer for table and
column names. Prints one JSON object; PgcliCompletionTest compares it with JDBC.
"""

import json
import os
import sys

from pgcli.completion_refresher import CompletionRefresher
from pgcli.pgcompleter import PGCompleter
from pgcli.pgexecute import PGExecute
from prompt_toolkit.document import Document

port, database = int(sys.argv[1]), sys.argv[2]
executor = PGExecute(database, "wandb", os.environ["PGPASSWORD"], "127.0.0.1", port, "")
completer = PGCompleter(smart_completion=True, settings={})
refreshed = []
for name, refresh in CompletionRefresher.refreshers.items():
    refresh(completer, executor)  # a failing catalog query raises here, as pgcli would log it
    refreshed.append(name)


def complete(text):
    document = Document(text=text, cursor_position=len(text))
    return sorted({c.text for c in completer.get_completions(document, None)})


print(
    json.dumps(
        {
            "refreshed": refreshed,
            "search_path": executor.search_path(),
            "tables": complete("SELECT * FROM "),
            "run_columns": complete("SELECT * FROM runs WHERE "),
        }
    )
)
