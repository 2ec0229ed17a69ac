#!/usr/bin/env bash
# Shared by the batch benchmarks (bench/cwc.sh, bench/reminders.sh), which run the core and batch modules without
# the web modules (bench/batch/BatchBenchApplication.java). Source it after setting JAVA_HOME, WORK, DB and PSQL
# and defining log and start_app.

# build_bench_app: packages core and batch (nothing installed), compiles the bench application; sets CP.
build_bench_app() {
    log "Building core and batch (package only, nothing installed)"
    ./mvnw -B -q -o -pl batch -am package dependency:build-classpath -DskipTests \
        -Dmdep.outputFile="$PWD/$WORK/classpath.txt" -Dmdep.includeScope=runtime
    CP="$PWD/batch/target/batch-0.1.0-SNAPSHOT.jar:$(cat "$WORK/classpath.txt")"
    "$JAVA_HOME/bin/javac" -cp "$CP" -d "$WORK/classes" bench/batch/BatchBenchApplication.java
    CP="$PWD/$WORK/classes:$CP"
}

# start_bench_app SETTINGS LOG: starts the bench application on database DB in the background, with the caller's
# environment, extra JVM options in JVM_OPTS and the settings file SETTINGS (which gives bench.pending and
# bench.poll); sets APP_PID.
start_bench_app() {
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
        "$JAVA_HOME/bin/java" -Xmx512m ${JVM_OPTS:-} -cp "$CP" org.advocacy.BatchBenchApplication \
        --spring.config.additional-location="file:$1" >> "$2" 2>&1 &
    APP_PID=$!
}

# fresh_bench_database WHAT: a new database DB, its schema made by Flyway on the first start of WHAT (start_app).
fresh_bench_database() {
    log "Fresh database $DB, schema by Flyway (first start of the $1)"
    "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
    start_app "$WORK/app-migrate.log"; wait "$APP_PID"; APP_PID=""
}
