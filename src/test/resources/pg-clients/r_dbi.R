# R's DBI with RPostgreSQL (Debian's r-cran-rpostgresql) against the wandb-jdbc PostgreSQL endpoint.
#
#   PGPASSWORD=<W&B API key> Rscript r_dbi.R PORT DATABASE
#
# Prints one "name: value" line per call; PgRClientTest compares them with JDBC.
library(DBI)
library(RPostgreSQL)
args <- commandArgs(trailingOnly = TRUE)
con <- dbConnect(PostgreSQL(), host = "127.0.0.1", port = as.integer(args[1]), dbname = args[2],
                 user = "wandb", password = Sys.getenv("PGPASSWORD"))
cat("tables:", paste(sort(dbListTables(con)), collapse = ","), "\n")
cat("exists:", dbExistsTable(con, "runs"), dbExistsTable(con, "nope"), "\n")
cat("fields:", paste(dbListFields(con, "runs"), collapse = ","), "\n")
runs <- dbReadTable(con, "runs")
cat("rows:", nrow(runs), "\n")
cat("columns:", paste(names(runs), collapse = ","), "\n")
invisible(dbDisconnect(con))
