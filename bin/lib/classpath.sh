# Sourced by the bin/ scripts: builds main and test classes when the sources changed since the
# last build, then sets CLASSPATH to the project's classes plus every test-scope dependency.
# The classes go in as jars: a class-data-sharing archive (bin/lib/cds.sh) takes only jars.
# Maven's own output goes to stderr so that a script's stdout carries only its result.
project_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
stamp="$project_dir/target/test-classpath.txt"
if [ ! -f "$stamp" ] || [ -n "$(find "$project_dir/src" "$project_dir/pom.xml" -newer "$stamp" -print -quit)" ]; then
  echo "building wandb-jdbc (first run downloads dependencies)..." >&2
  # Debian's Maven prints colour resets (ESC[0m) even in batch mode; jansi.noreset keeps them out.
  (cd "$project_dir" && MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" mvn -q -B -Dstyle.color=never -DskipTests test-compile \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$stamp") >&2 || {
    echo "build failed" >&2
    exit 1
  }
  touch "$stamp" # the plugin leaves an unchanged file alone; the stamp must still move on
fi
for classes in classes test-classes; do
  jar="$project_dir/target/bin-jars/$classes.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$project_dir/target/$classes" -newer "$jar" -print -quit)" ]; then
    mkdir -p "$project_dir/target/bin-jars"
    jar --create --no-compress --file "$jar.partial" -C "$project_dir/target/$classes" . &&
      mv -f "$jar.partial" "$jar"
  fi
done
CLASSPATH="$project_dir/target/bin-jars/test-classes.jar:$project_dir/target/bin-jars/classes.jar"
CLASSPATH="$CLASSPATH:$(cat "$stamp")"
export CLASSPATH
