# Sourced by the bin/ scripts: builds main and test classes when the sources changed since the
# last build, then sets CLASSPATH to the project's classes plus every test-scope dependency.
# Maven's own output goes to stderr so that a script's stdout carries only its result.
project_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
stamp="$project_dir/target/test-classpath.txt"
if [ ! -f "$stamp" ] || [ -n "$(find "$project_dir/src" "$project_dir/pom.xml" -newer "$stamp" -print -quit)" ]; then
  echo "building wandb-jdbc (first run downloads dependencies)..." >&2
  (cd "$project_dir" && mvn -q -B -Dstyle.color=never -DskipTests test-compile \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$stamp") >&2 || {
    echo "build failed" >&2
    exit 1
  }
  touch "$stamp" # the plugin leaves an unchanged file alone; the stamp must still move on
fi
CLASSPATH="$project_dir/target/test-classes:$project_dir/target/classes:$(cat "$stamp")"
export CLASSPATH
