# Sourced by bin/wandb-sql: `java_with_class_archive ARGS...` runs java with an application
# class-data-sharing archive of the classes a run loads, so that a later start maps them instead of
# loading and verifying them (about 2.2 s to under 1 s for a first answer). The first run with a
# given java and classpath writes the archive, in $XDG_CACHE_HOME/wandb-jdbc/cds (else
# ~/.cache/wandb-jdbc/cds), named by a hash of the java binary and of every classpath entry's
# path, size and time: a rebuilt jar or another JDK gets a new archive, and the old ones go.
# WANDB_JDBC_CDS=off runs without one.
java_with_class_archive() {
  local cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/wandb-jdbc/cds"
  if [ "${WANDB_JDBC_CDS:-on}" = off ] || ! mkdir -p "$cache_dir" 2>/dev/null; then
    exec java "$@"
  fi
  local key entries
  IFS=: read -r -a entries <<<"$CLASSPATH"
  # Without GNU stat and sha256sum, or with a classpath entry gone, there is no key: no archive.
  key=$( { readlink -f "$(command -v java)" && stat -c '%n %s %Y' "${entries[@]}"; } 2>/dev/null |
    sha256sum 2>/dev/null) || key=""
  [ -n "$key" ] || exec java "$@"
  local archive="$cache_dir/wandb-sql-${key:0:16}.jsa"
  # The JVM reads the archive's regions by the sizes in its header, so a truncated file would
  # crash it: an archive is used only at the size recorded when it was written whole.
  # VerifySharedSpaces checks the contents (a few ms) and makes the JVM ignore a damaged one.
  if [ -f "$archive" ] && [ "$(stat -c %s "$archive")" = "$(cat "$archive.size" 2>/dev/null)" ]; then
    exec java -XX:SharedArchiveFile="$archive" -Xshare:auto -XX:+VerifySharedSpaces \
      -Xlog:cds*=off "$@"
  fi
  # The JVM logs to stdout, which carries the result: CDS's notes about classes it cannot
  # archive are turned off. The archive is written under a temporary name and renamed whole.
  local partial="$archive.$$.partial" status=0
  java -XX:ArchiveClassesAtExit="$partial" -Xlog:cds*=off "$@" || status=$?
  if [ -s "$partial" ]; then
    rm -f "$cache_dir"/wandb-sql-*.jsa "$cache_dir"/wandb-sql-*.jsa.size
    stat -c %s "$partial" >"$archive.size"
    mv -f "$partial" "$archive"
  fi
  rm -f "$partial"
  return "$status"
}
